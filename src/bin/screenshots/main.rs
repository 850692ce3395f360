//! dateline-screenshots: writes `screenshots/<name>.svg` for each of the
//! explorer's main states, rendered by the real drawing code over the
//! corpus in `./data`, and converts each to PNG with `rsvg-convert`.
//!
//!   cargo run --bin dateline-screenshots

mod shots;
mod svg;

use shots::SHOTS;
use std::path::Path;
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dateline-screenshots: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    // The corpus and the output folder are the repository's own.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::set_current_dir(root)?;
    let data = shots::data();
    anyhow::ensure!(
        data.corpus.origin == "data/",
        "no ./data folder in {}",
        root.display()
    );
    let dir = Path::new("screenshots");
    std::fs::create_dir_all(dir)?;
    let mut svgs = Vec::new();
    for shot in SHOTS {
        let path = dir.join(format!("{}.svg", shot.name));
        dateline::fsutil::write_atomic(&path, shots::svg(data.clone(), shot).as_bytes())?;
        println!("wrote {}  ({})", path.display(), shot.caption);
        svgs.push(path);
    }
    for svg in &svgs {
        let png = svg.with_extension("png");
        let status = match Command::new("rsvg-convert")
            .arg("-o")
            .arg(&png)
            .arg(svg)
            .status()
        {
            Ok(s) => s,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                eprintln!(
                    "rsvg-convert is not installed: the SVGs are written, the PNGs are not\n\
                     (any PNGs already there may now be out of date).\n\
                     Install it and run again: sudo apt-get install librsvg2-bin\n\
                     (macOS: brew install librsvg)"
                );
                return Ok(ExitCode::FAILURE);
            }
            Err(e) => return Err(e.into()),
        };
        anyhow::ensure!(status.success(), "rsvg-convert failed on {}", svg.display());
        println!("wrote {}", png.display());
    }
    Ok(ExitCode::SUCCESS)
}
