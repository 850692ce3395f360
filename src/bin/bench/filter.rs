//! filter: `query::filter` over 10,000 and 100,000 items, side by side
//! with `fzf --filter` when it is installed.

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
    let (table, _) = AliasTable::parse(loader::BUNDLED_ALIASES);
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
        let model = extract::build_model(&docs, &table);
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

/// Queries for dateline, and what fzf is given for the same intent.
pub const QUERIES: &[(&str, &str, &str)] = &[
    ("alias", "bibi", "bibi"),
    ("two words", "ceasefire talks", "ceasefire talks"),
    ("3-letter word", "oil", "oil"),
    ("exact", "'sanctions", "'sanctions"),
    ("@name", "@reyes", "reyes"),
    ("no match", "zqxjvw", "zqxjvw"),
];

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
            "{:<14} {:<18} {:>8} {:>11} {:>11} | {:<18} {:>8} {:>11}",
            "query", "dateline", "hits", "median ms", "min ms", "fzf --filter", "hits", "median ms"
        );
        for (label, q, fq) in QUERIES {
            let parsed = Query::parse(q);
            let mut times = Vec::new();
            let mut hits = 0;
            for _ in 0..5 {
                let t = Instant::now();
                let r = query::filter(&items, &hays, &parsed, false);
                times.push(t.elapsed());
                hits = r.len();
            }
            let min = *times.iter().min().expect("runs");
            let med = median(times);
            let fz = if fzf {
                let (d, h) = time_fzf(&lines, fq, 5);
                format!("{:<18} {:>8} {:>11.1}", fq, h, ms(d))
            } else {
                "fzf not installed (apt-get install fzf)".to_string()
            };
            println!(
                "{:<14} {:<18} {:>8} {:>11.1} {:>11.1} | {}",
                label,
                q,
                hits,
                ms(med),
                ms(min),
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
        "(dateline matches text, actors with aliases, outlets and quote text; fzf sees only the row text)"
    );
}
