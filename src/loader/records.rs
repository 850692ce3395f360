//! Scraper dumps: a JSON array (or one object) of articles, or JSON Lines
//! (one object a line). Fields of the common scrapers are understood:
//!
//! | field | read from |
//! |---|---|
//! | title | `title`, `headline` |
//! | text | `maintext` (news-please), `text` (newspaper, trafilatura), `content`, `body`, `article`, else `description` |
//! | date | `date_publish` (news-please), `date`, `published`, `date_published`, `datePublished`, `pubDate`, `publish_date` |
//! | author | `authors` (a list), `author`, `byline` |
//! | outlet | `outlet`, `source_domain` (news-please), `sitename`, `hostname` (trafilatura), `source`, `publisher`, `site` |
//! | url | `url`, `link`, `canonical_url`, `source_url` |
//!
//! A text that is HTML is read as a web page's text. A record that cannot
//! be read is a warning with its line number; the others still load.

use super::html::{host_of, html_to_text};
use super::meta::{Entry, parse_date, tidy_author, tidy_outlet};
use serde_json::{Map, Value};

const TITLE: &[&str] = &["title", "headline"];
const TEXT: &[&str] = &["maintext", "text", "content", "body", "article", "raw_text"];
const DATE: &[&str] = &[
    "date_publish",
    "date",
    "published",
    "date_published",
    "datePublished",
    "pubDate",
    "publish_date",
    "published_at",
];
const AUTHOR: &[&str] = &["authors", "author", "byline"];
const OUTLET: &[&str] = &[
    "outlet",
    "source_domain",
    "sitename",
    "hostname",
    "source",
    "publisher",
    "site",
    "site_name",
];
const URL: &[&str] = &["url", "link", "canonical_url", "source_url"];

/// The articles of a JSON Lines stream, and a warning for each bad line.
pub fn read_jsonl(text: &str) -> (Vec<Entry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut warnings = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        let at = n + 1;
        match serde_json::from_str::<Value>(line) {
            Ok(v) => push_record(&v, at, &mut entries, &mut warnings),
            Err(e) => warnings.push(format!("line {at}: not a JSON record ({e}), skipped")),
        }
    }
    (entries, warnings)
}

/// The articles of a JSON document: an array of records or one record.
/// An array cut short or holding a bad record still yields the others.
pub fn read_json(text: &str) -> (Vec<Entry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut warnings = Vec::new();
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => {
            // Line numbers come from the raw items, when they can be found.
            let lines: Vec<usize> = split_array(text).iter().map(|(l, _)| *l).collect();
            for (i, v) in items.iter().enumerate() {
                let at = lines.get(i).copied().unwrap_or(1);
                push_record(v, at, &mut entries, &mut warnings);
            }
        }
        Ok(v @ Value::Object(_)) => push_record(&v, 1, &mut entries, &mut warnings),
        Ok(_) => warnings.push("JSON holds no article records".into()),
        Err(whole) => {
            let items = split_array(text);
            if items.is_empty() {
                warnings.push(format!("not readable JSON ({whole})"));
            }
            for (at, raw) in items {
                match serde_json::from_str::<Value>(raw) {
                    Ok(v) => push_record(&v, at, &mut entries, &mut warnings),
                    Err(e) => {
                        warnings.push(format!("line {at}: record not readable ({e}), skipped"))
                    }
                }
            }
        }
    }
    (entries, warnings)
}

/// The top-level items of a JSON array, each with the line it starts on,
/// found by bracket depth (strings respected), so that one bad or
/// unfinished item does not hide the rest.
fn split_array(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let Some(open) = bytes
        .iter()
        .position(|&b| !b.is_ascii_whitespace() && b != 0xef && b != 0xbb && b != 0xbf)
    else {
        return Vec::new();
    };
    if bytes[open] != b'[' {
        return Vec::new();
    }
    let mut items = Vec::new();
    let (mut depth, mut in_str, mut esc) = (0i32, false, false);
    let mut start = None;
    let mut line = 1 + text[..open].matches('\n').count();
    let mut start_line = line;
    for (i, &b) in bytes.iter().enumerate().skip(open + 1) {
        if b == b'\n' {
            line += 1;
        }
        if in_str {
            match b {
                _ if esc => esc = false,
                b'\\' => esc = true,
                b'"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => {
                in_str = true;
                if start.is_none() {
                    start = Some(i);
                    start_line = line;
                }
            }
            b'{' | b'[' => {
                if depth == 0 {
                    start = Some(i);
                    start_line = line;
                }
                depth += 1;
            }
            b'}' | b']' if depth > 0 => {
                depth -= 1;
            }
            b',' | b']' if depth == 0 => {
                if let Some(s) = start.take() {
                    items.push((start_line, text[s..i].trim()));
                }
                if b == b']' {
                    return items;
                }
            }
            _ if depth == 0 && start.is_none() && !b.is_ascii_whitespace() => {
                start = Some(i);
                start_line = line;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        items.push((start_line, text[s..].trim()));
    }
    items
}

fn push_record(v: &Value, at: usize, entries: &mut Vec<Entry>, warnings: &mut Vec<String>) {
    let Some(obj) = v.as_object() else {
        warnings.push(format!("line {at}: not an object, skipped"));
        return;
    };
    match record(obj) {
        Some(mut e) => {
            e.name = Some(format!("#{}", entries.len() + 1));
            e.warnings
                .iter_mut()
                .for_each(|w| *w = format!("line {at}: {w}"));
            entries.push(e);
        }
        None => warnings.push(format!(
            "line {at}: record has no article text (maintext, text, content or body), skipped"
        )),
    }
}

fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().filter_map(string).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Object(o) => o.get("name").and_then(string),
        _ => None,
    }
}

fn field(obj: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| obj.get(*n).and_then(string))
}

/// One record as an article; `None` when it carries no text.
pub fn record(obj: &Map<String, Value>) -> Option<Entry> {
    let raw = field(obj, TEXT).or_else(|| field(obj, &["description", "summary"]))?;
    let looks_html = raw.trim_start().starts_with('<')
        && ["<p", "<div", "<br", "<html", "<article", "<span"]
            .iter()
            .any(|t| raw.contains(t));
    let text = if looks_html { html_to_text(&raw) } else { raw };
    let url = field(obj, URL).filter(|u| u.starts_with("http"));
    let outlet = field(obj, OUTLET)
        .and_then(|o| tidy_outlet(&o))
        .or_else(|| url.as_deref().and_then(host_of).map(str::to_string));
    Some(Entry {
        name: None,
        text,
        title: field(obj, TITLE).map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")),
        author: field(obj, AUTHOR).and_then(|a| tidy_author(&a)),
        outlet,
        published: field(obj, DATE).and_then(|d| parse_date(&d)),
        url,
        warnings: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_please_lines_load_and_bad_lines_are_warnings() {
        let src = "{\"title\":\"Dam opens\",\"maintext\":\"The dam opened on Friday.\",\
            \"date_publish\":\"2026-03-06 10:00:00\",\"authors\":[\"Ana Ruiz\",\"Li Wei\"],\
            \"source_domain\":\"example.org\",\"url\":\"https://example.org/dam\"}\n\
            {broken\n{\"title\":\"No text\"}\n";
        let (e, w) = read_jsonl(src);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].author.as_deref(), Some("Ana Ruiz, Li Wei"));
        assert_eq!(e[0].outlet.as_deref(), Some("example.org"));
        assert_eq!(e[0].published.unwrap().to_string(), "2026-03-06");
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w[0].starts_with("line 2:") && w[1].starts_with("line 3:"));
    }

    #[test]
    fn arrays_cut_short_keep_their_whole_records() {
        let src =
            "[\n{\"title\":\"A\",\"text\":\"First, on Monday.\"},\n{\"title\":\"B\",\"text\":\"Sec";
        let (e, w) = read_json(src);
        assert_eq!(e.len(), 1);
        assert!(w[0].starts_with("line 3:"), "{w:?}");
    }
}
