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

#[test]
fn people_described_but_not_named_speak_as_written() {
    for (t, who) in [
        (
            "A source close to the star said: \"She has been thinking about this for months.\"",
            "A source close to the star",
        ),
        (
            "\"We are looking into it,\" people close to the investigation said.",
            "people close to the investigation",
        ),
        (
            "\"The deal is nearly done,\" officials familiar with the talks told reporters.",
            "officials familiar with the talks",
        ),
    ] {
        assert_eq!(speakers(t), [Some(who.into())], "{t}");
    }
}

#[test]
fn a_pronoun_skips_a_name_in_a_relative_clause() {
    let t = "Kerry Ashdown is leaving the show after twelve years.\n\n\
             The actress, 41, who has played barmaid Tina Molloy since 2013, broke the news on Thursday.\n\n\
             She wrote: \"This has been the hardest decision of my life.\"";
    assert_eq!(speakers(t), [Some("Kerry Ashdown".into())]);
}

#[test]
fn a_pronoun_after_an_unnamed_spokesperson_is_that_spokesperson() {
    let t = "Co-star Danny Rourke told The Post: \"I am gutted, she is the best.\"\n\n\
             A spokesperson for the show confirmed the news. \
             \"We can confirm that Kerry will be leaving later this year,\" they said.";
    assert_eq!(
        speakers(t),
        [
            Some("Co-star Danny Rourke".into()),
            Some("A spokesperson for the show".into())
        ]
    );
}

#[test]
fn an_epithet_stands_for_the_person_named_before() {
    let t = "Ashgate captain Luis Moreno, who scored the winner, was more upbeat. \
             \"For us it means everything,\" the Spaniard said.\n\n\
             Kwame Adjei had scored first. \"I thought we were going to do it,\" the 23-year-old said.";
    assert_eq!(
        speakers(t),
        [Some("Luis Moreno".into()), Some("Kwame Adjei".into())]
    );
    // An outlet is no epithet.
    assert!(!pronoun::is_epithet("the Guardian"));
}

#[test]
fn a_pronoun_finds_a_name_after_an_honorific_not_a_description() {
    let t = "A crew member, who asked not to be named, said: ‘We will go round to Penhallow.’\n\n\
             Mr Kerrigan was unmoved. ‘They’ve had their vote,’ he said.";
    assert_eq!(
        speakers(t),
        [Some("A crew member".into()), Some("Mr Kerrigan".into())]
    );
}

#[test]
fn a_pronoun_passes_over_a_possessor_to_the_person() {
    let t = "Marchetti's neighbour, Joaquim Duret, was more stoical. \
             \"We lost the 2019 vintage to frost and we came back,\" he said.";
    assert_eq!(speakers(t), [Some("Joaquim Duret".into())]);
}

#[test]
fn a_sentence_led_by_the_same_pronoun_names_others() {
    let t = "Hillary Clinton is describing a tweet as unhinged.\n\n\
             She says the tweets accusing Alicia Machado are lies.\n\n\
             She tweeted: \"When something gets under his thin skin, he lashes out.\"";
    assert_eq!(speakers(t), [Some("Hillary Clinton".into())]);
}

#[test]
fn a_headline_names_its_speaker_after_a_colon() {
    let t = "“I'm not a politician”: Teodora Vasquez on her run for mayor\n\nShe spoke on Tuesday.";
    assert_eq!(speakers(t), [Some("Teodora Vasquez".into())]);
}

#[test]
fn a_quote_running_on_from_a_split_phrase_keeps_its_speaker() {
    // The next sentence's verb belongs to someone else.
    let t = "Okafor said the vote mattered because “most people never read the bylaws,” \
             she said. “We cannot plan if we do not know the rules.”\n\
             The report, which quotes engineers and planners, among others, explains the delay.";
    assert_eq!(speakers(t), [Some("Okafor".into())]);
}

#[test]
fn a_long_relative_clause_between_a_described_name_and_its_verb() {
    let t = "“Nobody in this town could play a ballad slower,” the drummer Ines Castell, who \
             first heard her at the Blue Room in 1983 and later recorded two albums with \
             her quartet, said on Tuesday.";
    assert_eq!(
        find_quotes(t)[0]
            .speaker_text
            .as_deref()
            .map(|s| s.split(',').next()),
        Some(Some("the drummer Ines Castell"))
    );
}

#[test]
fn an_embedded_post_is_its_credit_lines() {
    let t = "This was posted a few minutes ago:\n\n\
             “Please stay home tonight. Our crews cannot reach you on clogged roads.”\n\
             — Mayor Rosa Delgado (@RosaDelgado) May 3, 2025\n\n\
             “The bridge is closed until morning. Use the ferry road instead.”\n\
             - Check the county site for updates";
    let s = speakers(t);
    assert_eq!(s[0].as_deref(), Some("Mayor Rosa Delgado"));
    // A hyphen opening the next line is a list item, not a credit.
    assert_ne!(s[1].as_deref(), Some("Check the county site for updates"));
}

#[test]
fn a_sentence_the_pronoun_speaks_in_names_only_persons() {
    let t = "“The grid held up,” said Priya Nandakumar, a spokeswoman for the utility. \
             Crews will not go up until the wind drops, she said.\n\n\
             “We know it is frustrating to sit in the dark,” she said.";
    assert_eq!(speakers(t)[1].as_deref(), Some("Priya Nandakumar"));
    // A person named there is still who the pronoun means.
    let t = "The board met on Monday. Mayor Ana Ruiz said the plan was sound, and she \
             urged the council to vote.\n\n\
             “We have waited long enough,” she said.";
    assert_eq!(speakers(t)[0].as_deref(), Some("Mayor Ana Ruiz"));
}

#[test]
fn the_writer_and_a_number_are_no_one_a_pronoun_stands_for() {
    // "I" in the narration is the writer.
    let t = "Lest you think my aunt was cruel, I should say she was kind. Once, I laughed \
             and said, “I do not believe in ghosts.”";
    assert_eq!(speakers(t), [Some("I".into())]);
    // A number opening a sentence is no name.
    let t = "Twenty-two years ago, an article in the local paper praised the mill.\n\n\
             “The mill has never been busier than it is this spring,” it added.";
    assert_eq!(speakers(t), [Some("it".into())]);
}

#[test]
fn a_description_with_a_participle_between_commas_speaks() {
    let t = "“Some ministers wanted to hold the line,” a government spokesman, speaking on \
             condition of anonymity, said.";
    assert_eq!(speakers(t), [Some("a government spokesman".into())]);
}

#[test]
fn who_a_report_quotes_is_the_speaker_not_the_report() {
    let t = "“No decision will be taken before the consultation,” Prime Minister Ilian Voss \
             was quoted by the state news agency as saying.";
    assert_eq!(speakers(t), [Some("Prime Minister Ilian Voss".into())]);
    let t = "The agency quoted Interior Minister Katarina Lenz as saying: “Those who attacked \
             officers will face the law.”";
    assert_eq!(
        speakers(t),
        [Some("Interior Minister Katarina Lenz".into())]
    );
    // "him" is the person named before, not the paper that quotes him.
    let t = "Finance Minister Radomir Chell struck a softer tone. The newspaper Narodni Glas \
             quoted him as saying: “The budget will have to find the money elsewhere.”";
    assert_eq!(speakers(t), [Some("Finance Minister Radomir Chell".into())]);
}

#[test]
fn a_plural_subject_is_no_he() {
    let t = "Corbin Ashdown ran the depot. Prosecutors say Ashdown answered the memo with \
             pressure. \"Tell Dana the files are coming,\" he wrote in a text message.";
    assert_eq!(speakers(t), [Some("Ashdown".into())]);
}

#[test]
fn a_name_line_heads_the_quotes_under_it() {
    let original = "Leaders responded on Sunday to the treaty.\n\n\
                    **Prime Minister Helena Marovic, Estravia**\n\n\
                    “Today our children inherit a river, not a quarrel.”\n\n\
                    “I want to thank the farmers, who waited longest.”";
    // Cleaning blanks the line as a heading and keeps it aside.
    let who = |line: &str| {
        let text = original.replace("**Prime Minister Helena Marovic, Estravia**", line);
        let at = text.find(line).unwrap();
        let heading = (Span::new(at, at + line.len()), line.to_string());
        let clean = text.replace(line, &" ".repeat(line.len()));
        (find_quotes_in(&clean, &[heading]).into_iter())
            .map(|q| q.speaker_text)
            .collect::<Vec<_>>()
    };
    let marovic = Some("Prime Minister Helena Marovic".to_string());
    assert_eq!(
        who("  Prime Minister Helena Marovic, Estravia  "),
        [marovic.clone(), marovic]
    );
    // A heading that names no one heads nothing.
    assert_eq!(who("Reaction in the Region"), [None, None]);
}

#[test]
fn a_sentence_quoted_after_a_colon_is_not_the_next_sentences() {
    let t = "Finance Minister Radomir Chell struck a softer tone. The Courier quoted him as \
             saying: “The budget will find the money.” Councillor Olek Varga was quoted by the \
             Courier as saying, “We will appeal.”";
    assert_eq!(
        speakers(t),
        [
            Some("Finance Minister Radomir Chell".into()),
            Some("Councillor Olek Varga".into())
        ]
    );
}

#[test]
fn a_name_line_with_a_nickname_heads_the_quotes_under_it() {
    let line = "**Mayor Ana “Nan” Ruiz, Carrowmouth**";
    let text = format!(
        "Leaders responded on Sunday.\n\n{}\n\n“Today the quay belongs to the town again.”",
        " ".repeat(line.len())
    );
    let at = "Leaders responded on Sunday.\n\n".len();
    let heading = (Span::new(at, at + line.len()), line.to_string());
    let q = find_quotes_in(&text, &[heading]);
    assert_eq!(q[0].speaker_text.as_deref(), Some("Mayor Ana “Nan” Ruiz"));
}
