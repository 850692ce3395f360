//! Drawing: a pure function of the state onto a frame.

mod bars;
mod chart;
mod list;
mod source;

use super::state::{Mode, State};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::{Frame, Terminal};

/// Styles, with colours only when allowed (NO_COLOR turns them off);
/// meaning never rests on colour alone.
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }
    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
    pub fn matched(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn span(&self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    pub fn heading(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn actors(&self) -> Style {
        self.fg(Color::Cyan)
    }
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }
    pub fn key(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }
    pub fn chart(&self) -> Style {
        self.fg(Color::Cyan)
    }
    pub fn chart_selected(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Blue).add_modifier(Modifier::BOLD)
        } else {
            self.dim()
        }
    }
}

pub fn pane(title: String, focused: bool, t: &Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(t.border(focused))
        .title(title)
}

pub fn draw(f: &mut Frame, s: &State) {
    let area = f.area();
    let t = Theme::new(s.color);
    let Some(a) = s
        .areas()
        .filter(|_| area.width == s.size.0 && area.height == s.size.1)
    else {
        return too_small(f, area);
    };
    chart::draw(f, s, a.chart, &t);
    list::draw(f, s, &a, &t);
    list::detail(f, s, a.detail, &t);
    if a.source.area() > 0 {
        source::draw(f, s, &a, &t);
    }
    bars::filter_bar(f, s, a.filter, &t);
    bars::status_bar(f, s, a.status, &t);
    if s.mode == Mode::Help {
        bars::help(f, s, area, &t);
    }
}

/// The frame for the state's terminal size, drawn off screen.
pub fn to_buffer(s: &State) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(s.size.0, s.size.1)).expect("an in-memory backend");
    t.draw(|f| draw(f, s)).expect("an in-memory backend");
    t.backend().buffer().clone()
}

fn too_small(f: &mut Frame, area: Rect) {
    let msg = Line::from(format!(
        "terminal too small ({}x{}; need {}x{})",
        area.width,
        area.height,
        super::layout::MIN_W,
        super::layout::MIN_H
    ));
    f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
}
