//! Temporal expressions: finding them in a sentence and resolving them
//! against the publication date of the article that states them.
//!
//! One combined regex finds every candidate in a single scan; each match is
//! then resolved by the alternative that produced it. News is written in the
//! past tense, so an underspecified date ("Monday", "in June", "March 2")
//! resolves to the most recent one before publication unless the words just
//! before it speak of the future ("will", "is expected to", "until").

use crate::model::{Basis, DateInfo, Precision};
use crate::span::{Span, ceil_char, floor_char};
use chrono::{Datelike, NaiveDate};
use regex::{Captures, Regex};
use std::sync::LazyLock;

mod anchor;
mod calendar;
mod units;
pub use anchor::{Anchor, Unit, find_anchor, states_onset, stems};
use calendar::*;
use units::{current_part, relative_unit};

/// One temporal expression found in a text, with its byte range in that text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub date: DateInfo,
}

const FULL_MONTHS: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";
const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    // A month name, full or abbreviated ("Sept.", "Mar"), always capitalised
    // so that the verbs "may" and "march" never match.
    let mon = format!(
        r"(?:(?:{FULL_MONTHS})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|\b))"
    );
    let wday = format!(r"(?:(?:{WEEKDAYS}),?|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.,?)\s+");
    let num = r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}";
    let alternatives = [
        r"\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})".to_string(),
        r"\b(?P<sm>\d{1,2})/(?P<sd>\d{1,2})/(?P<sy>\d{4}|\d{2})\b".to_string(),
        format!(
            r"(?:\b{wday})?\b(?P<mdm>{mon})\s*(?P<mdd>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<mdy>\d{{4}})\b)?"
        ),
        format!(
            r"(?:\b{wday})?\b(?P<dmd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmm>{mon})(?:,?\s+(?P<dmy>\d{{4}})\b)?"
        ),
        format!(r"\b(?P<mym>{mon})\s+(?:of\s+)?(?P<myy>\d{{4}})\b"),
        format!(
            r"\b(?P<mrm>{FULL_MONTHS})\s+of\s+(?P<mrr>(?i:next|last|this|the\s+following|the\s+previous))\s+(?i:year)\b"
        ),
        format!(
            r"\b(?i:the\s+(?P<wom>first|second|third|fourth|last|final)\s+week\s+of)\s+(?P<womm>{FULL_MONTHS})\b"
        ),
        format!(
            r"\b(?P<mmod>(?i:early|late|last|next|this|(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+|(?i:mid)-?\s*)(?P<mmon>{FULL_MONTHS})\b"
        ),
        format!(r"\b(?P<bm>{FULL_MONTHS})\b"),
        format!(
            r"\b(?:(?P<wmod>(?i:last|next|this\s+coming|this|early|late|(?:early|late|later)\s+on))\s+)?(?P<wd>{WEEKDAYS})\b(?:\s+(?i:morning|afternoon|evening|night))?"
        ),
        r"\b(?P<rel>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|(?:earlier|later)\s+today|yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night))\b"
            .to_string(),
        r"\b(?P<now>now)\b".to_string(),
        format!(
            r"\b(?P<agon>(?i:{num}))\s+(?P<agou>(?i:day|week|month|year))s?\s+(?P<agow>(?i:ago|earlier|later))\b"
        ),
        r"\b(?:(?:a|the)\s+)?(?P<row>(?i:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)))\s+(?:(?P<rowq>(?i:straight|consecutive|successive))\s+)?(?P<rowu>(?i:day|week|month|year))(?P<rowr>\s+(?i:in\s+a\s+row))?\b"
            .to_string(),
        r"\b(?P<inday>(?i:(?:late|later|early|earlier)\s+in\s+the\s+day))\b".to_string(),
        r"\b(?i:the\s+(?P<adjd>previous|prior|next|following)\s+(?P<adju>day|week|month|year)|the\s+(?P<adju2>day|week|month|year)\s+(?P<adjd2>before|after|previous|prior|earlier))\b"
            .to_string(),
        r"\b(?:(?i:earlier|later|early|late|(?:at\s+)?the\s+(?:end|beginning|start|middle|rest|close|turn)\s+of)\s+)?(?P<rrel>(?i:this|last|next|past|the\s+past|the\s+last|the\s+previous|the\s+coming|the\s+current|the\s+same|that|the\s+entire|the\s+whole|the\s+full|the))\s+(?P<runit>(?i:weekend|week|month|year|period|time|day))\b(?:\s+(?P<rshift>(?i:last\s+year|a\s+year\s+(?:earlier|ago|before))))?"
            .to_string(),
        // A decade, "the 1980s", "the 1980's", "the mid-'90s": never its first year.
        r"(?:(?i:early|late|mid)-?\s*)?\b(?P<dec>(?:1[0-9]|20)[0-9]0)['’]?s\b".to_string(),
        r"(?:(?i:early|late|mid)-?\s*)?[‘’'](?P<dec2>[0-9]0)s\b".to_string(),
        r"(?:(?P<ymod>(?i:early|late|(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half|spring|summer|autumn|fall|winter)\s+of)\s+|(?i:mid)-?))?\b(?P<year>(?:19|20)\d\d)\b"
            .to_string(),
        r"[‘’'](?P<y2>\d\d)\b".to_string(),
    ];
    // ASCII word boundaries and digits keep the whole scan in the lazy DFA
    // even on text with curly quotes and other non-ASCII characters.
    let pattern = alternatives
        .join("|")
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\d", "[0-9]");
    Regex::new(&pattern).expect("date regex")
});

/// Words before a date that put it in the future.
static FUTURE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:will|won['’]t|shall|would|should|going\s+to|(?:is|are|be)\s+(?:expected|scheduled|set|due|slated|planned|poised|likely)|expects?\s+to|plans?\s+to|planning\s+to|planned\s+(?:for|to)|intends?\s+to|wants?\s+to|aims?\s+to|until|till|upcoming)\b|['’]ll\b",
    )
    .expect("future regex")
});

/// Future verbs that make a date before them future: "On Friday, they will meet".
static FUTURE_AFTER_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:will|won['’]t|(?:is|are)\s+(?:expected|scheduled|set|due|slated))\b|['’]ll\b",
    )
    .expect("future-after regex")
});

/// "than" after "three days later": a comparison with the date just given.
static LATER_THAN_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+than\b").expect("later-than regex"));

/// A reporting verb closes the clause whose tense matters ("X will go, he said Monday").
static REPORT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:said|says|announced|reported|told|stated|added|confirmed)\b")
        .expect("report regex")
});

/// Units a number is followed by when it is a quantity and not a year.
#[rustfmt::skip]
const NOT_YEAR_NEXT: &[&str] = &[
    "people", "persons", "troops", "soldiers", "employees", "workers", "jobs", "staff", "points",
    "percent", "per", "units", "cars", "vehicles", "dealers", "dealerships", "shares", "dollars",
    "euros", "yen", "pounds", "miles", "km", "kilometers", "kilometres", "meters", "metres", "feet",
    "tons", "tonnes", "barrels", "hours", "hrs", "minutes", "seconds", "students", "members",
    "homes", "houses", "stores", "seats", "votes", "kg", "lbs", "mm", "cc", "mph", "hp", "rpm",
    "degrees", "pages", "times", "copies", "gmt", "utc", "am", "pm", "acres", "residents",
    "customers", "users", "planes", "aircraft", "flights", "passengers", "plants", "factories",
];

/// Words before a weekday that make it part of a name ("Black Monday").
#[rustfmt::skip]
const WEEKDAY_NAMES: &[&str] = &[
    "black", "cyber", "good", "easter", "ash", "bloody", "super", "holy", "blue", "fat", "palm",
    "shrove", "maundy", "whit", "giving",
];

/// Words before a bare "May" that make it the month rather than a name.
#[rustfmt::skip]
const MAY_BEFORE: &[&str] = &[
    "in", "since", "until", "till", "by", "of", "early", "late", "mid", "last", "next", "this",
    "from", "through", "during", "before", "after", "between", "end", "beginning", "start",
];

/// Words before a number that make it a name or a label, not a year ("Flight 1923").
#[rustfmt::skip]
const NOT_YEAR_BEFORE: &[&str] = &[
    "flight", "no", "number", "route", "resolution", "highway", "room", "article", "section",
    "model", "gate", "bus", "exit", "interstate", "code", "box", "suite", "unit", "battalion",
    "brigade", "division", "regiment", "squadron", "vision", "agenda", "channel", "page",
];

/// Finds and resolves every temporal expression in `text` (one sentence).
/// `previous` is the date of the sentence before ("the same day").
pub fn find_dates(
    text: &str,
    published: NaiveDate,
    previous: Option<DateInfo>,
) -> Vec<DateMention> {
    let mut recent = Recent {
        last: previous,
        day: previous.filter(|d| d.precision == Precision::Day),
    };
    find_dates_after(text, published, &mut recent)
}

/// The dates spoken of so far in an article, which "the same day" and
/// "later in the day" refer back to.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Recent {
    /// The last date mentioned.
    pub last: Option<DateInfo>,
    /// The last single day mentioned: "the day" is that day even when a
    /// coarser date ("a year ago", "in 1983") came between.
    pub day: Option<DateInfo>,
}

impl Recent {
    /// Takes `d` as the date last spoken of.
    pub fn push(&mut self, d: DateInfo) {
        self.last = Some(d);
        if d.precision == Precision::Day {
            self.day = Some(d);
        }
    }
}

/// [`find_dates`] for the next sentence of an article: `recent` holds the
/// dates of the sentences before and is updated with this one's.
pub fn find_dates_after(text: &str, published: NaiveDate, recent: &mut Recent) -> Vec<DateMention> {
    let mut out = Vec::new();
    for caps in DATE_RE.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let ctx = Ctx {
            text,
            start: whole.start(),
            end: whole.end(),
            published,
            previous: recent.last,
            previous_day: recent.day,
        };
        if let Some((start, date)) = resolve(&caps, &ctx) {
            recent.push(date);
            out.push(DateMention {
                start,
                end: whole.end(),
                date,
            });
        }
    }
    out
}

/// Parses a date stamp as bylines and social posts write it:
/// "March 5, 2026", "Mar 05, 2026", "3:24 AM · Mar 4, 2026", "2026-03-04".
pub fn parse_stamp(s: &str) -> Option<NaiveDate> {
    DATE_RE
        .captures_iter(s)
        .find_map(|caps| match stated_day(&caps, None)? {
            (d, true) => Some(d),
            _ => None,
        })
}

struct Ctx<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    published: NaiveDate,
    previous: Option<DateInfo>,
    /// The last single day spoken of.
    previous_day: Option<DateInfo>,
}

impl Ctx<'_> {
    fn future(&self) -> bool {
        is_future(self.text, self.start, self.end)
    }

    /// The day "the day" refers back to: the date just spoken of when it is
    /// a day, else the last day spoken of before it.
    fn day_before(&self) -> Option<DateInfo> {
        inherit_day(
            self.previous
                .filter(|d| d.precision == Precision::Day)
                .or(self.previous_day)?,
        )
    }
}

/// Resolves one match; returns the start of the mention (a leading "On" or
/// similar is never part of the match) and its date, or None to drop it.
fn resolve(caps: &Captures, ctx: &Ctx) -> Option<(usize, DateInfo)> {
    let pubd = ctx.published;
    let g = |name: &str| caps.name(name).map(|m| m.as_str());
    let start = ctx.start;
    if let Some((d, _)) = stated_day(caps, Some(ctx)) {
        return Some((start, DateInfo::day(d, Basis::Stated)));
    }
    if let (Some(m), Some(y)) = (g("mym"), g("myy")) {
        return Some((
            start,
            month_info(y.parse().ok()?, month_number(m)?, Basis::Stated)?,
        ));
    }
    if let (Some(m), Some(rel)) = (g("mrm"), g("mrr")) {
        let y = pubd.year() + year_offset(rel);
        return Some((start, month_info(y, month_number(m)?, Basis::Relative)?));
    }
    if let (Some(nth), Some(m)) = (g("wom"), g("womm")) {
        let month = resolve_month(month_number(m)?, pubd, ctx.future())?;
        return Some((start, week_of_month(month.start, nth)?));
    }
    if let (Some(modifier), Some(m)) = (g("mmod"), g("mmon")) {
        let month = month_number(m)?;
        let modifier = modifier.trim().to_ascii_lowercase();
        let d = match modifier.as_str() {
            "last" => resolve_month_strict(month, pubd, false)?,
            "next" => resolve_month_strict(month, pubd, true)?,
            _ => resolve_month(month, pubd, ctx.future())?,
        };
        return Some((start, d));
    }
    if let Some(m) = g("bm") {
        if m == "May"
            && !MAY_BEFORE.contains(&prev_word(ctx.text, start).to_ascii_lowercase().as_str())
        {
            return None;
        }
        return Some((start, resolve_month(month_number(m)?, pubd, ctx.future())?));
    }
    if let Some(wd) = caps.name("wd") {
        let lead = prev_word(ctx.text, start).to_ascii_lowercase();
        if WEEKDAY_NAMES.contains(&lead.as_str()) {
            return None;
        }
        let target = weekday_number(wd.as_str())?;
        let modifier = g("wmod")
            .map(|s| s.to_ascii_lowercase())
            .unwrap_or_default();
        let d = match modifier.split_whitespace().next() {
            Some("last") => weekday_before(pubd, target, true),
            Some("next") => weekday_after(pubd, target),
            Some("this") if modifier.contains("coming") => weekday_after(pubd, target),
            _ if ctx.future() => weekday_after(pubd, target),
            _ => weekday_before(pubd, target, false),
        };
        return Some((start, DateInfo::day(d, Basis::Relative)));
    }
    if let Some(rel) = g("rel") {
        let rel = rel.to_ascii_lowercase();
        let offset: i64 = if rel.contains("before yesterday") {
            -2
        } else if rel.contains("after tomorrow") {
            2
        } else if rel.starts_with("yesterday") || rel.starts_with("last night") {
            -1
        } else if rel.starts_with("tomorrow") {
            1
        } else {
            0
        };
        return Some((
            start,
            DateInfo::day(add_days(pubd, offset)?, Basis::Relative),
        ));
    }
    if g("now").is_some() {
        if ctx.text[caps.get(0)?.end()..].starts_with('-') {
            return None;
        }
        return Some((start, DateInfo::day(pubd, Basis::Published)));
    }
    if let (Some(n), Some(unit), Some(way)) = (g("agon"), g("agou"), g("agow")) {
        let n = number_word(n)?;
        let unit = unit.to_ascii_lowercase();
        let way = way.to_ascii_lowercase();
        return if way == "ago" {
            // "a week ago" is a day; "a year ago" the year before.
            let d = shift(DateInfo::day(pubd, Basis::Relative), &unit, -n)?;
            Some((
                start,
                if unit == "day" || unit == "week" {
                    d
                } else {
                    coarsen(d, &unit)
                },
            ))
        } else if LATER_THAN_RE.is_match(&ctx.text[ctx.end..]) {
            // "on November 11, three days later than planned": the date
            // just given, compared with another.
            Some((start, inherit(ctx.previous?)))
        } else {
            let n = if way == "earlier" { -n } else { n };
            Some((start, shift(ctx.previous?, &unit, n)?))
        };
    }
    if let (Some(_), Some(unit)) = (g("row"), g("rowu")) {
        // "for a fourth straight week", "the third day in a row": a streak
        // that reaches the unit now reported.
        if g("rowq").is_none() && g("rowr").is_none() {
            return None;
        }
        let d = match unit.to_ascii_lowercase().as_str() {
            "day" => DateInfo::day(pubd, Basis::Relative),
            "week" => week_info(pubd, Basis::Relative)?,
            "month" => month_info(pubd.year(), pubd.month(), Basis::Relative)?,
            _ => year_info(pubd.year(), Basis::Relative)?,
        };
        return Some((start, d));
    }
    if g("inday").is_some() {
        return Some((start, ctx.day_before()?));
    }
    if let Some(unit) = g("adju").or(g("adju2")) {
        let dir = g("adjd").or(g("adjd2"))?.to_ascii_lowercase();
        let n = if matches!(dir.as_str(), "next" | "following" | "after") {
            1
        } else {
            -1
        };
        let unit = unit.to_ascii_lowercase();
        let base = ctx
            .previous
            .unwrap_or(DateInfo::day(pubd, Basis::Published));
        let d = shift(base, &unit, n)?;
        return Some((start, coarsen(d, &unit)));
    }
    if let (Some(rel), Some(unit)) = (g("rrel"), g("runit")) {
        let d = relative_unit(rel, unit, ctx)?;
        return match g("rshift") {
            Some(_) => Some((start, shift(d, "year", -1)?)),
            None => Some((start, current_part(caps, rel, d, ctx))),
        };
    }
    if let Some(y) = g("dec") {
        return Some((start, decade_info(y.parse().ok()?, Basis::Stated)?));
    }
    if let Some(y) = g("dec2") {
        let before = ctx.text[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric()) {
            return None;
        }
        let y = two_digit_year(y.parse().ok()?, pubd);
        return Some((start, decade_info(y, Basis::Stated)?));
    }
    if let Some(y) = caps.name("year") {
        let modified = g("ymod").is_some();
        if !modified && !year_context(ctx.text, y.start(), y.end()) {
            return None;
        }
        return Some((start, year_info(y.as_str().parse().ok()?, Basis::Stated)?));
    }
    if let Some(y) = g("y2") {
        let before = ctx.text[..start].chars().next_back();
        // "''27 companies" opens a quotation with a doubled apostrophe:
        // a mark before the mark is a quote, not an elided century.
        if before.is_some_and(|c| c.is_alphanumeric() || "'‘’\"“”`".contains(c)) {
            return None;
        }
        return Some((
            start,
            year_info(two_digit_year(y.parse().ok()?, pubd), Basis::Stated)?,
        ));
    }
    None
}

/// A day written as a date: ISO, slashed (US order) or with a month name.
/// The flag is true when the year was written too.
fn stated_day(caps: &Captures, ctx: Option<&Ctx>) -> Option<(NaiveDate, bool)> {
    let g = |name: &str| caps.name(name).map(|m| m.as_str());
    let num = |name: &str| g(name).and_then(|s| s.parse::<u32>().ok());
    if let (Some(y), Some(m), Some(d)) = (num("iy"), num("im"), num("id")) {
        return Some((NaiveDate::from_ymd_opt(y as i32, m, d)?, true));
    }
    if let (Some(m), Some(d), Some(y)) = (num("sm"), num("sd"), g("sy")) {
        let y: i32 = y.parse().ok()?;
        let y = if y < 100 {
            two_digit_year(y, ctx.map_or(NaiveDate::MAX, |c| c.published))
        } else {
            y
        };
        let (m, d) = if m > 12 && d <= 12 { (d, m) } else { (m, d) };
        return Some((NaiveDate::from_ymd_opt(y, m, d)?, true));
    }
    let (month, day, year) = if let Some(m) = g("mdm") {
        (m, num("mdd")?, num("mdy"))
    } else if let Some(m) = g("dmm") {
        (m, num("dmd")?, num("dmy"))
    } else {
        return None;
    };
    let month = month_number(month)?;
    if let Some(y) = year {
        return Some((NaiveDate::from_ymd_opt(y as i32, month, day)?, true));
    }
    let ctx = ctx?;
    let pubd = ctx.published;
    // The year that puts the date in a window around publication: mostly
    // the past, a little of the future (or mostly the future when the tense says so).
    let (back, ahead) = if ctx.future() { (14, 351) } else { (304, 61) };
    (pubd.year() - 1..=pubd.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| {
            let diff = (*d - pubd).num_days();
            -back <= diff && diff <= ahead
        })
        .map(|d| (d, false))
}

/// True when the clause before `start` speaks of the future.
/// A future verb after the date counts only when no reporting verb is
/// near ("On Friday, the two sides will meet", not "announced Friday that it will").
fn is_future(text: &str, start: usize, end: usize) -> bool {
    let from = ceil_char(text, start.saturating_sub(80));
    let before = Span::new(from, start).slice(text);
    match REPORT_RE.find_iter(before).last() {
        Some(m) => FUTURE_RE.is_match(&before[m.end()..]),
        None if FUTURE_RE.is_match(before) => true,
        None => {
            let after = Span::new(end, floor_char(text, end.saturating_add(60))).slice(text);
            let after = REPORT_RE.find(after).map_or(after, |m| &after[..m.start()]);
            FUTURE_AFTER_RE.is_match(after)
        }
    }
}

/// Whether a four-digit number 1900–2099 at `start..end` reads as a year.
fn year_context(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| matches!(c, '$' | '€' | '£' | '¥' | '#' | '.' | ':' | '+' | '/'))
    {
        return false;
    }
    if NOT_YEAR_BEFORE.contains(&prev_word(text, start).to_ascii_lowercase().as_str()) {
        return false;
    }
    let after = &text[end..];
    let mut rest = after.chars();
    match (rest.next(), rest.next()) {
        (Some('%'), _) => return false,
        (Some(',' | '.' | ':' | '/'), Some(c)) if c.is_ascii_digit() => return false,
        _ => {}
    }
    if text[..start]
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    !NOT_YEAR_NEXT.contains(&next.as_str())
}

fn prev_word(text: &str, pos: usize) -> &str {
    let head = text[..pos].trim_end_matches(|c: char| c.is_whitespace() || c == '-' || c == '.');
    let from = head.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    &head[from..]
}

/// The month a name or abbreviation means ("March", "Mar.", "Sept"),
/// in any case; 1 for January.
pub fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = name.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) || (w == "sept" && *m == "september"))
        .map(|i| i as u32 + 1)
}

fn weekday_number(name: &str) -> Option<u32> {
    let n = match name.get(..3)? {
        "Mon" => 0,
        "Tue" => 1,
        "Wed" => 2,
        "Thu" => 3,
        "Fri" => 4,
        "Sat" => 5,
        "Sun" => 6,
        _ => return None,
    };
    Some(n)
}

fn number_word(s: &str) -> Option<i64> {
    let n = match s.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        digits => digits.parse().ok()?,
    };
    Some(n)
}

/// "'82" is 1982, "'11" in a 2010 article is 2011.
fn two_digit_year(yy: i32, published: NaiveDate) -> i32 {
    if 2000 + yy <= published.year().min(2090) + 10 {
        2000 + yy
    } else {
        1900 + yy
    }
}

fn year_offset(rel: &str) -> i32 {
    let rel = rel.to_ascii_lowercase();
    if rel.contains("next") || rel.contains("following") {
        1
    } else if rel.contains("last") || rel.contains("previous") {
        -1
    } else {
        0
    }
}

#[cfg(test)]
mod tests;
