//! Opening a corpus: which files, which alias file, and the model built
//! from them, with every problem reported against its path.

use crate::aliases::AliasTable;
use crate::extract::{build_model, parallel_map};
use crate::loader::{self, BUNDLED_ALIASES, Document, LoadIssue};
use crate::model::Model;
use std::path::{Path, PathBuf};

pub struct Corpus {
    pub docs: Vec<Document>,
    pub model: Model,
    /// Files that could not be loaded, and alias-file problems.
    pub issues: Vec<LoadIssue>,
    /// Where the articles came from, for the title bar.
    pub origin: String,
}

impl Corpus {
    /// Whether any input failed to load.
    pub fn failed(&self) -> bool {
        self.issues.iter().any(|i| i.failed)
    }
}

/// With no paths: `./data` when it exists, else the bundled corpus.
pub fn open(paths: &[PathBuf], aliases: Option<&Path>) -> Corpus {
    let (docs, mut issues, origin) = if paths.is_empty() {
        let data = Path::new("data");
        if data.is_dir() {
            let (d, i) = load_paths(&[data.to_path_buf()]);
            (d, i, "data/".to_string())
        } else {
            (loader::bundled(), Vec::new(), "bundled corpus".to_string())
        }
    } else {
        let (d, i) = load_paths(paths);
        let origin = paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" ");
        (d, i, origin)
    };
    let table = load_aliases(paths, aliases, &mut issues);
    let model = build_model(&docs, &table);
    Corpus {
        docs,
        model,
        issues,
        origin,
    }
}

/// Reads every file under the given paths, in parallel, keeping order.
pub fn load_paths(paths: &[PathBuf]) -> (Vec<Document>, Vec<LoadIssue>) {
    let (files, mut issues) = loader::collect_files(paths);
    let mut docs = Vec::new();
    for r in parallel_map(&files, |_, f| loader::load_file(f)) {
        match r {
            Ok(d) => docs.push(d),
            Err(issue) => issues.push(issue),
        }
    }
    (docs, issues)
}

/// The alias file: `--aliases`, else `aliases.conf` in the first folder
/// given (or `./data`), else the bundled one.
fn load_aliases(
    paths: &[PathBuf],
    explicit: Option<&Path>,
    issues: &mut Vec<LoadIssue>,
) -> AliasTable {
    let candidate = explicit.map(Path::to_path_buf).or_else(|| {
        let dirs: Vec<PathBuf> = if paths.is_empty() {
            vec![PathBuf::from("data")]
        } else {
            paths.iter().filter(|p| p.is_dir()).cloned().collect()
        };
        dirs.into_iter()
            .map(|d| d.join("aliases.conf"))
            .find(|p| p.is_file())
    });
    let (src, path) = match candidate {
        Some(p) => match std::fs::read_to_string(&p) {
            Ok(s) => (s, p),
            Err(e) => {
                issues.push(LoadIssue {
                    path: p.clone(),
                    message: format!("cannot read alias file: {e}"),
                    failed: explicit.is_some(),
                });
                (
                    BUNDLED_ALIASES.to_string(),
                    PathBuf::from("bundled aliases.conf"),
                )
            }
        },
        None => (
            BUNDLED_ALIASES.to_string(),
            PathBuf::from("bundled aliases.conf"),
        ),
    };
    let (table, warnings) = AliasTable::parse(&src);
    issues.extend(warnings.into_iter().map(|w| LoadIssue {
        path: path.clone(),
        message: w,
        failed: false,
    }));
    table
}
