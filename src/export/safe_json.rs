//! A JSON formatter that also escapes what serde_json leaves raw but a
//! terminal would act on: DEL, the C1 controls (U+0080–U+009F, U+009B
//! being a one-character escape sequence) and bidirectional overrides. The
//! document means the same; `dateline export | less` shows `\u009b`.

use crate::sanitize::is_unsafe;
use serde_json::ser::Formatter;
use std::io::{self, Write};

pub struct Safe<F>(pub F);

macro_rules! delegate {
    ($($name:ident$(($arg:ident: $t:ty))?),* $(,)?) => {$(
        fn $name<W: ?Sized + Write>(&mut self, w: &mut W $(, $arg: $t)?) -> io::Result<()> {
            self.0.$name(w $(, $arg)?)
        }
    )*};
}

impl<F: Formatter> Formatter for Safe<F> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        let mut last = 0;
        for (i, c) in s.char_indices() {
            if is_unsafe(c) {
                self.0.write_string_fragment(w, &s[last..i])?;
                write!(w, "\\u{:04x}", c as u32)?;
                last = i + c.len_utf8();
            }
        }
        self.0.write_string_fragment(w, &s[last..])
    }

    delegate!(
        begin_array,
        end_array,
        begin_array_value(first: bool),
        end_array_value,
        begin_object,
        end_object,
        begin_object_key(first: bool),
        end_object_key,
        begin_object_value,
        end_object_value,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(v: &serde_json::Value, pretty: bool) -> String {
        let mut out = Vec::new();
        if pretty {
            let f = Safe(serde_json::ser::PrettyFormatter::new());
            serde::Serialize::serialize(v, &mut serde_json::Serializer::with_formatter(&mut out, f))
        } else {
            let f = Safe(serde_json::ser::CompactFormatter);
            serde::Serialize::serialize(v, &mut serde_json::Serializer::with_formatter(&mut out, f))
        }
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn terminal_controls_are_escaped_and_read_back() {
        let v = serde_json::json!({"t": "a\u{9b}31m\u{7f}\u{202e}b\x1b“ok”", "n": [1, 2]});
        for pretty in [false, true] {
            let s = write(&v, pretty);
            assert!(s.contains(r"a\u009b31m\u007f\u202eb\u001b“ok”"), "{s}");
            assert!(!s.chars().any(|c| c != '\n' && is_unsafe(c)));
            assert_eq!(serde_json::from_str::<serde_json::Value>(&s).unwrap(), v);
        }
        assert!(write(&v, true).contains("\n  "));
    }
}
