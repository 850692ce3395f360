//! The layout keys: resizing the split, hiding the source pane and the
//! chart, each remembered through an effect; the detail strip and chart
//! follow the selection and the filter.

use super::{chars, frames_text, press, state};
use crate::tui::layout::{Prefs, SPLIT_MAX, SPLIT_MIN};
use crate::tui::state::{Action, Effect, Focus};
use ratatui::crossterm::event::KeyCode;

fn saved(effects: &[Effect]) -> Option<Prefs> {
    effects.iter().find_map(|e| match e {
        Effect::SavePrefs(p) => Some(*p),
        _ => None,
    })
}

#[test]
fn the_split_resizes_within_bounds_and_is_remembered() {
    let mut s = state(160, 48);
    let wide = s.areas().unwrap().timeline.width;
    let e = press(&mut s, &chars(">"));
    assert_eq!(saved(&e).unwrap().split, 60);
    assert!(s.areas().unwrap().timeline.width > wide);
    press(&mut s, &chars("<<"));
    assert_eq!(s.prefs.split, 50);
    assert!(s.areas().unwrap().timeline.width < wide);
    for _ in 0..20 {
        press(&mut s, &chars(">"));
    }
    assert_eq!(s.prefs.split, SPLIT_MAX);
    for _ in 0..20 {
        press(&mut s, &chars("<"));
    }
    assert_eq!(s.prefs.split, SPLIT_MIN);
    assert!(s.message.as_deref().unwrap().contains("25%"));
}

#[test]
fn the_source_pane_hides_and_comes_back_for_the_focus() {
    let mut s = state(120, 40);
    press(&mut s, &[super::key(KeyCode::Tab)]);
    assert_eq!(s.focus, Focus::Source);
    let e = press(&mut s, &chars("\\"));
    assert!(!saved(&e).unwrap().source);
    assert_eq!(
        s.focus,
        Focus::Timeline,
        "a hidden pane cannot keep the focus"
    );
    let a = s.areas().unwrap();
    assert_eq!(a.source.area(), 0);
    assert_eq!(a.timeline.width, 120, "the list takes the whole width");
    assert!(!frames_text(&s).contains("Source"));
    press(&mut s, &chars("<"));
    assert!(s.message.as_deref().unwrap().contains("hidden"));
    let e = press(&mut s, &[super::key(KeyCode::Tab)]);
    assert!(saved(&e).unwrap().source);
    assert_eq!(s.focus, Focus::Source);
    assert!(frames_text(&s).contains("Source"));
}

#[test]
fn the_chart_hides_and_narrows_with_the_filter() {
    let mut s = state(120, 40);
    let frame = frames_text(&s);
    let first = frame.lines().next().unwrap().to_string();
    assert!(first.starts_with("coverage "), "{first}");
    assert!(first.contains("peak 47"), "{first}");
    // Filtering narrows it: the peak is of the shown rows only.
    s.filter.set("bibi");
    let effects = s.refilter();
    let query = effects
        .iter()
        .find_map(|e| match e {
            Effect::Filter { generation, .. } => Some(*generation),
            _ => None,
        })
        .unwrap();
    let shown = crate::query::filter(
        &s.data.items,
        &s.data.hays,
        &crate::query::Query::parse("bibi"),
        false,
    );
    crate::tui::reduce::update(
        &mut s,
        Action::Filtered {
            generation: query,
            shown,
            wider: 0,
            partial: false,
        },
    );
    let first = frames_text(&s).lines().next().unwrap().to_string();
    assert!(first.contains("peak 8"), "{first}");
    let e = press(&mut s, &chars("c"));
    assert!(!saved(&e).unwrap().chart);
    assert_eq!(s.areas().unwrap().chart.height, 0);
    assert!(!frames_text(&s).contains("coverage "));
}

#[test]
fn the_detail_strip_shows_the_selected_row_in_full() {
    let mut s = state(160, 48);
    let area = s.areas().unwrap().detail;
    assert_eq!(area.height, 2);
    press(&mut s, &chars("jj"));
    let it = s.selected_item().unwrap().text.clone();
    let frame = frames_text(&s);
    let rows: Vec<&str> = frame.lines().collect();
    let strip = format!(
        "{} {}",
        rows[area.y as usize].trim_end(),
        rows[area.y as usize + 1].trim_end()
    );
    let words: Vec<&str> = it.split_whitespace().take(12).collect();
    for w in words {
        assert!(strip.contains(w), "{w} not in {strip}");
    }
    assert!(strip.contains("source"), "{strip}");
}
