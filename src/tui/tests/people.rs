//! The people view: opened on the shown rows, moved through, and Enter
//! filters the timeline by the chosen actor.

use super::{chars, key, press, state};
use crate::tui::state::{Action, Effect, Mode};
use ratatui::crossterm::event::KeyCode;

#[test]
fn enter_filters_the_timeline_by_the_chosen_person() {
    let mut s = state(120, 40);
    press(&mut s, &chars("p"));
    assert_eq!(s.mode, Mode::People);
    assert!(s.people.len() > 5);
    press(&mut s, &chars("jjk"));
    assert_eq!(s.people_sel, 1);
    press(&mut s, &chars("G"));
    assert_eq!(s.people_sel, s.people.len() - 1);
    press(&mut s, &chars("g"));
    let chosen = s.people[0].clone();
    let effects = press(&mut s, &[key(KeyCode::Enter)]);
    assert_eq!(s.mode, Mode::Normal);
    let (generation, query) = effects
        .iter()
        .find_map(|e| match e {
            Effect::Filter {
                generation, query, ..
            } => Some((*generation, query.clone())),
            _ => None,
        })
        .expect("the filter runs");
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Remember(q) if *q == query))
    );
    let shown = crate::query::filter(
        &s.data.items,
        &s.data.hays,
        &crate::query::Query::parse(&query),
        false,
    );
    crate::tui::reduce::update(
        &mut s,
        Action::Filtered {
            generation,
            shown,
            wider: 0,
            partial: false,
        },
    );
    assert!(!s.shown.is_empty());
    let a = chosen.actor;
    for &i in &s.shown {
        let it = &s.data.items[i];
        assert!(it.actors.contains(&a), "{query}: {}", it.text);
    }
    assert!(s.shown.len() >= chosen.mentions.min(chosen.quotes.max(1)));
    // Opened again on the filtered rows, the chosen person leads.
    press(&mut s, &chars("p"));
    assert_eq!(s.people[0].actor, a);
    press(&mut s, &chars("q"));
    assert_eq!(s.mode, Mode::Normal, "q leaves the view, not the program");
    assert!(!s.quit);
}
