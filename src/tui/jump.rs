//! The date a user types to jump to: `2026-03-03`, `Mar 3`, `3 March`,
//! `2026-03`, `today` or `yesterday`.

use chrono::{Datelike, NaiveDate};

/// The day `input` names; a date without a year takes `year`.
pub fn parse(input: &str, today: NaiveDate, year: i32) -> Option<NaiveDate> {
    let s = input.trim().to_lowercase();
    match s.as_str() {
        "today" => return Some(today),
        "yesterday" => return today.pred_opt(),
        "tomorrow" => return today.succ_opt(),
        _ => {}
    }
    if let Ok(d) = NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Some((y, m)) = s.split_once('-')
        && let (Ok(y), Ok(m)) = (y.parse(), m.parse())
    {
        return NaiveDate::from_ymd_opt(y, m, 1);
    }
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (mut month, mut day, mut yr) = (None, None, None);
    for w in words {
        if let Some(m) = crate::dates::month_number(w) {
            month = Some(m);
        } else if let Ok(n) = w
            .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
            .parse::<u32>()
        {
            if n > 31 {
                yr = Some(n as i32);
            } else {
                day = Some(n);
            }
        } else {
            return None;
        }
    }
    NaiveDate::from_ymd_opt(yr.unwrap_or(year), month?, day.unwrap_or(1))
}

/// The year a partial date means: that of the date shown.
pub fn year_hint(d: Option<NaiveDate>, today: NaiveDate) -> i32 {
    d.unwrap_or(today).year()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_ways_a_date_is_typed() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let today = d(2026, 12, 2);
        assert_eq!(parse("2026-03-03", today, 2020), Some(d(2026, 3, 3)));
        assert_eq!(parse("Mar 3", today, 2026), Some(d(2026, 3, 3)));
        assert_eq!(parse("3 march 2016", today, 2026), Some(d(2016, 3, 3)));
        assert_eq!(parse("Sept. 26th", today, 2016), Some(d(2016, 9, 26)));
        assert_eq!(parse("2026-03", today, 2020), Some(d(2026, 3, 1)));
        assert_eq!(parse(" today ", today, 2020), Some(today));
        assert_eq!(parse("yesterday", today, 2020), Some(d(2026, 12, 1)));
        assert_eq!(parse("ma 3", today, 2026), None);
        assert_eq!(parse("Feb 30", today, 2026), None);
        assert_eq!(parse("soon", today, 2026), None);
        assert_eq!(parse("", today, 2026), None);
    }
}
