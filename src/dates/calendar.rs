//! Calendar arithmetic for resolved dates: weeks, months, years and
//! moving a date by a number of units.

use crate::model::{Basis, DateInfo, Precision};
use chrono::{Datelike, Days, Months, NaiveDate};

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// The most recent `target` weekday (0 = Monday) on or before `d`
/// (strictly before when `strict`).
pub(super) fn weekday_before(d: NaiveDate, target: u32, strict: bool) -> NaiveDate {
    let mut back = (d.weekday().num_days_from_monday() + 7 - target) % 7;
    if strict && back == 0 {
        back = 7;
    }
    add_days(d, -(back as i64)).unwrap_or(d)
}

/// The first `target` weekday strictly after `d`.
pub(super) fn weekday_after(d: NaiveDate, target: u32) -> NaiveDate {
    let ahead = (target + 7 - d.weekday().num_days_from_monday()) % 7;
    add_days(d, if ahead == 0 { 7 } else { ahead as i64 }).unwrap_or(d)
}

pub(super) fn week_info(d: NaiveDate, basis: Basis) -> Option<DateInfo> {
    let monday = add_days(d, -(d.weekday().num_days_from_monday() as i64))?;
    Some(DateInfo {
        start: monday,
        end: add_days(monday, 6)?,
        precision: Precision::Week,
        basis,
    })
}

pub(super) fn month_info(y: i32, m: u32, basis: Basis) -> Option<DateInfo> {
    let start = NaiveDate::from_ymd_opt(y, m, 1)?;
    let end = add_days(start.checked_add_months(Months::new(1))?, -1)?;
    Some(DateInfo {
        start,
        end,
        precision: Precision::Month,
        basis,
    })
}

pub(super) fn year_info(y: i32, basis: Basis) -> Option<DateInfo> {
    let start = NaiveDate::from_ymd_opt(y, 1, 1)?;
    Some(DateInfo {
        start,
        end: NaiveDate::from_ymd_opt(y, 12, 31)?,
        precision: Precision::Year,
        basis,
    })
}

/// The decade `y` lies in ("the 1980s" for 1980 or 1987).
pub(super) fn decade_info(y: i32, basis: Basis) -> Option<DateInfo> {
    let first = y - y.rem_euclid(10);
    Some(DateInfo {
        start: NaiveDate::from_ymd_opt(first, 1, 1)?,
        end: NaiveDate::from_ymd_opt(first + 9, 12, 31)?,
        precision: Precision::Decade,
        basis,
    })
}

/// The month named without a year: in the past news default, from ten
/// months back to next month; in the future tense, this month or the next eleven.
pub(super) fn resolve_month(month: u32, pubd: NaiveDate, future: bool) -> Option<DateInfo> {
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
pub(super) fn resolve_month_strict(month: u32, pubd: NaiveDate, forward: bool) -> Option<DateInfo> {
    let y = match (forward, month.cmp(&pubd.month())) {
        (false, std::cmp::Ordering::Less) | (true, std::cmp::Ordering::Greater) => pubd.year(),
        (false, _) => pubd.year() - 1,
        (true, _) => pubd.year() + 1,
    };
    month_info(y, month, Basis::Relative)
}

/// "the last week of March": full Monday–Sunday weeks inside the month.
pub(super) fn week_of_month(first: NaiveDate, nth: &str) -> Option<DateInfo> {
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
pub(super) fn shift(d: DateInfo, unit: &str, n: i64) -> Option<DateInfo> {
    // A day later than "in 1987" is no date at all.
    let finer = match unit {
        "day" | "week" => Precision::Week,
        "month" => Precision::Month,
        _ => Precision::Year,
    };
    if d.precision > finer {
        return None;
    }
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
pub(super) fn coarsen(d: DateInfo, unit: &str) -> DateInfo {
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

pub(super) fn inherit(p: DateInfo) -> DateInfo {
    DateInfo {
        basis: Basis::Inherited,
        ..p
    }
}

/// "the day" can only take over a date that is a single day.
pub(super) fn inherit_day(p: DateInfo) -> Option<DateInfo> {
    (p.precision == Precision::Day).then(|| inherit(p))
}
