//! Driving the explorer without a terminal: keys go through the same key
//! table and reducer as in the app, and the filter the worker would run
//! off the UI thread runs at once. Tests and screenshots use this.

use super::keys;
use super::reduce::update;
use super::state::{Action, Effect, State};
use super::worker;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Feeds one action, answering filter effects as the worker would.
pub fn act(s: &mut State, a: Action) -> Vec<Effect> {
    let effects = update(s, a);
    for e in &effects {
        if let Effect::Filter {
            generation,
            query,
            by_relevance,
            wider,
        } = e
        {
            let f = worker::run(&s.data, query, *by_relevance, *wider);
            update(
                s,
                Action::Filtered {
                    generation: *generation,
                    shown: f.rows,
                    wider: f.wider,
                    partial: false,
                },
            );
        }
    }
    effects
}

/// Types keys as the terminal would send them, through the key table.
pub fn press(s: &mut State, keys_: &[KeyEvent]) -> Vec<Effect> {
    let mut out = Vec::new();
    for k in keys_ {
        if let Some(a) = keys::action(s, k) {
            out.extend(act(s, a));
        }
    }
    out
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// One key press per character; `\r` is Enter and `\x1b` is Esc, as a
/// terminal sends them.
pub fn chars(text: &str) -> Vec<KeyEvent> {
    text.chars()
        .map(|c| match c {
            '\r' => key(KeyCode::Enter),
            '\x1b' => key(KeyCode::Esc),
            c => key(KeyCode::Char(c)),
        })
        .collect()
}
