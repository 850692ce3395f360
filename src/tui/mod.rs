//! The terminal explorer: a thin shell around a pure state and view.
//! Events from the terminal and answers from the filter worker arrive on
//! one channel; the loop handles everything pending, then draws once.

pub mod actions;
pub mod arrive;
pub mod config;
pub mod data;
pub mod edit;
pub mod history;
pub mod jump;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod loading;
pub mod mouse;
pub mod outputs;
pub mod reduce;
pub mod replay;
pub mod state;
pub mod terminal;
pub mod textfit;
pub mod view;
pub mod worker;

#[cfg(test)]
mod tests;

use crate::corpus::Corpus;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use state::{Action, Data, Effect, State};
use std::io::Write;
use std::sync::Arc;
use std::sync::mpsc::{Sender, channel};

enum Msg {
    Term(Event),
    Filtered(worker::Answer),
    Loading(crate::corpus::Progress),
    Arrived(actions::NewData),
}

/// Whether colours are allowed: not when NO_COLOR is set to anything.
pub fn color_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Opens the explorer at once on an empty timeline that fills in as the
/// files load.
pub fn run(
    src: loading::Source,
    origin: String,
    mouse: bool,
    settings: &config::Loaded,
) -> anyhow::Result<i32> {
    let empty = Corpus {
        model: Default::default(),
        issues: Vec::new(),
        origin,
        stats: Default::default(),
    };
    let mut st = State::new(Arc::new(Data::new(empty)), color_allowed());
    st.loading = Some(Default::default());
    let (tx, rx) = channel::<Msg>();
    let reload = loading::spawn(src, tx.clone(), Msg::Loading, Msg::Arrived);
    run_state(st, tx, rx, Some(reload), mouse, settings)
}

/// Opens the explorer on a corpus already loaded.
pub fn run_loaded(c: Corpus, mouse: bool, settings: &config::Loaded) -> anyhow::Result<i32> {
    let st = State::new(Arc::new(Data::new(c)), color_allowed());
    let (tx, rx) = channel::<Msg>();
    run_state(st, tx, rx, None, mouse, settings)
}

fn run_state(
    mut st: State,
    tx: Sender<Msg>,
    rx: std::sync::mpsc::Receiver<Msg>,
    reload: Option<Sender<()>>,
    mouse: bool,
    settings: &config::Loaded,
) -> anyhow::Result<i32> {
    settings.config.apply(&mut st);
    if let Some(e) = settings.errors.first() {
        st.message = Some(e.clone());
    }
    let config_path = settings.path.clone();
    st.mouse = mouse;
    st.today = chrono::Local::now().date_naive();
    let history = history::path();
    if let Some(p) = &history {
        st.history = history::load(p, reduce::HISTORY_MAX);
    }
    let filter_tx = worker::spawn(tx.clone(), Msg::Filtered);
    let mut guard = terminal::enter(mouse)?;
    spawn_input(tx);
    let size = guard.terminal.size()?;
    reduce::update(&mut st, Action::Resize(size.width, size.height));
    let shell = Shell {
        filter_tx,
        reload,
        history,
        config_path,
    };
    loop {
        guard.terminal.draw(|f| view::draw(f, &st))?;
        let mut next = Some(rx.recv()?);
        while let Some(msg) = next {
            let action = match msg {
                Msg::Filtered(a) => Some(Action::Filtered {
                    generation: a.generation,
                    shown: a.filtered.rows,
                    wider: a.filtered.wider,
                    partial: a.partial,
                }),
                Msg::Loading(p) => Some(Action::Loading(p)),
                Msg::Arrived(d) => Some(Action::Replace(d)),
                Msg::Term(ev) => translate(&st, ev),
            };
            if let Some(a) = action {
                let effects = reduce::update(&mut st, a);
                perform(&mut st, effects, &shell)?;
            }
            if st.quit {
                drop(guard);
                return Ok(0);
            }
            next = rx.try_recv().ok();
        }
    }
}

/// What the reducer's effects are carried out with.
struct Shell {
    filter_tx: Sender<worker::Request>,
    reload: Option<Sender<()>>,
    history: Option<std::path::PathBuf>,
    config_path: Option<std::path::PathBuf>,
}

fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx.send(Msg::Term(ev)).is_err() {
                break;
            }
        }
    });
}

fn translate(st: &State, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => keys::action(st, &k),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => mouse::action(&m),
        _ => None,
    }
}

/// Carries out what the reducer asked for; results come back as actions.
fn perform(st: &mut State, effects: Vec<Effect>, shell: &Shell) -> anyhow::Result<()> {
    for e in effects {
        let follow = match e {
            Effect::Quit => None,
            Effect::Filter {
                generation,
                query,
                by_relevance,
                wider,
            } => {
                let _ = shell.filter_tx.send(worker::Request {
                    data: st.data.clone(),
                    generation,
                    query,
                    by_relevance,
                    wider,
                });
                None
            }
            Effect::Reload => match &shell.reload {
                Some(r) if r.send(()).is_ok() => None,
                _ => Some(Action::Message(
                    "this corpus cannot be read again (it was given whole)".into(),
                )),
            },
            Effect::Remember(filter) => shell.history.as_deref().and_then(|p| {
                history::append(p, &filter)
                    .err()
                    .map(|e| Action::Message(format!("cannot save the filter history: {e}")))
            }),
            Effect::Export { path, overwrite } => Some(export(st, path, overwrite)),
            Effect::SavePrefs(p) => shell.config_path.as_deref().and_then(|path| {
                config::save_layout(path, &p).err().map(|e| {
                    Action::Message(format!(
                        "cannot save the layout to {}: {e}",
                        crate::sanitize::path(path)
                    ))
                })
            }),
            Effect::Copy(text) => {
                let mut out = std::io::stdout();
                write!(out, "\x1b]52;c;{}\x07", base64(text.as_bytes()))?;
                out.flush()?;
                None
            }
        };
        if let Some(a) = follow {
            let more = reduce::update(st, a);
            perform(st, more, shell)?;
        }
    }
    Ok(())
}

fn export(st: &State, path: std::path::PathBuf, overwrite: bool) -> Action {
    if !overwrite && path.exists() {
        return Action::AskOverwrite(path);
    }
    let Some(format) = crate::export::Format::from_path(&path) else {
        return Action::Message(format!("cannot tell the format of {}", path.display()));
    };
    let (bytes, n) = st.export_as(format);
    match crate::fsutil::write_atomic(&path, &bytes) {
        Ok(()) => Action::Message(format!(
            "exported {n} items to {} ({})",
            path.display(),
            format.name()
        )),
        Err(e) => Action::Message(format!("cannot write {}: {e}", path.display())),
    }
}

/// Standard base64 with padding, for OSC 52.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for ch in bytes.chunks(3) {
        let b = [ch[0], *ch.get(1).unwrap_or(&0), *ch.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= ch.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
