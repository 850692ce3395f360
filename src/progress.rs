//! The progress bar `export` and `check` draw on standard error while a
//! corpus loads, when standard error is a terminal.

use crate::corpus::{Progress, Stage};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Bar(ProgressBar);

impl Default for Bar {
    fn default() -> Self {
        Bar::new()
    }
}

impl Bar {
    pub fn new() -> Bar {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr_with_hz(10));
        bar.set_style(
            ProgressStyle::with_template("{prefix:>10} [{bar:30}] {pos}/{len} files  {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        Bar(bar)
    }

    pub fn show(&self, p: &Progress) {
        self.0.set_length(p.total as u64);
        self.0.set_position(p.done as u64);
        self.0.set_prefix(stage_name(p.stage));
        self.0.set_message(status(p));
    }

    /// Clears the bar: what follows on standard error is the report.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

pub fn stage_name(s: Stage) -> &'static str {
    match s {
        Stage::Checking => "checking",
        Stage::Reading => "reading",
        Stage::Assembling => "assembling",
        Stage::Done => "done",
    }
}

/// "9.8 MB/s · 1,204 from cache · 3 warnings": the rate, the cache hits and
/// the warnings so far.
pub fn status(p: &Progress) -> String {
    let mut parts = vec![format!("{:.1} MB/s", p.rate_mb_s())];
    if p.cached > 0 {
        parts.push(format!("{} from cache", p.cached));
    }
    parts.push(match p.warnings {
        1 => "1 warning".to_string(),
        n => format!("{n} warnings"),
    });
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn status_says_rate_cache_hits_and_warnings() {
        let mut p = Progress {
            stage: Stage::Reading,
            done: 10,
            total: 20,
            bytes: 5_000_000,
            cached: 0,
            warnings: 1,
            elapsed: Duration::from_secs(2),
        };
        assert_eq!(status(&p), "2.5 MB/s · 1 warning");
        p.cached = 4;
        p.warnings = 0;
        assert_eq!(status(&p), "2.5 MB/s · 4 from cache · 0 warnings");
        p.elapsed = Duration::ZERO;
        assert!(status(&p).starts_with("0.0 MB/s"));
    }
}
