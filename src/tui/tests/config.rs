//! Settings: remapped keys work and show in the help and hints, a bad file
//! is an error with its line and the defaults are used, the layout is
//! written back without touching the rest of the file.

use super::{chars, data, frames_text, key, press};
use crate::tui::config::{self, ThemeName};
use crate::tui::layout::Prefs;
use crate::tui::state::{Mode, State};
use crate::tui::view::Palette;
use ratatui::crossterm::event::KeyCode;

fn with(text: &str) -> State {
    let cfg = config::parse(text).unwrap_or_else(|e| panic!("{e:?}"));
    let mut s = State::new(data(), true);
    crate::tui::reduce::update(&mut s, crate::tui::state::Action::Resize(120, 40));
    cfg.apply(&mut s);
    s
}

#[test]
fn the_default_file_parses_to_the_defaults() {
    let text = config::default_file();
    let cfg = config::parse(&text).unwrap();
    assert_eq!(cfg.layout, Prefs::default());
    assert_eq!(cfg.theme, ThemeName::Auto);
    assert!(cfg.keys.is_empty(), "the key lines are comments");
    assert!(text.contains("# down = [\"j\", \"Down\"]"), "{text}");
    // Each commented key line is itself valid when uncommented.
    for line in text.lines().filter(|l| l.contains(" = [")) {
        let entry = line.trim_start_matches("# ");
        config::parse(&format!("[keys]\n{entry}\n")).unwrap_or_else(|e| panic!("{line}: {e:?}"));
    }
}

#[test]
fn a_remapped_key_moves_and_shows_in_help_and_hints() {
    let mut s = with("[keys]\ndown = [\"n\", \"Down\"]\n");
    press(&mut s, &chars("n"));
    assert_eq!(s.sel, 1);
    press(&mut s, &chars("j"));
    assert_eq!(s.sel, 1, "j no longer moves");
    press(&mut s, &[key(KeyCode::Down)]);
    assert_eq!(s.sel, 2);
    let frame = frames_text(&s);
    assert!(frame.contains("n move"), "the hint bar shows the new key");
    press(&mut s, &chars("?"));
    assert_eq!(s.mode, Mode::Help);
    let help = frames_text(&s);
    assert!(help.contains("n ↓"), "{help}");
}

#[test]
fn a_key_given_to_another_action_leaves_its_old_one() {
    let mut s = with("[keys]\nmark = [\"j\"]\n");
    press(&mut s, &chars("j"));
    assert_eq!((s.sel, s.marks.len()), (0, 1), "j marks, and does not move");
    press(&mut s, &[key(KeyCode::Down)]);
    assert_eq!(s.sel, 1, "down keeps its other key");
    press(&mut s, &chars(" "));
    assert_eq!(s.marks.len(), 1, "space no longer marks");
}

#[test]
fn errors_name_their_line_and_say_what_is_wrong() {
    let err = |t: &str| config::parse(t).unwrap_err().join("\n");
    let e = err("theme = \"dark\"\n\n[keys]\ndwn = [\"j\"]\n");
    assert!(
        e.contains("line 4") && e.contains("dwn is not an action"),
        "{e}"
    );
    let e = err("[keys]\ndown = [\"Ctrl-\"]\n");
    assert!(e.contains("line 2") && e.contains("not a key"), "{e}");
    let e = err("sort = \"time\"\nthme = \"dark\"\n");
    assert!(e.contains("line 2") && e.contains("unknown field"), "{e}");
    let e = err("theme = \"blue\"\n");
    assert!(e.contains("line 1"), "{e}");
    let e = err("[colors]\n\nheading = \"bright-plaid\"\n");
    assert!(e.contains("line 3") && e.contains("not a colour"), "{e}");
    let e = err("[layout]\nsplit = 95\n");
    assert!(e.contains("line 2") && e.contains("outside"), "{e}");
    let e = err("sort = \"time\"\nunsure_below = 1.5\n");
    assert!(e.contains("line 2") && e.contains("outside 0..=1"), "{e}");
    let e = err("[keys]\nquit = []\n");
    assert!(e.contains("no key"), "{e}");
}

#[test]
fn the_confidence_threshold_and_hiding_at_start_are_settings() {
    let d = data();
    let under = |t: f32| (d.items.iter()).filter(|it| d.confidence(it) < t).count();
    let (all, at_half, at_most) = (d.items.len(), under(0.5), under(0.9));
    assert!(
        at_most > at_half,
        "the bundled corpus has rows between 0.5 and 0.9"
    );
    let mut s = with("unsure_below = 0.9\nhide_unsure = true\n");
    assert!(s.hide_unsure, "hidden from the start");
    assert_eq!((s.shown.len(), s.unsure_hidden), (all - at_most, at_most));
    assert!(frames_text(&s).contains(&format!("{at_most} unsure hidden")));
    press(&mut s, &chars("C"));
    assert_eq!(s.shown.len(), all, "C shows them");
    press(&mut s, &chars("C"));
    assert_eq!(s.shown.len(), all - at_most);
    let s = with("");
    assert!(!s.hide_unsure, "shown unless the settings say otherwise");
    assert_eq!(s.unsure_below, crate::tui::state::UNSURE);
}

#[test]
fn a_bad_file_is_reported_and_none_of_it_used() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("config.toml");
    std::fs::write(&p, "sort = \"relevance\"\n[keys]\ndown = [\"nope-key\"]\n").unwrap();
    let loaded = config::load(Some(&p));
    assert_eq!(loaded.errors.len(), 1);
    assert!(loaded.errors[0].contains("line 3"), "{:?}", loaded.errors);
    assert!(loaded.errors[0].contains("using the defaults"));
    assert_eq!(loaded.config.sort, config::Sort::Time);
    let missing = config::load(Some(&dir.path().join("none.toml")));
    assert_eq!(missing.errors.len(), 1, "an explicit file must exist");
}

#[test]
fn the_layout_is_written_back_keeping_the_rest_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("dateline").join("config.toml");
    // No file yet: one is made with the layout alone.
    let prefs = Prefs {
        split: 40,
        source: false,
        chart: true,
    };
    config::save_layout(&p, &prefs).unwrap();
    assert_eq!(
        config::parse(&std::fs::read_to_string(&p).unwrap())
            .unwrap()
            .layout,
        prefs
    );
    std::fs::write(
        &p,
        "# my settings\ntheme = \"light\" # on a white terminal\n\n[layout]\nsplit = 60\n",
    )
    .unwrap();
    config::save_layout(&p, &prefs).unwrap();
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(
        text.starts_with("# my settings\ntheme = \"light\" # on a white terminal\n"),
        "{text}"
    );
    let cfg = config::parse(&text).unwrap();
    assert_eq!(cfg.layout, prefs);
    assert_eq!(cfg.theme, ThemeName::Light);
}

#[test]
fn settings_reach_the_explorer() {
    let s = with(
        "theme = \"light\"\nsort = \"relevance\"\nexport_dir = \"/tmp/briefs\"\n\
         [colors]\nheading = \"#102030\"\n[layout]\nsplit = 70\nchart = false\n",
    );
    assert!(s.by_relevance);
    assert_eq!(s.prefs.split, 70);
    assert_eq!(s.areas().unwrap().chart.height, 0);
    assert_eq!(s.palette.actors, Palette::light().actors);
    assert_eq!(
        s.palette.heading,
        ratatui::style::Color::Rgb(0x10, 0x20, 0x30)
    );
    let mut s = s;
    press(&mut s, &chars("e"));
    assert_eq!(s.prompt.text, "/tmp/briefs/dateline-briefing.md");
}

#[test]
fn no_color_leaves_the_light_theme_colourless() {
    let mut s = with("theme = \"light\"\n");
    s.color = false;
    let b = crate::tui::view::to_buffer(&s);
    let coloured = (0..b.area.height)
        .flat_map(|y| (0..b.area.width).map(move |x| (x, y)))
        .filter(|&p| b[p].fg != ratatui::style::Color::Reset)
        .count();
    assert_eq!(coloured, 0);
}

#[test]
fn a_bad_settings_line_stays_on_screen_after_the_first_resize() {
    // The shell puts the first settings error in the status line, then
    // learns the terminal's size: the size must not wipe the message.
    let mut s = State::new(data(), true);
    let e = config::parse("unsure_below = 2\n").unwrap_err();
    s.message = Some(e[0].clone());
    crate::tui::reduce::update(&mut s, crate::tui::state::Action::Resize(120, 40));
    assert!(frames_text(&s).contains("unsure_below = 2 is outside 0..=1"));
    press(&mut s, &chars("j"));
    assert!(s.message.is_none(), "a key clears it");
}
