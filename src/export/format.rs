//! The export formats, chosen by name or by the output's extension, and
//! one entry point that writes any of them for a set of timeline rows.

use super::write_timelinejs;
use super::{Selection, of_items, to_markdown, write_csv, write_json, write_jsonl};
use crate::loader::LoadIssue;
use crate::model::Model;
use crate::timeline::Item;
use std::borrow::Cow;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The whole model (the stable contract).
    Json,
    /// A briefing note.
    Markdown,
    /// One row per event or quote, for spreadsheets.
    Csv,
    /// One JSON object per event or quote per line, for pipelines.
    Jsonl,
    /// A TimelineJS3 document, one slide per timeline row.
    TimelineJs,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Json,
        Format::Markdown,
        Format::Csv,
        Format::Jsonl,
        Format::TimelineJs,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::TimelineJs => "timelinejs",
        }
    }

    /// The format a file name asks for: `.md`/`.markdown`, `.csv`,
    /// `.jsonl`/`.ndjson`, `.json`, and `.timeline.json` or `.tl.json`
    /// for TimelineJS. None for any other extension.
    pub fn from_path(p: &Path) -> Option<Format> {
        let name = p.file_name()?.to_string_lossy().to_ascii_lowercase();
        if name.ends_with(".timeline.json") || name.ends_with(".tl.json") {
            return Some(Format::TimelineJs);
        }
        let ext = name.rsplit_once('.')?.1;
        Some(match ext {
            "md" | "markdown" => Format::Markdown,
            "csv" => Format::Csv,
            "jsonl" | "ndjson" => Format::Jsonl,
            "json" => Format::Json,
            _ => return None,
        })
    }
}

/// What an export needs besides the rows.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub selection: Selection,
    /// Indented JSON (JSON only).
    pub pretty: bool,
}

/// Writes `items` (None: the whole model) in `format`. The record formats
/// carry only the articles, actors and clusters those rows use.
pub fn write(
    format: Format,
    model: &Model,
    items: Option<&[&Item]>,
    issues: &[LoadIssue],
    opts: &Options,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let part: Cow<Model> = match items {
        Some(items) if format != Format::Markdown => Cow::Owned(of_items(model, items)),
        _ => Cow::Borrowed(model),
    };
    match format {
        Format::Json => write_json(&part, issues, out, opts.pretty),
        Format::Csv => write_csv(&part, out),
        Format::Jsonl => write_jsonl(&part, out),
        Format::TimelineJs => write_timelinejs(&part, &title(&opts.selection), out),
        Format::Markdown => {
            let all: Vec<Item>;
            let refs: Vec<&Item>;
            let rows = match items {
                Some(rows) => rows,
                None => {
                    all = crate::timeline::build(model);
                    refs = all.iter().collect();
                    &refs
                }
            };
            out.write_all(to_markdown(model, rows, &opts.selection).as_bytes())
        }
    }
}

fn title(sel: &Selection) -> String {
    if sel.filter.trim().is_empty() {
        "dateline timeline".to_string()
    } else {
        format!("dateline timeline: {}", sel.filter.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_chooses_the_format() {
        let f = |s: &str| Format::from_path(Path::new(s));
        assert_eq!(f("brief.md"), Some(Format::Markdown));
        assert_eq!(f("dir/Rows.CSV"), Some(Format::Csv));
        assert_eq!(f("x.jsonl"), Some(Format::Jsonl));
        assert_eq!(f("x.ndjson"), Some(Format::Jsonl));
        assert_eq!(f("model.json"), Some(Format::Json));
        assert_eq!(f("story.timeline.json"), Some(Format::TimelineJs));
        assert_eq!(f("story.tl.json"), Some(Format::TimelineJs));
        assert_eq!(f("notes.txt"), None);
        assert_eq!(f("noext"), None);
    }
}
