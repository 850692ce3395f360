//! CSV, JSON Lines and TimelineJS exports: each parses with an ordinary
//! reader for its format and carries the same rows as the JSON model.

use serde_json::Value;
use std::path::Path;

mod common;
use common::export_in as run;

fn bundled(args: &[&str]) -> String {
    let (code, out, err) = run(Path::new(env!("CARGO_MANIFEST_DIR")), args);
    assert_eq!(code, 0, "{err}");
    out
}

/// An article whose text holds what CSV must quote: commas, double
/// quotes and a line break inside a quotation.
fn awkward_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("wire.txt"),
        " date 2026-03-04 The council met on Monday, a day late, to vote.\n\n\
         \"We will not sign, 'not now', not ever,\" Mayor Ana Ruiz said on Tuesday.\n\n\
         Officials said the vote, on a budget of $4,000,000, passed.\n",
    )
    .unwrap();
    dir
}

fn model(dir: &Path) -> Value {
    let (code, out, err) = run(dir, &["."]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

fn by_id(json: &Value) -> std::collections::HashMap<String, Value> {
    ["events", "quotes"]
        .iter()
        .flat_map(|k| json[*k].as_array().unwrap().iter().cloned())
        .map(|x| (x["id"].as_str().unwrap().to_string(), x))
        .collect()
}

#[test]
fn csv_parses_and_round_trips_every_row() {
    let awkward = awkward_corpus();
    for dir in [
        awkward.path().to_path_buf(),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
    ] {
        let json = model(&dir);
        let rows = by_id(&json);
        let (code, csv_text, err) = run(&dir, &[".", "--format", "csv"]);
        assert_eq!(code, 0, "{err}");
        let mut r = csv::Reader::from_reader(csv_text.as_bytes());
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, dateline::export::CSV_COLUMNS);
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let mut n = 0;
        for rec in r.records() {
            let rec = rec.unwrap();
            assert_eq!(rec.len(), header.len());
            let x = &rows[&rec[col("id")]];
            assert_eq!(&rec[col("text")], x["text"].as_str().unwrap());
            assert_eq!(
                &rec[col("date_start")],
                x["date"]["start"].as_str().unwrap()
            );
            assert_eq!(&rec[col("date_end")], x["date"]["end"].as_str().unwrap());
            assert_eq!(
                &rec[col("precision")],
                x["date"]["precision"].as_str().unwrap()
            );
            assert_eq!(&rec[col("span_start")], x["span"][0].to_string());
            assert_eq!(&rec[col("span_end")], x["span"][1].to_string());
            assert_eq!(&rec[col("cluster")], x["cluster"].as_str().unwrap());
            let confidence: f64 = rec[col("confidence")].parse().unwrap();
            assert!((confidence - x["confidence"].as_f64().unwrap()).abs() < 0.006);
            let mentioned = x["mentioned"].as_bool().unwrap_or(false);
            assert_eq!(&rec[col("mentioned")], mentioned.to_string());
            let kind = if rec[col("id")].starts_with('q') {
                "quote"
            } else {
                "event"
            };
            assert_eq!(&rec[col("kind")], kind);
            if kind == "quote" {
                assert_eq!(
                    &rec[col("speaker")],
                    x["speaker_text"].as_str().unwrap_or("")
                );
            }
            let cluster = json["clusters"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["id"] == x["cluster"])
                .unwrap();
            assert_eq!(
                rec[col("cluster_size")].parse::<usize>().unwrap(),
                cluster["members"].as_array().unwrap().len()
            );
            n += 1;
        }
        assert_eq!(n, rows.len(), "one CSV row per event and quote");
    }
}

#[test]
fn csv_keeps_commas_and_quotes_inside_fields() {
    let dir = awkward_corpus();
    let (code, csv_text, err) = run(dir.path(), &[".", "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let texts: Vec<String> = r.records().map(|x| x.unwrap()[7].to_string()).collect();
    assert!(
        texts.iter().any(|t| t.contains("$4,000,000, passed")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("on Monday, a day late")),
        "{texts:?}"
    );
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let quote = r
        .records()
        .map(|x| x.unwrap())
        .find(|x| &x[0] == "quote")
        .expect("the quotation is a row");
    assert_eq!(&quote[7], "We will not sign, 'not now', not ever,");
    assert_eq!(&quote[8], "Mayor Ana Ruiz");
}

#[test]
fn jsonl_is_one_object_a_line_with_the_json_fields() {
    let json: Value = serde_json::from_str(&bundled(&[])).unwrap();
    let rows = by_id(&json);
    let lines = bundled(&["--format", "jsonl"]);
    let mut n = 0;
    for line in lines.lines() {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let id = v["id"].as_str().unwrap();
        let x = &rows[id];
        for (k, want) in x.as_object().unwrap() {
            assert_eq!(&v[k], want, "field {k} of {id}");
        }
        assert!(matches!(v["kind"].as_str(), Some("event" | "quote")));
        assert!(v["outlet"].is_string() || v["outlet"].is_null());
        assert!(v["cluster_size"].as_u64().unwrap() >= 1);
        n += 1;
    }
    assert_eq!(n, rows.len());
    assert!(lines.ends_with('\n') && !lines.contains("\n\n"));
}

#[test]
fn timelinejs_has_the_fields_its_loader_requires_at_each_precision() {
    let doc: Value = serde_json::from_str(&bundled(&["--format", "timelinejs"])).unwrap();
    let events = doc["events"].as_array().unwrap();
    assert!(!events.is_empty());
    let timeline: Value = serde_json::from_str(&bundled(&["--format", "json"])).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for e in events {
        let start = &e["start_date"];
        let year = start["year"].as_str().unwrap();
        assert!(year.len() == 4 && year.parse::<i32>().is_ok(), "{e}");
        let month = start
            .get("month")
            .map(|m| m.as_str().unwrap().parse::<u32>().unwrap());
        let day = start
            .get("day")
            .map(|d| d.as_str().unwrap().parse::<u32>().unwrap());
        assert!(month.is_none_or(|m| (1..=12).contains(&m)));
        assert!(day.is_none_or(|d| (1..=31).contains(&d)));
        assert!(
            day.is_none() || month.is_some(),
            "a day needs its month: {e}"
        );
        seen.insert((month.is_some(), day.is_some()));
        assert!(!e["text"]["headline"].as_str().unwrap().is_empty());
        assert!(e["text"]["text"].as_str().unwrap().starts_with("<p>"));
        assert!(e["unique_id"].is_string());
        if let Some(end) = e.get("end_date") {
            assert!(end["year"].is_string());
        }
    }
    assert!(
        seen.contains(&(true, true)),
        "day rows are dated to the day"
    );
    // One slide per timeline row: never more slides than events and quotes.
    let n =
        timeline["events"].as_array().unwrap().len() + timeline["quotes"].as_array().unwrap().len();
    assert!(events.len() <= n);
    assert!(doc["title"]["text"]["headline"].is_string());
}

#[test]
fn the_output_extension_chooses_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let data = data.to_str().unwrap();
    for (name, check) in [
        ("rows.csv", "kind,id,date_start"),
        ("rows.jsonl", "{\"kind\":"),
        ("brief.md", "# dateline briefing"),
        ("story.timeline.json", "{\n  \"title\""),
        ("model.json", "{\"articles\":"),
    ] {
        let (code, _, err) = run(dir.path(), &[data, "-o", name]);
        assert_eq!(code, 0, "{name}: {err}");
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(
            text.starts_with(check),
            "{name}: {}",
            &text[..60.min(text.len())]
        );
    }
    let (code, _, err) = run(dir.path(), &[data, "-o", "notes.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("--format"), "{err}");
    assert!(!dir.path().join("notes.txt").exists());
}

#[test]
fn a_filtered_csv_has_only_matching_rows() {
    let all = bundled(&["--format", "csv"]).lines().count();
    let some = bundled(&["--format", "csv", "--filter", "@netanyahu"]);
    assert!(some.lines().count() < all);
    assert!(some.lines().count() > 1);
}
