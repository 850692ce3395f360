use super::calendar::month_info;
use super::*;
use crate::model::Precision;

/// A Wednesday.
fn wed() -> NaiveDate {
    ymd(2026, 3, 4)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The only mention in `text`, as (covered text, start, end, precision, basis).
fn one(text: &str, previous: Option<DateInfo>) -> (String, NaiveDate, NaiveDate, Precision, Basis) {
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
            ymd(2026, 3, 4),
            Precision::Week
        )
    );
    // "Earlier" ends on the day it was reported, "later" starts then; a
    // bare "this week" is the whole week.
    let (_, start, end, ..) = one("Prices rose this week.", None);
    assert_eq!((start, end), (ymd(2026, 3, 2), ymd(2026, 3, 8)));
    let (_, start, end, ..) = one("The envoy arrives later this week.", None);
    assert_eq!((start, end), (wed(), ymd(2026, 3, 8)));
    let (_, start, end, ..) = one("Exports fell earlier this year.", None);
    assert_eq!((start, end), (ymd(2026, 1, 1), wed()));
    let (_, start, end, ..) = one("The plant closes at the end of this year.", None);
    assert_eq!((start, end), (ymd(2026, 1, 1), ymd(2026, 12, 31)));
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
    // A doubled apostrophe opens a quotation: ''27 is a number in it.
    for text in [
        "The finding: ''27 companies reported it.''",
        "He said: \"'27 of them\" and left.",
    ] {
        assert!(find_dates(text, wed(), None).is_empty(), "{text}");
    }
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

#[test]
fn future_verb_after_the_weekday() {
    assert_eq!(
        day_of("On Friday, the two sides will meet again."),
        ymd(2026, 3, 6)
    );
    // The date belongs to the report, not to what will happen.
    assert_eq!(
        day_of("The firm announced Monday that it will close."),
        ymd(2026, 3, 2)
    );
}

#[test]
fn iso_date_with_a_time() {
    assert_eq!(day_of("Updated 2026-03-04T09:26:00Z."), wed());
}

#[test]
fn names_and_labels_are_not_years() {
    assert!(find_dates("Flight 1923 landed at 2100 GMT.", wed(), None).is_empty());
    assert!(find_dates("Ticket No. 2020 won.", wed(), None).is_empty());
}

#[test]
fn vague_antecedents_are_not_inherited() {
    let monday = DateInfo::day(ymd(2026, 3, 2), Basis::Relative);
    assert!(find_dates("He said the time had come.", wed(), Some(monday)).is_empty());
    // "The following day" cannot follow a whole year.
    let year = Some(DateInfo {
        precision: Precision::Year,
        end: ymd(1987, 12, 31),
        ..DateInfo::day(ymd(1987, 1, 1), Basis::Stated)
    });
    assert!(find_dates("By the following day it was over.", wed(), year).is_empty());
    assert!(find_dates("Shares ended the day lower.", wed(), year).is_empty());
}

#[test]
fn a_cut_interval_keeps_its_calendar_units_for_comparison() {
    let (_, start, end, precision, basis) = one("It began earlier this week.", None);
    let d = DateInfo {
        start,
        end,
        precision,
        basis,
    };
    assert_eq!(d.units(), (ymd(2026, 3, 2), ymd(2026, 3, 8)));
    let (_, start, end, precision, basis) = one("Exports fell earlier this year.", None);
    let d = DateInfo {
        start,
        end,
        precision,
        basis,
    };
    assert_eq!(d.units(), (ymd(2026, 1, 1), ymd(2026, 12, 31)));
    let day = DateInfo::day(wed(), Basis::Stated);
    assert_eq!(day.units(), (wed(), wed()));
}

#[test]
fn a_decade_is_ten_years_not_its_first() {
    for (text, covered) in [
        ("Prices collapsed in the 1980's, he recalled.", "1980's"),
        ("Prices collapsed in the 1980s.", "1980s"),
        ("Prices collapsed in the 1980’s.", "1980’s"),
        ("Prices collapsed in the mid-1980s.", "mid-1980s"),
    ] {
        let (c, start, end, precision, basis) = one(text, None);
        assert_eq!(
            (c.as_str(), start, end, precision, basis),
            (
                covered,
                ymd(1980, 1, 1),
                ymd(1989, 12, 31),
                Precision::Decade,
                Basis::Stated
            ),
            "{text}"
        );
    }
    let (c, start, end, precision, _) = one("A fashion of the '90s returned.", None);
    assert_eq!(
        (c.as_str(), start, end, precision),
        (
            "'90s",
            ymd(1990, 1, 1),
            ymd(1999, 12, 31),
            Precision::Decade
        )
    );
    // A year is still a year, and a decade cannot be moved by days.
    assert_eq!(one("It opened in 1984.", None).3, Precision::Year);
    let decade = one("Prices collapsed in the 1980s.", None);
    let found = find_dates(
        "Prices collapsed in the 1980s. A day later they rose.",
        wed(),
        None,
    );
    assert_eq!(found.len(), 1, "{found:?} after {decade:?}");
}

#[test]
fn later_than_planned_is_the_date_just_given() {
    let found = find_dates(
        "The ferry docks on March 20, two days later than first planned.",
        wed(),
        None,
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].date.start, ymd(2026, 3, 20));
    // Without "than" it still counts on from that date.
    let found = find_dates("It docked on March 2 and left two days later.", wed(), None);
    assert_eq!(found[1].date.start, ymd(2026, 3, 4));
}

#[test]
fn the_day_is_the_last_day_spoken_of() {
    let mut recent = Recent::default();
    let first = find_dates_after(
        "Shares rose on Monday, up from a year ago.",
        wed(),
        &mut recent,
    );
    assert_eq!(first.len(), 2, "{first:?}");
    assert_eq!(recent.last.map(|d| d.precision), Some(Precision::Year));
    let then = find_dates_after("They fell later in the day.", wed(), &mut recent);
    assert_eq!(then.len(), 1, "{then:?}");
    assert_eq!(
        (then[0].date.start, then[0].date.basis),
        (ymd(2026, 3, 2), Basis::Inherited)
    );
    let mut recent = Recent::default();
    find_dates_after(
        "The agency reported on Friday that 1983 was worse.",
        wed(),
        &mut recent,
    );
    let end = find_dates_after("The index ended the day lower.", wed(), &mut recent);
    assert_eq!(end.first().map(|m| m.date.start), Some(ymd(2026, 2, 27)));
    // With no day spoken of, "the day" is no date.
    assert!(find_dates("The index ended the day lower.", wed(), None).is_empty());
}

#[test]
fn since_the_start_of_a_unit_counts_from_its_first_day() {
    let (covered, start, end, precision, _) =
        one("The index has fallen since the start of this year.", None);
    assert_eq!(
        (covered.as_str(), start, end, precision),
        (
            "the start of this year",
            ymd(2026, 1, 1),
            ymd(2026, 1, 1),
            Precision::Day
        )
    );
    // Not after another word: "at the start of this year" is early in it.
    let (_, start, end, ..) = one("It opened at the start of this year.", None);
    assert_eq!((start, end), (ymd(2026, 1, 1), ymd(2026, 12, 31)));
}

#[test]
fn a_streak_reaches_the_unit_reported() {
    let (covered, start, end, precision, _) = one("Shares rose for a fourth straight week.", None);
    assert_eq!(
        (covered.as_str(), start, end, precision),
        (
            "a fourth straight week",
            ymd(2026, 3, 2),
            ymd(2026, 3, 8),
            Precision::Week
        )
    );
    let (_, start, end, ..) = one("Prices fell for the third month in a row.", None);
    assert_eq!((start, end), (ymd(2026, 3, 1), ymd(2026, 3, 31)));
    // "the second week" alone is no streak and no date.
    assert!(find_dates("He starts in the second week.", wed(), None).is_empty());
}
