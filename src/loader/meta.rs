//! Metadata values as inputs write them: dates in any common form, bylines
//! and site names with their decoration removed.

use crate::dates::parse_stamp;
use chrono::{DateTime, NaiveDate};

/// One article as an input format reads it, before cleaning: its text
/// (what the spans will index) and what the input says about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    /// Told apart from the other articles of the same file (`#3`).
    pub name: Option<String>,
    pub text: String,
    pub title: Option<String>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    pub warnings: Vec<String>,
}

/// A publication date from ISO 8601 (`2026-03-05`, `2026-03-05T10:00:00Z`:
/// the date as written, in the publisher's own time zone), RFC 2822
/// (`Thu, 05 Mar 2026 10:00:00 GMT`) or prose ("March 5, 2026").
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() >= 10
        && let Some(head) = s.get(..10)
        && let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d")
    {
        return Some(d);
    }
    if let Some(head) = s.get(..8)
        && s.len() >= 8
        && head.bytes().all(|b| b.is_ascii_digit())
        && let Ok(d) = NaiveDate::parse_from_str(head, "%Y%m%d")
    {
        return Some(d);
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    if let Ok(secs) = s.parse::<i64>()
        && (100_000_000..10_000_000_000).contains(&secs)
    {
        return DateTime::from_timestamp(secs, 0).map(|d| d.date_naive());
    }
    (s.len() <= 80).then(|| parse_stamp(s)).flatten()
}

/// A byline as a name: without "By", without a trailing date or "Updated",
/// and not a web address.
pub fn tidy_author(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut t = s.as_str();
    for p in ["By ", "by ", "BY ", "Written by ", "Posted by "] {
        if let Some(rest) = t.strip_prefix(p) {
            t = rest;
        }
    }
    for sep in [" | ", " Updated", " Published", " on "] {
        if let Some((head, _)) = t.split_once(sep) {
            t = head;
        }
    }
    let t = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '-' | '·'));
    let ok =
        !t.is_empty() && t.len() <= 120 && !t.contains("://") && t.chars().any(char::is_alphabetic);
    ok.then(|| t.to_string())
}

/// A site or publisher name, trimmed; a bare web address becomes its host.
pub fn tidy_outlet(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.contains("://") {
        return super::html::host_of(&s).map(str::to_string);
    }
    let ok = !s.is_empty() && s.len() <= 80 && s.chars().any(char::is_alphabetic);
    ok.then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_forms() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5);
        assert_eq!(parse_date("2026-03-05T23:30:00-05:00"), d);
        assert_eq!(parse_date("Thu, 05 Mar 2026 10:00:00 GMT"), d);
        assert_eq!(parse_date("March 5, 2026"), d);
        assert_eq!(parse_date("20260305"), d);
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn bylines_and_outlets() {
        assert_eq!(
            tidy_author("By  Ana Ruiz | Updated 3pm").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(tidy_author("https://example.org/staff/ana"), None);
        assert_eq!(
            tidy_outlet("https://www.example.org/").as_deref(),
            Some("example.org")
        );
    }
}
