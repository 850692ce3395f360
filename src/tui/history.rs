//! The filter history on disk: one applied filter a line, oldest first,
//! in `$XDG_STATE_HOME/dateline/history` (else `~/.local/state/...`).

use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the history lives, when a home or state folder is known.
pub fn path() -> Option<PathBuf> {
    let state = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".local/state")))?;
    Some(state.join("dateline").join("history"))
}

/// The saved filters, at most `max` of the newest; none when the file is
/// missing or unreadable.
pub fn load(path: &Path, max: usize) -> Vec<String> {
    let Ok(bytes) = std::fs::read(path) else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut out: Vec<String> = Vec::new();
    for l in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.retain(|h| h != l);
        out.push(l.to_string());
    }
    let over = out.len().saturating_sub(max);
    out.drain(..over);
    out
}

/// Adds one filter at the end (making the folder if needed).
pub fn append(path: &Path, filter: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let line: String = filter
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    writeln!(f, "{line}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_and_loads_newest_without_repeats() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("dateline/history");
        assert!(load(&p, 10).is_empty());
        for f in ["bibi", "@trump", "bibi", "oil\nprice"] {
            append(&p, f).unwrap();
        }
        assert_eq!(load(&p, 10), ["@trump", "bibi", "oil price"]);
        assert_eq!(load(&p, 2), ["bibi", "oil price"]);
    }
}
