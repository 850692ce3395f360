//! Fingerprints the extractor: a hash of every source file that decides
//! what a corpus extracts to (all of `src/` but the explorer and the helper
//! binaries), so that cached extractions from another build are not used.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if !(p.ends_with("src/tui") || p.ends_with("src/bin")) {
                sources(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    files.push(PathBuf::from("Cargo.lock"));
    files.sort();
    // Two independent 64-bit hashes make 128 bits: enough to tell builds
    // apart, which is all this is for.
    let mut a = std::collections::hash_map::DefaultHasher::new();
    let mut b = std::collections::hash_map::DefaultHasher::new();
    0xda7e_u32.hash(&mut b);
    for f in &files {
        let text = std::fs::read(f).unwrap_or_default();
        f.hash(&mut a);
        text.hash(&mut a);
        text.hash(&mut b);
        f.hash(&mut b);
    }
    println!(
        "cargo:rustc-env=DATELINE_EXTRACTOR={}-{:016x}{:016x}",
        env!("CARGO_PKG_VERSION"),
        a.finish(),
        b.finish()
    );
}
