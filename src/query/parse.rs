//! The filter language: words, fzf-style operators, field prefixes and
//! date bounds, read into a `Query`.

use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Any,
    Actor,
    Quote,
    Outlet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Fuzzy,
    Exact,
    Prefix,
    Suffix,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub field: Field,
    pub mode: Mode,
    pub negate: bool,
    /// Lower-case text to match.
    pub text: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Parts of the query that could not be read (shown to the user).
    pub errors: Vec<String>,
}

/// Help lines for the filter syntax, shown by the explorer's help.
pub const SYNTAX: &[(&str, &str)] = &[
    (
        "word",
        "fuzzy match on text, quotes, speakers, actors (with aliases), outlets",
    ),
    ("'word", "exact substring"),
    ("^word / word$", "at the start / end of the text"),
    ("!word", "exclude items that contain word"),
    ("@name", "actor or speaker (aliases count: @bibi)"),
    ("\"words", "quotes only, matching the quoted words"),
    ("#outlet", "cited or publishing outlet (#axios)"),
    (
        "from:DATE to:DATE",
        "date range, DATE as 2026-03-02 or 2026-03",
    ),
];

fn parse_date(s: &str, end: bool) -> Option<NaiveDate> {
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    let (y, m) = s.split_once('-')?;
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    if end {
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)?
        };
        next.pred_opt()
    } else {
        Some(first)
    }
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let mut q = Query::default();
        for raw in input.split_whitespace() {
            let lower = raw.to_lowercase();
            if let Some(d) = lower.strip_prefix("from:") {
                match parse_date(d, false) {
                    Some(d) => q.from = Some(d),
                    None => q
                        .errors
                        .push(format!("from:{d} is not a date (use 2026-03-02)")),
                }
                continue;
            }
            if let Some(d) = lower.strip_prefix("to:") {
                match parse_date(d, true) {
                    Some(d) => q.to = Some(d),
                    None => q
                        .errors
                        .push(format!("to:{d} is not a date (use 2026-03-04)")),
                }
                continue;
            }
            let mut t = lower.as_str();
            let negate = t.starts_with('!');
            t = t.trim_start_matches('!');
            let field = match t.chars().next() {
                Some('@') => Field::Actor,
                Some('"') => Field::Quote,
                Some('#') => Field::Outlet,
                _ => Field::Any,
            };
            if field != Field::Any {
                t = &t[1..];
            }
            let mut mode = if negate { Mode::Exact } else { Mode::Fuzzy };
            if let Some(rest) = t.strip_prefix('\'') {
                mode = Mode::Exact;
                t = rest;
            } else if let Some(rest) = t.strip_prefix('^') {
                mode = Mode::Prefix;
                t = rest;
            } else if let Some(rest) = t.strip_suffix('$') {
                mode = Mode::Suffix;
                t = rest;
            }
            let t = t.trim_end_matches('"');
            if t.is_empty() {
                continue;
            }
            q.terms.push(Term {
                field,
                mode,
                negate,
                text: t.to_string(),
            });
        }
        q
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.from.is_none() && self.to.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_operators_fields_and_dates() {
        let q = Query::parse(
            "bibi 'exact ^start end$ !not @actor \"quote #axios from:2026-03-02 to:2026-03",
        );
        let kinds: Vec<(Field, Mode, bool, &str)> = q
            .terms
            .iter()
            .map(|t| (t.field, t.mode, t.negate, t.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (Field::Any, Mode::Fuzzy, false, "bibi"),
                (Field::Any, Mode::Exact, false, "exact"),
                (Field::Any, Mode::Prefix, false, "start"),
                (Field::Any, Mode::Suffix, false, "end"),
                (Field::Any, Mode::Exact, true, "not"),
                (Field::Actor, Mode::Fuzzy, false, "actor"),
                (Field::Quote, Mode::Fuzzy, false, "quote"),
                (Field::Outlet, Mode::Fuzzy, false, "axios"),
            ]
        );
        assert_eq!(q.from, NaiveDate::from_ymd_opt(2026, 3, 2));
        assert_eq!(q.to, NaiveDate::from_ymd_opt(2026, 3, 31));
        assert!(Query::parse("from:yesterday").errors[0].contains("not a date"));
    }
}
