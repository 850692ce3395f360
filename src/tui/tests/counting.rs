//! A filter pass still counting: its first rows shown with a marker, the
//! whole answer in their place without a jump.

use super::*;

/// Types `q` into the filter bar; the generation the worker is asked for.
fn type_filter(s: &mut State, q: &str) -> u64 {
    update(s, Action::Cmd(Cmd::Filter));
    let mut generation = None;
    for c in q.chars() {
        for e in update(s, Action::Input(c)) {
            if let Effect::Filter { generation: g, .. } = e {
                generation = Some(g);
            }
        }
    }
    generation.expect("typing asks for a filter")
}

fn answer(s: &mut State, generation: u64, shown: &[usize], partial: bool) {
    update(
        s,
        Action::Filtered {
            generation,
            shown: shown.to_vec(),
            wider: 0,
            partial,
        },
    );
}

/// The filter bar's line: the one with the count and the order.
fn filter_line(s: &State) -> String {
    let frame = frames_text(s);
    let line = frame
        .lines()
        .find(|l| l.contains("  by time") || l.contains("  by relevance"));
    line.unwrap_or_else(|| panic!("no filter bar in {frame}"))
        .to_string()
}

fn whole(s: &State, q: &str, by_relevance: bool) -> Vec<usize> {
    crate::tui::worker::run(&s.data, q, by_relevance, false).rows
}

#[test]
fn a_partial_answer_says_counting_until_the_whole_one() {
    let mut s = state(120, 30);
    let g = type_filter(&mut s, "e");
    let all = whole(&s, "e", false);
    assert!(all.len() > 60, "{}", all.len());
    answer(&mut s, g, &all[..40], true);
    assert_eq!(s.shown, all[..40]);
    let line = filter_line(&s);
    assert!(line.contains(" 40/"), "{line}");
    assert!(line.contains(" so far, counting"), "{line}");
    answer(&mut s, g, &all, false);
    let line = filter_line(&s);
    assert!(line.contains(&format!(" {}/", all.len())), "{line}");
    assert!(
        !line.contains("counting") && !line.contains("so far"),
        "{line}"
    );
    assert_eq!(s.counting, None);
}

#[test]
fn nothing_found_yet_says_so_while_counting() {
    let mut s = state(120, 30);
    let g = type_filter(&mut s, "zqx");
    answer(&mut s, g, &[], true);
    let frame = frames_text(&s);
    assert!(
        frame.contains("no matches so far for zqx, counting…"),
        "{frame}"
    );
    answer(&mut s, g, &[], false);
    let frame = frames_text(&s);
    assert!(frame.contains("no matches for zqx"), "{frame}");
    assert!(!frame.contains("counting"), "{frame}");
}

#[test]
fn a_stale_partial_answer_is_dropped() {
    let mut s = state(120, 30);
    let old = type_filter(&mut s, "e");
    let all = whole(&s, "e", false);
    // A key more: the older pass's rows no longer belong on screen.
    update(&mut s, Action::Input('x'));
    assert!(s.generation > old);
    answer(&mut s, old, &all[..5], true);
    assert_eq!(s.shown.len(), s.data.items.len(), "unfiltered still");
    assert_eq!(s.counting, None);
    assert!(!filter_line(&s).contains("counting"));
    // Nor does a partial answer of an older pass come back over a whole one.
    let g = s.generation;
    let ex = whole(&s, "ex", false);
    answer(&mut s, g, &ex, false);
    answer(&mut s, old, &all[..5], true);
    assert_eq!(s.shown, ex);
    assert!(!filter_line(&s).contains("counting"));
}

/// The selected item and its line on screen.
fn selected(s: &State) -> (usize, usize) {
    (s.shown[s.sel], s.row_of[s.sel] - s.top)
}

#[test]
fn the_whole_answer_keeps_the_selected_row_on_its_line() {
    for by_relevance in [false, true] {
        let mut s = state(120, 30);
        if by_relevance {
            press(&mut s, &chars("s"));
        }
        let g = type_filter(&mut s, "e");
        let all = whole(&s, "e", by_relevance);
        // What the pass had found first: rows early in the timeline, in
        // the order of the answer (by relevance, they move in the whole).
        let half = s.data.items.len() / 2;
        let mut part: Vec<usize> = all.iter().copied().filter(|&i| i < half).collect();
        part.truncate(50);
        assert!(part.len() == 50);
        answer(&mut s, g, &part, true);
        press(&mut s, &[key(KeyCode::Enter)]);
        // Down past the screen, then back up: mid-screen, scrolled.
        press(&mut s, &chars("jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjkkkkkkkk"));
        let before = selected(&s);
        assert!(
            s.top > 0 && before.1 > 0,
            "scrolled, mid-screen: {before:?}"
        );
        answer(&mut s, g, &all, false);
        assert_eq!(selected(&s), before, "by relevance: {by_relevance}");
    }
}

#[test]
fn marking_all_and_export_wait_for_the_whole_count() {
    let mut s = state(120, 30);
    let g = type_filter(&mut s, "e");
    let all = whole(&s, "e", false);
    answer(&mut s, g, &all[..40], true);
    press(&mut s, &[key(KeyCode::Enter)]);
    for cmd in [Cmd::MarkAll, Cmd::Export] {
        update(&mut s, Action::Cmd(cmd));
        assert_eq!(s.mode, Mode::Normal, "{cmd:?}");
        assert!(s.marks.is_empty(), "{cmd:?}");
        let m = s.message.clone().unwrap_or_default();
        assert!(m.contains("still counting"), "{cmd:?}: {m}");
    }
    answer(&mut s, g, &all, false);
    update(&mut s, Action::Cmd(Cmd::MarkAll));
    assert_eq!(s.marks.len(), all.len());
}
