//! Mouse events as actions: the wheel scrolls, a press clicks. Where
//! they land is the state's business.

use super::actions::Action;
use ratatui::crossterm::event::{MouseEvent, MouseEventKind};

pub fn action(m: &MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Scroll {
            col: m.column,
            row: m.row,
            down: m.kind == MouseEventKind::ScrollDown,
        }),
        MouseEventKind::Down(_) => Some(Action::Click {
            col: m.column,
            row: m.row,
        }),
        _ => None,
    }
}
