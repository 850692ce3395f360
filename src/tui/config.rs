//! The user's settings, from `$XDG_CONFIG_HOME/dateline/config.toml`
//! (`~/.config/dateline/config.toml` when unset, on macOS too) or
//! `--config FILE`: remapped keys, theme and colours, default sort, alias
//! file, export folder and the remembered layout. A file with an error is
//! reported with its line and none of it is used.

use super::keymap;
use super::layout::Prefs;
use super::view::Palette;
use ratatui::style::Color;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// Dark or light as the terminal says (COLORFGBG), else dark; either
    /// way built on the terminal's own palette.
    #[default]
    Auto,
    Dark,
    Light,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    #[default]
    Time,
    Relevance,
}

/// Colour overrides by role: a name of the terminal palette ("yellow",
/// "light-blue"), an index ("208") or "#rrggbb".
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Colors {
    pub heading: Option<String>,
    pub actors: Option<String>,
    pub span: Option<String>,
    pub key: Option<String>,
    pub border: Option<String>,
    pub dim: Option<String>,
    pub chart: Option<String>,
    pub chart_selected: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub theme: ThemeName,
    pub colors: Colors,
    pub sort: Sort,
    /// The confidence under which `C` hides a row (0 to 1; 0.5 when unset).
    pub unsure_below: Option<f32>,
    /// Start with the unsure rows hidden.
    pub hide_unsure: bool,
    /// Alias file used when `--aliases` is not given.
    pub aliases: Option<PathBuf>,
    /// Where the explorer's export prompt proposes to write.
    pub export_dir: Option<PathBuf>,
    pub layout: Prefs,
    /// Action name → keys, replacing the table's keys for that action.
    pub keys: BTreeMap<String, toml::Spanned<Vec<String>>>,
}

/// The config file's place: `$XDG_CONFIG_HOME/dateline/config.toml`, else
/// `~/.config/dateline/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".config")))?;
    Some(base.join("dateline").join("config.toml"))
}

/// The settings and where they came from.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    /// The file read (or to write the layout to), if any.
    pub path: Option<PathBuf>,
    /// Problems found: when any, `config` is the defaults.
    pub errors: Vec<String>,
}

/// 1-based line of a byte offset.
fn line_of(text: &str, at: usize) -> usize {
    text.get(..at.min(text.len()))
        .map_or(1, |t| t.matches('\n').count() + 1)
}

/// Parses a config file's text; every problem is one message naming the
/// line. A colour or key that does not exist is as much an error as a
/// misspelt field.
pub fn parse(text: &str) -> Result<Config, Vec<String>> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        vec![format!("line {line}: {}", e.message().trim())]
    })?;
    let mut errors = Vec::new();
    for (action, keys_) in &config.keys {
        let line = line_of(text, keys_.span().start);
        if let Err(e) = keymap::parse_binding(action, keys_.get_ref()) {
            errors.push(format!("line {line}: {e}"));
        }
    }
    let c = &config.colors;
    for (role, v) in [
        ("heading", &c.heading),
        ("actors", &c.actors),
        ("span", &c.span),
        ("key", &c.key),
        ("border", &c.border),
        ("dim", &c.dim),
        ("chart", &c.chart),
        ("chart_selected", &c.chart_selected),
    ] {
        if let Some(v) = v
            && parse_color(v).is_none()
        {
            let at = key_offset(text, role);
            errors.push(format!(
                "line {}: colors.{role} = {v:?} is not a colour (a name like \"yellow\", an index like \"208\", or \"#rrggbb\")",
                line_of(text, at)
            ));
        }
    }
    if !(super::layout::SPLIT_MIN..=super::layout::SPLIT_MAX).contains(&config.layout.split) {
        let at = key_offset(text, "split");
        errors.push(format!(
            "line {}: layout.split = {} is outside {}..={}",
            line_of(text, at),
            config.layout.split,
            super::layout::SPLIT_MIN,
            super::layout::SPLIT_MAX
        ));
    }
    if let Some(t) = config.unsure_below
        && !(0.0..=1.0).contains(&t)
    {
        errors.push(format!(
            "line {}: unsure_below = {t} is outside 0..=1 (confidences run from 0 to 1)",
            line_of(text, key_offset(text, "unsure_below"))
        ));
    }
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(errors)
    }
}

/// Where a line setting `key` starts (0 when none does).
fn key_offset(text: &str, key: &str) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return at;
        }
        at += line.len();
    }
    0
}

pub fn parse_color(s: &str) -> Option<Color> {
    s.trim().parse::<Color>().ok()
}

/// Reads the config from `explicit`, else from the default place. A
/// missing default file is no error; a missing `--config FILE` is.
pub fn load(explicit: Option<&Path>) -> Loaded {
    let path = explicit.map(Path::to_path_buf).or_else(default_path);
    let Some(p) = path.clone() else {
        return Loaded::default();
    };
    let shown = crate::sanitize::path(&p);
    let text = match std::fs::read(&p) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                return Loaded {
                    path,
                    errors: vec![format!("{shown}: not UTF-8 text; using the defaults")],
                    ..Loaded::default()
                };
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && explicit.is_none() => {
            return Loaded {
                path,
                ..Loaded::default()
            };
        }
        Err(e) => {
            return Loaded {
                path,
                errors: vec![format!("{shown}: {e}; using the defaults")],
                ..Loaded::default()
            };
        }
    };
    match parse(&text) {
        Ok(config) => Loaded {
            config,
            path,
            errors: Vec::new(),
        },
        Err(errs) => Loaded {
            path,
            errors: (errs.into_iter())
                .map(|e| format!("{shown} {e}; using the defaults"))
                .collect(),
            ..Loaded::default()
        },
    }
}

/// Writes the layout into the config file's `[layout]` table, keeping
/// everything else in the file (comments included) as it was; creates the
/// file when there is none.
pub fn save_layout(path: &Path, p: &Prefs) -> std::io::Result<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{e}")))?;
    let table = doc
        .entry("layout")
        .or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new()));
    let Some(t) = table.as_table_like_mut() else {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "layout is not a table",
        ));
    };
    t.insert("split", toml_edit::value(i64::from(p.split)));
    t.insert("source", toml_edit::value(p.source));
    t.insert("chart", toml_edit::value(p.chart));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::fsutil::write_atomic(path, doc.to_string().as_bytes())
}

/// A commented config file holding every default.
pub fn default_file() -> String {
    let mut out = String::from(
        "# dateline configuration: $XDG_CONFIG_HOME/dateline/config.toml\n\
         # (~/.config/dateline/config.toml), or --config FILE.\n\
         # An unknown setting or a bad value is reported with its line, and\n\
         # then none of this file is used.\n\n\
         # \"auto\" (dark or light from the terminal's COLORFGBG), \"dark\" or \"light\";\n\
         # colours come from the terminal's own palette. NO_COLOR turns them off.\n\
         theme = \"auto\"\n\n\
         # Order of the timeline at start: \"time\" or \"relevance\".\n\
         sort = \"time\"\n\n\
         # Rows whose confidence (0 to 1) is under this are hidden by C.\n\
         unsure_below = 0.5\n\n\
         # Start with those rows hidden.\n\
         hide_unsure = false\n\n\
         # The corpus's own alias file when --aliases is not given (a folder's\n\
         # aliases.conf still comes first); the general list applies always.\n\
         # aliases = \"/path/to/aliases.conf\"\n\n\
         # Folder the explorer's export prompt proposes (default: the working folder).\n\
         # export_dir = \"~/briefings\"\n\n\
         # Colours by role: a palette name (\"yellow\", \"light-blue\"), an index\n\
         # (\"208\") or \"#rrggbb\".\n\
         [colors]\n",
    );
    for role in [
        "heading",
        "actors",
        "span",
        "key",
        "border",
        "dim",
        "chart",
        "chart_selected",
    ] {
        out.push_str(&format!("# {role} = \"yellow\"\n"));
    }
    let p = Prefs::default();
    out.push_str(&format!(
        "\n# The layout; the explorer writes it back when you change it\n\
         # (< and > move the split, \\ hides the source pane, c the chart).\n\
         [layout]\nsplit = {}\nsource = {}\nchart = {}\n\n\
         # Keys by action: each line replaces that action's keys in the timeline.\n\
         # Keys are written as in the help: \"j\", \"G\", \"C-d\" (Ctrl), \"M-b\" (Alt),\n\
         # \"space\", \"Enter\", \"Esc\", \"Tab\", \"S-Tab\", \"Up\", \"Down\", \"Left\",\n\
         # \"Right\", \"Home\", \"End\", \"PgUp\", \"PgDn\", \"Bksp\".\n\
         [keys]\n",
        p.split, p.source, p.chart
    ));
    for (name, keys_) in keymap::remappable() {
        let list: Vec<String> = keys_
            .iter()
            .map(|k| format!("{:?}", k.config_name()))
            .collect();
        out.push_str(&format!("# {name} = [{}]\n", list.join(", ")));
    }
    out
}

/// Expands a leading `~/` of a path from the config.
pub fn expand(p: &Path) -> PathBuf {
    match (p.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => Path::new(&home).join(rest),
        _ => p.to_path_buf(),
    }
}

/// Whether the terminal says its background is light: COLORFGBG ends in
/// the background's palette index (7 and 9–15 are light).
fn light_background() -> bool {
    std::env::var("COLORFGBG")
        .ok()
        .and_then(|v| v.rsplit(';').next().and_then(|b| b.parse::<u8>().ok()))
        .is_some_and(|bg| bg == 7 || bg >= 9)
}

impl Config {
    /// The palette the theme and the colour overrides make.
    pub fn palette(&self) -> Palette {
        let mut p = match self.theme {
            ThemeName::Dark => Palette::dark(),
            ThemeName::Light => Palette::light(),
            ThemeName::Auto if light_background() => Palette::light(),
            ThemeName::Auto => Palette::dark(),
        };
        let c = &self.colors;
        for (slot, v) in [
            (&mut p.heading, &c.heading),
            (&mut p.actors, &c.actors),
            (&mut p.span, &c.span),
            (&mut p.key, &c.key),
            (&mut p.border, &c.border),
            (&mut p.dim, &c.dim),
            (&mut p.chart, &c.chart),
            (&mut p.chart_selected, &c.chart_selected),
        ] {
            if let Some(col) = v.as_deref().and_then(parse_color) {
                *slot = col;
            }
        }
        p
    }

    /// The key table with this config's `[keys]`.
    pub fn keymap(&self) -> keymap::Keymap {
        keymap::Keymap::with((self.keys.iter()).map(|(a, k)| (a.as_str(), k.get_ref().as_slice())))
    }

    /// Applies the settings to a fresh explorer state.
    pub fn apply(&self, s: &mut super::state::State) {
        s.prefs = self.layout;
        s.keymap = std::sync::Arc::new(self.keymap());
        s.palette = self.palette();
        s.export_dir = self.export_dir.as_deref().map(expand);
        let by_relevance = self.sort == Sort::Relevance;
        if s.by_relevance != by_relevance {
            s.by_relevance = by_relevance;
            s.reorder();
        }
        s.unsure_below = self.unsure_below.unwrap_or(super::state::UNSURE);
        if self.hide_unsure {
            s.hide_unsure = true;
            let shown = s.shown.clone();
            s.set_shown(shown);
        }
    }
}
