//! Every input format read end to end: titles, dates, outlets, web
//! addresses, events and quotes; bad records and cut-short files warn.

use std::process::Command;

fn export() -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .args(["export", "tests/fixtures/formats"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn article<'a>(m: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    m["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["path"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("{name} loaded"))
}

#[test]
fn each_format_gives_its_metadata_events_and_quotes() {
    let m = export();
    let expect = [
        (
            "herald.rss#1",
            "feed",
            "Levee gives way south of Marlow",
            "Valley Herald",
            "2026-03-04",
        ),
        (
            "wire.atom#1",
            "feed",
            "Pumps arrive in Marlow",
            "River Wire",
            "2026-03-05",
        ),
        (
            "notes.json#1",
            "feed",
            "School reopens",
            "Marlow Notes",
            "2026-03-06",
        ),
        (
            "dump.jsonl#1",
            "jsonl",
            "Bridge inspected",
            "herald.example.org",
            "2026-03-07",
        ),
        (
            "recovery.md",
            "markdown",
            "Marlow counts the cost",
            "Marlow Notes",
            "2026-03-09",
        ),
        (
            "ledger.htm",
            "html",
            "Ferry service resumes after the storm",
            "Harbour Ledger",
            "2026-03-12",
        ),
        (
            "latin1.html",
            "html",
            "Café owners count losses",
            "Le Courrier",
            "2026-03-10",
        ),
    ];
    for (name, format, title, outlet, date) in expect {
        let a = article(&m, name);
        assert_eq!(a["format"], format, "{name}");
        assert_eq!(a["title"], title, "{name}");
        assert_eq!(a["outlet"], outlet, "{name}");
        assert_eq!(a["published"], date, "{name}");
        let id = a["id"].as_str().unwrap();
        let events = m["events"].as_array().unwrap();
        assert!(
            events.iter().any(|e| e["article"] == id),
            "{name} has events"
        );
        // Spans index the extracted text carried beside them.
        if format != "markdown" {
            let text = a["text"].as_str().unwrap();
            for e in events.iter().filter(|e| e["article"] == id) {
                let s = e["span"][0].as_u64().unwrap() as usize;
                let t = e["span"][1].as_u64().unwrap() as usize;
                assert!(text.get(s..t).is_some(), "{name} span in its text");
            }
        }
    }
    assert_eq!(
        article(&m, "herald.rss#1")["url"],
        "https://herald.example.org/2026/03/04/levee"
    );
    let quotes = m["quotes"].as_array().unwrap();
    assert!(quotes.iter().any(|q| {
        q["text"]
            .as_str()
            .unwrap()
            .contains("We lost everything in the cellar")
    }));
    assert!(quotes.iter().any(|q| q["speaker_text"] == "Mayor Tom Bell"));
    // Metadata only in a JSON-LD @graph; a <q> keeps its quotation marks,
    // so the quote is found; a subhead is not a row.
    let ledger = article(&m, "ledger.htm");
    assert_eq!(ledger["author"], "Priya Nair");
    assert_eq!(ledger["url"], "https://ledger.example.net/2026/03/12/ferry");
    assert!(quotes.iter().any(|q| {
        q["article"] == ledger["id"]
            && q["speaker_text"] == "Captain Lena Ortiz"
            && q["text"]
                .as_str()
                .unwrap()
                .contains("The crossing was calm")
    }));
    let events = m["events"].as_array().unwrap();
    assert!(
        !events
            .iter()
            .any(|e| e["text"] == "Timetable" || e["text"].as_str().unwrap().contains("Share on")),
        "no subhead or share button as a row"
    );
    let text = ledger["text"].as_str().unwrap();
    assert!(!text.contains("Related stories") && !text.contains("Share on X"));
    // No navigation or footer in the page's text.
    let page = article(&m, "latin1.html")["text"].as_str().unwrap();
    assert!(!page.contains("Home") && !page.contains("Subscribe"));
}

#[test]
fn bad_records_and_cut_files_are_warnings_not_failures() {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .args(["check", "tests/fixtures/formats"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("dump.jsonl: line 2:"), "{text}");
    assert!(text.contains("truncated.rss: feed cut short"), "{text}");
    assert!(
        text.contains("read as: html") && text.contains("read as: jsonl"),
        "{text}"
    );
}
