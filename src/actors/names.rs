//! Finding the names of people and organisations in a sentence, with the
//! titles before them.

use super::lists::*;
use crate::model::ActorKind;
pub(super) use crate::text::is_cap;

/// A capitalised name found in a sentence, with the title before it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct NameMention {
    pub name: String,
    pub role: Option<String>,
    pub kind: Option<ActorKind>,
}

pub(super) fn is_acronym(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Words with their byte offsets; punctuation that ends a name run (commas,
/// quotes, dashes) becomes a break marked by `None`.
pub(super) fn tokens(s: &str) -> Vec<Option<(usize, &str)>> {
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
        let core = core.trim_end_matches(['!', '?']);
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

pub(super) fn is_initialism(w: &str) -> bool {
    // "U.S.", "C.I.A."
    w.contains('.') && w.split('.').filter(|p| !p.is_empty()).all(|p| p.len() == 1)
}

pub(super) fn split_ws(s: &str) -> impl Iterator<Item = (usize, &str)> {
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
        if !is_cap(w) {
            i += 1;
            continue;
        }
        // A run of capitalised words, with connectors inside.
        let mut run: Vec<&str> = vec![w];
        let mut j = i + 1;
        while j < toks.len() {
            match toks[j] {
                Some((_, t)) if is_cap(t) => run.push(t),
                Some((_, t))
                    if in_set(&CONNECTORS_SET, t)
                        && matches!(toks.get(j + 1), Some(Some((_, n))) if is_cap(n)) =>
                {
                    run.push(t)
                }
                _ => break,
            }
            j += 1;
        }
        // Capitals that end in "!" or "?" are an exclamation ("'Too Late!'"),
        // not a name.
        if let Some(Some((at, last))) = toks.get(j - 1) {
            let after = sentence[at + last.len()..].trim_start_matches(['\'', '’', '"', '”']);
            if after.starts_with(['!', '?']) {
                i = j;
                continue;
            }
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

pub(super) fn is_stopword(w: &str) -> bool {
    matches!(
        w,
        "the" | "and" | "that" | "with" | "from" | "said" | "told" | "former" | "whose"
    )
}

/// Splits a capitalised run into title and name, dropping words that are
/// never part of a name.
pub(super) fn split_run(run: &[&str], lower_role: Option<String>) -> Option<NameMention> {
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
