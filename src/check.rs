//! `dateline check`: what was loaded from each file, and what went wrong.

use crate::loader::LoadIssue;
use crate::model::{ArticleId, Model};
use crate::sanitize::{name_bytes, path, sanitize};
use std::collections::HashMap;

/// An issue as a line of text: its path and message, made inert.
pub fn issue_line(i: &LoadIssue) -> String {
    format!("{}: {}", path(&i.path), sanitize(&i.message()))
}

/// One line per article, then its warnings, then the files that failed.
/// Everything from the files (names, authors, outlets) is made inert.
pub fn report(m: &Model, issues: &[LoadIssue]) -> String {
    let mut events: HashMap<ArticleId, usize> = HashMap::new();
    let mut quotes: HashMap<ArticleId, usize> = HashMap::new();
    for e in &m.events {
        *events.entry(e.article).or_default() += 1;
    }
    for q in &m.quotes {
        *quotes.entry(q.article).or_default() += 1;
    }
    let mut out = String::new();
    let bytes: HashMap<ArticleId, &[u8]> = m.path_bytes.iter().map(|(a, b)| (*a, &**b)).collect();
    for a in &m.articles {
        // A name that is not UTF-8 shows its bad bytes as \xHH.
        let shown = match bytes.get(&a.id) {
            Some(b) => name_bytes(b),
            None => sanitize(&a.path).into_owned(),
        };
        let published = a.published.map_or("undated".to_string(), |d| d.to_string());
        out.push_str(&format!(
            "{}  {}  author: {}  outlet: {}  events: {}  quotes: {}  read as: {}\n",
            shown,
            published,
            sanitize(a.author.as_deref().unwrap_or("-")),
            sanitize(a.outlet.as_deref().unwrap_or("-")),
            events.get(&a.id).unwrap_or(&0),
            quotes.get(&a.id).unwrap_or(&0),
            a.format,
        ));
        for w in &a.warnings {
            out.push_str(&format!("  warning: {shown}: {}\n", sanitize(w)));
        }
    }
    for i in issues {
        let what = if i.failed { "error" } else { "warning" };
        out.push_str(&format!("{what}: {}\n", issue_line(i)));
    }
    let failed = issues.iter().filter(|i| i.failed).count();
    out.push_str(&format!(
        "{} articles, {} events, {} quotes, {} actors; {} file(s) failed\n",
        m.articles.len(),
        m.events.len(),
        m.quotes.len(),
        m.actors.len(),
        failed
    ));
    out
}

/// Every issue and article warning, a line each on standard error.
pub fn report_issues(model: &Model, issues: &[LoadIssue]) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let mut line = |l: &str| {
        // If even standard error cannot be written, there is no one left
        // to tell.
        let _ = writeln!(err, "dateline: {l}");
    };
    for i in issues {
        line(&issue_line(i));
    }
    for a in &model.articles {
        for w in &a.warnings {
            line(&format!(
                "{}: {}",
                crate::sanitize::sanitize(&a.path),
                crate::sanitize::sanitize(w)
            ));
        }
    }
}
