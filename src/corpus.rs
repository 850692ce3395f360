//! Opening a corpus: which files, which alias file, and the model built
//! from them, with every problem reported against its path.

use crate::aliases::AliasTable;
use crate::extract::{Part, Shared, assemble, build_model, extract_document, extract_owned};
use crate::loader::{self, BUNDLED_ALIASES, Document, Input, IssueKind, LoadIssue, Sources};
use crate::model::{Model, non_utf8_name};
use crate::parallel::parallel_map;
use std::path::{Path, PathBuf};

pub struct Corpus {
    pub docs: Vec<Document>,
    pub model: Model,
    /// Files that could not be loaded, and alias-file problems.
    pub issues: Vec<LoadIssue>,
    /// Where the articles came from, for the title bar.
    pub origin: String,
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

/// One document's extraction: its part, the issue if it failed, and its
/// file name's bytes when they are not UTF-8.
type Extracted = (Part, Option<LoadIssue>, Option<Box<[u8]>>);

/// Opens a corpus with its documents, for the explorer's source pane.
pub fn open(paths: &[PathBuf], aliases: Option<&Path>) -> Corpus {
    let (src, origin) = source(paths);
    let mut issues = Vec::new();
    let table = load_aliases(paths, aliases, &mut issues);
    let (docs, mut file_issues) = match src {
        Source::Files(p) => load_paths_with(&p, &table),
        Source::Bundled => (loader::bundled(), Vec::new()),
    };
    file_issues.append(&mut issues);
    let mut issues = file_issues;
    let (mut model, failed) = build_model(&docs, &table);
    issues.extend(failed);
    keep_name_bytes(&mut model, docs.iter().map(|d| d.path.as_path()));
    Corpus {
        docs,
        model,
        issues,
        origin,
    }
}

/// Builds only the model, for exports and checks: each file is read,
/// extracted and dropped in one go, so the corpus text is never all held
/// at once beside the model.
pub fn open_model(paths: &[PathBuf], aliases: Option<&Path>) -> (Model, Vec<LoadIssue>) {
    let (src, _) = source(paths);
    let mut issues = Vec::new();
    let table = load_aliases(paths, aliases, &mut issues);
    let shared = Shared::new(&table);
    // The exact bytes of each article's file name that is not UTF-8, in
    // article order.
    let mut names: Vec<Option<Box<[u8]>>> = Vec::new();
    let parts = match src {
        Source::Files(p) => {
            let (inputs, mut file_issues) = loader::inputs(&p);
            let sources = outlet_rules(&p, &inputs, &table, &mut file_issues);
            let results = parallel_map(&inputs, |_, input| {
                let loaded = loader::load_input(input);
                let parts: Vec<Extracted> = (loaded.docs.into_iter())
                    .map(|mut d| {
                        sources.apply(&mut d);
                        let name = non_utf8_name(&d.path);
                        let (part, failed) = extract_owned(d, &shared);
                        (part, failed, name)
                    })
                    .collect();
                (parts, loaded.issues)
            });
            let mut parts = Vec::with_capacity(results.len());
            for (p, mut i) in results {
                for (part, failed, name) in p {
                    names.push(name);
                    parts.push(part);
                    file_issues.extend(failed);
                }
                file_issues.append(&mut i);
            }
            file_issues.append(&mut issues);
            issues = file_issues;
            parts
        }
        Source::Bundled => loader::bundled()
            .iter()
            .map(|d| {
                let (part, failed) = extract_document(d, &shared);
                issues.extend(failed);
                part
            })
            .collect(),
    };
    let mut model = assemble(parts, shared, &table);
    model.path_bytes = (model.articles.iter().zip(names))
        .filter_map(|(a, n)| Some((a.id, n?)))
        .collect();
    (model, issues)
}

/// Notes the exact bytes of every article file name that is not UTF-8;
/// `files` are the articles' files in article order.
fn keep_name_bytes<'p>(model: &mut Model, files: impl Iterator<Item = &'p Path>) {
    for (a, f) in model.articles.iter().zip(files) {
        if let Some(bytes) = non_utf8_name(f) {
            model.path_bytes.push((a.id, bytes));
        }
    }
}

/// Reads every file under the given paths, in parallel, keeping order.
pub fn load_paths(paths: &[PathBuf]) -> (Vec<Document>, Vec<LoadIssue>) {
    load_paths_with(paths, &AliasTable::default())
}

fn load_paths_with(paths: &[PathBuf], table: &AliasTable) -> (Vec<Document>, Vec<LoadIssue>) {
    let (inputs, mut issues) = loader::inputs(paths);
    let sources = outlet_rules(paths, &inputs, table, &mut issues);
    let mut docs = Vec::new();
    for mut loaded in parallel_map(&inputs, |_, input| loader::load_input(input)) {
        for mut d in loaded.docs.drain(..) {
            sources.apply(&mut d);
            docs.push(d);
        }
        issues.append(&mut loaded.issues);
    }
    (docs, issues)
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

/// The aliases: the general list, with the corpus's own file read over it:
/// `--aliases`, else `aliases.conf` in the first folder given (or
/// `./data`); the bundled corpus's own file for the bundled corpus. A
/// folder without a file of its own has the general list alone.
fn load_aliases(
    paths: &[PathBuf],
    explicit: Option<&Path>,
    issues: &mut Vec<LoadIssue>,
) -> AliasTable {
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
        return AliasTable::general();
    };
    let (table, warnings) = AliasTable::with_general(&src);
    issues.extend(
        warnings
            .into_iter()
            .map(|w| LoadIssue::warning(&path, IssueKind::AliasLine(w))),
    );
    table
}
