//! Which outlet published a file when the file does not say: a
//! `sources.conf` in its folder (or a folder above it) maps file-name
//! patterns and web domains to outlets, and so do the aliases of the alias
//! file's `[outlet]` section that are patterns or domains:
//!
//! ```text
//! # sources.conf
//! nyt_*          = The New York Times
//! reuters-*.txt  = Reuters
//! apnews.com     = Associated Press
//! ```
//!
//! A pattern has `*` (any run of characters) or `?` (one character) and is
//! matched against the file name, ignoring case; a domain matches the
//! article's web address and its subdomains.

use super::Document;
use crate::aliases::{AliasTable, EntryKind};
use crate::model::SourceFormat;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The file name of a folder's outlet table.
pub const SOURCES_FILE: &str = "sources.conf";

#[derive(Debug, Clone, PartialEq)]
enum Pattern {
    Name(String),
    Domain(String),
}

#[derive(Debug, Clone, PartialEq)]
struct Rule {
    pattern: Pattern,
    outlet: String,
}

/// Outlet rules by folder, and those of the alias file for every folder.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    folders: HashMap<PathBuf, Vec<Rule>>,
    global: Vec<Rule>,
}

fn pattern(p: &str) -> Option<Pattern> {
    let p = p.trim();
    if p.is_empty() || p.contains(char::is_whitespace) {
        return None;
    }
    if p.contains(['*', '?']) {
        return Some(Pattern::Name(p.to_lowercase()));
    }
    let host = p.strip_prefix("www.").unwrap_or(p).to_lowercase();
    let domain = host.contains('.')
        && host.split('.').all(|l| !l.is_empty())
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    domain.then_some(Pattern::Domain(host))
}

/// Parses a `sources.conf`: `pattern = Outlet` lines, `#` comments.
fn parse(src: &str) -> (Vec<Rule>, Vec<String>) {
    let mut rules = Vec::new();
    let mut warnings = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parsed = line.split_once('=').and_then(|(p, o)| {
            let o = o.trim();
            (!o.is_empty()).then_some((pattern(p)?, o.to_string()))
        });
        match parsed {
            Some((pattern, outlet)) => rules.push(Rule { pattern, outlet }),
            None => warnings.push(format!(
                "line {}: expected 'file-pattern* = Outlet' or 'domain.com = Outlet'",
                n + 1
            )),
        }
    }
    (rules, warnings)
}

/// `*` and `?` wildcards over characters.
fn glob(p: &[char], s: &[char]) -> bool {
    match (p.first(), s.first()) {
        (None, None) => true,
        (Some('*'), _) => glob(&p[1..], s) || (!s.is_empty() && glob(p, &s[1..])),
        (Some('?'), Some(_)) => glob(&p[1..], &s[1..]),
        (Some(a), Some(b)) if a == b => glob(&p[1..], &s[1..]),
        _ => false,
    }
}

impl Rule {
    fn matches(&self, file_name: &str, host: Option<&str>) -> bool {
        match &self.pattern {
            Pattern::Name(p) => {
                let p: Vec<char> = p.chars().collect();
                let s: Vec<char> = file_name.to_lowercase().chars().collect();
                p.len() <= 200 && glob(&p, &s)
            }
            Pattern::Domain(d) => host.is_some_and(|h| {
                let h = h.to_lowercase();
                h == *d || h.ends_with(&format!(".{d}"))
            }),
        }
    }
}

impl Sources {
    /// The rules of the alias file's `[outlet]` section, and of the
    /// `sources.conf` of every folder that holds a file (or above it, up
    /// to the folders given). Returns the warnings of each file read.
    pub fn load(
        roots: &[PathBuf],
        files: &[PathBuf],
        aliases: &AliasTable,
    ) -> (Sources, Vec<(PathBuf, String)>) {
        let mut s = Sources::default();
        for e in aliases
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Outlet)
        {
            for a in &e.aliases {
                if let Some(pattern) = pattern(a) {
                    s.global.push(Rule {
                        pattern,
                        outlet: e.name.clone(),
                    });
                }
            }
        }
        let mut warnings = Vec::new();
        let mut dirs: Vec<PathBuf> = roots.iter().filter(|p| p.is_dir()).cloned().collect();
        for f in files {
            let mut d = f.parent();
            while let Some(dir) = d {
                dirs.push(dir.to_path_buf());
                if roots.iter().any(|r| r == dir) {
                    break;
                }
                d = dir.parent().filter(|p| !p.as_os_str().is_empty());
            }
        }
        dirs.sort();
        dirs.dedup();
        for dir in dirs {
            let conf = dir.join(SOURCES_FILE);
            if conf.symlink_metadata().is_err() {
                continue;
            }
            // Read like an article: a FIFO or device in its place is
            // reported, never waited on.
            let src = match super::read::read_text(&conf) {
                Ok(src) => src,
                Err(e) => {
                    warnings.push((conf, format!("cannot read outlet rules: {e}")));
                    continue;
                }
            };
            let (rules, w) = parse(&src);
            warnings.extend(w.into_iter().map(|w| (conf.clone(), w)));
            s.folders.insert(dir, rules);
        }
        (s, warnings)
    }

    pub fn is_empty(&self) -> bool {
        self.global.is_empty() && self.folders.is_empty()
    }

    /// The outlet the rules give a file (or one of its entries), if any:
    /// the nearest folder's rules first, then the alias file's.
    pub fn outlet_for(&self, path: &Path, url: Option<&str>) -> Option<&str> {
        let file = path.file_name()?.to_str()?;
        // "feed.xml#3" is entry 3 of feed.xml.
        let file = file.split_once('#').map_or(file, |(f, _)| f);
        let host = url.and_then(super::html::host_of);
        let mut dir = path.parent();
        while let Some(d) = dir {
            if let Some(rules) = self.folders.get(d)
                && let Some(r) = rules.iter().find(|r| r.matches(file, host))
            {
                return Some(&r.outlet);
            }
            dir = d.parent();
        }
        self.global
            .iter()
            .find(|r| r.matches(file, host))
            .map(|r| r.outlet.as_str())
    }

    /// Gives a document its outlet from the rules: always for plain text,
    /// whose outlet is otherwise a guess from its words; for other formats
    /// only when the input names none.
    /// The rules as text, the same for the same rules: what the
    /// extraction cache keys on.
    pub fn fingerprint(&self) -> String {
        let mut folders: Vec<_> = self.folders.iter().collect();
        folders.sort_by(|a, b| a.0.cmp(b.0));
        format!("{folders:?} {:?}", self.global)
    }

    pub fn apply(&self, d: &mut Document) {
        if self.is_empty() {
            return;
        }
        let guessed = matches!(d.format, SourceFormat::Text) || d.meta.outlet.is_none();
        if guessed && let Some(o) = self.outlet_for(&d.path, d.url.as_deref()) {
            d.meta.outlet = Some(o.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_and_domains() {
        let (rules, w) = parse("# c\nnyt_* = The New York Times\napnews.com = AP\nbad line\n");
        assert_eq!(rules.len(), 2);
        assert_eq!(w.len(), 1);
        let mut s = Sources::default();
        s.folders.insert(PathBuf::from("news"), rules);
        let p = Path::new("news/NYT_0001.txt");
        assert_eq!(s.outlet_for(p, None), Some("The New York Times"));
        let q = Path::new("news/x.json#2");
        assert_eq!(
            s.outlet_for(q, Some("https://www.apnews.com/a")),
            Some("AP")
        );
        assert_eq!(s.outlet_for(q, Some("https://notapnews.com/a")), None);
        assert_eq!(s.outlet_for(Path::new("other/nyt_1.txt"), None), None);
    }
}
