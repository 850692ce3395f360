//! Transcripts: an interview or a debate written as turns, each paragraph
//! opening with who speaks ("Vasquez: Because …", "WALLACE: If I may …",
//! "Q: Why now?"). Each turn is a direct quotation of its label, as written
//! (the actor table knows "WALLACE" for Chris Wallace), whether the
//! transcript stands in the narration or is itself quoted paragraph by
//! paragraph.

use super::QuoteMention;
use super::marks::Raw;
use super::sentences::*;

/// A paragraph opening with a speaker's label.
#[derive(Debug, Clone, Copy)]
struct Labelled {
    para: usize,
    label: Span,
    /// From after the label's colon to the paragraph end (before a closing
    /// mark).
    body: Span,
}

/// Labels that head a paragraph without naming a speaker.
const NOT_SPEAKERS: &[&str] = &[
    "update",
    "updated",
    "note",
    "editor's note",
    "editor’s note",
    "editors' note",
    "correction",
    "clarification",
    "related",
    "photo",
    "photos",
    "source",
    "sources",
    "caption",
    "credit",
    "watch",
    "listen",
    "read",
    "read more",
    "see also",
    "transcript",
    "warning",
    "disclosure",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "video",
    "audio",
    "live",
    "advertisement",
    "tags",
    "topics",
    "share",
    "published",
    "posted",
    "by",
    "filed under",
    "contact",
    "email",
    "phone",
    "where",
    "when",
    "what",
    "why",
    "how",
    "who",
    "background",
    "context",
    "summary",
    "bottom line",
    "the bottom line",
    "key points",
    "takeaway",
];

/// Labels of the interviewer's questions: not quotations of anyone named.
const QUESTION_LABELS: &[&str] = &["q", "question", "interviewer"];

/// Labels of the answers of an interviewee the label does not name.
const ANSWER_LABELS: &[&str] = &["a", "answer"];

/// Longest label, in bytes.
const MAX_LABEL: usize = 40;

/// The label opening `para`, after at most an opening quotation mark: one
/// to three capitalised words and a colon, then the turn's words.
fn label_of(text: &str, para: Span, index: usize) -> Option<Labelled> {
    let p = para.slice(text);
    let lead = p.len() - p.trim_start_matches(['"', '“', '\'', '‘']).len();
    let rest = &p[lead..];
    let colon = rest[..floor_char(rest, MAX_LABEL.min(rest.len()))].find(':')?;
    let label = &rest[..colon];
    let after = &rest[colon + 1..];
    if !after.starts_with(is_space) || after.trim_matches(is_space).is_empty() {
        return None;
    }
    let words: Vec<&str> = label.split(' ').collect();
    let word_ok = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    if words.is_empty() || words.len() > 3 || !words.iter().all(|w| word_ok(w)) {
        return None;
    }
    let l = lower(label);
    if NOT_SPEAKERS.contains(&l.as_str())
        || l.parse::<chrono::Weekday>().is_ok()
        || l.parse::<chrono::Month>().is_ok()
    {
        return None;
    }
    let start = para.start + lead;
    let body_start = start + colon + 1;
    let body_start = body_start
        + (text[body_start..].len() - text[body_start..].trim_start_matches(is_space).len());
    let end = unquoted(text, para).end;
    Some(Labelled {
        para: index,
        label: Span::new(start, start + colon),
        body: Span::new(body_start, end.max(body_start)),
    })
}

/// A paragraph of a quoted transcript without the mark that opens it and
/// the one that closes the quote.
fn unquoted(text: &str, para: Span) -> Span {
    let p = para.slice(text);
    let a = para.start + (p.len() - p.trim_start_matches(['"', '“']).len());
    let e = para.start
        + p.trim_end_matches(|c: char| is_space(c) || matches!(c, '"' | '”'))
            .len();
    Span::new(a, e.max(a))
}

/// A stage direction standing as its own paragraph: "(CROSSTALK.)",
/// "[Applause]".
fn is_direction(text: &str, para: Span) -> bool {
    let t = para
        .slice(text)
        .trim_matches(|c: char| is_space(c) || matches!(c, '"' | '“' | '”'));
    (t.starts_with('(') && t.ends_with([')', '.']) && t.contains(')'))
        || (t.starts_with('[') && t.ends_with([']', '.']) && t.contains(']'))
}

/// The labelled paragraphs of `paras` when they make a transcript: three
/// turns at least, by two labels at least, one of them speaking twice. A
/// single "Update:" or a dateline does not.
fn transcript(text: &str, paras: &[Span]) -> Vec<Labelled> {
    // The first paragraph is the headline ("Pence: Flowers Won't Be at
    // Debate"), a summary in the speaker's name, not their words.
    let found: Vec<Labelled> = (paras.iter().enumerate())
        .skip(1)
        .filter_map(|(i, &p)| label_of(text, p, i))
        .collect();
    if found.len() < 3 {
        return Vec::new();
    }
    let key = |l: &Labelled| lower(l.label.slice(text));
    let mut labels: Vec<String> = found.iter().map(key).collect();
    labels.sort();
    let twice = labels.windows(2).any(|w| w[0] == w[1]);
    labels.dedup();
    if labels.len() < 2 || !twice {
        return Vec::new();
    }
    found
}

/// The turns of the transcript in `text`, if it has one, as quotations.
/// A quoted transcript (every turn opening with the mark that continues
/// one long quote) is read the same way: the unlabelled paragraphs after a
/// turn inside that quote run it on. `raws` are the quoted spans found in
/// the text; those a quoted transcript holds are returned in the second
/// place, to be read as turns rather than as one quote.
pub(super) fn turns(text: &str, paras: &[Span], raws: &[Raw]) -> (Vec<QuoteMention>, Vec<usize>) {
    let found = transcript(text, paras);
    if found.is_empty() {
        return (Vec::new(), Vec::new());
    }
    // The quoted spans holding two turns or more are quoted transcripts.
    let holder = |r: &Raw| {
        found
            .iter()
            .filter(|l| (r.para_first..=r.para_last).contains(&l.para))
            .count()
            >= 2
    };
    let quoted: Vec<usize> = (raws.iter().enumerate())
        .filter(|(_, r)| r.para_last > r.para_first && holder(r))
        .map(|(i, _)| i)
        .collect();
    let inside = |para: usize| {
        quoted
            .iter()
            .find(|&&i| (raws[i].para_first..=raws[i].para_last).contains(&para))
            .copied()
    };
    let mut out = Vec::new();
    for (n, l) in found.iter().enumerate() {
        let label = l.label.slice(text);
        let low_label = lower(label);
        if QUESTION_LABELS.contains(&low_label.as_str()) {
            continue;
        }
        let mut parts = vec![l.body];
        // Run on over unlabelled paragraphs of the same quoted transcript.
        if let Some(q) = inside(l.para) {
            let next_turn = found.get(n + 1).map_or(usize::MAX, |t| t.para);
            let last = raws[q].para_last.min(next_turn.saturating_sub(1));
            for &p in paras.iter().take(last + 1).skip(l.para + 1) {
                if is_direction(text, p) {
                    break;
                }
                let words = unquoted(text, p);
                if !words.is_empty() {
                    parts.push(words);
                }
            }
        }
        let words: Vec<&str> = parts
            .iter()
            .map(|p| p.slice(text).trim_matches(is_space))
            .collect();
        let body = words.join(" ");
        if body.split(is_space).filter(|w| !w.is_empty()).count() < 2 {
            continue;
        }
        let answer = ANSWER_LABELS.contains(&low_label.as_str());
        let span = Span::new(l.body.start, parts.last().map_or(l.body.end, |p| p.end));
        out.push(QuoteMention {
            span,
            text: body,
            speaker_text: (!answer).then(|| label.to_string()),
            speaker_span: (!answer).then_some(l.label),
            resolved: None,
            parts,
            confidence: 0.85,
            speaker_confidence: (!answer).then_some(0.9),
        });
    }
    (out, quoted)
}

/// Who answers under a bare "A:" in the transcript of `text`: the person
/// its introduction is about, the subject opening one of the paragraphs
/// before the first turn ("Liisa Haravuo, who …, spoke to us"), else the
/// person the headline names last ("A Conversation with Liisa Haravuo").
/// `masked` is `text` with its quotations masked.
pub(super) fn interviewee(text: &str, masked: &str, paras: &[Span]) -> Option<Span> {
    let first_turn = (1..paras.len()).find(|&i| label_of(text, paras[i], i).is_some())?;
    let intro = paras[1..first_turn].iter().find_map(|p| {
        super::subject::opening_subject(masked, p.start, p.end)
            .filter(|sp| {
                super::speaker::is_person_like(masked, sp.span)
                    && !super::pronoun::is_pronoun(sp.span.slice(masked))
            })
            .map(|sp| sp.core)
    });
    intro.or_else(|| {
        let head = *paras.first()?;
        let line = head.slice(text);
        let name = crate::actors::find_names(line)
            .into_iter()
            .rfind(|m| m.kind == Some(crate::model::ActorKind::Person))?
            .name;
        let at = line.rfind(name.as_str())?;
        Some(Span::new(at, at + name.len()).shift(head.start))
    })
}

#[cfg(test)]
mod tests {
    use crate::quotes::find_quotes;

    fn said(text: &str) -> Vec<(Option<String>, String)> {
        find_quotes(text)
            .into_iter()
            .map(|q| (q.speaker_text, q.text))
            .collect()
    }

    #[test]
    fn an_interview_in_turns_quotes_its_answers() {
        let t = "Ruiz: A headline summing her up.\n\n\
                 Ana Ruiz spoke to the Ledger on Tuesday.\n\n\
                 Q: Why run now?\n\n\
                 Ruiz: Because the roof of my school leaked for twelve years.\n\n\
                 Q: And if the council says no?\n\n\
                 Ruiz: Then I'll put the books on the steps of City Hall myself.\n\n\
                 The election is on November 4.";
        assert_eq!(
            said(t),
            [
                (
                    Some("Ruiz".into()),
                    "Because the roof of my school leaked for twelve years.".into()
                ),
                (
                    Some("Ruiz".into()),
                    "Then I'll put the books on the steps of City Hall myself.".into()
                ),
            ]
        );
        // Each turn's span is its words, after the label.
        let q = &find_quotes(t)[0];
        assert_eq!(
            q.span.slice(t),
            "Because the roof of my school leaked for twelve years."
        );
        assert_eq!(q.speaker_span.map(|s| s.slice(t)), Some("Ruiz"));
    }

    #[test]
    fn a_quoted_debate_transcript_is_its_turns() {
        let t = "Partial transcript as follows:\n\n\
                 \"HOST: Will the senator be there tomorrow night?\n\n\
                 \"LEE: She will not be attending the debate.\n\n\
                 \"But the truth is that the debate is about the issues.\n\n\
                 \"(CROSSTALK.)\n\n\
                 \"HOST: If I may, sir, we have limited time.\n\n\
                 \"LEE: And that is why we will win.\"";
        assert_eq!(
            said(t),
            [
                (Some("HOST".into()), "Will the senator be there tomorrow night?".into()),
                (
                    Some("LEE".into()),
                    "She will not be attending the debate. But the truth is that the debate is about the issues.".into()
                ),
                (Some("HOST".into()), "If I may, sir, we have limited time.".into()),
                (Some("LEE".into()), "And that is why we will win.".into()),
            ]
        );
    }

    #[test]
    fn answers_under_a_bare_label_are_the_interviewees() {
        let turns = "Q: Why now?\n\nA: Because the roof leaked for years.\n\n\
                     Q: What next?\n\nA: The budget, line by line.";
        // The person the introduction opens on.
        let t = format!(
            "Roofs and budgets\n\nMarta Ilves, who became mayor in May, spoke to us \
             about the town hall.\n\n{turns}"
        );
        let who: Vec<_> = said(&t).into_iter().map(|(w, _)| w).collect();
        assert_eq!(
            who,
            [Some("Marta Ilves".into()), Some("Marta Ilves".into())]
        );
        // The person the headline names.
        let t = format!("A Conversation with Marta Ilves\n\n{turns}");
        assert_eq!(said(&t)[0].0.as_deref(), Some("Marta Ilves"));
        // No one named: no speaker.
        let t = format!("The mayor answered our questions.\n\n{turns}");
        let qs = find_quotes(&t);
        assert_eq!(qs.len(), 2, "{qs:#?}");
        assert!(qs.iter().all(|q| q.speaker_text.is_none()));
    }

    #[test]
    fn labels_that_are_not_speakers_make_no_transcript() {
        // One label, or a label used once among section notes.
        for t in [
            "WASHINGTON: The council met on Monday.\n\nIt voted to rebuild.\n\nIt adjourned.",
            "Update: The council met again.\n\nNote: Figures are provisional.\n\nCorrection: The vote was 5-4.\n\nRelated: Bridge plans.",
            "Monday: rain all day.\n\nTuesday: sun in the morning.\n\nMonday: more rain later.",
            "Ana Ruiz: first.\n\nJo Park: second.\n\nLi Wei: third.",
        ] {
            assert!(said(t).is_empty(), "{t}: {:?}", said(t));
        }
    }
}
