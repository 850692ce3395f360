//! dateline: a timeline explorer for news coverage.
//!
//! The core (loader → extractor → model → views) is plain functions over
//! plain data; the terminal UI in `tui` is a thin shell over it.

pub mod actors;
pub mod aliases;
pub mod app;
pub mod cache;
pub mod check;
pub mod cluster;
pub mod corpus;
pub mod coverage;
pub mod dates;
pub mod export;
pub mod extract;
pub mod fsutil;
pub mod guard;
pub mod loader;
pub mod model;
pub mod parallel;
pub mod people;
pub mod progress;
pub mod provenance;
pub mod query;
pub mod quotes;
pub mod sanitize;
pub mod span;
pub mod text;
pub mod timeline;
pub mod timing;
pub mod tui;
