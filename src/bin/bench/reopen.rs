//! reopen: the cache and the progressive explorer at 10,000 and 100,000
//! articles. Each measurement runs in a child process of its own (this
//! binary again, with `--child-open` or `--child-frame`), so that its
//! peak memory is its own and no page of the corpus is reused in memory.
//!
//! - cold, no cache: open and extract everything (what `--no-cache` does);
//! - cold, filling the cache: the same, writing every entry;
//! - warm: the same files again, the whole model from the cache;
//! - one file changed: that file extracted, the rest from the cache, the
//!   corpus assembled again;
//! - first frame: from the start of the explorer's load (warm) to its
//!   first 120x40 frame, and to the whole corpus shown;
//! - filter: each keystroke of a typed query over the whole corpus, as
//!   one whole pass and through the worker (first rows, whole answer).

use crate::util::*;
use crate::world::World;
use dateline::cache::{Cache, DEFAULT_LIMIT};
use dateline::corpus::{self, Options};
use dateline::tui::actions::{Action, NewData};
use dateline::tui::data::Data;
use dateline::tui::loading::{self, Source};
use dateline::tui::reduce::update;
use dateline::tui::state::State;
use dateline::tui::view;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

/// `--child-open DIR CACHE|-`: one open, with the cache in CACHE.
pub fn child_open(dir: &Path, cache: &str) {
    if std::env::var_os("DATELINE_TIMES").is_some() {
        Counting::start();
        dateline::timing::count_heap_with(Counting::live);
    }
    let cache = (cache != "-").then(|| Cache::new(cache.into(), DEFAULT_LIMIT * 16));
    let t = Instant::now();
    let opts = Options {
        cache: cache.as_ref(),
        ..Options::default()
    };
    let c = corpus::open_with(&[dir.to_path_buf()], None, &opts);
    let dt = t.elapsed();
    println!(
        "RESULT seconds={} hwm_kb={} cached={} whole={} events={} clusters={}",
        secs(dt),
        vm_hwm_kb(),
        c.stats.cached,
        c.stats.whole,
        c.model.events.len(),
        c.model.clusters.len()
    );
}

/// `--child-frame DIR CACHE`: the explorer's start, then typed filters.
pub fn child_frame(dir: &Path, cache: &str) {
    enum M {
        Progress,
        Data(NewData),
    }
    let t = Instant::now();
    let (tx, rx) = std::sync::mpsc::channel();
    let src = Source {
        paths: vec![dir.to_path_buf()],
        aliases: None,
        cache: Some(Cache::new(cache.into(), DEFAULT_LIMIT * 16)),
        watch: false,
    };
    let _reload = loading::spawn(src, tx, |_| M::Progress, M::Data);
    let empty = corpus::Corpus {
        model: Default::default(),
        issues: Vec::new(),
        origin: corpus::origin(&[dir.to_path_buf()]),
        stats: Default::default(),
    };
    let mut s = State::new(Arc::new(Data::new(empty)), true);
    s.loading = Some(Default::default());
    update(&mut s, Action::Resize(120, 40));
    std::hint::black_box(view::to_buffer(&s));
    let first = t.elapsed();
    let data = loop {
        match rx.recv().expect("the loader answers") {
            M::Progress => {}
            M::Data(d) if d.1 == dateline::tui::actions::Arrival::Loaded => break d,
            M::Data(_) => {}
        }
    };
    let rows = data.0.items.len();
    update(&mut s, Action::Replace(data.clone()));
    std::hint::black_box(view::to_buffer(&s));
    let full = t.elapsed();
    let keys = crate::typing::type_query(&mut s, "minister said");
    let max = |v: &[std::time::Duration]| ms(v.iter().max().copied().unwrap_or_default());
    println!(
        "RESULT first_ms={} full_s={} rows={rows} key_median_ms={} key_max_ms={} \
         first_median_ms={} first_max_ms={} done_median_ms={} done_max_ms={} partial={} keys={}",
        ms(first),
        secs(full),
        ms(median(keys.whole.clone())),
        max(&keys.whole),
        ms(median(keys.first.clone())),
        max(&keys.first),
        ms(median(keys.done.clone())),
        max(&keys.done),
        keys.partial,
        keys.done.len(),
    );
}

fn child(args: &[&str]) -> Vec<(String, String)> {
    let out = Command::new(std::env::current_exe().expect("own path"))
        .args(args)
        .output()
        .expect("run the child");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("RESULT "))
        .unwrap_or_else(|| panic!("child failed: {}", String::from_utf8_lossy(&out.stderr)));
    line.split_whitespace()
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn get(r: &[(String, String)], k: &str) -> String {
    r.iter()
        .find(|(key, _)| key == k)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

fn num(r: &[(String, String)], k: &str) -> f64 {
    get(r, k).parse().unwrap_or(f64::NAN)
}

/// What `--child-frame` measured of the typed filter.
fn typing_lines(f: &[(String, String)]) {
    println!(
        "filter over {} rows, typing \"minister said\" (each key's whole answer awaited):",
        get(f, "rows")
    );
    let row = |what: &str, k: &str| {
        println!(
            "  {what:<44} median {:>7.1} ms, slowest {:>7.1} ms",
            num(f, &format!("{k}_median_ms")),
            num(f, &format!("{k}_max_ms"))
        )
    };
    row("one whole pass a key (no chunks)", "key");
    row("key to first rows drawn (partial or whole)", "first");
    row("key to whole answer drawn", "done");
    println!(
        "  {} of {} keys showed a partial answer first",
        get(f, "partial"),
        get(f, "keys")
    );
}

/// Writes `n` synthetic articles into `docs`, announces them, and gives
/// the corpus and cache folders as arguments for the child processes, with
/// the corpus's size in bytes.
fn written<'a>(
    docs: &'a TempDir,
    store: &'a TempDir,
    what: &str,
    n: usize,
) -> (&'a str, &'a str, usize) {
    let bytes = write_corpus(&World::new(), &docs.0, n);
    println!();
    println!("== {what}: {n} articles, {:.1} MB ==", bytes as f64 / 1e6);
    (
        docs.0.to_str().expect("a UTF-8 temp dir"),
        store.0.to_str().expect("a UTF-8 temp dir"),
        bytes,
    )
}

/// `typing [N..]`: the corpus written and its cache filled, then only the
/// explorer's start and the typed filter.
pub fn bench_typing(sizes: &[usize]) {
    for &n in sizes {
        let (docs, store) = (TempDir::new("typing"), TempDir::new("typing-cache"));
        let (d, c, _) = written(&docs, &store, "typing", n);
        let fill = child(&["--child-open", d, c]);
        println!("cache filled in {:.2} s", num(&fill, "seconds"));
        let f = child(&["--child-frame", d, c]);
        println!(
            "explorer (warm): first frame {:.1} ms, whole corpus shown {:.2} s ({} rows)",
            num(&f, "first_ms"),
            num(&f, "full_s"),
            get(&f, "rows")
        );
        typing_lines(&f);
    }
}

pub fn bench_reopen(sizes: &[usize]) {
    for &n in sizes {
        let (docs, store) = (TempDir::new("reopen"), TempDir::new("reopen-cache"));
        let (d, c, bytes) = written(&docs, &store, "reopen", n);
        let line = |what: &str, r: &[(String, String)]| {
            let mb = num(r, "hwm_kb") / 1e3;
            println!(
                "{what:<26} {:>7.2} s  peak {:>7.1} MB = {:.2}x the corpus  ({} from cache{})",
                num(r, "seconds"),
                mb,
                mb * 1e6 / bytes as f64,
                get(r, "cached"),
                if get(r, "whole") == "true" {
                    ", whole model"
                } else {
                    ""
                }
            );
        };
        line("cold, no cache", &child(&["--child-open", d, "-"]));
        line("cold, filling the cache", &child(&["--child-open", d, c]));
        line("warm", &child(&["--child-open", d, c]));
        let one = docs.0.join(format!("{:05}.txt", n / 2));
        let mut text = std::fs::read_to_string(&one).expect("an article");
        text.push_str("\nOn Monday, the port authority said the harbour would reopen.\n");
        std::fs::write(&one, text).expect("change one article");
        line("one file changed", &child(&["--child-open", d, c]));
        let info = Cache::new(store.0.clone(), DEFAULT_LIMIT).info();
        println!(
            "cache on disk: {:.1} MB ({} file entries, {} corpus entries)",
            info.bytes as f64 / 1e6,
            info.files,
            info.models
        );
        let f = child(&["--child-frame", d, c]);
        println!(
            "explorer (warm): first frame {:.1} ms, whole corpus shown {:.2} s ({} rows)",
            num(&f, "first_ms"),
            num(&f, "full_s"),
            get(&f, "rows")
        );
        typing_lines(&f);
    }
}
