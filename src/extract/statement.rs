//! What makes a clause a statement: words that say something, a verb to
//! say it with. Captions, credits, signatures, section labels, link labels
//! and fragments split from their sentence are not events.

use std::borrow::Cow;

/// Short words that carry no statement of their own.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "as", "into", "than", "via", "per", "vs",
];

/// Whether `w` (lower case) is a function word.
pub(super) fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w)
}

/// Auxiliaries, modals and the commonest verbs whose forms no suffix shows.
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does",
    "did", "can", "could", "will", "would", "shall", "should", "may", "might", "must", "cannot",
    "said", "says", "say", "told", "tells", "made", "makes", "took", "takes", "taken", "came",
    "comes", "went", "goes", "gone", "got", "gets", "gave", "gives", "given", "saw", "sees", "seen",
    "knew", "knows", "known", "thought", "thinks", "found", "finds", "left", "leaves", "felt",
    "feels", "kept", "keeps", "held", "holds", "brought", "began", "begun", "begins", "ran",
    "runs", "met", "meets", "lost", "loses", "paid", "pays", "sent", "sends", "built", "spent",
    "stood", "sat", "led", "leads", "fell", "falls", "fallen", "rose", "rises", "risen", "won",
    "wins", "hit", "put", "set", "cut", "let", "quit", "read", "wrote", "written", "writes",
    "spoke", "spoken", "speaks", "chose", "chosen", "drove", "driven", "flew", "flown", "grew",
    "grown", "broke", "broken", "sold", "sells", "bought", "buys", "caught", "fought", "taught",
    "sought", "meant", "means", "heard", "hears", "became", "becomes", "shot", "struck", "hung",
    "lay", "laid", "lies", "lied", "dies", "tried", "tries", "wants", "needs", "seems", "looks",
    "agrees", "remains", "belongs", "happens", "works", "plans", "calls", "shows", "shown",
    "forgot", "forgave", "forbade", "bore", "wore", "swore", "tore", "threw", "thrown", "drew",
    "drawn", "withdrew", "rode", "rang", "sang", "sank", "swam", "stole", "froze", "woke",
];

/// Pronouns and the like that a verb is read after ("that worries", "he needs").
#[rustfmt::skip]
const SUBJECTS: &[&str] = &[
    "i", "you", "he", "she", "it", "we", "they", "that", "this", "who", "which", "what", "there",
    "one", "nobody", "everyone", "someone", "each",
];

/// Lowercase words that end like a past tense and are none.
#[rustfmt::skip]
const NOT_PAST: &[&str] = &[
    "red", "bed", "shed", "hundred", "seed", "speed", "feed", "breed", "greed", "creed", "deed",
    "need", "indeed", "bred", "wed", "fed", "led", "sled", "bled", "fled",
];

/// Words that open a label for a link or a button, not a statement.
const LINK_LABELS: &[&str] = &[
    "read",
    "click",
    "tap",
    "subscribe",
    "sign",
    "follow",
    "share",
    "watch",
    "listen",
    "download",
];

/// The words of `text`: letters and digits, marks around them dropped,
/// `<…>` markup left out.
fn words(text: &str) -> Vec<String> {
    without_tags(text)
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .replace('’', "'")
        })
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect()
}

/// Whether a clause says something: a caption ("Getty/Instagram."), a
/// credit or signature ("Chris Smith.", "Henderson, Nev."), a section label
/// ("FULL TEXT."), a link label ("Read the rest here."), a handle, a rule
/// ("___.") or a fragment ("and 2012.", "Limbaugh added:") is not an event.
/// A short clause needs a word that is neither a name nor a function word,
/// as a predicate is; a long one is taken as it stands.
pub(super) fn is_statement(text: &str) -> bool {
    let words = words(text);
    if words.len() < 2 {
        return false;
    }
    if words.len() > 5 {
        return true;
    }
    // A lead-in to a quotation ("Caddell continued:") says nothing yet.
    if words.len() <= 4 && text.trim_end().ends_with(':') {
        return false;
    }
    if words.len() <= 5 && LINK_LABELS.contains(&words[0].to_lowercase().as_str()) {
        return false;
    }
    words.iter().any(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && w.chars().count() >= 2
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
            && !FUNCTION_WORDS.contains(&w.as_str())
    })
}

/// Whether a sentence stops in the middle, as a teaser cut for a "show
/// more" button does ("… operatives from Iran's Ministry of"): no
/// punctuation closes it and its last word is one no sentence ends on (an
/// article, a conjunction, "of"; a preposition may end a question: "what
/// are you looking at").
pub(super) fn is_cut_off(text: &str) -> bool {
    const NEVER_LAST: &[&str] = &["a", "an", "the", "and", "or", "but", "of", "than", "via"];
    let t = text.trim_end();
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    !last.is_empty()
        && last.chars().all(char::is_alphabetic)
        && NEVER_LAST.contains(&last.to_lowercase().as_str())
        && words(t).len() > 1
}

/// Whether a piece of a sentence has a verb of its own, and so can stand as
/// a clause: an auxiliary or a contraction ("didn't", "it's"), a common
/// verb form, a past tense in "-ed", or an "-s" form after a subject ("he
/// needs"). "to 2010.", "and 2012.", "of last week's shooting" and "levels
/// by 2050" have none; they belong to the clause beside them.
pub(super) fn has_verb(text: &str) -> bool {
    let words = words(text);
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    lower.iter().enumerate().any(|(i, w)| {
        let lowercase = words[i].chars().next().is_some_and(char::is_lowercase);
        if VERBS.contains(&w.as_str()) || w.ends_with("n't") {
            return true;
        }
        if let Some((head, tail)) = w.split_once('\'') {
            // "it's", "they're", "we've", "I'll", "she'd", "I'm"; not "Monday's".
            return matches!(tail, "re" | "ve" | "ll" | "d" | "m")
                || (tail == "s" && SUBJECTS.contains(&head));
        }
        if !lowercase {
            return false;
        }
        if w.len() >= 4 && w.ends_with("ed") && !NOT_PAST.contains(&w.as_str()) {
            return true;
        }
        // "that worries", "he needs", "Trump wants": an -s form after a subject.
        w.len() >= 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && i > 0
            && (SUBJECTS.contains(&lower[i - 1].as_str())
                || words[i - 1].chars().next().is_some_and(char::is_uppercase))
    })
}

/// `text` with every `<…>` tag removed (a lone `<` is kept).
fn without_tags(text: &str) -> Cow<'_, str> {
    if !text.contains('<') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The number of words in `text`, as [`is_statement`] counts them
/// (without copying them: every clause is counted).
pub(super) fn word_count(text: &str) -> usize {
    let text = without_tags(text);
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_that_stops_on_a_function_word_is_cut_off() {
        assert!(is_cut_off("operatives from Iran's Ministry of"));
        assert!(is_cut_off("He said the talks would resume in the"));
        assert!(!is_cut_off("The talks resumed on Monday."));
        assert!(!is_cut_off("What are you looking at"));
        assert!(!is_cut_off("of"), "one word is no sentence");
    }

    #[test]
    fn captions_credits_labels_and_fragments_are_not_statements() {
        for junk in [
            "___.",
            "Getty/Instagram.",
            "ABSTRACT.",
            "FULL TEXT.",
            "and 2012.",
            "to 2010.",
            "Chris Smith.",
            "Henderson, Nev.",
            "Washington, D.C.",
            "@Fred_945.",
            "Limbaugh added:",
            "Source: NATO.",
            "2 p.m.",
            "Joining Forces With China.",
            "Scrutinizing the Science.",
            "<tweet tweet-id=\"783499116076687360\"><tweet/>.",
            "Read the full story here.",
            "Click to see more.",
        ] {
            assert!(!is_statement(junk), "{junk}");
        }
        for real in [
            "He didn't suggest retaliation.",
            "Who cares?",
            "She is right!",
            "Only McAuliffe stayed home.",
            "Trump won.",
            "Turnout was 3 < 4 of last time.",
            "Reports: Iranian Intel Officials Contacted CIA to Stop War; Netanyahu Called Trump",
            "Readers wrote in to complain about the bridge.",
        ] {
            assert!(is_statement(real), "{real}");
        }
    }

    #[test]
    fn a_clause_has_a_verb() {
        for clause in [
            "The mayor resigned",
            "Trump won.",
            "she didn't",
            "it's over",
            "That worries the growers.",
            "but he needs more",
            "that begins next Monday",
            "The council said Friday",
            "Exports rose",
        ] {
            assert!(has_verb(clause), "{clause}");
        }
        for fragment in [
            "to 2010.",
            "and 2012.",
            "and ends in June.",
            "of last week's shooting.",
            "levels by 2050.",
            "until earlier this year,",
            "On Sunday,",
            "between January 1 and September 18.",
            "a hundred miles",
        ] {
            assert!(!has_verb(fragment), "{fragment}");
        }
    }
}
