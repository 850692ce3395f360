//! Dates counted from another event: "a day after US strikes began", "two
//! days before the vote", "since the war began". The phrase is found here,
//! in one sentence; the event it names is looked up among the dated events
//! of the whole corpus once every article is read.

use super::calendar::{add_days, shift};
use super::number_word;
use crate::model::{Basis, DateInfo, Precision};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// An event-anchored expression: how far from the named event, and the
/// words that name it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Anchor {
    /// Units after (positive) or before (negative) the event; 0 for "hours
    /// after", the same day.
    pub offset: i64,
    pub unit: Unit,
    /// "since the war began": from the event to the publication date.
    pub since: bool,
    /// The named event's words as [`stem`] gives them, function words left out.
    pub words: Vec<Box<str>>,
    /// Whether it names an event's beginning ("the strikes began"), which
    /// only an event that says it began can date.
    pub onset: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

static ANCHOR_RE: LazyLock<Regex> = LazyLock::new(|| {
    let num = r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]{1,3}";
    Regex::new(&format!(
        r#"(?i)(?-u:\b)(?:(?:(?P<n>{num})\s+(?P<unit>day|week|month|year)s?|(?P<hours>(?:(?:{num}|a\s+few|several|just|only|mere)\s+)?(?:hours?|minutes?)))\s+(?P<dir>after|before)|(?P<since>since|ever\s+since))\s+(?P<event>(?:(?-i:[A-Z]\.)|[^,;:.!?()\[\]“”"]){{3,160}})"#
    ))
    .expect("anchor regex")
});

/// Verbs that name the start of an event.
static ONSET_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:began|begun|begin|begins|beginning|started|starts|start|launched|launch|erupted|broke\s+out|kicked\s+off|opened)(?-u:\b)")
        .expect("onset regex")
});

/// Words that name no event: articles, prepositions, pronouns, auxiliaries.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from",
    "as", "into", "its", "his", "her", "their", "our", "this", "that", "these", "those", "it",
    "they", "was", "were", "is", "are", "be", "been", "had", "has", "have", "which", "who",
    "first", "last", "new", "joint", "said", "says", "reportedly", "officially", "just",
];

/// Nouns for armed conflict, which news uses for one another.
#[rustfmt::skip]
const CONFLICT: &[&str] = &[
    "war", "strike", "airstrike", "attack", "assault", "offensive", "invasion", "bombing",
    "bombardment", "raid", "hostilities", "fighting", "conflict", "campaign", "operation",
];

/// A word as the named event and the dated events are compared by: lower
/// case, dots dropped ("U.S." is "us"), endings cut ("votes", "voted",
/// "voting" are "vot"; "Israel" and "Israeli" are "israe"), and the nouns of
/// armed conflict one word.
pub fn stem(word: &str) -> Option<Box<str>> {
    let w: String = word
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if w.is_empty() || STOP.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut s = w.as_str();
    for suffix in ["ing", "ed", "es", "s"] {
        if s.len() > suffix.len() + 2 && s.ends_with(suffix) && !s.ends_with("ss") {
            s = &s[..s.len() - suffix.len()];
            break;
        }
    }
    if CONFLICT
        .iter()
        .any(|c| s == *c || c.strip_suffix('e') == Some(s))
    {
        return Some("~conflict".into());
    }
    let s = s.strip_suffix('e').filter(|r| r.len() >= 2).unwrap_or(s);
    let cut = s.char_indices().nth(5).map_or(s.len(), |(i, _)| i);
    Some(s[..cut].into())
}

/// The stems of `text`'s words, each once.
pub fn stems(text: &str) -> Vec<Box<str>> {
    let mut out: Vec<Box<str>> = Vec::new();
    for w in text.split(|c: char| c.is_whitespace() || c == '-' || c == '/') {
        if let Some(s) = stem(w)
            && !out.contains(&s)
        {
            out.push(s);
        }
    }
    out
}

/// Whether `text` says that something began.
fn names_onset(text: &str) -> bool {
    ONSET_RE.is_match(text)
}

/// Whether `text` dates a beginning: it says that something began, and not
/// only as the point another event is counted from ("talks stalled days
/// after the strikes began" dates the talks, not the strikes).
pub fn states_onset(text: &str) -> bool {
    ONSET_RE.find_iter(text).any(|m| {
        let clause = text[..m.start()]
            .rsplit([',', ';', ':', '.'])
            .next()
            .unwrap_or("");
        !clause.split_whitespace().any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "after" | "before" | "since" | "until" | "following"
            )
        })
    })
}

/// The first event-anchored expression in `text` (one sentence).
pub fn find_anchor(text: &str) -> Option<Anchor> {
    // Most sentences hold none of the three words: no regex for them.
    let bytes = text.as_bytes();
    let has = |w: &[u8]| bytes.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
    if !(has(b"after") || has(b"before") || has(b"since")) {
        return None;
    }
    let caps = ANCHOR_RE.captures(text)?;
    let event = caps.name("event")?.as_str();
    // The named event ends where its clause does ("..., officials said").
    let event = event.split(" and then ").next().unwrap_or(event);
    let onset = names_onset(event);
    let named = ONSET_RE.replace_all(event, " ");
    let words = stems(&named);
    if words.is_empty() {
        return None;
    }
    let after = caps
        .name("dir")
        .is_some_and(|d| d.as_str().eq_ignore_ascii_case("after"));
    let since = caps.name("since").is_some();
    // "since" also gives a reason ("since he was ill"): only a beginning
    // ("since the war began") is a point to count from.
    if since && !onset {
        return None;
    }
    let (offset, unit) = if since || caps.name("hours").is_some() {
        (0, Unit::Day)
    } else {
        let n = number_word(caps.name("n")?.as_str())?;
        let unit = match caps.name("unit")?.as_str().to_ascii_lowercase().as_str() {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            _ => Unit::Year,
        };
        (if after { n } else { -n }, unit)
    };
    Some(Anchor {
        offset,
        unit,
        since,
        words,
        onset,
    })
}

impl Anchor {
    /// The date counted from the named event's date `event`; `published` is
    /// the publication date of the article that counts ("since" runs to it).
    pub fn resolve(&self, event: DateInfo, published: Option<NaiveDate>) -> Option<DateInfo> {
        let basis = Basis::Anchored;
        if self.since {
            let end = published.filter(|&p| p >= event.end).unwrap_or(event.end);
            let days = (end - event.start).num_days();
            let precision = match days {
                0 => event.precision,
                1..=6 => Precision::Week,
                7..=31 => Precision::Month,
                32..=366 => Precision::Year,
                _ => Precision::Decade,
            };
            return Some(DateInfo {
                start: event.start,
                end,
                precision: precision.max(event.precision),
                basis,
            });
        }
        let d = match self.unit {
            // A day or week from an event known to the day only.
            Unit::Day | Unit::Week if event.precision != Precision::Day => return None,
            Unit::Day => DateInfo::day(add_days(event.start, self.offset)?, basis),
            Unit::Week => DateInfo::day(add_days(event.start, 7 * self.offset)?, basis),
            Unit::Month => shift(event, "month", self.offset)?,
            Unit::Year => shift(event, "year", self.offset)?,
        };
        Some(DateInfo { basis, ..d })
    }
}
