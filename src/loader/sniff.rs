//! Which format a file is: by its content when that is unmistakable (a
//! `.txt` that is really a web page, a feed without an extension), else by
//! its extension, else plain text.

use crate::model::SourceFormat;
use std::path::Path;

/// Extensions read when walking a folder (a file named on the command line
/// is always tried, whatever its name).
pub const WALKED_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "xml", "rss", "atom", "rdf", "json",
    "jsonl", "ndjson",
];

/// The format an extension names, if it names one.
pub fn by_extension(path: &Path) -> Option<SourceFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" => SourceFormat::Text,
        "md" | "markdown" => SourceFormat::Markdown,
        "html" | "htm" | "xhtml" => SourceFormat::Html,
        "rss" | "atom" | "rdf" => SourceFormat::Feed,
        "json" => SourceFormat::Json,
        "jsonl" | "ndjson" => SourceFormat::Jsonl,
        _ => return None,
    })
}

/// The format the first bytes show, when they show one.
pub fn by_content(bytes: &[u8]) -> Option<SourceFormat> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..];
    let lower = head.to_ascii_lowercase();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    match head[0] {
        b'<' => {
            if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
                // A page that merely mentions a feed has its <html> first.
                let html_at = lower.windows(5).position(|w| w == b"<html");
                let feed_at = ["<rss", "<feed", "<rdf:rdf"]
                    .iter()
                    .filter_map(|n| lower.windows(n.len()).position(|w| w == n.as_bytes()))
                    .min();
                if html_at.is_none_or(|h| feed_at.is_some_and(|f| f < h)) {
                    return Some(SourceFormat::Feed);
                }
            }
            let page = [
                &b"<!doctype html"[..],
                b"<html",
                b"<head",
                b"<body",
                b"<meta ",
                b"<title",
                b"<article",
                b"<div",
                b"<p>",
                b"<!--",
            ];
            page.iter()
                .any(|t| {
                    lower.starts_with(t) || (t.len() > 5 && has(t) && lower.starts_with(b"<?xml"))
                })
                .then_some(SourceFormat::Html)
        }
        b'{' => {
            if has(b"jsonfeed.org/version") {
                return Some(SourceFormat::Feed);
            }
            // One object a line, or one object.
            let first_line = bytes[start..].split(|&b| b == b'\n').next().unwrap_or(&[]);
            let first_line = first_line.strip_suffix(b"\r").unwrap_or(first_line);
            let one_line_object = serde_json::from_slice::<serde_json::Value>(first_line)
                .is_ok_and(|v| v.is_object());
            let more = bytes[start + first_line.len()..]
                .iter()
                .any(|b| !b.is_ascii_whitespace());
            if one_line_object && more {
                Some(SourceFormat::Jsonl)
            } else {
                Some(SourceFormat::Json)
            }
        }
        b'[' if head.len() > 1 => {
            let next = head[1..].iter().find(|b| !b.is_ascii_whitespace());
            matches!(next, Some(b'{') | Some(b']')).then_some(SourceFormat::Json)
        }
        b'-' if head.starts_with(b"---\n") || head.starts_with(b"---\r\n") => {
            Some(SourceFormat::Markdown)
        }
        b'+' if head.starts_with(b"+++\n") || head.starts_with(b"+++\r\n") => {
            Some(SourceFormat::Markdown)
        }
        _ => None,
    }
}

/// The format to read a file as: content first, then extension, then text.
pub fn detect(path: &Path, bytes: &[u8]) -> SourceFormat {
    let ext = by_extension(path);
    match (by_content(bytes), ext) {
        // A `.json` named file holding one record a line is still a stream.
        (Some(c), _) => c,
        (None, Some(SourceFormat::Html)) => SourceFormat::Html,
        (None, Some(SourceFormat::Markdown)) => SourceFormat::Markdown,
        // Declared as data but not data: read what is there as text.
        (None, _) => SourceFormat::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_wins_over_extension() {
        let p = Path::new("story.txt");
        assert_eq!(detect(p, b"<!DOCTYPE html><html>"), SourceFormat::Html);
        assert_eq!(
            detect(
                Path::new("feed"),
                b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"
            ),
            SourceFormat::Feed
        );
        assert_eq!(
            detect(
                Path::new("f"),
                b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
            ),
            SourceFormat::Feed
        );
        assert_eq!(
            detect(
                Path::new("x"),
                b"{\"version\": \"https://jsonfeed.org/version/1.1\"}"
            ),
            SourceFormat::Feed
        );
        assert_eq!(detect(p, b"{\"a\":1}\n{\"a\":2}\n"), SourceFormat::Jsonl);
        assert_eq!(detect(p, b"[{\"a\":1}]"), SourceFormat::Json);
        assert_eq!(
            detect(p, b"---\ntitle: x\n---\nBody"),
            SourceFormat::Markdown
        );
        assert_eq!(detect(p, b" date 2026-03-01 Words"), SourceFormat::Text);
        assert_eq!(detect(p, b"<3 is a heart"), SourceFormat::Text);
        assert_eq!(
            detect(Path::new("a.html"), b"Just words"),
            SourceFormat::Html
        );
        assert_eq!(
            detect(Path::new("a.md"), b"# Heading"),
            SourceFormat::Markdown
        );
    }
}
