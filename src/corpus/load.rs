//! Reading and extracting the files of a corpus: through the cache when
//! there is one, on every core, a batch at a time so that progress (and,
//! for the explorer, a preview of what is in so far) can be shown.

use crate::cache::{Cache, Key, Kind, Lookup};
use crate::extract::{Done, Part, Shared, extract_alone, join, preview};
use crate::loader::{self, Input, IssueKind, LoadIssue, Sources};
use crate::model::Model;
use crate::parallel::parallel_map;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How a corpus is opened, beyond which files.
#[derive(Default, Clone, Copy)]
pub struct Options<'a> {
    pub cache: Option<&'a Cache>,
    /// Called now and then from the loading threads.
    pub progress: Option<&'a (dyn Fn(&Progress) + Sync)>,
    /// Given the articles extracted so far, about once a second, before the
    /// corpus-wide passes have run (see [`crate::extract::preview`]).
    pub preview: Option<&'a (dyn Fn(Model) + Sync)>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Stage {
    /// Hashing the files to see whether the whole corpus is cached.
    #[default]
    Checking,
    /// Reading and extracting the files.
    Reading,
    /// The corpus-wide passes: actors, order, clusters.
    Assembling,
    Done,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Progress {
    pub stage: Stage,
    /// Files read (or found in the cache) and all files to read.
    pub done: usize,
    pub total: usize,
    pub bytes: u64,
    /// Files whose extraction the cache gave.
    pub cached: usize,
    pub warnings: usize,
    pub elapsed: Duration,
}

impl Progress {
    pub fn rate_mb_s(&self) -> f64 {
        let s = self.elapsed.as_secs_f64();
        if s <= 0.0 {
            0.0
        } else {
            self.bytes as f64 / 1e6 / s
        }
    }
}

/// What one file gave: its documents extracted and its problems. This is
/// the cache's entry for the file.
#[derive(Serialize, Deserialize, Default)]
struct FileEntry {
    docs: Vec<Done>,
    issues: Vec<LoadIssue>,
}

/// A whole corpus as assembled, kept for a reopen of the same files.
#[derive(Serialize, Deserialize)]
struct Snapshot {
    model: Model,
    path_bytes: Vec<(crate::model::ArticleId, Box<[u8]>)>,
    /// The problems the files' contents gave, in file order.
    issues: Vec<LoadIssue>,
}

/// What the load of the files gave.
pub struct Loaded {
    pub model: Model,
    /// Problems of each file, in file order.
    pub issues: Vec<LoadIssue>,
    pub stats: Stats,
}

/// How a load went, for `cache info` and the benchmark.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub files: usize,
    /// Files whose extraction came from the cache.
    pub cached: usize,
    /// The whole model came from the cache.
    pub whole: bool,
}

struct Meter<'a> {
    opts: &'a Options<'a>,
    start: Instant,
    last: Mutex<Instant>,
    done: AtomicUsize,
    cached: AtomicUsize,
    bytes: AtomicU64,
    warnings: AtomicUsize,
    total: usize,
}

impl Meter<'_> {
    fn now(&self, stage: Stage) -> Progress {
        Progress {
            stage,
            done: self.done.load(Ordering::Relaxed),
            total: self.total,
            bytes: self.bytes.load(Ordering::Relaxed),
            cached: self.cached.load(Ordering::Relaxed),
            warnings: self.warnings.load(Ordering::Relaxed),
            elapsed: self.start.elapsed(),
        }
    }

    /// Tells the progress callback, at most every 50 ms unless `force`.
    fn tell(&self, stage: Stage, force: bool) {
        let Some(f) = self.opts.progress else { return };
        {
            let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
            if !force && last.elapsed() < Duration::from_millis(50) {
                return;
            }
            *last = Instant::now();
        }
        f(&self.now(stage));
    }
}

fn file_key(cache: &Cache, context: &Key, path: &Path, bytes: &[u8]) -> Key {
    let mut k = cache.keys();
    k.part(&context.0)
        .part(path.as_os_str().as_encoded_bytes())
        .part(bytes);
    k.key()
}

/// Reads and extracts the inputs, each once, in their order.
pub(super) fn load_files(
    inputs: &[Input],
    sources: &Sources,
    shared: Shared,
    context: &str,
    table: &crate::aliases::AliasTable,
    opts: &Options,
) -> Loaded {
    let meter = Meter {
        opts,
        start: Instant::now(),
        last: Mutex::new(Instant::now()),
        done: AtomicUsize::new(0),
        cached: AtomicUsize::new(0),
        bytes: AtomicU64::new(0),
        warnings: AtomicUsize::new(0),
        total: inputs.len(),
    };
    crate::timing::start();
    let context = opts.cache.map(|c| c.keys().part(context.as_bytes()).key());
    let mut cache_issues = Vec::new();

    // The whole corpus from the cache, when no file changed. Each file's
    // key is kept: a file whose entry is there is not read again.
    let mut file_keys: Vec<Option<Key>> = Vec::new();
    let whole_key = match (opts.cache, &context) {
        (Some(cache), Some(ctx)) if !inputs.is_empty() => {
            meter.tell(Stage::Checking, true);
            let keys = parallel_map(inputs, |_, input| match input {
                Input::File(p) => loader::read_bytes(p).ok().map(|b| {
                    meter.done.fetch_add(1, Ordering::Relaxed);
                    meter.tell(Stage::Checking, false);
                    (b.len(), file_key(cache, ctx, p, &b))
                }),
                Input::Stdin => None,
            });
            meter.done.store(0, Ordering::Relaxed);
            file_keys = keys.iter().map(|k| k.map(|(_, k)| k)).collect();
            keys.into_iter()
                .collect::<Option<Vec<_>>>()
                .map(|keys| whole_key(cache, ctx, &keys))
        }
        _ => None,
    };
    crate::timing::mark("files hashed");
    if let (Some(cache), Some((key, bytes))) = (opts.cache, &whole_key) {
        let found = cache.get::<Snapshot>(Kind::Model, key);
        crate::timing::mark("snapshot looked up");
        match found {
            Lookup::Hit(s) => {
                meter.done.store(inputs.len(), Ordering::Relaxed);
                meter.cached.store(inputs.len(), Ordering::Relaxed);
                meter.bytes.store(*bytes, Ordering::Relaxed);
                meter.tell(Stage::Done, true);
                let mut model = s.model;
                model.path_bytes = s.path_bytes;
                return Loaded {
                    model,
                    issues: s.issues,
                    stats: Stats {
                        files: inputs.len(),
                        cached: inputs.len(),
                        whole: true,
                    },
                };
            }
            Lookup::Miss => {}
            Lookup::Corrupt(why) => {
                cache.remove(Kind::Model, key);
                cache_issues.push(LoadIssue::warning(
                    cache.dir(),
                    IssueKind::Content(format!("{why}; the corpus is read again")),
                ));
            }
        }
    }

    // File by file, a batch at a time.
    let write_failed = Mutex::new(None::<String>);
    // A file that changed after it was hashed: the corpus's key is not
    // what was read, so it is not kept under it.
    let moved = std::sync::atomic::AtomicBool::new(false);
    let mut parts: Vec<Part> = Vec::with_capacity(inputs.len());
    let mut names: Vec<Option<Box<[u8]>>> = Vec::with_capacity(inputs.len());
    let mut issues: Vec<LoadIssue> = Vec::new();
    let mut last_preview = Instant::now();
    let mut preview_cost = Duration::ZERO;
    let batch = (inputs.len() / 64).clamp(32, 1024);
    meter.tell(Stage::Reading, true);
    for (n, chunk) in inputs.chunks(batch).enumerate() {
        let results = parallel_map(chunk, |i, input| {
            let known = file_keys.get(n * batch + i).copied().flatten();
            let (entry, fresh, key, note) =
                read_one(input, sources, &shared, opts.cache, &context, known);
            if known.is_some() && key != known {
                moved.store(true, Ordering::Relaxed);
            }
            if let (Some(cache), Some(key), true) = (opts.cache, key, fresh)
                && let Err(e) = cache.put(Kind::File, &key, &entry)
            {
                let mut w = write_failed.lock().unwrap_or_else(|e| e.into_inner());
                w.get_or_insert_with(|| e.to_string());
            }
            if !fresh {
                meter.cached.fetch_add(1, Ordering::Relaxed);
            }
            let mut joined = Vec::with_capacity(entry.docs.len());
            let mut bytes = 0u64;
            let mut found = entry.issues;
            for done in entry.docs {
                let name = done.name_bytes().map(Box::from);
                let (part, failed) = join(done, &shared);
                bytes += part.bytes() as u64;
                found.extend(failed);
                joined.push((part, name));
            }
            meter.done.fetch_add(1, Ordering::Relaxed);
            meter.bytes.fetch_add(bytes, Ordering::Relaxed);
            meter
                .warnings
                .fetch_add(found.len() + usize::from(note.is_some()), Ordering::Relaxed);
            meter.tell(Stage::Reading, false);
            (joined, found, note)
        });
        // Cache notes are said on this load only, not kept with the corpus.
        for (joined, mut found, note) in results {
            cache_issues.extend(note);
            for (part, name) in joined {
                parts.push(part);
                names.push(name);
            }
            issues.append(&mut found);
        }
        // A preview now and then, costing at most a tenth of the load.
        if let Some(show) = opts.preview
            && last_preview.elapsed() >= Duration::from_secs(1)
            && preview_cost * 10 < meter.start.elapsed()
        {
            let t = Instant::now();
            show(preview(&parts, &shared));
            preview_cost += t.elapsed();
            last_preview = Instant::now();
        }
    }
    meter.tell(Stage::Assembling, true);
    crate::timing::mark("files read and extracted");
    let mut model = super::assemble(parts, shared, table);
    model.path_bytes = (model.articles.iter().zip(names))
        .filter_map(|(a, n)| Some((a.id, n?)))
        .collect();
    let cached = meter.cached.load(Ordering::Relaxed);
    if let (Some(cache), Some((key, _)), false) = (opts.cache, &whole_key, moved.into_inner()) {
        let snapshot = Snapshot {
            path_bytes: model.path_bytes.clone(),
            model,
            issues,
        };
        if let Err(e) = cache.put(Kind::Model, key, &snapshot) {
            let mut w = write_failed.lock().unwrap_or_else(|e| e.into_inner());
            w.get_or_insert_with(|| e.to_string());
        }
        model = snapshot.model;
        issues = snapshot.issues;
        cache.evict();
        crate::timing::mark("snapshot written");
    }
    if let (Some(cache), Some(e)) = (opts.cache, write_failed.into_inner().ok().flatten()) {
        cache_issues.push(LoadIssue::warning(
            cache.dir(),
            IssueKind::Content(format!("cannot write the cache: {e}")),
        ));
    }
    issues.extend(cache_issues);
    meter.tell(Stage::Done, true);
    Loaded {
        model,
        issues,
        stats: Stats {
            files: inputs.len(),
            cached,
            whole: false,
        },
    }
}

/// The key of the whole corpus: every file's key in order. With the total
/// of the files' sizes.
fn whole_key(cache: &Cache, context: &Key, files: &[(usize, Key)]) -> (Key, u64) {
    let mut k = cache.keys();
    k.part(b"corpus").part(&context.0);
    let mut bytes = 0u64;
    for (n, key) in files {
        k.part(&key.0);
        bytes += *n as u64;
    }
    (k.key(), bytes)
}

/// One input's entry: from the cache, or read and extracted (then `fresh`,
/// to be written to the cache under the key given, which is the file's
/// whenever it has one). `known` is the file's
/// key when it was hashed already: its entry is then looked up without
/// reading the file again.
fn read_one(
    input: &Input,
    sources: &Sources,
    shared: &Shared,
    cache: Option<&Cache>,
    context: &Option<Key>,
    known: Option<Key>,
) -> (FileEntry, bool, Option<Key>, Option<LoadIssue>) {
    let extract = |loaded: loader::Loaded| FileEntry {
        docs: (loaded.docs.into_iter())
            .map(|mut d| {
                sources.apply(&mut d);
                extract_alone(d, shared)
            })
            .collect(),
        issues: loaded.issues,
    };
    let path = match input {
        Input::Stdin => return (extract(loader::load_input(input)), true, None, None),
        Input::File(p) => p,
    };
    let mut corrupt = None;
    let mut look_up = |cache: &Cache, key: &Key| match cache.get::<FileEntry>(Kind::File, key) {
        Lookup::Hit(e) => Some(e),
        Lookup::Miss => None,
        Lookup::Corrupt(why) => {
            cache.remove(Kind::File, key);
            corrupt = Some(why);
            None
        }
    };
    if let (Some(cache), Some(key)) = (cache, &known)
        && let Some(e) = look_up(cache, key)
    {
        return (e, false, known, None);
    }
    let bytes = match loader::read_bytes(path) {
        Ok(b) => b,
        Err(kind) => {
            let entry = FileEntry {
                docs: Vec::new(),
                issues: vec![LoadIssue::failed(path, kind)],
            };
            return (entry, true, None, None);
        }
    };
    let key = cache
        .zip(context.as_ref())
        .map(|(c, ctx)| file_key(c, ctx, path, &bytes));
    // Looked up by what is read now, unless that is what was hashed.
    if let (Some(cache), Some(k)) = (cache, &key)
        && key != known
        && let Some(e) = look_up(cache, k)
    {
        return (e, false, key, None);
    }
    let entry = extract(loader::load_bytes(path, bytes));
    // Said, but not kept in the entry written in the corrupt one's place.
    let note = corrupt.map(|why| {
        LoadIssue::warning(
            path,
            IssueKind::Content(format!("{why}; the file is extracted again")),
        )
    });
    (entry, true, key, note)
}

#[cfg(test)]
mod tests;
