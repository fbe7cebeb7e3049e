//! Where a date line is read: the heading that dates a report ("Tuesday, 02 January 2024
//! 12:17 GMT"), which its relative dates ("on Sunday") resolve against.

use crate::details::Anchor;
use crate::text::segment::SegmentKind;
use crate::text::{lexicon, Prepared};

/// A report's date line: its segment and date.
pub fn find(prep: &Prepared<'_>) -> Option<(usize, Anchor)> {
    let s = prep.segments.iter().position(|seg| {
        seg.kind == SegmentKind::Heading && is_date_line(&prep.text[seg.start..seg.end])
    })?;
    Some((s, crate::details::date_line(&prep.words[s])?))
}

/// A publication date line: a month name and a four-digit year in a few words.
pub fn is_date_line(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let year = words
        .iter()
        .any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()));
    words.len() <= 8 && year && words.iter().any(|w| lexicon::MONTHS.contains(w))
}
