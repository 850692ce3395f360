//! What leaves the explorer: the export briefing and the copied text.

use super::state::State;
use crate::export::{self, Selection};
use crate::timeline::Item;

impl State {
    /// Items an export writes: the marked ones, else every shown one, in
    /// timeline order.
    pub fn export_targets(&self) -> Vec<usize> {
        let mut v: Vec<usize> = if self.marks.is_empty() {
            self.shown.clone()
        } else {
            self.marks.iter().copied().collect()
        };
        v.sort_unstable();
        v
    }

    /// The markdown briefing of the export targets, and how many items.
    pub fn briefing(&self) -> (String, usize) {
        let items: Vec<&Item> = self
            .export_targets()
            .into_iter()
            .map(|i| &self.data.items[i])
            .collect();
        let sel = Selection {
            filter: self.filter_shown.clone(),
            ..Selection::default()
        };
        (
            export::to_markdown(&self.data.corpus.model, &items, &sel),
            items.len(),
        )
    }

    pub(super) fn copy_text(&self) -> Option<String> {
        let it = self.selected_item()?;
        let (art, span) = self.data.member_source(it.what);
        let a = &self.data.corpus.model.articles[art];
        Some(format!("{}\n— {}", it.text, export::citation(a, span)))
    }
}
