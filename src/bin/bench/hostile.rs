//! hostile: inputs that once cost far more than their size, each at two
//! sizes four times apart, exported in a child process as
//! `dateline export DIR -o FILE` runs it. Linear work shows as a time
//! ratio near 4; memory is reported against the input's size.
//!
//! - repeated quotes: `"x" said ` over and over (a quote per 10 bytes);
//! - one long line: news sentences with no line break at all;
//! - long alias names: an alias file whose one name is that long.

use crate::extract::{num, run_child};
use crate::util::TempDir;
use crate::world::World;
use chrono::NaiveDate;
use std::path::Path;

struct Case {
    name: &'static str,
    /// Writes the case's folder for a size in bytes; returns the bytes of
    /// input written.
    write: fn(&Path, usize) -> usize,
    sizes: [usize; 2],
}

const HEADER: &str = " date 2026-03-04 \n";

fn repeated_quotes(dir: &Path, size: usize) -> usize {
    let unit = "\"x\" said ";
    let text = format!("{HEADER}{}", unit.repeat(size / unit.len()));
    std::fs::write(dir.join("quotes.txt"), &text).expect("write case");
    text.len()
}

fn long_line(dir: &Path, size: usize) -> usize {
    let w = World::new();
    let mut r = crate::world::Rng::new(7);
    let published = NaiveDate::from_ymd_opt(2026, 3, 4).expect("date");
    let story = w.story(0);
    let mut text = String::from(HEADER.trim_end());
    text.push(' ');
    while text.len() < size {
        text.push_str(&w.sentence(&mut r, published, &story));
        text.push(' ');
    }
    let text = text.replace('\n', " ");
    std::fs::write(dir.join("line.txt"), &text).expect("write case");
    text.len()
}

fn long_alias(dir: &Path, size: usize) -> usize {
    let name = "X".repeat(size);
    let words = vec!["Ww"; size / 3].join(" ");
    let aliases = format!("[person]\n{name} = Xx\n{words} = Ww\n");
    let text = format!("{HEADER}On Monday {name} met {words}, officials said.\n");
    std::fs::write(dir.join("aliases.conf"), &aliases).expect("write case");
    std::fs::write(dir.join("a.txt"), &text).expect("write case");
    aliases.len() + text.len()
}

pub fn bench_hostile() {
    let cases = [
        Case {
            name: "repeated quotes",
            write: repeated_quotes,
            sizes: [225_000, 900_000],
        },
        Case {
            name: "one long line",
            write: long_line,
            sizes: [10_000_000, 40_000_000],
        },
        Case {
            name: "long alias names",
            write: long_alias,
            sizes: [10_000, 40_000],
        },
    ];
    println!();
    println!("== hostile inputs: `dateline export DIR -o FILE` (one run each) ==");
    println!(
        "{:<17} {:>10} {:>9} {:>8} {:>8} {:>9} {:>8} {:>10}",
        "case", "input MB", "seconds", "MB/s", "events", "quotes", "peak MB", "peak/input"
    );
    for c in &cases {
        let mut times = Vec::new();
        for &size in &c.sizes {
            let dir = TempDir::new("hostile");
            let input = dir.0.join("input");
            std::fs::create_dir_all(&input).expect("case dir");
            let bytes = (c.write)(&input, size) as f64;
            let out = dir.0.join("export.json");
            eprintln!("hostile: {} at {:.2} MB ...", c.name, bytes / 1e6);
            let r = run_child(&[
                "--child-export",
                &input.display().to_string(),
                &out.display().to_string(),
            ]);
            let (t, peak) = (num(&r, "seconds"), num(&r, "hwm_kb") * 1024.0);
            times.push(t);
            println!(
                "{:<17} {:>10.2} {:>9.3} {:>8.2} {:>8} {:>9} {:>8.1} {:>9.2}x",
                c.name,
                bytes / 1e6,
                t,
                bytes / 1e6 / t,
                num(&r, "events"),
                num(&r, "quotes"),
                peak / 1e6,
                peak / bytes,
            );
        }
        println!(
            "{:<17} time ratio for 4x the input: {:.2}",
            "",
            times[1] / times[0]
        );
    }
}
