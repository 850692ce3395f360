//! Event groups: events of one date whose rare words mostly agree.

use super::Items;
use super::link::{Ruled, link};
use super::{FastMap, Lists, UnionFind, WORD_HASH, each_common, hashed_words};
use crate::parallel::parallel_map;
use chrono::NaiveDate;
use std::hash::BuildHasher;
use std::sync::LazyLock;

/// How many of an event's rarest words it is blocked by.
const EVENT_KEYS: usize = 8;
/// Events whose words are listed at once when linking (whole dates).
const BATCH: usize = 8_192;
/// Weighted overlap two events need to be one.
const EVENT_SIMILARITY: f64 = 0.45;

const STOPWORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "and",
    "or",
    "but",
    "that",
    "this",
    "these",
    "those",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "it",
    "its",
    "as",
    "not",
    "no",
    "any",
    "said",
    "says",
    "say",
    "told",
    "also",
    "he",
    "she",
    "they",
    "we",
    "his",
    "her",
    "their",
    "our",
    "after",
    "before",
    "about",
    "into",
    "over",
    "than",
    "then",
    "there",
    "which",
    "who",
    "whom",
    "would",
    "could",
    "will",
    "can",
    "may",
    "might",
    "s",
    "according",
    "reported",
    "report",
    "tuesday",
    "monday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "did",
    "do",
    "does",
    "if",
    "so",
    "such",
    "only",
    "other",
];

/// Crude stemming and a few newsroom synonyms, so that "envoy" and
/// "ambassadors", "talks" and "negotiations" compare equal.
fn stem(w: &str) -> &str {
    let w = w.strip_suffix("'s").unwrap_or(w);
    let w = if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
        &w[..w.len() - 1]
    } else {
        w
    };
    match w {
        "envoy" => "ambassador",
        "talk" | "negotiation" | "dialogue" => "negotiation",
        "u.s" | "us" | "america" | "american" => "united-states",
        "iranian" => "iran",
        "israeli" => "israel",
        _ => w,
    }
}

static STOP: LazyLock<foldhash::HashSet<&'static str>> =
    LazyLock::new(|| STOPWORDS.iter().copied().collect());

/// The word an event is compared by: stemmed, and none for stopwords.
fn event_word(w: &str) -> Option<&str> {
    let w = stem(w);
    (w.len() > 1 && !STOP.contains(w)).then_some(w)
}

/// Groups events of the same date whose rare words mostly agree.
///
/// Words are weighted by how rare they are in the whole corpus, so a first
/// pass counts them, keeping each event's words as numbers (a few bytes a
/// word, not read and hashed again); events of different dates are never
/// one, so the second pass links one batch of whole dates at a time.
pub(super) fn event_groups<T: Items + ?Sized>(events: &T) -> Vec<u32> {
    // Dense word numbers (in order of first use) and document frequencies.
    let mut ids: FastMap<u64, u32> = FastMap::default();
    let mut df: Vec<u32> = Vec::new();
    let mut v: Vec<u32> = Vec::new();
    let mut words: Lists<u32> = Lists::default();
    hashed_words(
        events.len(),
        |i| events.text(i),
        event_word,
        |hashes| {
            v.clear();
            v.extend(hashes.iter().map(|w| {
                *ids.entry(*w).or_insert_with(|| {
                    df.push(0);
                    df.len() as u32 - 1
                })
            }));
            v.sort_unstable();
            v.dedup();
            for &w in &v {
                df[w as usize] += 1;
            }
            words.push(v.iter().copied());
        },
    );
    drop(ids);
    crate::timing::mark("event words counted");
    let n = events.len().max(1) as f64;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((n / d as f64).ln() + 1.0) as f32)
        .collect();

    // Events by date, then batches of whole dates. Each event's date is
    // worked out once: sorting and linking compare them many times over.
    let dates: Vec<(NaiveDate, NaiveDate)> = (0..events.len()).map(|i| events.dates(i)).collect();
    let date = |i: usize| dates[i];
    let mut order: Vec<u32> = (0..events.len() as u32).collect();
    order.sort_unstable_by_key(|&i| (date(i as usize), i));
    let mut batches: Vec<std::ops::Range<usize>> = Vec::new();
    let mut from = 0;
    while from < order.len() {
        let mut to = from;
        while to < order.len()
            && (to - from < BATCH || date(order[to] as usize) == date(order[to - 1] as usize))
        {
            to += 1;
        }
        batches.push(from..to);
        from = to;
    }
    // Batches never share a group: each is linked on its own, on every core.
    let linked = parallel_map(&batches, |_, range| {
        let batch = &order[range.clone()];
        // Sorted, each word once, as `push_set` would make them.
        let mut toks: Lists<u32> = Lists::default();
        for &i in batch {
            toks.push(words.get(i as usize).iter().copied());
        }
        link_events(&dates, batch, &toks, &df, &idf)
    });
    let mut groups: Vec<u32> = (0..events.len() as u32).collect();
    for (range, roots) in batches.into_iter().zip(linked) {
        let batch = &order[range];
        // Groups never cross dates, and a date's events are in the order of
        // their numbers: the first of a group here is its first overall.
        for (i, root) in roots.into_iter().enumerate() {
            groups[batch[i] as usize] = batch[root as usize];
        }
    }
    groups
}

/// The groups of one batch of events (`batch` holds their numbers; the
/// groups are positions in it).
fn link_events(
    dates: &[(NaiveDate, NaiveDate)],
    batch: &[u32],
    toks: &Lists<u32>,
    df: &[u32],
    idf: &[f32],
) -> Vec<u32> {
    // The batch's dates in its own order: candidates are met in no order,
    // and the whole table's rows are far apart.
    let dates: Vec<(NaiveDate, NaiveDate)> = batch.iter().map(|&i| dates[i as usize]).collect();
    let dates = |j: usize| dates[j];
    let mut uf = UnionFind::new(batch.len());
    let same_date = |a: usize, b: usize| dates(a) == dates(b);
    // Block by the rarest words that some other event also has (a word no
    // other event uses can never bring two events together), within a date.
    let mut keys: Lists<u32> = Lists::default();
    let mut rare: Vec<u32> = Vec::new();
    // Exact copies (the same words on the same date) are one event however
    // many articles repeat it: joined here, and only the first is blocked.
    let mut first: FastMap<u64, u32> = FastMap::default();
    for i in 0..batch.len() {
        let words = toks.get(i);
        let date = dates(i);
        if words.len() >= 4 {
            match first.entry(WORD_HASH.hash_one((date, words))) {
                std::collections::hash_map::Entry::Occupied(o) => {
                    let f = *o.get() as usize;
                    if toks.get(f) == words && same_date(f, i) {
                        uf.union(i as u32, f as u32);
                        keys.push([]);
                        continue;
                    }
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(i as u32);
                }
            }
        }
        rare.clear();
        rare.extend(words.iter().copied().filter(|&w| df[w as usize] > 1));
        rare.sort_by_key(|&w| (df[w as usize], w));
        rare.truncate(EVENT_KEYS);
        keys.push(rare.iter().map(|&w| WORD_HASH.hash_one((date, w)) as u32));
    }
    // Weighted overlap with the smaller side: a short report of an event
    // is still that event when a longer one adds detail.
    let sides: Vec<f32> = (0..toks.len())
        .map(|i| toks.get(i).iter().map(|&w| idf[w as usize]).sum())
        .collect();
    let sides = &sides;
    // Only events of four words or more, of one date, can be one.
    let comparable =
        |a: usize, b: usize| toks.get(a).len().min(toks.get(b).len()) >= 4 && same_date(a, b);
    let similar = |a: usize, b: usize, n: usize, shared: f32| {
        let small = sides[a].min(sides[b]);
        n >= 3 && small > 0.0 && f64::from(shared / small) >= EVENT_SIMILARITY
    };
    link(
        keys,
        false,
        || {
            // The words of the item whose candidates are being tried, marked
            // with its number, so each candidate costs one look-up per word.
            let mut mark = vec![u32::MAX; idf.len()];
            let mut marked = usize::MAX;
            move |a: usize, b: usize| {
                if !comparable(a, b) {
                    return false;
                }
                let (ta, tb) = (toks.get(a), toks.get(b));
                if marked != a {
                    for &w in ta {
                        mark[w as usize] = a as u32;
                    }
                    marked = a;
                }
                let (mut n, mut shared) = (0usize, 0.0f32);
                for &w in tb {
                    if mark[w as usize] == a as u32 {
                        n += 1;
                        shared += idf[w as usize];
                    }
                }
                similar(a, b, n, shared)
            }
        },
        // The groups' first events must be the same event too.
        &mut Ruled {
            uf: &mut uf,
            same: |x: u32, y: u32| {
                let (x, y) = (x as usize, y as usize);
                if !comparable(x, y) {
                    return false;
                }
                let (mut n, mut shared) = (0usize, 0.0f32);
                each_common(toks.get(x), toks.get(y), |w| {
                    n += 1;
                    shared += idf[w as usize];
                });
                similar(x, y, n, shared)
            },
        },
    );
    uf.groups()
}
