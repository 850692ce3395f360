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
    let mut out: Vec<Option<(usize, &str)>> = Vec::new();
    for (start, raw) in split_ws(s) {
        // A nickname quoted inside a name ("Marcia “Cia” Price") is left
        // out, so the name runs on.
        if is_nickname(raw) && matches!(out.last(), Some(Some((_, w))) if is_cap(w)) {
            continue;
        }
        let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let core =
            raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != '’');
        let core = core.trim_start_matches(['.', '\'', '’']);
        // Closing quotes, doubled as some papers write them ("Smith.''").
        let core = core.trim_end_matches(['\'', '’']);
        let core = core
            .strip_suffix("'s")
            .or_else(|| core.strip_suffix("’s"))
            .unwrap_or(core);
        let core = core.trim_end_matches(['!', '?']);
        let keep_dot = in_set(&TITLES_SET, core) || core.len() <= 2 || is_initialism(core);
        let core = if keep_dot {
            core
        } else {
            core.trim_end_matches('.')
        };
        // Markup left in scraped text ("True.\">Sanders") is no word.
        if core.contains(['<', '>', '"', '“', '”', '=']) {
            out.push(None);
            continue;
        }
        if lead > 0 {
            out.push(None);
        }
        if !core.is_empty() {
            out.push(Some((start + lead, core)));
        }
        if core.len() + lead < raw.len()
            && raw.ends_with([',', ';', ':', '"', '”', ')', '!', '?', '—', '–', '\'', '’'])
            || (raw.ends_with('.') && !keep_dot)
            || raw.contains(['\'', '’']) && (raw.ends_with("'s") || raw.ends_with("’s"))
        {
            out.push(None);
        }
    }
    out
}

/// A quoted capitalised word: "“Cia”" in "Marcia “Cia” Price".
fn is_nickname(raw: &str) -> bool {
    let inner = raw.trim_matches(|c: char| !c.is_alphanumeric());
    raw.starts_with(['"', '“', '‘'])
        && raw.ends_with(['"', '”', '’'])
        && inner.len() >= 2
        && inner.chars().all(char::is_alphabetic)
        && is_cap(inner)
}

/// `s` without the nicknames quoted inside names, as the name finder reads
/// it: "Del. Marcia “Cia” Price" → "Del. Marcia Price".
pub fn without_nicknames(s: &str) -> std::borrow::Cow<'_, str> {
    let ws: Vec<&str> = s.split(' ').collect();
    let drop = |k: usize| {
        k > 0
            && is_nickname(ws[k])
            && is_cap(ws[k - 1].trim_start_matches(|c: char| !c.is_alphanumeric()))
    };
    if !(0..ws.len()).any(drop) {
        return std::borrow::Cow::Borrowed(s);
    }
    let kept: Vec<&str> = (0..ws.len()).filter(|&k| !drop(k)).map(|k| ws[k]).collect();
    std::borrow::Cow::Owned(kept.join(" "))
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
    let sentence = after_heading(sentence);
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
        let cap_at = |k: usize| matches!(toks.get(k), Some(Some((_, n))) if is_cap(n));
        while j < toks.len() {
            match toks[j] {
                Some((_, t)) if is_cap(t) => run.push(t),
                Some((_, t)) if in_set(&CONNECTORS_SET, t) && cap_at(j + 1) => run.push(t),
                // "Speaker of the House", "Department of the Treasury".
                Some((_, "of"))
                    if matches!(toks.get(j + 1), Some(Some((_, "the")))) && cap_at(j + 2) =>
                {
                    run.extend(["of", "the"]);
                    j += 1;
                }
                _ => break,
            }
            j += 1;
        }
        // Small words capitalised inside a run are a headline's or a
        // caption's ("Trump Posts On X"), not a name's. A party and a
        // district in brackets ("(D-Newport News)") are no one's name.
        let party = |w: &str| w.len() > 2 && matches!(&w.as_bytes()[..2], b"D-" | b"R-" | b"I-");
        if run[1..].iter().any(|w| in_set(&HEADLINE_WORDS_SET, w)) || party(run[0]) {
            i = j;
            continue;
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

/// The sentence after a run-in heading: title-case words before a colon
/// with a small word in lower case among them ("Rights Trumped by Interests:
/// The council…"), which is a headline, not a sentence naming anyone. A
/// speaker's label ("Prime Minister Jane Doe:") has no such word.
fn after_heading(sentence: &str) -> &str {
    let Some(colon) = sentence.find(':') else {
        return sentence;
    };
    let words: Vec<&str> = (sentence[..colon].split_whitespace())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let small = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "by"
                | "in"
                | "on"
                | "for"
                | "and"
                | "or"
                | "to"
                | "at"
                | "with"
                | "from"
                | "vs"
                | "as"
        )
    };
    let heading = words.len() >= 4
        && words.iter().any(|w| small(w))
        && (words.iter()).all(|w| is_cap(w) || small(w) || matches!(*w, "of" | "the"));
    if heading {
        &sentence[colon + 1..]
    } else {
        sentence
    }
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
    let is_title = |w: &str| in_set(&TITLES_SET, w) || in_set(&DESCRIPTOR_ROLES_SET, w);
    let honorific = super::is_honorific;
    // A title that is also a surname, ending the run after a name or an
    // honorific, is the surname: "Charlie King", "Martin Luther King", "Mr.
    // King"; "Foreign Minister" stays a title.
    let last_is_name = run.len() >= 2
        && matches!(
            run[run.len() - 1],
            "King" | "Prince" | "Bishop" | "Judge" | "Cardinal" | "Pope" | "Sheriff" | "Marshal"
        )
        && (!is_title(run[run.len() - 2]) || honorific(run[run.len() - 2]));
    let has_title = words.iter().any(|w| is_title(w));
    let droppable = |w: &str| {
        (in_set(&NOT_NAMES_SET, w) && !(has_title && in_set(&DEMONYMS_SET, w)))
            || in_set(&CONNECTORS_SET, w)
            || in_set(&DESCRIPTORS_SET, w)
            || w == "the"
    };
    while words.first().is_some_and(|w| droppable(w)) {
        words.remove(0);
    }
    while words
        .last()
        .is_some_and(|w| in_set(&NOT_NAMES_SET, w) || in_set(&CONNECTORS_SET, w) || *w == "the")
    {
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    // The title is everything up to the last title word (and its "of X",
    // "of the X").
    let scanned = if last_is_name {
        words.len() - 1
    } else {
        words.len()
    };
    let mut name_from = 0;
    for (k, w) in words.iter().enumerate().take(scanned) {
        if is_title(w) {
            name_from = k + 1;
            if words.get(k + 1) == Some(&"of") {
                let the = usize::from(words.get(k + 2) == Some(&"the"));
                name_from = (k + 3 + the).min(words.len());
            }
        }
    }
    let (mut role_words, mut name_words) = words.split_at(name_from);
    if name_words.is_empty() {
        return None;
    }
    // "Justice Department", "General Assembly": a title word before one
    // organisation word is part of the organisation's name.
    if name_words.len() == 1 && in_set(&ORG_WORDS_SET, name_words[0]) {
        (role_words, name_words) = words.split_at(0);
    }
    let title_only = role_words.iter().all(|w| honorific(w));
    let mut role = if role_words.is_empty() || title_only {
        lower_role
    } else {
        Some(role_words.join(" "))
    };
    // "John Smith of Ohio", "Ann Lee of the Daily Planet": the person,
    // with where they are from as part of the role.
    if let Some(of) = name_words.iter().position(|w| *w == "of")
        && (usize::from(role_words.is_empty()) + 1..=4).contains(&of)
        && person_like(&name_words[..of])
    {
        let tail: Vec<&str> = (name_words[of + 1..].iter().copied())
            .filter(|w| *w != "the")
            .collect();
        if !tail.is_empty() {
            let tail = tail.join(" ");
            role = Some(match role {
                Some(r) => format!("{r} of {tail}"),
                None => tail,
            });
        }
        name_words = &name_words[..of];
    }
    let name = name_words.join(" ");
    let kind = if name_words.iter().any(|w| in_set(&ORG_WORDS_SET, w))
        || name_words.len() == 1 && is_acronym(&name)
    {
        Some(ActorKind::Organization)
    } else if (name_words.len() >= 2 && name_words.len() <= 4 && person_like(name_words))
        || (!role_words.is_empty() && name_words.len() == 1)
    {
        Some(ActorKind::Person)
    } else {
        None
    };
    Some(NameMention { name, role, kind })
}

/// Whether capitalised words can be a person's name: none of them a place's,
/// a thing's or an organisation's word, and not the start of a place name
/// ("New York"). "Bill" first is a first name, not a law.
fn person_like(words: &[&str]) -> bool {
    !words.first().is_some_and(|w| in_set(&PLACE_FIRST_SET, w))
        && words.iter().enumerate().all(|(k, w)| {
            // "Vann R. Newkirk II": a generation after the surname.
            let generation = k + 1 == words.len() && k >= 2 && matches!(*w, "II" | "III" | "IV");
            !((in_set(&NOT_PERSON_WORDS_SET, w) && !(k == 0 && *w == "Bill"))
                || in_set(&NOT_NAMES_SET, w)
                || in_set(&ORG_WORDS_SET, w)
                || (is_acronym(w) && !generation)
                || *w == "of"
                || *w == "the")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        find_names(s).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn a_title_word_ending_a_name_is_its_surname() {
        assert_eq!(names("said Charlie King, a Democrat."), ["Charlie King"]);
        assert_eq!(names("Martin Luther King spoke."), ["Martin Luther King"]);
        assert_eq!(names("Then Mr. Trump left."), ["Trump"]);
        assert_eq!(names("Then Mr. King left."), ["King"]);
        // Titles alone name nobody.
        assert!(names("The Deputy Director left.").is_empty());
        assert!(names("The Foreign Minister left.").is_empty());
    }

    fn people(s: &str) -> Vec<(String, Option<String>)> {
        (find_names(s).into_iter())
            .filter(|m| m.kind == Some(ActorKind::Person))
            .map(|m| (m.name, m.role))
            .collect()
    }

    #[test]
    fn a_headline_run_is_no_name() {
        assert!(names("Watch: Mayor Posts On Social Media Again").is_empty());
        assert_eq!(names("Lena Oduya posted on Tuesday."), ["Lena Oduya"]);
    }

    #[test]
    fn a_run_in_heading_names_no_one() {
        let n =
            names("Harbour Rights Trumped by Shipping Interests: The Port Board met Lena Oduya.");
        assert_eq!(n, ["Port Board", "Lena Oduya"]);
        // A speaker's label is kept.
        assert_eq!(
            people("Prime Minister Lena Oduya: we will reopen."),
            [("Lena Oduya".to_string(), Some("Prime Minister".to_string()))]
        );
    }

    #[test]
    fn epithets_are_dropped_and_descriptors_become_roles() {
        assert_eq!(
            people("Crooked Lena Oduya lied."),
            [("Lena Oduya".into(), None)]
        );
        assert_eq!(
            people("Libertarian Omar Brandt spoke."),
            [("Omar Brandt".into(), Some("Libertarian".into()))]
        );
    }

    #[test]
    fn a_title_of_the_house_is_the_role() {
        assert_eq!(
            people("Then Speaker of the Assembly Omar Brandt spoke."),
            [("Omar Brandt".into(), Some("Speaker of the Assembly".into()))]
        );
    }

    #[test]
    fn a_person_of_a_place_or_an_outlet_is_the_person() {
        assert_eq!(
            people("Senator Omar Brandt of Utah spoke."),
            [("Omar Brandt".into(), Some("Senator of Utah".into()))]
        );
        assert_eq!(
            people("Lena Oduya of the Daily Planet asked."),
            [("Lena Oduya".into(), Some("Daily Planet".into()))]
        );
        // An organisation of a place stays one name.
        assert_eq!(names("The Bank of Utah"), ["Bank of Utah"]);
    }

    #[test]
    fn place_names_are_not_people_and_bill_is_a_first_name() {
        assert!(people("Crowds in New Harbor cheered.").is_empty());
        assert!(people("He flew to Fort Kellan.").is_empty());
        assert_eq!(people("Bill Oduya spoke."), [("Bill Oduya".into(), None)]);
    }

    #[test]
    fn doubled_closing_quotes_are_not_part_of_a_name() {
        assert_eq!(
            names("''We will win,'' said Lena Oduya.'' Then more."),
            ["Lena Oduya"]
        );
    }

    #[test]
    fn a_title_before_one_organisation_word_is_its_name() {
        let n = find_names("The Justice Department declined.");
        assert_eq!(n[0].name, "Justice Department");
        assert_eq!(n[0].role, None);
        assert_eq!(n[0].kind, Some(ActorKind::Organization));
    }

    #[test]
    fn a_generation_ends_a_persons_name() {
        assert_eq!(
            people("Omar Brandt III, a writer, posted."),
            [("Omar Brandt III".into(), None)]
        );
    }

    #[test]
    fn a_party_bracket_and_markup_are_no_names() {
        assert_eq!(
            names("Del. Lena Oduya (D-Newport News) spoke."),
            ["Lena Oduya"]
        );
        assert_eq!(names("Del. Lena “Lee” Oduya spoke."), ["Lena Oduya"]);
        let n = names("rated it Mostly True.\">Brandt");
        assert!(n.iter().all(|n| !n.contains(['"', '>'])), "{n:?}");
    }
}
