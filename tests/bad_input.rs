//! Bad input costs only itself: each case is reported with its path and
//! what is wrong, and the good article beside it still loads.

use std::path::Path;
use std::process::Command;

const GOOD: &str = " date 2026-03-04 On Monday, Netanyahu called White House officials.\n";

fn check(dir: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .arg("check")
        .arg(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn with_bad(name: &str, bytes: &[u8]) -> (tempfile::TempDir, i32, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let (code, out) = check(dir.path());
    assert!(
        out.contains("good.txt  2026-03-04"),
        "the good article loads:\n{out}"
    );
    (dir, code, out)
}

#[test]
fn binary_file_is_skipped() {
    let (_d, code, out) = with_bad("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(
        out.contains("image.txt: binary file (not text), skipped"),
        "{out}"
    );
    assert_eq!(code, 1);
}

#[test]
fn empty_file_is_skipped() {
    let (_d, code, out) = with_bad("empty.txt", b"");
    assert!(out.contains("empty.txt: empty file, skipped"), "{out}");
    assert_eq!(code, 1);
}

#[test]
fn invalid_utf8_loads_with_a_warning() {
    let (_d, code, out) = with_bad(
        "latin1.txt",
        b" date 2026-03-05 Caf\xe9 owners said on Tuesday they were open.\n",
    );
    assert!(out.contains("latin1.txt  2026-03-05"), "{out}");
    assert!(
        out.contains("latin1.txt: invalid UTF-8: 1 byte(s) replaced with '?' (first at byte 20)"),
        "{out}"
    );
    assert_eq!(code, 0);
}

#[test]
fn undated_article_loads_with_a_warning() {
    let (_d, code, out) = with_bad(
        "undated.txt",
        b"Officials met on Monday to discuss the talks.\n",
    );
    assert!(out.contains("undated.txt  undated"), "{out}");
    assert!(
        out.contains("undated.txt: no publication date found"),
        "{out}"
    );
    assert_eq!(code, 0);
}

#[test]
fn crlf_and_bom_are_read() {
    let text =
        "\u{feff} date 2026-03-04 Officials met on Monday.\r\n\r\nThey spoke again on Tuesday.\r\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("crlf.txt"), text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .args(["export", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let model: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let events = model["events"].as_array().unwrap();
    assert_eq!(events.len(), 2, "{events:?}");
    for e in events {
        let (s, t) = (
            e["span"][0].as_u64().unwrap() as usize,
            e["span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..t], e["text"].as_str().unwrap());
    }
    assert_eq!(events[0]["date"]["start"], "2026-03-02");
    assert_eq!(events[1]["date"]["start"], "2026-03-03");
}

#[test]
fn a_50_mb_file_loads_with_a_note() {
    let mut big = String::from(" date 2026-03-04 ");
    let para = "Officials said on Monday that talks would continue, according to the ministry.\n\n";
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(para);
    }
    let (_d, code, out) = with_bad("big.txt", big.as_bytes());
    assert!(out.contains("big.txt  2026-03-04"), "{out}");
    assert!(out.contains("big.txt: large file (52.4 MB)"), "{out}");
    assert_eq!(code, 0);
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, GOOD).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        // Running as root, permissions do not stop reads: a link to
        // nowhere is a file no one can read.
        std::fs::remove_file(&locked).unwrap();
        std::os::unix::fs::symlink(dir.path().join("gone"), &locked).unwrap();
        let (code, out) = check(dir.path());
        assert!(
            out.contains("locked.txt: cannot read: no such file or folder"),
            "{out}"
        );
        assert!(out.contains("good.txt  2026-03-04"), "{out}");
        assert_eq!(code, 1);
        return;
    }
    let (code, out) = check(dir.path());
    assert!(
        out.contains("locked.txt: cannot read: permission denied"),
        "{out}"
    );
    assert!(out.contains("good.txt  2026-03-04"), "{out}");
    assert_eq!(code, 1);
}

#[test]
fn missing_path_is_reported_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .arg("check")
        .arg(dir.path().join("good.txt"))
        .arg(dir.path().join("nope.txt"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("nope.txt: cannot open: no such file or folder"),
        "{text}"
    );
    assert!(text.contains("good.txt  2026-03-04"), "{text}");
    assert_eq!(out.status.code(), Some(1));
}
