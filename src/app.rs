//! The explorer's entry point: the terminal UI when standard output is a
//! terminal, else the timeline as text (so `dateline | less` still works).

use crate::corpus::Corpus;
use crate::timeline::{self, Group};
use crate::tui::config::Loaded;
pub use crate::tui::loading::Source;
use std::io::{IsTerminal, Write};

/// Mouse capture is opt-in (`DATELINE_MOUSE=1`), so the terminal's own
/// text selection keeps working by default.
pub fn run(src: Source, settings: &Loaded) -> anyhow::Result<i32> {
    let mouse = std::env::var("DATELINE_MOUSE").is_ok_and(|v| v == "1");
    run_with(src, mouse, settings)
}

pub fn run_with(src: Source, mouse: bool, settings: &Loaded) -> anyhow::Result<i32> {
    if std::io::stdout().is_terminal() {
        let origin = crate::corpus::origin(&src.paths);
        return crate::tui::run(src, origin, mouse, settings);
    }
    let opts = crate::corpus::Options {
        cache: src.cache.as_ref(),
        ..Default::default()
    };
    let c = crate::corpus::open_with(&src.paths, src.aliases.as_deref(), &opts);
    crate::check::report_issues(&c.model, &c.issues);
    print_timeline(&c)
}

fn print_timeline(c: &Corpus) -> anyhow::Result<i32> {
    let items = timeline::build(&c.model);
    let mut out = std::io::stdout().lock();
    let mut group = None;
    for it in &items {
        let r = (|| {
            let g = Group::of(&it.date);
            if group != Some(g) {
                group = Some(g);
                writeln!(out, "\n{}", g.heading())?;
            }
            writeln!(
                out,
                "  {:<16} {}  [{} src]",
                it.marker(),
                crate::sanitize::sanitize(&it.text),
                it.sources.len()
            )
        })();
        match r {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(0),
            r => r.map_err(|e| anyhow::anyhow!("cannot write to standard output: {e}"))?,
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            anyhow::bail!("cannot write to standard output: {e}")
        }
        _ => Ok(0),
    }
}
