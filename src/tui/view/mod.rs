//! Drawing: a pure function of the state onto a frame.

mod bars;
mod chart;
mod list;
mod people;
mod source;

use super::state::{Mode, State};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::{Frame, Terminal};

/// The colour of each role, from the terminal's own palette: a dark
/// theme, a light one, and the config's overrides on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub heading: Color,
    pub actors: Color,
    pub span: Color,
    pub key: Color,
    pub border: Color,
    pub dim: Color,
    pub chart: Color,
    pub chart_selected: Color,
}

impl Palette {
    pub fn dark() -> Palette {
        Palette {
            heading: Color::Yellow,
            actors: Color::Cyan,
            span: Color::Yellow,
            key: Color::Green,
            border: Color::Blue,
            dim: Color::DarkGray,
            chart: Color::Cyan,
            chart_selected: Color::Yellow,
        }
    }

    /// For a light background: no yellow or cyan text, which fade on white.
    pub fn light() -> Palette {
        Palette {
            heading: Color::Blue,
            actors: Color::Magenta,
            span: Color::Blue,
            key: Color::Red,
            border: Color::Blue,
            dim: Color::DarkGray,
            chart: Color::Blue,
            chart_selected: Color::Red,
        }
    }
}

impl Default for Palette {
    fn default() -> Self {
        Palette::dark()
    }
}

/// Styles, with colours only when allowed (NO_COLOR turns them off);
/// meaning never rests on colour alone.
pub struct Theme {
    color: bool,
    p: Palette,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            p: Palette::dark(),
        }
    }
    pub fn with(color: bool, p: Palette) -> Theme {
        Theme { color, p }
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
        self.fg(self.p.span)
            .add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }
    pub fn heading(&self) -> Style {
        self.fg(self.p.heading).add_modifier(Modifier::BOLD)
    }
    pub fn actors(&self) -> Style {
        self.fg(self.p.actors)
    }
    pub fn dim(&self) -> Style {
        self.fg(self.p.dim)
    }
    pub fn key(&self) -> Style {
        self.fg(self.p.key).add_modifier(Modifier::BOLD)
    }
    pub fn chart(&self) -> Style {
        self.fg(self.p.chart)
    }
    pub fn chart_selected(&self) -> Style {
        self.fg(self.p.chart_selected).add_modifier(Modifier::BOLD)
    }
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(self.p.border).add_modifier(Modifier::BOLD)
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
    let t = Theme::with(s.color, s.palette);
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
    if s.mode == Mode::People {
        people::draw(f, s, a.timeline, &t);
    }
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
