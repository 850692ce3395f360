//! Where each pane goes for a terminal size; shared by drawing and by the
//! state (page sizes, mouse hits), so both agree.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

pub const MIN_W: u16 = 40;
pub const MIN_H: u16 = 10;

/// The user's layout choices: how much of the width (or height) the list
/// takes, and whether the source pane and the coverage chart are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Prefs {
    /// Percent of the main area the timeline takes beside the source.
    pub split: u16,
    pub source: bool,
    pub chart: bool,
}

pub const SPLIT_MIN: u16 = 25;
pub const SPLIT_MAX: u16 = 80;
pub const SPLIT_STEP: u16 = 5;

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            split: 55,
            source: true,
            chart: true,
        }
    }
}

impl Prefs {
    /// The split moved by `steps` (negative: a narrower list), kept in
    /// bounds.
    pub fn resized(self, steps: i32) -> Prefs {
        let split = (i32::from(self.split) + steps * i32::from(SPLIT_STEP))
            .clamp(i32::from(SPLIT_MIN), i32::from(SPLIT_MAX));
        Prefs {
            split: u16::try_from(split).unwrap_or(self.split),
            ..self
        }
    }
}

/// Rows the coverage chart takes: a caption and two of bars.
pub const CHART_H: u16 = 3;
/// Rows the selected row's full text takes under the list.
pub const DETAIL_H: u16 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// Items per day, above the list; empty when hidden or no room.
    pub chart: Rect,
    pub timeline: Rect,
    /// The selected row in full, under the list; empty when no room.
    pub detail: Rect,
    /// Empty when the source pane is hidden.
    pub source: Rect,
    pub filter: Rect,
    pub status: Rect,
}

impl Areas {
    /// Rows of the timeline list (inside the border).
    pub fn list(&self) -> Rect {
        inner(self.timeline)
    }
    /// Rows of article text in the source pane: below a two-line header,
    /// above the "also in" line.
    pub fn source_text(&self) -> Rect {
        let r = inner(self.source);
        Rect {
            y: r.y + 2,
            height: r.height.saturating_sub(3),
            ..r
        }
    }
}

/// Whether the cell at `col`, `row` lies in `r`.
pub fn hit(r: Rect, col: u16, row: u16) -> bool {
    col >= r.x && col < r.x + r.width && row >= r.y && row < r.y + r.height
}

pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x + 1,
        y: r.y + 1,
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// `None` when the terminal is too small to draw anything useful.
pub fn areas(w: u16, h: u16, p: &Prefs) -> Option<Areas> {
    if w < MIN_W || h < MIN_H {
        return None;
    }
    let full = Rect::new(0, 0, w, h);
    let [main, filter, status] = Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(full);
    let chart_h = if p.chart && main.height >= 16 {
        CHART_H
    } else {
        0
    };
    let [chart, main] =
        Layout::vertical([Constraint::Length(chart_h), Constraint::Min(4)]).areas(main);
    let (column, source) = if p.source {
        let dir = if w >= 120 {
            Direction::Horizontal
        } else {
            Direction::Vertical
        };
        let [column, source] = Layout::default()
            .direction(dir)
            .constraints([Constraint::Percentage(p.split), Constraint::Min(3)])
            .areas(main);
        (column, source)
    } else {
        (main, Rect::default())
    };
    let detail_h = if column.height >= 8 { DETAIL_H } else { 0 };
    let [timeline, detail] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(detail_h)]).areas(column);
    Some(Areas {
        chart,
        timeline,
        detail,
        source,
        filter,
        status,
    })
}
