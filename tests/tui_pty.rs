//! The real binary in a pseudo-terminal with a settings file: remapped
//! keys, jump to a date, filter, mark, export, resize, quit, and the
//! terminal is left as it was found.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Screen {
    bytes: Arc<Mutex<Vec<u8>>>,
}

impl Screen {
    fn text(&self) -> String {
        let mut p = vt100::Parser::new(
            std::num::NonZero::new(40).unwrap(),
            std::num::NonZero::new(120).unwrap(),
            0,
        );
        p.process(&self.bytes.lock().unwrap());
        p.screen().contents()
    }

    /// Polls the parsed screen until `pred` holds; fails with the screen.
    fn wait(&self, what: &str, pred: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let t = self.text();
            if pred(&t) {
                return;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen:\n{t}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_for(&self, needle: &str) {
        self.wait(needle, |t| t.contains(needle));
    }
}

/// A child in a pseudo-terminal: the child, its keyboard, its screen, the
/// thread reading what it draws, and the terminal's master side.
type Started = (
    Box<dyn portable_pty::Child + Send + Sync>,
    Box<dyn Write + Send>,
    Screen,
    std::thread::JoinHandle<()>,
    Box<dyn portable_pty::MasterPty + Send>,
);

/// Starts the command in a 120x40 pseudo-terminal: the child, its keyboard,
/// its screen, and the thread reading what it draws.
fn start(cmd: CommandBuilder) -> Started {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let keys = pair.master.take_writer().unwrap();
    let bytes = Arc::new(Mutex::new(Vec::new()));
    let sink = bytes.clone();
    let reading = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    (child, keys, Screen { bytes }, reading, pair.master)
}

#[test]
fn filter_mark_export_and_quit_in_a_pty() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.md");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"));
    cmd.env_remove("DATELINE_MOUSE");
    let state = tempfile::tempdir().unwrap();
    cmd.env("XDG_STATE_HOME", state.path());
    // A settings file that remaps two keys, as a user would write it.
    let config = tempfile::tempdir().unwrap();
    let settings = config.path().join("dateline/config.toml");
    std::fs::create_dir_all(settings.parent().unwrap()).unwrap();
    std::fs::write(
        &settings,
        "# mine\n[keys]\ndown = [\"n\", \"Down\"]\nmark = [\"m\"]\n",
    )
    .unwrap();
    cmd.env("XDG_CONFIG_HOME", config.path());
    let (mut child, mut keys, screen, reading, master) = start(cmd);
    let mut send = |s: &str| {
        keys.write_all(s.as_bytes()).unwrap();
        keys.flush().unwrap();
    };

    screen.wait_for("Timeline — data/");
    screen.wait("the full count N/N", |t| full_count(t).is_some());
    let all = full_count(&screen.text()).unwrap();
    // The remapped key is in the hint bar and the help.
    screen.wait_for("n move");
    send("?");
    screen.wait_for("n ↓");
    send("\x1b");
    screen.wait("the help closed", |t| !t.contains("n ↓"));
    send("n");
    // t jumps to a typed date: its heading is on screen, and no word that
    // the day had nothing.
    send("t2026-03-03\r");
    screen.wait("the list at 3 March", |t| {
        t.contains("Tue 3 Mar 2026") && !t.contains("jump to date")
    });
    assert!(!screen.text().contains("nothing on 2026-03-03"));
    send("/bibi");
    screen.wait("the filter to narrow", |t| {
        t.contains("/bibi") && !t.contains(&all)
    });
    send("\r");
    screen.wait_for("filter: bibi");
    // Ctrl-u clears the line; Esc goes back to the filter there was.
    send("/");
    send("\x15");
    screen.wait("the line cleared", |t| {
        t.contains(&all) && !t.contains("/bibi")
    });
    send("\x1b");
    screen.wait_for("filter: bibi");

    send("gmnm");
    screen.wait_for("2 marked");
    send("e");
    screen.wait_for("export to: dateline-briefing.md");
    send(&"\x7f".repeat("dateline-briefing.md".len()));
    send(out.to_str().unwrap());
    send("\r");
    screen.wait_for("exported 2 items to");
    // A wider list is remembered in the settings file.
    send(">");
    screen.wait_for("timeline 60% of the width");
    send("q");

    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(start.elapsed() < TIMEOUT, "did not exit on q");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "exit status {status:?}");
    drop(master);
    reading.join().unwrap();

    let history = std::fs::read_to_string(state.path().join("dateline/history")).unwrap();
    assert_eq!(history, "bibi\n", "the applied filter is remembered");

    let kept = std::fs::read_to_string(&settings).unwrap();
    assert!(kept.starts_with("# mine\n[keys]"), "{kept}");
    assert!(kept.contains("split = 60"), "{kept}");

    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.starts_with("# dateline briefing"), "{md}");
    assert!(md.contains("bibi"), "the briefing names its filter");
    assert!(md.contains("Netanyahu"), "{md}");

    let raw = screen.bytes.lock().unwrap().clone();
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(64)..]).into_owned();
    let leave = tail
        .rfind("\x1b[?1049l")
        .expect("leaves the alternate screen");
    let show = tail.rfind("\x1b[?25h").expect("shows the cursor");
    assert!(leave < show, "{tail:?}");
    assert!(
        tail.trim_end_matches(['\r', '\n']).ends_with("\x1b[?25h"),
        "nothing drawn after restoring: {tail:?}"
    );
}

/// The "N/N" count shown when nothing is filtered out and loading is done.
fn full_count(screen: &str) -> Option<String> {
    if screen.contains("so far") {
        return None;
    }
    screen.split_whitespace().find_map(|w| {
        let (a, b) = w.split_once('/')?;
        (!a.is_empty() && a == b && a.chars().all(|c| c.is_ascii_digit())).then(|| w.to_string())
    })
}

/// The row the detail strip shows: the line above the filter bar.
fn detail(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let bar = (lines.iter())
        .rposition(|l| l.contains("/ to filter") || l.contains("filter:"))
        .unwrap_or(0);
    lines[..bar]
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.split('│').next().unwrap_or(l).trim().to_string())
        .unwrap_or_default()
}

#[test]
fn watch_shows_a_new_article_and_drops_a_removed_one_keeping_the_selection() {
    let corpus = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for f in ["000_bc706ae1db6b178c.txt", "001_c159d0900175c4db.txt"] {
        std::fs::copy(root.join(f), corpus.path().join(f)).unwrap();
    }
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.arg("--watch");
    cmd.arg(corpus.path());
    cmd.env("TERM", "xterm-256color");
    let (cache, state, config) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    cmd.env("XDG_CACHE_HOME", cache.path());
    cmd.env("XDG_STATE_HOME", state.path());
    cmd.env("XDG_CONFIG_HOME", config.path());
    cmd.env_remove("DATELINE_MOUSE");
    let (mut child, mut keys, screen, reading, _master) = start(cmd);
    let mut send = |s: &str| {
        keys.write_all(s.as_bytes()).unwrap();
        keys.flush().unwrap();
    };
    screen.wait("the full count N/N", |t| full_count(t).is_some());
    let before = full_count(&screen.text()).unwrap();
    // Select the fourth row and remember it.
    send("jjj");
    std::thread::sleep(Duration::from_millis(200));
    let chosen = detail(&screen.text());
    assert!(!chosen.is_empty(), "{}", screen.text());

    let new = corpus.path().join("new.txt");
    std::fs::write(
        &new,
        "Date: 2026-03-06\n\nOn Thursday, the harbour office in Velmora opened a ferry line.\n",
    )
    .unwrap();
    screen.wait_for("1 new article, 1 event");
    assert_eq!(detail(&screen.text()), chosen, "the selection stayed");
    send("/ferry\r");
    screen.wait_for("harbour office in Velmora");
    send("\x1b");
    screen.wait("the filter cleared", |t| full_count(t).is_some());
    assert_ne!(full_count(&screen.text()).unwrap(), before);
    // The filter moved the selection to the new row: choose another.
    send("gjjj");
    std::thread::sleep(Duration::from_millis(200));
    let chosen = detail(&screen.text());
    assert!(!chosen.contains("Velmora"), "{chosen}");

    std::fs::remove_file(&new).unwrap();
    screen.wait_for("1 article removed");
    screen.wait("the count as at first", |t| {
        full_count(t).as_deref() == Some(&before)
    });
    assert_eq!(detail(&screen.text()), chosen, "the selection stayed");
    assert!(!screen.text().contains("Velmora"));
    send("/ferry\r");
    screen.wait_for("no matches for ferry");
    send("\x1b");
    // Apart, or Esc and q read as Alt-q.
    screen.wait("the filter cleared", |t| full_count(t).is_some());
    send("q");
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        assert!(start.elapsed() < TIMEOUT, "did not quit");
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(keys);
    let _ = reading.join();
}
