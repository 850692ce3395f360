//! Filtering off the UI thread: queries in, matching rows out, each
//! tagged with its generation so the UI can drop stale answers.

use super::state::Data;
use crate::query::{self, Filtered, Query};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

pub struct Request {
    /// The corpus to filter: the one shown when the query was made.
    pub data: Arc<Data>,
    pub generation: u64,
    pub query: String,
    pub by_relevance: bool,
    pub wider: bool,
}

/// Starts the worker; results go to `out` as `(generation, rows)` via `wrap`.
pub fn spawn<M: Send + 'static>(
    out: Sender<M>,
    wrap: impl Fn(u64, Filtered) -> M + Send + 'static,
) -> Sender<Request> {
    let (tx, rx): (Sender<Request>, Receiver<Request>) = channel();
    std::thread::spawn(move || {
        while let Ok(mut req) = rx.recv() {
            // Only the newest query matters.
            while let Ok(newer) = rx.try_recv() {
                req = newer;
            }
            let shown = run(&req.data, &req.query, req.by_relevance, req.wider);
            if out.send(wrap(req.generation, shown)).is_err() {
                break;
            }
        }
    });
    tx
}

/// The rows a query shows, in display order, and how many it left out
/// for dates wider than its range (kept when `wider`).
pub fn run(data: &Data, query: &str, by_relevance: bool, wider: bool) -> Filtered {
    let mut q = Query::parse(query);
    q.wider = wider;
    query::filter_counted(&data.items, &data.hays, &q, by_relevance)
}
