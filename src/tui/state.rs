//! The explorer's state: what is shown, selected, marked and typed, and
//! the moves the reducer (`reduce`) makes on it. Nothing here touches the
//! terminal, the clock or the file system.

pub use super::actions::{Action, Cmd, Effect};
pub use super::edit::LineEdit;
use super::layout::{self, Areas};
use super::textfit;
use crate::model::Span;
use crate::timeline::{Group, Item};
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
    /// Typing a date to jump to.
    Jump,
    /// The people view: actors of the shown rows with their counts.
    People,
}

/// A line of the timeline list: a group heading (a day, week, month or
/// year) or a shown item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Head(Group),
    Item(usize),
}

pub struct State {
    pub data: Arc<Data>,
    /// Indices into `data.items`, in display order.
    pub shown: Vec<usize>,
    /// The shown rows counted per day, for the coverage chart.
    pub days: crate::coverage::Days,
    pub rows: Vec<Row>,
    /// Row of each shown position.
    pub row_of: Vec<usize>,
    /// Selected position in `shown`.
    pub sel: usize,
    /// First visible row of the list.
    pub top: usize,
    pub focus: Focus,
    pub mode: Mode,
    /// The filter as typed.
    pub filter: LineEdit,
    /// The filter when the bar was opened: Esc while typing goes back to it.
    pub filter_before: String,
    /// The query whose result is shown.
    pub filter_shown: String,
    /// Rows the shown filter left out for dates wider than its range.
    pub wider: usize,
    /// Show those wider rows too.
    pub show_wider: bool,
    /// Filters applied before, oldest first, and where Up/Down is in them
    /// (with the line being typed when it started).
    pub history: Vec<String>,
    pub history_pos: Option<(usize, String)>,
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
    /// The people view's rows and selection.
    pub people: Vec<crate::people::Person>,
    pub people_sel: usize,
    /// The export path or the date being typed.
    pub prompt: LineEdit,
    pub message: Option<String>,
    pub size: (u16, u16),
    /// Split, source pane and chart as the user set them.
    pub prefs: layout::Prefs,
    /// The key table as the config remaps it.
    pub keymap: Arc<super::keymap::Keymap>,
    /// Where the export prompt proposes to write.
    pub export_dir: Option<PathBuf>,
    pub palette: super::view::Palette,
    pub color: bool,
    /// Whether mouse capture is on (the help says how to turn it on).
    pub mouse: bool,
    /// The day "today" means when jumping to a date.
    pub today: NaiveDate,
    /// How the first load is going, until it is complete.
    pub loading: Option<crate::corpus::Progress>,
    /// Rows that arrived since the corpus was first loaded and were not
    /// selected since (indices into `data.items`).
    pub fresh: BTreeSet<usize>,
    /// The row to select, and its line on screen, once the next filter
    /// result for a new corpus arrives.
    pub pending: Option<(usize, usize)>,
    /// Hide rows whose confidence is under `unsure_below`.
    pub hide_unsure: bool,
    /// The confidence under which `C` hides a row ([`UNSURE`] unless the
    /// settings say otherwise).
    pub unsure_below: f32,
    /// Rows the last result hid for that.
    pub unsure_hidden: usize,
    /// The generation whose pass is still counting, while its first rows
    /// are shown.
    pub counting: Option<u64>,
    pub quit: bool,
}

/// Rows under this confidence are hidden by `C`, unless the settings
/// give another threshold.
pub const UNSURE: f32 = 0.5;

impl State {
    pub fn new(data: Arc<Data>, color: bool) -> State {
        let n = data.items.len();
        let mut s = State {
            data,
            shown: (0..n).collect(),
            days: Default::default(),
            rows: Vec::new(),
            row_of: Vec::new(),
            sel: 0,
            top: 0,
            focus: Focus::Timeline,
            mode: Mode::Normal,
            filter: LineEdit::default(),
            filter_before: String::new(),
            filter_shown: String::new(),
            wider: 0,
            show_wider: false,
            history: Vec::new(),
            history_pos: None,
            generation: 0,
            by_relevance: false,
            marks: BTreeSet::new(),
            anchor: None,
            member: 0,
            source_scroll: None,
            help_scroll: 0,
            people: Vec::new(),
            people_sel: 0,
            prompt: LineEdit::default(),
            message: None,
            size: (80, 24),
            loading: None,
            fresh: BTreeSet::new(),
            pending: None,
            hide_unsure: false,
            unsure_below: UNSURE,
            unsure_hidden: 0,
            counting: None,
            prefs: layout::Prefs::default(),
            keymap: Arc::default(),
            export_dir: None,
            palette: Default::default(),
            color,
            mouse: false,
            today: NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date"),
            quit: false,
        };
        s.days = crate::coverage::Days::of(&s.data.items, &s.shown);
        s.rebuild_rows();
        s
    }

    pub fn areas(&self) -> Option<Areas> {
        layout::areas(self.size.0, self.size.1, &self.prefs)
    }

    pub(super) fn list_height(&self) -> usize {
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
        let lines = textfit::wrap(&self.data.text(art), width);
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

    /// Rows of the list: a heading opens each group of what is known of
    /// the date. In relevance order there are no groups to head (each row
    /// shows its date).
    fn rebuild_rows(&mut self) {
        self.rows.clear();
        self.row_of.clear();
        let mut group = None;
        for (pos, &i) in self.shown.iter().enumerate() {
            let g = Group::of(&self.data.items[i].date);
            if !self.by_relevance && group != Some(g) {
                group = Some(g);
                self.rows.push(Row::Head(g));
            }
            self.row_of.push(self.rows.len());
            self.rows.push(Row::Item(pos));
        }
    }

    /// The first shown position of the next (`forward`) or previous group
    /// from the selection.
    pub(super) fn group_step(&self, forward: bool) -> Option<usize> {
        let row = *self.row_of.get(self.sel)?;
        let first_of = |r: usize| match self.rows.get(r + 1) {
            Some(Row::Item(p)) => Some(*p),
            _ => None,
        };
        let heads = |r: &usize| matches!(self.rows[*r], Row::Head(_));
        if forward {
            (row + 1..self.rows.len()).find(heads).and_then(first_of)
        } else {
            // The heading of this group, unless the selection is its first
            // row: then the one before.
            let own = (0..row).rev().find(heads)?;
            if own + 1 < row {
                return first_of(own);
            }
            (0..own).rev().find(heads).and_then(first_of)
        }
    }

    /// The first shown position dated on or after `day` (time order), or
    /// the last one.
    pub(super) fn position_on(&self, day: NaiveDate) -> Option<usize> {
        if self.shown.is_empty() {
            return None;
        }
        let items = &self.data.items;
        let on = |p: &usize| items[self.shown[*p]].date.start >= day;
        if self.by_relevance {
            // No time order: the row nearest in time.
            return (0..self.shown.len())
                .min_by_key(|&p| (items[self.shown[p]].date.start - day).num_days().abs());
        }
        Some(
            (0..self.shown.len())
                .find(on)
                .unwrap_or(self.shown.len() - 1),
        )
    }

    pub(super) fn select(&mut self, pos: usize) {
        let pos = pos.min(self.shown.len().saturating_sub(1));
        if pos != self.sel {
            self.member = 0;
            self.source_scroll = None;
        }
        self.sel = pos;
        if let Some(&i) = self.shown.get(pos) {
            self.fresh.remove(&i);
        }
        self.keep_visible();
    }

    pub(super) fn keep_visible(&mut self) {
        let h = self.list_height();
        let Some(&row) = self.row_of.get(self.sel) else {
            self.top = 0;
            return;
        };
        // Show the day heading above the selected row when it is the first of its day.
        let want = if row > 0 && matches!(self.rows[row - 1], Row::Head(_)) {
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

    pub(super) fn set_shown(&mut self, mut shown: Vec<usize>) {
        if self.hide_unsure {
            let before = shown.len();
            let (data, below) = (self.data.clone(), self.unsure_below);
            shown.retain(|&i| {
                data.items
                    .get(i)
                    .is_some_and(|it| data.confidence(it) >= below)
            });
            self.unsure_hidden = before - shown.len();
        } else {
            self.unsure_hidden = 0;
        }
        let pending = self.pending.take();
        let keep = pending.map_or_else(|| self.shown.get(self.sel).copied(), |p| Some(p.0));
        self.shown = shown;
        self.days = crate::coverage::Days::of(&self.data.items, &self.shown);
        self.rebuild_rows();
        let pos = keep.and_then(|i| self.shown.iter().position(|&j| j == i));
        self.sel = usize::MAX;
        self.top = 0;
        // A new corpus: the selected row stays where it was on screen.
        if let (Some(p), Some((_, line))) = (pos, pending)
            && let Some(&row) = self.row_of.get(p)
        {
            self.top = row.saturating_sub(line);
            self.sel = p;
            self.keep_visible();
        } else {
            self.select(pos.unwrap_or(0));
        }
        self.anchor = None;
    }

    /// Shows the filter's answer for the current generation. When it
    /// follows a partial answer of the same pass, the selected row stays
    /// on its line.
    pub(super) fn answer(
        &mut self,
        generation: u64,
        shown: Vec<usize>,
        wider: usize,
        partial: bool,
    ) {
        if self.counting == Some(generation) && self.pending.is_none() {
            let line = self
                .row_of
                .get(self.sel)
                .map(|r| r.saturating_sub(self.top));
            self.pending = self.shown.get(self.sel).copied().zip(line);
        }
        self.counting = partial.then_some(generation);
        self.filter_shown = self.filter.text.clone();
        self.wider = wider;
        self.set_shown(shown);
    }

    pub(super) fn refilter(&mut self) -> Vec<Effect> {
        self.generation += 1;
        if self.filter.text.trim().is_empty() && !self.by_relevance {
            self.filter_shown.clear();
            self.counting = None;
            self.wider = 0;
            self.set_shown((0..self.data.items.len()).collect());
            return Vec::new();
        }
        vec![Effect::Filter {
            generation: self.generation,
            query: self.filter.text.clone(),
            by_relevance: self.by_relevance,
            wider: self.show_wider,
        }]
    }

    /// Rebuilds the rows for a new order (headings only in time order).
    pub(super) fn reorder(&mut self) {
        self.rebuild_rows();
        self.keep_visible();
    }

    pub(super) fn page(&self) -> isize {
        self.list_height() as isize
    }

    /// The wheel scrolls the pane under the pointer.
    pub(super) fn scroll_at(&mut self, col: u16, row: u16, delta: isize) {
        let Some(a) = self.areas() else { return };
        if layout::hit(a.timeline, col, row) {
            self.move_by(delta);
        } else if layout::hit(a.source, col, row) {
            self.scroll_source(delta);
        }
    }

    /// A click selects a row or focuses a pane.
    pub(super) fn click_at(&mut self, col: u16, row: u16) {
        let Some(a) = self.areas() else { return };
        let list = a.list();
        if layout::hit(list, col, row) {
            self.focus = Focus::Timeline;
            if let Some(Row::Item(pos)) = self.rows.get(self.top + (row - list.y) as usize) {
                self.select(*pos);
            }
        } else if layout::hit(a.source, col, row) {
            self.focus = Focus::Source;
        }
    }
}
