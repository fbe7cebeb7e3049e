//! Text preparation: everything that happens to a report before it is compared.
//!
//! A report is segmented into units ([`segment`]), boilerplate units are set aside with a
//! reason ([`boilerplate`]), and every unit is split into normalised words ([`tokenize`]).
//! Offsets inside the engine are UTF-8 byte offsets into the original text; [`offsets`]
//! turns them into the UTF-16 code units that JavaScript indexes by, once, at the end.

pub mod boilerplate;
pub mod date_line;
pub mod gazetteer;
pub mod lexicon;
pub mod names;
pub mod offsets;
pub mod segment;
pub mod tokenize;

use offsets::Utf16Map;
use segment::Segment;
use tokenize::{Tokenizer, Word};

/// A report after text preparation.
pub struct Prepared<'t> {
    /// The original text.
    pub text: &'t str,
    pub segments: Vec<Segment>,
    /// Why each segment is boilerplate; `None` for news.
    pub boilerplate: Vec<Option<&'static str>>,
    /// The words of each segment.
    pub words: Vec<Vec<Word>>,
    pub utf16: Utf16Map,
}

impl<'t> Prepared<'t> {
    /// Prepares every report's text with one tokenizer.
    pub fn all(inputs: &'t [crate::model::ReportInput]) -> Vec<Prepared<'t>> {
        let tokenizer = Tokenizer::default();
        inputs
            .iter()
            .map(|r| Prepared::new(&r.text, &tokenizer))
            .collect()
    }

    /// Segments, classifies and tokenises `text`.
    pub fn new(text: &'t str, tokenizer: &Tokenizer) -> Self {
        let segments = segment::segment(text);
        let boilerplate = boilerplate::detect(text, &segments);
        let words = segments
            .iter()
            .map(|s| tokenizer.words(text, s.start, s.end))
            .collect();
        Prepared {
            text,
            segments,
            boilerplate,
            words,
            utf16: Utf16Map::new(text),
        }
    }
}

/// Where `needle` stands in `hay` as whole words, each start in order ("he" in "he said",
/// not inside "the" or "she").
pub fn whole_words<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let word = |c: char| c.is_alphanumeric();
    hay.match_indices(needle)
        .map(|(at, _)| at)
        .filter(move |&at| {
            !needle.is_empty()
                && !hay[..at].chars().next_back().is_some_and(word)
                && !hay[at + needle.len()..].chars().next().is_some_and(word)
        })
}
