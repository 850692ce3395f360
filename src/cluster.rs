//! Clusters: the same quote or the same event seen in several articles.
//!
//! Near-linear by construction: each item is compared only with items that
//! share one of its few rarest keys (word trigrams for quotes; rare words
//! within the same date for events), and keys that too many items share are
//! ignored, so no key ever makes the work quadratic.

use crate::model::{Cluster, ClusterKind, Model};
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

/// Keys shared by more items than this say nothing about sameness.
const MAX_POSTING: usize = 32;
/// How many of an event's rarest words it is blocked by.
const EVENT_KEYS: usize = 8;
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

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Lower-case words; a masked or bracketed word ("bulls**t", "[expletive]")
/// is a wildcard and dropped, so the two forms of one quote compare equal.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
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
        let w: String = raw
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '’')
            .flat_map(char::to_lowercase)
            .map(|c| if c == '’' { '\'' } else { c })
            .collect();
        let w = w.trim_matches('\'').to_string();
        if !w.is_empty() {
            out.push(w);
        }
    }
    out
}

fn hash<T: Hash + ?Sized>(t: &T) -> u64 {
    let mut h = DefaultHasher::new();
    t.hash(&mut h);
    h.finish()
}

/// Groups quotes: a quote joins another when most of the shorter one's words
/// are in the longer, and their named speakers (if both have one) agree.
fn quote_groups(model: &Model) -> Vec<usize> {
    let toks: Vec<Vec<String>> = model.quotes.iter().map(|q| words(&q.text)).collect();
    let sets: Vec<HashSet<&str>> = toks
        .iter()
        .map(|t| t.iter().map(String::as_str).collect())
        .collect();
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, t) in toks.iter().enumerate() {
        let mut keys: Vec<u64> = if t.len() < 3 {
            vec![hash(t)]
        } else {
            t.windows(3).map(hash).collect()
        };
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            postings.entry(k).or_default().push(i);
        }
    }
    let mut uf = UnionFind((0..model.quotes.len()).collect());
    for list in postings
        .values()
        .filter(|l| l.len() > 1 && l.len() <= MAX_POSTING)
    {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if uf.find(a) == uf.find(b) {
                    continue;
                }
                let (qa, qb) = (&model.quotes[a], &model.quotes[b]);
                if qa.speaker.is_some() && qb.speaker.is_some() && qa.speaker != qb.speaker {
                    continue;
                }
                let (sa, sb) = (&sets[a], &sets[b]);
                let small = sa.len().min(sb.len());
                if small == 0 {
                    continue;
                }
                let common = sa.intersection(sb).count();
                // A much longer text (a whole post) holding a quote is not that quote.
                let comparable = small * 2 >= sa.len().max(sb.len());
                if (small >= 3 || sa == sb)
                    && comparable
                    && common as f64 >= QUOTE_CONTAINMENT * small as f64
                {
                    uf.union(a, b);
                }
            }
        }
    }
    (0..model.quotes.len()).map(|i| uf.find(i)).collect()
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

fn shared(a: &[u32], b: &[u32]) -> usize {
    a.iter().filter(|w| b.binary_search(w).is_ok()).count()
}

/// Groups events of the same date whose rare words mostly agree.
fn event_groups(model: &Model) -> Vec<usize> {
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let toks: Vec<Vec<u32>> = model
        .events
        .iter()
        .map(|e| {
            let mut v: Vec<u32> = words(&e.text)
                .iter()
                .map(|w| stem(w))
                .filter(|w| w.len() > 1 && !STOPWORDS.contains(w))
                .map(|w| {
                    let n = vocab.len() as u32;
                    *vocab.entry(w.to_string()).or_insert(n)
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let mut df = vec![0u32; vocab.len()];
    for t in &toks {
        for &w in t {
            df[w as usize] += 1;
        }
    }
    let n = model.events.len().max(1) as f64;
    let idf: Vec<f64> = df.iter().map(|&d| (n / d as f64).ln() + 1.0).collect();
    let mut postings: HashMap<(chrono::NaiveDate, chrono::NaiveDate, u32), Vec<usize>> =
        HashMap::new();
    for (i, t) in toks.iter().enumerate() {
        // Block by the rarest words that some other event also has: a word
        // no other event uses can never bring two events together.
        let mut rare: Vec<u32> = t.iter().copied().filter(|&w| df[w as usize] > 1).collect();
        rare.sort_by_key(|&w| df[w as usize]);
        let d = &model.events[i].date;
        for &w in rare.iter().take(EVENT_KEYS) {
            postings.entry((d.start, d.end, w)).or_default().push(i);
        }
    }
    // Weighted overlap with the smaller side: a short report of an event
    // is still that event when a longer one adds detail.
    let weight = |a: &[u32], b: &[u32]| {
        let side = |v: &[u32]| v.iter().map(|&w| idf[w as usize]).sum::<f64>();
        let common: f64 = a
            .iter()
            .filter(|w| b.binary_search(w).is_ok())
            .map(|&w| idf[w as usize])
            .sum();
        let small = side(a).min(side(b));
        if small == 0.0 { 0.0 } else { common / small }
    };
    let mut uf = UnionFind((0..model.events.len()).collect());
    for list in postings
        .values()
        .filter(|l| l.len() > 1 && l.len() <= MAX_POSTING)
    {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                if uf.find(a) != uf.find(b)
                    && toks[a].len().min(toks[b].len()) >= 4
                    && shared(&toks[a], &toks[b]) >= 3
                    && weight(&toks[a], &toks[b]) >= EVENT_SIMILARITY
                {
                    uf.union(a, b);
                }
            }
        }
    }
    (0..model.events.len()).map(|i| uf.find(i)).collect()
}

/// Gives every event and quote its cluster id and lists the clusters.
pub fn assign(model: &mut Model) {
    let eg = event_groups(model);
    let qg = quote_groups(model);
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut make =
        |groups: &[usize], kind: ClusterKind, ids: Vec<(String, String)>| -> Vec<String> {
            let mut by_root: HashMap<usize, usize> = HashMap::new();
            let mut seen: HashSet<(usize, &str)> = HashSet::new();
            let mut out = Vec::with_capacity(groups.len());
            for (i, &root) in groups.iter().enumerate() {
                let c = *by_root.entry(root).or_insert_with(|| {
                    clusters.push(Cluster {
                        id: format!("c{}", clusters.len()),
                        kind,
                        members: Vec::new(),
                        articles: Vec::new(),
                    });
                    clusters.len() - 1
                });
                let (id, article) = &ids[i];
                let cl = &mut clusters[c];
                cl.members.push(id.clone());
                // A set, so a quote repeated across thousands of articles
                // costs no more per member than a pair does.
                if seen.insert((c, article.as_str())) {
                    cl.articles.push(article.clone());
                }
                out.push(cl.id.clone());
            }
            out
        };
    let eids = model
        .events
        .iter()
        .map(|e| (e.id.clone(), e.article.clone()))
        .collect();
    for (e, c) in model
        .events
        .iter_mut()
        .zip(make(&eg, ClusterKind::Event, eids))
    {
        e.cluster = c;
    }
    let qids = model
        .quotes
        .iter()
        .map(|q| (q.id.clone(), q.article.clone()))
        .collect();
    for (q, c) in model
        .quotes
        .iter_mut()
        .zip(make(&qg, ClusterKind::Quote, qids))
    {
        q.cluster = c;
    }
    model.clusters = clusters;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masked_words_are_wildcards() {
        assert_eq!(
            words("We treated these messages as [expletive],"),
            words("we treated these messages as bulls**t")
        );
        assert_eq!(words("Iran’s envoy"), vec!["iran's", "envoy"]);
    }
}
