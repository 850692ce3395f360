//! Clusters: the same quote or the same event seen in several articles.
//!
//! Near-linear by construction: each item is compared only with items that
//! share one of its few rarest keys (word trigrams for quotes; rare words
//! within the same date for events), and keys that too many items share are
//! ignored, so no key ever makes the work quadratic.

use crate::model::{ArticleId, Cluster, ClusterId, ClusterKind, Event, ItemId, Model};
use crate::parallel::{parallel_map, release_freed_memory};
use smallvec::SmallVec;
use std::hash::BuildHasher;
use std::sync::LazyLock;

/// Keys shared by more items than this say nothing about sameness.
const MAX_POSTING: usize = 32;
/// How many of an event's rarest words it is blocked by.
const EVENT_KEYS: usize = 8;
/// Events whose words are listed at once when linking (whole dates).
const BATCH: usize = 8_192;
/// Weighted overlap two events need to be one.
const EVENT_SIMILARITY: f64 = 0.45;
/// Share of the shorter quote's words the longer must hold.
const QUOTE_CONTAINMENT: f64 = 0.8;

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

/// Lists of numbers, one per item, stored end to end (one allocation for
/// hundreds of thousands of short lists).
#[derive(Default)]
struct Lists<T> {
    ends: Vec<u32>,
    flat: Vec<T>,
}

impl<T> Lists<T> {
    fn len(&self) -> usize {
        self.ends.len()
    }
    fn get(&self, i: usize) -> &[T] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.flat[start..self.ends[i] as usize]
    }
    fn push(&mut self, items: impl IntoIterator<Item = T>) {
        self.flat.extend(items);
        self.ends
            .push(u32::try_from(self.flat.len()).expect("fewer than 2^32 words"));
    }
}

impl<T: Ord + Copy> Lists<T> {
    /// Adds one list, sorted and each item once.
    fn push_set(&mut self, items: impl IntoIterator<Item = T>) {
        let start = self.flat.len();
        self.flat.extend(items);
        self.flat[start..].sort_unstable();
        let mut n = start;
        for k in start..self.flat.len() {
            if n == start || self.flat[k] != self.flat[n - 1] {
                self.flat[n] = self.flat[k];
                n += 1;
            }
        }
        self.flat.truncate(n);
        self.ends
            .push(u32::try_from(n).expect("fewer than 2^32 words"));
    }
}

/// The words of each item's text as hashes, in order, worked out on every
/// core a slice at a time; `keep` can drop or rewrite a word (stems,
/// stopwords); `each` receives every item's hashes in item order.
fn hashed_words<T: Sync>(
    items: &[T],
    text: impl Fn(&T) -> &str + Sync,
    keep: impl Fn(&str) -> Option<&str> + Sync,
    mut each: impl FnMut(&mut Vec<u64>),
) {
    const CHUNK: usize = 2048;
    const WAVE: usize = 4;
    let chunks: Vec<&[T]> = items.chunks(CHUNK).collect();
    for wave in chunks.chunks(WAVE) {
        for lists in parallel_map(wave, |_, chunk| {
            let mut buf = String::new();
            let mut out = Lists::default();
            for it in chunk.iter() {
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

/// The pairs of items that a checker says are one, trying only pairs that share
/// a key no more than `MAX_POSTING` items have. Postings are tried on
/// every core, each worker with its own checker, which is called with
/// every earlier item of a posting before the next item.
fn link<C: FnMut(usize, usize) -> bool>(
    keys: Lists<u32>,
    checker: impl Fn() -> C + Sync,
    mut unite: impl FnMut(u32, u32),
) {
    let n = keys.len();
    debug_assert!(u32::try_from(n).is_ok());
    // Postings as sorted arrays of (key, item), keeping only the keys that
    // more than one and at most MAX_POSTING items share; built for one
    // slice of the key space at a time, so that only a sixteenth of them
    // is ever held. Keys are 32-bit hashes: two keys that collide only add
    // candidates, and every candidate is checked.
    const SLICES: u32 = 16;
    for slice in 0..SLICES {
        let mine = |k: u32| k % SLICES == slice;
        let mut kept: Vec<(u32, u32)> = Vec::new();
        for i in 0..n {
            kept.extend(
                keys.get(i)
                    .iter()
                    .filter(|&&k| mine(k))
                    .map(|&k| (k, i as u32)),
            );
        }
        kept.sort_unstable();
        let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
        let (mut len, mut run) = (0, 0);
        while run < kept.len() {
            let k = kept[run].0;
            let size = kept[run..].iter().take_while(|p| p.0 == k).count();
            if size > 1 && size <= MAX_POSTING {
                kept.copy_within(run..run + size, len);
                runs.push(len..len + size);
                len += size;
            }
            run += size;
        }
        kept.truncate(len);
        // Whole postings for each worker.
        let slices: Vec<&[std::ops::Range<usize>]> = runs.chunks(2048).collect();
        let found = parallel_map(&slices, |_, postings| {
            let (mut out, mut same) = (Vec::new(), checker());
            for r in postings.iter() {
                let items = &kept[r.clone()];
                for (x, a) in items.iter().enumerate().skip(1) {
                    for b in &items[..x] {
                        let (a, b) = (a.1 as usize, b.1 as usize);
                        if a != b && same(a, b) {
                            out.push((a as u32, b as u32));
                        }
                    }
                }
            }
            out
        });
        for (a, b) in found.into_iter().flatten() {
            unite(a, b);
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

/// Items in common between two sorted lists.
fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Groups quotes: a quote joins another when most of the shorter one's words
/// are in the longer, and their named speakers (if both have one) agree.
/// Blocked by word trigrams.
fn quote_groups(model: &Model) -> Vec<u32> {
    // Word sets as 32-bit hashes: a collision inside one pair's words is
    // too unlikely to tip a containment test.
    let mut sets: Lists<u32> = Lists::default();
    let mut keys: Lists<u32> = Lists::default();
    hashed_words(
        &model.quotes,
        |q| &q.text,
        |w| Some(w),
        |seq| {
            if seq.len() < 3 {
                keys.push([WORD_HASH.hash_one(&seq[..]) as u32]);
            } else {
                keys.push_set(seq.windows(3).map(|w| WORD_HASH.hash_one(w) as u32));
            }
            sets.push_set(seq.iter().map(|&h| h as u32));
        },
    );
    let mut uf = UnionFind::new(model.quotes.len());
    link(
        keys,
        || {
            |a, b| {
                let (qa, qb) = (&model.quotes[a], &model.quotes[b]);
                if qa.speaker.is_some() && qb.speaker.is_some() && qa.speaker != qb.speaker {
                    return false;
                }
                let (sa, sb) = (sets.get(a), sets.get(b));
                let small = sa.len().min(sb.len());
                if small == 0 {
                    return false;
                }
                // A much longer text (a whole post) holding a quote is not that quote.
                let comparable = small * 2 >= sa.len().max(sb.len());
                (small >= 3 || sa == sb)
                    && comparable
                    && common(sa, sb) as f64 >= QUOTE_CONTAINMENT * small as f64
            }
        },
        |a, b| uf.union(a, b),
    );
    uf.groups()
}

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
/// pass counts them; events of different dates are never one, so the
/// second pass links one batch of whole dates at a time and never holds
/// the word lists of the whole corpus.
fn event_groups(model: &Model) -> Vec<u32> {
    let keep = event_word;
    // Dense word numbers (in order of first use) and document frequencies.
    let mut ids: FastMap<u64, u32> = FastMap::default();
    let mut df: Vec<u32> = Vec::new();
    let mut v: Vec<u32> = Vec::new();
    let all: Vec<&Event> = model.events.iter().collect();
    hashed_words(
        &all,
        |e| &e.text,
        keep,
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
        },
    );
    let n = model.events.len().max(1) as f64;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((n / d as f64).ln() + 1.0) as f32)
        .collect();

    // Events by date, then batches of whole dates.
    let date = |i: usize| (model.events[i].date.start, model.events[i].date.end);
    let mut order: Vec<u32> = (0..model.events.len() as u32).collect();
    order.sort_by_key(|&i| (date(i as usize), i));
    let mut uf = UnionFind::new(model.events.len());
    let mut from = 0;
    while from < order.len() {
        let mut to = from;
        while to < order.len()
            && (to - from < BATCH || date(order[to] as usize) == date(order[to - 1] as usize))
        {
            to += 1;
        }
        let batch = &order[from..to];
        let events: Vec<&Event> = batch.iter().map(|&i| &model.events[i as usize]).collect();
        let mut toks: Lists<u32> = Lists::default();
        hashed_words(
            &events,
            |e| &e.text,
            keep,
            |hashes| toks.push_set(hashes.iter().map(|w| ids[w])),
        );
        link_events(&events, &toks, &df, &idf, |a, b| {
            uf.union(batch[a as usize], batch[b as usize])
        });
        from = to;
    }
    uf.groups()
}

/// Events linked in one batch (indices into `events`).
fn link_events(
    events: &[&Event],
    toks: &Lists<u32>,
    df: &[u32],
    idf: &[f32],
    unite: impl FnMut(u32, u32),
) {
    // Block by the rarest words that some other event also has (a word no
    // other event uses can never bring two events together), within a date.
    let mut keys: Lists<u32> = Lists {
        ends: Vec::with_capacity(toks.len()),
        flat: Vec::with_capacity(toks.len() * EVENT_KEYS),
    };
    let mut rare: Vec<u32> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        rare.clear();
        rare.extend(toks.get(i).iter().copied().filter(|&w| df[w as usize] > 1));
        rare.sort_by_key(|&w| (df[w as usize], w));
        rare.truncate(EVENT_KEYS);
        keys.push(
            rare.iter()
                .map(|&w| WORD_HASH.hash_one((e.date.start, e.date.end, w)) as u32),
        );
    }
    // Weighted overlap with the smaller side: a short report of an event
    // is still that event when a longer one adds detail.
    let sides: Vec<f32> = (0..toks.len())
        .map(|i| toks.get(i).iter().map(|&w| idf[w as usize]).sum())
        .collect();
    let sides = &sides;
    link(
        keys,
        || {
            // The words of the item whose candidates are being tried, marked
            // with its number, so each candidate costs one look-up per word.
            let mut mark = vec![u32::MAX; idf.len()];
            let mut marked = usize::MAX;
            move |a: usize, b: usize| {
                let (ta, tb) = (toks.get(a), toks.get(b));
                if ta.len().min(tb.len()) < 4
                    || (events[a].date.start, events[a].date.end)
                        != (events[b].date.start, events[b].date.end)
                {
                    return false;
                }
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
                let small = sides[a].min(sides[b]);
                n >= 3 && small > 0.0 && f64::from(shared / small) >= EVENT_SIMILARITY
            }
        },
        unite,
    )
}

/// Gives every event and quote its cluster id and lists the clusters.
pub fn assign(model: &mut Model) {
    let eg = event_groups(model);
    release_freed_memory();
    let qg = quote_groups(model);
    release_freed_memory();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut make =
        |groups: &[u32], kind: ClusterKind, member: &dyn Fn(usize) -> (ItemId, ArticleId)| {
            // Sizes first, so that each list is allocated once, exactly.
            let mut size = vec![0u32; groups.len()];
            for &root in groups {
                size[root as usize] += 1;
            }
            let mut of_root = vec![u32::MAX; groups.len()];
            let mut out = Vec::with_capacity(groups.len());
            for (i, &root) in groups.iter().enumerate() {
                let root = root as usize;
                if of_root[root] == u32::MAX {
                    of_root[root] = clusters.len() as u32;
                    let n = size[root] as usize;
                    clusters.push(Cluster {
                        id: ClusterId::new(clusters.len()),
                        kind,
                        members: SmallVec::with_capacity(n),
                        articles: SmallVec::with_capacity(n),
                    });
                }
                let (id, article) = member(i);
                let cl = &mut clusters[of_root[root] as usize];
                cl.members.push(id);
                cl.articles.push(article);
                out.push(cl.id);
            }
            out
        };
    let events = &model.events;
    let ec = make(&eg, ClusterKind::Event, &|i| {
        (ItemId::Event(events[i].id), events[i].article)
    });
    let quotes = &model.quotes;
    let qc = make(&qg, ClusterKind::Quote, &|i| {
        (ItemId::Quote(quotes[i].id), quotes[i].article)
    });
    for (e, c) in model.events.iter_mut().zip(ec) {
        e.cluster = c;
    }
    for (q, c) in model.quotes.iter_mut().zip(qc) {
        q.cluster = c;
    }
    // Each article once (sorted, so a quote repeated across thousands of
    // articles costs no more per member than a pair does).
    for c in &mut clusters {
        c.articles.sort_unstable();
        c.articles.dedup();
        c.articles.shrink_to_fit();
    }
    clusters.shrink_to_fit();
    model.clusters = clusters;
    release_freed_memory();
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
        }
    }

    #[test]
    fn the_same_event_on_the_same_date_is_one_cluster_and_never_across_dates() {
        let same = "Iran's envoy in Geneva ruled out negotiations with Washington";
        let mut m = Model {
            events: vec![
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
            ],
            ..Model::default()
        };
        assign(&mut m);
        let c: Vec<ClusterId> = m.events.iter().map(|e| e.cluster).collect();
        assert_eq!(c[0], c[1], "two reports of one statement");
        assert_ne!(c[0], c[2], "another date is another event");
        assert_ne!(c[0], c[3], "a different statement");
        let first = &m.clusters[c[0].index()];
        assert_eq!(first.articles[..], [ArticleId::new(0), ArticleId::new(1)]);
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
