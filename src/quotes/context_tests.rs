//! Speakers found around a quote rather than in its own clause: a relative
//! clause, a colon, the sentence or paragraph before, and the person a
//! pronoun stands for.

use super::*;

fn speakers(text: &str) -> Vec<Option<String>> {
    find_quotes(text)
        .into_iter()
        .map(|q| q.resolved.or(q.speaker_text))
        .collect()
}

#[test]
fn the_noun_before_a_relative_pronoun_speaks() {
    let t = "Dee Lo recalled her grandfather who wired, \"Come home now, the harvest is in.\"";
    assert_eq!(speakers(t), [Some("her grandfather".into())]);
    let t = "They turned to the Harbour Police Department which reported \"412 thefts in the port this year.\"";
    assert_eq!(speakers(t), [Some("the Harbour Police Department".into())]);
}

#[test]
fn speech_verbs_of_every_register() {
    for (t, who) in [
        (
            "\"Get out of the water now,\" she yells at the swimmers.",
            "she",
        ),
        (
            "\"We lost the whole season to the flood,\" Ana Ruiz lamented.",
            "Ana Ruiz",
        ),
        (
            "\"The price was never the problem,\" Jo Park shot back.",
            "Jo Park",
        ),
        (
            "A voter would now ask: \"Why was the bridge never finished?\"",
            "A voter",
        ),
    ] {
        assert_eq!(speakers(t), [Some(who.into())], "{t}");
    }
}

#[test]
fn a_double_hyphen_ends_the_speaker_phrase() {
    let t = "In calmer times -- with some grounding in history -- a reader would ask: \"Is this normal?\"";
    assert_eq!(speakers(t), [Some("a reader".into())]);
}

#[test]
fn a_colon_hands_over_to_whom_the_statement_is_by() {
    // A surname the article gave in full before, opening the paragraph.
    let t = "Senator Ruth Sanders spoke in May.\n\nOn July 6, Sanders made the following comment:\n\n\
             “For young people out of school, the jobless rate is 33 percent.”";
    assert_eq!(speakers(t), [Some("Sanders".into())]);
    let t = "The bias shows in how the site rated this statement by Jo Park on June 11:\n\n\
             “If you look at the port, half the cranes are idle; half of them.”";
    assert_eq!(speakers(t), [Some("Jo Park".into())]);
    // A thing opening it is not a speaker.
    let t =
        "The report has a line that matters:\n\n“Funding for the port ends in March next year.”";
    assert_eq!(speakers(t), [None]);
}

#[test]
fn a_quote_after_a_sentence_about_a_person_is_theirs_at_low_confidence() {
    let t = "Mayor Ana Ruiz toured the flooded streets on Monday. \"We will rebuild every house on this street.\"";
    let q = &find_quotes(t)[0];
    assert_eq!(q.speaker_text.as_deref(), Some("Mayor Ana Ruiz"));
    assert!(q.speaker_confidence.is_some_and(|c| c < 0.5), "{q:?}");
    // A show named in marks before the name does not hide it.
    let t = "On \"Face the Nation,\" Ruth Sanders named exhaustion with bigotry as a reason. \
             \"Young people are sick and tired of discrimination and racism.\"";
    assert_eq!(speakers(t), [Some("Ruth Sanders".into())]);
    // Not a thing, nor a pronoun with nobody named.
    let t = "The storm hit the coast on Monday. \"We will rebuild every house on this street.\"";
    assert_eq!(speakers(t), [None]);
}

#[test]
fn a_pronoun_passes_over_an_opening_subordinate_clause() {
    let t = "While Obama had a wide array of artists writing songs, that has not happened for her, \
             which concerns Henry Crespo, president of the caucus.\n\n\
             “No one is writing songs for her this year,” he said.\n\n\
             “Right now, the vote is against the other man, not for her.”";
    assert_eq!(
        speakers(t),
        [Some("Henry Crespo".into()), Some("Henry Crespo".into())]
    );
}
