//! Where engine indices become the contract: unit ids and UTF-16 spans.
//!
//! Inside the engine a unit is a (report index, segment index) pair and text positions are
//! UTF-8 byte offsets. The result names units `"000:u3"` (report id, `:u`, segment index)
//! and gives offsets in UTF-16 code units, the unit JavaScript strings index by. This
//! module is the only place that formats or parses a unit id, and the only one that
//! turns byte offsets into result offsets.

use crate::model::{Range, ReportInput, Span};
use crate::text::tokenize::Word;
use crate::text::Prepared;

/// What separates the report id from the segment index in a unit id.
const UNIT_SEPARATOR: &str = ":u";

/// The reports being compared: the caller's inputs and their prepared text, by index.
pub struct Reports<'a> {
    pub inputs: &'a [ReportInput],
    pub prepared: &'a [Prepared<'a>],
}

impl<'a> Reports<'a> {
    pub fn new(inputs: &'a [ReportInput], prepared: &'a [Prepared<'a>]) -> Self {
        Reports { inputs, prepared }
    }

    /// How many reports there are.
    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    /// The id of report `r`.
    pub fn id(&self, r: usize) -> &'a str {
        &self.inputs[r].id
    }

    /// The id of segment `segment` of report `r`: `"000:u3"`.
    pub fn unit_id(&self, r: usize, segment: usize) -> String {
        format!("{}{UNIT_SEPARATOR}{segment}", self.inputs[r].id)
    }

    /// A byte offset of report `r` as a UTF-16 offset.
    pub fn utf16(&self, r: usize, byte: usize) -> usize {
        self.prepared[r].utf16.utf16(byte)
    }

    /// The text of report `r` between two byte offsets, as a result span of `segment`.
    pub fn span(&self, r: usize, segment: usize, start: usize, end: usize) -> Span {
        Span {
            unit: self.unit_id(r, segment),
            start: self.utf16(r, start),
            end: self.utf16(r, end),
            text: self.prepared[r].text[start..end].to_string(),
        }
    }

    /// Runs of `words` (of report `r`; first and last word index, inclusive) as UTF-16
    /// ranges from the first word's start to the last word's end.
    pub fn ranges(&self, r: usize, words: &[Word], runs: &[(usize, usize)]) -> Vec<Range> {
        runs.iter()
            .map(|&(first, last)| Range {
                start: self.utf16(r, words[first].start),
                end: self.utf16(r, words[last].end),
            })
            .collect()
    }
}

/// The (report index, segment index) a unit id names among `inputs`, if any.
pub fn parse_unit(inputs: &[ReportInput], id: &str) -> Option<(usize, usize)> {
    let (report, segment) = id.rsplit_once(UNIT_SEPARATOR)?;
    let r = inputs.iter().position(|x| x.id == report)?;
    Some((r, segment.parse().ok()?))
}

/// The id of the `index`-th (from 0) item of a result list: `numbered('g', 0)` is `"g1"`.
pub fn numbered(prefix: char, index: usize) -> String {
    format!("{prefix}{}", index + 1)
}

/// A score as the result gives it: three decimals.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(id: &str) -> ReportInput {
        ReportInput {
            id: id.into(),
            title: String::new(),
            text: String::new(),
        }
    }

    #[test]
    fn unit_ids_round_trip_even_when_a_report_id_holds_the_separator() {
        let inputs = [input("000"), input("a:u1")];
        assert_eq!(parse_unit(&inputs, "000:u12"), Some((0, 12)));
        assert_eq!(parse_unit(&inputs, "a:u1:u3"), Some((1, 3)));
        assert_eq!(parse_unit(&inputs, "001:u1"), None);
        assert_eq!(parse_unit(&inputs, "000:ux"), None);
        assert_eq!(parse_unit(&inputs, "000"), None);
        assert_eq!(numbered('g', 0), "g1");
    }
}
