//! Reading files from disk: walking folders, decoding bytes, and turning
//! everything that can go wrong into a typed issue that names the path.
//!
//! Only regular files are read. Their type is checked before they are
//! opened and again on the open handle, and they are opened without
//! blocking, so a FIFO, socket or device (also behind a symbolic link, or
//! swapped in between the check and the open) is skipped, never waited on
//! or read without end. Reading stops at [`MAX_FILE_BYTES`] even if the
//! file grows meanwhile. A folder is walked once however symbolic links
//! loop, and a file reached by two paths is read once.

use std::collections::HashSet;
use std::fs::{self, File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files this large still load, but the user is told why it is slow.
pub const LARGE_FILE: usize = 16 * 1024 * 1024;

/// Files larger than this (128 MiB) are skipped with a warning; no read
/// goes past it.
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;

/// A file that decoded to text. `text` has exactly the file's byte length,
/// so a byte span into `text` is the same span into the file.
#[derive(Debug, Clone)]
pub struct RawText {
    pub path: PathBuf,
    pub text: String,
    pub warnings: Vec<String>,
}

/// What a path is when it is not a regular file or a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Special {
    Fifo,
    Socket,
    CharDevice,
    BlockDevice,
    Folder,
    Other,
}

impl std::fmt::Display for Special {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Special::Fifo => "a FIFO (named pipe)",
            Special::Socket => "a socket",
            Special::CharDevice => "a character device",
            Special::BlockDevice => "a block device",
            Special::Folder => "a folder",
            Special::Other => "not a regular file",
        })
    }
}

/// Every kind of problem the loader reports, each with its message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum IssueKind {
    #[error("cannot open: {0}")]
    CannotOpen(String),
    #[error("cannot read folder: {0}")]
    CannotReadFolder(String),
    #[error("cannot read: {0}")]
    CannotRead(String),
    #[error("{0}, not a regular file: skipped")]
    NotRegular(Special),
    #[error("file too large ({size} bytes; the limit is {limit} bytes): skipped")]
    TooLarge { size: u64, limit: u64 },
    #[error("empty file, skipped")]
    Empty,
    #[error("file holds only whitespace, skipped")]
    OnlyWhitespace,
    #[error("binary file (not text), skipped")]
    Binary,
    #[error("folder already walked (a symbolic link leads back to it): skipped")]
    FolderSeen,
    #[error("the same file as {0}: skipped")]
    FileSeen(String),
    #[error("cannot read alias file: {0}")]
    AliasUnreadable(Box<IssueKind>),
    #[error("alias file {0}")]
    AliasLine(String),
    #[error("cannot read standard input: {0}")]
    Stdin(String),
    /// A problem inside a file that holds many articles (a bad record, a
    /// feed that cannot be parsed) or in a `sources.conf`.
    #[error("{0}")]
    Content(String),
    #[error("no article could be read from this {0} file, skipped")]
    NoArticles(crate::model::SourceFormat),
    #[error("could not extract: internal error {0}; the article is skipped")]
    Extract(String),
}

/// A caveat on a file that still loaded (kept as text in the article's
/// warnings).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileWarning {
    #[error("large file ({:.1} MB)", *.0 as f64 / 1e6)]
    Large(usize),
    #[error("invalid UTF-8: {bad} byte(s) replaced with '?' (first at byte {first})")]
    InvalidUtf8 { bad: usize, first: usize },
}

/// A problem with one input that did not stop the others from loading.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LoadIssue {
    pub path: PathBuf,
    pub kind: IssueKind,
    /// The file could not be used at all (as opposed to loaded with a caveat).
    pub failed: bool,
}

impl LoadIssue {
    /// An input that could not be used.
    pub fn failed(path: &Path, kind: IssueKind) -> LoadIssue {
        LoadIssue {
            path: path.to_path_buf(),
            kind,
            failed: true,
        }
    }
    /// A caveat: the input was used, or skipping it lost nothing.
    pub fn warning(path: &Path, kind: IssueKind) -> LoadIssue {
        LoadIssue {
            path: path.to_path_buf(),
            kind,
            failed: false,
        }
    }
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

impl std::fmt::Display for LoadIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.kind)
    }
}

/// Extensions read when walking a folder; a file named on the command line is
/// always tried, whatever its name.
use super::sniff::WALKED_EXTENSIONS as ARTICLE_EXTENSIONS;

/// Device and inode: what a file or folder is, whatever path leads to it.
type Identity = (u64, u64);

#[cfg(unix)]
fn identity(m: &Metadata) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    Some((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(_: &Metadata) -> Option<Identity> {
    None
}

/// What a path is, when it is not a regular file.
pub fn special(m: &Metadata) -> Option<Special> {
    let t = m.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some(Special::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some(Special::Fifo);
        }
        if t.is_socket() {
            return Some(Special::Socket);
        }
        if t.is_char_device() {
            return Some(Special::CharDevice);
        }
        if t.is_block_device() {
            return Some(Special::BlockDevice);
        }
    }
    Some(Special::Other)
}

/// What has been walked or listed so far, by identity.
#[derive(Default)]
struct Seen {
    folders: HashSet<Identity>,
    files: std::collections::HashMap<Identity, PathBuf>,
}

/// Expands files and folders (recursively, in sorted order) into the list of
/// files to read. Paths that do not exist are reported, not fatal; a folder
/// is walked once and a file listed once, however links lead to them.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadIssue>) {
    let mut files = Vec::new();
    let mut issues = Vec::new();
    let mut seen = Seen::default();
    for p in paths {
        match fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &m, &mut seen, &mut files, &mut issues),
            Ok(m) => add_file(p, Some(&m), &mut seen, &mut files, &mut issues),
            Err(e) => issues.push(LoadIssue::failed(p, IssueKind::CannotOpen(describe_io(&e)))),
        }
    }
    (files, issues)
}

fn add_file(
    p: &Path,
    m: Option<&Metadata>,
    seen: &mut Seen,
    files: &mut Vec<PathBuf>,
    issues: &mut Vec<LoadIssue>,
) {
    // Only regular files have an identity worth keeping: anything else is
    // refused when it is read, with what it is.
    if let Some(id) = m.filter(|m| m.is_file()).and_then(identity) {
        if let Some(first) = seen.files.get(&id) {
            issues.push(LoadIssue::warning(
                p,
                IssueKind::FileSeen(first.display().to_string()),
            ));
            return;
        }
        seen.files.insert(id, p.to_path_buf());
    }
    files.push(p.to_path_buf());
}

/// Walks `root` depth first in sorted order, without recursion (so no
/// nesting can exhaust the stack) and entering each folder once.
fn walk(
    root: &Path,
    meta: &Metadata,
    seen: &mut Seen,
    files: &mut Vec<PathBuf>,
    issues: &mut Vec<LoadIssue>,
) {
    if let Some(id) = identity(meta)
        && !seen.folders.insert(id)
    {
        issues.push(LoadIssue::warning(root, IssueKind::FolderSeen));
        return;
    }
    // Each stack entry is a folder's remaining entries, sorted in reverse.
    let mut stack: Vec<Vec<PathBuf>> = vec![list_folder(root, issues)];
    while let Some(top) = stack.last_mut() {
        let Some(p) = top.pop() else {
            stack.pop();
            continue;
        };
        let hidden = p
            .file_name()
            .is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
        if hidden {
            continue;
        }
        match fs::metadata(&p) {
            Ok(m) if m.is_dir() => {
                if let Some(id) = identity(&m)
                    && !seen.folders.insert(id)
                {
                    issues.push(LoadIssue::warning(&p, IssueKind::FolderSeen));
                    continue;
                }
                let entries = list_folder(&p, issues);
                stack.push(entries);
            }
            m => {
                if is_article_name(&p) {
                    add_file(&p, m.as_ref().ok(), seen, files, issues);
                }
            }
        }
    }
}

/// A folder's entries, sorted last first (to be popped in order).
fn list_folder(dir: &Path, issues: &mut Vec<LoadIssue>) -> Vec<PathBuf> {
    match fs::read_dir(dir) {
        Ok(rd) => {
            let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort_unstable_by(|a, b| b.cmp(a));
            paths
        }
        Err(e) => {
            issues.push(LoadIssue::failed(
                dir,
                IssueKind::CannotReadFolder(describe_io(&e)),
            ));
            Vec::new()
        }
    }
}

fn is_article_name(p: &Path) -> bool {
    match p.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(ext) => ARTICLE_EXTENSIONS
            .iter()
            .any(|a| a.eq_ignore_ascii_case(ext)),
    }
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Opens `path` for reading only if it is a regular file of at most
/// [`MAX_FILE_BYTES`]: checked on the path, then again on the handle, which
/// is opened without blocking (a FIFO put in its place meanwhile is
/// refused, not waited on).
pub fn open_regular(path: &Path) -> Result<File, IssueKind> {
    let check = |m: &Metadata| -> Result<(), IssueKind> {
        if let Some(s) = special(m) {
            return Err(IssueKind::NotRegular(s));
        }
        if m.len() > MAX_FILE_BYTES {
            return Err(IssueKind::TooLarge {
                size: m.len(),
                limit: MAX_FILE_BYTES,
            });
        }
        Ok(())
    };
    let read_err = |e: std::io::Error| IssueKind::CannotRead(describe_io(&e));
    check(&fs::metadata(path).map_err(read_err)?)?;
    let mut opts = fs::OpenOptions::new();
    opts.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = opts.open(path).map_err(read_err)?;
    check(&file.metadata().map_err(read_err)?)?;
    Ok(file)
}

/// The bytes of a regular file, never more than [`MAX_FILE_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, IssueKind> {
    let file = open_regular(path)?;
    let hint = file.metadata().map_or(0, |m| m.len()).min(MAX_FILE_BYTES);
    let mut bytes = Vec::with_capacity(hint as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| IssueKind::CannotRead(describe_io(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(IssueKind::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

/// A text file such as the alias file, read like an article (regular
/// files only, bounded); invalid UTF-8 is replaced.
pub fn read_text(path: &Path) -> Result<String, IssueKind> {
    let bytes = read_bytes(path)?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

/// Reads one file. `Err` means it was skipped (the issue says why).
pub fn read_file(path: &Path) -> Result<RawText, LoadIssue> {
    read_bytes(path)
        .and_then(|bytes| decode(path, bytes))
        .map_err(|kind| LoadIssue::failed(path, kind))
}

/// Decodes file bytes to text of the same byte length. Empty and binary
/// files are refused; invalid UTF-8 is replaced byte for byte with `?`.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<RawText, IssueKind> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(if bytes.is_empty() {
            IssueKind::Empty
        } else {
            IssueKind::OnlyWhitespace
        });
    }
    if looks_binary(&bytes) {
        return Err(IssueKind::Binary);
    }
    let mut warnings = Vec::new();
    if bytes.len() > LARGE_FILE {
        warnings.push(FileWarning::Large(bytes.len()).to_string());
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let bytes = e.into_bytes();
            let (text, bad, first) = lossy_same_length(&bytes);
            warnings.push(FileWarning::InvalidUtf8 { bad, first }.to_string());
            text
        }
    };
    Ok(RawText {
        path: path.to_path_buf(),
        text,
        warnings,
    })
}

/// Binary if it holds NUL bytes or many control characters near the start.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    control * 10 > head.len()
}

/// Like `String::from_utf8_lossy`, but every invalid byte becomes one `?`,
/// so byte offsets stay those of the file.
fn lossy_same_length(bytes: &[u8]) -> (String, usize, usize) {
    let mut out = String::with_capacity(bytes.len());
    let mut bad = 0;
    let mut first = None;
    let mut rest = bytes;
    let mut pos = 0;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                let skip = e.error_len().unwrap_or(rest.len() - good);
                for _ in 0..skip {
                    out.push('?');
                }
                first.get_or_insert(pos + good);
                bad += skip;
                pos += good + skip;
                rest = &rest[good + skip..];
            }
        }
    }
    (out, bad, first.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lossy_decoding_keeps_byte_offsets() {
        let bytes = b"ab\xffcd\xe2\x80 \xc3\xa9".to_vec();
        let raw = decode(Path::new("x.txt"), bytes.clone()).unwrap();
        assert_eq!(raw.text.len(), bytes.len());
        assert_eq!(raw.text, "ab?cd?? \u{e9}");
        assert!(raw.warnings[0].contains("3 byte(s)"), "{:?}", raw.warnings);
        assert!(raw.warnings[0].contains("first at byte 2"));
    }

    #[test]
    fn empty_and_binary_files_are_refused() {
        assert_eq!(
            decode(Path::new("e"), vec![]).unwrap_err(),
            IssueKind::Empty
        );
        let blank = decode(Path::new("w"), b" \n\n".to_vec()).unwrap_err();
        assert_eq!(blank, IssueKind::OnlyWhitespace);
        assert_eq!(blank.to_string(), "file holds only whitespace, skipped");
        let bin = vec![0x89, b'P', b'N', b'G', 0, 0, 1, 2];
        assert_eq!(decode(Path::new("b"), bin).unwrap_err(), IssueKind::Binary);
    }

    #[test]
    fn escape_sequences_are_text_not_binary() {
        let raw = decode(Path::new("t"), b"date \x1b[31mred\x1b[0m text".to_vec()).unwrap();
        assert!(raw.text.contains('\x1b'));
    }
}
