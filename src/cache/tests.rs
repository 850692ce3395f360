use super::*;

fn cache(dir: &Path) -> Cache {
    Cache::new(dir.to_path_buf(), DEFAULT_LIMIT)
}

fn key(c: &Cache, parts: &[&[u8]]) -> Key {
    let mut k = c.keys();
    for p in parts {
        k.part(p);
    }
    k.key()
}

fn entry_file(dir: &Path) -> PathBuf {
    let mut found = Vec::new();
    for kind in ["files", "models"] {
        for shard in fs::read_dir(dir.join(kind)).into_iter().flatten().flatten() {
            for f in fs::read_dir(shard.path()).unwrap().flatten() {
                found.push(f.path());
            }
        }
    }
    assert_eq!(found.len(), 1, "{found:?}");
    found.remove(0)
}

#[test]
fn keys_depend_on_every_part_and_on_where_parts_split() {
    let dir = tempfile::tempdir().unwrap();
    let c = cache(dir.path());
    let a = key(&c, &[b"path", b"text"]);
    assert_eq!(a, key(&c, &[b"path", b"text"]));
    assert_ne!(a, key(&c, &[b"path", b"text!"]));
    assert_ne!(a, key(&c, &[b"pat", b"htext"]));
    assert_ne!(a, key(&c, &[b"text", b"path"]));
    let other = Cache::with_fingerprint(dir.path().into(), DEFAULT_LIMIT, "another build");
    assert_ne!(a, key(&other, &[b"path", b"text"]));
}

#[test]
fn an_entry_reads_back_and_a_missing_one_is_a_miss() {
    let dir = tempfile::tempdir().unwrap();
    let c = cache(dir.path());
    let k = key(&c, &[b"one"]);
    assert!(matches!(c.get::<Vec<String>>(Kind::File, &k), Lookup::Miss));
    let v = vec!["a".to_string(), "ünï".to_string()];
    c.put(Kind::File, &k, &v).unwrap();
    match c.get::<Vec<String>>(Kind::File, &k) {
        Lookup::Hit(got) => assert_eq!(got, v),
        other => panic!("{other:?}"),
    }
    // The same key names another entry in the other kind.
    assert!(matches!(
        c.get::<Vec<String>>(Kind::Model, &k),
        Lookup::Miss
    ));
    assert_eq!(
        c.info(),
        Info {
            files: 1,
            models: 0,
            bytes: fs::metadata(entry_file(dir.path())).unwrap().len()
        }
    );
}

#[test]
fn truncated_altered_and_foreign_entries_are_corrupt_never_data() {
    let dir = tempfile::tempdir().unwrap();
    let c = cache(dir.path());
    let k = key(&c, &[b"x"]);
    let v: Vec<u32> = (0..100).collect();
    c.put(Kind::File, &k, &v).unwrap();
    let path = entry_file(dir.path());
    let whole = fs::read(&path).unwrap();
    let corrupt = |bytes: &[u8]| {
        fs::write(&path, bytes).unwrap();
        match c.get::<Vec<u32>>(Kind::File, &k) {
            Lookup::Corrupt(why) => why,
            other => panic!("{other:?}"),
        }
    };
    assert!(corrupt(&whole[..whole.len() - 3]).contains("truncated"));
    assert!(corrupt(&whole[..10]).contains("truncated"));
    assert!(corrupt(&[]).contains("truncated"));
    let mut flipped = whole.clone();
    *flipped.last_mut().unwrap() ^= 1;
    assert!(corrupt(&flipped).contains("checksum"));
    let mut magic = whole.clone();
    magic[0] = b'X';
    assert!(corrupt(&magic).contains("not a cache entry"));
    // A payload that passes its checksum but is not the type asked for.
    fs::write(&path, &whole).unwrap();
    assert!(matches!(
        c.get::<Vec<String>>(Kind::File, &k),
        Lookup::Corrupt(_)
    ));
    assert!(matches!(c.get::<Vec<u32>>(Kind::File, &k), Lookup::Hit(_)));
}

#[test]
fn another_extractor_never_reads_an_entry() {
    let dir = tempfile::tempdir().unwrap();
    let old = Cache::with_fingerprint(dir.path().into(), DEFAULT_LIMIT, "old extractor");
    let new = Cache::with_fingerprint(dir.path().into(), DEFAULT_LIMIT, "new extractor");
    let k = key(&old, &[b"file"]);
    old.put(Kind::File, &k, &7u32).unwrap();
    // Keys start with the fingerprint, so the new build looks elsewhere...
    assert!(matches!(
        new.get::<u32>(Kind::File, &key(&new, &[b"file"])),
        Lookup::Miss
    ));
    // ...and should it find the old entry anyway, its header refuses it.
    match new.get::<u32>(Kind::File, &k) {
        Lookup::Corrupt(why) => assert!(why.contains("another extractor"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn concurrent_writers_of_one_entry_leave_a_whole_one() {
    let dir = tempfile::tempdir().unwrap();
    let c = cache(dir.path());
    let k = key(&c, &[b"shared"]);
    std::thread::scope(|s| {
        for t in 0..8u32 {
            let c = &c;
            s.spawn(move || {
                let v: Vec<u32> = vec![t; 50_000];
                for _ in 0..10 {
                    c.put(Kind::Model, &k, &v).unwrap();
                    match c.get::<Vec<u32>>(Kind::Model, &k) {
                        Lookup::Hit(got) => {
                            assert_eq!(got.len(), 50_000);
                            assert!(got.iter().all(|&x| x == got[0]));
                        }
                        other => panic!("{other:?}"),
                    }
                }
            });
        }
    });
    // Two processes write alike: one entry, no temporary files left.
    entry_file(dir.path());
    assert_eq!(c.info().models, 1);
}

#[test]
fn eviction_removes_the_least_recently_used_first() {
    let dir = tempfile::tempdir().unwrap();
    let c = Cache::new(dir.path().to_path_buf(), 10_000);
    let keys: Vec<Key> = (0..6u8).map(|i| key(&c, &[&[i]])).collect();
    let now = SystemTime::now();
    for (i, k) in keys.iter().enumerate() {
        c.put(Kind::File, k, &vec![i as u8; 3000]).unwrap();
        let f = fs::File::options()
            .write(true)
            .open(c.path(Kind::File, k))
            .unwrap();
        f.set_modified(now - std::time::Duration::from_secs(100 - i as u64))
            .unwrap();
    }
    assert!(c.info().bytes > 10_000);
    let removed = c.evict();
    assert_eq!(removed, 4, "down to 9,000 bytes: two entries of ~3 KB");
    assert!(c.info().bytes <= 9_000);
    let kept: Vec<bool> = (keys.iter())
        .map(|k| matches!(c.get::<Vec<u8>>(Kind::File, k), Lookup::Hit(_)))
        .collect();
    assert_eq!(kept, [false, false, false, false, true, true]);
    // Nothing written since: nothing to do.
    assert_eq!(Cache::new(dir.path().into(), 1).evict(), 0);
}

#[test]
fn eviction_counts_the_entries_only_when_the_ledger_says_the_limit_is_near() {
    let dir = tempfile::tempdir().unwrap();
    let c = Cache::new(dir.path().to_path_buf(), 10_000);
    let put = |i: u8| {
        c.put(Kind::File, &key(&c, &[&[i]]), &vec![i; 3000])
            .unwrap();
    };
    put(0);
    put(1);
    assert_eq!(c.evict(), 0, "under the limit");
    let ledger = || fs::read_to_string(dir.path().join("size")).unwrap();
    assert_eq!(ledger().parse::<u64>().unwrap(), c.info().bytes, "counted");
    // An entry removed by hand leaves the ledger high: it is an estimate
    // that errs towards counting again.
    fs::remove_file(c.path(Kind::File, &key(&c, &[&[0]]))).unwrap();
    put(2);
    assert_eq!(c.evict(), 0);
    let estimate: u64 = ledger().parse().unwrap();
    assert!(estimate > c.info().bytes);
    // Past the limit by the estimate: the entries are counted, and as they
    // are under it, none goes and the ledger is exact again.
    put(3);
    assert_eq!(c.evict(), 0);
    assert_eq!(ledger().parse::<u64>().unwrap(), c.info().bytes);
    put(4);
    put(5);
    assert!(c.evict() > 0, "now over the limit");
    assert!(c.info().bytes <= 9_000);
    assert_eq!(ledger().parse::<u64>().unwrap(), c.info().bytes);
    // A ledger that does not parse is counted again, never trusted.
    fs::write(dir.path().join("size"), "many").unwrap();
    put(6);
    c.evict();
    assert_eq!(ledger().parse::<u64>().unwrap(), c.info().bytes);
    let n = c.info().files;
    assert_eq!(c.clear().unwrap(), n);
    assert!(!dir.path().join("size").exists(), "clear forgets the size");
}

#[test]
fn clear_removes_every_entry() {
    let dir = tempfile::tempdir().unwrap();
    let c = cache(dir.path());
    c.put(Kind::File, &key(&c, &[b"a"]), &1u8).unwrap();
    c.put(Kind::Model, &key(&c, &[b"b"]), &2u8).unwrap();
    assert_eq!(c.clear().unwrap(), 2);
    assert_eq!(c.info(), Info::default());
    assert_eq!(c.clear().unwrap(), 0);
}
