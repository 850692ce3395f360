//! Running work on every core while keeping the input's order.

/// Runs `f` on slices of `size` items (with the index of their first
/// item), changing them in place, on every core; the results come back in
/// the items' order.
pub fn parallel_chunks_mut<T: Send, R: Send>(
    items: &mut [T],
    size: usize,
    f: impl Fn(usize, &mut [T]) -> R + Sync,
) -> Vec<R> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    if workers <= 1 || items.len() <= size {
        return items
            .chunks_mut(size.max(1))
            .enumerate()
            .map(|(i, c)| f(i * size, c))
            .collect();
    }
    let chunks = std::sync::Mutex::new(items.chunks_mut(size).enumerate());
    let mut done: Vec<(usize, R)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let next = chunks.lock().map_or(None, |mut c| c.next());
                        let Some((i, chunk)) = next else { break };
                        mine.push((i, f(i * size, chunk)));
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
    done.into_iter().map(|(_, r)| r).collect()
}

/// Splits `0..n` into up to `threads` contiguous ranges of at least
/// `min_chunk` (one range when there is too little work to share), runs
/// `f` on each on a thread of its own, and joins the results in order.
pub fn parallel_ranges<T: Send>(
    n: usize,
    threads: usize,
    min_chunk: usize,
    f: impl Fn(std::ops::Range<usize>) -> Vec<T> + Sync,
) -> Vec<T> {
    let parts = threads.min(n / min_chunk.max(1)).max(1);
    if parts == 1 {
        return f(0..n);
    }
    let chunk = n.div_ceil(parts);
    std::thread::scope(|s| {
        let f = &f;
        let running: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|start| s.spawn(move || f(start..(start + chunk).min(n))))
            .collect();
        let mut out = Vec::with_capacity(n);
        for r in running {
            out.extend(r.join().expect("worker panicked"));
        }
        out
    })
}

/// Runs `f` over the items (with their index) on every core, keeping
/// their order.
pub fn parallel_map<D: Sync, T: Send>(items: &[D], f: impl Fn(usize, &D) -> T + Sync) -> Vec<T> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len())
        .max(1);
    if workers == 1 {
        return items.iter().enumerate().map(|(i, d)| f(i, d)).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, T)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let (next, f) = (&next, &f);
                s.spawn(move || {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if i >= items.len() {
                            break;
                        }
                        mine.push((i, f(i, &items[i])));
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
    done.sort_by_key(|r| r.0);
    done.into_iter().map(|(_, t)| t).collect()
}

/// Has the C allocator give large blocks (a worker's batch, a phase's
/// working list) their own mapping, returned to the system when freed. By
/// default the cut-off rises to the size of the largest block freed, after
/// which such blocks are carved from the heap and stay resident, scattered,
/// when freed: on a large corpus that held about a sixth more memory at the
/// peak. Called once; later calls do nothing.
pub fn return_large_blocks_when_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            unsafe extern "C" {
                fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
            }
            const M_MMAP_THRESHOLD: std::ffi::c_int = -3;
            // SAFETY: mallopt only changes the allocator's policy for later
            // allocations; glibc's own default cut-off is 128 KiB.
            unsafe {
                mallopt(M_MMAP_THRESHOLD, 128 * 1024);
            }
        });
    }
}

/// Hands memory that a finished phase freed back to the system. The C
/// allocator keeps large freed blocks in its heap for reuse; a phase whose
/// working lists are gone should not leave them resident while the next
/// phase allocates its own.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: malloc_trim only returns whole free pages of the
        // allocator's own heaps to the kernel; no live allocation is touched.
        unsafe {
            malloc_trim(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_items_order() {
        let items: Vec<u32> = (0..1000).collect();
        let results = parallel_map(&items, |i, &x| {
            assert_eq!(i as u32, x, "each item comes with its index");
            x * 2
        });
        assert_eq!(results, (0..1000).map(|x| x * 2).collect::<Vec<_>>());

        let mut v: Vec<usize> = vec![0; 10_000];
        let sums = parallel_chunks_mut(&mut v, 64, |start, chunk| {
            for (k, x) in chunk.iter_mut().enumerate() {
                *x = start + k;
            }
            chunk.len()
        });
        assert_eq!(sums.iter().sum::<usize>(), 10_000);
        assert!(v.iter().enumerate().all(|(i, &x)| i == x));
    }
}
