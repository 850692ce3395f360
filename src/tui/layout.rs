//! Where each pane goes for a terminal size; shared by drawing and by the
//! state (page sizes, mouse hits), so both agree.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

pub const MIN_W: u16 = 40;
pub const MIN_H: u16 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub timeline: Rect,
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
pub fn areas(w: u16, h: u16) -> Option<Areas> {
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
    let wide = w >= 120;
    let dir = if wide {
        Direction::Horizontal
    } else {
        Direction::Vertical
    };
    let split = if wide { 55 } else { 50 };
    let [timeline, source] = Layout::default()
        .direction(dir)
        .constraints([Constraint::Percentage(split), Constraint::Min(3)])
        .areas(main);
    Some(Areas {
        timeline,
        source,
        filter,
        status,
    })
}
