//! Clusters: the same quote or the same event seen in several articles.
//!
//! Near-linear by construction: each item is compared only with items that
//! share one of its few rarest keys (word trigrams for quotes; rare words
//! within the same date for events), and keys that too many items share are
//! ignored, so no key ever makes the work quadratic. Exact copies are joined
//! before blocking, however many there are, and two groups become one only
//! when their first members are alike too, so chains of near misses stay
//! apart.

mod events;
mod link;
mod quotes;

use crate::model::{
    ArticleId, Cluster, ClusterId, ClusterKind, DateInfo, Event, EventId, ItemId, Name, Quote,
    QuoteId,
};
use crate::parallel::{parallel_map, release_freed_memory};
use chrono::NaiveDate;
use smallvec::SmallVec;
use std::hash::BuildHasher;

/// Keys shared by more items than this say nothing about sameness.
const MAX_POSTING: usize = 32;

/// Item numbers are 32-bit throughout, as in the model's ids.
struct UnionFind(Vec<u32>);

impl UnionFind {
    fn find(&mut self, mut x: u32) -> u32 {
        while self.0[x as usize] != x {
            self.0[x as usize] = self.0[self.0[x as usize] as usize];
            x = self.0[x as usize];
        }
        x
    }
    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb) as usize] = ra.min(rb);
        }
    }
    /// Joins the groups of `a` and `b` only if `same` holds for their first
    /// members (the groups' roots), so that a chain of near misses (A like
    /// B, B like C, C like D) never pulls unlike things into one group.
    /// Returns the joined group's root.
    fn join(&mut self, a: u32, b: u32, same: impl FnOnce(u32, u32) -> bool) -> Option<u32> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb || !same(ra.min(rb), ra.max(rb)) {
            return None;
        }
        self.0[ra.max(rb) as usize] = ra.min(rb);
        Some(ra.min(rb))
    }
}

/// Calls `f` with each lower-case word; a masked or bracketed word
/// ("bulls**t", "[expletive]") is a wildcard and skipped, so the two forms
/// of one quote compare equal.
fn each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    let mut in_bracket = false;
    for raw in text.split(|c: char| c.is_whitespace() || c == '—' || c == '–' || c == '/') {
        if raw.starts_with('[') {
            in_bracket = true;
        }
        let masked = in_bracket || raw.contains('*');
        if raw.contains(']') {
            in_bracket = false;
        }
        if masked {
            continue;
        }
        buf.clear();
        if raw.is_ascii() {
            // Most words: the same rule, a byte at a time.
            buf.extend(
                raw.bytes()
                    .filter(|b| b.is_ascii_alphanumeric() || *b == b'\'')
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
        } else {
            buf.extend(
                raw.chars()
                    .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
                    .flat_map(char::to_lowercase)
                    .map(|c| if c == '’' { '\'' } else { c }),
            );
        }
        let w = buf.trim_matches('\'');
        if !w.is_empty() {
            f(w);
        }
    }
}

#[cfg(test)]
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_word(text, &mut String::new(), |w| out.push(w.to_string()));
    out
}

type FastMap<K, V> = foldhash::HashMap<K, V>;

/// How words are hashed: fixed, so clusters do not change between runs.
const WORD_HASH: foldhash::fast::FixedState = foldhash::fast::FixedState::with_seed(0x5eed);

/// Lists of numbers, one per item, stored end to end in segments of
/// `SEGMENT` items: a few allocations for hundreds of thousands of short
/// lists, each segment trimmed once full, so that no buffer the size of the
/// whole corpus is ever copied to grow (the copy would briefly hold it
/// twice).
struct Lists<T> {
    segments: Vec<Segment<T>>,
    len: usize,
}

struct Segment<T> {
    ends: Vec<u32>,
    flat: Vec<T>,
}

const SEGMENT: usize = 4096;

impl<T> Default for Lists<T> {
    fn default() -> Self {
        Lists {
            segments: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Lists<T> {
    fn len(&self) -> usize {
        self.len
    }
    fn get(&self, i: usize) -> &[T] {
        let s = &self.segments[i / SEGMENT];
        let i = i % SEGMENT;
        let start = if i == 0 { 0 } else { s.ends[i - 1] as usize };
        &s.flat[start..s.ends[i] as usize]
    }
    /// The segment the next list goes to.
    fn open(&mut self) -> &mut Segment<T> {
        if self.len.is_multiple_of(SEGMENT) {
            if let Some(full) = self.segments.last_mut() {
                full.flat.shrink_to_fit();
            }
            self.segments.push(Segment {
                ends: Vec::with_capacity(SEGMENT),
                flat: Vec::new(),
            });
        }
        self.len += 1;
        self.segments.last_mut().expect("a segment was just opened")
    }
    fn push(&mut self, items: impl IntoIterator<Item = T>) {
        let s = self.open();
        s.flat.extend(items);
        s.ends.push(s.flat.len() as u32);
    }
}

impl<T: Ord + Copy> Lists<T> {
    /// Adds one list, sorted and each item once.
    fn push_set(&mut self, items: impl IntoIterator<Item = T>) {
        let s = self.open();
        let start = s.flat.len();
        s.flat.extend(items);
        s.flat[start..].sort_unstable();
        let mut n = start;
        for k in start..s.flat.len() {
            if n == start || s.flat[k] != s.flat[n - 1] {
                s.flat[n] = s.flat[k];
                n += 1;
            }
        }
        s.flat.truncate(n);
        s.ends.push(n as u32);
    }
}

/// The words of each item's text as hashes, in order, worked out on every
/// core a slice at a time; `keep` can drop or rewrite a word (stems,
/// stopwords); `each` receives every item's hashes in item order.
fn hashed_words<'a>(
    n: usize,
    text: impl Fn(usize) -> &'a str + Sync,
    keep: impl Fn(&str) -> Option<&str> + Sync,
    mut each: impl FnMut(&mut Vec<u64>),
) {
    const CHUNK: usize = 2048;
    const WAVE: usize = 4;
    let chunks: Vec<std::ops::Range<usize>> = (0..n)
        .step_by(CHUNK)
        .map(|s| s..(s + CHUNK).min(n))
        .collect();
    for wave in chunks.chunks(WAVE) {
        for lists in parallel_map(wave, |_, chunk| {
            let mut buf = String::new();
            let mut out = Lists::default();
            for it in chunk.clone() {
                let mut v = Vec::new();
                each_word(text(it), &mut buf, |w| {
                    if let Some(w) = keep(w) {
                        v.push(WORD_HASH.hash_one(w));
                    }
                });
                out.push(v);
            }
            out
        }) {
            let mut v = Vec::new();
            for i in 0..lists.len() {
                v.clear();
                v.extend_from_slice(lists.get(i));
                each(&mut v);
            }
        }
    }
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind((0..u32::try_from(n).expect("fewer than 2^32 items")).collect())
    }
    /// Each item's group: the smallest item it is linked to, directly or not.
    fn groups(mut self) -> Vec<u32> {
        (0..self.0.len() as u32).map(|i| self.find(i)).collect()
    }
}

/// Calls `f` with each item two sorted lists have in common.
fn each_common<T: Ord + Copy>(a: &[T], b: &[T], mut f: impl FnMut(T)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// Items in common between two sorted lists.
fn common<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let mut n = 0;
    each_common(a, b, |_| n += 1);
    n
}

/// Gives every event and quote its cluster id and lists the clusters.
/// What clustering reads of the events or the quotes, item `i` being the
/// one whose id is `i`.
pub trait Items: Sync {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn text(&self, i: usize) -> &str;
    /// First and last day of the calendar units of the item's date
    /// ([`DateInfo::units`]).
    fn dates(&self, i: usize) -> (NaiveDate, NaiveDate);
    fn article(&self, i: usize) -> ArticleId;
    /// The named speaker of a quote (never two in one cluster).
    fn speaker(&self, _i: usize) -> Option<&Name> {
        None
    }
}

/// One event or quote, for clustering a list of them as it stands.
pub trait Item: Sync {
    fn text(&self) -> &str;
    fn date(&self) -> &DateInfo;
    fn article(&self) -> ArticleId;
    fn speaker(&self) -> Option<&Name> {
        None
    }
}

impl<T: Item> Items for [T] {
    fn len(&self) -> usize {
        <[T]>::len(self)
    }
    fn text(&self, i: usize) -> &str {
        self[i].text()
    }
    fn dates(&self, i: usize) -> (NaiveDate, NaiveDate) {
        self[i].date().units()
    }
    fn article(&self, i: usize) -> ArticleId {
        self[i].article()
    }
    fn speaker(&self, i: usize) -> Option<&Name> {
        self[i].speaker()
    }
}

impl Item for Event {
    fn text(&self) -> &str {
        &self.text
    }
    fn date(&self) -> &DateInfo {
        &self.date
    }
    fn article(&self) -> ArticleId {
        self.article
    }
}

impl Item for Quote {
    fn text(&self) -> &str {
        &self.text
    }
    fn date(&self) -> &DateInfo {
        &self.date
    }
    fn article(&self) -> ArticleId {
        self.article
    }
    fn speaker(&self) -> Option<&Name> {
        self.speaker.as_ref()
    }
}

/// The clusters of a corpus and each item's cluster, in item order.
#[derive(Debug, Default)]
pub struct Clustering {
    pub events: Vec<ClusterId>,
    pub quotes: Vec<ClusterId>,
    pub clusters: Vec<Cluster>,
}

/// Clusters events and quotes, which are in id order (an item's place is
/// its id).
pub fn build<E: Items + ?Sized, Q: Items + ?Sized>(events: &E, quotes: &Q) -> Clustering {
    let eg = events::event_groups(events);
    release_freed_memory();
    crate::timing::mark("event clusters");
    let qg = quotes::quote_groups(quotes);
    release_freed_memory();
    crate::timing::mark("quote clusters");
    // Exactly as many clusters as groups, each group's first item its root.
    let roots = |g: &[u32]| {
        g.iter()
            .enumerate()
            .filter(|&(i, &r)| r as usize == i)
            .count()
    };
    let mut clusters: Vec<Cluster> = Vec::with_capacity(roots(&eg) + roots(&qg));
    let mut make =
        |mut groups: Vec<u32>, kind: ClusterKind, item: &dyn Fn(usize) -> (ItemId, ArticleId)| {
            for i in 0..groups.len() {
                let root = groups[i] as usize;
                debug_assert!(root <= i, "a group's root is its first item");
                let c = if root == i {
                    // A root is met before the rest of its group: it keeps its
                    // cluster's number in its place for them.
                    groups[i] = clusters.len() as u32;
                    clusters.push(Cluster {
                        id: ClusterId::new(clusters.len()),
                        kind,
                        members: SmallVec::new(),
                        articles: SmallVec::new(),
                    });
                    clusters.len() - 1
                } else {
                    groups[root] as usize
                };
                groups[i] = c as u32;
                let (id, article) = item(i);
                clusters[c].members.push(id);
                clusters[c].articles.push(article);
            }
            groups
                .into_iter()
                .map(|c| ClusterId::new(c as usize))
                .collect::<Vec<_>>()
        };
    let events = make(eg, ClusterKind::Event, &|i| {
        (ItemId::Event(EventId::new(i)), events.article(i))
    });
    let quotes = make(qg, ClusterKind::Quote, &|i| {
        (ItemId::Quote(QuoteId::new(i)), quotes.article(i))
    });
    // Each article once (sorted, so a quote repeated across thousands of
    // articles costs no more per member than a pair does).
    for c in &mut clusters {
        c.articles.sort_unstable();
        c.articles.dedup();
        c.articles.shrink_to_fit();
        c.members.shrink_to_fit();
    }
    release_freed_memory();
    crate::timing::mark("cluster lists");
    Clustering {
        events,
        quotes,
        clusters,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(i: usize, day: u32, text: &str) -> crate::model::Event {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
        crate::model::Event {
            id: crate::model::EventId::new(i),
            article: ArticleId::new(i),
            span: crate::model::Span::new(0, text.len()),
            text: text.into(),
            date: crate::model::DateInfo::day(d, crate::model::Basis::Stated),
            reported: Some(d),
            actors: Default::default(),
            cites: Default::default(),
            cluster: ClusterId::default(),
            confidence: 1.0,
            mentioned: false,
        }
    }

    #[test]
    fn the_same_event_on_the_same_date_is_one_cluster_and_never_across_dates() {
        let same = "Iran's envoy in Geneva ruled out negotiations with Washington";
        let events = [
            event(0, 3, same),
            event(
                1,
                3,
                "Iran's ambassador in Geneva ruled out talks with Washington on Tuesday",
            ),
            event(2, 4, same),
            event(
                3,
                3,
                "Markets in Tokyo closed higher after a quiet session of trading",
            ),
        ];
        let m = build(&events[..], &[] as &[crate::model::Quote]);
        let c = &m.events;
        assert_eq!(c[0], c[1], "two reports of one statement");
        assert_ne!(c[0], c[2], "another date is another event");
        assert_ne!(c[0], c[3], "a different statement");
        let first = &m.clusters[c[0].index()];
        assert_eq!(first.articles[..], [ArticleId::new(0), ArticleId::new(1)]);
    }

    fn quote(i: usize, text: &str, speaker: Option<&str>) -> crate::model::Quote {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
        crate::model::Quote {
            id: crate::model::QuoteId::new(i),
            article: ArticleId::new(i),
            span: crate::model::Span::new(0, text.len()),
            text: text.into(),
            speaker: speaker.map(Into::into),
            speaker_text: speaker.map(Into::into),
            confidence: 1.0,
            speaker_confidence: None,
            date: crate::model::DateInfo::day(d, crate::model::Basis::Stated),
            reported: Some(d),
            cites: Default::default(),
            cluster: ClusterId::default(),
        }
    }

    fn quote_clusters(quotes: Vec<crate::model::Quote>) -> Vec<ClusterId> {
        build(&[] as &[crate::model::Event], &quotes[..]).quotes
    }

    #[test]
    fn a_quote_that_many_articles_repeat_is_one_cluster() {
        // More copies than any key may be shared by.
        let n = MAX_POSTING * 3;
        let said = "They know we are not talking to the Iranians";
        let mut quotes: Vec<_> = (0..n).map(|i| quote(i, said, None)).collect();
        quotes.push(quote(
            n,
            "Markets in Tokyo closed higher after a quiet session",
            None,
        ));
        let c = quote_clusters(quotes);
        assert!(c[..n].iter().all(|&x| x == c[0]), "{c:?}");
        assert_ne!(c[0], c[n]);

        let e = "Iran's envoy in Geneva ruled out negotiations with Washington";
        let events: Vec<_> = (0..n).map(|i| event(i, 3, e)).collect();
        let m = build(&events[..], &[] as &[crate::model::Quote]);
        assert!(m.events.iter().all(|&x| x == m.events[0]));
        assert_eq!(m.clusters.len(), 1);
        assert_eq!(m.clusters[0].articles.len(), n);
    }

    #[test]
    fn two_named_speakers_never_share_a_cluster() {
        let said = "There is nothing on the table right now and they know that";
        let c = quote_clusters(vec![
            quote(0, said, Some("james-larsen")),
            quote(1, said, None),
            quote(2, said, Some("sofia-rossi")),
            quote(3, said, Some("james-larsen")),
            quote(4, said, None),
            quote(5, said, Some("sofia-rossi")),
        ]);
        assert_eq!(c[0], c[3]);
        assert_eq!(c[2], c[5]);
        assert_ne!(c[0], c[2]);
        assert!([c[0], c[2]].contains(&c[1]) && c[1] == c[4]);
    }

    #[test]
    fn a_chain_of_near_matches_does_not_join_unlike_quotes() {
        // a is in b, b mostly holds c, but a and c share three words of five.
        let a = "alpha bravo charlie delta echo";
        let b = "alpha bravo charlie delta echo foxtrot golf hotel";
        let c = "charlie delta echo foxtrot golf hotel india";
        let got = quote_clusters(vec![
            quote(0, a, None),
            quote(1, b, None),
            quote(2, c, None),
        ]);
        assert_eq!(got[0], got[1]);
        assert_ne!(got[0], got[2]);
    }

    #[test]
    fn lists_keep_every_list_across_segments() {
        let n = SEGMENT * 2 + 5;
        let expected = |i: usize| -> Vec<u32> {
            if i.is_multiple_of(2) {
                (0..(i % 7) as u32).collect()
            } else {
                let mut v: Vec<u32> = [3, 1, 3, 2].into_iter().take(i % 5).collect();
                v.sort_unstable();
                v.dedup();
                v
            }
        };
        let mut l = Lists::default();
        for i in 0..n {
            if i.is_multiple_of(2) {
                l.push(expected(i));
            } else {
                l.push_set([3u32, 1, 3, 2].into_iter().take(i % 5));
            }
        }
        assert_eq!(l.len(), n);
        for i in 0..n {
            assert_eq!(l.get(i), &expected(i)[..], "list {i}");
        }
    }

    #[test]
    fn masked_words_are_wildcards() {
        assert_eq!(
            words("We treated these messages as [expletive],"),
            words("we treated these messages as bulls**t")
        );
        assert_eq!(words("Iran’s envoy"), vec!["iran's", "envoy"]);
        assert_eq!(
            words("IRAN'S Envoy—in \"GENEVA,\" Zürich’s 'Mayor'"),
            vec!["iran's", "envoy", "in", "geneva", "zürich's", "mayor"]
        );
    }
}
