//! One rule for turning the corpus's name mentions into actor records:
//!
//! - a title or descriptor before a name is the person's role, or is
//!   dropped ("Democrat Hillary Clinton", "Mossad David Barnea"), and so is
//!   an outlet, organisation or country run into a name ("Washington Post
//!   Trump", "US Central Intelligence Agency");
//! - an acronym is the organisation whose initials it spells (CIA, Central
//!   Intelligence Agency);
//! - middle initials and "Jr." do not make another person ("John F. Kerry");
//! - a surname alone joins the full name only when one person in the corpus
//!   has that surname (or one of them has the title it is written with);
//!   else it is a record of its own that lists the people it may be.
//!
//! The alias file's entries come first and are taken at their word: an
//! alias it lists is that actor's, whoever else shares it.

use super::lists::*;
use super::names::{NameMention, is_acronym, is_cap, is_initialism};
use super::slug;
use crate::aliases::{AliasTable, EntryKind, alias_key};
use crate::model::{Actor, ActorKind, Name};
use std::collections::HashMap;

/// The records made from an alias table and the corpus's mentions.
pub(super) struct Records {
    pub actors: Vec<Actor>,
    /// Outlet canonical names, in alias-file order.
    pub outlets: Vec<Name>,
}

/// What a name is known as before any record is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Known {
    Person,
    Organization,
    Country,
    Outlet,
}

/// Words after a surname that are not the surname ("Jr.", "III").
const SUFFIXES: &[&str] = &["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"];

/// A person's name as compared: case aside, without middle initials or a
/// generational suffix ("John F. Kerry" is "john kerry").
fn person_key(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 2 && words.last().is_some_and(|w| SUFFIXES.contains(w)) {
        words.pop();
    }
    if words.len() > 2 {
        let last = words.len() - 1;
        let mut k = 0;
        words.retain(|w| {
            k += 1;
            let middle = k > 1 && k - 1 < last;
            !(middle && is_initial(w))
        });
    }
    alias_key(&words.join(" "))
}

/// "F.", "F", "H.W.".
fn is_initial(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    w.chars().next().is_some_and(char::is_uppercase)
        && (letters == 1 || (is_initialism(w) && letters <= 3))
}

/// The surname a person's name ends with, lower-case.
fn surname(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let end = words.len()
        - (words.iter().rev())
            .take_while(|w| SUFFIXES.contains(w))
            .count();
    (end >= 2).then(|| words[end - 1].to_lowercase())
}

/// The lower-case letters an acronym spells ("C.I.A." is "cia").
fn acronym_letters(name: &str) -> Option<String> {
    (!name.contains(' ') && (is_acronym(name) || is_initialism(name))).then(|| {
        name.chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect()
    })
}

/// The initials of an organisation's name, small words aside ("Federal
/// Bureau of Investigation" is "fbi"); `None` for fewer than two words.
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = (name.split_whitespace())
        .filter(|w| !in_set(&CONNECTORS_SET, w) && !matches!(*w, "and" | "the" | "for" | "&"))
        .collect();
    if words.len() < 2 || !words.iter().all(|w| is_cap(w)) {
        return None;
    }
    Some(
        (words.iter())
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect(),
    )
}

/// Words that, before a name, say what the person is: titles, parties,
/// nationalities, lower-case roles written capitalised ("Activist").
fn role_like(words: &[&str]) -> bool {
    words.iter().all(|w| {
        in_set(&TITLES_SET, w)
            || in_set(&DEMONYMS_SET, w)
            || in_set(&DESCRIPTOR_ROLES_SET, w)
            || in_set(&LOWER_TITLES_SET, &w.to_lowercase())
            || in_set(&CONNECTORS_SET, w)
    })
}

struct Builder {
    actors: Vec<Actor>,
    outlets: Vec<Name>,
    by_key: HashMap<String, usize>,
    outlet_keys: HashMap<String, usize>,
    /// Organisation records by the initials of their names.
    by_initials: HashMap<String, Vec<usize>>,
    /// Whether some mention of the corpus is the record's.
    seen: Vec<bool>,
    /// How many records each id was made for: ids stay unique even when
    /// two names slug alike.
    ids: HashMap<String, usize>,
}

impl Builder {
    fn lookup(&self, name: &str) -> Option<usize> {
        (self.by_key.get(&alias_key(name)))
            .or_else(|| self.by_key.get(&person_key(name)))
            .copied()
    }

    fn add(&mut self, name: &str, kind: ActorKind, aliases: Vec<String>) -> usize {
        let i = self.actors.len();
        let mut id = slug(name);
        let n = self.ids.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            id = format!("{id}-{n}");
        }
        self.actors.push(Actor {
            id: id.into(),
            name: name.to_string(),
            kind,
            aliases,
            roles: Vec::new(),
            mentions: 0,
            candidates: Vec::new(),
        });
        self.seen.push(false);
        self.by_key.insert(alias_key(name), i);
        if kind == ActorKind::Person {
            self.by_key.entry(person_key(name)).or_insert(i);
        }
        if kind == ActorKind::Organization
            && let Some(ini) = initials(name)
        {
            self.by_initials.entry(ini).or_default().push(i);
        }
        i
    }

    /// The organisation an acronym spells, or the one whose acronym a
    /// name's initials are: only when exactly one is.
    fn by_acronym(&self, name: &str) -> Option<usize> {
        let is_org = |i: &usize| self.actors[*i].kind == ActorKind::Organization;
        if let Some(letters) = acronym_letters(name) {
            return match self.by_initials.get(&letters).map(Vec::as_slice) {
                Some([one]) => Some(*one),
                _ => None,
            };
        }
        let ini = initials(name)?;
        self.by_key.get(&ini).filter(|i| is_org(i)).copied()
    }

    fn note(&mut self, idx: usize, name: &str, role: Option<&str>) {
        self.seen[idx] = true;
        let a = &mut self.actors[idx];
        if name != a.name && !a.aliases.iter().any(|x| x == name) {
            a.aliases.push(name.to_string());
        }
        if let Some(r) = role
            && !a.roles.iter().any(|x| x.eq_ignore_ascii_case(r))
        {
            a.roles.push(r.to_string());
        }
        self.by_key.entry(alias_key(name)).or_insert(idx);
    }
}

/// A mention after the first rule: what it names, with what role.
struct Resolved {
    name: String,
    role: Option<String>,
    kind: ActorKind,
}

/// Drops what is run into a known name: an outlet, organisation or country
/// before it ("Washington Post Trump", "US Central Intelligence Agency",
/// "Mossad David Barnea"), or words before a person's full name that the
/// corpus names elsewhere ("Crooked Hillary Clinton"); titles and
/// organisations before a person become the role.
fn strip_prefix(
    m: &NameMention,
    kind: ActorKind,
    listed: &HashMap<String, Known>,
    known: &HashMap<String, Known>,
) -> Resolved {
    let words: Vec<&str> = m.name.split_whitespace().collect();
    let known_as = |s: &str| {
        (known.get(&alias_key(s)))
            .or_else(|| known.get(&person_key(s)))
            .copied()
    };
    for k in 1..words.len() {
        let prefix = words[..k].join(" ");
        // Only a name the alias file lists: a word of the corpus alone
        // ("House") may be the start of another name.
        let Some(p @ (Known::Organization | Known::Country | Known::Outlet)) =
            listed.get(&alias_key(&prefix)).copied()
        else {
            continue;
        };
        let rest = words[k..].join(" ");
        let Some(r) = known_as(&rest) else { continue };
        let kind = match r {
            Known::Person => ActorKind::Person,
            _ => ActorKind::Organization,
        };
        let role = match (p, r) {
            (Known::Organization, Known::Person) => Some(prefix),
            _ => m.role.clone(),
        };
        return Resolved {
            name: rest,
            role,
            kind,
        };
    }
    for k in 1..words.len().saturating_sub(1) {
        let rest = words[k..].join(" ");
        // Only a role: other words before a full name may be more of
        // the name ("Enrique Peña Nieto").
        if known_as(&rest) == Some(Known::Person) && role_like(&words[..k]) {
            return Resolved {
                name: rest,
                role: Some(words[..k].join(" ")),
                kind: ActorKind::Person,
            };
        }
    }
    Resolved {
        name: m.name.clone(),
        role: m.role.clone(),
        kind,
    }
}

/// Builds the records: the alias table's entries, then every mention
/// merged by the rule above.
pub(super) fn merge(aliases: &AliasTable, mentions: &[NameMention]) -> Records {
    let mut b = Builder {
        actors: Vec::new(),
        outlets: Vec::new(),
        by_key: HashMap::new(),
        outlet_keys: HashMap::new(),
        by_initials: HashMap::new(),
        seen: Vec::new(),
        ids: HashMap::new(),
    };
    let mut known: HashMap<String, Known> = HashMap::new();
    for e in &aliases.entries {
        let k = match e.kind {
            EntryKind::Outlet => Known::Outlet,
            EntryKind::Country => Known::Country,
            EntryKind::Actor(ActorKind::Person) => Known::Person,
            EntryKind::Actor(ActorKind::Organization) => Known::Organization,
        };
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            known.entry(alias_key(n)).or_insert(k);
        }
        match e.kind.actor() {
            None => {
                let i = b.outlets.len();
                b.outlets.push(e.name.as_str().into());
                b.outlet_keys.insert(alias_key(&e.name), i);
                for a in &e.aliases {
                    b.outlet_keys.entry(alias_key(a)).or_insert(i);
                }
            }
            Some(kind) => {
                let i = b.add(&e.name, kind, e.aliases.clone());
                for a in &e.aliases {
                    b.by_key.entry(alias_key(a)).or_insert(i);
                }
            }
        }
    }
    let listed = known.clone();
    let found: Vec<(&NameMention, ActorKind)> = (mentions.iter())
        .filter_map(|m| Some((m, m.kind?)))
        .collect();
    for (m, kind) in &found {
        let k = match kind {
            ActorKind::Person => Known::Person,
            ActorKind::Organization => Known::Organization,
        };
        known.entry(alias_key(&m.name)).or_insert(k);
        if *kind == ActorKind::Person && m.name.contains(' ') {
            known.entry(person_key(&m.name)).or_insert(k);
        }
    }
    let mut resolved: Vec<Resolved> = (found.iter())
        .map(|(m, kind)| strip_prefix(m, *kind, &listed, &known))
        .collect();
    drop((listed, known));
    // Full names first, so that surnames and acronyms can find them.
    resolved.sort_by_key(|r| std::cmp::Reverse(r.name.split_whitespace().count()));
    let split = resolved.partition_point(|r| r.name.contains(' '));
    let lone = resolved.split_off(split);
    for r in &resolved {
        if b.outlet_keys.contains_key(&alias_key(&r.name)) {
            continue;
        }
        let idx = match b.lookup(&r.name).or_else(|| b.by_acronym(&r.name)) {
            Some(i) => i,
            None => b.add(&r.name, r.kind, Vec::new()),
        };
        b.note(idx, &r.name, r.role.as_deref());
    }
    // The people of the corpus by surname: those some mention named.
    let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in b.actors.iter().enumerate() {
        if b.seen[i]
            && a.kind == ActorKind::Person
            && a.candidates.is_empty()
            && let Some(s) = surname(&a.name)
        {
            surnames.entry(s).or_default().push(i);
        }
    }
    // A surname several people of the corpus share is a record of its own
    // that lists them, unless the alias file gives it to one: the text's
    // "Quill" alone is then found as that record, not as one of them.
    let mut shared: Vec<(&String, &Vec<usize>)> =
        surnames.iter().filter(|(_, ids)| ids.len() > 1).collect();
    shared.sort();
    for (last, ids) in shared {
        if b.by_key.contains_key(last) {
            continue;
        }
        let name = (b.actors[ids[0]].name.split_whitespace())
            .rev()
            .find(|w| w.to_lowercase() == *last)
            .unwrap_or(last)
            .to_string();
        let i = b.add(&name, ActorKind::Person, Vec::new());
        b.actors[i].candidates = ids.iter().map(|&c| b.actors[c].id.clone()).collect();
    }
    for r in &lone {
        let key = alias_key(&r.name);
        if b.outlet_keys.contains_key(&key) {
            continue;
        }
        let hit = b.lookup(&r.name).or_else(|| b.by_acronym(&r.name));
        let people = surnames.get(&key).map(Vec::as_slice).unwrap_or_default();
        let idx = match hit {
            Some(i) if b.actors[i].candidates.is_empty() => i,
            _ => match people {
                [one] => *one,
                [] if r.role.is_none() => continue,
                [] => b.add(&r.name, r.kind, Vec::new()),
                several => match (by_title(&b.actors, several, r.role.as_deref()), hit) {
                    // The surname stays shared: the title and the surname
                    // together are this person's ("President Quill").
                    (Some(i), _) => {
                        let titled = format!("{} {}", r.role.as_deref().unwrap_or(""), r.name);
                        b.note(i, &titled, None);
                        continue;
                    }
                    (None, Some(ambiguous)) => ambiguous,
                    (None, None) => continue,
                },
            },
        };
        b.note(idx, &r.name, r.role.as_deref());
    }
    // A surname that points at exactly one person is an alias of that
    // person, unless the alias file gives it to someone else.
    for (last, ids) in &surnames {
        if let [one] = ids.as_slice()
            && b.by_key.get(last).is_none_or(|i| i == one)
        {
            let a = &mut b.actors[*one];
            let words: Vec<&str> = a.name.split_whitespace().collect();
            if let Some(w) = words.iter().rev().find(|w| w.to_lowercase() == *last)
                && !a.aliases.iter().any(|x| x.eq_ignore_ascii_case(w))
            {
                a.aliases.push(w.to_string());
            }
        }
    }
    Records {
        actors: b.actors,
        outlets: b.outlets,
    }
}

/// Of the people who share a surname, the one who alone has been given the
/// title it is written with ("President Clinton").
fn by_title(actors: &[Actor], people: &[usize], title: Option<&str>) -> Option<usize> {
    let title = title?.to_lowercase();
    let has = |i: &&usize| {
        (actors[**i].roles.iter()).any(|r| {
            let r = r.to_lowercase();
            r == title || r.ends_with(&format!(" {title}")) || r.starts_with(&format!("{title} "))
        })
    };
    match people.iter().filter(has).collect::<Vec<_>>().as_slice() {
        [one] => Some(**one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::find_names;

    fn build(conf: &str, text: &[&str]) -> Vec<Actor> {
        let (aliases, w) = AliasTable::parse(conf);
        assert!(w.is_empty(), "{w:?}");
        let m: Vec<NameMention> = text.iter().flat_map(|s| find_names(s)).collect();
        merge(&aliases, &m).actors
    }

    fn named<'a>(actors: &'a [Actor], name: &str) -> Vec<&'a Actor> {
        actors.iter().filter(|a| a.name == name).collect()
    }

    #[test]
    fn keys_ignore_middle_initials_and_suffixes() {
        assert_eq!(person_key("John F. Kerry"), "john kerry");
        assert_eq!(person_key("George H.W. Smith Jr."), "george smith");
        assert_eq!(person_key("Jo Ann Weber"), "jo ann weber");
        assert_eq!(surname("Lee Vance Sr."), Some("vance".into()));
        assert_eq!(surname("Vance"), None);
        assert_eq!(initials("Bureau of Tidal Studies"), Some("bts".into()));
        assert_eq!(acronym_letters("B.T.S."), Some("bts".into()));
        assert_eq!(acronym_letters("Bureau"), None);
    }

    #[test]
    fn a_role_before_a_known_full_name_is_the_role_and_other_words_stay() {
        let a = build(
            "",
            &[
                "Marta Kollwitz spoke on Tuesday.",
                "Yesterday Journalist Marta Kollwitz met the press.",
                "He praised Senator Marta Kollwitz twice.",
                "Ana Lucia Ferro spoke.",
                "Then Lucia Ferro left.",
            ],
        );
        let kollwitz = named(&a, "Marta Kollwitz");
        assert_eq!(kollwitz.len(), 1, "{a:?}");
        assert_eq!(kollwitz[0].roles, ["Journalist", "Senator"]);
        assert!(a.iter().all(|a| !a.name.contains("Journalist")), "{a:?}");
        // Words before a full name that are no role may be more of the name.
        assert_eq!(named(&a, "Ana Lucia Ferro").len(), 1, "{a:?}");
    }

    #[test]
    fn an_organisation_before_a_person_is_the_role() {
        let a = build(
            "[organization]\nBorder Guild = BG\n",
            &[
                "Anton Bray said little.",
                "Talks with Border Guild Anton Bray went on.",
            ],
        );
        let bray = named(&a, "Anton Bray");
        assert_eq!(bray.len(), 1, "{a:?}");
        assert_eq!(bray[0].roles, ["Border Guild"]);
        assert!(named(&a, "Border Guild Anton Bray").is_empty());
    }

    #[test]
    fn an_outlet_run_into_a_name_is_not_an_actor() {
        let a = build(
            "[outlet]\nDaily Lantern = Lantern\n[person]\nOrla Finch = Finch\n",
            &["In a meeting with the Daily Lantern Finch said so."],
        );
        assert!(a.iter().all(|a| !a.name.contains("Lantern")), "{a:?}");
        assert!(named(&a, "Orla Finch")[0].aliases.contains(&"Finch".into()));
    }

    #[test]
    fn an_acronym_is_the_organisation_it_spells_and_a_country_before_it_is_dropped() {
        let a = build(
            "[country]\nUnited States = US, U.S.\n",
            &[
                "The Bureau of Tidal Studies spoke.",
                "Officials at the BTS agreed.",
                "Then the US Bureau of Tidal Studies wrote.",
                "And the United States Bureau of Tidal Studies wrote again.",
                "The B.T.S. did not reply.",
            ],
        );
        let orgs: Vec<&Actor> = a.iter().filter(|a| a.name.contains("Tidal")).collect();
        assert_eq!(orgs.len(), 1, "{a:?}");
        assert!(
            a.iter().all(|a| a.name != "BTS" && a.name != "B.T.S."),
            "{a:?}"
        );
    }

    #[test]
    fn two_organisations_with_one_acronym_leave_it_alone() {
        let a = build(
            "",
            &[
                "The Bureau of Tidal Studies spoke.",
                "The Board of Transit Safety spoke.",
                "The BTS said so, Chief BTS added.",
            ],
        );
        assert_eq!(a.iter().filter(|a| a.name.contains("of")).count(), 2);
        assert_eq!(named(&a, "BTS").len(), 1, "{a:?}");
    }

    #[test]
    fn a_shared_surname_stays_ambiguous_and_says_so() {
        let a = build(
            "",
            &[
                "Rosa Quill spoke first.",
                "Then Tomas Quill replied.",
                "Quill said it was over.",
            ],
        );
        let quill = named(&a, "Quill");
        assert_eq!(quill.len(), 1, "{a:?}");
        assert_eq!(
            quill[0].candidates.iter().map(|c| &**c).collect::<Vec<_>>(),
            ["rosa-quill", "tomas-quill"]
        );
        // Neither full name took the surname.
        assert!(a.iter().all(|a| !a.aliases.contains(&"Quill".into())));
    }

    #[test]
    fn a_surname_one_person_has_joins_the_full_name() {
        let a = build("", &["Rosa Quill spoke first.", "Quill said it was over."]);
        assert_eq!(a.len(), 1, "{a:?}");
        assert!(a[0].aliases.contains(&"Quill".into()));
    }

    #[test]
    fn the_title_tells_apart_people_who_share_a_surname() {
        let a = build(
            "",
            &[
                "Governor Rosa Quill spoke first.",
                "Then Tomas Quill replied.",
                "Governor Quill said it was over.",
            ],
        );
        let rosa = named(&a, "Rosa Quill");
        assert!(rosa[0].aliases.contains(&"Governor Quill".into()), "{a:?}");
        // The surname alone is still shared.
        assert!(a.iter().all(|a| !a.aliases.contains(&"Quill".into())));
    }

    #[test]
    fn an_alias_the_file_lists_wins_over_a_shared_surname() {
        let a = build(
            "[person]\nRosa Quill = Quill\n",
            &["Rosa Quill spoke.", "Tomas Quill replied.", "Quill left."],
        );
        assert!(named(&a, "Quill").is_empty(), "{a:?}");
    }

    #[test]
    fn a_middle_initial_is_the_same_person() {
        let a = build("", &["Hector J. Vane spoke.", "Later Hector Vane left."]);
        assert_eq!(a.len(), 1, "{a:?}");
    }

    #[test]
    fn people_the_alias_file_lists_but_the_corpus_never_names_share_no_surname() {
        let a = build(
            "[person]\nTomas Quill =\n",
            &["Rosa Quill spoke first.", "Quill said it was over."],
        );
        assert!(named(&a, "Quill").is_empty(), "{a:?}");
        assert!(named(&a, "Rosa Quill")[0].aliases.contains(&"Quill".into()));
    }
}
