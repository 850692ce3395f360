//! A one-line editor with readline's keys, for the filter bar and the
//! prompts: a text and a cursor (a byte offset on a char boundary).

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    pub text: String,
    pub cursor: usize,
}

/// What an editing key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Backspace,
    /// Ctrl-u: delete from the start of the line to the cursor.
    KillToStart,
    /// Ctrl-w: delete the word before the cursor.
    KillWord,
    Start,
    End,
    Left,
    Right,
    WordLeft,
    WordRight,
}

impl LineEdit {
    pub fn new(text: &str) -> LineEdit {
        LineEdit {
            text: text.to_string(),
            cursor: text.len(),
        }
    }

    pub fn set(&mut self, text: &str) {
        *self = LineEdit::new(text);
    }

    pub fn clear(&mut self) {
        self.set("");
    }

    pub fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    /// The text before and after the cursor.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor)
    }

    fn prev(&self, at: usize) -> usize {
        self.text[..at]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next(&self, at: usize) -> usize {
        self.text[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8())
    }

    /// Start of the word before `at` (skipping spaces first).
    fn word_start(&self, at: usize) -> usize {
        let mut i = at;
        while i > 0 && self.text[..i].ends_with(char::is_whitespace) {
            i = self.prev(i);
        }
        while i > 0 && !self.text[..i].ends_with(char::is_whitespace) {
            i = self.prev(i);
        }
        i
    }

    /// End of the word after `at` (skipping spaces first).
    fn word_end(&self, at: usize) -> usize {
        let mut i = at;
        while i < self.text.len() && self.text[i..].starts_with(char::is_whitespace) {
            i = self.next(i);
        }
        while i < self.text.len() && !self.text[i..].starts_with(char::is_whitespace) {
            i = self.next(i);
        }
        i
    }

    /// Applies an editing key; true when the text changed.
    pub fn apply(&mut self, e: Edit) -> bool {
        let before = self.text.len();
        match e {
            Edit::Backspace => {
                let p = self.prev(self.cursor);
                self.text.replace_range(p..self.cursor, "");
                self.cursor = p;
            }
            Edit::KillToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Edit::KillWord => {
                let p = self.word_start(self.cursor);
                self.text.replace_range(p..self.cursor, "");
                self.cursor = p;
            }
            Edit::Start => self.cursor = 0,
            Edit::End => self.cursor = self.text.len(),
            Edit::Left => self.cursor = self.prev(self.cursor),
            Edit::Right => self.cursor = self.next(self.cursor),
            Edit::WordLeft => self.cursor = self.word_start(self.cursor),
            Edit::WordRight => self.cursor = self.word_end(self.cursor),
        }
        self.text.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readline_keys() {
        let mut l = LineEdit::new("@bibi from:2026-03");
        assert!(l.apply(Edit::KillWord));
        assert_eq!(l.text, "@bibi ");
        l.apply(Edit::WordLeft);
        assert_eq!(l.cursor, 0);
        l.apply(Edit::WordRight);
        assert_eq!(l.cursor, 5);
        l.insert('x');
        assert_eq!(l.text, "@bibix ");
        l.apply(Edit::Start);
        l.apply(Edit::Right);
        l.insert('é');
        assert_eq!(l.text, "@ébibix ");
        l.apply(Edit::Left);
        l.apply(Edit::Right);
        l.apply(Edit::Backspace);
        assert_eq!((l.text.as_str(), l.cursor), ("@bibix ", 1));
        l.apply(Edit::End);
        l.apply(Edit::Left);
        assert!(l.apply(Edit::KillToStart));
        assert_eq!((l.text.as_str(), l.cursor), (" ", 0));
        assert!(!l.apply(Edit::Backspace), "nothing before the cursor");
        let mut l = LineEdit::new("a b");
        l.apply(Edit::KillToStart);
        assert_eq!(l.text, "");
    }
}
