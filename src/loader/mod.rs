//! The loader: files and folders in, cleaned documents out, and a warning
//! with its path for everything that could not be read as it should.

mod clean;
mod read;

pub use clean::{Cleaned, Post, clean_article};
pub use read::{
    FileWarning, IssueKind, LARGE_FILE, LoadIssue, MAX_FILE_BYTES, RawText, Special, collect_files,
    decode, open_regular, read_bytes, read_file, read_text, special,
};

use std::path::{Path, PathBuf};

/// One article ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: PathBuf,
    /// The file as decoded: same byte length as on disk.
    pub text: String,
    /// `text` with everything that is not content blanked (same length).
    pub meta: Cleaned,
    pub warnings: Vec<String>,
}

/// The articles compiled into the binary, opened when no path is given and
/// `./data` does not exist.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "000_bc706ae1db6b178c.txt",
        include_str!("../../data/000_bc706ae1db6b178c.txt"),
    ),
    (
        "001_c159d0900175c4db.txt",
        include_str!("../../data/001_c159d0900175c4db.txt"),
    ),
    (
        "002_743d9501c8228418.txt",
        include_str!("../../data/002_743d9501c8228418.txt"),
    ),
    (
        "003_2e8388431a05906f.txt",
        include_str!("../../data/003_2e8388431a05906f.txt"),
    ),
    (
        "004_a24e404fa9942967.txt",
        include_str!("../../data/004_a24e404fa9942967.txt"),
    ),
];

/// The alias file shipped beside the bundled articles.
pub const BUNDLED_ALIASES: &str = include_str!("../../data/aliases.conf");

/// Turns decoded text into a document: cleans it and notes what is missing.
pub fn document(raw: RawText) -> Document {
    let meta = clean_article(&raw.text);
    let mut warnings = raw.warnings;
    if meta.published.is_none() {
        warnings.push(
            "no publication date found (no ' date YYYY-MM-DD' line, byline or dateline): \
             loaded undated, relative dates left unresolved"
                .into(),
        );
    }
    if meta.clean.trim().is_empty() {
        warnings.push("no article text left after removing page furniture".into());
    }
    Document {
        path: raw.path,
        text: raw.text,
        meta,
        warnings,
    }
}

/// Reads one path into a document, or the issue that stopped it.
pub fn load_file(path: &Path) -> Result<Document, LoadIssue> {
    read_file(path).map(document)
}

/// The bundled corpus as documents, named `bundled/<file>`.
pub fn bundled() -> Vec<Document> {
    BUNDLED
        .iter()
        .map(|(name, text)| {
            document(RawText {
                path: PathBuf::from("bundled").join(name),
                text: (*text).to_string(),
                warnings: Vec::new(),
            })
        })
        .collect()
}
