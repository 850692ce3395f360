//! Linking: which items join which groups, tried in one fixed order.

use super::{Lists, MAX_POSTING, UnionFind};
use crate::parallel::parallel_map;

/// The groups that [`link`] grows: it asks which group an item is in, and
/// proposes joins, which the groups' own rule may refuse.
pub(super) trait Grow {
    /// The group of `a`, as its root item.
    fn root(&mut self, a: u32) -> u32;
    fn unite(&mut self, a: u32, b: u32);
}

/// Union-find groups that join only when `same` holds for their first
/// members (see [`UnionFind::join`]).
pub(super) struct Ruled<'u, F: FnMut(u32, u32) -> bool> {
    pub(super) uf: &'u mut UnionFind,
    pub(super) same: F,
}

impl<F: FnMut(u32, u32) -> bool> Grow for Ruled<'_, F> {
    fn root(&mut self, a: u32) -> u32 {
        self.uf.find(a)
    }
    fn unite(&mut self, a: u32, b: u32) {
        self.uf.join(a, b, &mut self.same);
    }
}

/// Joins the items that a checker says are one, trying only pairs that
/// share a key no more than `MAX_POSTING` items have, in one fixed order
/// that does not depend on the keys: item by item, each with its earlier
/// candidates in their order, so a group grows from its first member the
/// same way however the keys were sliced or hashed.
/// A pair already in one group is not checked (a join would change
/// nothing), so a group of copies costs a check per item, not per pair.
/// With `share`, items are checked on every core, each worker with its own
/// checker, and joined afterwards in the same order (the caller that is
/// already on every core passes false). A checker is called with one item
/// and each of its candidates in turn before the next item.
pub(super) fn link<C: FnMut(usize, usize) -> bool>(
    keys: Lists<u32>,
    share: bool,
    checker: impl Fn() -> C + Sync,
    groups: &mut impl Grow,
) {
    let n = keys.len() as u32;
    let index = Postings::new(&keys);
    drop(keys);
    let mut buf = Vec::new();
    // A few thousand items are checked here, joining as they go: starting
    // threads would cost more.
    const ALONE: u32 = 4096;
    if !share || n <= ALONE {
        let mut same = checker();
        for a in 0..n {
            index.earlier(a, &mut buf);
            for &b in &buf {
                if groups.root(a) != groups.root(b) && same(a as usize, b as usize) {
                    groups.unite(a, b);
                }
            }
        }
        return;
    }
    // Rounds of items, each checked on every core against the groups as
    // the round began (a pair joined then is joined still), then joined in
    // order.
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()) as u32;
    let round = ALONE * workers;
    for start in (0..n).step_by(round as usize) {
        let root: Vec<u32> = (0..n).map(|i| groups.root(i)).collect();
        let end = (start + round).min(n);
        let step = (end - start).div_ceil(workers * 4);
        let parts: Vec<std::ops::Range<u32>> = (start..end)
            .step_by(step as usize)
            .map(|s| s..(s + step).min(end))
            .collect();
        let found = parallel_map(&parts, |_, part| {
            let (mut same, mut buf, mut out) = (checker(), Vec::new(), Vec::new());
            for a in part.clone() {
                index.earlier(a, &mut buf);
                out.extend(
                    (buf.iter())
                        .filter(|&&b| {
                            root[a as usize] != root[b as usize] && same(a as usize, b as usize)
                        })
                        .map(|&b| (a, b)),
                );
            }
            out
        });
        for (a, b) in found.into_iter().flatten() {
            groups.unite(a, b);
        }
    }
}

/// The postings of the keys that more than one and at most `MAX_POSTING`
/// items share, each its items in order, and for each item the postings it
/// is in. Built one slice of the key space at a time, so that no more than
/// about `SLICE_KEYS` (key, item) pairs are ever held. Keys are 32-bit
/// hashes: two keys that collide only add candidates, and every candidate
/// is checked.
struct Postings {
    /// Every posting's items, one posting after another.
    items: Vec<u32>,
    /// Where each posting ends in `items`.
    ends: Vec<u32>,
    /// Item `i`'s postings are `posts[firsts[i]..firsts[i + 1]]`.
    firsts: Vec<u32>,
    posts: Vec<u32>,
}

impl Postings {
    fn new(keys: &Lists<u32>) -> Postings {
        const SLICE_KEYS: usize = 1 << 20;
        let n = keys.len();
        let total: usize = (0..n).map(|i| keys.get(i).len()).sum();
        let slices = total.div_ceil(SLICE_KEYS).clamp(1, 256) as u32;
        let (mut items, mut ends) = (Vec::new(), Vec::new());
        let mut kept: Vec<(u32, u32)> = Vec::new();
        for slice in 0..slices {
            kept.clear();
            for i in 0..n {
                kept.extend(
                    (keys.get(i).iter())
                        .filter(|&&k| k % slices == slice)
                        .map(|&k| (k, i as u32)),
                );
            }
            kept.sort_unstable();
            kept.dedup();
            for run in kept.chunk_by(|x, y| x.0 == y.0) {
                if run.len() > 1 && run.len() <= MAX_POSTING {
                    items.extend(run.iter().map(|p| p.1));
                    ends.push(u32::try_from(items.len()).expect("fewer than 2^32 postings"));
                }
            }
        }
        drop(kept);
        let mut firsts = vec![0u32; n + 1];
        for &i in &items {
            firsts[i as usize + 1] += 1;
        }
        for i in 0..n {
            firsts[i + 1] += firsts[i];
        }
        let mut fill = firsts.clone();
        let mut posts = vec![0u32; items.len()];
        let mut from = 0;
        for (p, &end) in ends.iter().enumerate() {
            for &i in &items[from..end as usize] {
                posts[fill[i as usize] as usize] = p as u32;
                fill[i as usize] += 1;
            }
            from = end as usize;
        }
        Postings {
            items,
            ends,
            firsts,
            posts,
        }
    }

    /// The items before `a` that share a posting with it, in order, each
    /// once.
    fn earlier(&self, a: u32, out: &mut Vec<u32>) {
        out.clear();
        let (from, to) = (self.firsts[a as usize], self.firsts[a as usize + 1]);
        for &p in &self.posts[from as usize..to as usize] {
            let start = if p == 0 { 0 } else { self.ends[p as usize - 1] };
            let posting = &self.items[start as usize..self.ends[p as usize] as usize];
            out.extend(posting.iter().take_while(|&&b| b < a));
        }
        out.sort_unstable();
        out.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(v: &[&[u32]]) -> Lists<u32> {
        let mut l = Lists::default();
        for x in v {
            l.push_set(x.iter().copied());
        }
        l
    }

    #[test]
    fn an_item_is_offered_each_earlier_item_it_shares_a_key_with_once() {
        let keys = lists(&[&[1, 2], &[2, 3], &[1, 2, 3], &[9], &[3, 9]]);
        let p = Postings::new(&keys);
        let mut got = Vec::new();
        let all: Vec<Vec<u32>> = (0..5)
            .map(|a| {
                p.earlier(a, &mut got);
                got.clone()
            })
            .collect();
        assert_eq!(all, [vec![], vec![0], vec![0, 1], vec![], vec![1, 2, 3]]);
    }

    #[test]
    fn a_key_too_many_items_share_offers_nothing() {
        let common: Vec<&[u32]> = vec![&[7]; MAX_POSTING + 1];
        let p = Postings::new(&lists(&common));
        let mut got = Vec::new();
        p.earlier(MAX_POSTING as u32, &mut got);
        assert!(got.is_empty());
    }

    #[test]
    fn sharing_the_work_joins_what_one_core_joins() {
        // Chains of near copies, many more than one core checks alone.
        let n = 20_000u32;
        let keys = || {
            let mut l = Lists::default();
            for i in 0..n {
                l.push_set([i / 3, n + i / 5]);
            }
            l
        };
        // Groups join only when their first members are within 4.
        let run = |keys, share| {
            let mut uf = UnionFind::new(n as usize);
            link(
                keys,
                share,
                || |a: usize, b: usize| a.abs_diff(b) <= 4,
                &mut Ruled {
                    uf: &mut uf,
                    same: |x: u32, y: u32| x.abs_diff(y) <= 4,
                },
            );
            uf.groups()
        };
        let (one, all) = (run(keys(), false), run(keys(), true));
        assert_eq!(one, all);
        assert!(one.iter().enumerate().any(|(i, &g)| g as usize != i));
        assert!(one.iter().enumerate().all(|(i, &g)| i - g as usize <= 4));
    }
}
