//! A filter pass in chunks, in timeline order, that reports as it goes
//! and can be stopped between chunks: the explorer shows the first rows
//! while the rest are still being counted, and gives up a pass that a
//! newer keystroke made stale.

use super::{DateFit, DefaultEngine, Field, Haystack, Hit, Matcher, Mode, Query, Term};
use crate::timeline::Item;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::Duration;

/// How far a pass has got, given to its caller after each step.
pub struct Progress<'a> {
    /// Hits of the chunks finished since the last report, in timeline
    /// order (empty when nothing new is ready).
    pub new_hits: &'a [Hit],
    /// Rows scanned so far, all of them from the first one on.
    pub scanned: usize,
    /// Rows the pass scans in all.
    pub total: usize,
}

/// Whether a pass goes on after a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Go,
    Stop,
}

/// How long a pass waits for a chunk before it reports anyway, so that
/// its caller can look for newer work.
const TICK: Duration = Duration::from_millis(5);

/// Scans `rows` (every item when `None`, else those indices, ascending) in
/// chunks of `chunk` rows on `threads` threads. On the calling thread,
/// `report` hears of each chunk once every chunk before it is done, and is
/// called at least every few milliseconds while the scan runs; when it
/// answers [`Flow::Stop`] the threads stop after the chunk they are on.
/// Returns whether the pass ran to its end.
pub fn scan(
    items: &[Item],
    hays: &[Haystack],
    q: &Query,
    rows: Option<&[usize]>,
    chunk: usize,
    threads: usize,
    mut report: impl FnMut(Progress) -> Flow,
) -> bool {
    let total = rows.map_or(items.len().min(hays.len()), <[usize]>::len);
    let chunk = chunk.max(1);
    let chunks = total.div_ceil(chunk);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (tx, rx) = channel::<(usize, Vec<Hit>)>();
    std::thread::scope(|s| {
        for _ in 0..threads.clamp(1, chunks.max(1)) {
            let tx = tx.clone();
            let (next, stop) = (&next, &stop);
            s.spawn(move || {
                let mut m = Matcher::<DefaultEngine>::with_engine(q);
                while !stop.load(Ordering::Relaxed) {
                    let c = next.fetch_add(1, Ordering::Relaxed);
                    if c >= chunks {
                        break;
                    }
                    let hits: Vec<Hit> = (c * chunk..((c + 1) * chunk).min(total))
                        .map(|p| rows.map_or(p, |r| r[p]))
                        .filter_map(|i| {
                            m.score_fit(&items[i], &hays[i])
                                .map(|(s, fit)| (i, s, fit == DateFit::Wider))
                        })
                        .collect();
                    if tx.send((c, hits)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut done: BTreeMap<usize, Vec<Hit>> = BTreeMap::new();
        let mut ready = 0;
        let mut fresh = Vec::new();
        while ready < chunks {
            match rx.recv_timeout(TICK) {
                Ok((c, hits)) => {
                    done.insert(c, hits);
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            fresh.clear();
            while let Some(hits) = done.remove(&ready) {
                fresh.extend(hits);
                ready += 1;
            }
            let progress = Progress {
                new_hits: &fresh,
                scanned: (ready * chunk).min(total),
                total,
            };
            if report(progress) == Flow::Stop {
                stop.store(true, Ordering::Relaxed);
                return false;
            }
        }
        ready >= chunks
    })
}

/// Whether every row `new` matches is a row `old` matches, so that a pass
/// for `new` need only look at `old`'s hits: the same dates and kind, the
/// same words in the same order, some of them longer where a longer word
/// can only match less (an exact, prefix or suffix word, or a word of a
/// name), then maybe more words. A longer fuzzy word can match a row the
/// shorter one did not (its threshold grows by the letter, and a close
/// letter scores more than that), and a longer excluded word excludes
/// less, so those take a whole pass.
pub fn narrows(old: &Query, new: &Query) -> bool {
    old.from == new.from
        && old.to == new.to
        && old.kind == new.kind
        && old.terms.len() <= new.terms.len()
        && old.terms.iter().zip(&new.terms).all(|(o, n)| {
            o.field == n.field
                && o.mode == n.mode
                && o.negate == n.negate
                && (o.text == n.text || (!o.negate && longer_matches_less(o, &n.text)))
        })
}

fn longer_matches_less(old: &Term, new: &str) -> bool {
    let t = old.text.as_str();
    match old.mode {
        Mode::Exact => new.contains(t),
        Mode::Prefix => new.starts_with(t),
        Mode::Suffix => new.ends_with(t),
        // Name words match as word prefixes, not fuzzily.
        Mode::Fuzzy => matches!(old.field, Field::Actor | Field::Speaker) && new.starts_with(t),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{filter, finish};
    use super::*;
    use crate::aliases::AliasTable;
    use crate::loader::{self, BUNDLED_ALIASES};
    use crate::timeline;

    fn bundled() -> (Vec<Item>, Vec<Haystack>) {
        let (table, _) = AliasTable::with_general(BUNDLED_ALIASES);
        let (model, _) = crate::extract::build_model(&loader::bundled(), &table);
        let items = timeline::build(&model);
        let hays = items.iter().map(|i| Haystack::of(i, &model)).collect();
        (items, hays)
    }

    /// The whole pass in chunks, as `finish` shows it.
    fn chunked(
        items: &[Item],
        hays: &[Haystack],
        q: &Query,
        rows: Option<&[usize]>,
        chunk: usize,
        threads: usize,
        by_relevance: bool,
    ) -> Vec<usize> {
        let mut hits = Vec::new();
        let mut last = 0;
        let ended = scan(items, hays, q, rows, chunk, threads, |p| {
            assert!(p.scanned >= last && p.scanned <= p.total);
            last = p.scanned;
            hits.extend_from_slice(p.new_hits);
            Flow::Go
        });
        assert!(ended);
        assert_eq!(last, rows.map_or(items.len(), <[usize]>::len));
        finish(hits, q.wider, by_relevance).rows
    }

    #[test]
    fn chunks_give_the_rows_of_one_pass() {
        let (items, hays) = bundled();
        for q in ["trump talks", "oil", "@bibi", "'iran !israel", "zqxjvw", ""] {
            let q = Query::parse(q);
            for by_relevance in [false, true] {
                let whole = filter(&items, &hays, &q, by_relevance);
                for (chunk, threads) in [(1, 1), (7, 2), (64, 3), (100_000, 2)] {
                    let got = chunked(&items, &hays, &q, None, chunk, threads, by_relevance);
                    assert_eq!(got, whole, "{q:?} chunk {chunk} on {threads} threads");
                }
            }
        }
    }

    #[test]
    fn a_stopped_pass_scans_no_further() {
        let (items, hays) = bundled();
        assert!(items.len() > 100);
        let q = Query::parse("e");
        let mut reports = 0;
        let mut seen = 0;
        let ended = scan(&items, &hays, &q, None, 10, 1, |p| {
            reports += 1;
            seen = p.scanned;
            if p.scanned > 0 { Flow::Stop } else { Flow::Go }
        });
        assert!(!ended);
        assert!(seen > 0 && seen < items.len(), "{seen}");
        assert!(reports >= 1);
    }

    #[test]
    fn narrowing_is_only_claimed_where_the_hits_are_a_subset() {
        let (items, hays) = bundled();
        let hits = |q: &Query| -> std::collections::BTreeSet<usize> {
            filter(&items, &hays, q, false).into_iter().collect()
        };
        let pairs = [
            ("'ira", "'iran", true),
            ("^tru", "^trump", true),
            ("aid$", "said$", true),
            ("@neta", "@netanyahu", true),
            ("said:tr", "said:trump", true),
            ("oil", "oil talks", true),
            ("oil", "oil !iran", true),
            ("oil", "oil ", true),
            ("'ira oil", "'iran oil", true),
            ("min", "mini", false),
            ("!ira", "!iran", false),
            ("oil", "'oil", false),
            ("oil talks", "oil", false),
            ("oil", "from:2026-03-02 oil", false),
            ("oil", "is:quote oil", false),
        ];
        for (old, new, claimed) in pairs {
            let (o, n) = (Query::parse(old), Query::parse(new));
            assert_eq!(narrows(&o, &n), claimed, "{old:?} -> {new:?}");
            if claimed {
                assert!(hits(&n).is_subset(&hits(&o)), "{old:?} -> {new:?}");
                // Scanning only the old hits finds every new hit.
                let old_rows: Vec<usize> = hits(&o).into_iter().collect();
                let within = chunked(&items, &hays, &n, Some(&old_rows), 5, 2, false);
                assert_eq!(within, filter(&items, &hays, &n, false), "{new:?}");
            }
        }
    }
}
