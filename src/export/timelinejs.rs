//! A TimelineJS3 document: one slide per timeline row, dated at the row's
//! precision, with its citation and who carried it.

use crate::model::{Model, Precision};
use crate::provenance::{self, ArticleIndex};
use crate::sanitize::sanitize;
use crate::timeline::{self, Item, ItemRef};
use chrono::Datelike;
use serde::Serialize;
use std::io::Write;

/// A TimelineJS date: the year always, the month and day only when the
/// row's precision knows them.
#[derive(Serialize, Debug, PartialEq)]
pub struct TlDate {
    pub year: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<String>,
}

impl TlDate {
    fn at(d: chrono::NaiveDate, p: Precision) -> Self {
        let fine = |keep: bool, v: u32| keep.then(|| v.to_string());
        TlDate {
            year: d.year().to_string(),
            month: fine(p <= Precision::Month, d.month()),
            day: fine(matches!(p, Precision::Day | Precision::Week), d.day()),
        }
    }
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct Slide {
    start_date: TlDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TlDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text,
    group: String,
    unique_id: String,
}

#[derive(Serialize)]
struct Doc {
    title: Title,
    events: Vec<Slide>,
}

#[derive(Serialize)]
struct Title {
    text: Text,
}

/// Text from an article as HTML text: markup escaped, terminal controls
/// made inert.
fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in sanitize(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A link only for web addresses: an article cannot smuggle a
/// `javascript:` URL into the page that shows the timeline.
fn link(url: &str, label: &str) -> String {
    let lower = url.trim_start().to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        format!("<a href=\"{}\">{}</a>", html(url.trim()), label)
    } else {
        label.to_string()
    }
}

/// At most `n` characters, cut at a word and marked with an ellipsis.
fn headline(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let cut: String = s.chars().take(n).collect();
    let at = cut.rfind(' ').filter(|&i| i > n / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

fn slide(model: &Model, ix: &ArticleIndex, it: &Item) -> Slide {
    let d = &it.date;
    let precise = matches!(d.precision, Precision::Day | Precision::Week);
    let end_date = (precise && d.end != d.start).then(|| TlDate::at(d.end, d.precision));
    let carriers = provenance::carriers(model, ix, it);
    let mut body = String::new();
    let (words, speaker) = match it.what {
        ItemRef::Quote(q) => {
            let q = &model.quotes[q];
            (format!("“{}”", q.text), q.speaker_text.as_deref())
        }
        ItemRef::Event(e) => (model.events[e].text.to_string(), None),
    };
    body.push_str(&format!("<p>{}</p>", html(&words)));
    if let Some(s) = speaker {
        body.push_str(&format!("<p>— {}</p>", html(s)));
    }
    body.push_str("<p>");
    for (i, c) in carriers.iter().enumerate() {
        if i > 0 {
            body.push_str("<br>");
        }
        let a = &model.articles[c.article];
        let line = html(&provenance::describe(model, c));
        body.push_str(&match &a.url {
            Some(u) => link(u, &line),
            None => line,
        });
        if let Some(t) = &a.title {
            body.push_str(&format!(": <i>{}</i>", html(t)));
        }
    }
    body.push_str("</p>");
    let group = match (speaker, carriers.first()) {
        (Some(s), _) => s.to_string(),
        (None, Some(c)) => model.articles[c.article].source_name(),
        (None, None) => String::new(),
    };
    let unique_id = match it.what {
        ItemRef::Quote(q) => model.quotes[q].cluster.to_string(),
        ItemRef::Event(e) => model.events[e].cluster.to_string(),
    };
    Slide {
        start_date: TlDate::at(d.start, d.precision),
        end_date,
        display_date: match d.precision {
            Precision::Week => Some(format!("Week of {}", d.start.format("%-d %b %Y"))),
            Precision::Decade => Some(crate::timeline::decade_name(d.start)),
            _ => None,
        },
        text: Text {
            headline: html(&headline(&it.text, 120)),
            text: body,
        },
        group: html(&group),
        unique_id,
    }
}

/// Writes the model's timeline rows as a TimelineJS3 JSON document, in
/// chronological order.
pub fn write_timelinejs(model: &Model, title: &str, out: impl Write) -> std::io::Result<()> {
    let ix = ArticleIndex::of(model);
    let mut rows = timeline::build(model);
    rows.sort_by_key(|i| (timeline::order_key(&i.date), i.article, i.span.start));
    let doc = Doc {
        title: Title {
            text: Text {
                headline: html(title),
                text: format!(
                    "<p>{} rows from {} articles</p>",
                    rows.len(),
                    model.articles.len()
                ),
            },
        },
        events: rows.iter().map(|it| slide(model, &ix, it)).collect(),
    };
    let mut out = std::io::BufWriter::new(out);
    let f = super::safe_json::Safe(serde_json::ser::PrettyFormatter::new());
    doc.serialize(&mut serde_json::Serializer::with_formatter(&mut out, f))?;
    out.write_all(b"\n")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates_say_only_what_the_precision_knows() {
        let at = |p| TlDate::at(d("2026-03-02"), p);
        assert_eq!(
            at(Precision::Day),
            TlDate {
                year: "2026".into(),
                month: Some("3".into()),
                day: Some("2".into())
            }
        );
        assert_eq!(at(Precision::Week).day.as_deref(), Some("2"));
        let m = at(Precision::Month);
        assert_eq!((m.month.as_deref(), m.day), (Some("3"), None));
        let y = at(Precision::Year);
        assert_eq!((y.year.as_str(), y.month, y.day), ("2026", None, None));
        let decade = TlDate::at(d("1980-01-01"), Precision::Decade);
        assert_eq!(
            (decade.year.as_str(), decade.month, decade.day),
            ("1980", None, None)
        );
    }

    #[test]
    fn only_web_addresses_become_links_and_text_is_escaped() {
        assert_eq!(link("javascript:alert(1)", "x"), "x");
        assert_eq!(
            link("https://a.example/?q=\"<b>", "x"),
            "<a href=\"https://a.example/?q=&quot;&lt;b&gt;\">x</a>"
        );
        assert_eq!(html("<script>\u{1b}[2J"), "&lt;script&gt;␛[2J");
    }

    #[test]
    fn headlines_are_cut_at_a_word() {
        assert_eq!(headline("short", 10), "short");
        assert_eq!(headline("one two three four", 12), "one two…");
        assert_eq!(headline("ééééééééééé", 4), "éééé…");
    }
}
