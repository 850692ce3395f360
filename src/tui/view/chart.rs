//! The coverage chart: shown rows per day above the timeline, the
//! selected row's day marked, narrowing with the filter.

use super::Theme;
use crate::coverage::Coverage;
use crate::model::Precision;
use crate::tui::state::State;
use crate::tui::textfit::truncate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Sparkline, SparklineBar};

fn range(c: &Coverage) -> String {
    let f = |d: chrono::NaiveDate| d.format("%-d %b %Y").to_string();
    format!("{} – {}", f(c.start), f(c.end))
}

/// The caption: the span charted, the scale, the peak, and the selected
/// day with its count (so the mark never rests on colour alone).
pub fn caption(s: &State, c: &Coverage) -> String {
    let per = if c.days_per_bar == 1 {
        "a bar a day".to_string()
    } else {
        format!("{} days a bar", c.days_per_bar)
    };
    let mut out = format!("coverage {} · {per} · peak {}", range(c), c.peak());
    if let Some(it) = s.selected_item()
        && it.date.precision == Precision::Day
        && let Some(b) = c.bar_of(it.date.start)
    {
        let (first, last) = c.days_of(b);
        let days = if first == last {
            first.format("%-d %b").to_string()
        } else {
            format!("{}–{}", first.format("%-d %b"), last.format("%-d %b"))
        };
        out.push_str(&format!(" · ▲ {days}: {}", c.bars[b]));
    }
    if c.coarse > 0 {
        out.push_str(&format!(" · {} week/month/year rows not charted", c.coarse));
    }
    if c.outside > 0 {
        out.push_str(&format!(" · {} outside", c.outside));
    }
    out
}

/// The gauge while the first load goes on: "reading 1,204/10,000 files ·
/// 9.8 MB/s · 0 warnings".
pub fn gauge_label(p: &crate::corpus::Progress) -> String {
    format!(
        "{} {}/{} files · {}",
        crate::progress::stage_name(p.stage),
        p.done,
        p.total,
        crate::progress::status(p)
    )
}

pub fn draw(f: &mut Frame, s: &State, area: Rect, t: &Theme) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let w = area.width as usize;
    if let Some(p) = &s.loading {
        let ratio = if p.total == 0 {
            0.0
        } else {
            (p.done as f64 / p.total as f64).clamp(0.0, 1.0)
        };
        let gauge = ratatui::widgets::LineGauge::default()
            .ratio(ratio)
            .label(truncate(&gauge_label(p), w / 2 + w / 4))
            .filled_style(t.chart_selected())
            .unfilled_style(t.dim());
        f.render_widget(gauge, Rect { height: 1, ..area });
        if area.height > 1 {
            let body = Rect {
                y: area.y + 1,
                height: area.height - 1,
                ..area
            };
            let what =
                "loading: keys and the filter work meanwhile; rows fill in as files are read";
            f.render_widget(
                Paragraph::new(Line::styled(truncate(what, w), t.dim())),
                body,
            );
        }
        return;
    }
    let Some(c) = s.days.chart(w) else {
        let msg = if s.shown.is_empty() {
            "coverage: no rows shown"
        } else {
            "coverage: no shown row is dated to a day"
        };
        f.render_widget(Paragraph::new(Line::styled(msg, t.dim())), area);
        return;
    };
    let cap = Rect { height: 1, ..area };
    f.render_widget(
        Paragraph::new(Line::styled(truncate(&caption(s, &c), w), t.dim())),
        cap,
    );
    let selected = s
        .selected_item()
        .filter(|it| it.date.precision == Precision::Day)
        .and_then(|it| c.bar_of(it.date.start));
    // Few days: each bar several columns wide, so the chart fills the row.
    let cols = (w / c.bars.len().max(1)).max(1);
    let bars: Vec<SparklineBar> = (c.bars.iter().enumerate())
        .flat_map(|(i, &v)| std::iter::repeat_n((i, v), cols))
        .map(|(i, v)| {
            let bar = SparklineBar::from(v);
            if Some(i) == selected {
                bar.style(Some(t.chart_selected()))
            } else {
                bar
            }
        })
        .collect();
    let spark = Sparkline::default()
        .data(bars)
        .max(c.peak().max(1))
        .style(t.chart());
    let body = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    f.render_widget(spark, body);
}
