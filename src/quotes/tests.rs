use super::*;

fn one(text: &str) -> QuoteMention {
    let qs = find_quotes(text);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    qs.into_iter().next().unwrap()
}

#[test]
fn said_after_name() {
    let q = one("\"We will rebuild the bridge by spring,\" said Mayor Ann Lee.");
    assert_eq!(q.text, "We will rebuild the bridge by spring,");
    assert_eq!(q.speaker_text.as_deref(), Some("Mayor Ann Lee"));
    assert_eq!((q.span.start, q.span.end), (0, 39));
}

#[test]
fn name_said_after_quote() {
    let q = one("“The vote is final and it is fair,” Governor Kim said on Monday.");
    assert_eq!(q.speaker_text.as_deref(), Some("Governor Kim"));
}

#[test]
fn appositive_kept() {
    let q =
        one("\"The numbers do not add up at all,\" said Jo Park, a budget analyst at the council.");
    assert_eq!(
        q.speaker_text.as_deref(),
        Some("Jo Park, a budget analyst at the council")
    );
}

#[test]
fn according_to() {
    let q = one("According to Dana Ruiz, \"The plant will close before the winter ends.\"");
    assert_eq!(q.speaker_text.as_deref(), Some("Dana Ruiz"));
}

#[test]
fn split_quote_is_one_mention() {
    let t = "\"The first half is here,\" she said. \"And the second half follows.\"";
    let q = one(t);
    assert_eq!((q.span.start, q.span.end), (0, t.len()));
    assert_eq!(
        q.text,
        "The first half is here, And the second half follows."
    );
    assert_eq!(q.speaker_text.as_deref(), Some("she"));
}

#[test]
fn multi_paragraph_quote() {
    let t = "Chen wrote a long letter.\n\n\"We have waited for years for this road to open.\n\n\"Now we will wait no longer,\" Chen said.";
    let q = one(t);
    assert_eq!(q.span.start, t.find('"').unwrap());
    assert_eq!(q.span.end, t.rfind('"').unwrap() + 1);
    assert_eq!(q.speaker_text.as_deref(), Some("Chen"));
}

#[test]
fn colon_introduced() {
    let q = one("Rivera wrote: “Nobody asked the farmers what they needed this year.”");
    assert_eq!(q.speaker_text.as_deref(), Some("Rivera"));
}

#[test]
fn pronoun_resolved_to_previous_subject() {
    let t = "Omar Haddad ruled out any delay in a post on his blog. \"The budget is gone, and the plan is gone,\" he wrote.";
    let q = one(t);
    assert_eq!(q.speaker_text.as_deref(), Some("he"));
    assert_eq!(q.resolved.as_deref(), Some("Omar Haddad"));
}

#[test]
fn anonymous_sources() {
    let q = one("\"They are not talking to us at all,\" a senior state official said.");
    assert_eq!(q.speaker_text.as_deref(), Some("a senior state official"));
    let q = one("“The talks stalled over the weekend,” one source told the paper.");
    assert_eq!(q.speaker_text.as_deref(), Some("one source"));
}

#[test]
fn markup_blanks_are_squashed() {
    let q = one("“We treated these messages as noise,” a  U.S. official told  Reuters  .");
    assert_eq!(q.speaker_text.as_deref(), Some("a U.S. official"));
}

#[test]
fn scare_quotes_and_titles_rejected() {
    assert!(find_quotes("The town's \"green corridor plan\" fell apart on Friday.").is_empty());
    assert!(find_quotes("The “Top Dog” in the town is the mayor.").is_empty());
    assert!(find_quotes("She appeared on CBS's \"Morning Talk Hour\" to explain it.").is_empty());
}

#[test]
fn nested_single_quotes_and_apostrophes() {
    let t = "\"They want to talk. I said, 'Too late!' \" he wrote. Sam's view didn't change.";
    let q = one(t);
    assert_eq!(q.span.end, t.find(" he wrote").unwrap());
    assert!(q.text.contains("'Too late!'"));
    let q = one("“It’s the voters’ choice, not Congress’s choice,” Diaz said.");
    assert_eq!(q.text, "It’s the voters’ choice, not Congress’s choice,");
}

#[test]
fn signed_quote() {
    let q = one("“I will vote for the first time this year.” ― Maria Gomez\n");
    assert_eq!(q.speaker_text.as_deref(), Some("Maria Gomez"));
}

#[test]
fn unicode_space_next_to_a_speech_verb_is_a_space() {
    for sp in ['\u{a0}', '\u{200b}', '\u{2009}', '\u{3000}'] {
        let t = format!("\"The bridge will reopen in the spring,\" said{sp}Dana Ruiz.");
        let q = one(&t);
        assert_eq!(q.speaker_text.as_deref(), Some("Dana Ruiz"), "space {sp:?}");
        // Text that once cut a character in two: no panic, spans on boundaries.
        for t in [
            format!("\"\"said\"r.{sp}"),
            format!("According to\"o{sp}"),
            format!("said{sp}\"n f"),
            format!("“,”S’. l said{sp}“x y z”"),
        ] {
            for q in find_quotes(&t) {
                assert!(t.get(q.span.range()).is_some(), "{t:?}");
                if let Some(s) = q.speaker_span {
                    assert!(t.get(s.range()).is_some(), "{t:?}");
                }
            }
        }
    }
}

#[test]
fn quote_after_a_naming_verb_or_noun() {
    let q = one("Marchers chanted “Open borders” all the way to the square.");
    assert_eq!(q.text, "Open borders");
    // A term mentioned is not words said: he refused to say them.
    assert!(find_quotes("He refused to use the words \"Total War\" in the speech.").is_empty());
    // A woven phrase is no statement, whatever the verb.
    assert!(find_quotes("Her rivals called the plan “a gift to landlords” on Friday.").is_empty());
}

#[test]
fn phrase_before_a_split_quote_is_not_its_first_part() {
    let t = "She called it “a sham,” she said. “We will sue the county next week.”";
    let q = one(t);
    assert_eq!(q.text, "We will sue the county next week.");
}

#[test]
fn split_quote_joined_over_but() {
    let t = "\"I like the mayor,\" she said, but \"the budget is a mess this year.\"";
    let q = one(t);
    assert_eq!((q.span.start, q.span.end), (0, t.len()));
}

#[test]
fn doubled_apostrophe_quotes_are_found() {
    let q = one("''The levee will hold this time,'' said Ana Ortiz, an engineer.");
    assert_eq!(q.text, "The levee will hold this time,");
    assert_eq!(q.speaker_text.as_deref(), Some("Ana Ortiz, an engineer"));
}

#[test]
fn less_common_speech_verbs_attribute() {
    for verb in [
        "implored",
        "disclosed",
        "conceded",
        "quipped",
        "chanted",
        "typed",
    ] {
        let t = format!("\"We cannot wait another year for this,\" Lena Fox {verb}.");
        let q = one(&t);
        assert_eq!(q.speaker_text.as_deref(), Some("Lena Fox"), "{verb}");
    }
}

#[test]
fn name_with_appositive_before_the_verb() {
    let q = one(
        "\"The dam is safe,\" Ravi Kelly, a retired engineer and a former mayor, said on Monday.",
    );
    assert_eq!(
        q.speaker_text.as_deref(),
        Some("Ravi Kelly, a retired engineer and a former mayor")
    );
    // A party and state closing on an abbreviation's full stop.
    let q = one("“We will appeal the ruling,” Sen. Jo Reed (D-Mo.) said.");
    assert_eq!(q.speaker_text.as_deref(), Some("Sen. Jo Reed (D-Mo.)"));
    let q = one("“We will appeal,” Rep. Jo Reed (R-Ohio), a panel member, said.");
    assert_eq!(
        q.speaker_text.as_deref(),
        Some("Rep. Jo Reed (R-Ohio), a panel member")
    );
    let q = one("Mr. Kelly, a retired astronaut, said: “Space is hard and it stays hard.”");
    assert_eq!(
        q.speaker_text.as_deref(),
        Some("Mr. Kelly, a retired astronaut")
    );
    let q = one("“Subpoenas are not a suggestion,” panel Chairman Jo Reed said.");
    assert_eq!(q.speaker_text.as_deref(), Some("Chairman Jo Reed"));
}

#[test]
fn junk_speakers_are_refused() {
    // A clause word opening the sentence is no speaker.
    let t = "Once in my school years, I laughed and said, \"The ghost is not real at all.\"";
    let q = one(t);
    assert_eq!(q.speaker_text.as_deref(), Some("I"));
    // A phrase holding a year is no subject.
    let t = "I hope in 2030 Europe says, \"Thank you for the long years of work.\"";
    assert_ne!(one(t).speaker_text.as_deref(), Some("hope in 2030 Europe"));
    // The object of a preposition is not who a pronoun means.
    let t =
        "In a talk with Radio North, Ham was blunt. \"The army is tired of all of it,\" he said.";
    assert_eq!(one(t).resolved.as_deref(), Some("Ham"));
    // A signature loses the punctuation after it.
    let q = one("“We need the clinic open again next year.” ― Dora Vidal.:\n");
    assert_eq!(q.speaker_text.as_deref(), Some("Dora Vidal"));
    assert_eq!(trim_name_end("Jo Park Jr."), "Jo Park Jr.");
}

#[test]
fn description_of_a_person_is_a_role_held_with_less_confidence() {
    let t = "\"The polls are wrong,\" Omar Haddad said.\n\nIt was late. \"We will win this state easily,\" the Boston businessman said.";
    let qs = find_quotes(t);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(
        qs[1].speaker_text.as_deref(),
        Some("the Boston businessman")
    );
    assert_eq!(qs[1].resolved, None);
    assert!(qs[1].speaker_confidence < qs[0].speaker_confidence);
}

#[test]
fn confidence_follows_the_evidence() {
    let t = "Lena Fox spoke first. \"The bridge must close,\" Lena Fox said. \"We will reopen the road by June and the bridge after it.\"\n\nIt rained.\n\n\"Nobody knows what the council will do next about the bridge or the road,\"";
    let qs = find_quotes(t);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    let (direct, loose) = (&qs[0], &qs[1]);
    // A clause right after the quote beats no speaker at all.
    assert!(direct.speaker_confidence.unwrap() > 0.8);
    assert!(loose.speaker_confidence.is_none());
    assert!(direct.confidence > loose.confidence);
    for q in &qs {
        assert!((0.0..=1.0).contains(&q.confidence));
    }
    // A pronoun found far back is worth less than the name itself.
    let t =
        "Omar Haddad wrote. It was late. The hall was cold. \"We go on with the plan,\" he said.";
    let q = one(t);
    let named = one("\"We go on with the plan,\" Omar Haddad said.");
    assert!(q.speaker_confidence.unwrap() < named.speaker_confidence.unwrap());
}

#[test]
fn terms_and_titles_are_not_quotes() {
    assert!(
        find_quotes("Protesters wore shirts with the words “We can't wait,” and marched.")
            .is_empty()
    );
    assert!(
        find_quotes("Ana Ruiz's commentary, “Mayor, show us the budget,” is a fair one.")
            .is_empty()
    );
    assert!(
        find_quotes("He hosts the “Morning Lines Today” radio program on weekdays.").is_empty()
    );
    // After a colon the words are quoted, whatever the noun.
    let q = one("The paper used her words as its headline: “Finally, someone who listens.”");
    assert_eq!(q.text, "Finally, someone who listens.");
    // "In his own words" introduces what he said.
    let q = one("In his own words, “We will not sell the harbour to anyone.”");
    assert_eq!(q.text, "We will not sell the harbour to anyone.");
}

#[test]
fn inverted_and_participle_attributions() {
    let q = one("Said Ortega: “The budget will pass before the summer recess.”");
    assert_eq!(q.speaker_text.as_deref(), Some("Ortega"));
    let t = "Mayor Ann Lee hardly settled the matter, brushing off the audit and, when pressed \
             by reporters after the meeting, insisting, “Of course we paid the contractors.”";
    assert_eq!(one(t).speaker_text.as_deref(), Some("Mayor Ann Lee"));
}

#[test]
fn described_name_after_the_verb() {
    let q = one("“The flood took everything we had,” said longtime resident Maria Lopez.");
    assert_eq!(
        q.speaker_text.as_deref(),
        Some("longtime resident Maria Lopez")
    );
    let q = one("“The river is rising again,” said 9/11 widow Terry Vance.");
    assert_eq!(q.speaker_text.as_deref(), Some("9/11 widow Terry Vance"));
    // A date after the verb is no name.
    let q = one("“We are closing the bridge for repairs,” officials said last Monday.");
    assert_eq!(q.speaker_text.as_deref(), Some("officials"));
}

#[test]
fn quoted_words_running_on_to_the_attribution() {
    let t = "“I have admiration for the design” of the new bridge, Mr. Okafor said.";
    assert_eq!(one(t).speaker_text.as_deref(), Some("Mr. Okafor"));
}

#[test]
fn speaker_before_a_colon() {
    let t = "Governor Jo Reed is taking a blunt message to the coast: “This is about jobs.”";
    assert_eq!(one(t).speaker_text.as_deref(), Some("Jo Reed"));
    let t = "President Obama is taking a new message to voters: “It is about me.”";
    assert_eq!(one(t).speaker_text.as_deref(), Some("Obama"));
    // A thing before the colon does not speak.
    let t = "The report has one line that matters: “Funding ends in March next year.”";
    assert_eq!(one(t).speaker_text, None);
}

#[test]
fn unattributed_quote_keeps_its_paragraphs_speaker() {
    let t = "“This is not right,” Warren said. “You cut the staff to the bone” to raise \
             profits, she said. “You blamed the workers on television for it.”";
    let qs = find_quotes(t);
    // The first two are one quote split around "Warren said".
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(qs[1].speaker_text.as_deref(), Some("Warren"));
    // A paragraph that is nothing but a quote runs on from the one before,
    // less surely than a quote in the same paragraph.
    let t = "“This is not right,” Warren said.\n\n“Nobody in the hall expected the vote to fail tonight.”";
    let qs = find_quotes(t);
    assert_eq!(qs[1].speaker_text.as_deref(), Some("Warren"));
    assert!(
        qs[1].speaker_confidence < qs[0].speaker_confidence,
        "{qs:#?}"
    );
    // Not with narration of its own, nor a paragraph further on.
    let t = "“This is not right,” Warren said.\n\nThe hall was silent. “Nobody in the hall expected the vote to fail tonight.”";
    assert_eq!(find_quotes(t)[1].speaker_text, None);
    let t = "“This is not right,” Warren said.\n\nThe hall was silent.\n\n“Nobody in the hall expected the vote to fail tonight.”";
    assert_eq!(find_quotes(t)[1].speaker_text, None);
}

#[test]
fn nickname_in_the_speaker_does_not_hide_it() {
    let t =
        "“This is a big year for the county!” state Del. Marcia “Cia” Price shouted to the crowd.";
    let q = one(t);
    assert!(
        q.speaker_text
            .as_deref()
            .is_some_and(|s| s.contains("Price")),
        "{q:#?}"
    );
    let t = "“We are ready,” Ruiz told reporters on “Good Morning Harbour.” “We have the votes.”";
    let q = one(t);
    assert_eq!(q.text, "We are ready, We have the votes.");
}

#[test]
fn later_after_an_article_is_not_a_clause_break() {
    let t =
        "Senator Hal Brooks, at a later press briefing, said, “We will hold hearings on the fire.”";
    let q = one(t);
    assert!(
        q.speaker_text
            .as_deref()
            .is_some_and(|s| s.starts_with("Senator Hal Brooks")),
        "{q:#?}"
    );
}

#[test]
fn a_quote_after_an_attributed_sentence_is_that_speakers() {
    let t = "The council may wait until the vote, Ms. Adeyemi said. \
             “The other question is whether it would look like taking sides.”";
    assert_eq!(one(t).speaker_text.as_deref(), Some("Ms. Adeyemi"));
}

#[test]
fn a_phrase_attributed_after_it_passes_its_speaker_on() {
    let t = "Both parties “saw the port as a place under pressure from its \
             neighbours,” said Tomas Reyes, a former envoy. “In that sense, it was \
             like pushing on an open door.”";
    let q = one(t);
    assert!(q.text.starts_with("In that sense"), "{q:#?}");
    assert_eq!(
        q.speaker_text.as_deref(),
        Some("Tomas Reyes, a former envoy")
    );
    // A phrase after a naming verb passes nothing on.
    let t = "The ministry labelled the story “pure fabrication”. The agency denied \
             claims that “The ministry has signaled readiness to talk to the other side.”";
    assert_ne!(one(t).speaker_text.as_deref(), Some("The ministry"));
}

#[test]
fn a_rating_or_a_title_in_an_appositive_is_not_a_quote() {
    let t = "When the fact-checkers examined the statement, it was labeled “Mostly True.”";
    assert!(find_quotes(t).is_empty(), "{:#?}", find_quotes(t));
    let t = "Ms. Quill recalled the senator talking about “Ruin: How Cities Choose to Fall or \
             Rise,” Tomas Reyes's 2005 best seller, which traced the decline of ports.";
    assert!(find_quotes(t).is_empty(), "{:#?}", find_quotes(t));
    // A statement after "named" is still said when it is long.
    let t = "She named the cause plainly: “We cut the budget and the levee failed in the spring.”";
    assert_eq!(find_quotes(t).len(), 1);
}

#[test]
fn a_pronoun_looks_back_past_a_paragraph_break_not_through_it() {
    // The paragraph before ends in a quote (masked, so no full stop) and a
    // headline has none: neither runs on into the next paragraph.
    let text = "Ministers defend the plan as critics call it 'unworkable'\n\n\
        The housing secretary, Ana Rey, defended the plan. “We are going to build the homes,” she told MPs.\n\n\
        Lisa Nandy said: \"Nobody believes these numbers any more.\"\n\n\
        Speaking to the radio, the mayor of Greater Manchester, Andy Burnham, warned that councils lacked staff. \"You cannot approve what you cannot inspect,\" he said.";
    let qs = find_quotes(text);
    let who: Vec<(&str, Option<&str>)> = (qs.iter())
        .map(|q| {
            (
                &q.text[..12],
                q.resolved.as_deref().or(q.speaker_text.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        who,
        [
            ("We are going", Some("Ana Rey")),
            ("Nobody belie", Some("Lisa Nandy")),
            ("You cannot a", Some("Andy Burnham")),
        ]
    );
}

#[test]
fn he_or_she_stands_for_a_person_not_a_word_opening_a_sentence() {
    let resolved = |text: &str| one(text).resolved;
    // A sentence adverb, a place and an organisation are no one.
    assert_eq!(
        resolved(
            "The mayor, Dana Ortiz, spoke first. Ultimately, the Commission in Michigan voted. \"We will appeal,\" she said."
        )
        .as_deref(),
        Some("Dana Ortiz")
    );
    // A surname the article gave in full earlier is the person.
    assert_eq!(
        resolved(
            "Keith Lamont Harper ran the depot for years.\n\nBy then Harper had left. \"It was time to go,\" he said."
        )
        .as_deref(),
        Some("Harper")
    );
    // The subject of a verb is a person even named once.
    assert_eq!(
        resolved(
            "Details were scarce. Wimes believes the count is wrong. \"Nobody checked,\" she said."
        )
        .as_deref(),
        Some("Wimes")
    );
    // A country as subject is no "he"; the source named by "according
    // to" is.
    assert_eq!(
        resolved(
            "According to Omar Haddad, an envoy of the mission, Iran has not asked for talks. \"It is not the time,\" he said."
        )
        .as_deref(),
        Some("Omar Haddad")
    );
    // Sentences that go on about "him" carry the reference back further.
    assert_eq!(
        resolved(
            "In his book, Mr. Okafor urged parents to save early. Harsh? He does not think so. His own parents did. \"Start now,\" he said."
        )
        .as_deref(),
        Some("Okafor")
    );
    // A title with "of" is followed by the name, not by its object.
    assert_eq!(
        resolved(
            "Chair Ana Lupu spoke first.\n\nSecretary of State Paul Brenner said the plan would work, and he urged calm. \"We remain open,\" he said."
        )
        .as_deref(),
        Some("Paul Brenner")
    );
}

#[test]
fn a_quoted_sentence_ends_the_sentence_it_closes() {
    // The stop inside the marks ends the first sentence: the participle
    // speaks for the subject opening the second, not the first.
    let t = "When the mayor asked about the audit, Ruiz replied, “We paid every bill.” \
             Okafor was just as sharp when pressed about a builder who said he was owed, \
             adding, “Maybe the work was not good enough for the town.”";
    let qs = find_quotes(t);
    let speakers: Vec<_> = qs.iter().map(|q| q.speaker_text.as_deref()).collect();
    assert_eq!(speakers, [Some("Ruiz"), Some("Okafor")]);
    // A comma inside the marks ends nothing: one sentence, one speaker.
    let t = "“We paid every bill,” Ruiz said, and left the hall.";
    assert_eq!(one(t).speaker_text.as_deref(), Some("Ruiz"));
    // A quoted sentence that closes a paragraph is one sentence back for
    // a pronoun in the next: "she" is still Ms. Lee.
    let t = "Dana Lee, 59, said the event brought back memories of ''all the people \
             who were not here.''\n\nShe said she had toured the hall. Many of the \
             visitors were older, she said, and ''I had to step back and think.''";
    let qs = find_quotes(t);
    assert_eq!(qs.last().unwrap().resolved.as_deref(), Some("Dana Lee"));
}

#[test]
fn a_stray_mark_opening_the_sentence_hides_neither_quote_nor_subject() {
    let t = "\"Okafor walked onto the stage, chanting “We won! We won!”";
    assert_eq!(one(t).speaker_text.as_deref(), Some("Okafor"));
}

#[test]
fn a_split_quote_joins_over_its_attribution_not_over_a_sentence() {
    let t = "“We paid every bill.” Okafor was just as sharp when pressed about the \
             builder, adding, “Maybe the work was not good enough for the town.”";
    let qs = find_quotes(t);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(qs[1].speaker_text.as_deref(), Some("Okafor"));
    // Speaker and verb, with an adverb or a place after, join the parts.
    let t = "“We paid every bill,” Okafor also said at the hall. “And we will pay the next.”";
    assert_eq!(one(t).text, "We paid every bill, And we will pay the next.");
}

#[test]
fn a_phrase_of_place_or_time_is_not_the_speaker() {
    let who = |t: &str| one(t).speaker_text;
    let t = "Council leader Ana Ruiz, at a later press briefing, said, “We have seen the report.”";
    assert_eq!(who(t).as_deref(), Some("Council leader Ana Ruiz"));
    let t = "The Harbour Board, in a statement, said, “We have seen the report and will reply.”";
    assert_eq!(who(t).as_deref(), Some("The Harbour Board"));
    let t =
        "The company, in a statement on Monday, said, “We have seen the report and will reply.”";
    assert_eq!(who(t).as_deref(), Some("The company"));
    let t = "Sen. Jo Reed (R-Ohio), in a letter to the board, said, “We have seen the report.”";
    assert_eq!(who(t).as_deref(), Some("Sen. Jo Reed (R-Ohio)"));
    // A sentence opening with such a phrase has its subject after the comma.
    let t = "With the vote days away and turnout low, Mayor Ana Ruiz is trying a new message: \
             “It is about you.”";
    assert_eq!(who(t).as_deref(), Some("Mayor Ana Ruiz"));
}

#[test]
fn a_relative_clause_after_the_subject_is_not_the_speaker() {
    let t = "A neighbour, who did not want to be named, said: “The smoke came in under the door.”";
    assert_eq!(one(t).speaker_text.as_deref(), Some("A neighbour"));
    // After the quote, the name keeps its appositive as written.
    let t = "“We were never told,” Ana Ruiz, whose shop faces the quay, said.";
    assert_eq!(
        one(t).speaker_text.as_deref(),
        Some("Ana Ruiz, whose shop faces the quay")
    );
}

#[test]
fn british_single_quotes_with_double_quotes_inside() {
    let t = "‘It is a “toll”, not a levy,’ said Mr Kerrigan.\n\n\
             ‘They have had their vote,’ he said. ‘Now we will have ours.’";
    let qs = find_quotes(t);
    let who: Vec<_> = (qs.iter())
        .map(|q| q.resolved.as_deref().or(q.speaker_text.as_deref()))
        .collect();
    assert_eq!(who, [Some("Mr Kerrigan"), Some("Mr Kerrigan")]);
}

#[test]
fn a_name_ending_in_ly_is_no_adverb() {
    for name in ["Tully", "Kelly", "Connolly"] {
        let t = format!(
            "Asked whether he would retire, {name} quipped: “Not until someone takes the cup.”"
        );
        assert_eq!(one(&t).speaker_text.as_deref(), Some(name));
        let t = format!("“Not until someone takes the cup,” {name} said.");
        assert_eq!(one(&t).speaker_text.as_deref(), Some(name));
    }
}

#[test]
fn a_lowercase_job_title_before_a_name() {
    let t = "In an email seen by the Courier, head of libraries Sunita Rao wrote: \
             “Both branches will remain open until June.”";
    assert_eq!(one(t).speaker_text.as_deref(), Some("Sunita Rao"));
}

#[test]
fn a_pronoun_stands_for_the_person_a_title_names_not_the_body_before_it() {
    let t = "The Drovers Bay Film Festival opened on Thursday.\n\n\
             Festival director Hugo Penn conceded the rollout was bad. \
             “We got the messaging wrong, and I own that,” he said.";
    assert_eq!(one(t).resolved.as_deref(), Some("Hugo Penn"));
    // A subject before its verb is no modifier of the name after.
    let t = "Vance said he expects Ruiz to sign. “We have no other way to pay for it,” he said.";
    assert_eq!(one(t).resolved.as_deref(), Some("Vance"));
}

#[test]
fn a_description_then_the_name_it_describes() {
    let t = "“Insurance covers the vines, not the year,” warned the president of the \
             growers' cooperative, Odile Fabre.";
    let q = one(t);
    assert_eq!(
        q.speaker_text.as_deref(),
        Some("the president of the growers' cooperative, Odile Fabre")
    );
    // A clause after the description is no name.
    let t = "“We will appeal the ruling,” said a spokeswoman for the ministry, adding little.";
    assert_eq!(
        one(t).speaker_text.as_deref(),
        Some("a spokeswoman for the ministry")
    );
}

#[test]
fn a_lowercase_clause_between_an_opening_phrase_and_its_attribution() {
    let t = "On the budget, ''cutting the ferry subsidy would strand half the island,'' \
             said Ms. Okafor.";
    let q = one(t);
    assert_eq!(
        q.text,
        "cutting the ferry subsidy would strand half the island,"
    );
    assert_eq!(q.speaker_text.as_deref(), Some("Ms. Okafor"));
    // A phrase woven into the narration stays a phrase.
    let t = "The repairs are “far behind schedule,” said Ms. Okafor.";
    assert!(find_quotes(t).is_empty());
}

#[test]
fn a_who_clause_that_speaks_is_not_part_of_the_name() {
    let t = "“The toll will stay,” said Mr. Abbas, who added that the board would meet in May.";
    assert_eq!(one(t).speaker_text.as_deref(), Some("Mr. Abbas"));
    // One that describes the speaker is.
    let t = "“The toll will stay,” said Ana Ruiz, who chairs the board.";
    assert_eq!(
        one(t).speaker_text.as_deref(),
        Some("Ana Ruiz, who chairs the board")
    );
}
