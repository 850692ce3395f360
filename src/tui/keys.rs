//! The one key table. Key handling, the hint bar and the help popup are
//! all read from it, so they cannot disagree.

pub use super::actions::Cmd;
use super::actions::{Action, Edit};
use super::keymap::Keymap;
use super::state::{Mode, State};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Which keys are live: one context per mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    Normal,
    Filter,
    Help,
    Prompt,
    Confirm,
    Jump,
    People,
}

impl Ctx {
    pub fn of(mode: &Mode) -> Ctx {
        match mode {
            Mode::Normal => Ctx::Normal,
            Mode::Filter => Ctx::Filter,
            Mode::Help => Ctx::Help,
            Mode::Prompt => Ctx::Prompt,
            Mode::Confirm(_) => Ctx::Confirm,
            Mode::Jump => Ctx::Jump,
            Mode::People => Ctx::People,
        }
    }
    pub fn title(self) -> &'static str {
        match self {
            Ctx::Normal => "timeline and source",
            Ctx::Filter => "filter bar",
            Ctx::Help => "help",
            Ctx::Prompt => "export path prompt",
            Ctx::Confirm => "overwrite question",
            Ctx::Jump => "jump to a date",
            Ctx::People => "people view",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub enum K {
    Ch(char),
    Ctrl(char),
    Alt(char),
    Code(KeyCode),
}

impl K {
    pub fn name(self) -> String {
        match self {
            K::Ch(' ') => "space".into(),
            K::Ch(c) => c.to_string(),
            K::Ctrl(c) => format!("C-{c}"),
            K::Alt(c) => format!("M-{c}"),
            K::Code(k) => match k {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "S-Tab".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Backspace => "Bksp".into(),
                other => format!("{other:?}"),
            },
        }
    }

    fn matches(self, k: &KeyEvent) -> bool {
        let ctrl_alt = k
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match self {
            K::Ch(c) => k.code == KeyCode::Char(c) && !ctrl_alt,
            K::Ctrl(c) => k.code == KeyCode::Char(c) && k.modifiers.contains(KeyModifiers::CONTROL),
            K::Alt(c) => k.code == KeyCode::Char(c) && k.modifiers.contains(KeyModifiers::ALT),
            K::Code(code) => k.code == code,
        }
    }
}

pub struct Binding {
    pub ctx: &'static [Ctx],
    pub keys: &'static [K],
    pub cmd: Cmd,
    pub desc: &'static str,
    /// Short label for the hint bar; empty: help only.
    pub hint: &'static str,
}

use Ctx::*;
use K::*;
const ALL: &[Ctx] = &[Normal, Filter, Help, Prompt, Confirm, Jump, People];
const NORMAL: &[Ctx] = &[Normal];
/// Where a line is typed: readline's keys work in all of them.
const LINE: &[Ctx] = &[Filter, Prompt, Jump];

const fn b(
    ctx: &'static [Ctx],
    keys: &'static [K],
    cmd: Cmd,
    desc: &'static str,
    hint: &'static str,
) -> Binding {
    Binding {
        ctx,
        keys,
        cmd,
        desc,
        hint,
    }
}

pub static TABLE: &[Binding] = &[
    b(NORMAL, &[Ch('q')], Cmd::Quit, "quit", "quit"),
    b(
        ALL,
        &[Ctrl('c')],
        Cmd::ForceQuit,
        "quit at once, from anywhere",
        "",
    ),
    b(
        NORMAL,
        &[Ch('j'), Code(KeyCode::Down)],
        Cmd::Down,
        "next row (scroll down in the source pane)",
        "move",
    ),
    b(
        NORMAL,
        &[Ch('k'), Code(KeyCode::Up)],
        Cmd::Up,
        "previous row (scroll up in the source pane)",
        "",
    ),
    b(
        NORMAL,
        &[Ch('g'), Code(KeyCode::Home)],
        Cmd::Top,
        "first row",
        "",
    ),
    b(
        NORMAL,
        &[Ch('G'), Code(KeyCode::End)],
        Cmd::Bottom,
        "last row",
        "",
    ),
    b(NORMAL, &[Ctrl('d')], Cmd::HalfDown, "half a page down", ""),
    b(NORMAL, &[Ctrl('u')], Cmd::HalfUp, "half a page up", ""),
    b(
        NORMAL,
        &[Code(KeyCode::PageDown)],
        Cmd::PageDown,
        "a page down",
        "",
    ),
    b(
        NORMAL,
        &[Code(KeyCode::PageUp)],
        Cmd::PageUp,
        "a page up",
        "",
    ),
    b(
        NORMAL,
        &[Code(KeyCode::Tab)],
        Cmd::FocusNext,
        "switch pane focus",
        "pane",
    ),
    b(
        NORMAL,
        &[Code(KeyCode::BackTab)],
        Cmd::FocusPrev,
        "switch pane focus back",
        "",
    ),
    b(
        NORMAL,
        &[Code(KeyCode::Enter)],
        Cmd::FocusSource,
        "focus the source pane",
        "source",
    ),
    b(
        NORMAL,
        &[Ch(']')],
        Cmd::NextMember,
        "next article of the cluster",
        "member",
    ),
    b(
        NORMAL,
        &[Ch('[')],
        Cmd::PrevMember,
        "previous article of the cluster",
        "",
    ),
    b(
        NORMAL,
        &[Ch(' ')],
        Cmd::Mark,
        "mark or unmark the row",
        "mark",
    ),
    b(
        NORMAL,
        &[Ch('v')],
        Cmd::RangeMark,
        "start / end a range mark",
        "",
    ),
    b(NORMAL, &[Ch('a')], Cmd::MarkAll, "mark every shown row", ""),
    b(NORMAL, &[Ch('u')], Cmd::Unmark, "clear every mark", ""),
    b(
        NORMAL,
        &[Ch('t'), Ch(':')],
        Cmd::JumpDate,
        "jump to a date (2026-03-03, Mar 3, today)",
        "date",
    ),
    b(NORMAL, &[Ch('}')], Cmd::NextGroup, "next date heading", ""),
    b(
        NORMAL,
        &[Ch('{')],
        Cmd::PrevGroup,
        "previous date heading",
        "",
    ),
    b(
        NORMAL,
        &[Ch('W')],
        Cmd::ToggleWider,
        "show / hide rows dated wider than the filter's range",
        "",
    ),
    b(
        NORMAL,
        &[Ch('<')],
        Cmd::ShrinkList,
        "narrower timeline, wider source pane",
        "",
    ),
    b(
        NORMAL,
        &[Ch('>')],
        Cmd::GrowList,
        "wider timeline, narrower source pane",
        "",
    ),
    b(
        NORMAL,
        &[Ch('\\')],
        Cmd::ToggleSource,
        "hide / show the source pane",
        "",
    ),
    b(
        NORMAL,
        &[Ch('c')],
        Cmd::ToggleChart,
        "hide / show the coverage chart",
        "",
    ),
    b(
        NORMAL,
        &[Ch('p')],
        Cmd::People,
        "people: actors of the shown rows with their quotes and mentions",
        "people",
    ),
    b(
        NORMAL,
        &[Ch('C')],
        Cmd::ToggleUnsure,
        "hide / show unsure rows (confidence under unsure_below, default 0.5)",
        "",
    ),
    b(
        NORMAL,
        &[Ch('R')],
        Cmd::Reload,
        "reload: read new, changed and removed files",
        "",
    ),
    b(
        NORMAL,
        &[Ch('e')],
        Cmd::Export,
        "export marked rows (or all shown): .md .csv .jsonl .json .timeline.json",
        "export",
    ),
    b(
        NORMAL,
        &[Ch('y')],
        Cmd::Copy,
        "copy the row and its citation (OSC 52)",
        "copy",
    ),
    b(
        NORMAL,
        &[Ch('/')],
        Cmd::Filter,
        "open the filter bar",
        "filter",
    ),
    b(
        NORMAL,
        &[Ch('s')],
        Cmd::ToggleOrder,
        "order by relevance / by time",
        "",
    ),
    b(NORMAL, &[Ch('?')], Cmd::Help, "this help", "help"),
    b(
        NORMAL,
        &[Code(KeyCode::Esc)],
        Cmd::Back,
        "cancel a range mark / back to the timeline / clear the filter",
        "",
    ),
    b(
        &[Filter],
        &[Code(KeyCode::Enter)],
        Cmd::Accept,
        "keep the filter, back to the list",
        "keep",
    ),
    b(
        &[Filter],
        &[Code(KeyCode::Esc)],
        Cmd::Back,
        "close, back to the filter there was before",
        "back",
    ),
    b(
        LINE,
        &[Code(KeyCode::Backspace)],
        Cmd::Edit(Edit::Backspace),
        "delete a character",
        "",
    ),
    b(
        LINE,
        &[Ctrl('u')],
        Cmd::Edit(Edit::KillToStart),
        "delete to the start of the line",
        "clear",
    ),
    b(
        LINE,
        &[Ctrl('w')],
        Cmd::Edit(Edit::KillWord),
        "delete the word before the cursor",
        "",
    ),
    b(
        LINE,
        &[Ctrl('a'), Code(KeyCode::Home)],
        Cmd::Edit(Edit::Start),
        "cursor to the start",
        "",
    ),
    b(
        LINE,
        &[Ctrl('e'), Code(KeyCode::End)],
        Cmd::Edit(Edit::End),
        "cursor to the end",
        "",
    ),
    b(
        LINE,
        &[Code(KeyCode::Left), Ctrl('b')],
        Cmd::Edit(Edit::Left),
        "cursor a character left",
        "",
    ),
    b(
        LINE,
        &[Code(KeyCode::Right), Ctrl('f')],
        Cmd::Edit(Edit::Right),
        "cursor a character right",
        "",
    ),
    b(
        LINE,
        &[Alt('b')],
        Cmd::Edit(Edit::WordLeft),
        "cursor a word left",
        "",
    ),
    b(
        LINE,
        &[Alt('f')],
        Cmd::Edit(Edit::WordRight),
        "cursor a word right",
        "",
    ),
    b(
        &[Filter],
        &[Code(KeyCode::Up)],
        Cmd::HistoryPrev,
        "older filter from the history",
        "history",
    ),
    b(
        &[Filter],
        &[Code(KeyCode::Down)],
        Cmd::HistoryNext,
        "newer filter from the history",
        "",
    ),
    b(
        &[Filter],
        &[Ctrl('s')],
        Cmd::ToggleOrder,
        "order by relevance / by time",
        "order",
    ),
    b(
        &[Filter],
        &[Ctrl('n'), Ctrl('j')],
        Cmd::Down,
        "next row",
        "",
    ),
    b(
        &[Filter],
        &[Ctrl('p'), Ctrl('k')],
        Cmd::Up,
        "previous row",
        "",
    ),
    b(
        &[People],
        &[Ch('j'), Code(KeyCode::Down)],
        Cmd::Down,
        "next person",
        "move",
    ),
    b(
        &[People],
        &[Ch('k'), Code(KeyCode::Up)],
        Cmd::Up,
        "previous person",
        "",
    ),
    b(
        &[People],
        &[Ch('g'), Code(KeyCode::Home)],
        Cmd::Top,
        "first person",
        "",
    ),
    b(
        &[People],
        &[Ch('G'), Code(KeyCode::End)],
        Cmd::Bottom,
        "last person",
        "",
    ),
    b(
        &[People],
        &[Code(KeyCode::Enter)],
        Cmd::Accept,
        "filter the timeline by this person",
        "filter",
    ),
    b(
        &[People],
        &[Code(KeyCode::Esc), Ch('q'), Ch('p')],
        Cmd::Back,
        "back to the timeline",
        "back",
    ),
    b(
        &[Help],
        &[Code(KeyCode::Esc), Ch('q'), Ch('?')],
        Cmd::Back,
        "close the help",
        "close",
    ),
    b(
        &[Help],
        &[Ch('j'), Code(KeyCode::Down)],
        Cmd::Down,
        "scroll down",
        "scroll",
    ),
    b(
        &[Help],
        &[Ch('k'), Code(KeyCode::Up)],
        Cmd::Up,
        "scroll up",
        "",
    ),
    b(
        &[Prompt],
        &[Code(KeyCode::Enter)],
        Cmd::Accept,
        "write the file",
        "write",
    ),
    b(
        &[Prompt],
        &[Code(KeyCode::Esc)],
        Cmd::Back,
        "cancel the export",
        "cancel",
    ),
    b(
        &[Jump],
        &[Code(KeyCode::Enter)],
        Cmd::Accept,
        "jump to the first row on or after that day",
        "jump",
    ),
    b(
        &[Jump],
        &[Code(KeyCode::Esc)],
        Cmd::Back,
        "cancel",
        "cancel",
    ),
    b(
        &[Confirm],
        &[Ch('y')],
        Cmd::Yes,
        "overwrite the file",
        "overwrite",
    ),
    b(
        &[Confirm],
        &[Ch('n'), Code(KeyCode::Esc)],
        Cmd::No,
        "keep it, edit the path",
        "no",
    ),
];

/// The action a key asks for in the current mode, if any. In the filter
/// bar and the path prompt, other printable keys are typed.
pub fn action(state: &State, key: &KeyEvent) -> Option<Action> {
    let ctx = Ctx::of(&state.mode);
    if let Some((bd, _)) = state
        .keymap
        .bindings(ctx)
        .find(|(_, keys)| keys.iter().any(|k| k.matches(key)))
    {
        return Some(Action::Cmd(bd.cmd));
    }
    match (ctx, key.code) {
        (Filter | Prompt | Jump, KeyCode::Char(c))
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Action::Input(c))
        }
        _ => None,
    }
}

/// Hint bar text for a mode: "key label" for every binding with a hint
/// and a key.
pub fn hints(map: &Keymap, ctx: Ctx) -> Vec<(String, &'static str)> {
    map.bindings(ctx)
        .filter(|(bd, keys)| !bd.hint.is_empty() && !keys.is_empty())
        .map(|(bd, keys)| (keys[0].name(), bd.hint))
        .collect()
}

/// Help lines: every binding, grouped by mode, with its keys as remapped
/// (an action left with no key says so).
pub fn help_lines(map: &Keymap) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for ctx in [Normal, Filter, People, Help, Prompt, Jump, Confirm] {
        out.push((String::new(), format!("— {} —", ctx.title())));
        for (bd, keys) in map.bindings(ctx) {
            let names: Vec<String> = keys.iter().map(|k| k.name()).collect();
            let shown = if names.is_empty() {
                "(none)".to_string()
            } else {
                names.join(" ")
            };
            out.push((shown, bd.desc.to_string()));
        }
    }
    out
}
