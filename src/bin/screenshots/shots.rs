//! The pictures in `screenshots/`: the explorer's main states, reached
//! with the keys a user would press on the corpus in `./data`, rendered by
//! the real drawing code and turned into SVG.

use crate::svg;
use dateline::corpus;
use dateline::tui::reduce::update;
use dateline::tui::replay::{chars, press};
use dateline::tui::state::{Action, Data, State};
use dateline::tui::view;
use ratatui::buffer::Buffer;
use std::sync::Arc;

/// The terminal size of every screenshot.
pub const SIZE: (u16, u16) = (140, 40);

/// One screenshot: a file name, what it shows, and the keys that reach it.
pub struct Shot {
    pub name: &'static str,
    pub caption: &'static str,
    /// Typed one key per character, from the app's first frame.
    pub keys: &'static str,
    /// Drawn with the light theme on a light terminal.
    pub light: bool,
}

pub const SHOTS: &[Shot] = &[
    Shot {
        name: "timeline",
        caption: "the timeline, and the source pane marking the selected event's exact words",
        keys: "jjjjjj",
        light: false,
    },
    Shot {
        name: "filter",
        caption: "typing the filter \"bibi\": matching rows, matched letters bold and underlined, the count",
        keys: "/bibi",
        light: false,
    },
    Shot {
        name: "help",
        caption: "the help, generated from the key table",
        keys: "?",
        light: false,
    },
    Shot {
        name: "export",
        caption: "two rows marked, and the export prompt",
        keys: "jj jjj e",
        light: false,
    },
    Shot {
        name: "people",
        caption: "the people view: actors of the shown rows with their quotes and mentions",
        keys: "pjj",
        light: false,
    },
    Shot {
        name: "light",
        caption: "the light theme (theme = \"light\"), a row selected on 3 March, the source pane on its words",
        keys: "t2026-03-03\rjj",
        light: true,
    },
];

/// The corpus `cargo run` opens in the repository root: `./data`.
pub fn data() -> Arc<Data> {
    Arc::new(Data::new(corpus::open(&[], None)))
}

/// The state a shot shows, reached with its keys, in colour.
pub fn state(data: Arc<Data>, shot: &Shot) -> State {
    let mut s = State::new(data, true);
    if shot.light {
        s.palette = dateline::tui::view::Palette::light();
    }
    update(&mut s, Action::Resize(SIZE.0, SIZE.1));
    press(&mut s, &chars(shot.keys));
    s
}

pub fn render(data: Arc<Data>, shot: &Shot) -> Buffer {
    view::to_buffer(&state(data, shot))
}

/// The SVG document of a shot.
pub fn svg(data: Arc<Data>, shot: &Shot) -> String {
    let look = if shot.light {
        svg::Look {
            palette: svg::Palette::light(),
            ..svg::Look::default()
        }
    } else {
        svg::Look::default()
    };
    svg::to_svg(&render(data, shot), &look)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline::tui::state::Mode;
    use ratatui::style::{Color, Modifier};
    use std::sync::OnceLock;

    fn shared() -> Arc<Data> {
        static DATA: OnceLock<Arc<Data>> = OnceLock::new();
        DATA.get_or_init(data).clone()
    }

    fn shot(name: &str) -> (State, Buffer) {
        let shot = SHOTS.iter().find(|s| s.name == name).expect("a shot");
        let s = state(shared(), shot);
        let b = view::to_buffer(&s);
        (s, b)
    }

    fn row(b: &Buffer, y: u16) -> String {
        (0..b.area.width).map(|x| b[(x, y)].symbol()).collect()
    }

    fn text(b: &Buffer) -> String {
        (0..b.area.height).map(|y| row(b, y) + "\n").collect()
    }

    #[test]
    fn the_corpus_is_the_repositorys_data_folder() {
        assert_eq!(shared().corpus.origin, "data/");
    }

    #[test]
    fn timeline_shows_the_span_in_its_source() {
        let (s, b) = shot("timeline");
        assert_eq!((s.mode.clone(), s.sel), (Mode::Normal, 6));
        let src = s.areas().unwrap().source_text();
        let marked = (src.y..src.bottom())
            .flat_map(|y| (src.x..src.right()).map(move |x| (x, y)))
            .filter(|&p| b[p].modifier.contains(Modifier::REVERSED) && b[p].fg == Color::Yellow)
            .count();
        assert!(marked > 40, "{marked} cells of the span shown");
        assert!(text(&b).contains("carried by: "));
        assert!(text(&b).contains("coverage "), "the chart above the list");
    }

    #[test]
    fn filter_is_typed_with_matches_and_the_count() {
        let (s, b) = shot("filter");
        assert_eq!(s.mode, Mode::Filter);
        let bar = row(&b, s.areas().unwrap().filter.y);
        assert!(bar.starts_with("/bibi▏"), "{bar}");
        let count = format!("{}/{}", s.shown.len(), s.data.items.len());
        assert!(
            s.shown.len() < s.data.items.len() && bar.contains(&count),
            "{bar}"
        );
        let emphasised = b
            .content()
            .iter()
            .filter(|c| c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED))
            .count();
        assert!(emphasised >= 4, "the matched letters of at least one row");
    }

    #[test]
    fn help_is_open() {
        let (s, b) = shot("help");
        assert_eq!(s.mode, Mode::Help);
        assert!(text(&b).contains("Help — Esc closes"));
    }

    #[test]
    fn export_prompt_with_two_marks() {
        let (s, b) = shot("export");
        assert_eq!((s.mode.clone(), s.marks.len()), (Mode::Prompt, 2));
        let status = row(&b, s.areas().unwrap().status.y);
        assert!(
            status.starts_with("export to: dateline-briefing.md"),
            "{status}"
        );
        assert_eq!(text(&b).matches('●').count(), 2);
    }

    /// The committed pictures are the current frames: a change to the
    /// drawing code needs `scripts/screenshots` run again.
    #[test]
    fn committed_screenshots_are_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
        let look = svg::Look::default();
        for shot in SHOTS {
            let path = dir.join(format!("{}.svg", shot.name));
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == svg(shared(), shot),
                "{} is missing or out of date: run scripts/screenshots",
                path.display()
            );
            let png = std::fs::read(path.with_extension("png")).unwrap_or_default();
            let size = |at: usize| {
                png.get(at..at + 4)
                    .map(|b| u32::from_be_bytes(b.try_into().unwrap()))
            };
            assert!(
                png.starts_with(b"\x89PNG\r\n\x1a\n"),
                "{}.png is missing",
                shot.name
            );
            assert_eq!(
                (size(16), size(20)),
                (
                    Some(SIZE.0 as u32 * look.cell_w),
                    Some(SIZE.1 as u32 * look.cell_h)
                ),
                "{}.png has the size of its SVG",
                shot.name
            );
        }
    }
}
