//! The export command refuses what cannot mean anything, and a filtered
//! export carries only what its rows use.

mod common;

fn export(args: &[&str]) -> (i32, String, String) {
    common::export_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

#[test]
fn an_inverted_range_is_an_error() {
    let (code, out, err) = export(&["--from", "2026-03-05", "--to", "2026-03-01"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("--from 2026-03-05 is after --to 2026-03-01"),
        "{err}"
    );
    let (code, _, err) = export(&["--filter", "from:2026-03-05 to:2026-03-01"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("inverted"), "{err}");
}

#[test]
fn pretty_applies_to_json_only() {
    let (code, out, err) = export(&["--format", "markdown", "--pretty"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("--pretty applies to the json format only"),
        "{err}"
    );
}

#[test]
fn help_describes_the_paths() {
    let (code, out, _) = export(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Article files and folders to read"), "{out}");
}

#[test]
fn a_filtered_json_export_lists_only_the_articles_and_actors_it_uses() {
    let (code, all, _) = export(&[]);
    assert_eq!(code, 0);
    let (code, some, _) = export(&["--filter", "@netanyahu"]);
    assert_eq!(code, 0);
    let all: serde_json::Value = serde_json::from_str(&all).unwrap();
    let some: serde_json::Value = serde_json::from_str(&some).unwrap();
    let n = |v: &serde_json::Value, k: &str| v[k].as_array().unwrap().len();
    assert!(n(&some, "events") + n(&some, "quotes") > 0);
    assert!(n(&some, "articles") < n(&all, "articles"));
    let listed: std::collections::BTreeSet<&str> = some["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let used: std::collections::BTreeSet<&str> = ["events", "quotes"]
        .iter()
        .flat_map(|k| some[*k].as_array().unwrap())
        .map(|x| x["article"].as_str().unwrap())
        .collect();
    assert_eq!(listed, used);
    assert!(n(&some, "actors") < n(&all, "actors"));
}
