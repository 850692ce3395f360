//! Mouse hits: the wheel scrolls the pane under the pointer, a click
//! selects a row or focuses a pane.

use super::state::{Focus, Row, State};

fn hit(r: ratatui::layout::Rect, col: u16, row: u16) -> bool {
    col >= r.x && col < r.x + r.width && row >= r.y && row < r.y + r.height
}

pub fn scroll(s: &mut State, col: u16, row: u16, delta: isize) {
    let Some(a) = s.areas() else { return };
    if hit(a.timeline, col, row) {
        s.move_by(delta);
    } else if hit(a.source, col, row) {
        s.scroll_source(delta);
    }
}

pub fn click(s: &mut State, col: u16, row: u16) {
    let Some(a) = s.areas() else { return };
    let list = a.list();
    if hit(list, col, row) {
        s.focus = Focus::Timeline;
        if let Some(Row::Item(pos)) = s.rows.get(s.top + (row - list.y) as usize) {
            s.select(*pos);
        }
    } else if hit(a.source, col, row) {
        s.focus = Focus::Source;
    }
}
