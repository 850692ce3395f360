//! `-` reads standard input: one document in any format (sniffed), or a
//! JSONL stream of records, with a bad line a warning naming its line.

use std::io::Write;
use std::process::{Command, Stdio};

fn export_stdin(input: &str) -> (i32, serde_json::Value, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .args(["export", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("finishes");
    let json = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    (
        out.status.code().unwrap_or(-1),
        json,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_web_page_on_stdin_is_read_as_html() {
    let page = "<!DOCTYPE html><html><head><title>Storm hits the coast | Gazette</title>\
        <meta property=\"article:published_time\" content=\"2026-03-03T08:00:00Z\"></head>\
        <body><nav><a href=\"/\">Home</a></nav><article>\
        <p>The storm reached the coast on Monday night, the weather service said.</p>\
        <p>Power was restored to most homes by Tuesday, officials said.</p>\
        </article></body></html>";
    let (code, m, err) = export_stdin(page);
    assert_eq!(code, 0, "{err}");
    let a = &m["articles"][0];
    assert_eq!(a["format"], "html");
    assert_eq!(a["path"], "stdin");
    assert_eq!(a["title"], "Storm hits the coast");
    assert_eq!(a["outlet"], "Gazette");
    assert_eq!(a["published"], "2026-03-03");
    let events = m["events"].as_array().unwrap();
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(
        events[0]["date"]["start"], "2026-03-02",
        "Monday before the 3rd"
    );
    assert!(!a["text"].as_str().unwrap().contains("Home"));
}

#[test]
fn a_jsonl_stream_is_one_article_a_record_and_a_bad_line_a_warning() {
    let lines = [
        r#"{"title":"Council meets","text":"On Monday the council met. It approved the plan.","date_publish":"2026-03-02","source_domain":"a.example"}"#,
        "{broken",
        r#"{"title":"Bridge","maintext":"The mayor said on Tuesday that the bridge would reopen.","date":"2026-03-04","sitename":"B News"}"#,
        r#"{"title":"Talks","text":"Officials met on Wednesday.","published":"2026-03-05","outlet":"C Wire"}"#,
    ];
    let (code, m, err) = export_stdin(&(lines.join("\n") + "\n"));
    assert_eq!(code, 0, "{err}");
    let arts = m["articles"].as_array().unwrap();
    let got: Vec<(&str, &str, &str)> = arts
        .iter()
        .map(|a| {
            (
                a["title"].as_str().unwrap(),
                a["outlet"].as_str().unwrap(),
                a["published"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Council meets", "a.example", "2026-03-02"),
            ("Bridge", "B News", "2026-03-04"),
            ("Talks", "C Wire", "2026-03-05"),
        ]
    );
    assert!(arts.iter().all(|a| a["format"] == "jsonl"));
    assert!(err.contains("stdin: line 2:"), "{err}");
}
