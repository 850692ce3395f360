//! `dateline check`: what was loaded from each file, and what went wrong.

use crate::loader::LoadIssue;
use crate::model::{ArticleId, Model};
use std::collections::HashMap;

/// One line per article, then its warnings, then the files that failed.
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
    for a in &m.articles {
        let published = a.published.map_or("undated".to_string(), |d| d.to_string());
        out.push_str(&format!(
            "{}  {}  author: {}  outlet: {}  events: {}  quotes: {}  read as: {}\n",
            a.path,
            published,
            a.author.as_deref().unwrap_or("-"),
            a.outlet.as_deref().unwrap_or("-"),
            events.get(&a.id).unwrap_or(&0),
            quotes.get(&a.id).unwrap_or(&0),
            a.format,
        ));
        for w in &a.warnings {
            out.push_str(&format!("  warning: {}: {w}\n", a.path));
        }
    }
    for i in issues {
        let what = if i.failed { "error" } else { "warning" };
        out.push_str(&format!("{what}: {i}\n"));
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
