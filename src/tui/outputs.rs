//! What leaves the explorer: the exports and the copied text.

use super::state::State;
use crate::export::{self, Format, Selection};
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
        let (bytes, n) = self.export_as(Format::Markdown);
        (String::from_utf8_lossy(&bytes).into_owned(), n)
    }

    /// The export targets written in `format`, and how many rows.
    pub fn export_as(&self, format: Format) -> (Vec<u8>, usize) {
        let items: Vec<&Item> = self
            .export_targets()
            .into_iter()
            .map(|i| &self.data.items[i])
            .collect();
        let opts = export::Options {
            selection: Selection {
                filter: self.filter_shown.clone(),
                ..Selection::default()
            },
            pretty: true,
        };
        let mut out = Vec::new();
        export::write(
            format,
            &self.data.corpus.model,
            Some(&items),
            &self.data.corpus.issues,
            &opts,
            &mut out,
        )
        .expect("writing to memory cannot fail");
        (out, items.len())
    }

    pub(super) fn copy_text(&self) -> Option<String> {
        let it = self.selected_item()?;
        let (art, span) = self.data.member_source(it.what);
        let a = &self.data.corpus.model.articles[art];
        Some(format!("{}\n— {}", it.text, export::citation(a, span)))
    }
}
