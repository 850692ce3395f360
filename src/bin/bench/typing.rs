//! typing: a query typed into the explorer's state, one key at a time,
//! with the filter worker the app runs. For each key: how long until the
//! first rows are drawn (a partial answer while the pass still counts, or
//! the whole answer when it comes first), and until the whole answer is
//! drawn. Beside it, one whole pass a key, as the worker ran before it
//! answered in chunks.

use dateline::tui::actions::{Action, Cmd, Effect};
use dateline::tui::reduce::update;
use dateline::tui::state::State;
use dateline::tui::{view, worker};
use std::hint::black_box;
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

/// Each key's times, in milliseconds' worth of `Duration`s.
#[derive(Default)]
pub struct Keys {
    /// Key to the first rows drawn.
    pub first: Vec<Duration>,
    /// Key to the whole answer drawn.
    pub done: Vec<Duration>,
    /// One whole pass for the same text (the worker before chunks).
    pub whole: Vec<Duration>,
    /// Keys answered first with a partial answer.
    pub partial: usize,
}

/// Types `query` into the filter bar of `s`, waiting for each key's whole
/// answer before the next key.
pub fn type_query(s: &mut State, query: &str) -> Keys {
    let mut keys = Keys::default();
    for n in 1..=query.len() {
        let t = Instant::now();
        let f = worker::run(&s.data, &query[..n], false, false);
        keys.whole.push(t.elapsed());
        black_box(f.rows.len());
    }
    let (tx, rx) = channel();
    let filter = worker::spawn(tx, |a| a);
    update(s, Action::Cmd(Cmd::Filter));
    for c in query.chars() {
        let t = Instant::now();
        let mut asked = false;
        for e in update(s, Action::Input(c)) {
            if let Effect::Filter {
                generation,
                query,
                by_relevance,
                wider,
            } = e
            {
                asked = true;
                let req = worker::Request {
                    data: s.data.clone(),
                    generation,
                    query,
                    by_relevance,
                    wider,
                };
                filter.send(req).expect("the worker listens");
            }
        }
        if !asked {
            continue;
        }
        let mut first = None;
        loop {
            let a = rx.recv().expect("the worker answers");
            let partial = a.partial;
            update(
                s,
                Action::Filtered {
                    generation: a.generation,
                    shown: a.filtered.rows,
                    wider: a.filtered.wider,
                    partial,
                },
            );
            black_box(view::to_buffer(s));
            if first.is_none() {
                first = Some(t.elapsed());
                keys.partial += partial as usize;
            }
            if !partial {
                break;
            }
        }
        keys.first.push(first.unwrap_or_default());
        keys.done.push(t.elapsed());
    }
    keys
}
