//! The corpus-wide pass that dates event-anchored clauses: "a day after US
//! and Israeli strikes began" is dated a day after the event of the corpus
//! that the phrase names, when one is dated ("the war that the U.S. and
//! Israel started on Saturday").

use super::article::FoundEvent;
use crate::dates::{Anchor, states_onset, stems};
use crate::model::{Article, ArticleId, Basis, Precision};
use crate::parallel::parallel_chunks_mut;
use std::collections::{HashMap, HashSet};

/// Dates every clause that names an anchor event found among the dated
/// events of the corpus; the others keep their date. The anchors are
/// dropped afterwards.
pub(super) fn resolve_anchors(
    events: &mut [FoundEvent],
    article_of: &[ArticleId],
    articles: &[Article],
) {
    let anchored: Vec<usize> = (events.iter().enumerate())
        .filter(|(_, e)| e.anchor.is_some())
        .map(|(i, _)| i)
        .collect();
    if anchored.is_empty() {
        return;
    }
    let wanted: HashSet<Box<str>> = (anchored.iter())
        .filter_map(|&i| events[i].anchor.as_deref())
        .flat_map(|a| a.words.iter().cloned())
        .collect();
    // Which dated events hold each wanted word.
    let mut holders: HashMap<Box<str>, Vec<u32>> = HashMap::new();
    for found in parallel_chunks_mut(events, 4096, |at, chunk| {
        let mut found = Vec::new();
        for (j, e) in chunk.iter().enumerate() {
            if e.anchor.is_some()
                || e.mentioned
                || !matches!(e.date.basis, Basis::Stated | Basis::Relative)
            {
                continue;
            }
            for s in stems(&e.text) {
                if wanted.contains(&s) {
                    found.push((s, (at + j) as u32));
                }
            }
        }
        found
    }) {
        for (s, i) in found {
            holders.entry(s).or_default().push(i);
        }
    }
    for i in anchored {
        let Some(anchor) = events[i].anchor.take() else {
            continue;
        };
        let article = article_of[i];
        let published = articles[article.index()].published;
        if let Some(c) = named_event(&anchor, i, events, article_of, article, &holders)
            && let Some(d) = anchor.resolve(events[c].date, published)
        {
            events[i].date = d;
        }
    }
}

/// Words held by more dated events than this are too common to name one.
const MAX_HOLDERS: usize = 2000;

/// The dated event an anchor names: the one sharing most of its words (at
/// least half of them, and two unless in the same article), which dates a
/// beginning when the anchor speaks of one (not "days after the strikes
/// began", which dates something else), and was not reported as
/// happening after the anchoring article; on a tie, one of the same
/// article, known to the day, the earliest.
fn named_event(
    anchor: &Anchor,
    me: usize,
    events: &[FoundEvent],
    article_of: &[ArticleId],
    article: ArticleId,
    holders: &HashMap<Box<str>, Vec<u32>>,
) -> Option<usize> {
    // A word that thousands of dated events hold tells none of them apart:
    // it is left out of the count (and the work stays bounded).
    let telling: Vec<&Vec<u32>> = (anchor.words.iter())
        .filter_map(|w| holders.get(w))
        .filter(|h| h.len() <= MAX_HOLDERS)
        .collect();
    let counted = (anchor.words.iter())
        .filter(|w| holders.get(*w).is_none_or(|h| h.len() <= MAX_HOLDERS))
        .count();
    let mut shared: HashMap<u32, usize> = HashMap::new();
    for h in telling {
        for &c in h {
            *shared.entry(c).or_default() += 1;
        }
    }
    let need = counted.div_ceil(2).max(1);
    let counts_forward = anchor.offset >= 0;
    shared
        .into_iter()
        .filter(|&(c, n)| {
            let c = c as usize;
            let same = article_of[c] == article;
            c != me && n >= need && (same || n >= 2)
        })
        .filter(|&(c, _)| {
            let e = &events[c as usize];
            (!anchor.onset || states_onset(&e.text))
                && (!counts_forward || anchor_before(e, events, me))
        })
        .max_by_key(|&(c, n)| {
            let e = &events[c as usize];
            (
                n,
                article_of[c as usize] == article,
                e.date.precision == Precision::Day,
                std::cmp::Reverse(e.date.start),
                std::cmp::Reverse(c),
            )
        })
        .map(|(c, _)| c as usize)
}

/// Whether event `e` happened no later than the clause `me` was reported:
/// what a clause counts forward from is past when it is reported.
fn anchor_before(e: &FoundEvent, events: &[FoundEvent], me: usize) -> bool {
    e.date.start <= events[me].date.end
}

#[cfg(test)]
mod tests {
    use crate::model::{Basis, Model};

    fn corpus(files: &[(&str, &str)]) -> Model {
        use crate::loader::{RawText, document};
        let docs: Vec<_> = files
            .iter()
            .map(|(name, text)| {
                document(RawText {
                    path: (*name).into(),
                    text: (*text).into(),
                    warnings: Vec::new(),
                })
            })
            .collect();
        let (table, _) = crate::aliases::AliasTable::parse("");
        super::super::build_model(&docs, &table).0
    }

    fn dated<'a>(m: &'a Model, words: &str) -> &'a crate::model::Event {
        m.events
            .iter()
            .find(|e| e.text.contains(words))
            .unwrap_or_else(|| panic!("no event with {words:?}"))
    }

    #[test]
    fn a_day_after_a_dated_event_of_another_article() {
        let m = corpus(&[
            (
                "a.txt",
                " date 2031-05-14 \n\nThe blockade of the northern ports that the two navies began on Friday has cut grain exports.\n",
            ),
            (
                "b.txt",
                " date 2031-05-16 \n\nThe envoy flew to the capital a day after the naval blockade of the ports began.\n\nOn Tuesday, the envoy spoke only days after the naval blockade of the ports began.\n",
            ),
        ]);
        let e = dated(&m, "envoy flew");
        assert_eq!(e.date.start.to_string(), "2031-05-10");
        assert_eq!((e.date.end, e.date.basis), (e.date.start, Basis::Anchored));
    }

    #[test]
    fn the_bundled_outreach_came_a_day_after_the_strikes_began() {
        let (table, _) = crate::aliases::AliasTable::parse(crate::loader::BUNDLED_ALIASES);
        let (m, _) = super::super::build_model(&crate::loader::bundled(), &table);
        let e = dated(&m, "a day after US and Israeli strikes on Iran began");
        assert_eq!(e.date.start.to_string(), "2026-03-01");
        assert_eq!((e.date.end, e.date.basis), (e.date.start, Basis::Anchored));
    }

    #[test]
    fn two_days_before_and_since() {
        let m = corpus(&[(
            "a.txt",
            " date 2031-05-14 \n\nThe referendum on the new charter was held on May 4.\n\nRallies filled the squares two days before the charter referendum.\n\nThe strikes on the rail depots started on Monday.\n\nTrains have stood idle since the rail strikes started.\n",
        )]);
        let rally = dated(&m, "Rallies");
        assert_eq!(rally.date.start.to_string(), "2031-05-02");
        assert_eq!(rally.date.basis, Basis::Anchored);
        let idle = dated(&m, "Trains have stood");
        assert_eq!(
            (idle.date.start.to_string(), idle.date.end.to_string()),
            ("2031-05-12".to_string(), "2031-05-14".to_string())
        );
        assert_eq!(idle.date.basis, Basis::Anchored);
    }

    #[test]
    fn an_anchor_naming_no_dated_event_keeps_its_date() {
        let m = corpus(&[
            (
                "a.txt",
                " date 2031-05-14 \n\nThe harvest festival opened on Saturday in the river towns.\n",
            ),
            (
                "b.txt",
                " date 2031-05-16 \n\nPrices fell a day after the strikes began.\n\nThe council met two days before the audit of the budget.\n",
            ),
        ]);
        for words in ["Prices fell", "The council met"] {
            let e = dated(&m, words);
            assert_eq!(e.date.basis, Basis::Published, "{words}");
            assert_eq!(e.date.start.to_string(), "2031-05-16");
        }
    }
}
