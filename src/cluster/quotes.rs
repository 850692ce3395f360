//! Quote groups: most of the shorter quote's words in the longer, and
//! never two named speakers in one group. Blocked by word trigrams.

use super::{FastMap, Lists, UnionFind, WORD_HASH, common, hashed_words, link};
use crate::model::{Model, Name};
use std::hash::BuildHasher;

/// Share of the shorter quote's words the longer must hold.
const QUOTE_CONTAINMENT: f64 = 0.8;

/// Groups quotes: a quote joins another when most of the shorter one's words
/// are in the longer, and their named speakers (if both have one) agree.
/// Blocked by word trigrams.
pub(super) fn quote_groups(model: &Model) -> Vec<u32> {
    // Word sets as 32-bit hashes: a collision inside one pair's words is
    // too unlikely to tip a containment test.
    let mut sets: Lists<u32> = Lists::default();
    let mut keys: Lists<u32> = Lists::default();
    let mut uf = UnionFind::new(model.quotes.len());
    let mut copies = QuoteCopies::default();
    let (mut set, mut i) = (Vec::new(), 0u32);
    hashed_words(
        &model.quotes,
        |q| &q.text,
        |w| Some(w),
        |seq| {
            set.clear();
            set.extend(seq.iter().map(|&h| h as u32));
            set.sort_unstable();
            set.dedup();
            if let Some(first) = copies.first_of(model, &sets, i, &set, &mut uf) {
                // A copy: one with the first, and never blocked or compared.
                uf.union(i, first);
                keys.push([]);
                sets.push([]);
            } else {
                if seq.len() < 3 {
                    keys.push([WORD_HASH.hash_one(&seq[..]) as u32]);
                } else {
                    keys.push_set(seq.windows(3).map(|w| WORD_HASH.hash_one(w) as u32));
                }
                sets.push(set.iter().copied());
            }
            i += 1;
        },
    );
    drop(copies);
    let same = |a: usize, b: usize| {
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
    };
    let speaker = |q: usize| model.quotes[q].speaker.as_ref();
    // Each group's named speaker: a group never has two.
    let mut named: Vec<Option<&Name>> = vec![None; model.quotes.len()];
    for q in 0..model.quotes.len() {
        let root = uf.find(q as u32) as usize;
        named[root] = named[root].or(speaker(q));
    }
    link(
        keys,
        || {
            |a, b| {
                let (sa, sb) = (speaker(a), speaker(b));
                (sa.is_none() || sb.is_none() || sa == sb) && same(a, b)
            }
        },
        |a, b| {
            let (ra, rb) = (uf.find(a), uf.find(b));
            let (la, lb) = (named[ra as usize], named[rb as usize]);
            if la.is_some() && lb.is_some() && la != lb {
                return;
            }
            if let Some(root) = uf.join(ra, rb, |x, y| same(x as usize, y as usize)) {
                named[root as usize] = la.or(lb);
            }
        },
    );
    uf.groups()
}

/// Exact copies of a quote: the same words, and speakers that do not
/// disagree (the pairwise rule would join them). They are one quote however
/// many articles repeat it, which blocking alone cannot promise: the keys of
/// a quote in a hundred articles are shared by more than `MAX_POSTING`.
#[derive(Default)]
struct QuoteCopies {
    /// (words, speaker) -> the first quote with them.
    first: FastMap<u64, u32>,
    /// words -> the first quote with them and a named speaker.
    named: FastMap<u64, u32>,
}

impl QuoteCopies {
    /// The quote that quote `i` (with word set `set`) is a copy of, if any.
    /// The first unnamed copy and the first named one are joined, so that
    /// quotes of two different speakers are never joined through it.
    fn first_of(
        &mut self,
        model: &Model,
        sets: &Lists<u32>,
        i: u32,
        set: &[u32],
        uf: &mut UnionFind,
    ) -> Option<u32> {
        if set.is_empty() {
            return None;
        }
        let speaker = |q: u32| model.quotes[q as usize].speaker.as_deref();
        // (Quote `i` itself has no set in `sets` yet.)
        let same = |q: u32, who: Option<&str>| {
            (q == i || sets.get(q as usize) == set) && speaker(q) == who
        };
        let words = WORD_HASH.hash_one(set);
        let key = |who: Option<&str>| WORD_HASH.hash_one((words, who));
        let who = speaker(i);
        match self.first.entry(key(who)) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let first = *e.get();
                return same(first, who).then_some(first);
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
            }
        }
        let first_named = match who {
            Some(_) => match self.named.entry(words) {
                std::collections::hash_map::Entry::Occupied(_) => None,
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(i);
                    Some(i)
                }
            },
            None => self.named.get(&words).copied(),
        };
        let unnamed = self.first.get(&key(None)).copied();
        if let (Some(n), Some(u)) = (first_named, unnamed)
            && n != u
            && same(n, speaker(n))
            && same(u, None)
        {
            uf.union(n, u);
        }
        None
    }
}
