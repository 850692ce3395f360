//! Subject phrases: the speaker before a speech verb ("Mayor Ann Lee
//! said"), opening a sentence, or after an inverted verb ("said Jo Park, a
//! budget analyst").

use super::lexicon::*;
use super::pronoun::*;
use super::sentences::*;
use super::speaker::Speaker;

/// How far back from a speech verb its subject is looked for.
const SUBJECT_REACH: usize = 220;

/// The subject phrase ending right before the verb at `v`, not before `lo`.
pub(super) fn subject_before(masked: &str, lo: usize, v: usize) -> Option<Speaker> {
    let v = floor_char(masked, v);
    let from = ceil_char(masked, v.saturating_sub(SUBJECT_REACH).max(lo)).min(v);
    let ws = words(masked, Span::new(from, v));
    let gap_after = |k: usize| between(masked, ws[k].end, ws.get(k + 1).map_or(v, |w| w.start));
    let mut k = ws.len();
    // Skip adverbs and auxiliaries ("Trump also said", "he has repeatedly said").
    while k > 0 {
        let w = low(masked, ws[k - 1]);
        if gap_after(k - 1).trim_matches(is_space).is_empty()
            && (SKIP_BEFORE_VERB.contains(&w.as_str())
                || (w.ends_with("ly") && w.len() > 4 && !is_cap(at(masked, ws[k - 1]))))
        {
            k -= 1;
        } else {
            break;
        }
    }
    if k == 0 {
        return None;
    }
    // A relative clause between commas describes the subject before it
    // ("A neighbour, who did not want to be named, said").
    if gap_after(k - 1).contains(',')
        && let Some(i) = (k.saturating_sub(RELATIVE_REACH)..k).rev().find(|&i| {
            i > 0
                && RELATIVE.contains(&low(masked, ws[i]).as_str())
                && gap_after(i - 1).trim_matches(is_space) == ","
        })
    {
        k = i;
    }
    let end = ws[k - 1].end;
    let gap = gap_after(k - 1);
    if gap.contains(MASK as char)
        || gap.contains([':', ';', '(', ')', '—', '–']) && !gap.contains(')')
    {
        return None;
    }
    let last = low(masked, ws[k - 1]);
    let verb = rest(masked, v)
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if last == "and"
        || last == "but"
        || (verb.ends_with("ing") && between(masked, end, v).contains(','))
    {
        // "…, I laughed and said": a pronoun before the first verb.
        if last == "and" && k >= 3 && PRONOUNS.contains(&low(masked, ws[k - 3]).as_str()) {
            return Some(Speaker::word(ws[k - 3]));
        }
        // "She then turns and says", "Mr. Trump hardly clarified the
        // matter, …, asserting, “…”": the subject opens the sentence, however
        // far back.
        return opening_subject(masked, lo, end);
    }
    if CLAUSE_WORDS.contains(&last.as_str()) {
        return None;
    }
    if PRONOUNS.contains(&last.as_str()) {
        return Some(Speaker::word(ws[k - 1]));
    }
    // Walk back to a clause boundary.
    let participle = verb.ends_with("ing");
    let mut first = k - 1;
    let mut n = 1;
    // A nickname in marks inside the name: Marcia “Cia” Price.
    let nick = |i: usize| {
        i > 0
            && i < k
            && is_cap(at(masked, ws[i]))
            && between(masked, ws[i - 1].end, ws[i].start)
                .trim_end_matches(is_space)
                .ends_with(['"', '“'])
            && gap_after(i)
                .trim_start_matches(is_space)
                .starts_with(['"', '”'])
    };
    while first > 0 && n < 16 {
        let b = ws[first - 1].end;
        let gap = gap_after(first - 1);
        let marks = gap.contains(['"', '“', '”']) && !nick(first - 1) && !nick(first);
        if gap.contains(MASK as char)
            || gap.contains([':', ';', '—', '–'])
            || gap.contains("--")
            || marks
        {
            break;
        }
        if let Some(p) = gap.find(['.', '?', '!'])
            && sentence_end_at(masked, b + p)
        {
            break;
        }
        let w = low(masked, ws[first - 1]);
        // "at a later press gaggle": after an article, "later" describes.
        // "a source close to the star": "to" inside the phrase.
        let described = first >= 2
            && (matches!(low(masked, ws[first - 2]).as_str(), "a" | "an" | "the")
                || (w == "to" && low(masked, ws[first - 2]) == "close"));
        // Another speech verb opens another clause ("Dee Lo recalled her
        // grandfather who wired").
        let verb = !is_cap(at(masked, ws[first - 1])) && VERB_RE.is_match(&w);
        // A participle's subject is the noun right before it, past no
        // preposition ("footage of Trump saying “…”").
        let object = participle && PREPOSITIONS.contains(&w.as_str());
        if (CLAUSE_WORDS.contains(&w.as_str()) && !described)
            || PRONOUNS.contains(&w.as_str())
            || verb
            || object
        {
            break;
        }
        first -= 1;
        n += 1;
    }
    // Comma-separated segments: keep the name and its appositive, drop a
    // leading adverbial ("In a post on X, Trump wrote").
    let mut segs: Vec<(usize, usize)> = Vec::new(); // word index ranges
    let mut s0 = first;
    for i in first..k {
        if i + 1 < k && gap_after(i).contains(',') {
            segs.push((s0, i + 1));
            s0 = i + 1;
        }
    }
    segs.push((s0, k));
    let cap = |i: usize| is_cap(at(masked, ws[i]));
    let seg_is_appos =
        |(a, _b): (usize, usize)| !cap(a) || DETERMINERS.contains(&low(masked, ws[a]).as_str());
    // A segment opening with a preposition is a phrase of place or time
    // ("in a statement", "In Iowa").
    let prepositional = |(a, _): (usize, usize)| NAME_STOP.contains(&low(masked, ws[a]).as_str());
    // A name, maybe after its title ("Democratic nominee Hillary Clinton").
    let seg_is_name = |seg @ (a, b): (usize, usize)| {
        b - a <= 6
            && (cap(a) || DETERMINERS.contains(&low(masked, ws[a]).as_str()))
            && !prepositional(seg)
            && (a..b).any(|i| cap(i) && !DETERMINERS.contains(&low(masked, ws[i]).as_str()))
    };
    let mut chosen = segs.len() - 1;
    let mut core = segs[chosen];
    // "Trump, the Republican nominee, said" → name + appositive.
    if segs.len() >= 2 && seg_is_appos(segs[chosen]) {
        let mut j = chosen;
        while j > 0 && seg_is_appos(segs[j - 1]) && segs.len() - j < 3 {
            j -= 1;
        }
        // The name may open with an article ("The White House, in a
        // statement, said").
        let j = if j == 0 { 1 } else { j };
        if seg_is_name(segs[j - 1]) {
            chosen = j - 1;
            core = segs[j - 1];
        }
    }
    // A phrase of place or time is no speaker: the one before it is ("The
    // company, in a statement, said").
    if chosen > 0
        && prepositional(segs[chosen])
        && !prepositional(segs[chosen - 1])
        && segs[chosen - 1].1 - segs[chosen - 1].0 <= 6
    {
        chosen -= 1;
        core = segs[chosen];
    }
    let (mut a, _) = segs[chosen];
    // Drop a leading preposition phrase without comma ("In Iowa Trump said").
    while a < core.1.saturating_sub(1) {
        let w = low(masked, ws[a]);
        if NAME_STOP.contains(&w.as_str()) || w == "according" {
            a += 1;
        } else {
            break;
        }
    }
    // "I hope in 2017 America says": a phrase holding a number is no
    // subject, …
    if (a..k).any(|i| at(masked, ws[i]).bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    // "panel Chairman Rep. X", "head of libraries Sunita Rao": start at
    // the capitalised title or name.
    if !cap(a)
        && !DETERMINERS.contains(&low(masked, ws[a]).as_str())
        && let Some(c) = (a..k).find(|&i| cap(i))
        && c - a <= 3
    {
        a = c;
    }
    // A long lower-case phrase is a clause, unless it opens with people
    // ("officials familiar with the talks", "people close to the family").
    if !cap(a)
        && !DETERMINERS.contains(&low(masked, ws[a]).as_str())
        && !PEOPLE.contains(&low(masked, ws[a]).as_str())
        && k - a > 4
    {
        return None;
    }
    // … nor is a lone clause word or gerund ("Once … I said").
    if k - a == 1 {
        let w = low(masked, ws[a]);
        if CLAUSE_WORDS.contains(&w.as_str()) || (w.ends_with("ing") && cap(a)) {
            return None;
        }
    }
    let core_a = core.0.max(a);
    // A phrase of place or time between the name and its verb is not part
    // of the speaker ("Hillary Clinton, at a later press gaggle, said").
    let mut end = end;
    let later = &segs[chosen + 1..];
    if !later.is_empty() && later.iter().all(|&seg| prepositional(seg)) {
        end = ws[segs[chosen].1 - 1].end;
    }
    // Close a parenthetical: "Sen. Ted Cruz (R-Texas)".
    let tail = between(masked, end, v);
    if tail
        .trim_start_matches(|c: char| is_space(c) || c == '.')
        .starts_with(')')
        && between(masked, ws[a].start, end).contains('(')
    {
        end += tail.find(')').map_or(0, |p| p + 1);
    }
    Some(Speaker {
        span: Span::new(ws[a].start, end),
        core: ws[core_a].join(ws[core.1 - 1]),
    })
}

/// The subject that opens the sentence starting at `lo`, before `end`: a
/// pronoun, or a name among its first few words ("Mr. Trump", "Later,
/// Governor Kim").
pub(super) fn opening_subject(masked: &str, lo: usize, end: usize) -> Option<Speaker> {
    let reach = Span::new(lo, end.min(lo.saturating_add(SUBJECT_REACH)));
    let ws = words(masked, reach);
    let w0 = *ws.first()?;
    // A stray mark may open the sentence ("\"Trump walked on, chanting …").
    if !between(masked, lo, w0.start)
        .trim_matches(|c| is_space(c) || matches!(c, '"' | '“' | '\'' | '‘'))
        .is_empty()
    {
        return None;
    }
    if PRONOUNS.contains(&low(masked, w0).as_str()) {
        return Some(Speaker::word(w0));
    }
    // An opening phrase of time, place or cause ("With leaders worried
    // about turnout, President Obama is …", "When pressed, she …"): the
    // subject follows its comma.
    if ADVERBIAL_OPENERS.contains(&low(masked, w0).as_str()) {
        let comma = between(masked, w0.end, reach.end).find(',')?;
        return opening_subject(masked, ceil_char(masked, w0.end + comma + 1), end);
    }
    let opening = ws.get(3).map_or(reach.end, |w| w.start);
    first_name(masked, reach)
        .filter(|n| n.start < opening)
        .map(Speaker::word)
}

/// Pronouns opening a relative clause, and the most words it may have.
const RELATIVE: &[&str] = &["who", "whose", "whom", "which"];
const RELATIVE_REACH: usize = 16;

/// Words opening a phrase of time, place or cause before a sentence's
/// subject.
const ADVERBIAL_OPENERS: &[&str] = &[
    "with",
    "when",
    "while",
    "after",
    "before",
    "as",
    "since",
    "although",
    "though",
    "because",
    "despite",
    "amid",
    "during",
    "in",
    "on",
    "at",
    "if",
    "unlike",
    "like",
    "following",
    "once",
];

/// How far after its verb a speaker phrase may run.
const PHRASE_REACH: usize = 300;

/// The speaker phrase starting at `p` ("said Caddell, a pollster, ..."), up to `hi`.
pub(super) fn subject_after(masked: &str, p: usize, hi: usize) -> Option<Speaker> {
    let p = ceil_char(masked, p);
    let hi = floor_char(masked, hi).max(p);
    let to = ceil_char(masked, p.saturating_add(PHRASE_REACH)).min(hi);
    let ws = words(masked, Span::new(p, to));
    let w0 = *ws.first()?;
    if !between(masked, p, w0.start)
        .trim_matches(is_space)
        .is_empty()
    {
        return None;
    }
    let l0 = low(masked, w0);
    if PRONOUNS.contains(&l0.as_str()) {
        return Some(Speaker::word(w0));
    }
    let cap0 = is_cap(at(masked, w0));
    if !cap0 && !DETERMINERS.contains(&l0.as_str()) && !described_name(masked, &ws) {
        return None;
    }
    let gap = |i: usize| between(masked, ws[i].end, ws[i + 1].start);
    // The name phrase: up to a comma, a boundary, or a stop word.
    let mut i = 0;
    let mut end_idx;
    loop {
        end_idx = i + 1;
        if i + 1 >= ws.len() || end_idx >= 12 {
            break;
        }
        if gap(i).contains([',', ';', ':', '—', '–', '(', MASK as char, '.', '!', '?']) {
            break;
        }
        let nw = low(masked, ws[i + 1]);
        // "one source on the panel", "two sources with knowledge of it".
        let np_ok = !cap0
            && matches!(
                nw.as_str(),
                "on" | "in" | "with" | "of" | "at" | "from" | "for"
            );
        if (NAME_STOP.contains(&nw.as_str()) && !np_ok) || VERB_RE.is_match(&nw) || nw == "who" {
            break;
        }
        i += 1;
    }
    let core = w0.join(ws[end_idx - 1]);
    let mut span_end = core.end;
    // A parenthetical right after the name: "(D-Mo.)".
    let after = between(masked, span_end, to);
    if after.starts_with(" (")
        && let Some(c) = after.find(')')
        && c < 20
    {
        span_end += c + 1;
    }
    // Appositives: ", a lawyer for the Sierra Club, who ...".
    let mut j = end_idx;
    while j < ws.len() && ws[j].start < span_end {
        j += 1;
    }
    let mut segs = 0;
    while j < ws.len() && segs < 3 {
        if between(masked, span_end, ws[j].start).trim_matches(is_space) != "," {
            break;
        }
        let w = low(masked, ws[j]);
        if APPOS_STOP.contains(&w.as_str()) || w.ends_with("ing") || VERB_RE.is_match(&w) {
            break;
        }
        // ", who served as Asia director" describes; ", who emphasized
        // that …" is a statement of its own, not part of the name.
        if matches!(w.as_str(), "who" | "which")
            && ws
                .get(j + 1)
                .is_some_and(|&n| VERB_RE.is_match(&low(masked, n)))
        {
            break;
        }
        // A capitalised segment is only an appositive as a state: "R-Ky.".
        let wj = at(masked, ws[j]);
        if is_cap(wj) && !DETERMINERS.contains(&w.as_str()) && !is_state_code(wj) {
            break;
        }
        // Extend to the next comma or boundary.
        let mut m = j;
        while m + 1 < ws.len() {
            let g = gap(m);
            if g.contains([',', ';', ':', '—', '–', MASK as char])
                || g.find(['.', '!', '?'])
                    .is_some_and(|q| sentence_end_at(masked, ws[m].end + q))
            {
                break;
            }
            m += 1;
        }
        if m - j > 25 {
            break;
        }
        span_end = ws[m].end;
        j = m + 1;
        segs += 1;
    }
    // A description, then the name it describes: "said the president of
    // the growers' cooperative, Odile Fabre." The name is who speaks.
    let mut core = core;
    if !cap0
        && segs == 0
        && j < ws.len()
        && between(masked, span_end, ws[j].start).trim_matches(is_space) == ","
    {
        let mut m = j;
        while m < ws.len()
            && m - j < 4
            && is_cap(at(masked, ws[m]))
            && (m == j
                || between(masked, ws[m - 1].end, ws[m].start)
                    .trim_matches(is_space)
                    .is_empty())
        {
            m += 1;
        }
        let closes = m == ws.len()
            || between(masked, ws[m - 1].end, ws[m].start)
                .trim_start_matches(is_space)
                .starts_with([',', '.', ';', ':', '—', '–']);
        if m > j && closes && !NOT_NAME.contains(&low(masked, ws[j]).as_str()) {
            core = ws[j].join(ws[m - 1]);
            span_end = core.end;
        }
    }
    Some(Speaker {
        span: Span::new(w0.start, span_end),
        core,
    })
}

/// Whether `ws` open with a lower-case description of up to three words
/// and then a name: "9/11 widow Terry Strada", "campaign manager Jo Park".
fn described_name(masked: &str, ws: &[Span]) -> bool {
    let Some(n) = ws.iter().take(4).position(|&w| is_cap(at(masked, w))) else {
        return false;
    };
    let name = at(masked, ws[n]);
    let time = name.parse::<chrono::Weekday>().is_ok() || name.parse::<chrono::Month>().is_ok();
    n > 0
        && !time
        && (0..n).all(|i| {
            let w = low(masked, ws[i]);
            between(masked, ws[i].end, ws[i + 1].start)
                .chars()
                .all(|c| is_space(c) || c == '/')
                && ![NAME_STOP, APPOS_STOP, PRONOUNS, CLAUSE_WORDS]
                    .iter()
                    .any(|list| list.contains(&w.as_str()))
                && !VERB_RE.is_match(&w)
        })
}

/// A party-and-state tag such as "R-Ky." or "D-Mo.".
fn is_state_code(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(|c| c.is_uppercase()) && c.next() == Some('-') && w.len() > 2
}
