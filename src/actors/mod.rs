//! Actors: finding the names of people and organisations in sentences,
//! merging their surface forms into one record each (titles as roles,
//! acronyms as their organisations, surnames to the one full name or left
//! ambiguous, aliases from the alias files), and telling outlets, which
//! are provenance, apart from actors.

mod lists;
mod merge;
mod names;

pub use names::{NameMention, find_names, without_nicknames};

use crate::aliases::{AliasTable, EntryKind};
use crate::model::{Actor, Name};
use crate::quotes::PREPOSITIONS;
use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};
use std::ops::Range;

/// The longest name, and the total bytes of names and aliases, up to which
/// the matcher is a DFA.
const DFA_NAME_BYTES: usize = 256;
const DFA_PATTERN_BYTES: usize = 32 * 1024;

/// The corpus's actors and outlets, and a matcher that finds them in text.
pub struct ActorIndex {
    pub actors: Vec<Actor>,
    /// Outlet canonical names.
    pub outlets: Vec<Name>,
    matcher: Option<AhoCorasick>,
    /// For each matcher pattern: actor index, or outlet index when `Err`.
    targets: Vec<Result<usize, usize>>,
    /// The bytes some name starts with: only there is a name looked for.
    starts: [bool; 256],
}

/// A stable id for a name: lower-case words joined by dashes.
/// Whether `w` is a title written before a name ("Secretary", "Minister",
/// "Sen.").
/// Whether `w` is an honorific that only a person's name follows ("Mr.",
/// "Dr", "Dame"), with or without its full stop, in any case.
pub fn is_honorific(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    lists::HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(w))
}

pub fn is_title(w: &str) -> bool {
    lists::in_set(&lists::TITLES_SET, w)
}

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
    /// Builds the actor table from the alias table and every name mention
    /// in the corpus, merged by one rule (see [`merge`]).
    pub fn build(aliases: &AliasTable, mentions: &[NameMention]) -> ActorIndex {
        let merge::Records { actors, outlets } = merge::merge(aliases, mentions);
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
        // is quadratic in a pattern's length when it repeats itself, and its
        // table grows with the names: for a long name, or past a few tens of
        // kilobytes of them, the contiguous NFA builds in linear time and
        // scans nearly as fast.
        let bytes: usize = patterns.iter().map(String::len).sum();
        let longest = patterns.iter().map(String::len).max().unwrap_or(0);
        let kind = (bytes > DFA_PATTERN_BYTES || longest > DFA_NAME_BYTES)
            .then_some(AhoCorasickKind::ContiguousNFA);
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(kind)
            .build(&patterns)
            .ok();
        let mut starts = [false; 256];
        for p in &patterns {
            if let Some(&b) = p.as_bytes().first() {
                starts[b as usize] = true;
            }
        }
        ActorIndex {
            actors,
            outlets,
            matcher,
            targets,
            starts,
        }
    }

    /// Actors and outlets named in `text`, each once, in order of first mention.
    pub fn scan(&self, text: &str) -> (Vec<usize>, Vec<usize>) {
        let mut actors = Vec::new();
        let mut outlets = Vec::new();
        self.each_name(text, |target, _| match target {
            Ok(a) if !actors.contains(&a) => actors.push(a),
            Err(o) if !outlets.contains(&o) => outlets.push(o),
            _ => {}
        });
        (actors, outlets)
    }

    /// Calls `f` with each actor (`Ok`) or outlet (`Err`) named in `text`
    /// and where its name is, in order: at each place a word starts with
    /// a byte some name starts with, the longest name there that is not
    /// the start of a longer word ("the Fed" of "the Federal Reserve"),
    /// and then on from its end. A name is only tried where a word starts,
    /// so most of the text is passed over a byte at a time.
    fn each_name(&self, text: &str, mut f: impl FnMut(Result<usize, usize>, Range<usize>)) {
        let Some(m) = &self.matcher else {
            return;
        };
        let bytes = text.as_bytes();
        let wordish = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-';
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            let word_start = !at
                .checked_sub(1)
                .and_then(|i| bytes.get(i))
                .is_some_and(wordish);
            if !(self.starts[b as usize] && word_start) {
                at += 1;
                continue;
            }
            let hit = m
                .try_find(Input::new(text).range(at..).anchored(Anchored::Yes))
                .ok()
                .flatten()
                .filter(|hit| !bytes.get(hit.end()).is_some_and(wordish));
            match hit {
                Some(hit) => {
                    f(self.targets[hit.pattern().as_usize()], hit.range());
                    at = hit.end();
                }
                None => at += 1,
            }
        }
    }

    /// The actor a speaker phrase names: "Mr. Trump", "Israeli Prime
    /// Minister Benjamin Netanyahu", "the website's Barak Ravid".
    ///
    /// Only the phrase's head counts: what an appositive or a relative
    /// clause adds ("Michael Oppenheimer, a professor at Princeton
    /// University", "Victor Cha, who served under President Bush") or a
    /// bracket ("(D-N.C.)") names someone else. So does a name that is the
    /// object of a preposition ("a fellow at Brackley University"), a
    /// possessive ("Scott's niece" is not Scott) or a modifier ("a U.S.
    /// official" is kept as written, not made the United States).
    pub fn resolve_speaker(&self, phrase: &str) -> Option<usize> {
        let phrase = &*names::without_nicknames(phrase);
        let cut = phrase
            .find([',', '(', '[', ';', '—', '–'])
            .unwrap_or(phrase.len());
        let head = &phrase[..cut];
        let head = head.find(" who ").map_or(head, |i| &head[..i]);
        let mut found = None;
        self.each_name(head, |target, at| {
            let (before, rest) = (&head[..at.start], &head[at.end..]);
            let object = before
                .split_whitespace()
                .next_back()
                .is_some_and(|w| PREPOSITIONS.contains(&w.to_lowercase().as_str()));
            let possessive = rest.starts_with("'s") || rest.starts_with("’s");
            // "a U.S. official", not "Charles Rangel of New York".
            let modifier = rest.starts_with(' ')
                && rest.split_whitespace().next().is_some_and(|w| {
                    w.starts_with(|c: char| c.is_lowercase())
                        && !PREPOSITIONS.contains(&w)
                        && !JOINING_WORDS.contains(&w)
                });
            if let Ok(a) = target
                && !object
                && !possessive
                && !modifier
            {
                found = Some(a);
            }
        });
        // A description, then the name it describes as the phrase's last
        // words: "the president of the growers' cooperative, Odile Fabre".
        let described = head.starts_with(|c: char| c.is_lowercase());
        let tail = phrase[cut..].trim_start_matches([',', ' ']).trim_end();
        let name_only = !tail.is_empty()
            && tail.split(' ').count() <= 4
            && tail
                .split(' ')
                .all(|w| w.starts_with(|c: char| c.is_uppercase()) && !w.contains([',', '(']));
        if described && name_only && phrase[cut..].starts_with(',') {
            return self.resolve_speaker(tail).or(found);
        }
        found
    }

    /// Whether a speaker phrase names an outlet ("the New York Times").
    pub fn outlet_in(&self, phrase: &str) -> Option<usize> {
        self.scan(phrase).1.first().copied()
    }
}

/// Lower-case words that may follow a speaker's name without making it a
/// modifier ("Jane Doe and her aide", "Jane Doe herself").
const JOINING_WORDS: &[&str] = &[
    "and",
    "or",
    "who",
    "which",
    "that",
    "said",
    "says",
    "told",
    "herself",
    "himself",
    "itself",
    "themselves",
    "also",
    "too",
    "as",
    "now",
    "then",
    "later",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;

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
    fn a_speaker_is_the_head_of_the_phrase_not_what_its_appositive_names() {
        let mut m = find_names("Ines Marlow met Pavel Durek at Brackley University.");
        m.extend(find_names(
            "Later Olek Varga spoke with the Harbour Council.",
        ));
        let idx = ActorIndex::build(&AliasTable::default(), &m);
        let name = |p: &str| idx.resolve_speaker(p).map(|a| idx.actors[a].name.as_str());
        assert_eq!(
            name("Ines Marlow, a professor of geology at Brackley University"),
            Some("Ines Marlow")
        );
        assert_eq!(
            name("Olek Varga, who served as an aide to Pavel Durek"),
            Some("Olek Varga")
        );
        assert_eq!(
            name("Rep. Olek Varga (Harbour Council)"),
            Some("Olek Varga")
        );
        assert_eq!(
            name("Representative Olek Varga of Brackley University"),
            Some("Olek Varga")
        );
        // A nickname inside the name is read through.
        assert_eq!(name("Rep. Olek “Ox” Varga"), Some("Olek Varga"));
        // Someone's niece is not that someone; an unnamed head is no one.
        assert_eq!(name("Olek Varga's niece"), None);
        assert_eq!(name("a fellow at Brackley University"), None);
        assert_eq!(name("a Harbour Council official"), None);
        assert_eq!(name("Harbour Council"), Some("Harbour Council"));
        assert_eq!(
            name("the Harbour Council's Ines Marlow"),
            Some("Ines Marlow")
        );
        // A description, then the name it describes.
        assert_eq!(
            name("the president of the Harbour Council, Ines Marlow"),
            Some("Ines Marlow")
        );
        assert_eq!(name("a fellow at Brackley University, Harbour"), None);
    }

    #[test]
    fn a_shared_surname_in_the_text_is_the_ambiguous_record() {
        let mut m = find_names("Rosa Quill met Tomas Quill.");
        m.extend(find_names("Later Quill said no."));
        let idx = ActorIndex::build(&AliasTable::default(), &m);
        let (a, _) = idx.scan("Quill said no, and Rosa Quill agreed.");
        let found: Vec<&str> = a.iter().map(|&i| idx.actors[i].name.as_str()).collect();
        assert_eq!(found, ["Quill", "Rosa Quill"]);
        assert_eq!(idx.actors[a[0]].candidates.len(), 2);
    }

    #[test]
    fn a_name_inside_a_longer_word_hides_no_name_after_it() {
        let (aliases, _) = AliasTable::parse("[organization]\nTidal Reserve = the Tid\n");
        let idx = ActorIndex::build(&aliases, &[]);
        assert_eq!(idx.scan("Ask the Tidal Reserve.").0, vec![0]);
        assert_eq!(idx.scan("the Tide").0, Vec::<usize>::new());
    }

    #[test]
    fn names_longer_than_a_dfa_wants_are_still_found() {
        // Past DFA_NAME_BYTES the matcher is an NFA; it must find the
        // same names, the long one and a short one beside it.
        let long = "X".repeat(DFA_NAME_BYTES * 32);
        let conf = format!("[person]\n{long} = Xx\nJane Doe = Janie\n");
        let (aliases, warnings) = AliasTable::parse(&conf);
        assert!(warnings.is_empty(), "{warnings:?}");
        let idx = ActorIndex::build(&aliases, &[]);
        let text = format!("Janie met {long} on Monday.");
        let (a, _) = idx.scan(&text);
        assert_eq!(a.len(), 2, "{:?}", idx.actors);
    }
}

#[cfg(test)]
mod bundled {
    use crate::aliases::AliasTable;
    use crate::loader::{self, BUNDLED_ALIASES};

    #[test]
    fn the_bundled_corpus_has_one_record_per_agency_and_person_and_no_headline_actors() {
        let (table, _) = AliasTable::with_general(BUNDLED_ALIASES);
        let (model, _) = crate::extract::build_model(&loader::bundled(), &table);
        let names: Vec<&str> = model.actors.iter().map(|a| a.name.as_str()).collect();
        let with = |w: &str| names.iter().filter(|n| n.contains(w)).count();
        assert_eq!(with("Central Intelligence"), 1, "{names:?}");
        assert_eq!(with("Barnea"), 1, "{names:?}");
        let cia = (model.actors.iter())
            .find(|a| a.name == "Central Intelligence Agency")
            .expect("the CIA");
        assert!(cia.aliases.iter().any(|a| a == "CIA"), "{cia:?}");
        for junk in [
            "Posts On X",
            "Mossad David",
            "Washington Post Trump",
            "York",
        ] {
            assert!(names.iter().all(|n| !n.contains(junk)), "{junk}: {names:?}");
        }
    }
}
