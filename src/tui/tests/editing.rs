//! The filter bar's three states, readline keys, history, and marks.

use super::{chars, ctrl, key, press, state};
use crate::tui::state::Mode;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn alt(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
}

#[test]
fn ctrl_u_and_ctrl_w_edit_the_filter() {
    let mut s = state(120, 40);
    let all = s.shown.len();
    press(&mut s, &chars("/iran oil"));
    press(&mut s, &[ctrl('w')]);
    assert_eq!(s.filter.text, "iran ");
    press(&mut s, &[alt('b')]);
    assert_eq!(s.filter.cursor, 0);
    press(&mut s, &[ctrl('e'), key(KeyCode::Left)]);
    assert_eq!(s.filter.cursor, 4);
    press(&mut s, &[ctrl('a')]);
    press(&mut s, &chars("@"));
    assert_eq!(s.filter.text, "@iran ");
    press(&mut s, &[key(KeyCode::End), ctrl('u')]);
    assert_eq!(s.filter.text, "");
    assert_eq!(s.shown.len(), all, "an empty line shows everything");
    assert_eq!(s.mode, Mode::Filter);
}

#[test]
fn esc_while_typing_restores_and_esc_in_the_list_clears() {
    let mut s = state(120, 40);
    press(&mut s, &chars("/bibi"));
    press(&mut s, &[key(KeyCode::Enter)]);
    let bibi = s.shown.clone();
    press(&mut s, &chars("/"));
    assert_eq!(s.filter.text, "bibi", "reopening edits what is applied");
    press(&mut s, &[ctrl('u')]);
    press(&mut s, &chars("oil"));
    press(&mut s, &[key(KeyCode::Esc)]);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!((s.filter.text.as_str(), &s.shown), ("bibi", &bibi));
    press(&mut s, &[key(KeyCode::Esc)]);
    assert_eq!(s.filter.text, "");
    assert_eq!(s.shown.len(), s.data.items.len(), "Esc in the list clears");
}

#[test]
fn no_matches_is_said() {
    let mut s = state(120, 40);
    press(&mut s, &chars("/zqxjvw"));
    assert!(s.shown.is_empty());
    let text = super::frames_text(&s);
    assert!(text.contains("no matches for zqxjvw"), "{text}");
}

#[test]
fn up_and_down_walk_the_history() {
    let mut s = state(120, 40);
    let mut effects = Vec::new();
    for q in ["bibi", "oil"] {
        press(&mut s, &chars("/"));
        press(&mut s, &[ctrl('u')]);
        press(&mut s, &chars(q));
        effects.extend(press(&mut s, &[key(KeyCode::Enter)]));
    }
    assert_eq!(
        effects,
        vec![
            crate::tui::state::Effect::Remember("bibi".into()),
            crate::tui::state::Effect::Remember("oil".into())
        ]
    );
    assert_eq!(s.history, ["bibi", "oil"]);
    press(&mut s, &chars("/"));
    press(&mut s, &[ctrl('u')]);
    press(&mut s, &chars("dr"));
    press(&mut s, &[key(KeyCode::Up)]);
    assert_eq!(s.filter.text, "oil");
    press(&mut s, &[key(KeyCode::Up), key(KeyCode::Up)]);
    assert_eq!(s.filter.text, "bibi", "stops at the oldest");
    press(&mut s, &[key(KeyCode::Down)]);
    assert_eq!(s.filter.text, "oil");
    press(&mut s, &[key(KeyCode::Down)]);
    assert_eq!(s.filter.text, "dr", "back to the line being typed");
    // Ctrl-n / Ctrl-p move the list while typing.
    press(&mut s, &[ctrl('u'), ctrl('n'), ctrl('n')]);
    assert_eq!(s.sel, 2);
    press(&mut s, &[ctrl('p')]);
    assert_eq!(s.sel, 1);
}

#[test]
fn u_clears_marks_and_the_range_mark_shows_in_the_status_line() {
    let mut s = state(120, 40);
    press(&mut s, &chars(" j v"));
    press(&mut s, &chars("jj"));
    let text = super::frames_text(&s);
    assert!(
        text.contains("range mark from row 2 to row 4 (3 rows)"),
        "{text}"
    );
    press(&mut s, &chars("v"));
    assert_eq!(s.marks.len(), 4);
    press(&mut s, &chars("u"));
    assert!(s.marks.is_empty());
    assert_eq!(s.message.as_deref(), Some("cleared 4 marks"));
}

#[test]
fn at_names_match_words_of_names_only() {
    let mut s = state(120, 40);
    press(&mut s, &chars("/@netan"));
    assert!(!s.shown.is_empty());
    let m = &s.data.corpus.model;
    for &i in &s.shown {
        let it = &s.data.items[i];
        let names: Vec<String> = it
            .actors
            .iter()
            .flat_map(|&a| {
                let a = &m.actors[a];
                std::iter::once(a.name.clone()).chain(a.aliases.iter().cloned())
            })
            .chain(it.speaker.iter().map(|n| n.to_string()))
            .collect();
        assert!(
            names.iter().any(|n| n
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.starts_with("netan"))),
            "{names:?}"
        );
    }
}
