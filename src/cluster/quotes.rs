//! Quote groups: most of the shorter quote's words in the longer, and
//! never two named speakers in one group. Blocked by word trigrams.

use super::Items;
use super::link::{Grow, link};
use super::{FastMap, Lists, UnionFind, WORD_HASH, common, hashed_words};
use crate::model::Name;
use std::collections::hash_map::Entry;
use std::hash::BuildHasher;

/// Share of the shorter quote's words the longer must hold.
const QUOTE_CONTAINMENT: f64 = 0.8;

/// Groups quotes: a quote joins another when most of the shorter one's words
/// are in the longer, and their named speakers (if both have one) agree.
/// Blocked by word trigrams.
///
/// Exact copies (the same words, and the same speaker or none) are joined
/// first, however many articles repeat them, and only the first of them is
/// blocked and compared: the keys of a quote in a hundred articles are
/// shared by more than `MAX_POSTING` and would link nothing.
pub(super) fn quote_groups<T: Items + ?Sized>(quotes: &T) -> Vec<u32> {
    // Word sets as 32-bit hashes: a collision inside one pair's words is
    // too unlikely to tip a containment test.
    let mut sets: Lists<u32> = Lists::default();
    let mut keys: Lists<u32> = Lists::default();
    let speaker = |q: usize| quotes.speaker(q);
    let mut groups = Groups {
        uf: UnionFind::new(quotes.len()),
        named: (0..quotes.len()).map(speaker).collect(),
    };
    // (words, speaker) -> the first quote with them; words -> the first
    // quote with them, whoever said it.
    let mut first: FastMap<u64, u32> = FastMap::default();
    let mut first_words: FastMap<u64, u32> = FastMap::default();
    let (mut set, mut i) = (Vec::new(), 0u32);
    hashed_words(
        quotes.len(),
        |q| quotes.text(q),
        |w| Some(w),
        |seq| {
            set.clear();
            set.extend(seq.iter().map(|&h| h as u32));
            set.sort_unstable();
            set.dedup();
            let copy_of = |f: &u32| sets.get(*f as usize) == &set[..];
            let words = WORD_HASH.hash_one(&set[..]);
            let who = speaker(i as usize);
            // Copies of one set of words are alike by the rule: only their
            // speakers decide, which the groups check.
            let alike = |_, _| true;
            let copy = !set.is_empty()
                && match first.entry(WORD_HASH.hash_one((words, who))) {
                    Entry::Occupied(f) => {
                        let f = *f.get();
                        copy_of(&f) && speaker(f as usize) == who && groups.join(i, f, alike)
                    }
                    Entry::Vacant(v) => {
                        v.insert(i);
                        match first_words.entry(words) {
                            Entry::Occupied(f) if copy_of(f.get()) => {
                                groups.join(i, *f.get(), alike);
                            }
                            Entry::Occupied(_) => {}
                            Entry::Vacant(v) => {
                                v.insert(i);
                            }
                        }
                        false
                    }
                };
            if copy {
                // One with the first: never blocked or compared.
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
    drop((first, first_words));
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
    link(
        keys,
        true,
        || {
            |a, b| {
                let (sa, sb) = (speaker(a), speaker(b));
                (sa.is_none() || sb.is_none() || sa == sb) && same(a, b)
            }
        },
        &mut Speakers {
            groups: &mut groups,
            same: |x: u32, y: u32| same(x as usize, y as usize),
        },
    );
    groups.uf.groups()
}

/// Quote groups as [`link`] grows them: joined when `same` holds for their
/// first members and their speakers agree.
struct Speakers<'g, 'm, F: FnMut(u32, u32) -> bool> {
    groups: &'g mut Groups<'m>,
    same: F,
}

impl<F: FnMut(u32, u32) -> bool> Grow for Speakers<'_, '_, F> {
    fn root(&mut self, a: u32) -> u32 {
        self.groups.uf.find(a)
    }
    fn unite(&mut self, a: u32, b: u32) {
        self.groups.join(a, b, &mut self.same);
    }
}

/// Quote groups and the named speaker each holds: two groups with different
/// named speakers never join.
struct Groups<'m> {
    uf: UnionFind,
    /// Each group's named speaker, at its root.
    named: Vec<Option<&'m Name>>,
}

impl Groups<'_> {
    /// Joins the groups of `a` and `b` when their speakers agree and `same`
    /// holds for their first members; whether they are now one.
    fn join(&mut self, a: u32, b: u32, same: impl FnOnce(u32, u32) -> bool) -> bool {
        let (ra, rb) = (self.uf.find(a), self.uf.find(b));
        let (la, lb) = (self.named[ra as usize], self.named[rb as usize]);
        if la.is_some() && lb.is_some() && la != lb {
            return ra == rb;
        }
        match self.uf.join(ra, rb, same) {
            Some(root) => {
                self.named[root as usize] = la.or(lb);
                true
            }
            None => ra == rb,
        }
    }
}
