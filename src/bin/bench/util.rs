//! Shared helpers: a temporary folder, medians, peak memory.

use crate::world::World;
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::time::Duration;

/// A folder under the system temp dir, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let p = std::env::temp_dir().join(format!(
            "dateline-bench-{}-{tag}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&p).expect("create temp dir");
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

pub fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Peak resident set size of this process, in kB.
pub fn vm_hwm_kb() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

pub fn write_corpus(w: &World, dir: &Path, n: usize) -> usize {
    let mut bytes = 0;
    for i in 0..n {
        let text = w.article(i);
        bytes += text.len();
        std::fs::write(dir.join(format!("{i:05}.txt")), text).expect("write article");
    }
    flush_to_disk();
    bytes
}

/// Writes every dirty page out before anything is timed, so that the
/// kernel flushing a freshly written corpus does not compete with the run.
fn flush_to_disk() {
    #[cfg(unix)]
    {
        unsafe extern "C" {
            fn sync();
        }
        // SAFETY: sync(2) takes no arguments and only schedules writeback.
        unsafe { sync() };
    }
}

/// Counts the bytes the program holds (live) and the most it ever held
/// (peak), once switched on; used to break memory down by stage.
pub struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

impl Counting {
    pub fn start() {
        COUNTING.store(true, Ordering::SeqCst);
    }
    /// Bytes allocated and not yet freed.
    pub fn live() -> usize {
        LIVE.load(Ordering::SeqCst).max(0) as usize
    }
    /// The highest `live` so far; `reset_peak` starts a new stage.
    pub fn peak() -> usize {
        PEAK.load(Ordering::SeqCst).max(0) as usize
    }
    pub fn reset_peak() {
        PEAK.store(LIVE.load(Ordering::SeqCst), Ordering::SeqCst);
    }
    fn add(n: usize) {
        if COUNTING.load(Ordering::Relaxed) {
            let now = LIVE.fetch_add(n as isize, Ordering::Relaxed) + n as isize;
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
    }
    fn sub(n: usize) {
        if COUNTING.load(Ordering::Relaxed) {
            LIVE.fetch_sub(n as isize, Ordering::Relaxed);
        }
    }
}

// SAFETY: every call is passed straight to the system allocator; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            Counting::add(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) };
        Counting::sub(layout.size());
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            Counting::add(new_size);
            Counting::sub(layout.size());
        }
        p
    }
}
