//! Names near a quote, and the person a pronoun speaker stands for.

use super::lexicon::*;
use super::sentences::*;
use crate::aliases::EntryKind;

/// First person-like name in `within`: a run of capitalised words.
pub(super) fn first_name(masked: &str, within: Span) -> Option<Span> {
    names_in(masked, within).into_iter().next()
}

/// Every person-like name in `within`, in text order: runs of capitalised
/// words, not the object of a preposition nor a word opening a clause.
pub(super) fn names_in(masked: &str, within: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let ws = words(masked, within);
    let cap = |i: usize| is_cap(at(masked, ws[i]));
    // "Secretary of State John Kerry": the word after a title's "of" ends
    // the title, and a name may follow it.
    let title_of = |i: usize| {
        i > 1
            && low(masked, ws[i - 1]) == "of"
            && crate::actors::is_title(at(masked, ws[i - 2]))
            && ws.get(i + 1).is_some_and(|_| cap(i + 1))
    };
    let mut i = 0;
    while i < ws.len() {
        if title_of(i) {
            i += 1;
        }
        let w = low(masked, ws[i]);
        // The object of a preposition ("in an interview with Channel
        // Nine, Ham said") is not who speaks.
        // "According to X" names a source, though.
        let object = i > 0
            && PREPOSITIONS.contains(&low(masked, ws[i - 1]).as_str())
            && !between(masked, ws[i - 1].end, ws[i].start).contains(',')
            && !(i > 1 && low(masked, ws[i - 2]) == "according");
        let single = ws.get(i + 1).is_none_or(|_| !cap(i + 1));
        // A capitalised conjunction or gerund opening a clause ("Once in
        // my twenties…", "Shifting winds…") is no name.
        let function = single
            && (CLAUSE_WORDS.contains(&w.as_str()) || w.ends_with("ing") || is_number_word(&w));
        if cap(i) && !NOT_NAME.contains(&w.as_str()) && !VERB_RE.is_match(&w) {
            let mut j = i;
            while j + 1 < ws.len()
                && between(masked, ws[j].end, ws[j + 1].start)
                    .trim_matches(is_space)
                    .is_empty()
                && cap(j + 1)
            {
                j += 1;
            }
            if object || function {
                i = j + 1;
                continue;
            }
            let run = ws[i].join(ws[j]);
            let s = at(masked, run);
            let bare = s.trim_end_matches(['\'', '’', 's']);
            if bare.chars().count() > 1 && !bare.chars().all(|c| c.is_uppercase() || c == '.') {
                let name = s
                    .strip_suffix("’s")
                    .or_else(|| s.strip_suffix("'s"))
                    .unwrap_or(s);
                out.push(Span::new(run.start, run.start + name.len()));
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// "Twenty-two", "Three", "Hundreds": a number opening a sentence.
fn is_number_word(w: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "dozen",
        "dozens",
    ];
    w.split('-').all(|p| NUMBERS.contains(&p))
}

/// What `resolve` is given for an epithet speaker instead of a pronoun.
pub(super) const EPITHET: &str = "epithet";

/// Demonyms news writing uses for a person named before ("the Spaniard
/// said").
const DEMONYMS: &[&str] = &[
    "spaniard",
    "frenchman",
    "frenchwoman",
    "englishman",
    "englishwoman",
    "scotsman",
    "scotswoman",
    "irishman",
    "irishwoman",
    "welshman",
    "welshwoman",
    "dutchman",
    "dutchwoman",
    "german",
    "italian",
    "brazilian",
    "argentine",
    "argentinian",
    "portuguese",
    "belgian",
    "swede",
    "dane",
    "norwegian",
    "finn",
    "pole",
    "croatian",
    "serbian",
    "russian",
    "ukrainian",
    "american",
    "canadian",
    "australian",
    "new zealander",
    "mexican",
    "colombian",
    "nigerian",
    "ghanaian",
    "senegalese",
    "egyptian",
    "moroccan",
    "japanese",
    "chinese",
    "korean",
    "indian",
    "pakistani",
    "israeli",
    "iranian",
    "turk",
    "greek",
    "austrian",
    "scot",
    "kenyan",
    "ethiopian",
    "jamaican",
    "chilean",
    "uruguayan",
    "peruvian",
    "venezuelan",
    "cuban",
];

/// Whether a speaker phrase is an epithet for a person named before: "the
/// 23-year-old", "the Spaniard".
pub(super) fn is_epithet(s: &str) -> bool {
    let l = lower(s);
    let Some(rest) = l.strip_prefix("the ") else {
        return false;
    };
    let age = rest
        .strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()));
    age || DEMONYMS.contains(&rest)
}

/// The subject form of an object pronoun a report quotes: "quoted him as
/// saying" is what "he" said.
pub(super) fn subject_form(s: &str) -> Option<&'static str> {
    match lower(s).as_str() {
        "him" => Some("he"),
        "her" => Some("she"),
        "them" => Some("they"),
        _ => None,
    }
}

pub(super) fn is_pronoun(s: &str) -> bool {
    PRONOUNS.contains(&lower(s).as_str())
}

/// The person a pronoun speaker most likely refers to, with how much that
/// reading is worth: a name earlier in the same sentence most, one in the
/// two sentences before less the further back, the last speaker named
/// least. For "he" or "she" the name must be a person's (see
/// `is_person_name`): "Ultimately," opening a sentence, "Michigan" or "the
/// Commission" is no one a pronoun stands for.
pub(super) fn resolve(
    masked: &str,
    text: &str,
    sstart: usize,
    qstart: usize,
    last_named: Option<&str>,
    pronoun: &str,
) -> Option<(String, f32)> {
    // "I said" in the narration is the writer, whom no name in the text
    // stands for; nor does one stand for "we", the writer and others.
    if matches!(pronoun, "i" | "we") {
        return None;
    }
    // An epithet ("the Spaniard") stands for a person, like "he" or "she".
    let person = matches!(pronoun, "he" | "she" | EPITHET);
    let pick = |within: Span, strict: bool| {
        // A name in a relative clause ("The actress, who has played Tina
        // Molloy since 2013, broke the news") is never the one a later
        // pronoun stands for: the clause describes someone else.
        let names: Vec<Span> = (names_in(masked, within).into_iter())
            .filter(|&n| !in_relative_clause(masked, within, n))
            .collect();
        // "Prosecutors say Ashdown answered …": a subject its verb makes
        // plural is no "he" or "she".
        let fits = |n: Span| {
            !person
                || is_person_name(masked, n)
                || (!strict && is_subject(masked, n) && !plural_subject(masked, n))
        };
        // A clause opening the sentence before its comma ("While Obama had
        // …, that concerns Henry Crespo") is background: the main clause
        // names who the sentence is about.
        let background = leading_clause_end(masked, within);
        // The person the noun phrase is about, not its modifier, unless
        // there is no other.
        (names.iter().copied())
            .find(|&n| n.start >= background && fits(n) && !modifies_name(masked, n))
            .or_else(|| (names.iter().copied()).find(|&n| fits(n) && !modifies_name(masked, n)))
            .or_else(|| names.iter().copied().find(|&n| fits(n)))
    };
    // Same sentence before the quote, then previous sentences.
    if let Some(n) = pick(Span::new(sstart, qstart), false) {
        return Some((squash(n.slice(text)), 0.9));
    }
    let lo = ceil_char(masked, sstart.saturating_sub(RESOLVE_WINDOW)).min(sstart);
    let mut end = sstart;
    // Two sentences back at most: further, a name is a guess. A sentence
    // whose only person is the same pronoun ("Harsh? He doesn't think
    // so. '…,' he said.") carries the reference on and is not counted.
    let mut back = 0u8;
    for _ in 0..6 {
        // Back over the spaces (or the paragraph break) between sentences.
        end = masked[..end].trim_end_matches(is_space).len();
        if end <= lo || back >= 2 {
            break;
        }
        let s = sentence_start(masked, lo, end.saturating_sub(1));
        // A sentence whose subject is the same pronoun ("She says Trump's
        // tweets accusing Alicia Machado …") names others beside her.
        let same_subject = person
            && between(masked, s, end)
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .is_some_and(|w| w.eq_ignore_ascii_case(pronoun));
        // "Crews will not go up until the wind drops, she said.": in a
        // sentence the same pronoun speaks in, only a person's name is
        // who it stands for, not the subject of what she reports.
        let same_speaker = person && says(between(masked, s, end), pronoun);
        if same_subject {
            end = s;
            continue;
        }
        if let Some(n) = pick(Span::new(s, end), same_speaker) {
            return Some((squash(n.slice(text)), 0.7 - 0.2 * f32::from(back)));
        }
        // "A spokesperson for the show confirmed the news. “…,” they
        // said.": a person the sentence describes without naming.
        if let Some(d) = described_person(masked, Span::new(s, end)) {
            return Some((squash(d.slice(text)), 0.6 - 0.2 * f32::from(back)));
        }
        if !(person && pronoun_in(&masked[s..end], pronoun)) {
            back += 1;
        }
        end = s;
    }
    last_named.map(|n| (n.to_string(), 0.45))
}

/// Whether `pronoun` says something in `sentence`: it is followed by a
/// speech verb ("she said", "he added").
fn says(sentence: &str, pronoun: &str) -> bool {
    let ws: Vec<&str> = (sentence.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    ws.windows(2)
        .any(|p| p[0].eq_ignore_ascii_case(pronoun) && VERB_RE.is_match(&lower(p[1])))
}

/// Where a subordinate clause opening the sentence in `within` ends (its
/// comma), or the sentence's start when it opens with its main clause.
fn leading_clause_end(masked: &str, within: Span) -> usize {
    let ws = words(masked, within);
    let Some(&w0) = ws.first() else {
        return within.start;
    };
    if !SUBORDINATORS.contains(&low(masked, w0).as_str()) {
        return within.start;
    }
    between(masked, w0.end, within.end)
        .find(',')
        .map_or(within.start, |i| w0.end + i)
}

/// Whether the name at `n` stands in a relative clause between commas
/// opened before it in `within` (", who has played Tina Molloy"), one that
/// describes a person: ", which is something that concerns Henry Crespo"
/// says something of the whole sentence, and may name its subject.
fn in_relative_clause(masked: &str, within: Span, n: Span) -> bool {
    let before = between(masked, within.start, n.start);
    let open = ["who", "whose", "whom"]
        .iter()
        .filter_map(|r| before.rfind(&format!(", {r} ")))
        .max();
    open.is_some_and(|i| !before[i + 1..].contains([',', ';', ':']))
}

/// Conjunctions that open a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "while", "although", "though", "because", "after", "before", "when", "since", "as", "if",
    "unless", "whereas", "once",
];

/// Nouns for a person described without a name.
const PERSON_NOUNS: &[&str] = &[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "representative",
    "official",
    "source",
    "aide",
    "lawyer",
    "attorney",
    "employee",
    "worker",
    "staffer",
    "insider",
    "member",
    "resident",
    "witness",
];

/// The person the sentence `s` opens with when it describes them without a
/// name: "A spokesperson for the show", "The bank's lawyer", "An aide to
/// the Mayor of Linwood".
fn described_person(masked: &str, s: Span) -> Option<Span> {
    let ws = words(masked, s);
    let w0 = *ws.first()?;
    if !matches!(at(masked, w0), "A" | "An" | "The")
        || !between(masked, s.start, w0.start)
            .trim_matches(is_space)
            .is_empty()
    {
        return None;
    }
    // Each word follows the one before with a space only.
    let joined = |i: usize| between(masked, ws[i - 1].end, ws[i].start) == " ";
    let head = (1..ws.len().min(4))
        .take_while(|&i| joined(i))
        .find(|&i| PERSON_NOUNS.contains(&low(masked, ws[i]).as_str()))?;
    let mut last = head;
    // "for the show", "close to the star", "of the Ostravian Foreign
    // Ministry": what or whom they belong to.
    let mut i = head + 1;
    if i + 1 < ws.len() && low(masked, ws[i]) == "close" && low(masked, ws[i + 1]) == "to" {
        i += 1;
    }
    if i < ws.len()
        && joined(i)
        && matches!(
            low(masked, ws[i]).as_str(),
            "for" | "of" | "at" | "from" | "to"
        )
    {
        let mut k = i + 1;
        if k < ws.len() && low(masked, ws[k]) == "the" && joined(k) {
            k += 1;
        }
        if k < ws.len() && joined(k) {
            last = k;
            while last + 1 < ws.len() && joined(last + 1) && is_cap(at(masked, ws[last + 1])) {
                last += 1;
            }
        }
    }
    Some(w0.join(ws[last]))
}

/// Whether the name at `n` modifies another: a body before a title and a
/// name ("Festival director Hugo Penn", "Kremlin spokesman Dmitry Peskov"),
/// not a subject before its verb ("Fowler said he expects Clinton").
fn modifies_name(masked: &str, n: Span) -> bool {
    let rest = &masked[n.end..];
    // A possessor: "Pike's campaign manager, Jerome Stiles".
    if rest.starts_with("'s ") || rest.starts_with("’s ") {
        return true;
    }
    if !rest.starts_with(' ') {
        return false;
    }
    let title_word = |w: &str| {
        !VERB_RE.is_match(w)
            && !CLAUSE_WORDS.contains(&w)
            && !PRONOUNS.contains(&w)
            && !NAME_STOP.contains(&w)
            && !DETERMINERS.contains(&w)
            && !matches!(w, "of" | "for" | "with")
            && !w.ends_with("ed")
            && !w.ends_with("ing")
            && (!w.ends_with('s') || w.ends_with("ss"))
    };
    // One or two title words, then the name.
    for (title, w) in rest[1..].split(' ').take(3).enumerate() {
        if w.starts_with(char::is_uppercase) {
            return title > 0;
        }
        if !w.chars().all(char::is_lowercase) || !title_word(w) {
            return false;
        }
    }
    false
}

/// Whether `sentence` has "he" or "she" (`pronoun`) in any of its forms.
fn pronoun_in(sentence: &str, pronoun: &str) -> bool {
    let forms: &[&str] = match pronoun {
        "he" => &["he", "him", "his", "himself"],
        "she" => &["she", "her", "hers", "herself"],
        _ => &[],
    };
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| forms.iter().any(|f| w.eq_ignore_ascii_case(f)))
}

/// Whether the name at `n`, one word, is the subject of the verb right
/// after it ("McLenney said", "Wines believes", "Fowler argued"): a
/// person's name the article may not have given in full, unless the word
/// is an organisation's ("Party was…") or a country's ("Iran has…").
fn is_subject(masked: &str, n: Span) -> bool {
    let name = n.slice(masked);
    if name.contains(is_space)
        || crate::aliases::general_kind(name)
            .is_some_and(|k| k != EntryKind::Actor(crate::model::ActorKind::Person))
        || crate::actors::find_names(name)
            .iter()
            .any(|m| m.kind == Some(crate::model::ActorKind::Organization))
    {
        return false;
    }
    let w = next_word(masked, n);
    masked[n.end..].starts_with(is_space)
        && w.chars().next().is_some_and(char::is_lowercase)
        && (VERB_RE.is_match(w)
            || AUXILIARIES.contains(&w)
            || (w.len() > 4 && w.ends_with("ed"))
            || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")))
}

/// The word after the name at `n`, without the punctuation after it.
fn next_word(masked: &str, n: Span) -> &str {
    masked[n.end..]
        .split(is_space)
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// Whether the verb after the name at `n` is one a plural subject takes:
/// "Prosecutors say", "Officials have".
fn plural_subject(masked: &str, n: Span) -> bool {
    matches!(
        next_word(masked, n),
        "say"
            | "have"
            | "are"
            | "were"
            | "allege"
            | "claim"
            | "argue"
            | "believe"
            | "want"
            | "do"
            | "tell"
            | "contend"
            | "insist"
    )
}

/// Verbs a subject's name is often followed by ("Ham was blunt").
const AUXILIARIES: &[&str] = &[
    "is", "was", "has", "had", "does", "did", "will", "would", "can", "could", "may", "might",
    "must", "should",
];

/// How far back a surname is looked for the full name that introduced it.
const INTRODUCED_WINDOW: usize = 20_000;

/// Whether the name at `n` is a person's: the name finder reads it (with
/// the words just before it, for a title or a role such as "former
/// president") as a person, or its last word is the surname of a person
/// named in full earlier in the article ("Keith Lamont Scott" … "Scott").
pub(super) fn is_person_name(masked: &str, n: Span) -> bool {
    // "Mr Kerrigan", "Dr. Amsel": an honorific names a person.
    let first = n.slice(masked).split(is_space).next().unwrap_or("");
    if n.slice(masked).contains(is_space) && crate::actors::is_honorific(first) {
        return true;
    }
    let last = n
        .slice(masked)
        .rsplit(is_space)
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    if last.is_empty() {
        return false;
    }
    let is_person = |m: &crate::actors::NameMention, full: bool| {
        m.kind == Some(crate::model::ActorKind::Person)
            && m.name.rsplit(' ').next() == Some(last)
            && (!full || m.name.contains(' '))
    };
    let around = |end: usize| {
        let start = floor_char(masked, end.saturating_sub(60));
        crate::actors::find_names(&masked[start..end])
    };
    if around(n.end).iter().any(|m| is_person(m, false)) {
        return true;
    }
    let lo = floor_char(masked, n.start.saturating_sub(INTRODUCED_WINDOW));
    masked[lo..n.start].match_indices(last).any(|(i, _)| {
        let end = lo + i + last.len();
        let bounded = !masked[end..].starts_with(|c: char| c.is_alphanumeric());
        bounded && around(end).iter().any(|m| is_person(m, true))
    })
}
