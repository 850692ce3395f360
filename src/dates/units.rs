//! Units named relative to the publication date: "this week", "last
//! month", "the same day", "earlier this year".

use super::Ctx;
use super::calendar::*;
use crate::model::{Basis, DateInfo, Precision};
use chrono::{Datelike, Months};
use regex::Captures;

/// The part of the current week, month or year "earlier" and "later" name:
/// what happened "earlier this week" ended by the day it was reported, and
/// what happens "later this month" starts then. A bare "this week" is the
/// whole week, as the calendar (and annotated news) has it.
pub(super) fn current_part(caps: &Captures, rel: &str, d: DateInfo, ctx: &Ctx) -> DateInfo {
    let lead = caps.get(0).map_or("", |m| m.as_str()).to_ascii_lowercase();
    // "since the start of this year" counts from a point: the unit's first day.
    if (lead.starts_with("the start of") || lead.starts_with("the beginning of"))
        && super::prev_word(ctx.text, ctx.start).eq_ignore_ascii_case("since")
    {
        return DateInfo::day(d.start, d.basis);
    }
    let pubd = ctx.published;
    let current = matches!(rel.to_ascii_lowercase().as_str(), "this" | "the current");
    if !current || pubd < d.start || pubd > d.end {
        return d;
    }
    if lead.starts_with("earlier") {
        DateInfo { end: pubd, ..d }
    } else if lead.starts_with("later") {
        DateInfo { start: pubd, ..d }
    } else {
        d
    }
}

/// "this week", "last month", "the same day", "the entire year", ...
pub(super) fn relative_unit(rel: &str, unit: &str, ctx: &Ctx) -> Option<DateInfo> {
    let rel = rel.to_ascii_lowercase();
    let rel = rel.split_whitespace().last().unwrap_or("");
    let unit = unit.to_ascii_lowercase();
    let pubd = ctx.published;
    let basis = Basis::Relative;
    let step: i32 = match rel {
        // "the day" is the day just spoken of; "the time", "the period" are no date.
        "the" if matches!(unit.as_str(), "period" | "time") => return None,
        "the" if unit == "day" => {
            return ctx.day_before();
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
                "day" => ctx.day_before(),
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
