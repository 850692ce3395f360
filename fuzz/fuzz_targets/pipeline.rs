//! The whole pipeline on arbitrary input: a file name's bytes and the
//! file's bytes → loader (decode, clean) → extractor → model → JSON and
//! markdown exports and the check report. It must never panic, and every
//! event and quote span must lie in the file's text on char boundaries.
//! The input is split at the first NUL: name bytes before, file bytes
//! after (no NUL: the whole input is the file, named `article.txt`). The
//! format is sniffed from the name and the bytes as for any input, so web
//! pages, feeds and JSON dumps are fuzzed too.
#![no_main]

use dateline::aliases::AliasTable;
use dateline::loader::{self, BUNDLED_ALIASES};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::LazyLock;

static TABLE: LazyLock<AliasTable> = LazyLock::new(|| AliasTable::parse(BUNDLED_ALIASES).0);

#[cfg(unix)]
fn name(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn name(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

fuzz_target!(|data: &[u8]| {
    let (path, body) = match data.iter().position(|&b| b == 0) {
        Some(i) => (name(&data[..i]), &data[i + 1..]),
        None => (PathBuf::from("article.txt"), data),
    };
    let loaded = loader::load_bytes(&path, body.to_vec());
    let (model, issues) = dateline::extract::build_model(&loaded.docs, &TABLE);
    assert!(
        !issues
            .iter()
            .any(|i| matches!(i.kind, loader::IssueKind::Extract(_))),
        "a panic was caught: {issues:?}"
    );
    for (n, doc) in loaded.docs.iter().enumerate() {
        let text = &doc.text;
        let spans = (model.events.iter())
            .filter(|e| e.article.index() == n)
            .map(|e| e.span)
            .chain(
                (model.quotes.iter())
                    .filter(|q| q.article.index() == n)
                    .map(|q| q.span),
            );
        for s in spans {
            assert!(s.start <= s.end && s.end <= text.len(), "{s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        for e in model.events.iter().filter(|e| e.article.index() == n) {
            let shown = dateline::text::squash(&doc.meta.clean[e.span.start..e.span.end]);
            assert_eq!(*e.text, shown);
        }
    }
    let mut json = Vec::new();
    dateline::export::write_json(&model, &issues, &mut json, false).expect("in memory");
    serde_json::from_slice::<serde_json::Value>(&json).expect("valid JSON");
    let items = dateline::timeline::build(&model);
    let rows: Vec<&dateline::timeline::Item> = items.iter().collect();
    let md = dateline::export::to_markdown(&model, &rows, &Default::default());
    let report = dateline::check::report(&model, &issues);
    for out in [md.as_str(), report.as_str()] {
        assert!(
            !out.chars().any(|c| c != '\n' && c != '\t' && dateline::sanitize::is_unsafe(c)),
            "raw control in output"
        );
    }
});
