//! The explorer's state and its pure reducer: actions in, effects out.
//! Nothing here touches the terminal, the clock or the file system.

use super::keys::Cmd;
use super::layout::{self, Areas};
use super::textfit;
use crate::model::Span;
use crate::timeline::Item;
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

pub use super::data::Data;

pub const DEFAULT_EXPORT: &str = "dateline-briefing.md";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Timeline,
    Source,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Filter,
    Help,
    Prompt,
    /// The export path exists: overwrite it?
    Confirm(PathBuf),
}

/// A line of the timeline list: a day heading or a shown item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Day(NaiveDate),
    Item(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Cmd(Cmd),
    Input(char),
    Resize(u16, u16),
    /// The worker's answer for a filter generation.
    Filtered {
        generation: u64,
        shown: Vec<usize>,
    },
    AskOverwrite(PathBuf),
    Message(String),
    Scroll {
        col: u16,
        row: u16,
        down: bool,
    },
    Click {
        col: u16,
        row: u16,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    Filter {
        generation: u64,
        query: String,
        by_relevance: bool,
    },
    Export {
        path: PathBuf,
        overwrite: bool,
    },
    Copy(String),
}

pub struct State {
    pub data: Arc<Data>,
    /// Indices into `data.items`, in display order.
    pub shown: Vec<usize>,
    pub rows: Vec<Row>,
    /// Row of each shown position.
    pub row_of: Vec<usize>,
    /// Selected position in `shown`.
    pub sel: usize,
    /// First visible row of the list.
    pub top: usize,
    pub focus: Focus,
    pub mode: Mode,
    pub filter_input: String,
    /// The query whose result is shown.
    pub filter_shown: String,
    pub generation: u64,
    pub by_relevance: bool,
    /// Marked items (indices into `data.items`).
    pub marks: BTreeSet<usize>,
    pub anchor: Option<usize>,
    /// Which cluster member the source pane shows.
    pub member: usize,
    /// Manual scroll of the source pane; `None` follows the span.
    pub source_scroll: Option<usize>,
    pub help_scroll: usize,
    pub prompt: String,
    pub message: Option<String>,
    pub size: (u16, u16),
    pub color: bool,
    /// Whether mouse capture is on (the help says how to turn it on).
    pub mouse: bool,
    pub quit: bool,
}

impl State {
    pub fn new(data: Arc<Data>, color: bool) -> State {
        let n = data.items.len();
        let mut s = State {
            data,
            shown: (0..n).collect(),
            rows: Vec::new(),
            row_of: Vec::new(),
            sel: 0,
            top: 0,
            focus: Focus::Timeline,
            mode: Mode::Normal,
            filter_input: String::new(),
            filter_shown: String::new(),
            generation: 0,
            by_relevance: false,
            marks: BTreeSet::new(),
            anchor: None,
            member: 0,
            source_scroll: None,
            help_scroll: 0,
            prompt: String::new(),
            message: None,
            size: (80, 24),
            color,
            mouse: false,
            quit: false,
        };
        s.rebuild_rows();
        s
    }

    pub fn areas(&self) -> Option<Areas> {
        layout::areas(self.size.0, self.size.1)
    }

    fn list_height(&self) -> usize {
        self.areas().map_or(1, |a| a.list().height.max(1) as usize)
    }

    pub fn selected_item(&self) -> Option<&Item> {
        self.shown.get(self.sel).map(|&i| &self.data.items[i])
    }

    /// The article and span the source pane shows.
    pub fn source(&self) -> Option<(usize, Span)> {
        let it = self.selected_item()?;
        let m = it.members[self.member % it.members.len().max(1)];
        Some(self.data.member_source(m))
    }

    /// Wrapped lines of the shown article and the first one to draw.
    pub fn source_view(&self, width: usize, height: usize) -> (Vec<(usize, usize)>, usize) {
        let Some((art, span)) = self.source() else {
            return (Vec::new(), 0);
        };
        let lines = textfit::wrap(&self.data.corpus.docs[art].text, width);
        let max_top = lines.len().saturating_sub(height);
        let top = match self.source_scroll {
            Some(t) => t.min(max_top),
            None => textfit::auto_top(&lines, span.start, height),
        };
        (lines, top)
    }

    fn source_top(&self) -> usize {
        let Some(a) = self.areas() else { return 0 };
        let r = a.source_text();
        self.source_view(r.width as usize, r.height as usize).1
    }

    fn rebuild_rows(&mut self) {
        self.rows.clear();
        self.row_of.clear();
        let mut day = None;
        for (pos, &i) in self.shown.iter().enumerate() {
            let d = self.data.items[i].date.start;
            if day != Some(d) {
                day = Some(d);
                self.rows.push(Row::Day(d));
            }
            self.row_of.push(self.rows.len());
            self.rows.push(Row::Item(pos));
        }
    }

    pub(super) fn select(&mut self, pos: usize) {
        let pos = pos.min(self.shown.len().saturating_sub(1));
        if pos != self.sel {
            self.member = 0;
            self.source_scroll = None;
        }
        self.sel = pos;
        self.keep_visible();
    }

    fn keep_visible(&mut self) {
        let h = self.list_height();
        let Some(&row) = self.row_of.get(self.sel) else {
            self.top = 0;
            return;
        };
        // Show the day heading above the selected row when it is the first of its day.
        let want = if row > 0 && matches!(self.rows[row - 1], Row::Day(_)) {
            row - 1
        } else {
            row
        };
        if want < self.top {
            self.top = want;
        } else if row >= self.top + h {
            self.top = row + 1 - h;
        }
        self.top = self.top.min(self.rows.len().saturating_sub(h));
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        let pos = self.sel.saturating_add_signed(delta);
        self.select(pos);
    }

    pub(super) fn scroll_source(&mut self, delta: isize) {
        let t = self.source_top().saturating_add_signed(delta);
        self.source_scroll = Some(t);
        // Clamp now so scrolling back up responds at once.
        self.source_scroll = Some(self.source_top());
    }

    fn set_shown(&mut self, shown: Vec<usize>) {
        let keep = self.shown.get(self.sel).copied();
        self.shown = shown;
        self.rebuild_rows();
        let pos = keep
            .and_then(|i| self.shown.iter().position(|&j| j == i))
            .unwrap_or(0);
        self.sel = usize::MAX;
        self.top = 0;
        self.select(pos);
        self.anchor = None;
    }

    fn refilter(&mut self) -> Vec<Effect> {
        self.generation += 1;
        if self.filter_input.trim().is_empty() && !self.by_relevance {
            self.filter_shown.clear();
            self.set_shown((0..self.data.items.len()).collect());
            return Vec::new();
        }
        vec![Effect::Filter {
            generation: self.generation,
            query: self.filter_input.clone(),
            by_relevance: self.by_relevance,
        }]
    }

    fn page(&self) -> isize {
        self.list_height() as isize
    }
}

/// The reducer.
pub fn update(s: &mut State, action: Action) -> Vec<Effect> {
    if !matches!(action, Action::Filtered { .. } | Action::Message(_)) {
        s.message = None;
    }
    match action {
        Action::Cmd(Cmd::ForceQuit) => {
            s.quit = true;
            vec![Effect::Quit]
        }
        Action::Resize(w, h) => {
            s.size = (w, h);
            s.keep_visible();
            Vec::new()
        }
        Action::Filtered { generation, shown } => {
            if generation == s.generation {
                s.filter_shown = s.filter_input.clone();
                s.set_shown(shown);
            }
            Vec::new()
        }
        Action::Message(m) => {
            if matches!(s.mode, Mode::Prompt | Mode::Confirm(_)) {
                s.mode = Mode::Normal;
            }
            s.message = Some(m);
            Vec::new()
        }
        Action::AskOverwrite(p) => {
            s.mode = Mode::Confirm(p);
            Vec::new()
        }
        Action::Scroll { col, row, down } => {
            super::mouse::scroll(s, col, row, if down { 3 } else { -3 });
            Vec::new()
        }
        Action::Click { col, row } => {
            super::mouse::click(s, col, row);
            Vec::new()
        }
        Action::Input(c) => match s.mode {
            Mode::Filter => {
                s.filter_input.push(c);
                s.refilter()
            }
            Mode::Prompt => {
                s.prompt.push(c);
                Vec::new()
            }
            _ => Vec::new(),
        },
        Action::Cmd(cmd) => match s.mode.clone() {
            Mode::Normal => normal(s, cmd),
            Mode::Filter => filter_mode(s, cmd),
            Mode::Help => {
                match cmd {
                    Cmd::Back => s.mode = Mode::Normal,
                    Cmd::Down => s.help_scroll += 1,
                    Cmd::Up => s.help_scroll = s.help_scroll.saturating_sub(1),
                    _ => {}
                }
                Vec::new()
            }
            Mode::Prompt => match cmd {
                Cmd::Back => {
                    s.mode = Mode::Normal;
                    s.message = Some("export cancelled".into());
                    Vec::new()
                }
                Cmd::Backspace => {
                    s.prompt.pop();
                    Vec::new()
                }
                Cmd::Accept if !s.prompt.trim().is_empty() => vec![Effect::Export {
                    path: PathBuf::from(s.prompt.trim()),
                    overwrite: false,
                }],
                _ => Vec::new(),
            },
            Mode::Confirm(path) => match cmd {
                Cmd::Yes => vec![Effect::Export {
                    path,
                    overwrite: true,
                }],
                Cmd::No => {
                    s.mode = Mode::Prompt;
                    Vec::new()
                }
                _ => Vec::new(),
            },
        },
    }
}

fn normal(s: &mut State, cmd: Cmd) -> Vec<Effect> {
    let in_source = s.focus == Focus::Source;
    let page = s.page();
    match cmd {
        Cmd::Quit => {
            s.quit = true;
            return vec![Effect::Quit];
        }
        Cmd::Down if in_source => s.scroll_source(1),
        Cmd::Up if in_source => s.scroll_source(-1),
        Cmd::PageDown if in_source => s.scroll_source(page),
        Cmd::PageUp if in_source => s.scroll_source(-page),
        Cmd::Down => s.move_by(1),
        Cmd::Up => s.move_by(-1),
        Cmd::Top => s.select(0),
        Cmd::Bottom => s.select(usize::MAX),
        Cmd::HalfDown => s.move_by(page / 2),
        Cmd::HalfUp => s.move_by(-page / 2),
        Cmd::PageDown => s.move_by(page),
        Cmd::PageUp => s.move_by(-page),
        Cmd::FocusNext | Cmd::FocusPrev => {
            s.focus = match s.focus {
                Focus::Timeline => Focus::Source,
                Focus::Source => Focus::Timeline,
            }
        }
        Cmd::FocusSource => s.focus = Focus::Source,
        Cmd::NextMember | Cmd::PrevMember => {
            if let Some(n) = s.selected_item().map(|i| i.members.len())
                && n > 1
            {
                s.member = if cmd == Cmd::NextMember {
                    (s.member + 1) % n
                } else {
                    (s.member + n - 1) % n
                };
                s.source_scroll = None;
            }
        }
        Cmd::Mark => {
            if let Some(&i) = s.shown.get(s.sel)
                && !s.marks.remove(&i)
            {
                s.marks.insert(i);
            }
        }
        Cmd::RangeMark => match s.anchor.take() {
            None if !s.shown.is_empty() => {
                s.anchor = Some(s.sel);
                s.message = Some("range mark: move, then v again".into());
            }
            None => {}
            Some(a) => {
                let (lo, hi) = (a.min(s.sel), a.max(s.sel));
                let chosen: Vec<usize> = s.shown[lo..=hi.min(s.shown.len() - 1)].to_vec();
                s.marks.extend(chosen);
            }
        },
        Cmd::MarkAll => s.marks.extend(s.shown.iter().copied()),
        Cmd::Export => {
            s.mode = Mode::Prompt;
            s.prompt = DEFAULT_EXPORT.into();
        }
        Cmd::Copy => {
            if let Some(t) = s.copy_text() {
                s.message = Some("copied the row and its citation (OSC 52)".into());
                return vec![Effect::Copy(t)];
            }
        }
        Cmd::Help => {
            s.mode = Mode::Help;
            s.help_scroll = 0;
        }
        Cmd::Filter => {
            s.mode = Mode::Filter;
            s.focus = Focus::Timeline;
        }
        Cmd::ToggleOrder => {
            s.by_relevance = !s.by_relevance;
            return s.refilter();
        }
        Cmd::Back if s.anchor.take().is_none() => s.focus = Focus::Timeline,
        _ => {}
    }
    Vec::new()
}

fn filter_mode(s: &mut State, cmd: Cmd) -> Vec<Effect> {
    match cmd {
        Cmd::Accept => s.mode = Mode::Normal,
        Cmd::Back => {
            s.mode = Mode::Normal;
            s.filter_input.clear();
            return s.refilter();
        }
        Cmd::Backspace => {
            s.filter_input.pop();
            return s.refilter();
        }
        Cmd::ToggleOrder => {
            s.by_relevance = !s.by_relevance;
            return s.refilter();
        }
        Cmd::Down => s.move_by(1),
        Cmd::Up => s.move_by(-1),
        _ => {}
    }
    Vec::new()
}
