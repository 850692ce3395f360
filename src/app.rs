//! The explorer's entry point. Until the terminal UI opens here, the
//! timeline is printed as text.

use crate::corpus::Corpus;
use crate::timeline::{self, date_marker, day_heading};

pub fn run(c: Corpus) -> anyhow::Result<i32> {
    let items = timeline::build(&c.model);
    let mut day = None;
    for it in &items {
        if day != Some(it.date.start) {
            day = Some(it.date.start);
            println!("\n{}", day_heading(it.date.start));
        }
        println!(
            "  {:<16} {}  [{} src]",
            date_marker(&it.date),
            it.text,
            it.sources.len()
        );
    }
    Ok(0)
}
