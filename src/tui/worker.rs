//! Filtering off the UI thread: queries in, matching rows out, each
//! tagged with its generation so the UI can drop stale answers.
//!
//! A pass runs in chunks in timeline order on every core. Once it has
//! rows enough for a screen (or has run a little while) it sends them as a
//! partial answer, then the whole answer when it ends. A newer query stops
//! it between chunks. A query that can only match fewer rows than the
//! last whole pass's (more letters of an exact word, one more word) looks
//! only at that pass's hits.

use super::state::Data;
use crate::query::{self, Filtered, Flow, Hit, Query};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

pub struct Request {
    /// The corpus to filter: the one shown when the query was made.
    pub data: Arc<Data>,
    pub generation: u64,
    pub query: String,
    pub by_relevance: bool,
    pub wider: bool,
}

/// The worker's answer to a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub generation: u64,
    pub filtered: Filtered,
    /// The rows of the chunks scanned so far: the pass is still counting.
    pub partial: bool,
}

/// When a pass sends its partial answer, and how it splits the work.
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    /// Rows a chunk scans: a newer query waits for at most one chunk a
    /// thread, and the first rows for at least one.
    pub chunk: usize,
    pub threads: usize,
    /// Shown rows that fill a screen (a tall one).
    pub screen: usize,
    /// How long a pass runs before it sends what it has, screen or not.
    pub patience: Duration,
}

impl Default for Pace {
    fn default() -> Pace {
        Pace {
            chunk: 4_096,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            screen: 200,
            patience: Duration::from_millis(50),
        }
    }
}

/// Starts the worker; answers go to `out` via `wrap`.
pub fn spawn<M: Send + 'static>(
    out: Sender<M>,
    wrap: impl Fn(Answer) -> M + Send + 'static,
) -> Sender<Request> {
    spawn_paced(Pace::default(), out, wrap)
}

/// `spawn`, with the given pace.
pub fn spawn_paced<M: Send + 'static>(
    pace: Pace,
    out: Sender<M>,
    wrap: impl Fn(Answer) -> M + Send + 'static,
) -> Sender<Request> {
    let (tx, rx): (Sender<Request>, Receiver<Request>) = channel();
    std::thread::spawn(move || {
        let mut last: Option<Done> = None;
        let mut next = None;
        loop {
            let mut req = match next.take() {
                Some(r) => r,
                None => match rx.recv() {
                    Ok(r) => r,
                    Err(_) => break,
                },
            };
            // Only the newest query matters.
            while let Ok(newer) = rx.try_recv() {
                req = newer;
            }
            let send = |a: Answer| out.send(wrap(a)).is_ok();
            match pass(&req, &rx, &pace, &mut last, send) {
                Ended::Answered => {}
                Ended::Newer(r) => next = Some(r),
                Ended::Closed => break,
            }
        }
    });
    tx
}

/// The last pass that ran to its end: every row it matched (wider ones
/// too), in timeline order. It does not keep its corpus alive.
struct Done {
    data: Weak<Data>,
    query: Query,
    rows: Vec<usize>,
}

enum Ended {
    Answered,
    /// A newer request came; this one was given up.
    Newer(Request),
    /// No one listens any more.
    Closed,
}

fn parse(req: &Request) -> Query {
    let mut q = Query::parse(&req.query);
    q.wider = req.wider;
    q
}

fn pass(
    req: &Request,
    rx: &Receiver<Request>,
    pace: &Pace,
    last: &mut Option<Done>,
    send: impl Fn(Answer) -> bool,
) -> Ended {
    let q = parse(req);
    let start = Instant::now();
    let within = last
        .as_ref()
        .filter(|d| std::ptr::eq(d.data.as_ptr(), Arc::as_ptr(&req.data)))
        .filter(|d| query::narrows(&d.query, &q))
        .map(|d| d.rows.as_slice());
    let mut hits: Vec<Hit> = Vec::new();
    let mut shown = 0;
    let mut partial_sent = false;
    let mut ended = None;
    let data = &req.data;
    let answer = |hits: &[Hit], partial: bool| Answer {
        generation: req.generation,
        filtered: query::finish(hits.to_vec(), q.wider, req.by_relevance),
        partial,
    };
    let complete = query::scan(
        &data.items,
        &data.hays,
        &q,
        within,
        pace.chunk,
        pace.threads,
        |p| {
            hits.extend_from_slice(p.new_hits);
            shown += p.new_hits.iter().filter(|h| q.wider || !h.2).count();
            match newest(rx) {
                Ok(None) => {}
                Ok(Some(r)) => {
                    ended = Some(Ended::Newer(r));
                    return Flow::Stop;
                }
                Err(()) => {
                    ended = Some(Ended::Closed);
                    return Flow::Stop;
                }
            }
            // Not before a first chunk: an empty screen would only flash.
            let waited = start.elapsed() >= pace.patience && p.scanned > 0;
            let enough = shown >= pace.screen || waited;
            if !partial_sent && enough && p.scanned < p.total {
                partial_sent = true;
                if !send(answer(&hits, true)) {
                    ended = Some(Ended::Closed);
                    return Flow::Stop;
                }
            }
            Flow::Go
        },
    );
    if let Some(e) = ended {
        return e;
    }
    debug_assert!(complete);
    let rows = hits.iter().map(|h| h.0).collect();
    let result = Answer {
        generation: req.generation,
        filtered: query::finish(hits, q.wider, req.by_relevance),
        partial: false,
    };
    *last = Some(Done {
        data: Arc::downgrade(data),
        query: q,
        rows,
    });
    // A query typed meanwhile makes this answer stale: go on to it.
    match newest(rx) {
        Ok(Some(r)) => Ended::Newer(r),
        Err(()) => Ended::Closed,
        Ok(None) if send(result) => Ended::Answered,
        Ok(None) => Ended::Closed,
    }
}

/// The newest request waiting, if any; `Err` when the sender is gone.
fn newest(rx: &Receiver<Request>) -> Result<Option<Request>, ()> {
    let mut got = None;
    loop {
        match rx.try_recv() {
            Ok(r) => got = Some(r),
            Err(TryRecvError::Empty) => return Ok(got),
            Err(TryRecvError::Disconnected) => return got.map(Some).ok_or(()),
        }
    }
}

/// The rows a query shows, in display order, and how many it left out
/// for dates wider than its range (kept when `wider`), in one pass.
pub fn run(data: &Data, query: &str, by_relevance: bool, wider: bool) -> Filtered {
    let mut q = Query::parse(query);
    q.wider = wider;
    query::filter_counted(&data.items, &data.hays, &q, by_relevance)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    fn data() -> Arc<Data> {
        crate::tui::tests::data()
    }

    fn ask(tx: &Sender<Request>, data: &Arc<Data>, generation: u64, query: &str) {
        tx.send(Request {
            data: data.clone(),
            generation,
            query: query.into(),
            by_relevance: false,
            wider: false,
        })
        .expect("the worker listens");
    }

    /// Answers until the whole answer of `generation`.
    fn until_whole(rx: &Receiver<Answer>, generation: u64) -> Vec<Answer> {
        let mut got = Vec::new();
        loop {
            let a = rx.recv_timeout(Duration::from_secs(60)).expect("an answer");
            let end = a.generation == generation && !a.partial;
            got.push(a);
            if end {
                return got;
            }
        }
    }

    /// One row a chunk, one thread, a partial answer after the first row.
    fn slow() -> Pace {
        Pace {
            chunk: 1,
            threads: 1,
            screen: 1,
            patience: Duration::from_secs(600),
        }
    }

    #[test]
    fn a_partial_answer_comes_first_then_the_whole_one() {
        let d = data();
        let (out, rx) = channel();
        let tx = spawn_paced(slow(), out, |a| a);
        ask(&tx, &d, 1, "e");
        let got = until_whole(&rx, 1);
        let whole = run(&d, "e", false, false);
        assert_eq!(got.len(), 2, "one partial answer, then the whole one");
        assert!(got[0].partial && !got[1].partial);
        let first = &got[0].filtered.rows;
        assert!(!first.is_empty() && first.len() < whole.rows.len());
        assert_eq!(
            first[..],
            whole.rows[..first.len()],
            "the first rows, in order"
        );
        assert_eq!(got[1].filtered, whole);
    }

    #[test]
    fn a_newer_query_stops_the_pass_and_gets_the_answer() {
        let d = data();
        let (out, rx) = channel();
        // The newer query is typed as soon as the first one shows rows.
        let requests: Arc<Mutex<Option<Sender<Request>>>> = Arc::default();
        let typed = requests.clone();
        let d2 = d.clone();
        let tx = spawn_paced(slow(), out, move |a: Answer| {
            if a.generation == 1 {
                let guard = typed.lock().unwrap();
                ask(guard.as_ref().expect("set before asking"), &d2, 2, "trump");
            }
            a
        });
        *requests.lock().unwrap() = Some(tx.clone());
        ask(&tx, &d, 1, "e");
        let got = until_whole(&rx, 2);
        let first: Vec<_> = got.iter().filter(|a| a.generation == 1).collect();
        assert_eq!(first.len(), 1, "only the partial answer of the stale pass");
        assert!(first[0].partial);
        let last = got.last().unwrap();
        assert_eq!(last.filtered, run(&d, "trump", false, false));
    }

    #[test]
    fn narrowed_passes_answer_as_whole_ones() {
        let d = data();
        let (out, rx) = channel();
        let tx = spawn(out, |a| a);
        let typed = [
            "'i",
            "'ir",
            "'ira",
            "'iran",
            "'iran t",
            "'iran tr",
            "'iran tr!",
            "'ira",
        ];
        for (g, q) in typed.iter().enumerate() {
            ask(&tx, &d, g as u64, q);
            let got = until_whole(&rx, g as u64);
            assert_eq!(
                got.last().unwrap().filtered,
                run(&d, q, false, false),
                "{q}"
            );
        }
    }
}
