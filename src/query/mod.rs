//! The filter language, shared by the explorer and `export --filter`.
//!
//! Words are fuzzy by default and match event text, quote text and
//! speakers, actor names with their aliases, and outlets. Like fzf:
//! `'word` matches exactly, `^word` at the start, `word$` at the end, and
//! `!word` excludes. Field prefixes narrow a word: `@actor`, `"quote`,
//! `#outlet`. `from:2026-03-02` and `to:2026-03-04` (or `from:2026-03`)
//! bound the dates.

mod fuzzy;
mod haystack;
mod matcher;
mod parse;
mod pass;

pub use fuzzy::{Frizbee, Fuzzy};
pub use haystack::Haystack;
pub use haystack::fold;
pub use matcher::{DateFit, DefaultEngine, Matcher, date_fit};
pub use parse::{Field, Kind, Mode, Query, SYNTAX, Term};
pub use pass::{Flow, Progress, narrows, scan};

use crate::timeline::Item;

/// Filters and ranks the timeline: indices of matching items, in timeline
/// order, or by score (best first) when `by_relevance`.
pub fn filter(items: &[Item], hays: &[Haystack], q: &Query, by_relevance: bool) -> Vec<usize> {
    filter_counted(items, hays, q, by_relevance).rows
}

/// A row a pass matched: its index, its score, and whether its date is
/// wider than the query's range.
pub type Hit = (usize, i64, bool);

/// What a filter shows, and how many rows it left out only because their
/// dates are wider than the range (`Query::wider` keeps them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filtered {
    pub rows: Vec<usize>,
    pub wider: usize,
}

/// `filter`, with the count of rows left out for being wider than the range.
pub fn filter_counted(
    items: &[Item],
    hays: &[Haystack],
    q: &Query,
    by_relevance: bool,
) -> Filtered {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    filter_on::<DefaultEngine>(items, hays, q, by_relevance, cores, 4_096)
}

/// `filter` with the given fuzzy engine, on every core.
pub fn filter_with<F: Fuzzy>(
    items: &[Item],
    hays: &[Haystack],
    q: &Query,
    by_relevance: bool,
) -> Vec<usize> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    filter_on::<F>(items, hays, q, by_relevance, cores, 4_096).rows
}

/// Scores the items in up to `threads` chunks of at least `min_chunk`
/// items, each on a thread of its own with its own matcher; the chunks'
/// hits are joined in timeline order.
fn filter_on<F: Fuzzy>(
    items: &[Item],
    hays: &[Haystack],
    q: &Query,
    by_relevance: bool,
    threads: usize,
    min_chunk: usize,
) -> Filtered {
    let n = items.len().min(hays.len());
    let scan = |range: std::ops::Range<usize>| {
        let mut m = Matcher::<F>::with_engine(q);
        range
            .filter_map(|i| {
                m.score_fit(&items[i], &hays[i])
                    .map(|(s, fit)| (i, s, fit == DateFit::Wider))
            })
            .collect::<Vec<Hit>>()
    };
    let hits = crate::parallel::parallel_ranges(n, threads, min_chunk, scan);
    finish(hits, q.wider, by_relevance)
}

/// What a pass's hits (item, score, wider than the range) show: the rows
/// in timeline order, or best first when `by_relevance`, leaving out the
/// wider rows unless `keep_wider`.
pub fn finish(hits: Vec<Hit>, keep_wider: bool, by_relevance: bool) -> Filtered {
    let mut wider = 0;
    let hits: Vec<(usize, i64)> = hits
        .into_iter()
        .filter(|&(_, _, wide)| {
            let out = wide && !keep_wider;
            wider += out as usize;
            !out
        })
        .map(|(i, s, _)| (i, s))
        .collect();
    if !by_relevance {
        let rows = hits.into_iter().map(|(i, _)| i).collect();
        return Filtered { rows, wider };
    }
    // Best first, ties in timeline order: one u64 key an item sorts fastest.
    let mut keys: Vec<u64> = hits
        .into_iter()
        .map(|(i, s)| {
            let rank = u32::MAX - s.clamp(0, u32::MAX as i64) as u32;
            (rank as u64) << 32 | i as u64
        })
        .collect();
    keys.sort_unstable();
    let rows = keys
        .into_iter()
        .map(|k| (k & u32::MAX as u64) as usize)
        .collect();
    Filtered { rows, wider }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aliases::AliasTable;
    use crate::loader::{self, BUNDLED_ALIASES};
    use crate::model::Model;
    use crate::timeline;
    use std::collections::BTreeSet;

    fn bundled() -> (Model, Vec<Item>, Vec<Haystack>) {
        let (table, _) = AliasTable::with_general(BUNDLED_ALIASES);
        let (model, _) = crate::extract::build_model(&loader::bundled(), &table);
        let items = timeline::build(&model);
        let hays = items.iter().map(|i| Haystack::of(i, &model)).collect();
        (model, items, hays)
    }

    /// Items matching `q`, as a set.
    fn hits(items: &[Item], hays: &[Haystack], q: &str) -> BTreeSet<usize> {
        filter(items, hays, &Query::parse(q), false)
            .into_iter()
            .collect()
    }

    /// Items with some field for which `f` holds (actor names one by one).
    fn where_field(hays: &[Haystack], f: impl Fn(&str) -> bool) -> BTreeSet<usize> {
        fn fields(h: &Haystack) -> Vec<&str> {
            let mut v = vec![h.text(), h.outlets()];
            v.extend(h.quote());
            v.extend(h.actors().lines());
            v
        }
        (0..hays.len())
            .filter(|&i| fields(&hays[i]).into_iter().any(&f))
            .collect()
    }

    #[test]
    fn too_late_brings_the_too_late_quotes_to_the_top() {
        let (_, items, hays) = bundled();
        let r = filter(&items, &hays, &Query::parse("too late"), true);
        let says = |i: usize| hays[i].text().contains("too late");
        let n = r.iter().filter(|&&i| says(i)).count();
        assert!(n >= 3, "{n}");
        assert!(
            r[..n].iter().all(|&i| says(i)),
            "those saying it come first"
        );
        let trump_quotes = (0..items.len())
            .filter(|&i| items[i].is_quote() && says(i) && hays[i].actors().contains("trump"))
            .count();
        assert!(trump_quotes >= 1);
        assert_eq!(
            r[..n]
                .iter()
                .filter(|&&i| items[i].is_quote() && hays[i].actors().contains("trump"))
                .count(),
            trump_quotes
        );
    }

    #[test]
    fn bibi_finds_every_netanyahu_item() {
        let (model, items, hays) = bundled();
        let netanyahu: BTreeSet<usize> = (0..items.len())
            .filter(|&i| {
                items[i]
                    .actors
                    .iter()
                    .any(|&a| model.actors[a].name == "Benjamin Netanyahu")
            })
            .collect();
        assert!(netanyahu.len() >= 5);
        for q in ["bibi", "@bibi", "@netanyahu", "@netan", "ntnyhu"] {
            let found = hits(&items, &hays, q);
            assert!(found.is_superset(&netanyahu), "{q}");
        }
        let others = &hits(&items, &hays, "bibi") - &netanyahu;
        for i in others {
            let h = &hays[i];
            assert!(
                h.text().contains("bibi") || h.actors().lines().any(|n| n.contains("bibi")),
                "{h:?}"
            );
        }
    }

    #[test]
    fn operators_and_fields_select_what_they_say() {
        let (_, items, hays) = bundled();
        let all: BTreeSet<usize> = (0..items.len()).collect();
        let with = |w: &'static str| where_field(&hays, move |f| f.contains(w));
        assert_eq!(hits(&items, &hays, "'ceasefire"), with("ceasefire"));
        assert!(!with("ceasefire").is_empty());
        assert_eq!(hits(&items, &hays, "!iran"), &all - &with("iran"));
        assert_eq!(
            hits(&items, &hays, "^trump"),
            where_field(&hays, |f| f.starts_with("trump"))
        );
        let said = |f: &str| f.trim_end_matches(['.', '”', '"', ' ']).ends_with("said");
        assert_eq!(hits(&items, &hays, "said$"), where_field(&hays, said));
        assert!(!hits(&items, &hays, "said$").is_empty());
        // Field words look at their field only.
        let kushner = hits(&items, &hays, "@'kushner");
        assert!(!kushner.is_empty());
        assert!(
            kushner
                .iter()
                .all(|&i| hays[i].actors().contains("kushner"))
        );
        let quoted = hits(&items, &hays, "\"'talk");
        assert!(!quoted.is_empty());
        assert!(
            quoted
                .iter()
                .all(|&i| hays[i].quote().is_some_and(|q| q.contains("talk")))
        );
        let axios = hits(&items, &hays, "#axios");
        assert!(!axios.is_empty());
        assert!(axios.iter().all(|&i| hays[i].outlets().contains("axios")));
        // Dates bound the items.
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        let on_day = hits(&items, &hays, "from:2026-03-04 to:2026-03-04");
        assert!(!on_day.is_empty() && on_day.len() < items.len());
        let mut wider = 0;
        for &i in &all {
            let d = &items[i].date;
            assert_eq!(on_day.contains(&i), d.start == day && d.end == day);
            wider += (d.start <= day && d.end >= day && d.start != d.end) as usize;
        }
        let q = Query::parse("from:2026-03-04 to:2026-03-04");
        let counted = filter_counted(&items, &hays, &q, false);
        assert_eq!(counted.wider, wider, "wider rows are counted");
        let mut q = q;
        q.wider = true;
        assert_eq!(filter(&items, &hays, &q, false).len(), on_day.len() + wider);
        // Kinds.
        let quotes = hits(&items, &hays, "is:quote");
        assert!(!quotes.is_empty() && quotes.iter().all(|&i| items[i].is_quote()));
        assert_eq!(hits(&items, &hays, "\""), quotes, "a bare quote mark");
        let events = hits(&items, &hays, "is:event");
        assert_eq!(&quotes | &events, all);
        let said = hits(&items, &hays, "said:trump");
        assert!(!said.is_empty());
        assert!(said.iter().all(
            |&i| items[i].is_quote() && hays[i].speaker().is_some_and(|s| s.contains("trump"))
        ));
    }

    #[test]
    fn relevance_orders_the_same_hits_by_score() {
        let (_, items, hays) = bundled();
        for q in ["trump talks", "oil", "@bibi", "'iran !israel"] {
            let q = Query::parse(q);
            let by_time = filter(&items, &hays, &q, false);
            let by_score = filter(&items, &hays, &q, true);
            assert!(by_time.windows(2).all(|w| w[0] < w[1]));
            let mut sorted = by_score.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, by_time);
            let mut m = Matcher::new(&q);
            let scores: Vec<i64> = by_score
                .iter()
                .map(|&i| m.score(&items[i], &hays[i]).unwrap())
                .collect();
            for (w, s) in by_score.windows(2).zip(scores.windows(2)) {
                assert!(s[0] > s[1] || (s[0] == s[1] && w[0] < w[1]), "{w:?} {s:?}");
            }
        }
    }

    /// Each field of a haystack with its stored mask.
    fn masked_fields(h: &Haystack) -> Vec<(&str, u64)> {
        let mut v = vec![h.text_field(), h.outlets_field()];
        v.extend(h.quote_field());
        v.extend(h.names());
        v
    }

    #[test]
    fn letter_masks_set_aside_only_fields_that_cannot_match() {
        let (_, items, hays) = bundled();
        let words = [
            "bibi",
            "too",
            "late",
            "oil",
            "ceasefire",
            "talks",
            "ntnyhu",
            "u.s.",
            "iran's",
            "2026",
            "x",
            "zqxjvw",
        ];
        for w in words {
            let wm = haystack::letter_mask(w);
            let mut engine = DefaultEngine::new(w);
            let mut plain = BTreeSet::new();
            for (i, h) in hays.iter().enumerate() {
                for (f, m) in masked_fields(h) {
                    assert_eq!(m, haystack::letter_mask(f));
                    assert!(haystack::may_hold(h.all_mask(), m));
                    let fuzzy = engine.score(f).is_some();
                    if fuzzy || f.contains(w) {
                        assert!(haystack::may_hold(m, wm), "{w} in {f}");
                    }
                    if fuzzy {
                        plain.insert(i);
                    }
                }
            }
            // The filter (masks first) finds what scoring every field finds.
            assert_eq!(hits(&items, &hays, w), plain, "{w}");
        }
    }

    #[test]
    fn threads_give_the_same_rows_as_one() {
        let (_, items, hays) = bundled();
        for q in ["trump talks", "oil", "@bibi", "'iran !israel", "zqxjvw", ""] {
            let q = Query::parse(q);
            for by_relevance in [false, true] {
                let one = filter_on::<DefaultEngine>(&items, &hays, &q, by_relevance, 1, 1).rows;
                for threads in [2, 3, 7, 500] {
                    let many =
                        filter_on::<DefaultEngine>(&items, &hays, &q, by_relevance, threads, 1)
                            .rows;
                    assert_eq!(many, one, "{q:?} on {threads} threads");
                }
            }
        }
    }
}
