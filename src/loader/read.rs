//! Reading files from disk: walking folders, decoding bytes, and turning
//! everything that can go wrong into a warning that names the path.

use std::fs;
use std::path::{Path, PathBuf};

/// Files this large still load, but the user is told why it is slow.
pub const LARGE_FILE: usize = 16 * 1024 * 1024;

/// A file that decoded to text. `text` has exactly the file's byte length,
/// so a byte span into `text` is the same span into the file.
#[derive(Debug, Clone)]
pub struct RawText {
    pub path: PathBuf,
    pub text: String,
    pub warnings: Vec<String>,
}

/// A problem with one input that did not stop the others from loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadIssue {
    pub path: PathBuf,
    pub message: String,
    /// The file could not be used at all (as opposed to loaded with a caveat).
    pub failed: bool,
}

impl std::fmt::Display for LoadIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// Extensions read when walking a folder; a file named on the command line is
/// always tried, whatever its name.
use super::sniff::WALKED_EXTENSIONS as ARTICLE_EXTENSIONS;

/// Expands files and folders (recursively, in sorted order) into the list of
/// files to read. Paths that do not exist are reported, not fatal.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadIssue>) {
    let mut files = Vec::new();
    let mut issues = Vec::new();
    for p in paths {
        match fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut issues),
            Ok(_) => files.push(p.clone()),
            Err(e) => issues.push(LoadIssue {
                path: p.clone(),
                message: format!("cannot open: {}", describe_io(&e)),
                failed: true,
            }),
        }
    }
    (files, issues)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, issues: &mut Vec<LoadIssue>) {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            issues.push(LoadIssue {
                path: dir.to_path_buf(),
                message: format!("cannot read folder: {}", describe_io(&e)),
                failed: true,
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, files, issues);
        } else if is_article_name(&p) {
            files.push(p);
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

/// Reads one file. `Err` means it was skipped (the issue says why).
pub fn read_file(path: &Path) -> Result<RawText, LoadIssue> {
    let fail = |message: String| LoadIssue {
        path: path.to_path_buf(),
        message,
        failed: true,
    };
    let bytes = fs::read(path).map_err(|e| fail(format!("cannot read: {}", describe_io(&e))))?;
    decode(path, bytes).map_err(fail)
}

/// Decodes file bytes to text of the same byte length. Empty and binary
/// files are refused; invalid UTF-8 is replaced byte for byte with `?`.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<RawText, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(if bytes.is_empty() {
            "empty file, skipped".into()
        } else {
            "file holds only whitespace, skipped".into()
        });
    }
    if looks_binary(&bytes) {
        return Err("binary file (not text), skipped".into());
    }
    let mut warnings = Vec::new();
    if bytes.len() > LARGE_FILE {
        warnings.push(format!("large file ({:.1} MB)", bytes.len() as f64 / 1e6));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let bytes = e.into_bytes();
            let (text, bad, first) = lossy_same_length(&bytes);
            warnings.push(format!(
                "invalid UTF-8: {bad} byte(s) replaced with '?' (first at byte {first})"
            ));
            text
        }
    };
    let _ = path;
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
        assert!(
            decode(Path::new("e"), vec![])
                .unwrap_err()
                .contains("empty")
        );
        assert!(
            decode(Path::new("w"), b" \n\n".to_vec())
                .unwrap_err()
                .contains("whitespace")
        );
        let bin = vec![0x89, b'P', b'N', b'G', 0, 0, 1, 2];
        assert!(decode(Path::new("b"), bin).unwrap_err().contains("binary"));
    }

    #[test]
    fn escape_sequences_are_text_not_binary() {
        let raw = decode(Path::new("t"), b"date \x1b[31mred\x1b[0m text".to_vec()).unwrap();
        assert!(raw.text.contains('\x1b'));
    }
}
