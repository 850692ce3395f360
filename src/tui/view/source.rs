//! The source pane: where a row came from, with its exact words marked.

use super::{Theme, pane};
use crate::tui::layout::{Areas, inner};
use crate::tui::state::{Focus, State};
use crate::tui::textfit::{sanitize, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(f: &mut Frame, s: &State, a: &Areas, t: &Theme) {
    let focused = s.focus == Focus::Source;
    let Some((art, span)) = s.source() else {
        f.render_widget(pane(" Source ".into(), focused, t), a.source);
        return;
    };
    let article = &s.data.corpus.model.articles[art];
    let it = s.selected_item().expect("a source has an item");
    let n = it.members.len();
    let title = if n > 1 {
        format!(" Source {}/{} ([ ] step) ", s.member % n + 1, n)
    } else {
        " Source ".to_string()
    };
    f.render_widget(pane(title, focused, t), a.source);
    let box_ = inner(a.source);
    let w = box_.width as usize;
    let head = truncate(&sanitize(&article.cite()), w);
    let path = truncate(&sanitize(&article.path), w);
    let header = vec![Line::styled(head, t.heading()), Line::styled(path, t.dim())];
    f.render_widget(
        Paragraph::new(header),
        Rect {
            height: 2.min(box_.height),
            ..box_
        },
    );

    let area = a.source_text();
    let text = s.data.text(art);
    let (lines, top) = s.source_view(area.width as usize, area.height as usize);
    let mut out = Vec::new();
    for &(ls, le) in lines.iter().skip(top).take(area.height as usize) {
        let cuts = [ls, span.start.clamp(ls, le), span.end.clamp(ls, le), le];
        let mut spans = Vec::new();
        for (k, win) in cuts.windows(2).enumerate() {
            let piece = text.get(win[0]..win[1]).unwrap_or("");
            if piece.is_empty() {
                continue;
            }
            let st = if k == 1 { t.span() } else { Default::default() };
            spans.push(Span::styled(sanitize(piece), st));
        }
        out.push(Line::from(spans));
    }
    f.render_widget(Paragraph::new(out), area);

    // Who carried the row, earliest first, with what each cites.
    let carriers = crate::provenance::carriers(&s.data.corpus.model, &s.data.articles, it);
    let also = if carriers.len() <= 1 {
        "only in this article".to_string()
    } else {
        format!(
            "carried by: {}",
            crate::provenance::chain(&s.data.corpus.model, &carriers)
        )
    };
    let also = sanitize(&also);
    let also_area = Rect {
        y: box_.y + box_.height.saturating_sub(1),
        height: 1.min(box_.height),
        ..box_
    };
    f.render_widget(
        Paragraph::new(Line::styled(truncate(&also, w), t.dim())),
        also_area,
    );
}
