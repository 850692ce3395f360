//! The key table as the user has it: the built-in table with the keys a
//! config file gives an action in place of its own. Key handling, the hint
//! bar and the help all read this, so a remapped key shows where it works.

use super::actions::Cmd;
use super::keys::{Binding, Ctx, K, TABLE};
use ratatui::crossterm::event::KeyCode;
use std::collections::BTreeMap;

impl K {
    /// How a config file writes the key: as the help shows it, with words
    /// for the arrows.
    pub fn config_name(self) -> String {
        match self {
            K::Code(KeyCode::Up) => "Up".into(),
            K::Code(KeyCode::Down) => "Down".into(),
            K::Code(KeyCode::Left) => "Left".into(),
            K::Code(KeyCode::Right) => "Right".into(),
            k => k.name(),
        }
    }

    /// Reads a key as a config file writes it: "j", "G", "C-d", "M-b",
    /// "space", "Enter", "Up", "PgDn", … (names case-insensitive).
    pub fn parse(s: &str) -> Option<K> {
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return (!c.is_control()).then_some(K::Ch(c));
        }
        let one = |rest: &str| {
            let mut it = rest.chars();
            match (it.next(), it.next()) {
                (Some(c), None) if !c.is_control() => Some(c),
                _ => None,
            }
        };
        if let Some(rest) = s.strip_prefix("C-").or_else(|| s.strip_prefix("Ctrl-")) {
            return one(rest).map(|c| K::Ctrl(c.to_ascii_lowercase()));
        }
        if let Some(rest) = s.strip_prefix("M-").or_else(|| s.strip_prefix("Alt-")) {
            return one(rest).map(K::Alt);
        }
        let code = match s.to_ascii_lowercase().as_str() {
            "space" => return Some(K::Ch(' ')),
            "up" | "↑" => KeyCode::Up,
            "down" | "↓" => KeyCode::Down,
            "left" | "←" => KeyCode::Left,
            "right" | "→" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "tab" => KeyCode::Tab,
            "s-tab" | "backtab" => KeyCode::BackTab,
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "bksp" | "backspace" => KeyCode::Backspace,
            _ => return None,
        };
        Some(K::Code(code))
    }

    fn same(self, other: K) -> bool {
        self.config_name() == other.config_name()
    }
}

/// Every action a config can remap, with its built-in keys.
pub fn remappable() -> Vec<(&'static str, Vec<K>)> {
    let mut out: Vec<(&'static str, Vec<K>)> = Vec::new();
    for b in TABLE.iter().filter(|b| b.ctx.contains(&Ctx::Normal)) {
        let Some(name) = b.cmd.name() else { continue };
        match out.iter_mut().find(|(n, _)| *n == name) {
            Some((_, keys)) => keys.extend(b.keys.iter().copied()),
            None => out.push((name, b.keys.to_vec())),
        }
    }
    out
}

fn cmd_named(name: &str) -> Option<Cmd> {
    let name = name.replace('_', "-");
    TABLE
        .iter()
        .filter(|b| b.ctx.contains(&Ctx::Normal))
        .map(|b| b.cmd)
        .find(|c| c.name() == Some(name.as_str()))
}

/// Checks one `[keys]` entry: a known action and keys that exist.
pub fn parse_binding(action: &str, keys: &[String]) -> Result<(Cmd, Vec<K>), String> {
    let Some(cmd) = cmd_named(action) else {
        let names: Vec<&str> = remappable().into_iter().map(|(n, _)| n).collect();
        return Err(format!(
            "keys.{action} is not an action (actions: {})",
            names.join(", ")
        ));
    };
    if keys.is_empty() {
        return Err(format!("keys.{action} has no key: give at least one"));
    }
    let mut out = Vec::new();
    for k in keys {
        match K::parse(k) {
            Some(k) => out.push(k),
            None => {
                return Err(format!(
                    "keys.{action}: {k:?} is not a key (write \"j\", \"C-d\", \"M-b\", \"space\", \"Enter\", \"Up\", \"PgDn\" …)"
                ));
            }
        }
    }
    Ok((cmd, out))
}

/// The keys of each binding of [`TABLE`], as remapped.
#[derive(Debug, Clone)]
pub struct Keymap {
    keys: Vec<Vec<K>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            keys: TABLE.iter().map(|b| b.keys.to_vec()).collect(),
        }
    }
}

impl Keymap {
    /// The table with each named action's keys replaced. A key given to
    /// an action leaves any other timeline binding that had it, so one key
    /// never means two things. Entries are checked by [`parse_binding`];
    /// one that does not pass is skipped.
    pub fn with<'a>(entries: impl IntoIterator<Item = (&'a str, &'a [String])>) -> Keymap {
        let mut map = Keymap::default();
        let mut chosen: BTreeMap<usize, Vec<K>> = BTreeMap::new();
        for (cmd, keys) in entries
            .into_iter()
            .filter_map(|(a, k)| parse_binding(a, k).ok())
        {
            let mut bindings = (TABLE.iter().enumerate())
                .filter(|(_, b)| b.cmd == cmd && b.ctx.contains(&Ctx::Normal))
                .map(|(i, _)| i);
            // The first binding takes the keys; any others of the same
            // action are left with none.
            if let Some(first) = bindings.next() {
                chosen.insert(first, keys);
            }
            for other in bindings {
                chosen.insert(other, Vec::new());
            }
        }
        let taken: Vec<K> = chosen.values().flatten().copied().collect();
        for (i, b) in TABLE.iter().enumerate() {
            if let Some(keys) = chosen.remove(&i) {
                map.keys[i] = keys;
            } else if b.ctx.contains(&Ctx::Normal) {
                map.keys[i].retain(|k| !taken.iter().any(|t| t.same(*k)));
            }
        }
        map
    }

    /// Bindings live in `ctx`, with their keys as remapped.
    pub fn bindings(&self, ctx: Ctx) -> impl Iterator<Item = (&'static Binding, &[K])> {
        TABLE
            .iter()
            .zip(&self.keys)
            .filter(move |(b, _)| b.ctx.contains(&ctx))
            .map(|(b, k)| (b, k.as_slice()))
    }
}
