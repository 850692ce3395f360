//! The filter language, shared by the explorer and `export --filter`.
//!
//! Words are fuzzy by default and match event text, quote text and
//! speakers, actor names with their aliases, and outlets. Like fzf:
//! `'word` matches exactly, `^word` at the start, `word$` at the end, and
//! `!word` excludes. Field prefixes narrow a word: `@actor`, `"quote`,
//! `#outlet`. `from:2026-03-02` and `to:2026-03-04` (or `from:2026-03`)
//! bound the dates.

use crate::model::Model;
use crate::timeline::Item;
use chrono::NaiveDate;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

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

/// The text an item offers to each field, lower-cased once.
#[derive(Debug, Clone, Default)]
pub struct Haystack {
    pub text: String,
    pub actors: String,
    pub quote: Option<String>,
    pub outlets: String,
}

impl Haystack {
    pub fn of(item: &Item, model: &Model) -> Haystack {
        let mut actors = String::new();
        for &a in &item.actors {
            let a = &model.actors[a];
            actors.push_str(&a.name);
            for al in &a.aliases {
                actors.push('\n');
                actors.push_str(al);
            }
            actors.push('\n');
        }
        if let Some(s) = &item.speaker {
            actors.push_str(s);
        }
        let quote = match item.what {
            crate::timeline::ItemRef::Quote(i) => Some(model.quotes[i].text.to_lowercase()),
            _ => None,
        };
        Haystack {
            text: item.text.to_lowercase(),
            actors: actors.to_lowercase(),
            quote,
            outlets: item.outlets.join(" | ").to_lowercase(),
        }
    }
}

/// Scores items against a query: `None` when an item does not match.
/// Fuzzy words must match strongly (a scattered subsequence across a long
/// sentence does not count), so short queries do not match everything.
pub struct Matcher {
    fuzzy: SkimMatcherV2,
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher {
            fuzzy: SkimMatcherV2::default().ignore_case(),
        }
    }
}

impl Matcher {
    /// A fuzzy hit counts when it is close to what the word would score
    /// as a run of letters (about 20 a letter; scattered letters lose most).
    fn fuzzy_score(&self, hay: &str, needle: &str) -> Option<i64> {
        if !quick_reject_ok(hay, needle) {
            return None;
        }
        let s = self.fuzzy.fuzzy_match(hay, needle)?;
        let n = needle.chars().count() as i64;
        (s >= strong_threshold(n)).then_some(s)
    }

    fn term_score(&self, t: &Term, h: &Haystack) -> Option<i64> {
        let fields: Vec<&str> = match t.field {
            Field::Any => {
                let mut v = vec![h.text.as_str(), h.actors.as_str(), h.outlets.as_str()];
                if let Some(q) = &h.quote {
                    v.push(q);
                }
                v
            }
            Field::Actor => vec![h.actors.as_str()],
            Field::Quote => vec![h.quote.as_deref()?],
            Field::Outlet => vec![h.outlets.as_str()],
        };
        let n = t.text.chars().count() as i64;
        // Each name is matched on its own: letters taken from two names
        // ("ru-bi-o | ru-bi-o") are not a match for "bibi".
        let names = h.actors.split('\n').filter(|n| !n.is_empty());
        let fields: Vec<&str> = if matches!(t.field, Field::Any | Field::Actor) {
            fields
                .into_iter()
                .filter(|f| !std::ptr::eq(*f, h.actors.as_str()))
                .chain(names)
                .collect()
        } else {
            fields
        };
        let best = fields
            .iter()
            .filter_map(|f| match t.mode {
                Mode::Fuzzy => self.fuzzy_score(f, &t.text),
                Mode::Exact => f.contains(&t.text).then_some(20 * n),
                Mode::Prefix => f.starts_with(&t.text).then_some(20 * n),
                Mode::Suffix => f
                    .trim_end_matches(['.', '”', '"', ' '])
                    .ends_with(&t.text)
                    .then_some(20 * n),
            })
            .max();
        // A word found among the actors (an alias, a speaker) ranks first.
        let actor_bonus = if t.field == Field::Any && fields.len() > 1 && t.mode == Mode::Fuzzy {
            h.actors.contains(&t.text) as i64 * 10 * n
        } else {
            0
        };
        best.map(|b| b + actor_bonus)
    }

    /// The item's score, higher is better.
    pub fn score(&self, q: &Query, item: &Item, h: &Haystack) -> Option<i64> {
        if q.from.is_some_and(|f| item.date.end < f) || q.to.is_some_and(|t| item.date.start > t) {
            return None;
        }
        let mut total = 0;
        for t in &q.terms {
            match (self.term_score(t, h), t.negate) {
                (Some(_), true) | (None, false) => return None,
                (Some(s), false) => total += s,
                (None, true) => {}
            }
        }
        Some(total)
    }

    /// Char positions of `text` matched by the query's positive words.
    pub fn highlight(&self, q: &Query, text: &str) -> Vec<usize> {
        let lower = text.to_lowercase();
        let mut out = Vec::new();
        for t in q
            .terms
            .iter()
            .filter(|t| !t.negate && matches!(t.field, Field::Any | Field::Quote))
        {
            match t.mode {
                Mode::Fuzzy => {
                    if let Some((s, idx)) = self.fuzzy.fuzzy_indices(text, &t.text)
                        && s >= strong_threshold(t.text.chars().count() as i64)
                    {
                        out.extend(idx);
                    }
                }
                _ => {
                    if let Some(b) = lower.find(&t.text) {
                        let start = lower[..b].chars().count();
                        out.extend(start..start + t.text.chars().count());
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The lowest fuzzy score that still reads as the word itself: skim gives
/// about 16 a letter plus bonuses, minus penalties for gaps.
fn strong_threshold(n: i64) -> i64 {
    if n <= 1 { 1 } else { 14 * n }
}

/// Cheap test that every letter of the needle occurs in the haystack.
fn quick_reject_ok(hay: &str, needle: &str) -> bool {
    let mask = |s: &str| {
        s.bytes()
            .filter(u8::is_ascii_alphanumeric)
            .fold(0u64, |m, b| m | 1 << (b.to_ascii_lowercase() % 64))
    };
    let n = mask(needle);
    mask(hay) & n == n
}

/// Filters and ranks the timeline: indices of matching items, in timeline
/// order, or by score (best first) when `by_relevance`.
pub fn filter(
    model: &Model,
    items: &[Item],
    hays: &[Haystack],
    q: &Query,
    by_relevance: bool,
) -> Vec<usize> {
    let m = Matcher::default();
    let mut hits: Vec<(usize, i64)> = items
        .iter()
        .zip(hays)
        .enumerate()
        .filter_map(|(i, (it, h))| m.score(q, it, h).map(|s| (i, s)))
        .collect();
    let _ = model;
    if by_relevance {
        hits.sort_by_key(|&(i, s)| (std::cmp::Reverse(s), i));
    }
    hits.into_iter().map(|(i, _)| i).collect()
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

    #[test]
    fn scattered_subsequences_are_not_matches() {
        let m = Matcher::default();
        let long =
            "officials in washington remain doubtful that either side is ready to pursue diplomacy";
        assert!(m.fuzzy_score(long, "bibi").is_none());
        assert!(m.fuzzy_score("i said 'too late!'", "too late").is_some());
        assert!(m.fuzzy_score("benjamin netanyahu | bibi", "bibi").is_some());
        assert!(
            m.fuzzy_score("netanyahu called", "ntnyhu").is_some(),
            "close fuzzy still matches"
        );
    }
}
