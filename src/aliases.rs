//! The alias files: canonical names, their aliases, and which names are
//! outlets (provenance) rather than actors. A general list of world
//! leaders, agencies, outlets and countries is compiled in; a corpus's own
//! file (story-specific names) is read over it.

use crate::model::ActorKind;
use std::collections::HashSet;
use std::sync::LazyLock;

/// The general alias list, the same for every corpus.
pub const GENERAL_ALIASES: &str = include_str!("actors/general.conf");

static GENERAL: LazyLock<AliasTable> = LazyLock::new(|| AliasTable::parse(GENERAL_ALIASES).0);

/// Each name and alias of the general list, by its `alias_key`.
static GENERAL_KINDS: LazyLock<std::collections::HashMap<String, EntryKind>> =
    LazyLock::new(|| {
        (GENERAL.entries.iter())
            .flat_map(|e| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .map(|n| (alias_key(n), e.kind))
            })
            .collect()
    });

/// What the general list says `name` is (a person, an organisation, a
/// country, an outlet), if it lists it.
pub fn general_kind(name: &str) -> Option<EntryKind> {
    GENERAL_KINDS.get(&alias_key(name)).copied()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Actor(ActorKind),
    /// A country: an organisation (its government) whose name before an
    /// agency's ("US Central Intelligence Agency") says whose it is.
    Country,
    Outlet,
}

impl EntryKind {
    /// The kind of actor an entry is, `None` for an outlet.
    pub fn actor(self) -> Option<ActorKind> {
        match self {
            EntryKind::Actor(k) => Some(k),
            EntryKind::Country => Some(ActorKind::Organization),
            EntryKind::Outlet => None,
        }
    }
}

/// How the alias file compares names: case aside, without a leading "the".
pub fn alias_key(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    s.to_lowercase()
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
                    "country" | "countries" => EntryKind::Country,
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

    /// The general list alone: what a corpus without a file of its own uses.
    pub fn general() -> AliasTable {
        GENERAL.clone()
    }

    /// A corpus's own alias file read over the general list, with the
    /// lines of the corpus file that could not be read.
    pub fn with_general(src: &str) -> (AliasTable, Vec<String>) {
        let (own, warnings) = AliasTable::parse(src);
        (own.over(&GENERAL), warnings)
    }

    /// This table read over `base`: its entries come first; one that has
    /// the name of an entry of `base` takes that entry's aliases too (its
    /// own kind wins), and an alias or name it claims is taken from every
    /// other entry of `base`.
    pub fn over(self, base: &AliasTable) -> AliasTable {
        let mut entries = self.entries;
        let claimed: HashSet<String> = (entries.iter())
            .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
            .map(|s| alias_key(s))
            .collect();
        for b in &base.entries {
            let key = alias_key(&b.name);
            if let Some(e) = entries.iter_mut().find(|e| alias_key(&e.name) == key) {
                for a in &b.aliases {
                    if !e.aliases.iter().any(|x| alias_key(x) == alias_key(a)) {
                        e.aliases.push(a.clone());
                    }
                }
                continue;
            }
            if claimed.contains(&key) {
                continue;
            }
            entries.push(AliasEntry {
                name: b.name.clone(),
                kind: b.kind,
                aliases: (b.aliases.iter())
                    .filter(|a| !claimed.contains(&alias_key(a)))
                    .cloned()
                    .collect(),
            });
        }
        AliasTable { entries }
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
    fn bundled_and_general_files_parse_cleanly() {
        let (_, w) = AliasTable::parse(crate::loader::BUNDLED_ALIASES);
        assert!(w.is_empty(), "{w:?}");
        let (t, w) = AliasTable::parse(GENERAL_ALIASES);
        assert!(w.is_empty(), "{w:?}");
        let find = |name: &str| t.entries.iter().find(|e| e.name == name).unwrap();
        assert!(
            find("Benjamin Netanyahu")
                .aliases
                .iter()
                .any(|a| a == "Bibi")
        );
        assert!(
            find("The New York Times")
                .aliases
                .iter()
                .any(|a| a == "NYT")
        );
        assert_eq!(find("United States").kind, EntryKind::Country);
        assert!(t.entries.len() > 250, "{}", t.entries.len());
    }

    #[test]
    fn the_general_list_says_what_a_name_is() {
        assert_eq!(general_kind("Iran"), Some(EntryKind::Country));
        assert_eq!(general_kind("the NYT"), Some(EntryKind::Outlet));
        assert_eq!(
            general_kind("bibi"),
            Some(EntryKind::Actor(ActorKind::Person))
        );
        assert_eq!(general_kind("Jane Roe"), None);
    }

    #[test]
    fn general_list_names_each_alias_once_and_never_a_shared_surname() {
        let (t, _) = AliasTable::parse(GENERAL_ALIASES);
        let mut seen = HashSet::new();
        for e in &t.entries {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                assert!(seen.insert(alias_key(n)), "{n} listed twice");
            }
        }
        // Two presidents named Clinton, two named Bush: the corpus decides.
        for surname in ["clinton", "bush", "johnson", "kennedy"] {
            assert!(!seen.contains(surname), "{surname}");
        }
    }

    #[test]
    fn a_corpus_file_reads_over_the_general_list() {
        let (general, _) = AliasTable::parse(
            "[person]\nJane Roe = Roe, J. Roe\nAlex Poe = Poe\n[outlet]\nDaily Planet = Planet\n",
        );
        let (own, _) = AliasTable::parse(
            "[person]\njane roe = Janie\nEdgar Poe = Poe\n[organization]\nDaily Planet =\n",
        );
        let t = own.over(&general);
        let names: Vec<&str> = t.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["jane roe", "Edgar Poe", "Daily Planet", "Alex Poe"]);
        // Same name: the general aliases join the corpus's entry.
        assert_eq!(t.entries[0].aliases, ["Janie", "Roe", "J. Roe"]);
        // The corpus's kind wins.
        assert_eq!(t.entries[2].kind, EntryKind::Actor(ActorKind::Organization));
        assert_eq!(t.entries[2].aliases, ["Planet"]);
        // An alias the corpus gives another name is no longer the general entry's.
        assert!(t.entries[3].aliases.is_empty());
    }
}
