//! The filter bar, the status / hint bar and the help popup.

use super::Theme;
use crate::query::SYNTAX;
use crate::tui::keymap::Keymap;
use crate::tui::keys::{self, Ctx};
use crate::tui::state::{Mode, State};
use crate::tui::textfit::{str_width, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub fn filter_bar(f: &mut Frame, s: &State, area: Rect, t: &Theme) {
    let w = area.width as usize;
    let order = if s.by_relevance { "relevance" } else { "time" };
    let marked = if s.marks.is_empty() {
        String::new()
    } else {
        format!("{} marked  ", s.marks.len())
    };
    let wider = match (s.wider, s.show_wider) {
        (0, _) => String::new(),
        (n, false) => format!("{n} wider hidden (W)  "),
        (_, true) => "wider shown (W)  ".to_string(),
    };
    let loading = s.loading.map_or_else(String::new, |p| {
        format!("loading {}/{} files  ", p.done, p.total)
    });
    let so_far = match (s.counting, s.loading) {
        (Some(_), _) => " so far, counting",
        (None, Some(_)) => " so far",
        (None, None) => "",
    };
    let unsure = if s.hide_unsure {
        format!("{} unsure hidden (C)  ", s.unsure_hidden)
    } else {
        String::new()
    };
    let right = format!(
        " {loading}{unsure}{wider}{marked}{}/{}{so_far}  by {order}",
        s.shown.len(),
        s.data.items.len()
    );
    let text = &s.filter.text;
    let errors = crate::query::Query::parse(text).errors;
    let (before, after) = s.filter.split();
    let left = match s.mode {
        Mode::Filter if !errors.is_empty() => format!("/{before}▏{after}  ({})", errors[0]),
        Mode::Filter => format!("/{before}▏{after}"),
        _ if !text.is_empty() => format!("filter: {text}  (Esc clears)"),
        _ => "/ to filter".to_string(),
    };
    let left = crate::tui::textfit::sanitize(&left);
    let left_w = w.saturating_sub(str_width(&right));
    let left = truncate(&left, left_w);
    let pad = left_w.saturating_sub(str_width(&left));
    let style = if s.mode == Mode::Filter {
        t.matched()
    } else {
        t.dim()
    };
    let line = Line::from(vec![
        Span::styled(left, style),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, t.key()),
    ]);
    f.render_widget(Paragraph::new(line), area);
}

pub fn status_bar(f: &mut Frame, s: &State, area: Rect, t: &Theme) {
    let w = area.width as usize;
    let line = match &s.mode {
        Mode::Prompt | Mode::Jump => {
            let label = if s.mode == Mode::Jump {
                "jump to date: "
            } else {
                "export to: "
            };
            let (before, after) = s.prompt.split();
            Line::from(vec![
                Span::styled(label, t.key()),
                Span::raw(truncate(
                    &crate::tui::textfit::sanitize(&format!("{before}▏{after}")),
                    w.saturating_sub(str_width(label)),
                )),
            ])
        }
        Mode::Confirm(p) => Line::styled(
            truncate(&format!("{} exists. Overwrite? (y/n)", p.display()), w),
            t.matched(),
        ),
        _ => match (&s.message, s.anchor) {
            (Some(m), _) => Line::styled(truncate(m, w), t.matched()),
            (None, Some(a)) => Line::styled(
                truncate(
                    &format!(
                        "range mark from row {} to row {} ({} rows): v marks them, Esc cancels",
                        a + 1,
                        s.sel + 1,
                        a.abs_diff(s.sel) + 1
                    ),
                    w,
                ),
                t.matched(),
            ),
            (None, None) => hint_line(&s.keymap, Ctx::of(&s.mode), w, t),
        },
    };
    f.render_widget(Paragraph::new(line), area);
}

fn hint_line(map: &Keymap, ctx: Ctx, w: usize, t: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (k, label) in keys::hints(map, ctx) {
        let need = str_width(&k) + 1 + label.len() + 2;
        if used + need > w {
            break;
        }
        used += need;
        spans.push(Span::styled(k, t.key()));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    Line::from(spans)
}

/// Every key from the table, then the filter syntax.
pub fn help_text(map: &Keymap, mouse: bool) -> Vec<(String, String)> {
    let mut lines = keys::help_lines(map);
    lines.push((String::new(), String::new()));
    lines.push((String::new(), "— filter syntax —".into()));
    for (k, d) in SYNTAX {
        lines.push((k.to_string(), d.to_string()));
    }
    lines.push((String::new(), String::new()));
    lines.push((
        String::new(),
        if mouse {
            "mouse: wheel scrolls the pane under the pointer, a click selects a row".into()
        } else {
            "mouse is off so the terminal's own text selection works; run with --mouse or DATELINE_MOUSE=1 for wheel and click".into()
        },
    ));
    lines
}

pub fn help(f: &mut Frame, s: &State, area: Rect, t: &Theme) {
    let w = area.width.saturating_sub(4).min(100);
    let h = area.height.saturating_sub(2);
    let r = Rect {
        x: (area.width - w) / 2,
        y: 1,
        width: w,
        height: h,
    };
    f.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border(true))
        .title(" Help — Esc closes, j/k scroll ");
    let inner = block.inner(r);
    f.render_widget(block, r);
    let iw = inner.width as usize;
    let all = help_text(&s.keymap, s.mouse);
    let top = s
        .help_scroll
        .min(all.len().saturating_sub(inner.height as usize));
    let lines: Vec<Line> = all
        .iter()
        .skip(top)
        .take(inner.height as usize)
        .map(|(k, d)| {
            if k.is_empty() {
                Line::styled(truncate(d, iw), t.heading())
            } else {
                let kcol = format!("{:<16}", truncate(k, 16));
                Line::from(vec![
                    Span::styled(kcol, t.key()),
                    Span::raw(truncate(d, iw.saturating_sub(16))),
                ])
            }
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}
