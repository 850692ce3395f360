//! A new corpus arriving in the open explorer (the first load filling in,
//! or the files read again): the selection, marks and filter carry over to
//! the rows that hold the same events and quotes, and rows that are new
//! since the first load are marked until seen.

use super::actions::{Arrival, Effect, NewData};
use super::data::{Data, MemberKey};
use super::state::State;
use std::collections::{BTreeSet, HashMap, HashSet};

/// The members of the given rows of `data`, by key.
fn keys_of<'a>(data: &'a Data, rows: impl Iterator<Item = &'a usize>) -> Vec<MemberKey> {
    rows.filter_map(|&i| data.items.get(i))
        .map(|it| data.member_key(it.what))
        .collect()
}

/// Rows of `index` holding any of `keys`.
fn rows_of(keys: &[MemberKey], index: &HashMap<MemberKey, usize>) -> BTreeSet<usize> {
    keys.iter().filter_map(|k| index.get(k).copied()).collect()
}

pub fn replace(s: &mut State, NewData(data, arrival): NewData) -> Vec<Effect> {
    let old = s.data.clone();
    let index = data.member_rows();
    let selected = s.shown.get(s.sel).and_then(|&i| old.items.get(i));
    let line = s.row_of.get(s.sel).map_or(0, |r| r.saturating_sub(s.top));
    s.pending = selected
        .and_then(|it| index.get(&old.member_key(it.what)).copied())
        .map(|row| (row, line));
    s.marks = rows_of(&keys_of(&old, s.marks.iter()), &index);
    let mut fresh = rows_of(&keys_of(&old, s.fresh.iter()), &index);
    if arrival == Arrival::Reloaded {
        let before = old.member_rows();
        let (added, note) = change(&old, &data, &before, &index);
        fresh.extend(added);
        s.message = Some(note);
    } else if arrival == Arrival::Loaded {
        s.loading = None;
        let warned = data.corpus.issues.len();
        if warned > 0 {
            s.message = Some(format!(
                "{} problem{} reading the files (dateline check lists them)",
                warned,
                if warned == 1 { "" } else { "s" }
            ));
        }
    }
    s.fresh = fresh;
    // Until the filter's answer for the new corpus comes, the rows shown
    // are those of the new corpus holding what was shown.
    let mut seen = HashSet::new();
    let shown: Vec<usize> = (keys_of(&old, s.shown.iter()).iter())
        .filter_map(|k| index.get(k).copied())
        .filter(|&i| seen.insert(i))
        .collect();
    let pending = s.pending;
    s.data = data;
    s.anchor = None;
    s.set_shown(shown);
    s.pending = pending;
    let effects = s.refilter();
    if s.mode == super::state::Mode::People {
        s.people = crate::people::tally(&s.data.corpus.model, &s.data.items, &s.shown);
        s.people_sel = s.people_sel.min(s.people.len().saturating_sub(1));
    }
    effects
}

/// The rows of `new` none of whose members `old` had, and what changed, in
/// words: "2 new articles, 14 events, 3 quotes; 1 article removed".
fn change(
    old: &Data,
    new: &Data,
    before: &HashMap<MemberKey, usize>,
    after: &HashMap<MemberKey, usize>,
) -> (Vec<usize>, String) {
    let paths = |d: &Data| -> HashSet<String> {
        (d.corpus.model.articles.iter())
            .map(|a| a.path.clone())
            .collect()
    };
    let (was, now) = (paths(old), paths(new));
    let added_articles = now.difference(&was).count();
    let removed_articles = was.difference(&now).count();
    let mut rows = Vec::new();
    let (mut events, mut quotes) = (0, 0);
    for (i, it) in new.items.iter().enumerate() {
        if it
            .members
            .iter()
            .all(|&m| !before.contains_key(&new.member_key(m)))
        {
            rows.push(i);
            if it.is_quote() {
                quotes += 1;
            } else {
                events += 1;
            }
        }
    }
    let gone = (old.items.iter())
        .filter(|it| {
            it.members
                .iter()
                .all(|&m| !after.contains_key(&old.member_key(m)))
        })
        .count();
    let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    let mut parts = Vec::new();
    if added_articles > 0 {
        parts.push(n(added_articles, "new article", "new articles"));
    }
    if events > 0 || added_articles > 0 {
        parts.push(n(events, "event", "events"));
    }
    if quotes > 0 {
        parts.push(n(quotes, "quote", "quotes"));
    }
    let mut note = if parts.is_empty() {
        String::new()
    } else {
        parts.join(", ")
    };
    if removed_articles > 0 || gone > 0 {
        if !note.is_empty() {
            note.push_str("; ");
        }
        let rows_gone = n(gone, "row", "rows");
        if removed_articles > 0 {
            let articles = n(removed_articles, "article", "articles");
            note.push_str(&format!("{articles} removed ({rows_gone} gone)"));
        } else {
            note.push_str(&format!("{rows_gone} gone"));
        }
    }
    if note.is_empty() {
        note = if rows.is_empty() && old.items.len() == new.items.len() {
            "read the files again: nothing changed".into()
        } else {
            format!(
                "read the files again: {} rows, was {}",
                new.items.len(),
                old.items.len()
            )
        };
    }
    (rows, note)
}
