//! Where a load's time goes: with `DATELINE_TIMES=1` in the environment,
//! each stage of opening a corpus writes its wall-clock time to standard
//! error, with the process's resident memory then and at its highest so
//! far (Linux). Off, a mark costs next to nothing.

use std::sync::Mutex;
use std::sync::OnceLock;
use std::time::Instant;

fn on() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("DATELINE_TIMES").is_some_and(|v| v == "1"))
}

static LAST: Mutex<Option<Instant>> = Mutex::new(None);
static HEAP: OnceLock<fn() -> usize> = OnceLock::new();

/// For a program that counts its allocations (the benchmark's allocator):
/// each mark then shows the heap's live bytes too, which resident memory
/// alone does not tell apart from freed memory the allocator keeps.
pub fn count_heap_with(live: fn() -> usize) {
    let _ = HEAP.set(live);
}

/// Starts timing from now (the time before is not counted).
pub fn start() {
    if on() {
        *LAST.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
    }
}

/// Writes the time since the last mark (or start) against `stage`.
pub fn mark(stage: &str) {
    if !on() {
        return;
    }
    let now = Instant::now();
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(t) = *last {
        let (rss, hwm) = memory_mb();
        let live = HEAP
            .get()
            .map(|f| format!("  live {:>7.1} MB", f() as f64 / 1e6))
            .unwrap_or_default();
        eprintln!(
            "time {stage:<28} {:>8.3} s  rss {rss:>7.1} MB  peak {hwm:>7.1} MB{live}",
            (now - t).as_secs_f64()
        );
    }
    *last = Some(now);
}

/// Resident memory now and at its highest, in MB (zero where unknown).
fn memory_mb() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1e3)
    };
    (field("VmRSS:"), field("VmHWM:"))
}
