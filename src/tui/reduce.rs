//! The reducer: an action in, the state changed, effects out for the
//! shell to carry out. One function per mode.

use super::actions::{Action, Cmd, Effect};
use super::jump;
use super::state::{DEFAULT_EXPORT, Focus, LineEdit, Mode, State};
use std::path::PathBuf;

/// How many applied filters the history keeps.
pub const HISTORY_MAX: usize = 500;

pub fn update(s: &mut State, action: Action) -> Vec<Effect> {
    if !matches!(
        action,
        Action::Filtered { .. }
            | Action::Message(_)
            | Action::Loading(_)
            | Action::Replace(_)
            | Action::Resize(..)
    ) {
        s.message = None;
    }
    match action {
        Action::Cmd(Cmd::ForceQuit) => {
            s.quit = true;
            vec![Effect::Quit]
        }
        Action::Resize(w, h) => {
            s.size = (w, h);
            s.keep_visible();
            Vec::new()
        }
        Action::Filtered {
            generation,
            shown,
            wider,
            partial,
        } => {
            if generation == s.generation {
                s.answer(generation, shown, wider, partial);
            }
            Vec::new()
        }
        Action::Message(m) => {
            if matches!(s.mode, Mode::Prompt | Mode::Confirm(_)) {
                s.mode = Mode::Normal;
            }
            s.message = Some(m);
            Vec::new()
        }
        Action::Loading(p) => {
            s.loading = Some(p);
            Vec::new()
        }
        Action::Replace(new) => super::arrive::replace(s, new),
        Action::AskOverwrite(p) => {
            s.mode = Mode::Confirm(p);
            Vec::new()
        }
        Action::Scroll { col, row, down } => {
            s.scroll_at(col, row, if down { 3 } else { -3 });
            Vec::new()
        }
        Action::Click { col, row } => {
            s.click_at(col, row);
            Vec::new()
        }
        Action::Input(c) => match s.mode {
            Mode::Filter => {
                s.filter.insert(c);
                s.history_pos = None;
                s.refilter()
            }
            Mode::Prompt | Mode::Jump => {
                s.prompt.insert(c);
                Vec::new()
            }
            _ => Vec::new(),
        },
        Action::Cmd(cmd) => match s.mode.clone() {
            Mode::Normal => normal(s, cmd),
            Mode::Filter => filter_mode(s, cmd),
            Mode::Help => {
                match cmd {
                    Cmd::Back => s.mode = Mode::Normal,
                    Cmd::Down => s.help_scroll += 1,
                    Cmd::Up => s.help_scroll = s.help_scroll.saturating_sub(1),
                    _ => {}
                }
                Vec::new()
            }
            Mode::Prompt => match cmd {
                Cmd::Back => {
                    s.mode = Mode::Normal;
                    s.message = Some("export cancelled".into());
                    Vec::new()
                }
                Cmd::Edit(e) => {
                    s.prompt.apply(e);
                    Vec::new()
                }
                Cmd::Accept if !s.prompt.text.trim().is_empty() => {
                    let path = PathBuf::from(s.prompt.text.trim());
                    if crate::export::Format::from_path(&path).is_none() {
                        s.message = Some(
                            "end the name in .md, .csv, .jsonl, .json or .timeline.json to choose the format"
                                .into(),
                        );
                        return Vec::new();
                    }
                    vec![Effect::Export {
                        path,
                        overwrite: false,
                    }]
                }
                _ => Vec::new(),
            },
            Mode::Jump => {
                jump_mode(s, cmd);
                Vec::new()
            }
            Mode::People => people_mode(s, cmd),
            Mode::Confirm(path) => match cmd {
                Cmd::Yes => vec![Effect::Export {
                    path,
                    overwrite: true,
                }],
                Cmd::No => {
                    s.mode = Mode::Prompt;
                    Vec::new()
                }
                _ => Vec::new(),
            },
        },
    }
}

fn normal(s: &mut State, cmd: Cmd) -> Vec<Effect> {
    let in_source = s.focus == Focus::Source;
    let page = s.page();
    match cmd {
        Cmd::Quit => {
            s.quit = true;
            return vec![Effect::Quit];
        }
        Cmd::Down if in_source => s.scroll_source(1),
        Cmd::Up if in_source => s.scroll_source(-1),
        Cmd::PageDown if in_source => s.scroll_source(page),
        Cmd::PageUp if in_source => s.scroll_source(-page),
        Cmd::Down => s.move_by(1),
        Cmd::Up => s.move_by(-1),
        Cmd::Top => s.select(0),
        Cmd::Bottom => s.select(usize::MAX),
        Cmd::HalfDown => s.move_by(page / 2),
        Cmd::HalfUp => s.move_by(-page / 2),
        Cmd::PageDown => s.move_by(page),
        Cmd::PageUp => s.move_by(-page),
        Cmd::NextGroup | Cmd::PrevGroup => match s.group_step(cmd == Cmd::NextGroup) {
            Some(p) => s.select(p),
            None if s.by_relevance => {
                s.message = Some("no date headings in relevance order (s)".into())
            }
            None => {}
        },
        Cmd::FocusNext | Cmd::FocusPrev | Cmd::FocusSource if !s.prefs.source => {
            // The hidden pane comes back to take the focus.
            s.prefs.source = true;
            s.focus = Focus::Source;
            s.keep_visible();
            return vec![Effect::SavePrefs(s.prefs)];
        }
        Cmd::FocusNext | Cmd::FocusPrev => {
            s.focus = match s.focus {
                Focus::Timeline => Focus::Source,
                Focus::Source => Focus::Timeline,
            }
        }
        Cmd::FocusSource => s.focus = Focus::Source,
        Cmd::NextMember | Cmd::PrevMember => {
            if let Some(n) = s.selected_item().map(|i| i.members.len())
                && n > 1
            {
                s.member = if cmd == Cmd::NextMember {
                    (s.member + 1) % n
                } else {
                    (s.member + n - 1) % n
                };
                s.source_scroll = None;
            }
        }
        Cmd::Mark => {
            if let Some(&i) = s.shown.get(s.sel)
                && !s.marks.remove(&i)
            {
                s.marks.insert(i);
            }
        }
        Cmd::RangeMark => match s.anchor.take() {
            None if !s.shown.is_empty() => s.anchor = Some(s.sel),
            None => {}
            Some(a) => {
                let (lo, hi) = (a.min(s.sel), a.max(s.sel));
                let chosen: Vec<usize> = s.shown[lo..=hi.min(s.shown.len() - 1)].to_vec();
                s.marks.extend(chosen);
            }
        },
        // Rows the filter has not counted yet would be left out.
        Cmd::MarkAll | Cmd::Export if s.counting.is_some() => {
            s.message = Some("the filter is still counting its rows: try again in a moment".into())
        }
        Cmd::MarkAll => s.marks.extend(s.shown.iter().copied()),
        Cmd::Unmark => {
            let n = s.marks.len();
            s.marks.clear();
            s.anchor = None;
            s.message = Some(format!("cleared {n} marks"));
        }
        Cmd::Export => {
            s.mode = Mode::Prompt;
            let path = match &s.export_dir {
                Some(dir) => dir.join(DEFAULT_EXPORT).display().to_string(),
                None => DEFAULT_EXPORT.to_string(),
            };
            s.prompt.set(&path);
        }
        Cmd::ShrinkList | Cmd::GrowList => {
            if !s.prefs.source {
                s.message = Some("the source pane is hidden: \\ shows it".into());
            } else {
                let steps = if cmd == Cmd::GrowList { 1 } else { -1 };
                s.prefs = s.prefs.resized(steps);
                s.message = Some(format!("timeline {}% of the width", s.prefs.split));
                s.keep_visible();
                return vec![Effect::SavePrefs(s.prefs)];
            }
        }
        Cmd::ToggleSource => {
            s.prefs.source = !s.prefs.source;
            if !s.prefs.source && s.focus == Focus::Source {
                s.focus = Focus::Timeline;
            }
            s.keep_visible();
            return vec![Effect::SavePrefs(s.prefs)];
        }
        Cmd::ToggleChart => {
            s.prefs.chart = !s.prefs.chart;
            s.keep_visible();
            return vec![Effect::SavePrefs(s.prefs)];
        }
        Cmd::ToggleUnsure => {
            s.hide_unsure = !s.hide_unsure;
            let effects = s.refilter();
            s.message = Some(if s.hide_unsure {
                format!(
                    "rows under {} confidence hidden (C shows them)",
                    s.unsure_below
                )
            } else {
                "every row shown, however unsure".into()
            });
            return effects;
        }
        Cmd::Reload => {
            s.message = Some("reading the files again…".into());
            return vec![Effect::Reload];
        }
        Cmd::People => {
            s.people = crate::people::tally(&s.data.corpus.model, &s.data.items, &s.shown);
            s.people_sel = 0;
            s.mode = Mode::People;
        }
        Cmd::Copy => {
            if let Some(t) = s.copy_text() {
                s.message = Some("copied the row and its citation (OSC 52)".into());
                return vec![Effect::Copy(t)];
            }
        }
        Cmd::Help => {
            s.mode = Mode::Help;
            s.help_scroll = 0;
        }
        Cmd::Filter => {
            s.mode = Mode::Filter;
            s.focus = Focus::Timeline;
            s.filter_before = s.filter.text.clone();
            s.filter.apply(super::edit::Edit::End);
            s.history_pos = None;
        }
        Cmd::JumpDate => {
            s.mode = Mode::Jump;
            s.prompt.clear();
        }
        Cmd::ToggleOrder => {
            s.by_relevance = !s.by_relevance;
            s.reorder();
            return s.refilter();
        }
        Cmd::ToggleWider => {
            s.show_wider = !s.show_wider;
            return s.refilter();
        }
        Cmd::Back => {
            let had_anchor = s.anchor.take().is_some();
            if had_anchor {
                // Esc first cancels a range mark.
            } else if s.focus == Focus::Source {
                s.focus = Focus::Timeline;
            } else if !s.filter.text.is_empty() {
                // Esc in the list takes off the applied filter.
                s.filter.clear();
                return s.refilter();
            }
        }
        _ => {}
    }
    Vec::new()
}

/// The people view: move, and Enter filters the timeline by the chosen
/// actor (the filter is applied, as if typed and kept).
fn people_mode(s: &mut State, cmd: Cmd) -> Vec<Effect> {
    let last = s.people.len().saturating_sub(1);
    match cmd {
        Cmd::Down => s.people_sel = (s.people_sel + 1).min(last),
        Cmd::Up => s.people_sel = s.people_sel.saturating_sub(1),
        Cmd::Top => s.people_sel = 0,
        Cmd::Bottom => s.people_sel = last,
        Cmd::Back => s.mode = Mode::Normal,
        Cmd::Accept => {
            s.mode = Mode::Normal;
            let Some(p) = s.people.get(s.people_sel) else {
                return Vec::new();
            };
            let f = crate::people::filter_for(&s.data.corpus.model.actors[p.actor]);
            s.filter.set(&f);
            let mut out = s.refilter();
            s.history.retain(|h| *h != f);
            s.history.push(f.clone());
            out.push(Effect::Remember(f));
            return out;
        }
        _ => {}
    }
    Vec::new()
}

fn filter_mode(s: &mut State, cmd: Cmd) -> Vec<Effect> {
    match cmd {
        Cmd::Accept => {
            s.mode = Mode::Normal;
            s.history_pos = None;
            let q = s.filter.text.trim().to_string();
            if !q.is_empty() {
                s.history.retain(|h| *h != q);
                s.history.push(q.clone());
                let over = s.history.len().saturating_sub(HISTORY_MAX);
                s.history.drain(..over);
                return vec![Effect::Remember(q)];
            }
        }
        Cmd::Back => {
            // Back to what was there before the bar was opened.
            s.mode = Mode::Normal;
            s.history_pos = None;
            let before = std::mem::take(&mut s.filter_before);
            if before != s.filter.text {
                s.filter.set(&before);
                return s.refilter();
            }
        }
        Cmd::Edit(e) if s.filter.apply(e) => {
            s.history_pos = None;
            return s.refilter();
        }
        Cmd::HistoryPrev | Cmd::HistoryNext => return history_step(s, cmd == Cmd::HistoryPrev),
        Cmd::ToggleOrder => {
            s.by_relevance = !s.by_relevance;
            s.reorder();
            return s.refilter();
        }
        Cmd::Down => s.move_by(1),
        Cmd::Up => s.move_by(-1),
        _ => {}
    }
    Vec::new()
}

/// Up/Down in the filter bar: older and newer applied filters, then back
/// to the line that was being typed.
fn history_step(s: &mut State, older: bool) -> Vec<Effect> {
    let n = s.history.len();
    let next = match (s.history_pos.take(), older) {
        (None, true) if n > 0 => Some((n - 1, s.filter.text.clone())),
        (None, _) => None,
        (Some((i, draft)), true) => Some((i.saturating_sub(1), draft)),
        (Some((i, draft)), false) if i + 1 < n => Some((i + 1, draft)),
        (Some((_, draft)), false) => {
            s.filter.set(&draft);
            return s.refilter();
        }
    };
    let Some((i, draft)) = next else {
        return Vec::new();
    };
    s.filter = LineEdit::new(&s.history[i]);
    s.history_pos = Some((i, draft));
    s.refilter()
}

fn jump_mode(s: &mut State, cmd: Cmd) {
    match cmd {
        Cmd::Back => s.mode = Mode::Normal,
        Cmd::Edit(e) => {
            s.prompt.apply(e);
        }
        Cmd::Accept => {
            s.mode = Mode::Normal;
            let shown_date = s.selected_item().map(|i| i.date.start);
            let year = jump::year_hint(shown_date, s.today);
            let typed = s.prompt.text.trim().to_string();
            match jump::parse(&typed, s.today, year) {
                None => {
                    s.message = Some(format!(
                        "not a date: {typed:?} (try 2026-03-03, Mar 3 or today)"
                    ))
                }
                Some(day) => match s.position_on(day) {
                    None => s.message = Some("nothing shown to jump to".into()),
                    Some(p) => {
                        s.select(p);
                        let got = s.data.items[s.shown[p]].date.start;
                        if got != day {
                            s.message = Some(format!("nothing on {day}; nearest is {got}"));
                        }
                    }
                },
            }
        }
        _ => {}
    }
}
