//! extract: the JSON export of 1,000 and 10,000 synthetic articles, run
//! exactly as `dateline export DIR -o FILE` runs it, each run in a child
//! process of its own so that its peak memory is its own; then one more
//! child that times each stage and counts the bytes each holds.

use crate::util::*;
use crate::world::World;
use dateline::aliases::AliasTable;
use dateline::loader::{self, RawText};
use dateline::model::{ClusterId, ItemId};
use dateline::query::Query;
use dateline::{cluster, corpus, export, extract, fsutil, timeline};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One export, as the command does it: model only, streamed JSON, atomic
/// write.
pub fn child_export(dir: &Path, out: &Path) {
    let t = Instant::now();
    let (model, issues) = corpus::open_model(&[dir.to_path_buf()], None);
    let chosen = export::select(&model, &Query::default());
    fsutil::write_atomic_with(out, |f| export::write_json(&chosen, &issues, f, false))
        .expect("write the export");
    let dt = t.elapsed();
    let json = std::fs::metadata(out).map_or(0, |m| m.len());
    println!(
        "RESULT seconds={} hwm_kb={} events={} quotes={} clusters={} actors={} json={json}",
        secs(dt),
        vm_hwm_kb(),
        model.events.len(),
        model.quotes.len(),
        model.clusters.len(),
        model.actors.len(),
    );
}

/// The stages one by one, with the bytes held after each (and at most
/// during it), counted by the benchmark's allocator.
pub fn child_stages(dir: &Path) {
    let mb = |b: usize| b as f64 / 1e6;
    let (table, _) = AliasTable::with_general(loader::BUNDLED_ALIASES);
    let (files, _) = loader::collect_files(&[dir.to_path_buf()]);
    Counting::reset_peak();
    let base = Counting::live();
    let t = Instant::now();
    let shared = extract::Shared::new(&table);
    let results = dateline::parallel::parallel_map(&files, |_, f| {
        loader::load_file(f).map(|d| extract::extract_document(&d, &shared).0)
    });
    let parts: Vec<extract::Part> = results.into_iter().filter_map(Result::ok).collect();
    let read = t.elapsed();
    let hwm_read = vm_hwm_kb();
    let (read_live, read_peak) = (Counting::live() - base, Counting::peak() - base);
    Counting::reset_peak();
    let t = Instant::now();
    let model = extract::assemble(parts, shared, &table);
    let assemble = t.elapsed();
    let hwm_assemble = vm_hwm_kb();
    let (model_live, assemble_peak) = (Counting::live() - base, Counting::peak() - base);
    Counting::reset_peak();
    let t = Instant::now();
    // Clustering alone, again over the model's events and quotes (assembly
    // has done it once already).
    let clustering = cluster::build(&model.events[..], &model.quotes[..]);
    let cluster = t.elapsed();
    assert_eq!(clustering.clusters.len(), model.clusters.len());
    drop(clustering);
    let cluster_peak = Counting::peak() - base;
    Counting::reset_peak();
    let t = Instant::now();
    export::write_json(&model, &[], std::io::sink(), false).expect("write to a sink");
    let json = t.elapsed();
    let hwm_json = vm_hwm_kb();
    let json_peak = Counting::peak() - base;
    let t = Instant::now();
    let items = timeline::build(&model);
    let tl = t.elapsed();
    println!(
        "RESULT read={} assemble={} cluster={} json={} timeline={} items={} \
         read_live={} read_peak={} model={} assemble_peak={} cluster_peak={} json_peak={} \
         rss_read={} rss_assemble={} rss_json={}",
        secs(read),
        secs(assemble),
        secs(cluster),
        secs(json),
        secs(tl),
        items.len(),
        mb(read_live),
        mb(read_peak),
        mb(model_live),
        mb(assemble_peak),
        mb(cluster_peak),
        mb(json_peak),
        hwm_read / 1024,
        hwm_assemble / 1024,
        hwm_json / 1024,
    );
}

pub(crate) fn run_child(args: &[&str]) -> HashMap<String, String> {
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe)
        .args(args)
        .stderr(Stdio::inherit())
        .output()
        .expect("run child");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("RESULT "))
        .unwrap_or_else(|| panic!("child {args:?} failed: {text}"));
    line["RESULT ".len()..]
        .split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

pub(crate) fn num(r: &HashMap<String, String>, k: &str) -> f64 {
    r.get(k).and_then(|v| v.parse().ok()).unwrap_or(f64::NAN)
}

/// One corpus size: its runs (median time, worst peak) and its stages.
struct Size {
    n: usize,
    bytes: f64,
    runs: usize,
    seconds: f64,
    peak: f64,
    last: HashMap<String, String>,
    stages: HashMap<String, String>,
}

fn measure(w: &World, n: usize, max_runs: usize) -> Size {
    let dir = TempDir::new(&n.to_string());
    let corpus = dir.0.join("corpus");
    std::fs::create_dir_all(&corpus).expect("corpus dir");
    let bytes = write_corpus(w, &corpus, n) as f64;
    let out = dir.0.join("export.json");
    let (mut times, mut peak, mut last) = (Vec::new(), 0.0f64, HashMap::new());
    let budget = Instant::now();
    for run in 1..=max_runs {
        let r = run_child(&[
            "--child-export",
            &corpus.display().to_string(),
            &out.display().to_string(),
        ]);
        let t = num(&r, "seconds");
        eprintln!("  {n} articles: run {run} took {t:.2} s");
        times.push(Duration::from_secs_f64(t));
        peak = peak.max(num(&r, "hwm_kb") * 1024.0);
        last = r;
        if budget.elapsed() > Duration::from_secs(40) {
            break;
        }
    }
    let stages = run_child(&["--child-stages", &corpus.display().to_string()]);
    Size {
        n,
        bytes,
        runs: times.len(),
        seconds: secs(median(times)),
        peak,
        last,
        stages,
    }
}

pub fn bench_extract() {
    let w = World::new();
    eprintln!("extract: 1 article (the program alone) ...");
    let base = measure(&w, 1, 3);
    let mut res = Vec::new();
    for (n, runs) in [(1_000usize, 3usize), (10_000, 3)] {
        eprintln!("extract: {n} articles ...");
        res.push(measure(&w, n, runs));
    }
    println!();
    println!("== export: `dateline export DIR -o FILE` as the command runs it (median of runs) ==");
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
        println!(
            "{:>9} {:>8.2} {:>5} {:>9.3} {:>8.2} {:>8} {:>8} {:>8} {:>9.1} {:>10.1} {:>7.2}x",
            r.n,
            r.bytes / 1e6,
            r.runs,
            r.seconds,
            r.bytes / 1e6 / r.seconds,
            num(&r.last, "events"),
            num(&r.last, "quotes"),
            num(&r.last, "clusters"),
            num(&r.last, "json") / 1e6,
            r.peak / 1e6,
            r.peak / r.bytes,
        );
    }
    println!();
    println!("stages (one more run; seconds, and MB held after / at most during each):");
    println!(
        "{:>9} {:>18} {:>22} {:>16} {:>16} {:>10}",
        "articles",
        "read+extract",
        "assemble (->model)",
        "(cluster only)",
        "write JSON",
        "timeline"
    );
    for r in &res {
        let s = &r.stages;
        println!(
            "{:>9} {:>6.2}s {:>4.0}/{:<5.0} {:>6.2}s {:>6.0}/{:<6.0} {:>6.2}s {:>7.0} {:>6.2}s {:>7.0} {:>9.2}s",
            r.n,
            num(s, "read"),
            num(s, "read_live"),
            num(s, "read_peak"),
            num(s, "assemble"),
            num(s, "model"),
            num(s, "assemble_peak"),
            num(s, "cluster"),
            num(s, "cluster_peak"),
            num(s, "json"),
            num(s, "json_peak"),
            num(s, "timeline"),
        );
    }
    let (a, b) = (&res[0], &res[1]);
    let scale = (b.seconds / a.seconds) / (b.bytes / a.bytes);
    let verdict = |ok: bool| if ok { "ok" } else { "MISSED" };
    println!();
    println!(
        "{:<44} {:>14} {:>12} {:>7}",
        "target", "measured", "target", ""
    );
    println!(
        "{:<44} {:>12.2} s {:>10} s {:>7}",
        "full export of 10,000 articles",
        b.seconds,
        "< 5",
        verdict(b.seconds < 5.0)
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
        "peak memory / corpus size (10,000 articles)",
        b.peak / b.bytes,
        "< 4",
        verdict(b.peak / b.bytes < 4.0)
    );
    // What a small corpus costs is mostly the program itself: its code,
    // compiled patterns and threads, measured by exporting one article.
    println!(
        "{:<44} {:>12.2} x   (program alone, 1 article: {:.1} MB; {:.2} x above it)",
        "peak memory / corpus size (1,000 articles)",
        a.peak / a.bytes,
        base.peak / 1e6,
        (a.peak - base.peak) / a.bytes,
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
    let (table, _) = AliasTable::with_general(loader::BUNDLED_ALIASES);
    let (model, _) = extract::build_model(&docs, &table);
    let mut sizes: Vec<(usize, usize, ClusterId)> = model
        .clusters
        .iter()
        .map(|c| (c.members.len(), c.articles.len(), c.id))
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
        let text = match c.members[0] {
            ItemId::Event(e) => &model.events[e.index()].text,
            ItemId::Quote(q) => &model.quotes[q.index()].text,
        };
        println!(
            "  {members:>6} members {articles:>6} articles  {:.90}",
            text
        );
    }
}
