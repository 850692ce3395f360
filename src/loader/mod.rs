//! The loader: files and folders in, cleaned documents out, and a warning
//! with its path for everything that could not be read as it should.

mod clean;
mod feed;
mod frontmatter;
mod html;
mod input;
mod jsonld;
mod meta;
mod read;
mod records;
mod sniff;
mod sources;

pub use clean::{Cleaned, Post, clean_article, clean_structured};
pub use html::{decode_page, html_to_text, read_page};
pub use input::{
    Input, Loaded, STDIN_NAME, entry_document, inputs, load_bytes, load_input, load_path,
};
pub use meta::Entry;
pub use read::{
    FileWarning, IssueKind, LARGE_FILE, LoadIssue, MAX_FILE_BYTES, RawText, Special, collect_files,
    decode, open_regular, read_bytes, read_file, read_text, special,
};
pub use sniff::{WALKED_EXTENSIONS, detect};
pub use sources::{SOURCES_FILE, Sources};

use crate::model::SourceFormat;
use std::path::{Path, PathBuf};

/// One article ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: PathBuf,
    /// What the spans index: for plain text and markdown the file as
    /// decoded (same byte length as on disk); for web pages, feed entries
    /// and JSON records the article text extracted from them.
    pub text: String,
    /// `text` with everything that is not content blanked (same length).
    pub meta: Cleaned,
    pub warnings: Vec<String>,
    /// What the input was read as.
    pub format: SourceFormat,
    /// The article's web address, when the input states one.
    pub url: Option<String>,
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

/// Turns decoded plain text into a document: cleans it and notes what is
/// missing.
pub fn document(raw: RawText) -> Document {
    let mut meta = clean_article(&raw.text);
    input::plain_outlet(&mut meta);
    finish(
        raw.path,
        raw.text,
        meta,
        raw.warnings,
        SourceFormat::Text,
        None,
    )
}

/// A document with the warnings for what it lacks.
fn finish(
    path: PathBuf,
    text: String,
    meta: Cleaned,
    mut warnings: Vec<String>,
    format: SourceFormat,
    url: Option<String>,
) -> Document {
    if meta.published.is_none() {
        warnings.push(match format {
            SourceFormat::Text => "no publication date found (no ' date YYYY-MM-DD' line, \
                byline or dateline): loaded undated, relative dates left unresolved"
                .into(),
            f => format!(
                "no publication date found in the {f} metadata or text: loaded undated, \
                 relative dates left unresolved"
            ),
        });
    }
    if meta.clean.trim().is_empty() {
        warnings.push("no article text left after removing page furniture".into());
    }
    Document {
        path,
        text,
        meta,
        warnings,
        format,
        url,
    }
}

/// Reads one plain-text path into a document, or the issue that stopped
/// it. (`load_path` reads every format.)
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
