//! The one sanitiser for text that reaches a terminal or a text stream:
//! article text, file names and warnings in `check`, the text timeline,
//! warnings on standard error and the explorer's panes. C0 controls
//! (escape, bell, ...), DEL, C1 controls (U+0080–U+009F, of which U+009B
//! starts a command like ESC [ does) and bidirectional overrides become
//! visible, inert symbols of one column each, so nothing from an article
//! or a file name can reach the terminal as a command or reorder a line.

use std::borrow::Cow;
use std::path::Path;

/// Whether `c` could act on a terminal or reorder the text around it.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\0'..='\x1f' | '\x7f'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// How a character is shown: controls become their visible symbol (␛ for
/// escape, ␇ for bell, ␡ for DEL), a C1 control or a bidi override the
/// replacement character; a tab is a space. Everything else is itself.
pub fn inert(c: char) -> char {
    match c {
        '\t' => ' ',
        '\x7f' => '␡',
        c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
        c if is_unsafe(c) => '�',
        c => c,
    }
}

/// `s` with every unsafe character made inert; borrowed when there is none.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c == '\t' || is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(inert).collect())
}

/// A file name as shown: its UTF-8 parts sanitised, and each byte that is
/// not UTF-8 written `\xHH`, so two different names never look alike.
pub fn path(p: &Path) -> String {
    name_bytes(p.as_os_str().as_encoded_bytes())
}

/// Like [`path`], for the bytes of a name.
pub fn name_bytes(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.utf8_chunks() {
        out.push_str(&sanitize(chunk.valid()));
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_overrides_become_visible() {
        assert_eq!(sanitize("a\x1b[31mb\x07"), "a␛[31mb␇");
        assert_eq!(sanitize("x\u{9b}31my\u{202e}z\x7f"), "x�31my�z␡");
        assert!(matches!(sanitize("plain “text” 日本"), Cow::Borrowed(_)));
        assert_eq!(sanitize("tab\there\nline"), "tab here␊line");
        for c in (0..0x20).chain(0x7f..0xa0).filter_map(char::from_u32) {
            assert!(!inert(c).is_control(), "{c:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn file_names_keep_their_bytes_visible() {
        use std::os::unix::ffi::OsStrExt;
        let p = Path::new(std::ffi::OsStr::from_bytes(b"dir/caf\xe9\x1b.txt"));
        assert_eq!(path(p), "dir/caf\\xE9␛.txt");
    }
}
