//! Word-level differences between two units: which words of each the other lacks.
//!
//! Words are diffed with `similar` (patience) on their normalised forms, so case, curly
//! quotes and possessives do not count as changes. A clean-up pass then absorbs a lone
//! unchanged stop word between two changes into the change, as diff-match-patch's
//! semantic clean-up does: "the c[at c]ame" is harder to read than "the [cat came]".
//! Changes are reported as UTF-16 ranges of the original text.

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::model::Range;
use crate::text::tokenize::Word;

/// Changed ranges of each side, as UTF-16 ranges of the original text.
pub fn word_changes(
    a: &[Word],
    b: &[Word],
    utf16_a: &dyn Fn(usize) -> usize,
    utf16_b: &dyn Fn(usize) -> usize,
) -> (Vec<Range>, Vec<Range>) {
    let keys_a: Vec<&str> = a.iter().map(|w| w.norm.as_str()).collect();
    let keys_b: Vec<&str> = b.iter().map(|w| w.norm.as_str()).collect();
    let mut changed_a = vec![true; a.len()];
    let mut changed_b = vec![true; b.len()];
    for op in capture_diff_slices(Algorithm::Patience, &keys_a, &keys_b) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            changed_a[old_index..old_index + len].fill(false);
            changed_b[new_index..new_index + len].fill(false);
        }
    }
    absorb_lone_stop_words(a, &mut changed_a);
    absorb_lone_stop_words(b, &mut changed_b);
    (
        ranges(a, &changed_a, utf16_a),
        ranges(b, &changed_b, utf16_b),
    )
}

/// An unchanged stop word with changes on both sides reads better as part of the change.
fn absorb_lone_stop_words(words: &[Word], changed: &mut [bool]) {
    for i in 1..changed.len().saturating_sub(1) {
        if !changed[i] && changed[i - 1] && changed[i + 1] && words[i].stop {
            changed[i] = true;
        }
    }
}

/// Runs of changed words as ranges from the first word's start to the last word's end.
fn ranges(words: &[Word], changed: &[bool], utf16: &dyn Fn(usize) -> usize) -> Vec<Range> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !changed[i] {
            i += 1;
            continue;
        }
        let first = i;
        while i + 1 < words.len() && changed[i + 1] {
            i += 1;
        }
        out.push(Range {
            start: utf16(words[first].start),
            end: utf16(words[i].end),
        });
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize::Tokenizer;

    fn words(text: &str) -> Vec<Word> {
        Tokenizer::default().words(text, 0, text.len())
    }

    fn changed<'t>(text: &'t str, ranges: &[Range]) -> Vec<&'t str> {
        ranges.iter().map(|r| &text[r.start..r.end]).collect()
    }

    #[test]
    fn word_changes_ignore_case_quotes_and_possessives() {
        let a = "The Taliban’s arguments are illogical, a source said.";
        let b = "the Taliban's arguments are illogical and detached, one source said.";
        let id = |x: usize| x;
        let (ca, cb) = word_changes(&words(a), &words(b), &id, &id);
        assert_eq!(changed(a, &ca), ["a"]);
        assert_eq!(changed(b, &cb), ["and detached, one"]);
    }

    #[test]
    fn lone_stop_word_between_changes_joins_them() {
        let a = "Pakistan presented evidence of militant groups.";
        let b = "Pakistan shared proof of terrorist groups.";
        let id = |x: usize| x;
        let (ca, cb) = word_changes(&words(a), &words(b), &id, &id);
        assert_eq!(changed(a, &ca), ["presented evidence of militant"]);
        assert_eq!(changed(b, &cb), ["shared proof of terrorist"]);
    }
}
