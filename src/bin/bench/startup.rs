//! startup: from nothing to the explorer's first frame on the corpus
//! `cargo run --release` opens (./data from the repository root, else the
//! bundled copy): open and extract, build the timeline and the filter's
//! haystacks, lay out and draw a 120x40 frame. The terminal itself is not
//! involved; writing one frame to it is a few kilobytes.

use crate::util::*;
use dateline::corpus;
use dateline::tui::data::Data;
use dateline::tui::reduce::update;
use dateline::tui::state::{Action, State};
use dateline::tui::view;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub fn bench_startup() {
    const RUNS: usize = 30;
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    let mut shown = (String::new(), 0);
    for _ in 0..RUNS {
        let t = Instant::now();
        let c = corpus::open(&[], None);
        let origin = c.origin.clone();
        let data = Arc::new(Data::new(c));
        let mut s = State::new(data.clone(), true);
        update(&mut s, Action::Resize(120, 40));
        let frame = view::to_buffer(&s);
        times.push(t.elapsed());
        shown = (origin, data.items.len());
        std::hint::black_box(frame);
    }
    let worst = times.iter().max().copied().unwrap_or_default();
    let med = median(times);
    println!();
    println!(
        "== startup: open {} ({} rows) to the first 120x40 frame ==",
        shown.0, shown.1
    );
    println!(
        "median {:.1} ms, slowest {:.1} ms over {RUNS} runs (target < 100 ms: {})",
        ms(med),
        ms(worst),
        if med.as_millis() < 100 {
            "ok"
        } else {
            "MISSED"
        }
    );
}
