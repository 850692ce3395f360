//! The user-editable alias file: canonical names, their aliases, and which
//! names are outlets (provenance) rather than actors.

use crate::model::ActorKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Actor(ActorKind),
    Outlet,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AliasEntry {
    pub name: String,
    pub kind: EntryKind,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AliasTable {
    pub entries: Vec<AliasEntry>,
}

impl AliasTable {
    /// Parses the alias file format (see `data/aliases.conf`). Lines that
    /// cannot be read are returned as warnings with their line numbers.
    pub fn parse(src: &str) -> (AliasTable, Vec<String>) {
        let mut table = AliasTable::default();
        let mut warnings = Vec::new();
        let mut kind = EntryKind::Actor(ActorKind::Person);
        for (n, line) in src.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                kind = match section.trim().to_ascii_lowercase().as_str() {
                    "person" | "people" => EntryKind::Actor(ActorKind::Person),
                    "organization" | "organisation" | "organizations" => {
                        EntryKind::Actor(ActorKind::Organization)
                    }
                    "outlet" | "outlets" => EntryKind::Outlet,
                    other => {
                        warnings.push(format!("line {}: unknown section [{other}]", n + 1));
                        kind
                    }
                };
                continue;
            }
            let Some((name, rest)) = line.split_once('=') else {
                warnings.push(format!("line {}: expected 'Name = alias, alias'", n + 1));
                continue;
            };
            let name = name.trim().to_string();
            if name.is_empty() {
                warnings.push(format!("line {}: empty name", n + 1));
                continue;
            }
            let aliases = rest
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect();
            table.entries.push(AliasEntry {
                name,
                kind,
                aliases,
            });
        }
        (table, warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sections_names_and_aliases() {
        let (t, w) = AliasTable::parse(
            "# c\n[person]\nBenjamin Netanyahu = Bibi, Netanyahu\n[outlet]\nAxios =\nbad line\n[nope]\n",
        );
        assert_eq!(t.entries.len(), 2);
        assert_eq!(t.entries[0].aliases, vec!["Bibi", "Netanyahu"]);
        assert_eq!(t.entries[1].kind, EntryKind::Outlet);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w[0].starts_with("line 6"));
    }

    #[test]
    fn bundled_file_parses_cleanly() {
        let (t, w) = AliasTable::parse(crate::loader::BUNDLED_ALIASES);
        assert!(w.is_empty(), "{w:?}");
        let bibi = t
            .entries
            .iter()
            .find(|e| e.name == "Benjamin Netanyahu")
            .unwrap();
        assert!(bibi.aliases.iter().any(|a| a == "Bibi"));
    }
}
