//! The timeline pane: day headings and one line per row.

use super::{Theme, pane};
use crate::query::{Matcher, Query};
use crate::tui::layout::Areas;
use crate::tui::state::{Focus, Row, State};
use crate::tui::textfit::{char_width, inert, sanitize, str_width, truncate};
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Columns of the date marker: "reported 26 Sep" needs 15.
fn date_w(width: usize) -> usize {
    if width >= 80 { 16 } else { 14 }
}

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
        let what = match s.loading {
            Some(_) if s.data.items.is_empty() => "loading…".to_string(),
            _ if s.counting.is_some() => {
                format!(
                    "no matches so far for {}, counting…",
                    sanitize(&s.filter_shown)
                )
            }
            Some(_) => format!("no matches so far for {}", sanitize(&s.filter_shown)),
            None => format!("no matches for {}", sanitize(&s.filter_shown)),
        };
        lines.push(Line::styled(truncate(&what, width), t.matched()));
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
    } else if s.fresh.contains(&i) {
        "+"
    } else {
        " "
    };
    let mut right = actor_names(s, &it.actors);
    if it.sources.len() > 1 {
        right.push_str(&format!(" ×{}", it.sources.len()));
    }
    let right = truncate(right.trim(), (width / 4).max(8));
    let date_w = date_w(width);
    let fixed = 2 + date_w + 1;
    let text_w = width.saturating_sub(fixed + str_width(&right) + 1);
    let date = truncate(&it.marker(), date_w);
    let mut spans = vec![
        Span::raw(format!("{mark} ")),
        Span::styled(format!("{date:<date_w$} "), t.dim()),
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

/// The selected row in full under the list: its date as known, when it
/// was reported, how many sources carry it, and its whole text, wrapped.
pub fn detail(f: &mut Frame, s: &State, area: ratatui::layout::Rect, t: &Theme) {
    if area.height == 0 {
        return;
    }
    let Some(it) = s.selected_item() else {
        return;
    };
    let w = area.width as usize;
    let m = &s.data.corpus.model;
    let reported = m.articles[it.article]
        .published
        .map_or("undated".to_string(), |d| {
            format!("reported {}", d.format("%-d %b %Y"))
        });
    let n = it.sources.len();
    let basis = match it.date.basis {
        crate::model::Basis::Stated => "date stated",
        crate::model::Basis::Relative => "date worked out",
        crate::model::Basis::Anchored => "date counted from a named event",
        crate::model::Basis::Inherited => "date of the sentence before",
        crate::model::Basis::Published => "no date in the text",
    };
    let named = if it.mentioned {
        " · a further date its sentence names"
    } else {
        ""
    };
    let head = format!(
        "{}{named} · {basis} · {reported} · {n} source{} — ",
        crate::timeline::Group::of(&it.date).heading(),
        if n == 1 { "" } else { "s" }
    );
    let text = sanitize(&format!("{head}{}", it.text));
    let lines = crate::tui::textfit::wrap(&text, w);
    let rows = area.height as usize;
    let mut out: Vec<Line> = Vec::new();
    for (k, &(a, b)) in lines.iter().take(rows).enumerate() {
        let mut piece = text.get(a..b).unwrap_or("").trim_end().to_string();
        if k + 1 == rows && lines.len() > rows {
            piece = truncate(&format!("{piece} …"), w);
            if !piece.ends_with('…') {
                piece.push('…');
            }
        }
        let style = if k == 0 {
            t.heading()
        } else {
            Default::default()
        };
        if k == 0 && piece.len() >= head.len() && piece.starts_with(head.trim_end()) {
            let (h, rest) = piece.split_at(head.trim_end().len());
            out.push(Line::from(vec![
                Span::styled(h.to_string(), style),
                Span::raw(rest.to_string()),
            ]));
        } else {
            out.push(Line::raw(piece));
        }
    }
    f.render_widget(Paragraph::new(out), area);
}
