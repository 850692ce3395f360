//! dateline: a timeline explorer for news coverage.
//!
//! The core (loader → extractor → model → views) is plain functions over
//! plain data; the terminal UI in `tui` is a thin shell over it.

pub mod dates;
pub mod model;
pub mod quotes;
