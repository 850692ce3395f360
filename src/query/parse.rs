//! The filter language: words, fzf-style operators, field prefixes and
//! date bounds, read into a `Query`.

use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Any,
    Actor,
    Quote,
    Outlet,
    /// The speaker of a quote (`said:name`).
    Speaker,
}

/// What kind of row a query keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Quote,
    Event,
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
    /// Also keep rows whose date is wider than the range but overlaps it
    /// (a month row in a one-day range); by default they are left out.
    pub wider: bool,
    /// Only quotes, or only events.
    pub kind: Option<Kind>,
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
    (
        "@name",
        "actor or speaker whose name or alias has a word starting so (@bill, @netan)",
    ),
    ("said:name", "quotes by that speaker, matched the same way"),
    ("\"words", "quotes only, matching the quoted words"),
    (
        "is:quote / is:event",
        "quotes only / events only (a bare \" too)",
    ),
    ("#outlet", "cited or publishing outlet (#axios)"),
    (
        "from:DATE to:DATE",
        "rows whose dates lie inside the range, DATE as 2026-03-02 or 2026-03",
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
            if let Some(k) = lower.strip_prefix("is:") {
                match k {
                    "quote" | "quotes" => q.kind = Some(Kind::Quote),
                    "event" | "events" => q.kind = Some(Kind::Event),
                    _ => q
                        .errors
                        .push(format!("is:{k} is not a kind (use is:quote or is:event)")),
                }
                continue;
            }
            if lower == "\"" {
                q.kind = Some(Kind::Quote);
                continue;
            }
            let (said, lower) = match lower.strip_prefix("said:") {
                Some(rest) => (true, rest.to_string()),
                None => (false, lower),
            };
            let mut t = lower.as_str();
            let negate = t.starts_with('!');
            t = t.trim_start_matches('!');
            let field = match t.chars().next() {
                _ if said => Field::Speaker,
                Some('@') => Field::Actor,
                Some('"') => Field::Quote,
                Some('#') => Field::Outlet,
                _ => Field::Any,
            };
            if !matches!(field, Field::Any | Field::Speaker) {
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
            // Names are matched with their accents folded away.
            let text = if matches!(field, Field::Actor | Field::Speaker) {
                super::haystack::fold(t)
            } else {
                t.to_string()
            };
            q.terms.push(Term {
                field,
                mode,
                negate,
                text,
            });
        }
        q
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.from.is_none() && self.to.is_none() && self.kind.is_none()
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
        assert_eq!(q.kind, None);
    }

    #[test]
    fn kinds_and_speakers() {
        assert_eq!(Query::parse("is:quote").kind, Some(Kind::Quote));
        assert_eq!(Query::parse("is:event oil").kind, Some(Kind::Event));
        assert_eq!(Query::parse("\" oil").kind, Some(Kind::Quote));
        assert!(Query::parse("is:thing").errors[0].contains("not a kind"));
        let q = Query::parse("said:Trump @José");
        assert_eq!(
            (q.terms[0].field, q.terms[0].text.as_str()),
            (Field::Speaker, "trump")
        );
        assert_eq!(
            (q.terms[1].field, q.terms[1].text.as_str()),
            (Field::Actor, "jose"),
            "accents folded"
        );
    }
}
