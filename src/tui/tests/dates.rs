//! Rows grouped by what is known of their dates, jumping to a date and
//! between headings.

use super::{chars, press, state};
use crate::model::Precision;
use crate::timeline::Group;
use crate::tui::state::{Mode, Row, State};
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The heading each shown item sits under.
fn heading_of(s: &State) -> Vec<Group> {
    let mut out = vec![None; s.shown.len()];
    let mut cur = None;
    for r in &s.rows {
        match *r {
            Row::Head(g) => cur = Some(g),
            Row::Item(p) => out[p] = cur,
        }
    }
    out.into_iter().map(|g| g.expect("a heading")).collect()
}

#[test]
fn every_row_sits_under_the_heading_of_its_own_precision() {
    let s = state(120, 40);
    let heads = heading_of(&s);
    let mut precisions = std::collections::BTreeSet::new();
    for (p, g) in heads.iter().enumerate() {
        let d = &s.data.items[s.shown[p]].date;
        assert_eq!((g.precision, g.start), (d.precision, d.start));
        precisions.insert(d.precision);
    }
    assert!(precisions.len() >= 2, "{precisions:?}");
    // A heading is never repeated: each group is one run.
    let groups: Vec<Group> = s
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Head(g) => Some(*g),
            _ => None,
        })
        .collect();
    let distinct: std::collections::BTreeSet<Group> = groups.iter().copied().collect();
    assert_eq!(groups.len(), distinct.len());
    // No coarse row falls after a day row of a day inside its interval.
    for w in s.shown.windows(2) {
        let (a, b) = (&s.data.items[w[0]].date, &s.data.items[w[1]].date);
        if a.precision == Precision::Day && b.precision != Precision::Day {
            assert!(b.start > a.start, "{a:?} then {b:?}");
        }
    }
}

#[test]
fn relevance_order_has_no_headings() {
    let mut s = state(120, 40);
    press(&mut s, &chars("/iran"));
    press(&mut s, &[super::ctrl('s')]);
    assert!(s.by_relevance);
    assert!(s.rows.iter().all(|r| matches!(r, Row::Item(_))));
    press(&mut s, &[super::ctrl('s')]);
    assert!(s.rows.iter().any(|r| matches!(r, Row::Head(_))));
}

#[test]
fn t_jumps_to_a_typed_date() {
    let mut s = state(120, 40);
    s.today = day(2026, 3, 4);
    let target = |s: &State, d: NaiveDate| {
        s.shown
            .iter()
            .position(|&i| s.data.items[i].date.start >= d)
    };
    for (typed, d) in [
        ("2026-03-03", day(2026, 3, 3)),
        ("Mar 5", day(2026, 3, 5)),
        ("today", day(2026, 3, 4)),
    ] {
        press(&mut s, &chars("g"));
        press(&mut s, &chars("t"));
        assert_eq!(s.mode, Mode::Jump);
        press(&mut s, &chars(typed));
        press(&mut s, &[super::key(KeyCode::Enter)]);
        assert_eq!(s.mode, Mode::Normal);
        let want = target(&s, d).expect("rows on or after the day");
        assert_eq!(s.sel, want, "{typed}");
        let row = s.row_of[s.sel];
        assert!(row >= s.top && row < s.top + s.areas().unwrap().list().height as usize);
    }
    press(&mut s, &chars(":soon"));
    press(&mut s, &[super::key(KeyCode::Enter)]);
    assert!(s.message.as_deref().unwrap_or("").contains("not a date"));
    press(&mut s, &chars("t2026"));
    press(&mut s, &[super::key(KeyCode::Esc)]);
    assert_eq!(s.mode, Mode::Normal, "Esc cancels the jump");
}

#[test]
fn braces_step_between_headings() {
    let mut s = state(120, 40);
    let heads = heading_of(&s);
    press(&mut s, &chars("}"));
    let first_of_second = heads.iter().position(|g| *g != heads[0]).unwrap();
    assert_eq!(s.sel, first_of_second);
    press(&mut s, &chars("j"));
    let own_start = heads.iter().position(|g| *g == heads[s.sel]).unwrap();
    press(&mut s, &chars("{"));
    let want = if own_start < s.sel.max(1) {
        own_start
    } else {
        first_of_second
    };
    assert_eq!(
        s.sel, want,
        "back to the start of this group, or the one before"
    );
    while s.sel > 0 {
        let before = s.sel;
        press(&mut s, &chars("{"));
        assert!(s.sel < before);
        assert!(
            s.sel == 0 || heads[s.sel] != heads[s.sel - 1],
            "a group's first row"
        );
    }
    press(&mut s, &chars("{"));
    assert_eq!(s.sel, 0, "nothing before the first");
}

#[test]
fn a_one_day_range_leaves_wider_rows_out_and_w_shows_them() {
    let mut s = state(120, 40);
    let d = day(2026, 3, 3);
    let inside = s
        .data
        .items
        .iter()
        .filter(|i| i.date.start == d && i.date.end == d)
        .count();
    let wider = s
        .data
        .items
        .iter()
        .filter(|i| i.date.start <= d && i.date.end >= d && i.date.start != i.date.end)
        .count();
    assert!(inside > 0);
    press(&mut s, &chars("/from:2026-03-03 to:2026-03-03"));
    press(&mut s, &[super::key(KeyCode::Enter)]);
    assert_eq!((s.shown.len(), s.wider), (inside, wider));
    press(&mut s, &chars("W"));
    assert_eq!(s.shown.len(), inside + wider);
    press(&mut s, &chars("W"));
    assert_eq!(s.shown.len(), inside);
}
