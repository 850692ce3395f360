//! Exports: the JSON model (the stable contract) and a markdown briefing.

mod format;
mod rows;
mod safe_json;
mod select;
mod timelinejs;

pub use format::{Format, Options, write};
pub use rows::{CSV_COLUMNS, write_csv, write_jsonl};
pub use select::{matching, of_items, select};
pub use timelinejs::write_timelinejs;

use crate::loader::LoadIssue;
use crate::model::non_utf8_name;
use crate::model::{Actor, Article, ArticleId, Cluster, Event, Model, Quote};
use crate::provenance::{self, ArticleIndex};
use crate::timeline::{Group, Item, ItemRef, order_key};
use serde::Serialize;
use std::io::Write as _;

#[derive(Serialize)]
struct JsonIssue {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    path_bytes: Option<Box<[u8]>>,
    message: String,
    failed: bool,
}

/// An article with the exact bytes of its file name when they are not
/// UTF-8.
#[derive(Serialize)]
struct JsonArticle<'a> {
    #[serde(flatten)]
    article: &'a Article,
    #[serde(skip_serializing_if = "Option::is_none")]
    path_bytes: Option<&'a [u8]>,
}

/// The model's fields, articles with their name bytes, and the issues.
#[derive(Serialize)]
struct JsonExport<'a> {
    articles: Vec<JsonArticle<'a>>,
    actors: &'a [Actor],
    events: &'a [Event],
    quotes: &'a [Quote],
    clusters: &'a [Cluster],
    issues: Vec<JsonIssue>,
}

/// Writes the whole model as JSON, with the files that failed to load,
/// straight to `out` (never the whole document in memory): compact, or
/// indented when `pretty`. Terminal controls in strings are escaped too.
pub fn write_json(
    model: &Model,
    issues: &[LoadIssue],
    out: impl std::io::Write,
    pretty: bool,
) -> std::io::Result<()> {
    let issues = issues
        .iter()
        .map(|i| JsonIssue {
            path: i.path.display().to_string(),
            path_bytes: non_utf8_name(&i.path),
            message: i.message(),
            failed: i.failed,
        })
        .collect();
    let bytes: std::collections::HashMap<ArticleId, &[u8]> =
        model.path_bytes.iter().map(|(a, b)| (*a, &**b)).collect();
    let Model {
        articles,
        actors,
        events,
        quotes,
        clusters,
        path_bytes: _,
    } = model;
    let doc = JsonExport {
        articles: articles
            .iter()
            .map(|article| JsonArticle {
                article,
                path_bytes: bytes.get(&article.id).copied(),
            })
            .collect(),
        actors,
        events,
        quotes,
        clusters,
        issues,
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    if pretty {
        let f = safe_json::Safe(serde_json::ser::PrettyFormatter::new());
        doc.serialize(&mut serde_json::Serializer::with_formatter(&mut out, f))?;
    } else {
        let f = safe_json::Safe(serde_json::ser::CompactFormatter);
        doc.serialize(&mut serde_json::Serializer::with_formatter(&mut out, f))?;
    }
    out.write_all(b"\n")?;
    out.flush()
}

/// The whole model as indented JSON, for tests and small corpora.
pub fn to_json(model: &Model, issues: &[LoadIssue]) -> String {
    let mut buf = Vec::new();
    write_json(model, issues, &mut buf, true).expect("writing to memory cannot fail");
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}

/// Escapes text from an article so it reads as itself in markdown: no
/// emphasis, links, headings, HTML or table cells can come from it.
pub fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c if c.is_control() => out.push(' '),
            // Direction marks and overrides are invisible; kept, they could
            // reorder what the terminal or viewer shows around them.
            c if crate::sanitize::is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A citation a reader can follow: outlet, headline, author, publication
/// date and web address when known (the file name only when the outlet is
/// not), all escaped for markdown.
pub fn citation(article: &Article, _span: crate::model::Span) -> String {
    escape_md(&article.cite())
}

/// What the header of a briefing says about how it was selected.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub filter: String,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
}

/// A markdown briefing of the given timeline rows: day headings in
/// chronological order, events as list items, quotes as blockquotes, a
/// citation under every line and the number of corroborating sources.
pub fn to_markdown(model: &Model, items: &[&Item], sel: &Selection) -> String {
    let mut out = String::from("# dateline briefing\n\n");
    let filter = if sel.filter.trim().is_empty() {
        "none".to_string()
    } else {
        format!("`{}`", sel.filter.replace('`', "'"))
    };
    let range = match (sel.from, sel.to) {
        (None, None) => "all dates".to_string(),
        (f, t) => format!(
            "{} to {}",
            f.map_or("the beginning".to_string(), |d| d.to_string()),
            t.map_or("the end".to_string(), |d| d.to_string())
        ),
    };
    let articles: std::collections::BTreeSet<usize> = items
        .iter()
        .flat_map(|i| i.sources.iter().copied())
        .collect();
    out.push_str(&format!("- Filter: {filter}\n- Range: {range}\n"));
    out.push_str(&format!(
        "- {} items from {} articles\n",
        items.len(),
        articles.len()
    ));
    let mut sorted: Vec<&&Item> = items.iter().collect();
    sorted.sort_by_key(|i| (order_key(&i.date), i.article, i.span.start));
    let ix = ArticleIndex::of(model);
    let mut group = None;
    for it in sorted {
        let g = Group::of(&it.date);
        if group != Some(g) {
            group = Some(g);
            out.push_str(&format!("\n## {}\n\n", g.heading()));
        }
        let marker = it.marker();
        let n = it.sources.len();
        let sources = if n == 1 {
            "1 source".to_string()
        } else {
            format!("{n} sources")
        };
        match it.what {
            ItemRef::Quote(q) => {
                let q = &model.quotes[q];
                let who = q
                    .speaker_text
                    .as_deref()
                    .map(escape_md)
                    .unwrap_or_else(|| "unattributed".into());
                out.push_str(&format!(
                    "> “{}”\n>\n> — {who} · {marker} · {sources}\n",
                    escape_md(&q.text)
                ));
                for c in cites(model, &ix, it) {
                    out.push_str(&format!(">\n> Source: {c}\n"));
                }
                if let Some(line) = carried_by(model, &ix, it) {
                    out.push_str(&format!(">\n> {line}\n"));
                }
                out.push('\n');
            }
            ItemRef::Event(e) => {
                let e = &model.events[e];
                out.push_str(&format!(
                    "- {} — *{marker}* · {sources}\n",
                    escape_md(&e.text)
                ));
                for c in cites(model, &ix, it) {
                    out.push_str(&format!("  - Source: {c}\n"));
                }
                if let Some(line) = carried_by(model, &ix, it) {
                    out.push_str(&format!("  - {line}\n"));
                }
            }
        }
    }
    out
}

/// A citation for every article carrying a row, earliest first, each with
/// the outlets it credits.
fn cites(model: &Model, ix: &ArticleIndex, it: &Item) -> Vec<String> {
    (provenance::carriers(model, ix, it).iter())
        .map(|c| {
            let mut s = citation(&model.articles[c.article], it.span);
            if !c.cites.is_empty() {
                let o: Vec<String> = c.cites.iter().map(|o| escape_md(o)).collect();
                s.push_str(&format!("; citing {}", o.join(", ")));
            }
            s
        })
        .collect()
}

/// "Carried by: Axios, 4 Mar 2026 — first; …" for a row seen in several
/// articles, so the briefing says who broke it and who repeated it.
fn carried_by(model: &Model, ix: &ArticleIndex, it: &Item) -> Option<String> {
    let carriers = provenance::carriers(model, ix, it);
    (carriers.len() > 1).then(|| {
        format!(
            "Carried by: {}",
            escape_md(&provenance::chain(model, &carriers))
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_neutralises_syntax() {
        assert_eq!(
            escape_md("*a* [b](c) <x> # | `d`"),
            "\\*a\\* \\[b\\](c) &lt;x&gt; \\# \\| \\`d\\`"
        );
        assert_eq!(escape_md("a\u{1b}[31mb"), "a \\[31mb");
        assert_eq!(escape_md("No,\u{200e} x\u{202e}y\u{2066}z"), "No, xyz");
    }
}
