//! extract: `corpus::open` + JSON export of 1,000 and 10,000 articles,
//! each size in a child process of its own so that its peak is its own.

use crate::util::*;
use crate::world::World;
use dateline::aliases::AliasTable;
use dateline::loader::{self, RawText};
use dateline::timeline;
use dateline::{corpus, export, extract};
use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub fn child_extract(n: usize, max_runs: usize) {
    let w = World::new();
    let dir = TempDir::new(&n.to_string());
    let bytes = write_corpus(&w, &dir.0, n);
    let hwm_before = vm_hwm_kb();
    let paths = [dir.0.clone()];
    let mut times = Vec::new();
    let mut counts = (0, 0, 0, 0, 0);
    let budget = Instant::now();
    for _ in 0..max_runs {
        let t = Instant::now();
        let c = corpus::open(&paths, None);
        let json = export::to_json(&c.model, &c.issues);
        let dt = t.elapsed();
        counts = (
            c.model.events.len(),
            c.model.quotes.len(),
            c.model.clusters.len(),
            c.model.actors.len(),
            json.len(),
        );
        drop(json);
        drop(c);
        times.push(dt);
        eprintln!("  {n} articles: run {} took {:.2} s", times.len(), secs(dt));
        if budget.elapsed() > Duration::from_secs(40) {
            break;
        }
    }
    let hwm = vm_hwm_kb();

    // Stage breakdown, one more pass: load / build_model / timeline / to_json.
    let t = Instant::now();
    let (docs, issues) = corpus::load_paths(&paths);
    let load = t.elapsed();
    let (table, _) = AliasTable::parse(loader::BUNDLED_ALIASES);
    let t = Instant::now();
    let model = extract::build_model(&docs, &table);
    let build = t.elapsed();
    let t = Instant::now();
    let mut m2 = model.clone();
    let clone = t.elapsed();
    let t = Instant::now();
    dateline::cluster::assign(&mut m2);
    let cluster = t.elapsed();
    drop(m2);
    let t = Instant::now();
    let json = export::to_json(&model, &issues);
    let tojson = t.elapsed();
    let t = Instant::now();
    let items = timeline::build(&model);
    let tl = t.elapsed();

    println!(
        "RESULT n={n} bytes={bytes} runs={} median={} events={} quotes={} clusters={} actors={} \
         json={} hwm_kb={hwm} hwm_before_kb={hwm_before} load={} build={} cluster={} clone={} \
         to_json={} timeline={} items={}",
        times.len(),
        secs(median(times)),
        counts.0,
        counts.1,
        counts.2,
        counts.3,
        counts.4.max(json.len()),
        secs(load),
        secs(build),
        secs(cluster),
        secs(clone),
        secs(tojson),
        secs(tl),
        items.len(),
    );
}

pub fn run_child(n: usize, runs: usize) -> HashMap<String, String> {
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe)
        .args(["--child-extract", &n.to_string(), &runs.to_string()])
        .stderr(Stdio::inherit())
        .output()
        .expect("run child");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("RESULT "))
        .unwrap_or_else(|| panic!("child for {n} articles failed: {text}"));
    line["RESULT ".len()..]
        .split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

pub fn bench_extract() {
    let sizes = [(1_000usize, 3usize), (10_000, 3)];
    let mut res = Vec::new();
    for (n, runs) in sizes {
        eprintln!("extract: {n} articles ...");
        res.push(run_child(n, runs));
    }
    let f = |r: &HashMap<String, String>, k: &str| -> f64 {
        r.get(k).and_then(|v| v.parse().ok()).unwrap_or(f64::NAN)
    };
    println!();
    println!("== extract: corpus::open + export::to_json (median of runs) ==");
    println!(
        "{:>9} {:>8} {:>5} {:>9} {:>8} {:>8} {:>8} {:>8} {:>9} {:>10} {:>8}",
        "articles",
        "MB",
        "runs",
        "seconds",
        "MB/s",
        "events",
        "quotes",
        "clusters",
        "JSON MB",
        "peak MB",
        "peak/MB"
    );
    for r in &res {
        let bytes = f(r, "bytes");
        let hwm = f(r, "hwm_kb") * 1024.0;
        println!(
            "{:>9} {:>8.2} {:>5} {:>9.3} {:>8.2} {:>8} {:>8} {:>8} {:>9.1} {:>10.1} {:>7.2}x",
            f(r, "n"),
            bytes / 1e6,
            f(r, "runs"),
            f(r, "median"),
            bytes / 1e6 / f(r, "median"),
            f(r, "events"),
            f(r, "quotes"),
            f(r, "clusters"),
            f(r, "json") / 1e6,
            hwm / 1e6,
            hwm / bytes,
        );
    }
    println!();
    println!("stage breakdown (one extra pass each, seconds):");
    println!(
        "{:>9} {:>9} {:>12} {:>14} {:>9} {:>15} {:>10}",
        "articles", "load", "build_model", "(cluster only)", "to_json", "timeline::build", "items"
    );
    for r in &res {
        println!(
            "{:>9} {:>9.3} {:>12.3} {:>14.3} {:>9.3} {:>15.3} {:>10}",
            f(r, "n"),
            f(r, "load"),
            f(r, "build"),
            f(r, "cluster"),
            f(r, "to_json"),
            f(r, "timeline"),
            f(r, "items"),
        );
    }
    println!(
        "(process peak before loading, corpus already written: {:.1} MB / {:.1} MB)",
        f(&res[0], "hwm_before_kb") / 1024.0,
        f(&res[1], "hwm_before_kb") / 1024.0
    );
    let (a, b) = (&res[0], &res[1]);
    let scale = (f(b, "median") / f(a, "median")) / (f(b, "bytes") / f(a, "bytes"));
    let t10 = f(b, "median");
    let peak =
        (f(a, "hwm_kb") * 1024.0 / f(a, "bytes")).max(f(b, "hwm_kb") * 1024.0 / f(b, "bytes"));
    let verdict = |ok: bool| if ok { "ok" } else { "MISSED" };
    println!();
    println!(
        "{:<44} {:>14} {:>12} {:>7}",
        "target", "measured", "target", ""
    );
    println!(
        "{:<44} {:>12.2} s {:>10} s {:>7}",
        "full export of 10,000 articles",
        t10,
        "< 5",
        verdict(t10 < 5.0)
    );
    println!(
        "{:<44} {:>12.2} x {:>10} x {:>7}",
        "cost per 1x of corpus (1k -> 10k)",
        scale,
        "<= 1.2",
        verdict(scale <= 1.2)
    );
    println!(
        "{:<44} {:>12.2} x {:>10} x {:>7}",
        "peak memory / corpus size (worst size)",
        peak,
        "< 4",
        verdict(peak < 4.0)
    );
}

/// The largest clusters of an in-memory corpus of `n` articles: a cluster
/// that grows with the corpus makes clustering superlinear.
pub fn cluster_stats(n: usize) {
    let w = World::new();
    let docs: Vec<loader::Document> = (0..n)
        .map(|i| {
            loader::document(RawText {
                path: PathBuf::from(format!("synthetic/{i:06}.txt")),
                text: w.article(i),
                warnings: Vec::new(),
            })
        })
        .collect();
    let (table, _) = AliasTable::parse(loader::BUNDLED_ALIASES);
    let model = extract::build_model(&docs, &table);
    let mut sizes: Vec<(usize, usize, &str)> = model
        .clusters
        .iter()
        .map(|c| (c.members.len(), c.articles.len(), c.id.as_str()))
        .collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    let multi = sizes.iter().filter(|s| s.0 > 1).count();
    println!(
        "{n} articles: {} clusters, {multi} with more than one member",
        sizes.len()
    );
    for (members, articles, id) in sizes.iter().take(8) {
        let c = model
            .clusters
            .iter()
            .find(|c| c.id == *id)
            .expect("cluster");
        let first = &c.members[0];
        let text = model
            .events
            .iter()
            .find(|e| &e.id == first)
            .map(|e| e.text.clone())
            .or_else(|| {
                model
                    .quotes
                    .iter()
                    .find(|q| &q.id == first)
                    .map(|q| q.text.clone())
            })
            .unwrap_or_default();
        println!(
            "  {members:>6} members {articles:>6} articles  {:.90}",
            text
        );
    }
}
