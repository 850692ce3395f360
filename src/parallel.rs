//! Running work on every core while keeping the input's order.

/// Runs `f` on each item, changing it in place, on every core; the results
/// come back in the items' order.
pub fn parallel_each_mut<T: Send, R: Send>(
    items: &mut [T],
    f: impl Fn(&mut T) -> R + Sync,
) -> Vec<R> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    if workers <= 1 || items.len() <= 1 {
        return items.iter_mut().map(f).collect();
    }
    let chunks = std::sync::Mutex::new(items.chunks_mut(64).enumerate());
    let mut done: Vec<(usize, Vec<R>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let next = chunks.lock().map_or(None, |mut c| c.next());
                        let Some((i, chunk)) = next else { break };
                        mine.push((i, chunk.iter_mut().map(&f).collect()));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker panicked"))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().flat_map(|(_, r)| r).collect()
}

/// Runs `f` over the items on every core, keeping their order.
pub fn parallel_map<D: Sync, T: Send>(docs: &[D], f: impl Fn(usize, &D) -> T + Sync) -> Vec<T> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(docs.len().max(1));
    if workers <= 1 {
        return docs.iter().enumerate().map(|(i, d)| f(i, d)).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, T)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if i >= docs.len() {
                            break;
                        }
                        mine.push((i, f(i, &docs[i])));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("extraction worker panicked"))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, t)| t).collect()
}
