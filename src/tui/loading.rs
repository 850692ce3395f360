//! Loading off the UI thread: the first load, which sends its progress
//! and previews as it goes, then every reload, asked for by a key or, with
//! `--watch`, by the file system.

use super::actions::{Arrival, NewData};
use super::data::Data;
use crate::cache::Cache;
use crate::corpus::{self, Corpus, Options, Progress};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// What the explorer opens.
pub struct Source {
    pub paths: Vec<PathBuf>,
    pub aliases: Option<PathBuf>,
    pub cache: Option<Cache>,
    /// Read the paths again when files under them change.
    pub watch: bool,
}

/// How long the files must be quiet before they are read again: an editor
/// or a download writes a file in several steps.
pub const SETTLE: Duration = Duration::from_millis(300);

/// Whether a changed path can be an article: editors' swap, backup and
/// temporary files, and hidden files, are not.
pub fn is_article_path(p: &Path) -> bool {
    let Some(name) = p.file_name().and_then(|n| n.to_str()) else {
        return true;
    };
    let lower = name.to_ascii_lowercase();
    !(name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || [
            ".swp",
            ".swx",
            ".swo",
            ".tmp",
            ".part",
            ".crdownload",
            ".partial",
        ]
        .iter()
        .any(|x| lower.ends_with(x)))
}

/// Starts the loader. Progress and corpora come back through `send`; a
/// message on the returned sender asks for a reload.
pub fn spawn<M: Send + 'static>(
    src: Source,
    out: Sender<M>,
    progress: impl Fn(Progress) -> M + Send + Sync + 'static,
    arrive: impl Fn(NewData) -> M + Send + Sync + 'static,
) -> Sender<()> {
    let (reload_tx, reload_rx) = channel::<()>();
    let watcher_tx = reload_tx.clone();
    std::thread::spawn(move || {
        let origin_paths = src.paths.clone();
        let origin = corpus::origin(&src.paths);
        let tell = |p: &Progress| {
            let _ = out.send(progress(*p));
        };
        let show = |m: crate::model::Model| {
            let c = Corpus {
                model: m,
                issues: Vec::new(),
                origin: origin.clone(),
                stats: Default::default(),
            };
            let _ = out.send(arrive(NewData(Arc::new(Data::new(c)), Arrival::Preview)));
        };
        let open = |opts: &Options| corpus::open_with(&src.paths, src.aliases.as_deref(), opts);
        let first = open(&Options {
            cache: src.cache.as_ref(),
            progress: Some(&tell),
            preview: Some(&show),
        });
        if out
            .send(arrive(NewData(Arc::new(Data::new(first)), Arrival::Loaded)))
            .is_err()
        {
            return;
        }
        // Kept alive as long as this thread: dropping it stops the watch.
        let _watcher = src.watch.then(|| watch(&origin_paths, watcher_tx));
        while settle(&reload_rx) {
            let c = open(&Options {
                cache: src.cache.as_ref(),
                ..Options::default()
            });
            if out
                .send(arrive(NewData(Arc::new(Data::new(c)), Arrival::Reloaded)))
                .is_err()
            {
                return;
            }
        }
    });
    reload_tx
}

/// Waits for a reload request, then until none came for [`SETTLE`]; false
/// once nobody can ask any more.
fn settle(rx: &Receiver<()>) -> bool {
    if rx.recv().is_err() {
        return false;
    }
    loop {
        match rx.recv_timeout(SETTLE) {
            Ok(()) => {}
            Err(RecvTimeoutError::Timeout) => return true,
            Err(RecvTimeoutError::Disconnected) => return true,
        }
    }
}

/// Watches the opened paths (`./data` when none was given); each change to
/// a path that can be an article asks for a reload.
fn watch(paths: &[PathBuf], tx: Sender<()>) -> Option<notify::RecommendedWatcher> {
    use notify::{EventKind, RecursiveMode, Watcher};
    let mut w = notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
        let Ok(ev) = ev else { return };
        if matches!(ev.kind, EventKind::Access(_)) {
            return;
        }
        if ev.paths.iter().any(|p| is_article_path(p)) {
            let _ = tx.send(());
        }
    })
    .ok()?;
    let data = [PathBuf::from("data")];
    let roots = if paths.is_empty() { &data[..] } else { paths };
    for p in roots {
        if p.as_os_str() == "-" {
            continue;
        }
        let _ = w.watch(p, RecursiveMode::Recursive);
    }
    Some(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swap_backup_and_hidden_files_are_not_articles() {
        for p in [
            "d/.a.txt.swp",
            "d/a.txt~",
            "d/#a.txt#",
            "d/4913",
            "d/.hidden.txt",
            "d/x.part",
            "d/feed.xml.tmp",
            "d/page.html.crdownload",
        ] {
            assert!(!is_article_path(Path::new(p)), "{p}");
        }
        for p in [
            "d/a.txt",
            "d/feed.xml",
            "d/notes.md",
            "d/dump.jsonl",
            "d/sub",
        ] {
            assert!(is_article_path(Path::new(p)), "{p}");
        }
    }

    #[test]
    fn requests_in_a_burst_are_one_reload() {
        let (tx, rx) = channel();
        for _ in 0..5 {
            tx.send(()).unwrap();
        }
        let t = std::time::Instant::now();
        assert!(settle(&rx));
        assert!(t.elapsed() >= SETTLE);
        assert!(rx.try_recv().is_err(), "the burst was used up");
        drop(tx);
        assert!(!settle(&rx));
    }
}
