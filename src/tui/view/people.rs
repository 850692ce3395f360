//! The people view, in place of the timeline list: each actor of the shown
//! rows with its kind, quotes, mentions and aliases.

use super::{Theme, pane};
use crate::model::ActorKind;
use crate::tui::layout::inner;
use crate::tui::state::State;
use crate::tui::textfit::{sanitize, str_width, truncate};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

pub fn draw(f: &mut Frame, s: &State, area: Rect, t: &Theme) {
    let title = format!(
        " People — {} in {} shown rows (Enter filters) ",
        s.people.len(),
        s.shown.len()
    );
    f.render_widget(Clear, area);
    f.render_widget(pane(title, true, t), area);
    let box_ = inner(area);
    let w = box_.width as usize;
    let h = box_.height as usize;
    if h == 0 {
        return;
    }
    let head = format!(
        "{:>6} {:>8}  {:<4} name (aliases)",
        "quotes", "mentions", "kind"
    );
    let mut lines = vec![Line::styled(truncate(&head, w), t.dim())];
    let rows = h.saturating_sub(1);
    // Keep the selection in view.
    let top = s.people_sel.saturating_sub(rows.saturating_sub(1));
    let m = &s.data.corpus.model;
    for (i, p) in s.people.iter().enumerate().skip(top).take(rows) {
        let a = &m.actors[p.actor];
        let kind = match a.kind {
            ActorKind::Person => "pers",
            ActorKind::Organization => "org",
        };
        let nums = format!("{:>6} {:>8}  {kind:<4} ", p.quotes, p.mentions);
        let mut name = sanitize(&a.name);
        // A surname several people share says whom it may be.
        if !a.candidates.is_empty() {
            let who: Vec<&str> = (a.candidates.iter())
                .map(|c| {
                    m.actors
                        .iter()
                        .find(|x| x.id == *c)
                        .map_or(&**c, |x| &x.name)
                })
                .collect();
            name.push_str(&format!(" — ambiguous: {}?", sanitize(&who.join(" or "))));
        } else if !a.aliases.is_empty() {
            name.push_str(&format!(" ({})", sanitize(&a.aliases.join(", "))));
        }
        let name = truncate(&name, w.saturating_sub(str_width(&nums)));
        let line = Line::from(vec![Span::raw(nums), Span::styled(name, t.actors())]);
        lines.push(if i == s.people_sel {
            line.patch_style(t.selected())
        } else {
            line
        });
    }
    if s.people.is_empty() {
        lines.push(Line::styled("no actor in the shown rows", t.dim()));
    }
    f.render_widget(Paragraph::new(lines), box_);
}
