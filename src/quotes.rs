//! Direct quotations and who said them.

/// A direct quotation found in an article's clean text.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMention {
    /// Byte range from the opening to the closing quotation mark (inclusive of
    /// both marks); a quote split around "he said" spans both parts.
    pub start: usize,
    pub end: usize,
    /// The quoted words without the marks; split parts joined by a space.
    pub text: String,
    /// The speaker as written: "Trump", "one source", "a U.S. official", "he".
    pub speaker_text: Option<String>,
    /// Byte range of `speaker_text` in the text.
    pub speaker_span: Option<(usize, usize)>,
    /// For a pronoun speaker, the name it refers to ("Trump").
    pub resolved: Option<String>,
}

/// Finds every direct quotation in `text`, the clean text of a whole article.
pub fn find_quotes(_text: &str) -> Vec<QuoteMention> {
    Vec::new()
}
