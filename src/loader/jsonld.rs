//! A page's JSON-LD news-article record: the most trusted metadata a page
//! carries. Read from every `<script type="application/ld+json">`, in an
//! `@graph`, an array or nested under `mainEntity`, whatever its `@type`
//! spelling (`NewsArticle`, `["Article", "NewsArticle"]`, `schema:BlogPosting`).

use super::meta::{parse_date, tidy_author, tidy_outlet};
use chrono::NaiveDate;
use dom_query::Document as Dom;
use serde_json::Value;

/// What a page's article record states.
#[derive(Debug, Default, PartialEq)]
pub struct LinkedData {
    pub headline: Option<String>,
    pub published: Option<NaiveDate>,
    pub author: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "LiveBlogPosting",
    "BlogPosting",
    "Report",
];

/// How deep records are searched (a page's JSON is untrusted).
const MAX_DEPTH: usize = 8;

/// The first article record of the page's JSON-LD, if any.
pub fn article(dom: &Dom) -> Option<LinkedData> {
    for script in dom.select("script[type=\"application/ld+json\"]").iter() {
        let text = script.text();
        let Ok(v) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        if let Some(rec) = find(&v, 0) {
            return Some(read(rec));
        }
    }
    None
}

fn is_article(v: &Value) -> bool {
    let named = |t: &str| {
        let t = t.rsplit([':', '/']).next().unwrap_or(t);
        ARTICLE_TYPES.contains(&t)
    };
    match v.get("@type") {
        Some(Value::String(t)) => named(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(named),
        _ => false,
    }
}

fn find(v: &Value, depth: usize) -> Option<&Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find(i, depth + 1)),
        Value::Object(o) => {
            if is_article(v) {
                return Some(v);
            }
            ["@graph", "mainEntity", "itemListElement"]
                .iter()
                .filter_map(|k| o.get(*k))
                .find_map(|i| find(i, depth + 1))
        }
        _ => None,
    }
}

/// A name given as a string, an object with `name`, or a list of either
/// (joined with "and").
fn names(v: &Value) -> Option<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        _ => None,
    };
    let all: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        v => one(v).into_iter().collect(),
    };
    let all: Vec<String> = all.into_iter().filter(|s| !s.is_empty()).collect();
    match all.len() {
        0 => None,
        1 => all.into_iter().next(),
        _ => Some(all.join(" and ")),
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    let s = crate::text::squash(v?.as_str()?);
    (!s.is_empty()).then_some(s)
}

fn read(rec: &Value) -> LinkedData {
    let url = text(rec.get("url"))
        .or_else(|| match rec.get("mainEntityOfPage") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(o) => text(o.get("@id")).or_else(|| text(o.get("url"))),
            None => None,
        })
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    LinkedData {
        headline: text(rec.get("headline")).or_else(|| text(rec.get("name"))),
        published: text(rec.get("datePublished"))
            .or_else(|| text(rec.get("dateCreated")))
            .as_deref()
            .and_then(parse_date),
        author: rec
            .get("author")
            .and_then(names)
            .as_deref()
            .and_then(tidy_author),
        publisher: rec
            .get("publisher")
            .and_then(names)
            .as_deref()
            .and_then(tidy_outlet),
        url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(json: &str) -> Option<LinkedData> {
        let page = format!(
            "<html><head><script type=\"application/ld+json\">{json}</script></head><body></body></html>"
        );
        article(&Dom::from(page.as_str()))
    }

    #[test]
    fn a_record_in_a_graph_with_lists_of_types_and_authors() {
        let d = ld(r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Site"},
            {"@type":["Article","NewsArticle"],"headline":" Ferry  resumes ",
             "datePublished":"2026-03-12T07:30:00Z",
             "author":[{"@type":"Person","name":"Priya Nair"},"Tom Reyes"],
             "publisher":{"name":"Harbour Ledger"},
             "mainEntityOfPage":{"@id":"https://ledger.example.net/ferry"}}]}"#)
        .expect("found");
        assert_eq!(d.headline.as_deref(), Some("Ferry resumes"));
        assert_eq!(d.published, NaiveDate::from_ymd_opt(2026, 3, 12));
        assert_eq!(d.author.as_deref(), Some("Priya Nair and Tom Reyes"));
        assert_eq!(d.publisher.as_deref(), Some("Harbour Ledger"));
        assert_eq!(d.url.as_deref(), Some("https://ledger.example.net/ferry"));
    }

    #[test]
    fn other_records_bad_json_and_deep_nesting_are_no_article() {
        assert_eq!(ld(r#"{"@type":"Organization","name":"X"}"#), None);
        assert_eq!(ld("{not json"), None);
        let deep = format!("{}{{}}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(ld(&deep), None);
    }
}
