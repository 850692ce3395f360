//! Opening a corpus: which files, which alias file, and the model built
//! from them, with every problem reported against its path.

use crate::aliases::AliasTable;
use crate::extract::{Shared, assemble, extract_document};
use crate::loader::{self, BUNDLED_ALIASES, Input, IssueKind, LoadIssue, Sources};
use crate::model::Model;
use std::path::{Path, PathBuf};

mod load;

pub use load::{Options, Progress, Stage, Stats};

pub struct Corpus {
    pub model: Model,
    /// Files that could not be loaded, and alias-file problems.
    pub issues: Vec<LoadIssue>,
    /// Where the articles came from, for the title bar.
    pub origin: String,
    pub stats: Stats,
}

/// What to read: the given paths; with none, `./data` when it exists,
/// else the bundled corpus.
enum Source {
    Files(Vec<PathBuf>),
    Bundled,
}

fn source(paths: &[PathBuf]) -> (Source, String) {
    if !paths.is_empty() {
        let origin = paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" ");
        return (Source::Files(paths.to_vec()), origin);
    }
    let data = Path::new("data");
    if data.is_dir() {
        (Source::Files(vec![data.to_path_buf()]), "data/".into())
    } else {
        (Source::Bundled, "bundled corpus".into())
    }
}

/// Where the articles of `paths` come from, for the title bar.
pub fn origin(paths: &[PathBuf]) -> String {
    source(paths).1
}

/// Opens a corpus with no cache and nothing shown while it loads.
pub fn open(paths: &[PathBuf], aliases: Option<&Path>) -> Corpus {
    open_with(paths, aliases, &Options::default())
}

/// Builds only the model and the issues, for exports and checks.
pub fn open_model(paths: &[PathBuf], aliases: Option<&Path>) -> (Model, Vec<LoadIssue>) {
    let c = open(paths, aliases);
    (c.model, c.issues)
}

/// Opens a corpus: each file is read, extracted (or found in the cache)
/// and dropped in one go, so the corpus text is never all held at once
/// beside the model.
pub fn open_with(paths: &[PathBuf], aliases: Option<&Path>, opts: &Options) -> Corpus {
    crate::parallel::return_large_blocks_when_freed();
    let (src, origin) = source(paths);
    let mut alias_issues = Vec::new();
    let (table, alias_text) = load_aliases(paths, aliases, &mut alias_issues);
    let shared = Shared::new(&table);
    let (model, mut issues, stats) = match src {
        Source::Files(p) => {
            let (inputs, mut issues) = loader::inputs(&p);
            let sources = outlet_rules(&p, &inputs, &table, &mut issues);
            let context = format!("{alias_text}\n{}", sources.fingerprint());
            let loaded = load::load_files(&inputs, &sources, shared, &context, &table, opts);
            issues.extend(loaded.issues);
            (loaded.model, issues, loaded.stats)
        }
        Source::Bundled => {
            let mut issues = Vec::new();
            let parts = loader::bundled()
                .iter()
                .map(|d| {
                    let (part, failed) = extract_document(d, &shared);
                    issues.extend(failed);
                    part
                })
                .collect();
            let stats = Stats {
                files: loader::bundled().len(),
                ..Stats::default()
            };
            (assemble(parts, shared, &table), issues, stats)
        }
    };
    issues.append(&mut alias_issues);
    Corpus {
        model,
        issues,
        origin,
        stats,
    }
}

/// The outlet rules for these inputs: `sources.conf` files and the alias
/// file's `[outlet]` patterns and domains.
fn outlet_rules(
    roots: &[PathBuf],
    inputs: &[Input],
    table: &AliasTable,
    issues: &mut Vec<LoadIssue>,
) -> Sources {
    let files: Vec<PathBuf> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(f) => Some(f.clone()),
            Input::Stdin => None,
        })
        .collect();
    let (sources, warnings) = Sources::load(roots, &files, table);
    issues.extend(
        warnings
            .into_iter()
            .map(|(path, message)| LoadIssue::warning(&path, IssueKind::Content(message))),
    );
    sources
}

/// The alias file to read: `--aliases`, else `aliases.conf` in the first
/// folder given (or `./data`) that has one. Anything there counts, so that
/// a FIFO in its place is reported rather than silently passed over.
fn alias_file(paths: &[PathBuf], explicit: Option<&Path>) -> Option<PathBuf> {
    explicit.map(Path::to_path_buf).or_else(|| {
        let dirs: Vec<PathBuf> = if paths.is_empty() {
            vec![PathBuf::from("data")]
        } else {
            paths.iter().filter(|p| p.is_dir()).cloned().collect()
        };
        dirs.into_iter()
            .map(|d| d.join("aliases.conf"))
            .find(|p| p.symlink_metadata().is_ok())
    })
}

/// Whether a load of `paths` without `--aliases` finds a folder's own
/// `aliases.conf` (which then comes before any configured alias file).
pub fn has_folder_aliases(paths: &[PathBuf]) -> bool {
    alias_file(paths, None).is_some()
}

/// Every file a load of `paths` reads: the articles and the alias file
/// (so that an output can be checked against them).
pub fn input_files(paths: &[PathBuf], aliases: Option<&Path>) -> Vec<PathBuf> {
    let mut files = match source(paths).0 {
        Source::Files(p) => (loader::inputs(&p).0.into_iter())
            .filter_map(|i| match i {
                Input::File(f) => Some(f),
                Input::Stdin => None,
            })
            .collect(),
        Source::Bundled => Vec::new(),
    };
    files.extend(alias_file(paths, aliases));
    files
}

/// The aliases and the text of the corpus's own file: the general list, with the corpus's own file read over it:
/// `--aliases`, else `aliases.conf` in the first folder given (or
/// `./data`); the bundled corpus's own file for the bundled corpus. A
/// folder without a file of its own has the general list alone.
fn load_aliases(
    paths: &[PathBuf],
    explicit: Option<&Path>,
    issues: &mut Vec<LoadIssue>,
) -> (AliasTable, String) {
    let own = match alias_file(paths, explicit) {
        Some(p) => match loader::read_text(&p) {
            Ok(s) => Some((s, p)),
            Err(e) => {
                let kind = IssueKind::AliasUnreadable(Box::new(e));
                issues.push(if explicit.is_some() {
                    LoadIssue::failed(&p, kind)
                } else {
                    LoadIssue::warning(&p, kind)
                });
                None
            }
        },
        None => match source(paths).0 {
            Source::Bundled => Some((
                BUNDLED_ALIASES.to_string(),
                PathBuf::from("bundled aliases.conf"),
            )),
            Source::Files(_) => None,
        },
    };
    let Some((src, path)) = own else {
        return (AliasTable::general(), String::new());
    };
    let (table, warnings) = AliasTable::with_general(&src);
    issues.extend(
        warnings
            .into_iter()
            .map(|w| LoadIssue::warning(&path, IssueKind::AliasLine(w))),
    );
    (table, src)
}
