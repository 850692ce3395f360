//! Exports with one record per event or quote: CSV for spreadsheets and
//! JSON Lines for jq, DuckDB or Spark pipelines.

use super::safe_json;
use crate::model::{Article, ArticleId, ClusterId, DateInfo, Event, Model, Names, Quote};
use crate::sanitize::sanitize;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;

/// The CSV header, one column per field of a row.
pub const CSV_COLUMNS: &[&str] = &[
    "kind",
    "id",
    "date_start",
    "date_end",
    "precision",
    "basis",
    "reported",
    "text",
    "speaker",
    "speaker_id",
    "actors",
    "cites",
    "outlet",
    "headline",
    "url",
    "path",
    "span_start",
    "span_end",
    "cluster",
    "cluster_size",
    "confidence",
    "mentioned",
];

/// Lookups shared by every row: articles and cluster sizes by id.
struct Index<'m> {
    articles: HashMap<ArticleId, &'m Article>,
    sizes: HashMap<ClusterId, usize>,
}

impl<'m> Index<'m> {
    fn of(model: &'m Model) -> Self {
        Index {
            articles: model.articles.iter().map(|a| (a.id, a)).collect(),
            sizes: model
                .clusters
                .iter()
                .map(|c| (c.id, c.members.len()))
                .collect(),
        }
    }
}

/// A serde name (`"day"`, `"stated"`) as plain text.
fn word(v: impl Serialize) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn joined(names: &Names) -> String {
    names.iter().map(|n| &**n).collect::<Vec<_>>().join("; ")
}

/// Text from an article, with terminal controls made inert, so that a CSV
/// shown with `cat` cannot drive the terminal.
fn clean(s: &str) -> String {
    sanitize(s).into_owned()
}

/// One event or quote as the fields a CSV row needs.
struct Row<'a> {
    kind: &'static str,
    id: String,
    article: ArticleId,
    date: &'a DateInfo,
    span: crate::model::Span,
    cluster: ClusterId,
    text: &'a str,
    /// As written, and as an actor id.
    speaker: (&'a str, &'a str),
    actors: String,
    cites: &'a Names,
    confidence: f32,
    /// A further date an event's sentence names.
    mentioned: bool,
}

fn row_fields(ix: &Index, r: Row) -> Vec<String> {
    let a = ix.articles.get(&r.article).copied();
    let opt =
        |f: fn(&Article) -> Option<&String>| a.and_then(f).map_or(String::new(), |s| clean(s));
    vec![
        r.kind.to_string(),
        r.id,
        r.date.start.to_string(),
        r.date.end.to_string(),
        word(r.date.precision),
        word(r.date.basis),
        a.and_then(|a| a.published)
            .map_or(String::new(), |d| d.to_string()),
        clean(r.text),
        clean(r.speaker.0),
        clean(r.speaker.1),
        clean(&r.actors),
        clean(&joined(r.cites)),
        opt(|a| a.outlet.as_ref()),
        opt(|a| a.title.as_ref()),
        opt(|a| a.url.as_ref()),
        a.map_or(String::new(), |a| clean(&a.path)),
        r.span.start.to_string(),
        r.span.end.to_string(),
        r.cluster.to_string(),
        ix.sizes.get(&r.cluster).copied().unwrap_or(1).to_string(),
        format!("{:.2}", r.confidence),
        r.mentioned.to_string(),
    ]
}

fn event_row(ix: &Index, e: &Event) -> Vec<String> {
    row_fields(
        ix,
        Row {
            kind: "event",
            id: e.id.to_string(),
            article: e.article,
            date: &e.date,
            span: e.span,
            cluster: e.cluster,
            text: &e.text,
            speaker: ("", ""),
            actors: joined(&e.actors),
            cites: &e.cites,
            confidence: e.confidence,
            mentioned: e.mentioned,
        },
    )
}

fn quote_row(ix: &Index, q: &Quote) -> Vec<String> {
    let speaker = q.speaker.as_deref().unwrap_or("");
    row_fields(
        ix,
        Row {
            kind: "quote",
            id: q.id.to_string(),
            article: q.article,
            date: &q.date,
            span: q.span,
            cluster: q.cluster,
            text: &q.text,
            speaker: (q.speaker_text.as_deref().unwrap_or(""), speaker),
            actors: speaker.to_string(),
            cites: &q.cites,
            confidence: q.confidence,
            mentioned: false,
        },
    )
}

/// Every event and quote of the model, in chronological order (events and
/// quotes interleaved by date, then by id).
fn in_order(model: &Model) -> Vec<Either<'_>> {
    let mut all: Vec<Either> = (model.events.iter().map(Either::Event))
        .chain(model.quotes.iter().map(Either::Quote))
        .collect();
    all.sort_by_key(|x| {
        let d = x.date();
        (d.start, d.end, x.kind_rank(), x.index())
    });
    all
}

enum Either<'m> {
    Event(&'m Event),
    Quote(&'m Quote),
}

impl Either<'_> {
    fn date(&self) -> &DateInfo {
        match self {
            Either::Event(e) => &e.date,
            Either::Quote(q) => &q.date,
        }
    }
    fn kind_rank(&self) -> u8 {
        u8::from(matches!(self, Either::Quote(_)))
    }
    fn index(&self) -> usize {
        match self {
            Either::Event(e) => e.id.index(),
            Either::Quote(q) => q.id.index(),
        }
    }
}

/// Writes one CSV row per event and quote, with a header.
pub fn write_csv(model: &Model, out: impl Write) -> std::io::Result<()> {
    let ix = Index::of(model);
    let mut w = csv::Writer::from_writer(std::io::BufWriter::with_capacity(1 << 16, out));
    w.write_record(CSV_COLUMNS)?;
    for x in in_order(model) {
        let row = match x {
            Either::Event(e) => event_row(&ix, e),
            Either::Quote(q) => quote_row(&ix, q),
        };
        w.write_record(&row)?;
    }
    w.flush()
}

#[derive(Serialize)]
struct Line<'a, T: Serialize> {
    kind: &'static str,
    #[serde(flatten)]
    item: &'a T,
    /// The reporting article's outlet, headline and address, so that a line
    /// stands on its own in a pipeline.
    outlet: Option<&'a str>,
    headline: Option<&'a str>,
    url: Option<&'a str>,
    path: Option<&'a str>,
    cluster_size: usize,
}

/// Writes one JSON object per line per event and quote: the JSON export's
/// fields, the kind, and the article's outlet, headline and address.
pub fn write_jsonl(model: &Model, out: impl Write) -> std::io::Result<()> {
    let ix = Index::of(model);
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    for x in in_order(model) {
        let (article, cluster) = match x {
            Either::Event(e) => (e.article, e.cluster),
            Either::Quote(q) => (q.article, q.cluster),
        };
        let a = ix.articles.get(&article).copied();
        let size = ix.sizes.get(&cluster).copied().unwrap_or(1);
        let f = safe_json::Safe(serde_json::ser::CompactFormatter);
        let mut ser = serde_json::Serializer::with_formatter(&mut out, f);
        macro_rules! line {
            ($kind:literal, $item:expr) => {
                Line {
                    kind: $kind,
                    item: $item,
                    outlet: a.and_then(|a| a.outlet.as_deref()),
                    headline: a.and_then(|a| a.title.as_deref()),
                    url: a.and_then(|a| a.url.as_deref()),
                    path: a.map(|a| a.path.as_str()),
                    cluster_size: size,
                }
                .serialize(&mut ser)?
            };
        }
        match x {
            Either::Event(e) => line!("event", e),
            Either::Quote(q) => line!("quote", q),
        }
        out.write_all(b"\n")?;
    }
    out.flush()
}
