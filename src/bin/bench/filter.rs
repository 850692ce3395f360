//! filter: `query::filter` over 10,000 and 100,000 items, with its engine
//! (frizbee) and the one it replaced (fuzzy-matcher), side by side
//! with `fzf --filter` when it is installed.

use crate::skim::Skim;
use crate::util::*;
use crate::world::World;
use dateline::aliases::AliasTable;
use dateline::extract;
use dateline::loader::{self, RawText};
use dateline::query::{self, Haystack, Query};
use dateline::timeline::{self, Item};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub fn synth_items(w: &World, n: usize) -> (dateline::model::Model, Vec<Item>) {
    let (table, _) = AliasTable::with_general(loader::BUNDLED_ALIASES);
    let mut docs: Vec<loader::Document> = Vec::new();
    let mut want = (n / 20).max(50);
    loop {
        while docs.len() < want {
            let i = docs.len();
            docs.push(loader::document(RawText {
                path: PathBuf::from(format!("synthetic/{i:06}.txt")),
                text: w.article(i),
                warnings: Vec::new(),
            }));
        }
        let t = Instant::now();
        let (model, _) = extract::build_model(&docs, &table);
        let mut items = timeline::build(&model);
        eprintln!(
            "  {} articles -> {} items in {:.2} s",
            docs.len(),
            items.len(),
            secs(t.elapsed())
        );
        if items.len() >= n {
            items.truncate(n);
            return (model, items);
        }
        let per = items.len().max(1) as f64 / docs.len() as f64;
        want = ((n as f64 / per) * 1.05) as usize + 10;
    }
}

/// Queries for dateline (label, query, ordered by relevance), and what
/// fzf is given for the same intent.
pub const QUERIES: &[(&str, &str, bool, &str)] = &[
    ("alias", "bibi", false, "bibi"),
    ("two words", "ceasefire talks", false, "ceasefire talks"),
    ("3-letter word", "oil", false, "oil"),
    ("ranked", "oil", true, "oil"),
    ("exact", "'sanctions", false, "'sanctions"),
    ("@name", "@reyes", false, "reyes"),
    ("no match", "zqxjvw", false, "zqxjvw"),
];

/// Median and fastest of `runs` passes, and the hits of the last.
fn time_pass(runs: usize, pass: impl Fn() -> usize) -> (Duration, Duration, usize) {
    let mut times = Vec::new();
    let mut hits = 0;
    for _ in 0..runs {
        let t = Instant::now();
        hits = pass();
        times.push(t.elapsed());
    }
    let min = *times.iter().min().expect("runs");
    (median(times), min, hits)
}

pub fn fzf_installed() -> bool {
    Command::new("fzf")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Median wall clock of `fzf --filter q < lines`, and its number of hits.
pub fn time_fzf(lines: &Path, q: &str, runs: usize) -> (Duration, usize) {
    let mut times = Vec::new();
    let mut hits = 0;
    for _ in 0..runs {
        let input = std::fs::File::open(lines).expect("open lines");
        let t = Instant::now();
        let out = Command::new("fzf")
            .args(["--filter", q])
            .stdin(input)
            .output()
            .expect("run fzf");
        times.push(t.elapsed());
        hits = out.stdout.iter().filter(|&&b| b == b'\n').count();
    }
    (median(times), hits)
}

pub fn bench_filter() {
    let w = World::new();
    let fzf = fzf_installed();
    let tmp = TempDir::new("filter");
    let mut summary = Vec::new();
    for n in [10_000usize, 100_000] {
        eprintln!("filter: building {n} items ...");
        let t = Instant::now();
        let (model, items) = synth_items(&w, n);
        let built = t.elapsed();
        let t = Instant::now();
        let hays: Vec<Haystack> = items.iter().map(|i| Haystack::of(i, &model)).collect();
        let hay_time = t.elapsed();
        let lines = tmp.0.join(format!("lines-{n}.txt"));
        {
            let mut f = std::io::BufWriter::new(std::fs::File::create(&lines).expect("lines"));
            for it in &items {
                writeln!(f, "{}", it.text.replace('\n', " ")).expect("write lines");
            }
        }
        println!();
        println!(
            "== filter: {} items (model from {} articles built in {:.2} s; haystacks {:.1} ms) ==",
            items.len(),
            model.articles.len(),
            secs(built),
            ms(hay_time)
        );
        println!(
            "{:<33} | {:<22} | {:<13} | fzf 0.38",
            "", "frizbee (the filter)", "fuzzy-matcher"
        );
        println!(
            "{:<14} {:<18} | {:>6} {:>7} {:>7} | {:>5} {:>7} | {:<16} {:>6} {:>7}",
            "query",
            "dateline",
            "hits",
            "median",
            "min",
            "hits",
            "median",
            "fzf --filter",
            "hits",
            "median"
        );
        for &(label, q, ranked, fq) in QUERIES {
            let parsed = Query::parse(q);
            let (med, min, hits) =
                time_pass(5, || query::filter(&items, &hays, &parsed, ranked).len());
            let (skim_med, _, skim_hits) = time_pass(3, || {
                query::filter_with::<Skim>(&items, &hays, &parsed, ranked).len()
            });
            let fz = if fzf {
                let (d, h) = time_fzf(&lines, fq, 5);
                format!("{:<16} {:>6} {:>7.1}", fq, h, ms(d))
            } else {
                "fzf not installed (apt-get install fzf)".to_string()
            };
            let shown = if ranked {
                format!("{q} (ranked)")
            } else {
                q.to_string()
            };
            println!(
                "{:<14} {:<18} | {:>6} {:>7.1} {:>7.1} | {:>5} {:>7.1} | {}",
                label,
                shown,
                hits,
                ms(med),
                ms(min),
                skim_hits,
                ms(skim_med),
                fz
            );
            summary.push((n, label.to_string(), med));
        }
    }
    let worst = |n: usize| {
        summary
            .iter()
            .filter(|s| s.0 == n)
            .map(|s| s.2)
            .max()
            .unwrap_or_default()
    };
    let verdict = |ok: bool| if ok { "ok" } else { "MISSED" };
    let (w10, w100) = (worst(10_000), worst(100_000));
    println!();
    println!(
        "{:<44} {:>12} {:>12} {:>7}",
        "target (slowest query)", "measured", "target", ""
    );
    println!(
        "{:<44} {:>9.1} ms {:>9} ms {:>7}",
        "filter pass at 10,000 items",
        ms(w10),
        "< 50",
        verdict(ms(w10) < 50.0)
    );
    println!(
        "{:<44} {:>9.1} ms {:>9} ms {:>7}",
        "full filter pass at 100,000 items",
        ms(w100),
        "< 100",
        verdict(ms(w100) < 100.0)
    );
    println!(
        "(ms a full pass on {} threads; dateline matches text, actors with aliases, outlets and quote",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        " text, fuzzy-matcher is the engine the filter used before frizbee, in the same pass; fzf sees"
    );
    println!(" only the row text)");
}
