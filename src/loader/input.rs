//! From a path (or standard input) to documents, whatever the format: the
//! format is detected, the format's module reads the bytes into entries,
//! and every entry is cleaned into the same kind of document.

use super::frontmatter::front_matter;
use super::meta::Entry;
use super::read::{IssueKind, LoadIssue, collect_files, decode, read_bytes};
use super::{
    Cleaned, Document, clean_article, clean_structured, feed, finish, html, records, sniff,
};
use crate::model::SourceFormat;
use regex::Regex;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// What to read: a file, or standard input (`-` on the command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

/// The documents one input gave, and its problems.
#[derive(Debug, Default)]
pub struct Loaded {
    pub docs: Vec<Document>,
    pub issues: Vec<LoadIssue>,
}

/// The name standard input goes by in citations and warnings.
pub const STDIN_NAME: &str = "stdin";

/// Expands the command line's paths into inputs, in order: `-` is standard
/// input (read once), folders are walked.
pub fn inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<LoadIssue>) {
    let mut out = Vec::new();
    let mut issues = Vec::new();
    // The paths between two `-` are walked together, so that a file or
    // folder reached twice through links is read once.
    for (n, run) in paths.split(|p| p.as_os_str() == "-").enumerate() {
        if n == 1 {
            out.push(Input::Stdin);
        }
        let (files, mut i) = collect_files(run);
        out.extend(files.into_iter().map(Input::File));
        issues.append(&mut i);
    }
    (out, issues)
}

/// Reads one input.
pub fn load_input(input: &Input) -> Loaded {
    match input {
        Input::File(p) => load_path(p),
        Input::Stdin => {
            let mut bytes = Vec::new();
            let path = PathBuf::from(STDIN_NAME);
            match std::io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => load_bytes(&path, bytes),
                Err(e) => failed(&path, IssueKind::Stdin(e.to_string())),
            }
        }
    }
}

fn failed(path: &Path, kind: IssueKind) -> Loaded {
    Loaded {
        docs: Vec::new(),
        issues: vec![LoadIssue::failed(path, kind)],
    }
}

/// Reads one file in whatever format it is.
pub fn load_path(path: &Path) -> Loaded {
    // Regular files only, bounded in size: a FIFO or device never blocks.
    match read_bytes(path) {
        Ok(bytes) => load_bytes(path, bytes),
        Err(kind) => failed(path, kind),
    }
}

/// Reads the bytes of one input named `path`.
pub fn load_bytes(path: &Path, bytes: Vec<u8>) -> Loaded {
    let format = sniff::detect(path, &bytes);
    match format {
        SourceFormat::Text => match decode(path, bytes) {
            Ok(raw) => Loaded {
                docs: vec![super::document(raw)],
                issues: Vec::new(),
            },
            Err(m) => failed(path, m),
        },
        SourceFormat::Markdown => match decode(path, bytes) {
            Ok(raw) => Loaded {
                docs: vec![markdown_document(raw.path, raw.text, raw.warnings)],
                issues: Vec::new(),
            },
            Err(m) => failed(path, m),
        },
        SourceFormat::Html => {
            if let Some(m) = refused(&bytes) {
                return failed(path, m);
            }
            let e = html::read_page(&bytes);
            Loaded {
                docs: vec![entry_document(path.to_path_buf(), SourceFormat::Html, e)],
                issues: Vec::new(),
            }
        }
        SourceFormat::Feed => {
            if let Some(m) = refused(&bytes) {
                return failed(path, m);
            }
            match feed::read_feed(&bytes) {
                Ok((entries, warnings)) => many(path, format, entries, warnings),
                Err(m) => failed(path, IssueKind::Content(m)),
            }
        }
        SourceFormat::Json | SourceFormat::Jsonl => {
            if let Some(m) = refused(&bytes) {
                return failed(path, m);
            }
            let text = String::from_utf8_lossy(&bytes);
            let (entries, warnings) = if format == SourceFormat::Jsonl {
                records::read_jsonl(&text)
            } else {
                records::read_json(&text)
            };
            many(path, format, entries, warnings)
        }
    }
}

/// Empty and binary inputs are refused, as for plain text.
fn refused(bytes: &[u8]) -> Option<IssueKind> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Some(if bytes.is_empty() {
            IssueKind::Empty
        } else {
            IssueKind::OnlyWhitespace
        });
    }
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    (!utf16 && bytes[..bytes.len().min(8192)].contains(&0)).then_some(IssueKind::Binary)
}

/// The documents of a file holding many articles (a feed, a dump): each
/// named `file#n`; the file's own warnings are issues that fail nothing
/// unless no article at all could be read.
fn many(path: &Path, format: SourceFormat, entries: Vec<Entry>, warnings: Vec<String>) -> Loaded {
    let none = entries.is_empty();
    let mut issues: Vec<LoadIssue> = warnings
        .into_iter()
        .map(|message| LoadIssue::warning(path, IssueKind::Content(message)))
        .collect();
    if none {
        // A data file that holds no articles at all (a folder's settings or
        // scores) is passed over; a feed that yields none has failed.
        let kind = IssueKind::NoArticles(format);
        issues.push(if format == SourceFormat::Feed {
            LoadIssue::failed(path, kind)
        } else {
            LoadIssue::warning(path, kind)
        });
    }
    let docs = entries
        .into_iter()
        .map(|e| {
            // The file's own name bytes, then `#n`: a name that is not
            // UTF-8 stays exact.
            let mut name = path.as_os_str().to_owned();
            name.push(e.name.as_deref().unwrap_or(""));
            entry_document(PathBuf::from(name), format, e)
        })
        .collect();
    Loaded { docs, issues }
}

/// An entry as a document: its text cleaned like any article's, the
/// input's own metadata trusted before what cleaning finds in the words.
pub fn entry_document(path: PathBuf, format: SourceFormat, e: Entry) -> Document {
    let mut meta = match format {
        SourceFormat::Html | SourceFormat::Feed => clean_structured(&e.text),
        _ => clean_article(&e.text),
    };
    overlay(&mut meta, e.title, e.author, e.outlet, e.published);
    finish(path, e.text, meta, e.warnings, format, e.url)
}

fn overlay(
    meta: &mut Cleaned,
    title: Option<String>,
    author: Option<String>,
    outlet: Option<String>,
    published: Option<chrono::NaiveDate>,
) {
    if title.is_some() {
        meta.title = title;
    }
    if author.is_some() {
        meta.author = author;
    }
    if outlet.is_some() {
        meta.outlet = outlet;
    }
    if published.is_some() {
        meta.published = published;
    }
}

/// Markdown: the file itself is what the spans index; its front matter is
/// blanked before cleaning and read for metadata.
fn markdown_document(path: PathBuf, text: String, mut warnings: Vec<String>) -> Document {
    let Some(fm) = front_matter(&text) else {
        let mut meta = clean_article(&text);
        plain_outlet(&mut meta);
        return finish(path, text, meta, warnings, SourceFormat::Markdown, None);
    };
    // Same byte length: every character of the front matter becomes as
    // many spaces as it has bytes.
    let blanked: String = text[..fm.len]
        .chars()
        .flat_map(|c| {
            let n = if c == '\n' { 0 } else { c.len_utf8() };
            std::iter::repeat_n(' ', n).chain((c == '\n').then_some('\n'))
        })
        .collect::<String>()
        + &text[fm.len..];
    let mut meta = clean_article(&blanked);
    plain_outlet(&mut meta);
    warnings.extend(fm.warnings);
    overlay(&mut meta, fm.title, fm.author, fm.outlet, fm.published);
    finish(path, text, meta, warnings, SourceFormat::Markdown, fm.url)
}

static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z][A-Z .,'’-]{1,40}\s*(?:,\s*[A-Z][^(),\n]{1,20})?\s*\((AP|AFP|Reuters|UPI|Bloomberg|dpa|CNN|Xinhua|[A-Z][A-Za-z&.]+(?: [A-Z][A-Za-z&.]+){0,3})\)\s*[-—–]",
    )
    .expect("valid regex")
});

/// The outlet a plain-text article states itself: a wire dateline such as
/// "WASHINGTON (Reuters) —" at the start of its text.
pub(super) fn plain_outlet(meta: &mut Cleaned) {
    if meta.outlet.is_some() {
        return;
    }
    let clean = meta.clean.trim_start();
    let head = crate::span::head(clean, 200);
    if let Some(c) = WIRE.captures(head) {
        meta.outlet = Some(c[1].to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_datelines_name_the_outlet() {
        let mut m = clean_article("GENEVA (Reuters) — Talks resumed on Monday.\n");
        plain_outlet(&mut m);
        assert_eq!(m.outlet.as_deref(), Some("Reuters"));
        let mut m = clean_article("The talks (Reuters said) resumed.\n");
        plain_outlet(&mut m);
        assert_eq!(m.outlet, None);
    }

    #[test]
    fn front_matter_is_blanked_but_spans_index_the_file() {
        let text = "---\ntitle: Levée holds\ndate: 2026-03-04\n---\nThe levee held on Tuesday.\n";
        let d = markdown_document(PathBuf::from("a.md"), text.to_string(), Vec::new());
        assert_eq!(d.text, text);
        assert_eq!(d.meta.clean.len(), text.len());
        assert!(!d.meta.clean.contains("title"));
        assert_eq!(d.meta.title.as_deref(), Some("Levée holds"));
        assert_eq!(d.format, SourceFormat::Markdown);
    }
}
