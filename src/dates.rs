//! Temporal expressions: finding them in a sentence and resolving them
//! against the publication date of the article that states them.
//!
//! One combined regex finds every candidate in a single scan; each match is
//! then resolved by the alternative that produced it. News is written in the
//! past tense, so an underspecified date ("Monday", "in June", "March 2")
//! resolves to the most recent one before publication unless the words just
//! before it speak of the future ("will", "is expected to", "until").

use crate::model::{Basis, DateInfo, Precision};
use chrono::{Datelike, Days, Months, NaiveDate};
use regex::{Captures, Regex};
use std::sync::LazyLock;

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
        r"\b(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})\b".to_string(),
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
        r"\b(?P<inday>(?i:(?:late|later|early|earlier)\s+in\s+the\s+day))\b".to_string(),
        r"\b(?i:the\s+(?P<adjd>previous|prior|next|following)\s+(?P<adju>day|week|month|year)|the\s+(?P<adju2>day|week|month|year)\s+(?P<adjd2>before|after|previous|prior|earlier))\b"
            .to_string(),
        r"\b(?:(?i:earlier|later|early|late|(?:at\s+)?the\s+(?:end|beginning|start|middle|rest|close|turn)\s+of)\s+)?(?P<rrel>(?i:this|last|next|past|the\s+past|the\s+last|the\s+previous|the\s+coming|the\s+current|the\s+same|that|the\s+entire|the\s+whole|the\s+full|the))\s+(?P<runit>(?i:weekend|week|month|year|period|time|day))\b(?:\s+(?P<rshift>(?i:last\s+year|a\s+year\s+(?:earlier|ago|before))))?"
            .to_string(),
        r"(?:(?P<ymod>(?i:early|late|(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half|spring|summer|autumn|fall|winter)\s+of)\s+|(?i:mid)-?))?\b(?P<year>(?:19|20)\d\d)\b"
            .to_string(),
        r"[‘’'](?P<y2>\d\d)\b".to_string(),
    ];
    Regex::new(&alternatives.join("|")).expect("date regex")
});

/// Words before a date that put it in the future.
static FUTURE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:will|won['’]t|shall|would|should|going\s+to|(?:is|are|be)\s+(?:expected|scheduled|set|due|slated|planned|poised|likely)|expects?\s+to|plans?\s+to|planning\s+to|planned\s+(?:for|to)|intends?\s+to|wants?\s+to|aims?\s+to|until|till|upcoming|coming)\b|['’]ll\b",
    )
    .expect("future regex")
});

/// A reporting verb closes the clause whose tense matters ("X will go, he said Monday").
static REPORT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:said|says|announced|reported|told|stated|added|confirmed)\b")
        .expect("report regex")
});

/// Units a number is followed by when it is a quantity and not a year.
const NOT_YEAR_NEXT: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "employees",
    "workers",
    "jobs",
    "staff",
    "points",
    "percent",
    "per",
    "units",
    "cars",
    "vehicles",
    "dealers",
    "dealerships",
    "shares",
    "dollars",
    "euros",
    "yen",
    "pounds",
    "miles",
    "km",
    "kilometers",
    "kilometres",
    "meters",
    "metres",
    "feet",
    "tons",
    "tonnes",
    "barrels",
    "hours",
    "hrs",
    "minutes",
    "seconds",
    "students",
    "members",
    "homes",
    "houses",
    "stores",
    "seats",
    "votes",
    "kg",
    "lbs",
    "mm",
    "cc",
    "mph",
    "hp",
    "rpm",
    "degrees",
    "pages",
    "times",
    "copies",
    "gmt",
    "utc",
    "am",
    "pm",
    "acres",
    "residents",
    "customers",
    "users",
    "planes",
    "aircraft",
    "flights",
    "passengers",
    "plants",
    "factories",
];

/// Words before a weekday that make it part of a name ("Black Monday").
const WEEKDAY_NAMES: &[&str] = &[
    "black", "cyber", "good", "easter", "ash", "bloody", "super", "holy", "blue", "fat", "palm",
    "shrove", "maundy", "whit", "giving",
];

/// Words before a bare "May" that make it the month rather than a name.
const MAY_BEFORE: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "of",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "from",
    "through",
    "during",
    "before",
    "after",
    "between",
    "end",
    "beginning",
    "start",
];

/// Finds and resolves every temporal expression in `text` (one sentence).
/// `previous` is the date of the sentence before ("the same day").
pub fn find_dates(
    text: &str,
    published: NaiveDate,
    previous: Option<DateInfo>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut prev = previous;
    for caps in DATE_RE.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        let ctx = Ctx {
            text,
            start: whole.start(),
            published,
            previous: prev,
        };
        if let Some((start, date)) = resolve(&caps, &ctx) {
            prev = Some(date);
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
    published: NaiveDate,
    previous: Option<DateInfo>,
}

impl Ctx<'_> {
    fn future(&self) -> bool {
        is_future(self.text, self.start)
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
        } else {
            let n = if way == "earlier" { -n } else { n };
            Some((start, shift(ctx.previous?, &unit, n)?))
        };
    }
    if g("inday").is_some() {
        return Some((start, inherit_day(ctx.previous?)?));
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
            None => Some((start, d)),
        };
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
        if before.is_some_and(|c| c.is_alphanumeric()) {
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

/// "this week", "last month", "the same day", "the entire year", ...
fn relative_unit(rel: &str, unit: &str, ctx: &Ctx) -> Option<DateInfo> {
    let rel = rel.to_ascii_lowercase();
    let rel = rel.split_whitespace().last().unwrap_or("");
    let unit = unit.to_ascii_lowercase();
    let pubd = ctx.published;
    let basis = Basis::Relative;
    let step: i32 = match rel {
        "the" if matches!(unit.as_str(), "day" | "period" | "time") => {
            return inherit_day(ctx.previous?);
        }
        "this" | "current" | "the" => 0,
        "last" | "past" | "previous" => -1,
        "next" | "coming" => 1,
        // "that", "same", "entire", "whole", "full": the unit around the previous date.
        _ => {
            let p = ctx.previous?;
            return match unit.as_str() {
                "period" | "time" if rel == "same" || rel == "that" => Some(inherit(p)),
                "period" | "time" | "weekend" => None,
                "day" => inherit_day(p),
                u => Some(coarsen(inherit(p), u)),
            };
        }
    };
    match unit.as_str() {
        "week" => week_info(add_days(pubd, 7 * step as i64)?, basis),
        "weekend" => {
            let monday = add_days(pubd, -(pubd.weekday().num_days_from_monday() as i64))?;
            // "the weekend" in a weekday article is the one just past.
            let offset = match (rel, pubd.weekday().num_days_from_monday() >= 5) {
                ("the", false) => -1,
                ("past" | "last", true) => -1,
                (_, _) => step as i64,
            };
            let sat = add_days(monday, 5 + 7 * offset)?;
            Some(DateInfo {
                start: sat,
                end: add_days(sat, 1)?,
                precision: Precision::Week,
                basis,
            })
        }
        "month" => {
            let first = pubd.with_day(1)?;
            let first = if step < 0 {
                first.checked_sub_months(Months::new(1))?
            } else {
                first.checked_add_months(Months::new(step as u32))?
            };
            month_info(first.year(), first.month(), basis)
        }
        "year" => year_info(pubd.year() + step, basis),
        // "the day", "this period": nothing to resolve without a previous date.
        _ => None,
    }
}

/// True when the clause before `start` speaks of the future.
fn is_future(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut window = &text[from..start];
    if let Some(m) = REPORT_RE.find_iter(window).last() {
        window = &window[m.end()..];
    }
    FUTURE_RE.is_match(window)
}

/// Whether a four-digit number 1900–2099 at `start..end` reads as a year.
fn year_context(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| matches!(c, '$' | '€' | '£' | '¥' | '#' | '.' | ':' | '+' | '/'))
    {
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
    let head = text[..pos].trim_end_matches(|c: char| c.is_whitespace() || c == '-');
    let from = head.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    &head[from..]
}

fn month_number(name: &str) -> Option<u32> {
    let key = name.get(..3)?;
    let n = match key {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    Some(n)
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

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// The most recent `target` weekday (0 = Monday) on or before `d`
/// (strictly before when `strict`).
fn weekday_before(d: NaiveDate, target: u32, strict: bool) -> NaiveDate {
    let mut back = (d.weekday().num_days_from_monday() + 7 - target) % 7;
    if strict && back == 0 {
        back = 7;
    }
    add_days(d, -(back as i64)).unwrap_or(d)
}

/// The first `target` weekday strictly after `d`.
fn weekday_after(d: NaiveDate, target: u32) -> NaiveDate {
    let ahead = (target + 7 - d.weekday().num_days_from_monday()) % 7;
    add_days(d, if ahead == 0 { 7 } else { ahead as i64 }).unwrap_or(d)
}

fn week_info(d: NaiveDate, basis: Basis) -> Option<DateInfo> {
    let monday = add_days(d, -(d.weekday().num_days_from_monday() as i64))?;
    Some(DateInfo {
        start: monday,
        end: add_days(monday, 6)?,
        precision: Precision::Week,
        basis,
    })
}

fn month_info(y: i32, m: u32, basis: Basis) -> Option<DateInfo> {
    let start = NaiveDate::from_ymd_opt(y, m, 1)?;
    let end = add_days(start.checked_add_months(Months::new(1))?, -1)?;
    Some(DateInfo {
        start,
        end,
        precision: Precision::Month,
        basis,
    })
}

fn year_info(y: i32, basis: Basis) -> Option<DateInfo> {
    let start = NaiveDate::from_ymd_opt(y, 1, 1)?;
    Some(DateInfo {
        start,
        end: NaiveDate::from_ymd_opt(y, 12, 31)?,
        precision: Precision::Year,
        basis,
    })
}

/// The month named without a year: in the past news default, from ten
/// months back to next month; in the future tense, this month or the next eleven.
fn resolve_month(month: u32, pubd: NaiveDate, future: bool) -> Option<DateInfo> {
    let ahead = (month as i32 - pubd.month() as i32).rem_euclid(12);
    let delta = if future || ahead <= 1 {
        ahead
    } else {
        ahead - 12
    };
    let y = pubd.year() + (pubd.month0() as i32 + delta).div_euclid(12);
    month_info(y, month, Basis::Relative)
}

/// "last June" is strictly before the publication month, "next June" strictly after.
fn resolve_month_strict(month: u32, pubd: NaiveDate, forward: bool) -> Option<DateInfo> {
    let y = match (forward, month.cmp(&pubd.month())) {
        (false, std::cmp::Ordering::Less) | (true, std::cmp::Ordering::Greater) => pubd.year(),
        (false, _) => pubd.year() - 1,
        (true, _) => pubd.year() + 1,
    };
    month_info(y, month, Basis::Relative)
}

/// "the last week of March": full Monday–Sunday weeks inside the month.
fn week_of_month(first: NaiveDate, nth: &str) -> Option<DateInfo> {
    let first_monday = weekday_after(add_days(first, -1)?, 0);
    let monday = match nth.to_ascii_lowercase().as_str() {
        "first" => first_monday,
        "second" => add_days(first_monday, 7)?,
        "third" => add_days(first_monday, 14)?,
        "fourth" => add_days(first_monday, 21)?,
        _ => {
            let last = add_days(first.checked_add_months(Months::new(1))?, -1)?;
            add_days(weekday_before(last, 6, false), -6)?
        }
    };
    week_info(monday, Basis::Relative)
}

/// A date moved by `n` units, keeping its precision.
fn shift(d: DateInfo, unit: &str, n: i64) -> Option<DateInfo> {
    let mv = |x: NaiveDate| -> Option<NaiveDate> {
        match unit {
            "day" => add_days(x, n),
            "week" => add_days(x, 7 * n),
            _ => {
                let months =
                    Months::new((n.unsigned_abs() * if unit == "month" { 1 } else { 12 }) as u32);
                if n >= 0 {
                    x.checked_add_months(months)
                } else {
                    x.checked_sub_months(months)
                }
            }
        }
    };
    let start = mv(d.start)?;
    let end = match d.precision {
        Precision::Month => add_days(start.checked_add_months(Months::new(1))?, -1)?,
        Precision::Year => NaiveDate::from_ymd_opt(start.year(), 12, 31)?,
        _ => mv(d.end)?,
    };
    Some(DateInfo {
        start,
        end,
        precision: d.precision,
        basis: Basis::Relative,
    })
}

/// The week, month or year containing the start of `d`, when coarser than `d`.
fn coarsen(d: DateInfo, unit: &str) -> DateInfo {
    let widened = match unit {
        "week" if d.precision == Precision::Day => week_info(d.start, d.basis),
        "month" if d.precision <= Precision::Week => {
            month_info(d.start.year(), d.start.month(), d.basis)
        }
        "year" if d.precision != Precision::Year => year_info(d.start.year(), d.basis),
        _ => None,
    };
    widened.unwrap_or(d)
}

fn inherit(p: DateInfo) -> DateInfo {
    DateInfo {
        basis: Basis::Inherited,
        ..p
    }
}

/// "the day" can only take over a date that is a single day.
fn inherit_day(p: DateInfo) -> Option<DateInfo> {
    (p.precision == Precision::Day).then(|| inherit(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Wednesday.
    fn wed() -> NaiveDate {
        ymd(2026, 3, 4)
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The only mention in `text`, as (covered text, start, end, precision, basis).
    fn one(
        text: &str,
        previous: Option<DateInfo>,
    ) -> (String, NaiveDate, NaiveDate, Precision, Basis) {
        let found = find_dates(text, wed(), previous);
        assert_eq!(found.len(), 1, "{text:?} gave {found:?}");
        let m = &found[0];
        (
            text[m.start..m.end].to_string(),
            m.date.start,
            m.date.end,
            m.date.precision,
            m.date.basis,
        )
    }

    fn day_of(text: &str) -> NaiveDate {
        let (_, start, end, precision, _) = one(text, None);
        assert_eq!((start, precision), (end, Precision::Day), "{text:?}");
        start
    }

    #[test]
    fn past_weekday_is_the_most_recent_one() {
        let (covered, start, _, precision, basis) =
            one("On Monday, the minister called the envoy.", None);
        assert_eq!(
            (covered.as_str(), start, precision, basis),
            ("Monday", ymd(2026, 3, 2), Precision::Day, Basis::Relative)
        );
        assert_eq!(day_of("The war started on Saturday."), ymd(2026, 2, 28));
        assert_eq!(day_of("She resigned Wednesday."), wed());
        assert_eq!(day_of("It happened last Wednesday."), ymd(2026, 2, 25));
    }

    #[test]
    fn future_weekday_is_the_next_one() {
        assert_eq!(
            day_of("The two leaders will meet on Friday."),
            ymd(2026, 3, 6)
        );
        assert_eq!(
            day_of("The vote is expected to take place Monday."),
            ymd(2026, 3, 9)
        );
        assert_eq!(day_of("They meet again next Wednesday."), ymd(2026, 3, 11));
        // The future verb belongs to another clause: "said" closes it.
        assert_eq!(
            day_of("It will not change, he said Monday."),
            ymd(2026, 3, 2)
        );
    }

    #[test]
    fn time_of_day_keeps_the_day() {
        let (covered, start, ..) = one("Shots were heard Sunday morning near the port.", None);
        assert_eq!(
            (covered.as_str(), start),
            ("Sunday morning", ymd(2026, 3, 1))
        );
        assert_eq!(day_of("The deal collapsed late Tuesday."), ymd(2026, 3, 3));
    }

    #[test]
    fn weekday_names_and_plurals_are_not_dates() {
        assert!(find_dates("Markets recalled Black Monday.", wed(), None).is_empty());
        assert!(find_dates("The shop closes on Mondays.", wed(), None).is_empty());
    }

    #[test]
    fn days_relative_to_publication() {
        assert_eq!(day_of("Talks resumed today."), wed());
        assert_eq!(day_of("Yesterday the talks failed."), ymd(2026, 3, 3));
        assert_eq!(day_of("Results are due tomorrow."), ymd(2026, 3, 5));
        assert_eq!(day_of("Officials met earlier today."), wed());
        assert_eq!(day_of("The plant closed three days ago."), ymd(2026, 3, 1));
        assert_eq!(day_of("The ship left a week ago."), ymd(2026, 2, 25));
    }

    #[test]
    fn weeks_are_iso_weeks() {
        let (covered, start, end, precision, _) = one("The ministers met earlier this week.", None);
        assert_eq!(
            (covered.as_str(), start, end, precision),
            (
                "earlier this week",
                ymd(2026, 3, 2),
                ymd(2026, 3, 8),
                Precision::Week
            )
        );
        let (_, start, end, ..) = one("Prices fell last week.", None);
        assert_eq!((start, end), (ymd(2026, 2, 23), ymd(2026, 3, 1)));
        let (_, start, end, ..) = one("A summit follows next week.", None);
        assert_eq!((start, end), (ymd(2026, 3, 9), ymd(2026, 3, 15)));
    }

    #[test]
    fn calendar_months_and_years() {
        let (_, start, end, precision, _) = one("Exports dropped last month.", None);
        assert_eq!(
            (start, end, precision),
            (ymd(2026, 2, 1), ymd(2026, 2, 28), Precision::Month)
        );
        let (_, start, end, precision, _) = one("Sales rose this year.", None);
        assert_eq!(
            (start, end, precision),
            (ymd(2026, 1, 1), ymd(2026, 12, 31), Precision::Year)
        );
        let (covered, start, ..) = one("Debt grew until the end of last year.", None);
        assert_eq!(
            (covered.as_str(), start),
            ("the end of last year", ymd(2025, 1, 1))
        );
        let (_, start, ..) = one("It rose from the beginning of the year.", None);
        assert_eq!(start, ymd(2026, 1, 1));
    }

    #[test]
    fn month_names_alone() {
        let (covered, start, end, precision, _) = one("The talks began in January.", None);
        assert_eq!(
            (covered.as_str(), start, end, precision),
            (
                "January",
                ymd(2026, 1, 1),
                ymd(2026, 1, 31),
                Precision::Month
            )
        );
        let (covered, start, ..) = one("He left last September.", None);
        assert_eq!(
            (covered.as_str(), start),
            ("last September", ymd(2025, 9, 1))
        );
        // Past tense: the most recent October; future tense: the coming one.
        assert_eq!(
            one("The plant opened in October.", None).1,
            ymd(2025, 10, 1)
        );
        assert_eq!(
            one("The plant will open in October.", None).1,
            ymd(2026, 10, 1)
        );
        assert_eq!(one("Work ends in early April.", None).1, ymd(2026, 4, 1));
        let (_, start, end, ..) = one("He was born in October 1982.", None);
        assert_eq!((start, end), (ymd(1982, 10, 1), ymd(1982, 10, 31)));
    }

    #[test]
    fn may_and_march_as_words() {
        assert!(find_dates("Officials may march on the capital.", wed(), None).is_empty());
        assert!(find_dates("May said the vote would go ahead.", wed(), None).is_empty());
        assert_eq!(one("The law took effect in May.", None).1, ymd(2025, 5, 1));
    }

    #[test]
    fn stated_dates() {
        for text in [
            "It opened on March 2.",
            "It opened on 2 March.",
            "It opened on March 2nd.",
            "It opened Monday, March 2, 2026.",
        ] {
            let (_, start, _, precision, basis) = one(text, None);
            assert_eq!(
                (start, precision, basis),
                (ymd(2026, 3, 2), Precision::Day, Basis::Stated),
                "{text}"
            );
        }
        assert_eq!(day_of("Filed Mar 4, 2026 in Paris."), wed());
        assert_eq!(day_of("Signed on July 24, 2003."), ymd(2003, 7, 24));
        assert_eq!(day_of("Founded March 12 2009."), ymd(2009, 3, 12));
        assert_eq!(day_of("The post of 7/8/07 was removed."), ymd(2007, 7, 8));
        assert_eq!(day_of("Logged 2026-03-04 by the court."), wed());
        // A date without a year: the nearest, preferring the past.
        assert_eq!(day_of("It ended on December 11."), ymd(2025, 12, 11));
        assert_eq!(day_of("It starts on April 20."), ymd(2026, 4, 20));
    }

    #[test]
    fn social_post_timestamp() {
        let (covered, start, ..) = one("3:24 AM · Mar 4, 2026", None);
        assert_eq!((covered.as_str(), start), ("Mar 4, 2026", wed()));
    }

    #[test]
    fn years() {
        let (covered, start, end, precision, basis) = one("The firm was founded in 2009.", None);
        assert_eq!(
            (covered.as_str(), start, end, precision, basis),
            (
                "2009",
                ymd(2009, 1, 1),
                ymd(2009, 12, 31),
                Precision::Year,
                Basis::Stated
            )
        );
        assert_eq!(one("Nothing changed since '82.", None).1, ymd(1982, 1, 1));
        let (covered, start, ..) = one("Production stopped in early 2009.", None);
        assert_eq!((covered.as_str(), start), ("early 2009", ymd(2009, 1, 1)));
        assert_eq!(one("Output peaked in mid-2010.", None).0, "mid-2010");
    }

    #[test]
    fn numbers_that_are_not_years() {
        for text in [
            "About 2,000 troops arrived.",
            "It cost $2009 per unit.",
            "The firm has 1500 employees.",
            "Some 10,000 people marched.",
            "Turnout was 2010 people.",
            "The index closed at 2020.90 points.",
            "Support reached 1999% somehow.",
        ] {
            assert!(find_dates(text, wed(), None).is_empty(), "{text}");
        }
    }

    #[test]
    fn inherits_the_previous_date() {
        let monday = DateInfo::day(ymd(2026, 3, 2), Basis::Relative);
        let (covered, start, _, _, basis) = one("The army withdrew the same day.", Some(monday));
        assert_eq!(
            (covered.as_str(), start, basis),
            ("the same day", ymd(2026, 3, 2), Basis::Inherited)
        );
        assert_eq!(
            one("Shares ended the day lower.", Some(monday)).1,
            ymd(2026, 3, 2)
        );
        assert_eq!(
            one("The next day, talks resumed.", Some(monday)).1,
            ymd(2026, 3, 3)
        );
        assert!(find_dates("The army withdrew the same day.", wed(), None).is_empty());
        // Within one sentence the earlier mention is the antecedent.
        let found = find_dates("It began on Monday and ended that day.", wed(), None);
        assert_eq!(found[1].date.start, ymd(2026, 3, 2));
    }

    #[test]
    fn same_period_a_year_before() {
        let feb = month_info(2026, 2, Basis::Relative);
        let (_, start, end, ..) = one("Sales fell from the same period last year.", feb);
        assert_eq!((start, end), (ymd(2025, 2, 1), ymd(2025, 2, 28)));
    }

    #[test]
    fn mentions_are_in_order_and_disjoint() {
        let text =
            "On Monday, after talks in January 2025 and on 5 March, it said “yesterday” was key.";
        let found = find_dates(text, wed(), None);
        assert_eq!(found.len(), 4);
        assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn stamps() {
        for s in [
            "March 5, 2026",
            "Mar 05, 2026",
            "Mar 05, 2026 11:21 am",
            "3:24 AM · Mar 5, 2026",
            "Last edited 9:26 AM · Mar 5, 2026",
            "2026-03-05",
            "5 March 2026",
            "Published Thursday, March 5, 2026",
        ] {
            assert_eq!(parse_stamp(s), Some(ymd(2026, 3, 5)), "{s}");
        }
        assert_eq!(parse_stamp("Monday"), None);
        assert_eq!(parse_stamp("March 5"), None);
        assert_eq!(parse_stamp("By the newsroom"), None);
    }
}
