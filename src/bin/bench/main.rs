//! dateline-bench: throughput, scaling, peak memory and filter latency,
//! measured on a synthetic corpus generated here, deterministically.
//!
//!   dateline-bench extract   open + JSON export of 1,000 and 10,000 articles
//!   dateline-bench filter    query::filter over 10,000 and 100,000 items,
//!                            with frizbee and with fuzzy-matcher, side by
//!                            side with `fzf --filter` when installed
//!   dateline-bench all       both
//!
//! Each extract size runs in a child process of its own (this binary,
//! re-executed with `--child-extract`) so that its VmHWM is its own.

mod extract;
mod filter;
mod skim;
mod util;
mod world;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--child-extract") => {
            let n = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1_000);
            let runs = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(3);
            extract::child_extract(n, runs);
        }
        Some("--sample") => {
            let w = world::World::new();
            let i = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(0);
            print!("{}", w.article(i));
        }
        Some("--cluster-stats") => {
            let n = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1_000);
            extract::cluster_stats(n);
        }
        Some("extract") => extract::bench_extract(),
        Some("filter") => filter::bench_filter(),
        Some("all") | None => {
            extract::bench_extract();
            filter::bench_filter();
        }
        Some(other) => {
            eprintln!("usage: dateline-bench [extract|filter|all|--sample N]  (unknown: {other})");
            std::process::exit(2);
        }
    }
}
