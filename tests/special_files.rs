//! Nothing at the file-system level hangs, blows up or is destroyed:
//! FIFOs and devices (also behind links) are skipped, link loops walked
//! once, huge files refused, outputs written only to regular files that are
//! not inputs, write errors reported, and file names shown inert and kept
//! exact in JSON. Special files are made here, in a temporary folder; the
//! machine's device nodes are never written to.
#![cfg(unix)]

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const GOOD: &str = " date 2026-03-04 On Monday, Netanyahu called White House officials.\n";

fn dateline() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dateline"));
    c.env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"));
    c
}

/// Runs the command, failing the test (and killing the child) if it takes
/// longer than 60 s: a hang is a failure, not a stuck test run.
fn run(mut cmd: Command) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("dateline hung: {cmd:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn mkfifo(p: &Path) {
    let c = std::ffi::CString::new(p.as_os_str().as_bytes()).unwrap();
    assert_eq!(
        unsafe { libc::mkfifo(c.as_ptr(), 0o644) },
        0,
        "mkfifo {p:?}"
    );
}

fn is_fifo(p: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(p).unwrap().file_type().is_fifo()
}

fn folder_with_good() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    dir
}

fn check(dir: &Path) -> (i32, String, String) {
    let mut c = dateline();
    c.arg("check").arg(dir);
    let out = run(c);
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_fifo_and_links_to_it_are_skipped_without_blocking() {
    let dir = folder_with_good();
    mkfifo(&dir.path().join("pipe.txt"));
    std::os::unix::fs::symlink(dir.path().join("pipe.txt"), dir.path().join("link.txt")).unwrap();
    // A device, through a link, read only.
    std::os::unix::fs::symlink("/dev/null", dir.path().join("null.txt")).unwrap();
    let (code, out, _) = check(dir.path());
    assert!(out.contains("good.txt  2026-03-04"), "{out}");
    assert!(
        out.contains("pipe.txt: a FIFO (named pipe), not a regular file: skipped"),
        "{out}"
    );
    assert!(
        out.contains("link.txt: a FIFO (named pipe), not a regular file: skipped"),
        "{out}"
    );
    assert!(
        out.contains("null.txt: a character device, not a regular file: skipped"),
        "{out}"
    );
    assert_eq!(code, 1);
}

#[test]
fn a_fifo_as_the_alias_file_is_refused() {
    let dir = folder_with_good();
    let fifo = dir.path().join("aliases.fifo");
    mkfifo(&fifo);
    let mut c = dateline();
    c.arg("check").arg(dir.path()).arg("--aliases").arg(&fifo);
    let out = run(c);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("aliases.fifo: cannot read alias file: a FIFO (named pipe)"),
        "{text}"
    );
    assert!(text.contains("good.txt  2026-03-04"), "{text}");
    assert_eq!(out.status.code(), Some(1));
    // One found in the folder is reported too, but does not fail the load.
    mkfifo(&dir.path().join("aliases.conf"));
    let (code, out, _) = check(dir.path());
    assert!(
        out.contains("aliases.conf: cannot read alias file: a FIFO"),
        "{out}"
    );
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_link_loop_is_walked_once() {
    let dir = folder_with_good();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("inner.txt"), GOOD.replace("Monday", "Tuesday")).unwrap();
    std::os::unix::fs::symlink("..", sub.join("up")).unwrap();
    std::os::unix::fs::symlink(".", sub.join("self")).unwrap();
    std::os::unix::fs::symlink("inner.txt", sub.join("again.txt")).unwrap();
    let (code, out, _) = check(dir.path());
    assert!(
        out.contains("2 articles"),
        "each article once, however linked:\n{out}"
    );
    assert!(out.contains("folder already walked"), "{out}");
    assert!(out.contains("inner.txt: the same file as"), "{out}");
    assert_eq!(code, 0);
}

#[test]
fn a_file_over_the_limit_is_skipped_without_reading_it() {
    let dir = folder_with_good();
    let big = std::fs::File::create(dir.path().join("huge.txt")).unwrap();
    // Sparse: no disk is used.
    big.set_len(dateline::loader::MAX_FILE_BYTES + 1).unwrap();
    let start = Instant::now();
    let (code, out, _) = check(dir.path());
    assert!(
        out.contains("huge.txt: file too large (134217729 bytes; the limit is 134217728 bytes)"),
        "{out}"
    );
    assert!(out.contains("good.txt  2026-03-04"), "{out}");
    assert!(start.elapsed() < Duration::from_secs(20));
    assert_eq!(code, 1);
}

#[test]
fn file_names_are_shown_inert_and_kept_exact_in_json() {
    let dir = folder_with_good();
    let name = OsStr::from_bytes(b"bad\x1b[2J\x07\xff\xfe name.txt");
    std::fs::write(dir.path().join(name), GOOD).unwrap();
    let (_, out, _) = check(dir.path());
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
    assert!(
        out.contains("bad␛[2J␇\\xFF\\xFE name.txt  2026-03-04"),
        "{out}"
    );
    let mut c = dateline();
    c.arg("export").arg(dir.path());
    let json = run(c);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let art = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["path_bytes"].is_array())
        .expect("the non-UTF-8 name carries its bytes");
    let bytes: Vec<u8> = art["path_bytes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_u64().unwrap() as u8)
        .collect();
    let p = PathBuf::from(OsStr::from_bytes(&bytes));
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        GOOD,
        "maps back to the file"
    );
    assert_eq!(p.file_name().unwrap(), name);
    // A UTF-8 name is its path, with no bytes beside it.
    assert!(v["articles"].as_array().unwrap().iter().any(|a| {
        a["path"].as_str().unwrap().ends_with("good.txt") && a.get("path_bytes").is_none()
    }));
}

#[test]
fn terminal_controls_in_text_are_escaped_in_text_mode_and_json() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        " date 2026-03-04 On Monday, officials\u{9b}31m met \u{202e}here\x07 again.\n",
    )
    .unwrap();
    let mut c = dateline();
    c.arg(dir.path());
    let text = run(c);
    let s = String::from_utf8(text.stdout).unwrap();
    assert!(s.contains("officials�31m met"), "{s}");
    assert!(
        !s.chars()
            .any(|c| c != '\n' && dateline::sanitize::is_unsafe(c)),
        "{s:?}"
    );
    let mut c = dateline();
    c.arg("export").arg(dir.path());
    let json = String::from_utf8(run(c).stdout).unwrap();
    assert!(
        json.contains(r"\u009b31m") && json.contains(r"\u202e"),
        "{json}"
    );
    assert!(
        !json
            .chars()
            .any(|c| c != '\n' && dateline::sanitize::is_unsafe(c))
    );
}

fn export_to(dir: &Path, out: &Path) -> Output {
    let mut c = dateline();
    c.arg("export").arg(dir).arg("-o").arg(out);
    run(c)
}

#[test]
fn output_onto_a_fifo_is_refused_and_the_fifo_kept() {
    let dir = folder_with_good();
    let outdir = tempfile::tempdir().unwrap();
    let fifo = outdir.path().join("out.json");
    mkfifo(&fifo);
    let out = export_to(dir.path(), &fifo);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("is a FIFO (named pipe); only a regular file is written"),
        "{err}"
    );
    assert!(is_fifo(&fifo));
    // Also behind a link.
    let link = outdir.path().join("link.json");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    let out = export_to(dir.path(), &link);
    assert_eq!(out.status.code(), Some(2));
    assert!(is_fifo(&fifo));
    assert_eq!(
        std::fs::read_dir(outdir.path()).unwrap().count(),
        2,
        "no temporary left"
    );
}

#[test]
fn output_through_a_link_replaces_its_target_and_keeps_the_link() {
    let dir = folder_with_good();
    let outdir = tempfile::tempdir().unwrap();
    let real = outdir.path().join("real.json");
    std::fs::write(&real, "old").unwrap();
    let link = outdir.path().join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = export_to(dir.path(), &link);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&real).unwrap()).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 1);
}

#[test]
fn output_onto_an_input_is_refused_and_the_input_kept() {
    let dir = folder_with_good();
    let input = dir.path().join("good.txt");
    for target in [input.clone(), dir.path().join("alias.txt")] {
        if target != input {
            std::os::unix::fs::symlink(&input, &target).unwrap();
        }
        let mut c = dateline();
        c.arg("export").arg(&input).arg("-o").arg(&target);
        let out = run(c);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("it is the input"), "{err}");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), GOOD);
    }
    // The alias file is an input too.
    let aliases = dir.path().join("aliases.conf");
    std::fs::write(&aliases, "[person]\nBenjamin Netanyahu = Bibi\n").unwrap();
    let out = export_to(dir.path(), &aliases);
    assert_eq!(out.status.code(), Some(2));
    assert!(std::fs::read_to_string(&aliases).unwrap().contains("Bibi"));
}

#[test]
fn a_full_standard_output_is_an_error_not_a_panic() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    for args in [vec!["check"], vec!["export"], vec![]] {
        // Opened for writing only: writes to /dev/full fail with ENOSPC.
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = dateline()
            .args(&args)
            .arg(&data)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("cannot write to standard output: No space left on device"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn a_closed_pipe_is_silent() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    for args in [vec!["export", "--pretty"], vec!["check"], vec![]] {
        let mut child = dateline()
            .args(&args)
            .arg(&data)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
}
