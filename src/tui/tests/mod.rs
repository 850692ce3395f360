//! Model-level tests of the explorer: keys in, state out.

mod arrive;
mod config;
mod counting;
mod dates;
mod editing;
mod frames;
mod layout;
mod people;

use super::keys::Cmd;
use super::reduce::update;
pub(super) use super::replay::{act, chars, key, press};
use super::state::{Action, Data, Effect, Focus, Mode, State};
use crate::aliases::AliasTable;
use crate::corpus::Corpus;
use crate::loader::{self, BUNDLED_ALIASES};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::{Arc, OnceLock};

pub(super) fn bundled_corpus() -> Corpus {
    let docs = loader::bundled();
    let (table, _) = AliasTable::with_general(BUNDLED_ALIASES);
    let (model, _) = crate::extract::build_model(&docs, &table);
    Corpus {
        model,
        issues: Vec::new(),
        origin: "bundled corpus".into(),
        stats: Default::default(),
    }
}

pub(super) fn data() -> Arc<Data> {
    static DATA: OnceLock<Arc<Data>> = OnceLock::new();
    DATA.get_or_init(|| Arc::new(Data::new(bundled_corpus())))
        .clone()
}

pub(super) fn state(w: u16, h: u16) -> State {
    let mut s = State::new(data(), false);
    update(&mut s, Action::Resize(w, h));
    s
}

pub(super) fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// The frame's text, row by row.
pub(super) fn frames_text(s: &State) -> String {
    let b = super::view::to_buffer(s);
    (0..b.area.height)
        .map(|y| {
            (0..b.area.width)
                .map(|x| b[(x, y)].symbol())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

fn actor_names(s: &State, item: usize) -> Vec<String> {
    s.data.items[item]
        .actors
        .iter()
        .map(|&a| s.data.corpus.model.actors[a].name.clone())
        .collect()
}

#[test]
fn moves_down_up_and_to_the_ends() {
    let mut s = state(80, 24);
    press(&mut s, &chars("jjj"));
    assert_eq!(s.sel, 3);
    press(&mut s, &[key(KeyCode::Up)]);
    assert_eq!(s.sel, 2);
    press(&mut s, &chars("G"));
    assert_eq!(s.sel, s.shown.len() - 1);
    let list_h = s.areas().unwrap().list().height as usize;
    let row = s.row_of[s.sel];
    assert!(
        row >= s.top && row < s.top + list_h,
        "selection stays in view"
    );
    press(&mut s, &chars("g"));
    assert_eq!((s.sel, s.top), (0, 0));
    press(&mut s, &chars("k"));
    assert_eq!(s.sel, 0, "no wrap past the top");
}

#[test]
fn filter_bibi_shows_netanyahu_rows() {
    let mut s = state(80, 24);
    let total = s.shown.len();
    let bibi = |s: &State, i: usize| actor_names(s, i).iter().any(|n| n == "Benjamin Netanyahu");
    let netanyahu: Vec<usize> = (0..total).filter(|&i| bibi(&s, i)).collect();
    press(&mut s, &chars("/bibi"));
    assert_eq!(s.mode, Mode::Filter);
    assert_eq!(s.filter.text, "bibi");
    assert!(s.shown.len() < total);
    assert!(
        netanyahu.iter().all(|i| s.shown.contains(i)),
        "every Netanyahu row is shown"
    );
    // Other rows are shown only when their own words say "Bibi".
    for &i in s.shown.iter().filter(|&&i| !bibi(&s, i)) {
        let h = &s.data.hays[i];
        assert!(h.text().contains("bibi"), "{h:?}");
    }
    press(
        &mut s,
        &[KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)],
    );
    assert!(s.by_relevance);
    let first: Vec<usize> = s.shown[..netanyahu.len()].to_vec();
    assert!(
        first.iter().all(|&i| bibi(&s, i)),
        "by relevance, Netanyahu rows first"
    );
    press(&mut s, &[key(KeyCode::Enter)]);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.filter_shown, "bibi", "Enter keeps the filter");
}

#[test]
fn stale_filter_results_are_ignored() {
    let mut s = state(80, 24);
    update(&mut s, Action::Cmd(Cmd::Filter));
    let e1 = update(&mut s, Action::Input('b'));
    update(&mut s, Action::Input('i'));
    let Effect::Filter { generation, .. } = e1[0] else {
        panic!("typing asks for a filter")
    };
    update(
        &mut s,
        Action::Filtered {
            generation,
            shown: vec![0],
            wider: 0,
            partial: false,
        },
    );
    assert_eq!(s.shown.len(), s.data.items.len(), "old answer dropped");
    assert_eq!(s.filter.text, "bi", "typed text shows at once");
}

#[test]
fn marks_two_rows_and_exports_them() {
    let mut s = state(80, 24);
    press(&mut s, &chars(" j "));
    assert_eq!(s.marks.len(), 2);
    press(&mut s, &chars("k "));
    assert_eq!(s.marks.len(), 1, "space toggles");
    press(&mut s, &chars(" e"));
    assert_eq!(s.mode, Mode::Prompt);
    assert_eq!(s.prompt.text, "dateline-briefing.md");
    let effects = press(&mut s, &[key(KeyCode::Enter)]);
    assert!(matches!(
        &effects[..],
        [Effect::Export {
            overwrite: false,
            ..
        }]
    ));
    let (md, n) = s.briefing();
    assert_eq!(n, 2);
    assert!(md.starts_with("# dateline briefing"));
    act(&mut s, Action::Message("exported 2 items to x".into()));
    assert_eq!(s.mode, Mode::Normal);
}

#[test]
fn the_export_prompt_chooses_the_format_by_extension() {
    let mut s = state(80, 24);
    press(&mut s, &chars(" j e"));
    for _ in 0.."dateline-briefing.md".len() {
        press(&mut s, &[key(KeyCode::Backspace)]);
    }
    press(&mut s, &chars("rows.txt"));
    let effects = press(&mut s, &[key(KeyCode::Enter)]);
    assert!(effects.is_empty(), "an unknown extension writes nothing");
    assert_eq!(s.mode, Mode::Prompt, "and the name can be corrected");
    assert!(s.message.as_deref().unwrap().contains(".csv"));
    for _ in 0..3 {
        press(&mut s, &[key(KeyCode::Backspace)]);
    }
    press(&mut s, &chars("csv"));
    let effects = press(&mut s, &[key(KeyCode::Enter)]);
    assert!(matches!(&effects[..], [Effect::Export { path, .. }] if path.ends_with("rows.csv")));
    let (bytes, n) = s.export_as(crate::export::Format::Csv);
    assert_eq!(n, 2);
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with("kind,id,date_start"));
    assert!(text.lines().count() > 2, "every member of the two rows");
    let (bytes, _) = s.export_as(crate::export::Format::Jsonl);
    for line in String::from_utf8(bytes).unwrap().lines() {
        serde_json::from_str::<serde_json::Value>(line).unwrap();
    }
}

#[test]
fn range_and_all_marks() {
    let mut s = state(80, 24);
    press(&mut s, &chars("vjjv"));
    assert_eq!(s.marks.len(), 3);
    press(&mut s, &chars("a"));
    assert_eq!(s.marks.len(), s.shown.len());
}

#[test]
fn overwrite_needs_a_yes() {
    let mut s = state(80, 24);
    press(&mut s, &chars("e"));
    act(&mut s, Action::AskOverwrite("x.md".into()));
    assert!(matches!(s.mode, Mode::Confirm(_)));
    press(&mut s, &chars("n"));
    assert_eq!(s.mode, Mode::Prompt, "no: edit the path again");
    act(&mut s, Action::AskOverwrite("x.md".into()));
    let e = press(&mut s, &chars("y"));
    assert!(matches!(
        &e[..],
        [Effect::Export {
            overwrite: true,
            ..
        }]
    ));
}

#[test]
fn esc_backs_out_and_never_quits() {
    let mut s = state(80, 24);
    press(&mut s, &chars("/bibi"));
    press(&mut s, &[key(KeyCode::Esc)]);
    assert_eq!(s.mode, Mode::Normal);
    assert!(s.filter.text.is_empty());
    assert_eq!(s.shown.len(), s.data.items.len(), "Esc clears the filter");
    press(&mut s, &chars("?"));
    assert_eq!(s.mode, Mode::Help);
    press(&mut s, &[key(KeyCode::Esc)]);
    assert_eq!(s.mode, Mode::Normal);
    press(&mut s, &[key(KeyCode::Enter)]);
    assert_eq!(s.focus, Focus::Source);
    press(
        &mut s,
        &[key(KeyCode::Esc), key(KeyCode::Esc), key(KeyCode::Esc)],
    );
    assert_eq!(s.focus, Focus::Timeline);
    assert!(!s.quit);
}

#[test]
fn q_quits_only_from_the_top_level() {
    let mut s = state(80, 24);
    press(&mut s, &chars("?q"));
    assert!(!s.quit, "q closes the help");
    assert_eq!(s.mode, Mode::Normal);
    press(&mut s, &chars("/q"));
    assert!(!s.quit, "q is typed in the filter");
    assert_eq!(s.filter.text, "q");
    press(&mut s, &[key(KeyCode::Esc)]);
    press(&mut s, &chars("eq"));
    assert!(!s.quit, "q is typed in the prompt");
    assert!(s.prompt.text.ends_with('q'));
    press(&mut s, &[key(KeyCode::Esc)]);
    let e = press(&mut s, &chars("q"));
    assert!(s.quit && e == vec![Effect::Quit]);
    let mut s = state(80, 24);
    press(&mut s, &chars("/"));
    press(
        &mut s,
        &[KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)],
    );
    assert!(s.quit, "Ctrl-c always quits");
}

#[test]
fn cluster_members_step_through_articles() {
    let mut s = state(120, 40);
    let pos = s
        .shown
        .iter()
        .position(|&i| s.data.items[i].members.len() > 1)
        .expect("a cluster with several members");
    for _ in 0..pos {
        press(&mut s, &chars("j"));
    }
    let first = s.source();
    press(&mut s, &chars("]"));
    assert_eq!(s.member, 1);
    assert_ne!(s.source(), first);
    press(&mut s, &chars("["));
    assert_eq!(s.source(), first);
}

#[test]
fn copy_sends_text_and_citation() {
    let mut s = state(80, 24);
    let e = press(&mut s, &chars("y"));
    let [Effect::Copy(t)] = &e[..] else {
        panic!("y copies")
    };
    assert!(t.contains(&s.data.items[s.shown[0]].text));
    // A citation a reader can follow, not byte offsets.
    assert!(!t.contains("bytes "));
    assert!(t.contains("published") || t.contains("20"), "{t}");
    assert_eq!(super::base64(b"hello!?"), "aGVsbG8hPw==");
}
