use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use dateline::corpus;
use dateline::export::{self, Selection};
use dateline::loader::LoadIssue;
use dateline::model::Model;
use dateline::query::Query;
use dateline::timeline;
use dateline::tui::config;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A terminal timeline explorer for news coverage.
#[derive(Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    /// Article files and folders (walked recursively). Default: ./data, else the bundled corpus.
    paths: Vec<PathBuf>,
    /// The corpus's own alias file, read over the general list compiled in
    /// (default: aliases.conf in the first folder).
    #[arg(long, global = true)]
    aliases: Option<PathBuf>,
    /// Settings file (default: $XDG_CONFIG_HOME/dateline/config.toml, else
    /// ~/.config/dateline/config.toml).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Read and extract every file again, neither using nor filling the
    /// cache ($XDG_CACHE_HOME/dateline, else ~/.cache/dateline).
    #[arg(long, global = true)]
    no_cache: bool,
    /// Read new, changed and removed files under the paths while the
    /// explorer is open.
    #[arg(long)]
    watch: bool,
    /// Capture the mouse (wheel scrolls, click selects); also DATELINE_MOUSE=1.
    /// Off by default so the terminal's own text selection works.
    #[arg(long)]
    mouse: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Write the timeline as JSON, a markdown briefing, CSV, JSON Lines or
    /// a TimelineJS document.
    Export {
        /// Article files and folders to read (folders walked recursively):
        /// text, markdown, HTML, RSS/Atom, JSON and JSONL.
        /// Default: ./data, else the bundled corpus.
        paths: Vec<PathBuf>,
        /// Output format. Default: chosen by the extension of --output
        /// (.json, .md, .csv, .jsonl, .timeline.json), else json.
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Filter, in the explorer's syntax (e.g. "bibi", "@trump #axios").
        #[arg(long)]
        filter: Option<String>,
        /// First date to include (YYYY-MM-DD).
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Last date to include (YYYY-MM-DD).
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Indent the JSON for reading (default: compact); JSON only.
        #[arg(long)]
        pretty: bool,
    },
    /// One line per article and every loader warning; exit code 1 if any file failed.
    Check { paths: Vec<PathBuf> },
    /// Show or empty the extraction cache.
    Cache {
        #[command(subcommand)]
        action: CacheAction,
    },
    /// Say which settings file is read and whether it is valid; exit code 1
    /// if it is not.
    Config {
        /// Print a commented settings file holding every default.
        #[arg(long)]
        default: bool,
    },
}

#[derive(Subcommand, Clone, Copy)]
enum CacheAction {
    /// Where the cache is, how many entries it holds and their size.
    Info,
    /// Remove every entry.
    Clear,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// The whole model: articles, actors, events, quotes, clusters, issues.
    Json,
    /// A briefing note with citations.
    Markdown,
    /// One row per event or quote.
    Csv,
    /// One JSON object per event or quote, one per line.
    Jsonl,
    /// A TimelineJS3 document.
    Timelinejs,
}

impl From<Format> for export::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Json => export::Format::Json,
            Format::Markdown => export::Format::Markdown,
            Format::Csv => export::Format::Csv,
            Format::Jsonl => export::Format::Jsonl,
            Format::Timelinejs => export::Format::TimelineJs,
        }
    }
}

/// The format asked for, else the one the output's extension names, else
/// JSON. An extension no format has is refused rather than guessed.
fn chosen_format(format: Option<Format>, output: Option<&Path>) -> Result<export::Format> {
    if let Some(f) = format {
        return Ok(f.into());
    }
    let Some(out) = output else {
        return Ok(export::Format::Json);
    };
    export::Format::from_path(out).ok_or_else(|| {
        let names: Vec<&str> = export::Format::ALL.iter().map(|f| f.name()).collect();
        anyhow::anyhow!(
            "cannot tell the format from {}: name one with --format ({})",
            dateline::sanitize::path(out),
            names.join(", ")
        )
    })
}

fn main() {
    let cli = Cli::parse();
    let code = match run(cli) {
        Ok(code) => code,
        Err(e) => {
            warn(&format!("{e:#}"));
            2
        }
    };
    std::process::exit(code);
}

fn run(cli: Cli) -> Result<i32> {
    if let Some(Command::Config { default }) = &cli.command {
        return config_command(*default, cli.config.as_deref());
    }
    let settings = config::load(cli.config.as_deref());
    for e in &settings.errors {
        warn(e);
    }
    if let Some(Command::Cache { action }) = &cli.command {
        return cache_command(*action);
    }
    let cache = (!cli.no_cache)
        .then(dateline::cache::default_dir)
        .flatten()
        .map(|d| dateline::cache::Cache::new(d, dateline::cache::DEFAULT_LIMIT));
    // The configured alias file is the corpus's own when it has none: a
    // folder's own aliases.conf, and --aliases, come first. The general
    // list lies under each.
    let paths_given: &[PathBuf] = match &cli.command {
        Some(Command::Export { paths, .. } | Command::Check { paths }) => paths,
        _ => &cli.paths,
    };
    let from_config = (settings.config.aliases.as_deref())
        .filter(|_| !corpus::has_folder_aliases(paths_given))
        .map(config::expand);
    let aliases = cli.aliases.as_deref().or(from_config.as_deref());
    match cli.command {
        Some(Command::Export {
            paths,
            format,
            filter,
            from,
            to,
            output,
            pretty,
        }) => {
            if let (Some(f), Some(t)) = (from, to)
                && f > t
            {
                anyhow::bail!("--from {f} is after --to {t}: no date can be in that range");
            }
            // Refused before any work: an output that is not a regular
            // file, or that is one of the inputs.
            if let Some(out) = &output {
                check_output(out, &corpus::input_files(&paths, aliases))?;
            }
            let format = chosen_format(format, output.as_deref())?;
            if pretty && format != export::Format::Json {
                anyhow::bail!(
                    "--pretty applies to the json format only, not {}",
                    format.name()
                );
            }
            let (model, issues) = open_model(&paths, aliases, cache.as_ref());
            report_issues(&model, &issues);
            let mut q = Query::parse(filter.as_deref().unwrap_or(""));
            if let Some(e) = q.errors.first() {
                anyhow::bail!("--filter: {e}");
            }
            q.from = from.or(q.from);
            q.to = to.or(q.to);
            if let (Some(f), Some(t)) = (q.from, q.to)
                && f > t
            {
                anyhow::bail!("the range {f} to {t} is inverted: no date can be in it");
            }
            let opts = export::Options {
                selection: Selection {
                    filter: filter.unwrap_or_default(),
                    from: q.from,
                    to: q.to,
                },
                pretty,
            };
            if q.is_empty() {
                write_out(output, |w| {
                    export::write(format, &model, None, &issues, &opts, w)
                })?;
            } else {
                let items = timeline::build(&model);
                let chosen = export::matching(&model, &items, &q);
                write_out(output, |w| {
                    export::write(format, &model, Some(&chosen), &issues, &opts, w)
                })?;
            }
            Ok(0)
        }
        Some(Command::Check { paths }) => {
            let (model, issues) = open_model(&paths, aliases, cache.as_ref());
            let report = dateline::check::report(&model, &issues);
            write_out(None, |w| w.write_all(report.as_bytes()))?;
            Ok(i32::from(issues.iter().any(|i| i.failed)))
        }
        Some(Command::Config { .. } | Command::Cache { .. }) => unreachable!("answered above"),
        None => {
            let src = dateline::app::Source {
                paths: cli.paths.clone(),
                aliases: aliases.map(Path::to_path_buf),
                cache,
                watch: cli.watch,
            };
            if cli.mouse {
                dateline::app::run_with(src, true, &settings)
            } else {
                dateline::app::run(src, &settings)
            }
        }
    }
}

/// Opens a corpus for an export or a check, with a progress bar on
/// standard error when it is a terminal.
fn open_model(
    paths: &[PathBuf],
    aliases: Option<&Path>,
    cache: Option<&dateline::cache::Cache>,
) -> (Model, Vec<LoadIssue>) {
    use std::io::IsTerminal;
    let bar = std::io::stderr()
        .is_terminal()
        .then(dateline::progress::Bar::new);
    let progress = |p: &corpus::Progress| {
        if let Some(b) = &bar {
            b.show(p);
        }
    };
    let opts = corpus::Options {
        cache,
        progress: Some(&progress),
        preview: None,
    };
    let c = corpus::open_with(paths, aliases, &opts);
    if let Some(b) = &bar {
        b.finish();
    }
    (c.model, c.issues)
}

/// `dateline cache info|clear`.
fn cache_command(action: CacheAction) -> Result<i32> {
    let Some(dir) = dateline::cache::default_dir() else {
        anyhow::bail!("no cache folder: neither XDG_CACHE_HOME nor HOME is set");
    };
    let cache = dateline::cache::Cache::new(dir, dateline::cache::DEFAULT_LIMIT);
    let shown = dateline::sanitize::path(cache.dir());
    let line = match action {
        CacheAction::Info => {
            let i = cache.info();
            format!(
                "{shown}: {} file entries, {} corpus entries, {:.1} MB of {:.0} MB",
                i.files,
                i.models,
                i.bytes as f64 / 1e6,
                cache.limit() as f64 / 1e6
            )
        }
        CacheAction::Clear => {
            let n = cache
                .clear()
                .with_context(|| format!("cannot clear {shown}"))?;
            format!("{shown}: removed {n} entries")
        }
    };
    write_out(None, |w| writeln!(w, "{line}"))?;
    Ok(0)
}

/// `dateline config`: the default file, or where the settings come from
/// and whether they are valid.
fn config_command(default: bool, explicit: Option<&Path>) -> Result<i32> {
    if default {
        let text = config::default_file();
        write_out(None, |w| w.write_all(text.as_bytes()))?;
        return Ok(0);
    }
    let loaded = config::load(explicit);
    let line = match &loaded.path {
        None => "no settings file (neither XDG_CONFIG_HOME nor HOME is set)".to_string(),
        Some(_) if !loaded.errors.is_empty() => loaded.errors.join("\n"),
        Some(p) if !p.exists() => format!(
            "{}: not there; the defaults are used (dateline config --default prints them)",
            dateline::sanitize::path(p)
        ),
        Some(p) => format!("{}: valid", dateline::sanitize::path(p)),
    };
    write_out(None, |w| writeln!(w, "{line}"))?;
    Ok(i32::from(!loaded.errors.is_empty()))
}

/// A line on standard error; if even that cannot be written, there is no
/// one left to tell.
fn warn(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "dateline: {line}");
}

fn report_issues(model: &Model, issues: &[LoadIssue]) {
    dateline::check::report_issues(model, issues);
}

/// Refuses an output that is not a regular file (or a link to one) or that
/// is one of the files read, compared by device and inode.
fn check_output(out: &Path, inputs: &[PathBuf]) -> Result<()> {
    let target = dateline::fsutil::output_target(out)
        .with_context(|| format!("cannot write {}", dateline::sanitize::path(out)))?;
    if let Some(id) = dateline::fsutil::identity(&target)
        && let Some(input) = inputs
            .iter()
            .find(|i| dateline::fsutil::identity(i) == Some(id))
    {
        anyhow::bail!(
            "cannot write {}: it is the input {}; choose another output file",
            dateline::sanitize::path(out),
            dateline::sanitize::path(input)
        );
    }
    Ok(())
}

/// Writes an export to standard output, or atomically to `output`. A
/// closed pipe (`| head`) is not an error; any other write error is.
fn write_out(
    output: Option<PathBuf>,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match output {
        None => {
            let mut out = std::io::stdout().lock();
            fill(&mut out)
                .and_then(|()| out.flush())
                .or_else(|e| {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
                .context("cannot write to standard output")?;
        }
        Some(path) => {
            let shown = dateline::sanitize::path(&path);
            dateline::fsutil::write_atomic_with(&path, |f| fill(f))
                .with_context(|| format!("cannot write {shown} (nothing was written)"))?;
            warn(&format!("wrote {shown}"));
        }
    }
    Ok(())
}
