//! Actors: finding the names of people and organisations in sentences,
//! merging their surface forms into one record each (surname to full name,
//! titles as roles, aliases from the alias file), and telling outlets,
//! which are provenance, apart from actors.

use crate::aliases::{AliasTable, EntryKind};
use crate::model::{Actor, ActorKind, Name};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::sync::LazyLock;

/// A capitalised name found in a sentence, with the title before it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NameMention {
    pub name: String,
    pub role: Option<String>,
    pub kind: Option<ActorKind>,
}

/// The word lists below as sets: they are consulted for every capitalised
/// word of the corpus.
type WordSet = foldhash::HashSet<&'static str>;
static NOT_NAMES_SET: LazyLock<WordSet> = LazyLock::new(|| NOT_NAMES.iter().copied().collect());
static DEMONYMS_SET: LazyLock<WordSet> = LazyLock::new(|| DEMONYMS.iter().copied().collect());
static ORG_WORDS_SET: LazyLock<WordSet> = LazyLock::new(|| ORG_WORDS.iter().copied().collect());
static NOT_PERSON_WORDS_SET: LazyLock<WordSet> =
    LazyLock::new(|| NOT_PERSON_WORDS.iter().copied().collect());
static TITLES_SET: LazyLock<WordSet> = LazyLock::new(|| TITLES.iter().copied().collect());
static LOWER_TITLES_SET: LazyLock<WordSet> =
    LazyLock::new(|| LOWER_TITLES.iter().copied().collect());
static CONNECTORS_SET: LazyLock<WordSet> = LazyLock::new(|| CONNECTORS.iter().copied().collect());

fn in_set(set: &WordSet, w: &str) -> bool {
    set.contains(w)
}

/// Capitalised words that start sentences or name times and places, never actors.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "On",
    "In",
    "At",
    "By",
    "For",
    "From",
    "With",
    "Without",
    "To",
    "Of",
    "And",
    "But",
    "Or",
    "Nor",
    "So",
    "Yet",
    "As",
    "If",
    "When",
    "While",
    "Where",
    "After",
    "Before",
    "Despite",
    "Although",
    "Though",
    "Because",
    "Since",
    "Until",
    "During",
    "However",
    "Still",
    "Meanwhile",
    "Instead",
    "Also",
    "Later",
    "Earlier",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "Who",
    "What",
    "Why",
    "How",
    "Which",
    "There",
    "Here",
    "Not",
    "No",
    "Yes",
    "Some",
    "Many",
    "Most",
    "All",
    "Any",
    "Each",
    "Every",
    "Both",
    "Other",
    "Another",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Several",
    "Few",
    "According",
    "Asked",
    "Under",
    "Over",
    "Between",
    "Among",
    "Against",
    "About",
    "Around",
    "Through",
    "Neither",
    "Either",
    "Of",
    "Course",
    "Behind",
    "Zoom",
    "Reporter",
    "Reporters",
    "Commentary",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Read",
    "Subscribe",
    "Follow",
    "Reply",
    "Copy",
    "Show",
    "NEW",
    "BREAKING",
    "UPDATE",
    "Lawmakers",
    "Officials",
    "Sources",
    "People",
    "Members",
    "Operatives",
    "Still",
    "Yet",
    "Even",
    "Just",
    "Only",
    "Perhaps",
    "Maybe",
    "Such",
    "Iranian",
    "Israeli",
    "American",
    "Western",
    "Eastern",
    "Middle",
    "Democratic",
    "Republican",
    "Democrats",
    "Republicans",
    "Gulf",
    "Independent",
    "Leaders",
    "Leadership",
    "Messages",
    "Coordination",
    "Information",
    "Military",
    "Diplomatic",
    "Secret",
    "Big",
    "Boss",
    "Great",
    "Did",
    "Does",
    "Do",
    "Is",
    "Are",
    "Was",
    "Were",
    "Has",
    "Have",
    "Had",
    "Will",
    "Would",
    "Can",
    "Could",
    "Should",
    "Shall",
    "Must",
    "Let",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
];

/// Nationality words: part of a role before a title ("Israeli Prime Minister").
const DEMONYMS: &[&str] = &[
    "Iranian",
    "Israeli",
    "American",
    "Western",
    "Democratic",
    "Republican",
];

/// Words that make a name an organisation.
const ORG_WORDS: &[&str] = &[
    "House",
    "Ministry",
    "Department",
    "Agency",
    "Administration",
    "Council",
    "Committee",
    "Congress",
    "Senate",
    "Parliament",
    "Party",
    "Army",
    "Navy",
    "Force",
    "Forces",
    "Guard",
    "Corps",
    "Court",
    "Bank",
    "Fund",
    "Company",
    "Corporation",
    "Corp",
    "Inc",
    "Group",
    "University",
    "Institute",
    "Foundation",
    "Association",
    "Union",
    "Organization",
    "Organisation",
    "Office",
    "Service",
    "Services",
    "Bureau",
    "Commission",
    "Authority",
    "Nations",
    "Assembly",
    "Cabinet",
    "Police",
    "Campaign",
    "Times",
    "Post",
    "News",
    "Journal",
    "Network",
    "Press",
    "Media",
    "Airlines",
    "Motors",
    "Systems",
    "Industries",
    "Holdings",
    "Mossad",
    "Hezbollah",
    "Hamas",
    "Pentagon",
    "Kremlin",
    "Social",
    "Operation",
];

/// Words that make a capitalised run a place or thing, not a person.
const NOT_PERSON_WORDS: &[&str] = &[
    "East",
    "West",
    "North",
    "South",
    "Sea",
    "Ocean",
    "River",
    "Street",
    "Square",
    "Island",
    "Islands",
    "City",
    "State",
    "States",
    "Kingdom",
    "Republic",
    "Union",
    "Strait",
    "Coast",
    "Lanka",
    "Arabia",
    "Emirates",
    "Korea",
    "Africa",
    "America",
    "Europe",
    "Asia",
    "Day",
    "Week",
    "Year",
    "Act",
    "Bill",
    "Law",
    "Plan",
    "Deal",
    "Program",
    "Project",
    "Summit",
    "Conference",
    "Prize",
    "Award",
    "Cup",
    "Games",
    "Olympics",
    "Avenue",
    "Road",
    "Center",
    "Centre",
    "Hall",
    "Building",
    "Tower",
    "Airport",
    "Station",
    "Fury",
    "Epic",
    "Chief",
    "Intelligence",
    "Ministry",
    "Images",
];

/// Titles that, written before a name, are the person's role.
const TITLES: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Secretary",
    "Chancellor",
    "Chief",
    "Director",
    "Ambassador",
    "Envoy",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Gov.",
    "Governor",
    "Mayor",
    "Judge",
    "Justice",
    "General",
    "Gen.",
    "Adviser",
    "Advisor",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Speaker",
    "Leader",
    "King",
    "Queen",
    "Prince",
    "Pope",
    "Ayatollah",
    "Chairman",
    "Chairwoman",
    "Commissioner",
    "CEO",
    "Founder",
    "Coach",
    "Lt.",
    "Col.",
    "Sgt.",
    "Capt.",
    "Adm.",
    "Commander",
    "Attorney",
    "Sheikh",
    "Emir",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    "Rev.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];

/// Lower-case role words written before a name ("special envoy Steve Witkoff").
const LOWER_TITLES: &[&str] = &[
    "envoy",
    "adviser",
    "advisor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "minister",
    "director",
    "ambassador",
    "chief",
    "leader",
    "president",
    "chairman",
    "senator",
    "official",
    "journalist",
    "writer",
    "reporter",
    "correspondent",
    "analyst",
    "candidate",
    "nominee",
    "governor",
    "mayor",
    "commander",
    "general",
    "founder",
    "executive",
    "chancellor",
];

const CONNECTORS: &[&str] = &[
    "of", "al", "bin", "de", "la", "van", "von", "der", "du", "da", "del", "ibn",
];

fn is_cap_word(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Words with their byte offsets; punctuation that ends a name run (commas,
/// quotes, dashes) becomes a break marked by `None`.
fn tokens(s: &str) -> Vec<Option<(usize, &str)>> {
    let mut out = Vec::new();
    for (start, raw) in split_ws(s) {
        let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let core =
            raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != '’');
        let core = core.trim_start_matches(['.', '\'', '’']);
        let core = core
            .strip_suffix("'s")
            .or_else(|| core.strip_suffix("’s"))
            .unwrap_or(core);
        let core = core
            .strip_suffix('\'')
            .or_else(|| core.strip_suffix('’'))
            .unwrap_or(core);
        let keep_dot = in_set(&TITLES_SET, core) || core.len() <= 2 || is_initialism(core);
        let core = if keep_dot {
            core
        } else {
            core.trim_end_matches('.')
        };
        if lead > 0 {
            out.push(None);
        }
        if !core.is_empty() {
            out.push(Some((start + lead, core)));
        }
        if core.len() + lead < raw.len()
            && raw.ends_with([',', ';', ':', '"', '”', ')', '!', '?', '—', '–'])
            || (raw.ends_with('.') && !keep_dot)
            || raw.contains(['\'', '’']) && (raw.ends_with("'s") || raw.ends_with("’s"))
        {
            out.push(None);
        }
    }
    out
}

fn is_initialism(w: &str) -> bool {
    // "U.S.", "C.I.A."
    w.contains('.') && w.split('.').filter(|p| !p.is_empty()).all(|p| p.len() == 1)
}

fn split_ws(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// Finds the capitalised names in one sentence, with the title written before each.
pub fn find_names(sentence: &str) -> Vec<NameMention> {
    let toks = tokens(sentence);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((_, w)) = toks[i] else {
            i += 1;
            continue;
        };
        if !is_cap_word(w) {
            i += 1;
            continue;
        }
        // A run of capitalised words, with connectors inside.
        let mut run: Vec<&str> = vec![w];
        let mut j = i + 1;
        while j < toks.len() {
            match toks[j] {
                Some((_, t)) if is_cap_word(t) => run.push(t),
                Some((_, t))
                    if in_set(&CONNECTORS_SET, t)
                        && matches!(toks.get(j + 1), Some(Some((_, n))) if is_cap_word(n)) =>
                {
                    run.push(t)
                }
                _ => break,
            }
            j += 1;
        }
        // A lower-case role just before: "special envoy Steve Witkoff".
        let lower_role = (i >= 1)
            .then(|| toks[i - 1])
            .flatten()
            .filter(|(_, t)| in_set(&LOWER_TITLES_SET, t))
            .map(|(_, t)| {
                let adj = (i >= 2).then(|| toks[i - 2]).flatten().map(|(_, a)| a);
                match adj {
                    Some(a)
                        if a.chars().all(|c| c.is_lowercase())
                            && a.len() > 3
                            && !is_stopword(a) =>
                    {
                        format!("{a} {t}")
                    }
                    _ => t.to_string(),
                }
            });
        out.extend(split_run(&run, lower_role));
        i = j;
    }
    out
}

fn is_stopword(w: &str) -> bool {
    matches!(
        w,
        "the" | "and" | "that" | "with" | "from" | "said" | "told" | "former" | "whose"
    )
}

/// Splits a capitalised run into title and name, dropping words that are
/// never part of a name.
fn split_run(run: &[&str], lower_role: Option<String>) -> Option<NameMention> {
    let mut words: Vec<&str> = run.to_vec();
    let has_title = words.iter().any(|w| in_set(&TITLES_SET, w));
    let droppable = |w: &str| {
        (in_set(&NOT_NAMES_SET, w) && !(has_title && in_set(&DEMONYMS_SET, w)))
            || in_set(&CONNECTORS_SET, w)
    };
    while words.first().is_some_and(|w| droppable(w)) {
        words.remove(0);
    }
    while words
        .last()
        .is_some_and(|w| in_set(&NOT_NAMES_SET, w) || in_set(&CONNECTORS_SET, w))
    {
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    // The title is everything up to the last title word (and its "of X").
    let mut name_from = 0;
    for (k, w) in words.iter().enumerate() {
        if in_set(&TITLES_SET, w) {
            name_from = k + 1;
            if words.get(k + 1) == Some(&"of") {
                name_from = (k + 3).min(words.len());
            }
        }
    }
    let role_words = &words[..name_from];
    let name_words = &words[name_from..];
    if name_words.is_empty() {
        return None;
    }
    let name = name_words.join(" ");
    let title_only = role_words.iter().all(|w| {
        matches!(
            *w,
            "Mr." | "Mrs." | "Ms." | "Dr." | "Mr" | "Mrs" | "Ms" | "Dr"
        )
    });
    let role = if role_words.is_empty() || title_only {
        lower_role
    } else {
        Some(role_words.join(" "))
    };
    let kind = if name_words.iter().any(|w| in_set(&ORG_WORDS_SET, w))
        || name_words.len() == 1 && is_acronym(&name)
    {
        Some(ActorKind::Organization)
    } else if (name_words.len() >= 2
        && name_words.len() <= 4
        && !name_words.iter().any(|w| {
            in_set(&NOT_PERSON_WORDS_SET, w) || in_set(&NOT_NAMES_SET, w) || is_acronym(w)
        }))
        || (!role_words.is_empty() && name_words.len() == 1)
    {
        Some(ActorKind::Person)
    } else {
        None
    };
    Some(NameMention { name, role, kind })
}

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
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
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
}
