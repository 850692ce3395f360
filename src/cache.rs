//! The extraction cache: what each file gave, and whole assembled models,
//! kept on disk by content hash so that an unchanged corpus reopens at
//! once and a changed one re-extracts only what changed.
//!
//! Every entry is one file written whole to a temporary name and renamed
//! into place, so a reader (another dateline, say) sees an old entry or a
//! new one, never half of one. An entry starts with a header: a magic
//! string, the extractor's fingerprint, the payload's length and its
//! BLAKE3 hash. A truncated or altered entry fails that check and is
//! reported and extracted again; it is never read as data.

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

/// A hash of the extractor's source, computed when dateline is built: a
/// new extractor never reads what an old one wrote.
pub const EXTRACTOR: &str = env!("DATELINE_EXTRACTOR");

const MAGIC: &[u8; 8] = b"DLCACHE1";
const HEADER: usize = 8 + 32 + 8 + 32;

/// The file in the cache folder holding the cache's size as last counted,
/// plus what was written since (see [`Cache::evict`]).
const LEDGER: &str = "size";
/// How long the ledger is trusted before the entries are counted again.
const LEDGER_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// The default bound on the cache's size on disk.
pub const DEFAULT_LIMIT: u64 = 1 << 30;

/// What an entry holds: one file's extraction, or an assembled corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Model,
}

impl Kind {
    fn folder(self) -> &'static str {
        match self {
            Kind::File => "files",
            Kind::Model => "models",
        }
    }
}

/// An entry's name: a BLAKE3 hash of everything its content depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(pub [u8; 32]);

impl Key {
    pub fn hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Builds a key from its parts; each part is length-prefixed, so that no
/// two different lists of parts hash alike.
#[derive(Default)]
pub struct KeyBuilder(blake3::Hasher);

impl KeyBuilder {
    pub fn part(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }
    pub fn key(&self) -> Key {
        Key(*self.0.finalize().as_bytes())
    }
}

/// What a lookup found.
#[derive(Debug)]
pub enum Lookup<T> {
    Hit(T),
    Miss,
    /// The entry is there but cannot be trusted: why.
    Corrupt(String),
}

pub struct Cache {
    dir: PathBuf,
    fingerprint: [u8; 32],
    limit: u64,
    written: AtomicU64,
}

/// Where the cache lives: `$XDG_CACHE_HOME/dateline`, else the platform's
/// cache folder (`~/.cache` on Linux, `~/Library/Caches` on macOS).
pub fn default_dir() -> Option<PathBuf> {
    let nonempty = |v: std::ffi::OsString| (!v.is_empty()).then(|| PathBuf::from(v));
    if let Some(x) = std::env::var_os("XDG_CACHE_HOME").and_then(nonempty) {
        return Some(x.join("dateline"));
    }
    let home = std::env::var_os("HOME").and_then(nonempty)?;
    Some(if cfg!(target_os = "macos") {
        home.join("Library/Caches/dateline")
    } else {
        home.join(".cache/dateline")
    })
}

/// What `dateline cache info` reports.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Info {
    pub files: usize,
    pub models: usize,
    pub bytes: u64,
}

static TEMP: AtomicU64 = AtomicU64::new(0);

/// A temporary file name for `stem`, unique to this process and write: a
/// hidden file that entry listings pass over, renamed into place whole.
fn temp_name(stem: &str) -> String {
    format!(
        ".{stem}.{}.{}.tmp",
        std::process::id(),
        TEMP.fetch_add(1, Ordering::Relaxed)
    )
}

impl Cache {
    /// The cache in `dir`, for this build's extractor.
    pub fn new(dir: PathBuf, limit: u64) -> Cache {
        Cache::with_fingerprint(dir, limit, EXTRACTOR)
    }

    /// A cache as an extractor with another fingerprint sees it.
    pub fn with_fingerprint(dir: PathBuf, limit: u64, fingerprint: &str) -> Cache {
        Cache {
            dir,
            fingerprint: *blake3::hash(fingerprint.as_bytes()).as_bytes(),
            limit,
            written: AtomicU64::new(0),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// A key builder that starts with the extractor's fingerprint.
    pub fn keys(&self) -> KeyBuilder {
        let mut k = KeyBuilder::default();
        k.part(&self.fingerprint);
        k
    }

    fn path(&self, kind: Kind, key: &Key) -> PathBuf {
        let hex = key.hex();
        self.dir.join(kind.folder()).join(&hex[..2]).join(hex)
    }

    /// Reads an entry. A missing one is a miss; one that fails its header
    /// or does not decode is corrupt.
    pub fn get<T: DeserializeOwned>(&self, kind: Kind, key: &Key) -> Lookup<T> {
        let path = self.path(kind, key);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Lookup::Miss,
            Err(e) => return Lookup::Corrupt(format!("cannot read cache entry: {e}")),
        };
        match self.payload(&bytes) {
            Ok(p) => match postcard::from_bytes(p) {
                Ok(v) => {
                    if kind == Kind::Model {
                        touch(&path);
                    }
                    Lookup::Hit(v)
                }
                Err(e) => Lookup::Corrupt(format!("cache entry does not decode: {e}")),
            },
            Err(why) => Lookup::Corrupt(why.into()),
        }
    }

    fn payload<'b>(&self, bytes: &'b [u8]) -> Result<&'b [u8], &'static str> {
        let (head, payload) = bytes
            .split_at_checked(HEADER)
            .ok_or("cache entry is truncated")?;
        if &head[..8] != MAGIC {
            return Err("not a cache entry");
        }
        if head[8..40] != self.fingerprint {
            return Err("cache entry from another extractor");
        }
        let mut len = [0u8; 8];
        len.copy_from_slice(&head[40..48]);
        if u64::from_le_bytes(len) != payload.len() as u64 {
            return Err("cache entry is truncated");
        }
        if head[48..80] != *blake3::hash(payload).as_bytes() {
            return Err("cache entry fails its checksum");
        }
        Ok(payload)
    }

    /// Writes an entry atomically: to a temporary file beside it, then
    /// renamed into place. The value is encoded straight into the file (a
    /// whole corpus is not held twice), and the header's length and hash
    /// are filled in once it is written.
    pub fn put<T: Serialize>(&self, kind: Kind, key: &Key, value: &T) -> io::Result<()> {
        use std::io::{Seek, SeekFrom};
        let path = self.path(kind, key);
        let parent = path.parent().unwrap_or(&self.dir);
        fs::create_dir_all(parent)?;
        let temp = parent.join(temp_name(&key.hex()));
        let written = (|| {
            let mut f = fs::File::create(&temp)?;
            f.write_all(&[0u8; HEADER])?;
            // Buffered before it is hashed: the encoder writes a field at
            // a time, and hashing is fast only over long runs of bytes.
            let mut out = io::BufWriter::with_capacity(
                1 << 16,
                Hashing {
                    to: &mut f,
                    hash: blake3::Hasher::new(),
                    len: 0,
                },
            );
            postcard::to_io(value, &mut out).map_err(io::Error::other)?;
            let out = out.into_inner().map_err(|e| e.into_error())?;
            let (len, hash) = (out.len, out.hash.finalize());
            f.seek(SeekFrom::Start(0))?;
            f.write_all(MAGIC)?;
            f.write_all(&self.fingerprint)?;
            f.write_all(&len.to_le_bytes())?;
            f.write_all(hash.as_bytes())?;
            drop(f);
            fs::rename(&temp, &path)?;
            Ok(len)
        })();
        match written {
            Ok(len) => {
                self.written
                    .fetch_add(HEADER as u64 + len, Ordering::Relaxed);
                Ok(())
            }
            Err(e) => {
                let _ = fs::remove_file(&temp);
                Err(e)
            }
        }
    }

    /// Removes an entry (one found corrupt, say).
    pub fn remove(&self, kind: Kind, key: &Key) {
        let _ = fs::remove_file(self.path(kind, key));
    }

    /// Every entry with its size and when it was last written or used.
    fn entries(&self) -> Vec<(PathBuf, u64, SystemTime, Kind)> {
        let mut out = Vec::new();
        for kind in [Kind::File, Kind::Model] {
            let Ok(shards) = fs::read_dir(self.dir.join(kind.folder())) else {
                continue;
            };
            for shard in shards.flatten() {
                let Ok(files) = fs::read_dir(shard.path()) else {
                    continue;
                };
                for f in files.flatten() {
                    if let Ok(m) = f.metadata()
                        && m.is_file()
                    {
                        let when = m.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                        out.push((f.path(), m.len(), when, kind));
                    }
                }
            }
        }
        out
    }

    pub fn info(&self) -> Info {
        let mut info = Info::default();
        for (path, len, _, kind) in self.entries() {
            if is_temp(&path) {
                continue;
            }
            match kind {
                Kind::File => info.files += 1,
                Kind::Model => info.models += 1,
            }
            info.bytes += len;
        }
        info
    }

    /// Keeps the cache under its limit once something was written: the
    /// least recently used entries go first, down to nine tenths of it.
    /// Returns how many entries were removed.
    ///
    /// Listing every entry takes a while in a cache of tens of thousands,
    /// so the total found by the last listing is kept in a ledger, and
    /// what each process writes is added to it; the entries are listed
    /// again only when that estimate passes the limit, or when the ledger
    /// is missing or an hour old (other processes' additions to it can be
    /// lost in a race, and entries can be removed by hand).
    pub fn evict(&self) -> usize {
        let written = self.written.swap(0, Ordering::Relaxed);
        if written == 0 {
            return 0;
        }
        let known = (|| {
            let mut f = fs::File::open(self.dir.join(LEDGER)).ok()?;
            let age = f
                .metadata()
                .and_then(|m| m.modified())
                .ok()?
                .elapsed()
                .ok()?;
            let mut text = String::new();
            f.read_to_string(&mut text).ok()?;
            (age < LEDGER_AGE).then(|| text.trim().parse::<u64>().ok())?
        })();
        if let Some(total) = known.map(|k| k.saturating_add(written))
            && total <= self.limit
        {
            self.write_ledger(total);
            return 0;
        }
        let (removed, total) = self.evict_to(self.limit);
        self.write_ledger(total);
        removed
    }

    /// Replaces the ledger whole (renamed into place; an estimate needs no
    /// sync to disk).
    fn write_ledger(&self, total: u64) {
        let temp = self.dir.join(temp_name(LEDGER));
        if fs::write(&temp, total.to_string()).is_err()
            || fs::rename(&temp, self.dir.join(LEDGER)).is_err()
        {
            let _ = fs::remove_file(&temp);
        }
    }

    /// Removes the least recently used entries while the cache is over
    /// `limit`; how many were removed and the size left.
    fn evict_to(&self, limit: u64) -> (usize, u64) {
        let mut entries = self.entries();
        let mut total: u64 = entries.iter().map(|e| e.1).sum();
        if total <= limit {
            return (0, total);
        }
        entries.sort_by_key(|e| e.2);
        let target = limit / 10 * 9;
        let mut removed = 0;
        for (path, len, _, _) in entries {
            if total <= target {
                break;
            }
            if fs::remove_file(&path).is_ok() {
                removed += 1;
            }
            total = total.saturating_sub(len);
        }
        (removed, total)
    }

    /// Removes every entry; returns how many.
    pub fn clear(&self) -> io::Result<usize> {
        let n = self.entries().len();
        let _ = fs::remove_file(self.dir.join(LEDGER));
        for kind in [Kind::File, Kind::Model] {
            match fs::remove_dir_all(self.dir.join(kind.folder())) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        Ok(n)
    }
}

/// A writer that hashes and counts what passes through it.
struct Hashing<W: Write> {
    to: W,
    hash: blake3::Hasher,
    len: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.to.write(buf)?;
        self.hash.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.to.flush()
    }
}

fn is_temp(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "tmp")
}

/// Marks an entry as just used, for eviction.
fn touch(path: &Path) {
    if let Ok(f) = fs::File::options().write(true).open(path) {
        let _ = f.set_modified(SystemTime::now());
    }
}

#[cfg(test)]
mod tests;
