//! The people view's table: each actor of the shown rows with how many of
//! them are its quotes and how many mention it, most present first.

use crate::model::{Actor, Model};
use crate::timeline::{Item, ItemRef};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Index into `model.actors`.
    pub actor: usize,
    /// Shown quote rows it speaks.
    pub quotes: usize,
    /// Shown rows that name it (its own quotes included).
    pub mentions: usize,
}

/// Tallies the shown rows (indices into `items`) by actor: most quotes and
/// mentions first, then by name.
pub fn tally(model: &Model, items: &[Item], shown: &[usize]) -> Vec<Person> {
    let by_id: HashMap<&str, usize> = (model.actors.iter().enumerate())
        .map(|(i, a)| (&*a.id, i))
        .collect();
    let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
    for it in shown.iter().filter_map(|&i| items.get(i)) {
        for &a in &it.actors {
            counts.entry(a).or_default().1 += 1;
        }
        // The row's speaker as an actor (the row shows the name as written).
        let speaker = match it.what {
            ItemRef::Quote(q) => model.quotes.get(q).and_then(|q| q.speaker.as_deref()),
            ItemRef::Event(_) => None,
        };
        if let Some(&a) = speaker.and_then(|s| by_id.get(s)) {
            let c = counts.entry(a).or_default();
            c.0 += 1;
            if !it.actors.contains(&a) {
                c.1 += 1;
            }
        }
    }
    let mut out: Vec<Person> = (counts.into_iter())
        .filter(|(a, _)| *a < model.actors.len())
        .map(|(actor, (quotes, mentions))| Person {
            actor,
            quotes,
            mentions,
        })
        .collect();
    out.sort_by(|a, b| {
        (b.quotes + b.mentions)
            .cmp(&(a.quotes + a.mentions))
            .then_with(|| model.actors[a.actor].name.cmp(&model.actors[b.actor].name))
    });
    out
}

/// The filter that keeps one actor's rows: `@` and each word of the name
/// (`@bill @clinton`), so that a shared surname does not bring in the
/// other person.
pub fn filter_for(actor: &Actor) -> String {
    let words: Vec<String> = (actor.name.split_whitespace())
        // "O'Rourke" is the word "rourke" to the matcher: the longest
        // run of letters stands for the word.
        .map(|w| {
            (w.split(|c: char| !c.is_alphanumeric()))
                .max_by_key(|p| p.chars().count())
                .unwrap_or("")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .map(|w| format!("@{w}"))
        .collect();
    if words.is_empty() {
        format!("@{}", actor.id)
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;

    fn actor(id: &str, name: &str) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind: ActorKind::Person,
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: 0,
            candidates: Vec::new(),
        }
    }

    #[test]
    fn filters_take_every_word_of_the_name() {
        assert_eq!(
            filter_for(&actor("bill-clinton", "Bill Clinton")),
            "@bill @clinton"
        );
        assert_eq!(
            filter_for(&actor("o-rourke", "Beto O'Rourke")),
            "@beto @rourke"
        );
        assert_eq!(filter_for(&actor("x", "—")), "@x");
    }

    #[test]
    fn the_bundled_corpus_is_tallied_most_present_first() {
        let docs = crate::loader::bundled();
        let (table, _) = crate::aliases::AliasTable::with_general(crate::loader::BUNDLED_ALIASES);
        let (model, _) = crate::extract::build_model(&docs, &table);
        let items = crate::timeline::build(&model);
        let all: Vec<usize> = (0..items.len()).collect();
        let people = tally(&model, &items, &all);
        assert!(!people.is_empty());
        let top = &model.actors[people[0].actor].name;
        assert!(top.contains("Trump") || top.contains("Netanyahu"), "{top}");
        for w in people.windows(2) {
            assert!(w[0].quotes + w[0].mentions >= w[1].quotes + w[1].mentions);
        }
        let quotes: usize = people.iter().map(|p| p.quotes).sum();
        let spoken = items
            .iter()
            .filter(|i| match i.what {
                ItemRef::Quote(q) => model.quotes[q]
                    .speaker
                    .as_deref()
                    .is_some_and(|s| model.actors.iter().any(|a| &*a.id == s)),
                ItemRef::Event(_) => false,
            })
            .count();
        assert!(spoken > 5);
        assert_eq!(quotes, spoken, "each attributed quote row counted once");
        // Fewer shown rows, smaller counts.
        let some = tally(&model, &items, &all[..10]);
        let sum = |v: &[Person]| v.iter().map(|p| p.mentions).sum::<usize>();
        assert!(sum(&some) < sum(&people));
    }
}
