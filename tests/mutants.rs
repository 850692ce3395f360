//! Many random mutants of the bundled articles, with Unicode whitespace,
//! quote marks, speech verbs, CJK, emoji, control and invalid bytes put in
//! where they hurt: decoding, extraction and both exports must not panic,
//! and every event and quote span must lie inside its file's text on char
//! boundaries, holding the text the model says it holds. Deterministic
//! (a fixed xorshift seed), a few seconds.

use dateline::aliases::AliasTable;
use dateline::loader::{self, BUNDLED_ALIASES};
use dateline::model::Model;
use dateline::text::squash;
use std::path::Path;

const INSERTS: &[&str] = &[
    "\u{a0}",
    "\u{200b}",
    "\u{2009}",
    "\u{3000}",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "''",
    "«",
    "»",
    "„",
    " said ",
    "said",
    " said\u{a0}",
    "said\u{200b}\"",
    "According to",
    " according to ",
    "\"said\"",
    "”, he said. “",
    "日本語",
    "中文",
    "😀",
    "👍🏽",
    "\x1b[31m",
    "\x07",
    "\u{9b}",
    "\u{202e}",
    "\r\n",
    "\n\n",
    " ",
    ".",
    ",",
    "On Monday",
    "March\u{a0}5",
    " told ",
    " wrote ",
    "Mr. ",
    " ' ",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One to eight random edits of `bytes`.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(10) {
            0..=5 => {
                let s = INSERTS[rng.below(INSERTS.len())];
                bytes.splice(at..at, s.bytes());
            }
            6 => {
                // A raw byte, often splitting a character.
                let b = [0x80, 0x9b, 0xc2, 0xe2, 0xff, 0x1b, 0x07, 0x0c][rng.below(8)];
                bytes.insert(at, b);
            }
            7 => {
                let end = (at + rng.below(40)).min(bytes.len());
                bytes.drain(at..end);
            }
            8 => {
                let end = (at + rng.below(200)).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, piece);
            }
            _ => {
                // The same quote-and-verb pattern many times over.
                let s = INSERTS[rng.below(INSERTS.len())].repeat(1 + rng.below(20));
                bytes.splice(at..at, s.bytes());
            }
        }
    }
}

/// Runs one mutant through the whole pipeline; `Err` says what is wrong.
fn check(bytes: Vec<u8>, table: &AliasTable) -> Result<(), String> {
    let Ok(raw) = loader::decode(Path::new("mutant.txt"), bytes) else {
        return Ok(());
    };
    let doc = loader::document(raw);
    let (model, issues): (Model, _) =
        dateline::extract::build_model(std::slice::from_ref(&doc), table);
    // A panic caught by the per-article boundary is still a bug here.
    if let Some(i) = issues.iter().find(|i| i.failed) {
        return Err(i.to_string());
    }
    let (text, clean) = (&doc.text, &doc.meta.clean);
    let inside = |s: dateline::model::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
            && clean.is_char_boundary(s.start)
            && clean.is_char_boundary(s.end)
    };
    for e in &model.events {
        if !inside(e.span) {
            return Err(format!("event span {:?} outside the text", e.span));
        }
        let shown = squash(&clean[e.span.start..e.span.end]);
        if *e.text != shown {
            return Err(format!("event text {:?} is not its span {shown:?}", e.text));
        }
    }
    for q in &model.quotes {
        if !inside(q.span) {
            return Err(format!("quote span {:?} outside the text", q.span));
        }
        let held = &clean[q.span.start..q.span.end];
        if let Some(w) = q.text.split_whitespace().find(|w| !held.contains(w)) {
            return Err(format!("quote word {w:?} not in its span {held:?}"));
        }
    }
    let mut json = Vec::new();
    dateline::export::write_json(&model, &[], &mut json, false).map_err(|e| e.to_string())?;
    serde_json::from_slice::<serde_json::Value>(&json).map_err(|e| e.to_string())?;
    let items = dateline::timeline::build(&model);
    let rows: Vec<&dateline::timeline::Item> = items.iter().collect();
    dateline::export::to_markdown(&model, &rows, &Default::default());
    Ok(())
}

#[test]
fn mutants_of_the_bundled_articles_never_panic_and_keep_their_spans() {
    let (table, _) = AliasTable::with_general(BUNDLED_ALIASES);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut failures = Vec::new();
    let mut tried = 0;
    // Panics are collected and reported together, not printed one by one.
    let hook = std::panic::take_hook();
    static WHERE: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());
    std::panic::set_hook(Box::new(|info| {
        if let Some(l) = info.location() {
            *WHERE.lock().unwrap_or_else(|e| e.into_inner()) = format!("{}:{}", l.file(), l.line());
        }
    }));
    for (name, article) in loader::BUNDLED {
        for n in 0..60 {
            let mut bytes = article.as_bytes().to_vec();
            mutate(&mut rng, &mut bytes);
            tried += 1;
            let result = std::panic::catch_unwind(|| check(bytes.clone(), &table));
            let problem = match result {
                Ok(Ok(())) => continue,
                Ok(Err(e)) => e,
                Err(p) => format!(
                    "panic at {}: {}",
                    WHERE.lock().unwrap_or_else(|e| e.into_inner()),
                    p.downcast_ref::<String>()
                        .cloned()
                        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default()
                ),
            };
            let short: String = problem.chars().take(160).collect();
            failures.push(format!("{name} mutant {n}: {}", short.escape_debug()));
        }
    }
    std::panic::set_hook(hook);
    assert!(
        failures.is_empty(),
        "{} of {tried} mutants failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
