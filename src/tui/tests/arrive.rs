//! A new corpus arriving in the open explorer.

use super::{chars, press};
use crate::aliases::AliasTable;
use crate::corpus::Corpus;
use crate::loader::{self, BUNDLED_ALIASES};
use crate::tui::actions::{Action, Arrival, NewData};
use crate::tui::reduce::update;
use crate::tui::state::{Data, State};
use std::sync::Arc;

/// The bundled corpus with its first `n` articles.
fn data(n: usize) -> Arc<Data> {
    let docs: Vec<_> = loader::bundled().into_iter().take(n).collect();
    let (table, _) = AliasTable::parse(BUNDLED_ALIASES);
    let (model, _) = crate::extract::build_model(&docs, &table);
    Arc::new(Data::new(Corpus {
        model,
        issues: Vec::new(),
        origin: "bundled corpus".into(),
        stats: Default::default(),
    }))
}

fn selected_key(s: &State) -> crate::tui::data::MemberKey {
    let it = s.selected_item().unwrap();
    s.data.member_key(it.what)
}

#[test]
fn a_reload_keeps_selection_and_marks_and_says_what_changed() {
    let all = data(5);
    let fewer = data(4);
    let mut s = State::new(all.clone(), false);
    update(&mut s, Action::Resize(120, 40));
    // Select a row of an article that stays, and mark it.
    let kept_path = &fewer.corpus.model.articles[0].path;
    let pos = (s.shown.iter())
        .position(|&i| all.corpus.model.articles[all.items[i].article].path == *kept_path)
        .unwrap();
    for _ in 0..pos + 2 {
        press(&mut s, &chars("j"));
    }
    press(&mut s, &chars("k"));
    press(&mut s, &chars("k"));
    press(&mut s, &chars(" "));
    let key = selected_key(&s);
    let line = s.row_of[s.sel] - s.top;
    assert_eq!(s.marks.len(), 1);

    update(
        &mut s,
        Action::Replace(NewData(fewer.clone(), Arrival::Reloaded)),
    );
    assert_eq!(s.shown.len(), fewer.items.len());
    assert_eq!(selected_key(&s), key, "the same event stays selected");
    assert_eq!(s.row_of[s.sel] - s.top, line, "on the same screen line");
    assert_eq!(s.marks.len(), 1);
    let msg = s.message.clone().unwrap();
    assert!(msg.contains("1 article removed"), "{msg}");
    assert!(s.fresh.is_empty());

    update(
        &mut s,
        Action::Replace(NewData(all.clone(), Arrival::Reloaded)),
    );
    let msg = s.message.clone().unwrap();
    assert!(msg.starts_with("1 new article, "), "{msg}");
    assert_eq!(selected_key(&s), key);
    assert!(!s.fresh.is_empty(), "the returned article's rows are new");
    // Seen once selected: moving onto a new row clears its marker.
    let first_new = *s.fresh.iter().next().unwrap();
    let at = s.shown.iter().position(|&i| i == first_new).unwrap();
    while s.sel < at {
        press(&mut s, &chars("j"));
    }
    while s.sel > at {
        press(&mut s, &chars("k"));
    }
    assert!(!s.fresh.contains(&first_new));
}

#[test]
fn the_first_load_replaces_the_empty_timeline_and_ends_the_gauge() {
    let empty = Arc::new(Data::new(Corpus {
        model: Default::default(),
        issues: Vec::new(),
        origin: "data/".into(),
        stats: Default::default(),
    }));
    let mut s = State::new(empty, false);
    s.loading = Some(Default::default());
    update(&mut s, Action::Resize(120, 40));
    press(&mut s, &chars("j"));
    update(&mut s, Action::Replace(NewData(data(2), Arrival::Preview)));
    assert!(s.loading.is_some(), "a preview is not the end of the load");
    assert!(!s.shown.is_empty());
    update(&mut s, Action::Replace(NewData(data(5), Arrival::Loaded)));
    assert!(s.loading.is_none());
    assert_eq!(s.shown.len(), s.data.items.len());
    assert!(s.fresh.is_empty(), "nothing is new on the first load");
}

#[test]
fn c_hides_the_rows_under_the_confidence_threshold_and_shows_them_again() {
    // Two rows made unsure, as a clause without a verb or date would be.
    let mut c = super::bundled_corpus();
    for e in c.model.events.iter_mut().take(2) {
        e.confidence = 0.3;
    }
    let d = Arc::new(Data::new(c));
    let mut s = State::new(d.clone(), false);
    update(&mut s, Action::Resize(120, 40));
    let all = s.shown.len();
    let unsure = (d.items.iter())
        .filter(|it| d.confidence(it) < crate::tui::state::UNSURE)
        .count();
    assert!(unsure > 0, "a row to hide");
    press(&mut s, &chars("C"));
    assert_eq!(s.shown.len(), all - unsure);
    assert_eq!(s.unsure_hidden, unsure);
    assert!(s.shown.iter().all(|&i| d.confidence(&d.items[i]) >= 0.5));
    press(&mut s, &chars("C"));
    assert_eq!(s.shown.len(), all);
}
