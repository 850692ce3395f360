use super::super::{Corpus, Options, open_with};
use crate::cache::{Cache, DEFAULT_LIMIT};
use std::fs;
use std::path::{Path, PathBuf};

const ARTICLES: [(&str, &str); 3] = [
    (
        "a.txt",
        "Date: 2026-05-04\n\nThe council voted on Monday to close the harbour bridge. \
         \"We had no choice,\" said Mayor Ilse Varga.\n",
    ),
    (
        "b.md",
        "---\ndate: 2026-05-05\n---\n\nRepairs began on Tuesday, a day after the vote. \
         Engineers said the bridge would reopen in June.\n",
    ),
    (
        "c.txt",
        "Date: 2026-05-06\n\nMayor Ilse Varga said on Wednesday: \"The harbour will stay open.\"\n",
    ),
];

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in ARTICLES {
        fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn open(dir: &Path, cache: Option<&Cache>) -> Corpus {
    let opts = Options {
        cache,
        ..Options::default()
    };
    open_with(&[dir.to_path_buf()], None, &opts)
}

fn entries(dir: &Path, kind: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for shard in fs::read_dir(dir.join(kind)).into_iter().flatten().flatten() {
        for f in fs::read_dir(shard.path()).unwrap().flatten() {
            out.push(f.path());
        }
    }
    out
}

#[test]
fn a_reopen_gives_the_same_model_from_the_cache() {
    let (docs, store) = (corpus(), tempfile::tempdir().unwrap());
    let cache = Cache::new(store.path().into(), DEFAULT_LIMIT);
    let fresh = open(docs.path(), None);
    assert!(!fresh.model.events.is_empty() && !fresh.model.quotes.is_empty());
    assert!(!fresh.model.clusters.is_empty());
    let cold = open(docs.path(), Some(&cache));
    assert_eq!((cold.stats.cached, cold.stats.whole), (0, false));
    assert_eq!(cold.model, fresh.model);
    let warm = open(docs.path(), Some(&cache));
    assert!(warm.stats.whole, "the whole model comes from the cache");
    assert_eq!(warm.model, fresh.model);
    assert_eq!(warm.issues, fresh.issues);
    assert_eq!(entries(store.path(), "files").len(), 3);
    assert_eq!(entries(store.path(), "models").len(), 1);
}

#[test]
fn a_changed_file_is_extracted_again_and_only_it() {
    let (docs, store) = (corpus(), tempfile::tempdir().unwrap());
    let cache = Cache::new(store.path().into(), DEFAULT_LIMIT);
    open(docs.path(), Some(&cache));
    let b = docs.path().join("b.md");
    fs::write(&b, fs::read_to_string(&b).unwrap().replace("June", "July")).unwrap();
    let changed = open(docs.path(), Some(&cache));
    assert!(!changed.stats.whole);
    assert_eq!(changed.stats.cached, 2);
    assert_eq!(changed.model, open(docs.path(), None).model);
    assert!(changed.model.events.iter().any(|e| e.text.contains("July")));
    // A file removed: the rest still come from the cache.
    fs::remove_file(docs.path().join("c.txt")).unwrap();
    let fewer = open(docs.path(), Some(&cache));
    assert_eq!((fewer.stats.files, fewer.stats.cached), (2, 2));
    assert_eq!(fewer.model, open(docs.path(), None).model);
    assert_eq!(fewer.model.articles.len(), 2);
    // A file added: only it is extracted.
    fs::write(
        docs.path().join("d.txt"),
        "Date: 2026-05-07\n\nThe council voted on Thursday to reopen the harbour bridge.\n",
    )
    .unwrap();
    let more = open(docs.path(), Some(&cache));
    assert_eq!((more.stats.files, more.stats.cached), (3, 2));
    assert_eq!(more.model, open(docs.path(), None).model);
    assert_eq!(more.model.articles.len(), 3);
    // Reopened as it is now: the whole model, the same again.
    let again = open(docs.path(), Some(&cache));
    assert!(again.stats.whole);
    assert_eq!(again.model, more.model);
}

#[test]
fn a_corrupt_entry_is_a_warning_and_a_fresh_extraction() {
    let (docs, store) = (corpus(), tempfile::tempdir().unwrap());
    let cache = Cache::new(store.path().into(), DEFAULT_LIMIT);
    let fresh = open(docs.path(), None);
    open(docs.path(), Some(&cache));
    // Cut the whole-corpus entry short.
    let model = entries(store.path(), "models").remove(0);
    let bytes = fs::read(&model).unwrap();
    fs::write(&model, &bytes[..bytes.len() / 2]).unwrap();
    let c = open(docs.path(), Some(&cache));
    assert_eq!(c.model, fresh.model);
    assert_eq!(c.stats.cached, 3, "the files' entries were still good");
    let warned: Vec<String> = c.issues.iter().map(|i| i.message()).collect();
    assert!(warned.iter().any(|m| m.contains("truncated")), "{warned:?}");
    assert!(c.issues.iter().all(|i| !i.failed));
    // Now alter every file entry: each is reported against its article.
    for f in entries(store.path(), "files") {
        let mut bytes = fs::read(&f).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0x55;
        fs::write(&f, bytes).unwrap();
    }
    fs::remove_file(entries(store.path(), "models").remove(0)).unwrap();
    let c = open(docs.path(), Some(&cache));
    assert_eq!(c.model, fresh.model);
    assert_eq!(c.stats.cached, 0);
    let checksum: Vec<_> = (c.issues.iter())
        .filter(|i| i.message().contains("checksum"))
        .collect();
    assert_eq!(checksum.len(), 3, "{:?}", c.issues);
    assert!(checksum.iter().any(|i| i.path.ends_with("a.txt")));
    // Written again whole: the next open is clean and cached.
    let again = open(docs.path(), Some(&cache));
    assert!(again.stats.whole);
    assert!(again.issues.is_empty(), "{:?}", again.issues);
}

#[test]
fn another_extractor_or_alias_file_uses_nothing_old() {
    let (docs, store) = (corpus(), tempfile::tempdir().unwrap());
    let old = Cache::with_fingerprint(store.path().into(), DEFAULT_LIMIT, "old");
    open(docs.path(), Some(&old));
    let new = Cache::with_fingerprint(store.path().into(), DEFAULT_LIMIT, "new");
    let c = open(docs.path(), Some(&new));
    assert_eq!((c.stats.cached, c.stats.whole), (0, false));
    // An alias file in the folder changes what is extracted.
    fs::write(docs.path().join("aliases.conf"), "Ilse Varga = the mayor\n").unwrap();
    let c = open(docs.path(), Some(&new));
    assert_eq!((c.stats.cached, c.stats.whole), (0, false));
    assert_eq!(c.model, open(docs.path(), None).model);
}
