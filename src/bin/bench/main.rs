//! dateline-bench: throughput, scaling, peak memory and filter latency,
//! measured on a synthetic corpus generated here, deterministically.
//!
//!   dateline-bench extract   open + JSON export of 1,000 and 10,000 articles
//!   dateline-bench filter    query::filter over 10,000 and 100,000 items,
//!                            with frizbee and with fuzzy-matcher, side by
//!                            side with `fzf --filter` when installed
//!   dateline-bench startup   open ./data (or the bundled corpus) to the first frame
//!   dateline-bench hostile   repeated quotes, a 40 MB line, long alias names at two sizes
//!   dateline-bench pages     1,000 saved web pages beside the same articles as text
//!   dateline-bench reopen    the cache and the explorer's start at 10,000 and
//!                            100,000 articles (or the sizes given)
//!   dateline-bench typing    the filter typed key by key in the explorer at
//!                            10,000 and 100,000 articles (or the sizes given)
//!   dateline-bench all       all five
//!
//! Each export runs in a child process of its own (this binary, re-executed
//! with `--child-export`) so that its VmHWM is its own.

mod extract;
mod filter;
mod hostile;
mod pages;
mod reopen;
mod skim;
mod startup;
mod typing;
mod util;
mod world;

use std::path::Path;

#[global_allocator]
static ALLOC: util::Counting = util::Counting;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--child-export") if args.len() == 3 => {
            extract::child_export(Path::new(&args[1]), Path::new(&args[2]));
        }
        Some("--child-stages") if args.len() == 2 => {
            util::Counting::start();
            extract::child_stages(Path::new(&args[1]));
        }
        Some("--sample") => {
            let w = world::World::new();
            let i = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(0);
            print!("{}", w.article(i));
        }
        Some("--write-corpus") if args.len() == 3 => {
            let n = args[1].parse().expect("a number of articles");
            let dir = Path::new(&args[2]);
            std::fs::create_dir_all(dir).expect("create the corpus folder");
            let bytes = util::write_corpus(&world::World::new(), dir, n);
            println!("wrote {n} articles, {bytes} bytes, to {}", dir.display());
        }
        Some("--child-open") if args.len() == 3 => {
            reopen::child_open(Path::new(&args[1]), &args[2]);
        }
        Some("--child-frame") if args.len() == 3 => {
            reopen::child_frame(Path::new(&args[1]), &args[2]);
        }
        Some("reopen") => {
            let sizes: Vec<usize> = args[1..].iter().filter_map(|a| a.parse().ok()).collect();
            if sizes.is_empty() {
                reopen::bench_reopen(&[10_000, 100_000]);
            } else {
                reopen::bench_reopen(&sizes);
            }
        }
        Some("typing") => {
            let sizes: Vec<usize> = args[1..].iter().filter_map(|a| a.parse().ok()).collect();
            if sizes.is_empty() {
                reopen::bench_typing(&[10_000, 100_000]);
            } else {
                reopen::bench_typing(&sizes);
            }
        }
        Some("--cluster-stats") => {
            let n = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1_000);
            extract::cluster_stats(n);
        }
        Some("extract") => extract::bench_extract(),
        Some("filter") => filter::bench_filter(),
        Some("startup") => startup::bench_startup(),
        Some("hostile") => hostile::bench_hostile(),
        Some("pages") => pages::bench_pages(),
        Some("all") | None => {
            startup::bench_startup();
            extract::bench_extract();
            filter::bench_filter();
            hostile::bench_hostile();
            pages::bench_pages();
        }
        Some(other) => {
            eprintln!(
                "usage: dateline-bench [startup|extract|filter|hostile|pages|reopen [N..]|typing [N..]|all|--sample N|--write-corpus N DIR|--cluster-stats N]  (unknown: {other})"
            );
            std::process::exit(2);
        }
    }
}
