//! The timeline pane: day headings and one line per row.

use super::{Theme, pane};
use crate::query::{Matcher, Query};
use crate::timeline::date_marker;
use crate::tui::layout::Areas;
use crate::tui::state::{Focus, Row, State};
use crate::tui::textfit::{char_width, inert, sanitize, str_width, truncate};
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const DATE_W: usize = 14;

/// Short actor names: a person's family name, an organisation's name.
fn actor_names(s: &State, actors: &[usize]) -> String {
    let m = &s.data.corpus.model;
    actors
        .iter()
        .take(3)
        .map(|&a| {
            let act = &m.actors[a];
            match act.kind {
                crate::model::ActorKind::Person => {
                    act.name.rsplit(' ').next().unwrap_or(&act.name).to_string()
                }
                _ => act.name.clone(),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn draw(f: &mut Frame, s: &State, a: &Areas, t: &Theme) {
    let title = format!(" Timeline — {} ", s.data.corpus.origin);
    let block = pane(title, s.focus == Focus::Timeline, t);
    let inner = a.list();
    f.render_widget(block, a.timeline);
    let width = inner.width as usize;
    let q = Query::parse(&s.filter_shown);
    let mut matcher = Matcher::new(&q);
    let mut lines = Vec::new();
    for row in s.rows.iter().skip(s.top).take(inner.height as usize) {
        match *row {
            Row::Head(g) => lines.push(Line::styled(truncate(&g.heading(), width), t.heading())),
            Row::Item(pos) => {
                let i = s.shown[pos];
                let hl = if q.terms.is_empty() {
                    Vec::new()
                } else {
                    matcher.highlight(&s.data.items[i].text)
                };
                lines.push(item_line(s, pos, i, width, &hl, t));
            }
        }
    }
    if s.shown.is_empty() {
        lines.push(Line::styled(
            truncate(
                &format!("no matches for {}", sanitize(&s.filter_shown)),
                width,
            ),
            t.matched(),
        ));
        if s.wider > 0 {
            lines.push(Line::styled(
                truncate(
                    &format!(
                        "{} rows with dates wider than the range are hidden: W shows them",
                        s.wider
                    ),
                    width,
                ),
                t.dim(),
            ));
        }
    }
    f.render_widget(Paragraph::new(lines), inner);
}

fn item_line<'a>(
    s: &State,
    pos: usize,
    i: usize,
    width: usize,
    hl: &[usize],
    t: &Theme,
) -> Line<'a> {
    let it = &s.data.items[i];
    let mark = if s.marks.contains(&i) {
        "●"
    } else if s.anchor == Some(pos) {
        "▶"
    } else {
        " "
    };
    let mut right = actor_names(s, &it.actors);
    if it.sources.len() > 1 {
        right.push_str(&format!(" ×{}", it.sources.len()));
    }
    let right = truncate(right.trim(), (width / 4).max(8));
    let fixed = 2 + DATE_W + 1;
    let text_w = width.saturating_sub(fixed + str_width(&right) + 1);
    let date = truncate(&date_marker(&it.date), DATE_W);
    let mut spans = vec![
        Span::raw(format!("{mark} ")),
        Span::styled(format!("{date:<DATE_W$} "), t.dim()),
    ];
    // The text, cut to its columns, with matched characters emphasised.
    let full = str_width(&it.text) <= text_w;
    let budget = if full {
        text_w
    } else {
        text_w.saturating_sub(1)
    };
    let mut used = 0;
    let mut run = String::new();
    let mut run_hl = false;
    for (ci, c) in it.text.chars().enumerate() {
        let cw = char_width(c);
        if used + cw > budget {
            break;
        }
        let h = hl.binary_search(&ci).is_ok();
        if h != run_hl && !run.is_empty() {
            let st = if run_hl {
                t.matched()
            } else {
                Default::default()
            };
            spans.push(Span::styled(std::mem::take(&mut run), st));
        }
        run_hl = h;
        run.push(inert(c));
        used += cw;
    }
    if !full && text_w > 0 {
        run.push('…');
        used += 1;
    }
    let st = if run_hl {
        t.matched()
    } else {
        Default::default()
    };
    spans.push(Span::styled(run, st));
    let pad = width.saturating_sub(fixed + used + str_width(&right));
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(right, t.actors()));
    let line = Line::from(spans);
    if pos == s.sel {
        line.patch_style(t.selected())
    } else {
        line
    }
}
