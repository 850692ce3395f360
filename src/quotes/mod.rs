//! Direct quotations and who said them.
//!
//! The pipeline over an article's clean text:
//! 1. split into paragraphs, read every quotation mark of any style (see
//!    `marks`) and pair them into quoted spans, following news-style quotes
//!    that run on over several paragraphs; marks of another family inside a
//!    quote are nested quotes and stay inside it;
//! 2. mask the quoted spans so sentence splitting and attribution only see the
//!    narration around them;
//! 3. merge a quote split around its attribution ("Part one," he said. "Two.");
//! 4. find the speaker: the clause right after the quote ("..., said X" /
//!    "..., X said"), the same sentence before it ("X said the plan was "..."",
//!    "X wrote: "...""), then the neighbouring sentences;
//! 5. drop scare quotes and titles: short quotes without any speech context;
//! 6. resolve a pronoun speaker to the person it stands for (see `pronoun`).

#[cfg(test)]
mod context_tests;
mod forms;
mod lexicon;
mod marks;
mod pronoun;
mod sentences;
mod speaker;
mod subject;
#[cfg(test)]
mod tests;
mod transcript;

use crate::text::paragraphs;
use forms::*;
pub(crate) use lexicon::PREPOSITIONS;
use lexicon::*;
use marks::*;
use pronoun::*;
use sentences::*;
use speaker::*;
use subject::*;

/// A direct quotation found in an article's clean text.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMention {
    /// From the opening to the closing quotation mark (both marks
    /// included); a quote split around "he said" spans both parts.
    pub span: Span,
    /// The quoted words without the marks; split parts joined by a space.
    pub text: String,
    /// The speaker as written: "Trump", "one source", "a U.S. official", "he".
    pub speaker_text: Option<String>,
    /// Where `speaker_text` is in the text.
    pub speaker_span: Option<Span>,
    /// For a pronoun speaker (or a description such as "the businessman"),
    /// the name it refers to ("Trump").
    pub resolved: Option<String>,
    /// The quoted words of each part, without the marks.
    pub parts: Vec<Span>,
    /// How sure it is that this is a quotation, 0..1: speech context in
    /// its sentence, a colon or verb introducing it, closing marks and
    /// length add to it.
    pub confidence: f32,
    /// How sure the speaker is, 0..1: the strength of the attribution
    /// pattern (a clause right after the quote is strongest, a
    /// neighbouring sentence weakest), lessened by its distance from the
    /// quote and, for a pronoun, by how far back its name was found.
    pub speaker_confidence: Option<f32>,
}

/// Most words, besides the speaker's, before the speech verb between two
/// parts of a split quote ("said", "also said").
const MAX_SPLIT_NARRATION: usize = 3;

/// Finds every direct quotation in `text`, the clean text of a whole article.
pub fn find_quotes(text: &str) -> Vec<QuoteMention> {
    find_quotes_in(text, &[])
}

/// As `find_quotes`, with the lines cleaning blanked as headings, each with
/// its text: a name on its own line may head the quotes under it
/// ("Prime Minister Helena Marovic, Estravia").
pub fn find_quotes_in(text: &str, headings: &[(Span, String)]) -> Vec<QuoteMention> {
    // What a span of `text` reads, a blanked heading's words included.
    let read = |s: Span| -> &str {
        let here = s.slice(text);
        if !here.trim_matches(is_space).is_empty() {
            return here;
        }
        (headings.iter())
            .find(|(h, _)| h.contains(s))
            .and_then(|(h, line)| {
                Span::new(
                    s.start.saturating_sub(h.start),
                    s.end.saturating_sub(h.start),
                )
                .get(line)
            })
            .unwrap_or(here)
    };
    let paras = paragraphs(text);
    // A nickname or a title quoted in the narration ("Marcia “Cia” Price",
    // "on “Fox and Friends.”") is part of it: it is neither a quote nor
    // masked, so attribution and the merge of split quotes read through it.
    let mut raws: Vec<Raw> = pair_marks(text, &paras)
        .into_iter()
        .filter(|r| !is_minor(text, r))
        .collect();
    // An interview or debate written as turns: each turn is its label's.
    // A transcript quoted whole is read as its turns, not as one quote.
    let (turns, quoted_transcripts) = transcript::turns(text, &paras, &raws);
    for i in quoted_transcripts.into_iter().rev() {
        raws.remove(i);
    }
    // Masked text: quoted spans become MASK bytes, but for the full stop,
    // question or exclamation mark closing a quoted statement, so that a
    // sentence ending inside the marks still ends there ("“…smart.” Trump
    // was …" is two sentences, "“…smart,” Trump said" one).
    let mut bytes = text.as_bytes().to_vec();
    for r in &raws {
        for p in &r.parts {
            bytes[p.span.range()].fill(MASK);
            let inner = p.inner.trim(text);
            if inner.slice(text).ends_with(['.', '?', '!']) {
                let stop = Span::new(inner.end.saturating_sub(1), inner.end);
                bytes[stop.range()].copy_from_slice(stop.slice(text).as_bytes());
            }
        }
    }
    let masked = String::from_utf8(bytes).unwrap_or_else(|_| text.to_string());
    let masked = masked.as_str();

    // Merge quotes split around their attribution.
    let mut merged: Vec<(Raw, Option<Speaker>)> = Vec::new();
    for r in raws {
        let s = r.parts[0].span.start;
        if let Some((prev, prev_sp)) = merged.last_mut() {
            let last = prev.parts.last().copied().unwrap_or_default();
            let pe = last.span.end;
            // The first part opens a statement: a phrase woven into the
            // sentence before ("called it “a sham,” she said. “We…”") is
            // not the start of the next quote.
            let opens = prev.parts[0]
                .inner
                .slice(text)
                .chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| !c.is_lowercase());
            if opens && prev.para_last == r.para_first && s > pe && s - pe <= MAX_SPLIT_GAP {
                let gap = Span::new(pe, s).slice(masked);
                let hi = paras[r.para_first].end;
                let sp = attribution_after(masked, pe, hi.min(s));
                let prev_text = last.inner.slice(text).trim_end_matches(|c: char| {
                    is_space(c) || matches!(c, '"' | '“' | '”' | '\'' | '’' | '»')
                });
                let cont = prev_text.ends_with([',', '.', '?', '!', '-', '—', '…']);
                // The gap is one clause: no sentence end before its last char.
                let g = gap.trim_end_matches(is_space);
                let inner_end = g.char_indices().any(|(i, c)| {
                    matches!(c, '.' | '!' | '?')
                        && i + 1 < g.len()
                        && sentence_end_at(masked, pe + i)
                });
                // "…," he said, but "…": the clause may end in a conjunction.
                let g = g.trim_end_matches(['"', '”', '’', '\'', '»']);
                let g_bare = g
                    .strip_suffix(" but")
                    .or_else(|| g.strip_suffix(" and"))
                    .filter(|b| b.ends_with(','))
                    .unwrap_or(g);
                // The gap is the attribution: its speaker next to the verb
                // ("he said", "said Ana Ruiz"), not a sentence of its own
                // whose participle speaks ("Trump was defensive about the
                // fee, saying").
                let narration = |sp: &Speaker| {
                    let after = sp.span.end.min(s);
                    let verb = VERB_RE
                        .find(between(masked, after, s))
                        .map_or(after, |m| after + m.start());
                    words(masked, Span::new(pe, sp.span.start.max(pe))).len()
                        + words(masked, Span::new(after, verb)).len()
                };
                if let (Some(sp), true, false) = (sp, cont, inner_end)
                    && g_bare.ends_with([',', '.', ':', '—', '–'])
                    && !g.contains(MASK as char)
                    && narration(&sp) <= MAX_SPLIT_NARRATION
                {
                    prev.parts.extend(r.parts.iter().copied());
                    prev.para_last = r.para_last;
                    *prev_sp = Some(sp);
                    continue;
                }
            }
        }
        merged.push((r, None));
    }

    let mut out = Vec::new();
    let mut last_named: Option<String> = None;
    // The paragraph where the last kept quote ends, and its speaker.
    let mut last_speaker: Option<(usize, Speaker, Option<String>)> = None;
    // Where the quote before this one ends, kept or not.
    let mut last_end: Option<usize> = None;
    for (r, split_sp) in merged {
        let start = r.parts[0].span.start;
        let end = r.parts.last().map_or(start, |p| p.span.end);
        let prev_quote_end = last_end.replace(end);
        let qtext = quoted_words(text, &r);
        let nwords = word_count(&qtext);
        // Every kept quote has two words at least (see `keep` below): a
        // one-word quote is not worth looking for a speaker.
        if nwords < 2 {
            continue;
        }
        let pa = paras[r.para_first].start;
        let pe = paras[r.para_last].end;
        let first_part_para_end = paras[r.para_first].end;
        // Speaker candidates, each with the strength of its pattern; the
        // best after weighing by distance wins. A clause right after the
        // quote or earlier in its sentence is certain enough to stop at.
        let mut cands: Vec<(Speaker, f32)> = Vec::new();
        // 1. Right after the quote (or its first part).
        let first_end = r.parts[0].span.end;
        if let Some(sp) = split_sp {
            cands.push((sp, 0.95));
        }
        let sstart = sentence_start(masked, pa, start);
        let before = Span::new(sstart, start)
            .slice(masked)
            .trim_end_matches(is_space);
        let colon = before.ends_with(':');
        // A whole sentence quoted after "X quoted him as saying:" is not
        // the next sentence's: its attribution is the colon's, looked for
        // once here.
        let colon_sentence = colon && qtext.ends_with(['.', '?', '!']);
        let colon_attr = colon_sentence
            .then(|| attribution_before(masked, sstart, start))
            .flatten();
        let colon_first = colon_attr.is_some();
        if cands.is_empty()
            && !colon_first
            && first_end <= first_part_para_end
            && let Some(sp) = attribution_after(masked, first_end, first_part_para_end)
        {
            cands.push((sp, 0.9));
        }
        if cands.is_empty()
            && !colon_first
            && end <= pe
            && let Some(sp) = attribution_after(masked, end, pe)
        {
            cands.push((sp, 0.85));
        }
        let mut evidence = !cands.is_empty();
        let said_after = evidence;
        // 2. Earlier in the same sentence.
        // "… repeatedly says, “…”", "called him “…”": a speech or naming
        // verb right before the quote.
        let cue = cue_before(before);
        let attr_before = || {
            if colon_sentence {
                colon_attr
            } else {
                attribution_before(masked, sstart, start)
            }
        };
        if !evidence && let Some((b, _v)) = attr_before() {
            cands.push((b, if colon || cue { 0.9 } else { 0.8 }));
            evidence = true;
        }
        // "President Obama is rolling out a new message: “It's about me.”":
        // with no speech verb, the person opening the sentence speaks
        // through the colon.
        if !evidence
            && colon
            && let Some(sp) = statement_by(masked, sstart, start).or_else(|| {
                opening_subject(masked, sstart, start).filter(|sp| is_person_like(masked, sp.span))
            })
        {
            cands.push((sp, 0.7));
            evidence = true;
        }
        let para_start = start == pa;
        // 3. Neighbouring sentences and a paragraph ending with a colon,
        // weaker, all weighed.
        if !evidence && sstart > pa {
            // The sentence before: back over the spaces and the full stop
            // that end it.
            let prev_end = masked[..sstart].trim_end_matches(is_space).len();
            let ps = sentence_start(masked, pa, prev_end.saturating_sub(1));
            // An attribution there belongs to the quote there (“…” to raise
            // profits, she said; Iran labelled it “pure fabrication”): what
            // that quote passes on is weighed below, not the verb again.
            let belongs = prev_quote_end.is_some_and(|e| (ps..sstart).contains(&e));
            if !belongs {
                // Failing a speech verb there, a quote opening its sentence
                // right after one about a person is most often theirs
                // ("Sanders identified exhaustion with bigotry as a reason.
                // “The younger people are …”").
                let about = || {
                    (before.is_empty())
                        .then(|| opening_subject(masked, ps, prev_end))
                        .flatten()
                        .filter(|sp| {
                            is_person_like(masked, sp.span) && !is_pronoun(sp.span.slice(masked))
                        })
                        .map(|sp| (sp, 0.45))
                };
                cands.extend(
                    attribution_in(masked, ps, sstart, true)
                        .map(|sp| (sp, 0.6))
                        .or_else(about),
                );
            }
        }
        if !evidence && end < pe {
            let ne = sentence_end(masked, end, pe);
            let ne2 = sentence_end(masked, ne, pe);
            cands.extend(attribution_in(masked, ne, ne2, false).map(|sp| (sp, 0.5)));
        }
        // The quote is the whole of its paragraph(s).
        let whole_para = para_start && end >= paras[r.para_last].trim(text).end;
        let mut prev_colon = false;
        if r.para_first > 0 && para_start {
            let (qa, qb) = (paras[r.para_first - 1].start, paras[r.para_first - 1].end);
            prev_colon = paras[r.para_first - 1]
                .slice(masked)
                .trim_end_matches(is_space)
                .ends_with(':');
            if !evidence && prev_colon {
                let ls = sentence_start(masked, qa, qb);
                // "Sanders made the following comment:", "this statement
                // by Trump on June 11:": who the colon hands over to.
                let sp = attribution_in(masked, ls, qb, true)
                    .map(|sp| (sp, 0.7))
                    .or_else(|| statement_by(masked, ls, qb).map(|sp| (sp, 0.65)))
                    .or_else(|| {
                        opening_subject(masked, ls, qb)
                            .filter(|sp| is_person_like(masked, sp.span))
                            .map(|sp| (sp, 0.6))
                    });
                cands.extend(sp);
            }
            // "**Prime Minister Helena Marovic, Estravia**" on its own line
            // heads the quotes under it, in a round-up of reactions.
            // The paragraph above, or a line between that cleaning blanked.
            let above = Span::new(qa, pa);
            if !evidence
                && whole_para
                && let Some(sp) = forms::name_line(headings, above)
            {
                cands.push((sp, 0.7));
            }
        }
        // A quote with no attribution of its own in the paragraph of the
        // last attributed one is its speaker's still ("“This isn't right,”
        // Warren said. … “You went on television to blame …” workers.").
        // So is a paragraph that is nothing but a quote, right after the
        // paragraph of an attributed one: news style runs a speaker's words
        // on over paragraphs without saying "he said" again.
        // It is weighed against a speech verb in the sentence after, which
        // may well be about someone else.
        let mut inherited = None;
        let mut carried = None;
        if !evidence
            && !prev_colon
            && let Some((para, sp, resolved)) = &last_speaker
            && (*para == r.para_first || (*para + 1 == r.para_first && whole_para))
        {
            let strength = if *para == r.para_first { 0.6 } else { 0.5 };
            carried = Some(cands.len());
            cands.push((sp.clone(), strength));
            inherited = Some(resolved.clone());
        }
        let best = (cands.into_iter().enumerate())
            .map(|(i, (sp, strength))| {
                let score = strength * distance_factor(sp.span, Span::new(start, end));
                (i, sp, score)
            })
            .max_by(|a, b| a.2.total_cmp(&b.2));
        if best.as_ref().map(|b| b.0) != carried {
            inherited = None;
        }
        let best = best.map(|(_, sp, score)| (sp, score));
        // Scare quotes and titles: short and without speech context.
        let first_char = qtext
            .chars()
            .find(|c| c.is_alphanumeric() || *c == '…' || *c == '.');
        let first_upper = first_char.is_some_and(|c| !c.is_lowercase());
        let ends_sentence = qtext.ends_with(['.', '?', '!', ',', '…']);
        // Partial quotes woven into a sentence ("called it “a disaster”")
        // are phrases, not statements.
        // A clause quoted after an opening phrase and before its
        // attribution ("As for complexity, ''broadening the base … involve
        // a certain amount of administration,'' said Mr. Kamin") is a
        // statement, lower case or not.
        let clause = said_after && before.ends_with(',') && qtext.ends_with(',') && nwords >= 6;
        let phrase = !first_upper && !para_start && !qtext.starts_with(['…', '.']) && !clause;
        let named =
            is_title(text, Span::new(start, end), &qtext) || mentioned(before, nwords, &qtext);
        let keep = if evidence || colon || prev_colon || cue {
            nwords >= 3 || (nwords >= 2 && (cue || (first_upper && ends_sentence)))
        } else if para_start {
            nwords >= 4
        } else {
            nwords >= 8 || (nwords >= 5 && first_upper && ends_sentence)
        };
        // The name a later pronoun may stand for, once the quote is kept.
        let mut named_core = None;
        let (speaker_text, speaker_span, resolved, speaker_confidence) = match &best {
            None => (None, None, None, None),
            Some((sp, score)) => {
                let score = *score;
                // A name line is read where cleaning has not blanked it.
                let st = squash(read(sp.span));
                let core = squash(read(sp.core));
                let subject_form = subject_form(&st);
                if is_pronoun(&st) || subject_form.is_some() {
                    let res = match &inherited {
                        Some(was) => was.clone().map(|n| (n, 0.8)),
                        None => {
                            let pronoun = subject_form.map_or_else(|| lower(&st), String::from);
                            // The object of "quoted" is not the subject of its
                            // own sentence: look before it.
                            let upto = if subject_form.is_some() {
                                sstart
                            } else {
                                start
                            };
                            resolve(masked, text, sstart, upto, last_named.as_deref(), &pronoun)
                        }
                    };
                    let c = score * res.as_ref().map_or(0.4, |r| r.1);
                    (Some(st), Some(sp.span), res.map(|r| r.0), Some(c))
                } else if is_epithet(&st) {
                    // "the Spaniard", "the 23-year-old": the person the
                    // article named before, found as for a pronoun.
                    let res = resolve(masked, text, sstart, start, last_named.as_deref(), EPITHET);
                    let c = score * res.as_ref().map_or(0.4, |r| r.1);
                    (Some(st), Some(sp.span), res.map(|r| r.0), Some(c))
                } else if is_description(&st) {
                    // "the businessman": a role, not a name; who it stands
                    // for is not sure enough to be written in its place.
                    (Some(st), Some(sp.span), None, Some(score * 0.6))
                } else {
                    // A name, not a description ("A crew member").
                    let first = lower(core.split(is_space).next().unwrap_or(""));
                    if is_cap(&core)
                        && !NOT_NAME.contains(&lower(&core).as_str())
                        && !DETERMINERS.contains(&first.as_str())
                    {
                        named_core = Some(core);
                    }
                    (Some(st), Some(sp.span), None, Some(score))
                }
            }
        };
        // A phrase quoted with its attribution after it ("“not meeting the
        // demand,” says Paul Rieckhoff") is not kept, but the quotes after
        // it in its paragraph are still his. A phrase after a naming verb
        // ("Iran labelled the report “pure fabrication”") says nothing of
        // who speaks next.
        let dropped = phrase || named || !keep;
        if let Some((sp, _)) = best
            && (!dropped || said_after)
        {
            last_speaker = Some((r.para_last, sp, resolved.clone()));
        }
        if dropped {
            continue;
        }
        if named_core.is_some() {
            last_named = named_core;
        }
        // How sure the quote is a quotation: speech context, closing
        // marks, length.
        let closed = r.parts.iter().all(|p| p.span.end > p.inner.end);
        let confidence = 0.35
            + if evidence { 0.3 } else { 0.0 }
            + if colon || prev_colon || cue {
                0.15
            } else {
                0.0
            }
            + if closed { 0.1 } else { 0.0 }
            + 0.1 * (nwords.min(12) as f32 / 12.0);
        out.push(QuoteMention {
            span: Span::new(start, end),
            text: qtext,
            speaker_text,
            speaker_span,
            resolved,
            parts: r.parts.iter().map(|p| p.inner).collect(),
            confidence: confidence.min(1.0),
            speaker_confidence: speaker_confidence.map(|c| c.clamp(0.0, 1.0)),
        });
    }
    if !turns.is_empty() {
        // Answers under a bare "A:" are the interviewee's.
        let mut turns = turns;
        if turns.iter().any(|t| t.speaker_text.is_none())
            && let Some(who) = transcript::interviewee(text, masked, &paras)
        {
            for t in turns.iter_mut().filter(|t| t.speaker_text.is_none()) {
                t.speaker_text = Some(squash(who.slice(text)));
                t.speaker_span = Some(who);
                t.speaker_confidence = Some(0.7);
            }
        }
        out.extend(turns);
        out.sort_by_key(|q| q.span.start);
    }
    out
}

/// The quoted words of every part of `r`, without the marks, joined by a
/// space.
fn quoted_words(text: &str, r: &Raw) -> String {
    r.parts
        .iter()
        .map(|p| p.inner.slice(text).trim_matches(is_space))
        .collect::<Vec<_>>()
        .join(" ")
}

fn word_count(s: &str) -> usize {
    s.split(is_space).filter(|w| !w.is_empty()).count()
}

/// A quoted span too short to be a quotation (one word, unless it opens
/// a quote split around its attribution) or a title.
fn is_minor(text: &str, r: &Raw) -> bool {
    let (Some(first), Some(last)) = (r.parts.first(), r.parts.last()) else {
        return true;
    };
    let q = quoted_words(text, r);
    if word_count(&q) < 2 {
        // "“Hopefully,” the president said, “…”" opens a split quote.
        return !q.ends_with(',');
    }
    is_title(text, Span::new(first.span.start, last.span.end), &q)
}

/// 1 for a speaker next to the quote, down to 0.7 for one a thousand bytes
/// or more away.
fn distance_factor(speaker: Span, quote: Span) -> f32 {
    let d = if speaker.end <= quote.start {
        quote.start - speaker.end
    } else {
        speaker.start.saturating_sub(quote.end)
    };
    1.0 - 0.3 * (d.min(1000) as f32 / 1000.0)
}

/// A show or book title: title-case words after "of", "on" or a
/// possessive, or before what they are the title of ("“Keepin' It Real”
/// radio program").
fn is_title(text: &str, quote: Span, q: &str) -> bool {
    let ws: Vec<&str> = q.split(is_space).filter(|w| !w.is_empty()).collect();
    if ws.len() > 8 || q.ends_with(['?', '!']) {
        return false;
    }
    let small = [
        "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "at", "by", "with",
    ];
    let title_case = ws
        .iter()
        .all(|w| small.contains(w) || w.chars().next().is_some_and(|c| !c.is_lowercase()));
    if !title_case || ws.len() < 2 {
        return false;
    }
    let after = Span::new(quote.end, quote.end.saturating_add(40)).slice(text);
    if work_follows(after) {
        return true;
    }
    let before = Span::new(0, quote.start)
        .slice(text)
        .trim_end_matches(is_space);
    let prev = before.rsplit(is_space).next().unwrap_or("");
    let prev = lower(prev.trim_end_matches(','));
    matches!(
        prev.as_str(),
        "of" | "on" | "in" | "titled" | "called" | "book" | "show" | "program" | "film" | "song"
    ) || prev.ends_with("’s")
        || prev.ends_with("'s")
}
