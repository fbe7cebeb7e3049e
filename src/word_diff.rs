//! Word-level differences between two units: which words of each the other lacks.
//!
//! Words are diffed with `similar` (patience) on their normalised forms, so case, curly
//! quotes and possessives do not count as changes. A clean-up pass then absorbs a lone
//! unchanged stop word between two changes into the change, as diff-match-patch's
//! semantic clean-up does: "the c[at c]ame" is harder to read than "the [cat came]".
//! Changes are runs of word indices; [`crate::ids`] turns them into UTF-16 ranges.

use std::borrow::Borrow;

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::text::tokenize::Word;

/// The patience diff of two word lists, compared by their normalised forms.
pub fn ops<A: Borrow<Word>, B: Borrow<Word>>(a: &[A], b: &[B]) -> Vec<DiffOp> {
    let keys_a: Vec<&str> = a.iter().map(|w| w.borrow().norm.as_str()).collect();
    let keys_b: Vec<&str> = b.iter().map(|w| w.borrow().norm.as_str()).collect();
    capture_diff_slices(Algorithm::Patience, &keys_a, &keys_b)
}

/// Runs of word indices: the first and last word of each, inclusive.
pub type Runs = Vec<(usize, usize)>;

/// The changed words of each side, as runs.
pub fn changed_runs(a: &[Word], b: &[Word]) -> (Runs, Runs) {
    let mut changed_a = vec![true; a.len()];
    let mut changed_b = vec![true; b.len()];
    for op in ops(a, b) {
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
    (runs(&changed_a), runs(&changed_b))
}

/// An unchanged stop word with changes on both sides reads better as part of the change.
fn absorb_lone_stop_words(words: &[Word], changed: &mut [bool]) {
    for i in 1..changed.len().saturating_sub(1) {
        if !changed[i] && changed[i - 1] && changed[i + 1] && words[i].stop {
            changed[i] = true;
        }
    }
}

/// Runs of `true` as (first, last) index pairs.
fn runs(changed: &[bool]) -> Runs {
    let mut out = Vec::new();
    let mut i = 0;
    while i < changed.len() {
        if !changed[i] {
            i += 1;
            continue;
        }
        let first = i;
        while i + 1 < changed.len() && changed[i + 1] {
            i += 1;
        }
        out.push((first, i));
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

    fn changed<'t>(text: &'t str, runs: &[(usize, usize)]) -> Vec<&'t str> {
        let words = words(text);
        runs.iter()
            .map(|&(first, last)| &text[words[first].start..words[last].end])
            .collect()
    }

    #[test]
    fn word_changes_ignore_case_quotes_and_possessives() {
        let a = "The Taliban’s arguments are illogical, a source said.";
        let b = "the Taliban's arguments are illogical and detached, one source said.";
        let (ca, cb) = changed_runs(&words(a), &words(b));
        assert_eq!(changed(a, &ca), ["a"]);
        assert_eq!(changed(b, &cb), ["and detached, one"]);
    }

    #[test]
    fn lone_stop_word_between_changes_joins_them() {
        let a = "Pakistan presented evidence of militant groups.";
        let b = "Pakistan shared proof of terrorist groups.";
        let (ca, cb) = changed_runs(&words(a), &words(b));
        assert_eq!(changed(a, &ca), ["presented evidence of militant"]);
        assert_eq!(changed(b, &cb), ["shared proof of terrorist"]);
    }
}
