//! Sentences, speaker phrases and attribution patterns.

use super::lexicon::*;

pub(super) fn lower(s: &str) -> String {
    s.to_lowercase()
}

pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Words (with byte ranges) of `masked[a..b]`.
pub(super) fn words(masked: &str, a: usize, b: usize) -> Vec<(usize, usize)> {
    WORD_RE
        .find_iter(&masked[a..b])
        .map(|m| {
            let w = m.as_str();
            // Keep a trailing period only on abbreviations and initials.
            let t = w.trim_end_matches(['.', '\'', '’', '-']);
            let keep = if w.ends_with('.') && is_abbrev(t) {
                t.len() + 1
            } else {
                t.len()
            };
            (a + m.start(), a + m.start() + keep.max(1))
        })
        .collect()
}

pub(super) fn is_abbrev(w: &str) -> bool {
    let l = lower(w);
    ABBREVIATIONS.contains(&l.as_str())
        || (w.chars().count() == 1 && is_cap(w))
        || (w.contains('.') && w.len() <= 6)
}

/// Whether the sentence ends at the terminal punctuation at `i` of `masked`.
pub(super) fn sentence_end_at(masked: &str, i: usize) -> bool {
    let b = masked.as_bytes();
    let c = b[i];
    if !matches!(c, b'.' | b'!' | b'?') {
        return false;
    }
    let mut j = i + 1;
    while j < b.len() && matches!(b[j], b')' | b'\'') {
        j += 1;
    }
    if j < b.len() && !b[j].is_ascii_whitespace() {
        return false;
    }
    while j < b.len() && b[j].is_ascii_whitespace() {
        j += 1;
    }
    if j >= b.len() {
        return true;
    }
    let nc = masked[j..].chars().next().unwrap_or(' ');
    if nc.is_lowercase() {
        return false;
    }
    if c == b'.' {
        // The word before the period.
        let ws = masked[..i]
            .char_indices()
            .rev()
            .find(|&(_, ch)| ch.is_whitespace() || ch == MASK as char || ch == '(')
            .map_or(0, |(k, ch)| k + ch.len_utf8());
        if is_abbrev(&masked[ws..i]) {
            return false;
        }
    }
    true
}

/// Start of the sentence holding `pos` (bounded by `lo`).
pub(super) fn sentence_start(masked: &str, lo: usize, pos: usize) -> usize {
    // Bounded look-back keeps huge unbroken paragraphs linear.
    let lo = lo.max(floor_boundary(masked, pos.saturating_sub(MAX_SENTENCE)));
    let b = masked.as_bytes();
    let mut i = pos;
    while i > lo {
        i -= 1;
        if matches!(b[i], b'.' | b'!' | b'?') && sentence_end_at(masked, i) {
            let mut k = i + 1;
            while k < pos && b[k].is_ascii_whitespace() {
                k += 1;
            }
            return k;
        }
    }
    lo
}

/// End of the sentence holding `pos` (bounded by `hi`), after its punctuation.
pub(super) fn sentence_end(masked: &str, pos: usize, hi: usize) -> usize {
    let hi = hi.min(ceil_boundary(masked, pos + MAX_SENTENCE));
    let b = masked.as_bytes();
    let mut i = pos;
    while i < hi {
        if matches!(b[i], b'.' | b'!' | b'?') && sentence_end_at(masked, i) {
            return i + 1;
        }
        i += 1;
    }
    hi
}

/// A speaker phrase found for a quote.
#[derive(Debug, Clone)]
pub(super) struct Speaker {
    pub(super) span: (usize, usize),
    /// Byte range of the bare name inside the phrase (no appositive).
    pub(super) core: (usize, usize),
}

/// The subject phrase ending right before the verb at `v`, not before `lo`.
pub(super) fn subject_before(masked: &str, lo: usize, v: usize) -> Option<Speaker> {
    let from = v.saturating_sub(220).max(lo);
    let from = (from..=v)
        .find(|&k| masked.is_char_boundary(k))
        .unwrap_or(v);
    let ws = words(masked, from, v);
    let mut k = ws.len();
    // Skip adverbs and auxiliaries ("Trump also said", "he has repeatedly said").
    while k > 0 {
        let w = lower(&masked[ws[k - 1].0..ws[k - 1].1]);
        let between = &masked[ws[k - 1].1..if k < ws.len() { ws[k].0 } else { v }];
        if between.trim().is_empty()
            && (SKIP_BEFORE_VERB.contains(&w.as_str()) || (w.ends_with("ly") && w.len() > 4))
        {
            k -= 1;
        } else {
            break;
        }
    }
    if k == 0 {
        return None;
    }
    let end = ws[k - 1].1;
    let gap = &masked[end..if k < ws.len() { ws[k].0 } else { v }];
    if gap.contains(MASK as char)
        || gap.contains([':', ';', '(', ')', '—', '–']) && !gap.contains(')')
    {
        return None;
    }
    let last = lower(&masked[ws[k - 1].0..end]);
    let verb = masked[v..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if last == "and" || last == "but" || (verb.ends_with("ing") && masked[end..v].contains(',')) {
        // "She then turns and says": the subject opens the sentence.
        let w0 = &masked[ws[0].0..ws[0].1];
        if ws[0].0 == lo || masked[lo..ws[0].0].trim().is_empty() {
            if PRONOUNS.contains(&lower(w0).as_str()) {
                return Some(Speaker {
                    span: ws[0],
                    core: ws[0],
                });
            }
            return first_name(masked, ws[0].0, end).map(|n| Speaker { span: n, core: n });
        }
        return None;
    }
    if CLAUSE_WORDS.contains(&last.as_str()) {
        return None;
    }
    if PRONOUNS.contains(&last.as_str()) {
        return Some(Speaker {
            span: ws[k - 1],
            core: ws[k - 1],
        });
    }
    // Walk back to a clause boundary.
    let mut first = k - 1;
    let mut n = 1;
    while first > 0 && n < 16 {
        let (a, b) = ws[first - 1];
        let gap = &masked[b..ws[first].0];
        if gap.contains(MASK as char) || gap.contains([':', ';', '—', '–', '"', '“', '”']) {
            break;
        }
        if gap.contains(['.', '?', '!'])
            && sentence_end_at(masked, b + gap.find(['.', '?', '!']).unwrap_or(0))
        {
            break;
        }
        let w = lower(&masked[a..b]);
        if CLAUSE_WORDS.contains(&w.as_str()) || PRONOUNS.contains(&w.as_str()) {
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
        if i + 1 < k && masked[ws[i].1..ws[i + 1].0].contains(',') {
            segs.push((s0, i + 1));
            s0 = i + 1;
        }
    }
    segs.push((s0, k));
    let seg_is_appos = |(a, _b): (usize, usize)| {
        let w = lower(&masked[ws[a].0..ws[a].1]);
        !is_cap(&masked[ws[a].0..ws[a].1]) || DETERMINERS.contains(&w.as_str())
    };
    let seg_is_name = |(a, b): (usize, usize)| {
        is_cap(&masked[ws[a].0..ws[a].1])
            && !NOT_NAME.contains(&lower(&masked[ws[a].0..ws[a].1]).as_str())
            && b - a <= 6
    };
    let mut chosen = segs.len() - 1;
    let mut core = segs[chosen];
    // "Trump, the Republican nominee, said" → name + appositive.
    if segs.len() >= 2 && seg_is_appos(segs[chosen]) {
        let mut j = chosen;
        while j > 0 && seg_is_appos(segs[j - 1]) && segs.len() - j < 3 {
            j -= 1;
        }
        if j > 0 && seg_is_name(segs[j - 1]) {
            chosen = j - 1;
            core = segs[j - 1];
        }
    }
    let (a, _) = segs[chosen];
    // Drop a leading preposition phrase without comma ("In Iowa Trump said").
    let mut a = a;
    while a < core.1.saturating_sub(1) {
        let w = lower(&masked[ws[a].0..ws[a].1]);
        if NAME_STOP.contains(&w.as_str()) || w == "according" {
            a += 1;
        } else {
            break;
        }
    }
    // "panel Chairman Rep. X": start at the capitalised title.
    if !is_cap(&masked[ws[a].0..ws[a].1])
        && !DETERMINERS.contains(&lower(&masked[ws[a].0..ws[a].1]).as_str())
        && let Some(c) = (a..k).find(|&i| is_cap(&masked[ws[i].0..ws[i].1]))
        && c - a <= 2
    {
        a = c;
    }
    let first_word = &masked[ws[a].0..ws[a].1];
    let fw = lower(first_word);
    if !is_cap(first_word) && !DETERMINERS.contains(&fw.as_str()) && k - a > 4 {
        return None;
    }
    let core_a = core.0.max(a);
    // Close a parenthetical: "Sen. Ted Cruz (R-Texas)".
    let mut end = end;
    if masked[end..v].trim_start().starts_with(')') && masked[ws[a].0..end].contains('(') {
        end += masked[end..v].find(')').unwrap_or(0) + 1;
    }
    Some(Speaker {
        span: (ws[a].0, end),
        core: (ws[core_a].0, ws[core.1 - 1].1),
    })
}

/// The speaker phrase starting at `p` ("said Caddell, a pollster, ..."), up to `hi`.
pub(super) fn subject_after(masked: &str, p: usize, hi: usize) -> Option<Speaker> {
    let to = (p + 300).min(hi);
    let to = (to..=hi)
        .find(|&k| masked.is_char_boundary(k))
        .unwrap_or(hi);
    let ws = words(masked, p, to);
    if ws.is_empty() {
        return None;
    }
    let lead = &masked[p..ws[0].0];
    if !lead.trim().is_empty() {
        return None;
    }
    let w0 = &masked[ws[0].0..ws[0].1];
    let l0 = lower(w0);
    if PRONOUNS.contains(&l0.as_str()) {
        return Some(Speaker {
            span: ws[0],
            core: ws[0],
        });
    }
    if !is_cap(w0) && !DETERMINERS.contains(&l0.as_str()) {
        return None;
    }
    // The name phrase: up to a comma, a boundary, or a stop word.
    let mut i = 0;
    let mut end_idx;
    loop {
        end_idx = i + 1;
        if i + 1 >= ws.len() || end_idx >= 12 {
            break;
        }
        let gap = &masked[ws[i].1..ws[i + 1].0];
        if gap.contains([',', ';', ':', '—', '–', '(', MASK as char])
            || gap.contains(['.', '!', '?'])
        {
            break;
        }
        let nw = lower(&masked[ws[i + 1].0..ws[i + 1].1]);
        // "one source on the panel", "two sources with knowledge of it".
        let np_ok = !is_cap(w0)
            && matches!(
                nw.as_str(),
                "on" | "in" | "with" | "of" | "at" | "from" | "for"
            );
        if (NAME_STOP.contains(&nw.as_str()) && !np_ok) || VERB_RE.is_match(&nw) || nw == "who" {
            break;
        }
        i += 1;
    }
    let core = (ws[0].0, ws[end_idx - 1].1);
    let mut span_end = core.1;
    // A parenthetical right after the name: "(D-Mo.)".
    let rest = &masked[span_end..to];
    if rest.starts_with(" (")
        && let Some(c) = rest.find(')')
        && c < 20
    {
        span_end += c + 1;
    }
    // Appositives: ", a lawyer for the Sierra Club, who ...".
    let mut j = end_idx;
    while j < ws.len() && ws[j].0 < span_end {
        j += 1;
    }
    let mut segs = 0;
    while j < ws.len() && segs < 3 {
        let gap = &masked[span_end..ws[j].0];
        if gap.trim() != "," {
            break;
        }
        let w = lower(&masked[ws[j].0..ws[j].1]);
        if APPOS_STOP.contains(&w.as_str()) || w.ends_with("ing") || VERB_RE.is_match(&w) {
            break;
        }
        // A capitalised segment is only an appositive as a state: "R-Ky.".
        let wj = &masked[ws[j].0..ws[j].1];
        if is_cap(wj)
            && !DETERMINERS.contains(&w.as_str())
            && !(wj.len() > 2 && wj.as_bytes()[1] == b'-')
        {
            break;
        }
        // Extend to the next comma or boundary.
        let mut m = j;
        while m + 1 < ws.len() {
            let g = &masked[ws[m].1..ws[m + 1].0];
            if g.contains([',', ';', ':', '—', '–', MASK as char])
                || (g.contains(['.', '!', '?'])
                    && sentence_end_at(masked, ws[m].1 + g.find(['.', '!', '?']).unwrap_or(0)))
            {
                break;
            }
            m += 1;
        }
        if m - j > 25 {
            break;
        }
        span_end = ws[m].1;
        j = m + 1;
        segs += 1;
    }
    Some(Speaker {
        span: (ws[0].0, span_end),
        core,
    })
}

/// Attribution right after a quote: ", said X" or ", X said" / "X told".
pub(super) fn attribution_after(masked: &str, e: usize, hi: usize) -> Option<Speaker> {
    // "“…” ― Jane Doe" at the end of a line: a signed quote.
    let line_end = masked[e..hi].find('\n').map_or(hi, |k| e + k);
    let rest = masked[e..line_end].trim_start();
    if let Some(r) = rest.strip_prefix(['―', '—', '–', '-']) {
        let name = r.trim();
        let nwords = name.split_whitespace().count();
        if (1..=6).contains(&nwords) && is_cap(name) {
            let a = line_end - r.len() + (r.len() - r.trim_start().len());
            let b = a + name.len();
            return Some(Speaker {
                span: (a, b),
                core: (a, b),
            });
        }
    }
    let send = sentence_end(masked, e, hi);
    let after = &masked[e..send];
    let t =
        after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-'));
    let p = e + (after.len() - t.len());
    if t.is_empty() || t.starts_with(MASK as char) {
        return None;
    }
    let m = VERB_RE.find(t)?;
    if m.start() > 160 || t[..m.start()].contains(MASK as char) {
        return None;
    }
    let v = p + m.start();
    if m.start() == 0 {
        return subject_after(masked, v + m.len(), send);
    }
    if m.as_str().eq_ignore_ascii_case("according to") {
        let sp = subject_after(masked, v + m.len() + 1, send)?;
        return (masked[p..v].trim().is_empty()).then_some(sp);
    }
    let sp = subject_before(masked, p, v)?;
    // The subject must start the clause ("…," the official said).
    masked[p..sp.span.0].trim().is_empty().then_some(sp)
}

/// Attribution earlier in the sentence: "X said …", "X wrote:", "according to X,".
pub(super) fn attribution_before(masked: &str, lo: usize, s: usize) -> Option<(Speaker, usize)> {
    let before = &masked[lo..s];
    let mut found = None;
    for m in VERB_RE.find_iter(before) {
        let v = lo + m.start();
        let sp = if m.as_str().eq_ignore_ascii_case("according to") {
            subject_after(masked, v + m.len() + 1, s)
        } else {
            subject_before(masked, lo, v).or_else(|| {
                // "…, said X: “…”" / "said X, “…”".
                subject_after(masked, v + m.len() + 1, s).filter(|sp| {
                    let rest = masked[sp.span.1..s].trim();
                    rest.is_empty() || rest == ":" || rest == ","
                })
            })
        };
        if let Some(sp) = sp {
            found = Some((sp, v));
        }
    }
    found
}

/// The speaker of a whole neighbouring sentence, for fallbacks.
pub(super) fn attribution_in(masked: &str, a: usize, b: usize, last: bool) -> Option<Speaker> {
    let mut out = None;
    for m in VERB_RE.find_iter(&masked[a..b]) {
        let v = a + m.start();
        let sp = if m.as_str().eq_ignore_ascii_case("according to") {
            subject_after(masked, v + m.len() + 1, b)
        } else {
            subject_before(masked, a, v)
        };
        if sp.is_some() {
            out = sp;
            if !last {
                break;
            }
        }
    }
    out
}

/// First person-like name in `masked[a..b]`: a run of capitalised words.
pub(super) fn first_name(masked: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let ws = words(masked, a, b);
    let mut i = 0;
    while i < ws.len() {
        let w = &masked[ws[i].0..ws[i].1];
        if is_cap(w) && !NOT_NAME.contains(&lower(w).as_str()) && !VERB_RE.is_match(&lower(w)) {
            let mut j = i;
            while j + 1 < ws.len()
                && masked[ws[j].1..ws[j + 1].0].trim().is_empty()
                && is_cap(&masked[ws[j + 1].0..ws[j + 1].1])
            {
                j += 1;
            }
            let s = &masked[ws[i].0..ws[j].1];
            let s = s.trim_end_matches(['\'', '’', 's']);
            if s.len() > 1 && !s.chars().all(|c| c.is_uppercase() || c == '.') {
                let end = masked[ws[i].0..ws[j].1]
                    .strip_suffix("’s")
                    .or_else(|| masked[ws[i].0..ws[j].1].strip_suffix("'s"))
                    .map_or(ws[j].1, |x| ws[i].0 + x.len());
                return Some((ws[i].0, end));
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    None
}

pub(super) fn is_pronoun(s: &str) -> bool {
    PRONOUNS.contains(&lower(s).as_str())
}

/// The largest char boundary of `s` not above `i`.
pub(super) fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Collapses runs of white space (left by blanked markup) to one space.
pub(super) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The smallest char boundary of `s` not below `i` (or its length).
pub(super) fn ceil_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}
