//! Whole frames on a test backend: snapshots and the styles that carry
//! meaning (selection, span, matches) without colour.

use super::{act, bundled_corpus, chars, key, press, state};
use crate::tui::reduce::update;
use crate::tui::state::{Action, Data, Focus, State};
use crate::tui::view::to_buffer as render;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use std::sync::Arc;

fn text_of(b: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..b.area.height {
        let mut skip = 0;
        for x in 0..b.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = b[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    out
}

/// The cell where `needle` starts, within `r`. of `needle` on some line.
fn find(b: &Buffer, r: ratatui::layout::Rect, needle: &str) -> Option<(u16, u16)> {
    for y in r.y..r.y + r.height {
        let line: Vec<&str> = (r.x..r.x + r.width).map(|x| b[(x, y)].symbol()).collect();
        let joined: String = line.concat();
        if let Some(i) = joined.find(needle) {
            let col = joined[..i].chars().count();
            return Some((r.x + col as u16, y));
        }
    }
    None
}

#[test]
fn snapshot_80x24() {
    let mut s = state(80, 24);
    press(&mut s, &chars("jj"));
    insta::assert_snapshot!("frame_80x24", text_of(&render(&s)));
}

#[test]
fn snapshot_people_view_and_hidden_source() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut s = state(w, h);
        press(&mut s, &chars("pj"));
        insta::assert_snapshot!(format!("frame_{w}x{h}_people"), text_of(&render(&s)));
        press(&mut s, &[key(KeyCode::Esc)]);
        press(&mut s, &chars("\\>"));
        insta::assert_snapshot!(format!("frame_{w}x{h}_no_source"), text_of(&render(&s)));
    }
}

#[test]
fn snapshot_160x48_filtered_with_help() {
    let mut s = state(160, 48);
    press(&mut s, &chars("/bibi"));
    press(&mut s, &[key(KeyCode::Enter)]);
    press(&mut s, &chars(" j "));
    insta::assert_snapshot!("frame_160x48_bibi", text_of(&render(&s)));
    press(&mut s, &chars("?"));
    insta::assert_snapshot!("frame_160x48_help", text_of(&render(&s)));
}

#[test]
fn snapshot_too_small() {
    let s = state(39, 9);
    let text = text_of(&render(&s));
    assert!(text.contains("terminal too small"));
    insta::assert_snapshot!("frame_too_small", text);
}

#[test]
fn styles_mark_selection_span_and_matches() {
    let mut s = state(160, 48);
    press(&mut s, &chars("/bibi"));
    let b = render(&s);
    // The selected row is reversed across the list.
    let list = s.areas().unwrap().list();
    let row = list.y + (s.row_of[s.sel] - s.top) as u16;
    assert!(b[(list.x + 5, row)].modifier.contains(Modifier::REVERSED));
    // Some cell of a shown row carries the match emphasis.
    let matched = (list.y..list.y + list.height).any(|y| {
        (list.x..list.x + list.width).any(|x| {
            b[(x, y)]
                .modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED)
        })
    });
    assert!(matched, "matched characters are bold and underlined");
    // The span's first characters in the source pane are highlighted.
    let (art, span) = s.source().unwrap();
    let text = s.data.text(art);
    let head: String = text[span.start..span.end].chars().take(12).collect();
    let src = s.areas().unwrap().source_text();
    let (x, y) = find(&b, src, &head).expect("span visible");
    let m = b[(x, y)].modifier;
    assert!(m.contains(Modifier::REVERSED | Modifier::BOLD));
    if x > src.x && span.start > 0 {
        assert!(!b[(x - 1, y)].modifier.contains(Modifier::REVERSED));
    }
}

#[test]
fn article_control_characters_are_drawn_inert() {
    let mut c = bundled_corpus();
    let evil = "Before \x1b[31mred\x07 after. ";
    let path = c.model.articles[0].path.clone();
    let d = (crate::loader::bundled().into_iter())
        .find(|d| d.path.to_string_lossy() == path)
        .unwrap();
    c.model.articles[0].text = Some(format!("{evil}{}", &d.text[evil.len()..]));
    let data = Arc::new(Data::new(c));
    let mut s = State::new(data, false);
    update(&mut s, Action::Resize(120, 40));
    // Show the first article from its top.
    let pos = s
        .shown
        .iter()
        .position(|&i| s.data.items[i].article == 0)
        .unwrap();
    for _ in 0..pos {
        press(&mut s, &chars("j"));
    }
    press(&mut s, &[key(KeyCode::Tab), key(KeyCode::Home)]);
    for _ in 0..60 {
        press(&mut s, &chars("k"));
    }
    let text = text_of(&render(&s));
    assert!(text.contains("Before ␛[31mred␇ after."), "{text}");
    assert!(!text.contains('\x1b') && !text.contains('\x07'));
}

#[test]
fn mouse_click_selects_and_wheel_scrolls_the_pane_under_it() {
    let mut s = state(120, 40);
    let list = s.areas().unwrap().list();
    // The first item row below the top one (day headings are not items).
    let offset = (1..list.height as usize)
        .find(|&r| matches!(s.rows[s.top + r], crate::tui::state::Row::Item(i) if i != s.sel))
        .expect("an item row on screen");
    let target = s.rows[s.top + offset];
    act(
        &mut s,
        Action::Click {
            col: list.x + 3,
            row: list.y + offset as u16,
        },
    );
    assert_eq!(target, crate::tui::state::Row::Item(s.sel));
    act(
        &mut s,
        Action::Scroll {
            col: list.x + 3,
            row: list.y,
            down: true,
        },
    );
    assert_eq!(s.sel, 4);
    let src = s.areas().unwrap().source_text();
    act(
        &mut s,
        Action::Scroll {
            col: src.x + 1,
            row: src.y + 1,
            down: true,
        },
    );
    assert_eq!(
        s.sel, 4,
        "the wheel over the source pane leaves the list alone"
    );
    assert!(s.source_scroll.is_some());
    act(
        &mut s,
        Action::Click {
            col: src.x + 1,
            row: src.y + 1,
        },
    );
    assert_eq!(s.focus, Focus::Source);
}

#[test]
fn resize_relays_out_and_keeps_the_selection_visible() {
    let mut s = state(160, 48);
    press(&mut s, &chars("G"));
    act(&mut s, Action::Resize(60, 12));
    let h = s.areas().unwrap().list().height as usize;
    let row = s.row_of[s.sel];
    assert!(row >= s.top && row < s.top + h);
    let text = text_of(&render(&s));
    assert!(text.contains("Timeline"));
    act(&mut s, Action::Resize(30, 8));
    assert!(text_of(&render(&s)).contains("terminal too small"));
}

#[test]
fn no_color_keeps_emphasis_without_colours() {
    use ratatui::style::Color;
    let mut s = state(120, 40);
    press(&mut s, &chars("/bibi"));
    let plain = render(&s);
    assert!(
        plain
            .content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    assert!(
        plain
            .content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::REVERSED))
    );
    s.color = true;
    assert!(render(&s).content().iter().any(|c| c.fg != Color::Reset));
}

#[test]
fn filter_bar_shows_count_and_query_errors() {
    let mut s = state(120, 40);
    press(&mut s, &chars("/from:yesterday"));
    let text = text_of(&render(&s));
    assert!(text.contains("not a date"), "{text}");
    assert!(text.contains(&format!("/{}", s.data.items.len())));
}
