//! Actors: finding the names of people and organisations in sentences,
//! merging their surface forms into one record each (surname to full name,
//! titles as roles, aliases from the alias file), and telling outlets,
//! which are provenance, apart from actors.

mod lists;
mod names;

pub use names::{NameMention, find_names};

use crate::aliases::{AliasTable, EntryKind};
use crate::model::{Actor, ActorKind, Name};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;

/// Total bytes of names and aliases up to which the matcher is a DFA.
const DFA_PATTERN_BYTES: usize = 4096;

/// The corpus's actors and outlets, and a matcher that finds them in text.
pub struct ActorIndex {
    pub actors: Vec<Actor>,
    /// Outlet canonical names.
    pub outlets: Vec<Name>,
    matcher: Option<AhoCorasick>,
    /// For each matcher pattern: actor index, or outlet index when `Err`.
    targets: Vec<Result<usize, usize>>,
}

fn norm(s: &str) -> String {
    s.trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .to_lowercase()
}

/// A stable id for a name: lower-case words joined by dashes.
pub fn slug(name: &str) -> String {
    let mut s = String::new();
    for w in name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !s.is_empty() {
            s.push('-');
        }
        s.extend(w.chars().flat_map(char::to_lowercase));
    }
    s
}

impl ActorIndex {
    /// Builds the actor table from the alias file and every name mention in
    /// the corpus: full names become actors, a lone surname joins the one
    /// full name it ends, and titles become roles.
    pub fn build(aliases: &AliasTable, mentions: &[NameMention]) -> ActorIndex {
        let mut actors: Vec<Actor> = Vec::new();
        let mut outlets: Vec<Name> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut outlet_keys: HashMap<String, usize> = HashMap::new();
        for e in &aliases.entries {
            match e.kind {
                EntryKind::Outlet => {
                    let i = outlets.len();
                    outlets.push(e.name.as_str().into());
                    outlet_keys.insert(norm(&e.name), i);
                    for a in &e.aliases {
                        outlet_keys.entry(norm(a)).or_insert(i);
                    }
                }
                EntryKind::Actor(kind) => {
                    let i = actors.len();
                    actors.push(Actor {
                        id: slug(&e.name).into(),
                        name: e.name.clone(),
                        kind,
                        aliases: e.aliases.clone(),
                        roles: Vec::new(),
                        mentions: 0,
                    });
                    by_key.insert(norm(&e.name), i);
                    for a in &e.aliases {
                        by_key.entry(norm(a)).or_insert(i);
                    }
                }
            }
        }
        // Full names first, so that surnames can find them.
        let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
        for a in actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == ActorKind::Person)
        {
            if let Some(last) = a.1.name.split_whitespace().last() {
                surnames.entry(last.to_lowercase()).or_default().push(a.0);
            }
        }
        let mut sorted: Vec<&NameMention> = mentions.iter().filter(|m| m.kind.is_some()).collect();
        sorted.sort_by_key(|m| std::cmp::Reverse(m.name.split_whitespace().count()));
        for m in sorted {
            let key = norm(&m.name);
            if outlet_keys.contains_key(&key) {
                continue;
            }
            let idx = match by_key.get(&key) {
                Some(&i) => i,
                None => {
                    let words: Vec<&str> = m.name.split_whitespace().collect();
                    let last = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
                    match surnames.get(&last).map(Vec::as_slice) {
                        Some([one]) if words.len() == 1 => *one,
                        _ if words.len() == 1 && m.role.is_none() => continue,
                        _ => {
                            let kind = m.kind.expect("filtered");
                            let i = actors.len();
                            actors.push(Actor {
                                id: slug(&m.name).into(),
                                name: m.name.clone(),
                                kind,
                                aliases: Vec::new(),
                                roles: Vec::new(),
                                mentions: 0,
                            });
                            by_key.insert(key.clone(), i);
                            if kind == ActorKind::Person && words.len() >= 2 {
                                surnames.entry(last).or_default().push(i);
                            }
                            i
                        }
                    }
                }
            };
            let a = &mut actors[idx];
            if m.name != a.name && !a.aliases.iter().any(|x| x == &m.name) {
                a.aliases.push(m.name.clone());
            }
            by_key.entry(key).or_insert(idx);
            if let Some(r) = &m.role
                && !a.roles.iter().any(|x| x.eq_ignore_ascii_case(r))
            {
                a.roles.push(r.clone());
            }
        }
        // Surnames that point at exactly one person are aliases of that person.
        for (last, ids) in &surnames {
            if let [one] = ids.as_slice() {
                let a = &mut actors[*one];
                let surname = a
                    .name
                    .split_whitespace()
                    .last()
                    .unwrap_or_default()
                    .to_string();
                if a.name.split_whitespace().count() > 1
                    && !a.aliases.iter().any(|x| x.eq_ignore_ascii_case(&surname))
                    && surname.to_lowercase() == *last
                {
                    a.aliases.push(surname);
                }
            }
        }
        // Ids must be unique even when two names slug alike.
        let mut seen: HashMap<Name, usize> = HashMap::new();
        for a in actors.iter_mut() {
            let n = seen.entry(a.id.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                a.id = format!("{}-{}", a.id, n).into();
            }
        }
        let mut patterns: Vec<String> = Vec::new();
        let mut targets = Vec::new();
        for (i, a) in actors.iter().enumerate() {
            for s in std::iter::once(&a.name).chain(&a.aliases) {
                patterns.push(s.clone());
                targets.push(Ok(i));
            }
        }
        for e in aliases
            .entries
            .iter()
            .filter(|e| e.kind == EntryKind::Outlet)
        {
            let i = outlets
                .iter()
                .position(|o| **o == *e.name)
                .expect("outlet listed");
            for s in std::iter::once(&e.name).chain(&e.aliases) {
                patterns.push(s.clone());
                targets.push(Err(i));
            }
        }
        // A DFA scans fastest, but building one walks failure links, which
        // is quadratic in a pattern's length when it repeats itself; past a
        // few thousand bytes of names the contiguous NFA builds in linear
        // time and scans nearly as fast.
        let bytes: usize = patterns.iter().map(String::len).sum();
        let kind = (bytes > DFA_PATTERN_BYTES).then_some(AhoCorasickKind::ContiguousNFA);
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(kind)
            .build(&patterns)
            .ok();
        ActorIndex {
            actors,
            outlets,
            matcher,
            targets,
        }
    }

    /// Actors and outlets named in `text`, each once, in order of first mention.
    pub fn scan(&self, text: &str) -> (Vec<usize>, Vec<usize>) {
        let mut actors = Vec::new();
        let mut outlets = Vec::new();
        let Some(m) = &self.matcher else {
            return (actors, outlets);
        };
        let bytes = text.as_bytes();
        for hit in m.find_iter(text) {
            let before = hit.start().checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(hit.end()).copied();
            let wordish = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'-');
            if wordish(before) || wordish(after) {
                continue;
            }
            match self.targets[hit.pattern().as_usize()] {
                Ok(a) if !actors.contains(&a) => actors.push(a),
                Err(o) if !outlets.contains(&o) => outlets.push(o),
                _ => {}
            }
        }
        (actors, outlets)
    }

    /// The actor a speaker phrase names: "Mr. Trump", "Israeli Prime
    /// Minister Benjamin Netanyahu", "the website's Barak Ravid".
    pub fn resolve_speaker(&self, phrase: &str) -> Option<usize> {
        let (actors, _) = self.scan(phrase);
        actors.last().copied()
    }

    /// Whether a speaker phrase names an outlet ("the New York Times").
    pub fn outlet_in(&self, phrase: &str) -> Option<usize> {
        self.scan(phrase).1.first().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<(String, Option<String>, Option<ActorKind>)> {
        find_names(s)
            .into_iter()
            .map(|m| (m.name, m.role, m.kind))
            .collect()
    }

    #[test]
    fn exclamations_are_not_names() {
        assert!(names("\"They want to talk. I said, 'Too Late!' \"").is_empty());
        assert!(
            names("The War Is Over? Not yet, said Ali Bahreini.")
                .iter()
                .all(|n| !n.0.contains("Over")),
            "{:?}",
            names("The War Is Over? Not yet, said Ali Bahreini.")
        );
        assert_eq!(names("Donald Trump wrote it!")[0].0, "Donald Trump");
    }

    #[test]
    fn titles_become_roles() {
        let n = names(
            "Israeli Prime Minister Benjamin Netanyahu called Secretary of State Marco Rubio.",
        );
        assert_eq!(
            n[0],
            (
                "Benjamin Netanyahu".into(),
                Some("Israeli Prime Minister".into()),
                Some(ActorKind::Person)
            )
        );
        assert_eq!(
            n[1],
            (
                "Marco Rubio".into(),
                Some("Secretary of State".into()),
                Some(ActorKind::Person)
            )
        );
        let n = names("He met special envoy Steve Witkoff.");
        assert_eq!(n[0].1.as_deref(), Some("special envoy"));
    }

    #[test]
    fn sentence_initial_words_and_days_are_not_actors() {
        let n = names("Despite the approach, On Monday the Ministry of Intelligence said so.");
        assert_eq!(n.len(), 1, "{n:?}");
        assert_eq!(n[0].0, "Ministry of Intelligence");
        assert_eq!(n[0].2, Some(ActorKind::Organization));
    }

    #[test]
    fn surnames_join_the_full_name_and_outlets_are_not_actors() {
        let (aliases, _) = AliasTable::parse("[outlet]\nAxios = axios.com\n");
        let mut m = find_names("Glenn Greenwald wrote on X.");
        m.extend(find_names("Greenwald said Axios reported it."));
        let idx = ActorIndex::build(&aliases, &m);
        assert_eq!(idx.actors.len(), 1, "{:?}", idx.actors);
        assert!(idx.actors[0].aliases.contains(&"Greenwald".to_string()));
        let (a, o) = idx.scan("Greenwald told Axios.");
        assert_eq!((a, o), (vec![0], vec![0]));
        assert_eq!(idx.resolve_speaker("the journalist Greenwald"), Some(0));
    }

    #[test]
    fn names_longer_than_a_dfa_wants_are_still_found() {
        // Past DFA_PATTERN_BYTES the matcher is an NFA; it must find the
        // same names, the long one and a short one beside it.
        let long = "X".repeat(DFA_PATTERN_BYTES * 2);
        let conf = format!("[person]\n{long} = Xx\nJane Doe = Janie\n");
        let (aliases, warnings) = AliasTable::parse(&conf);
        assert!(warnings.is_empty(), "{warnings:?}");
        let idx = ActorIndex::build(&aliases, &[]);
        let text = format!("Janie met {long} on Monday.");
        let (a, _) = idx.scan(&text);
        assert_eq!(a.len(), 2, "{:?}", idx.actors);
    }
}
