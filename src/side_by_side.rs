//! Side by side: two reports' units paired, with word-level differences inside pairs.
//!
//! Units are paired one to one, strongest link first, among the pairs the alignment found
//! (sharing a group, or linked above the link threshold). The pairs that keep both
//! reports' order (a longest increasing subsequence) are `aligned`; the others are
//! `moved`, with the position of the counterpart. Units with no counterpart stand alone
//! (`onlyA`, `onlyB`), placed where they occur in their own report.
//!
//! Inside a pair, words are diffed with `similar` (patience) on their normalised forms,
//! so case, curly quotes and possessives do not count as changes. A clean-up pass then
//! absorbs a lone unchanged stop word between two changes into the change, as
//! diff-match-patch's semantic clean-up does: "the c[at c]ame" is harder to read than
//! "the [cat came]". Changes are reported as UTF-16 ranges of the original text.

use std::collections::HashMap;

use crate::align::{self, Corpus, Link};
use crate::model::{Relation, ReportInput, Row, RowKind, SideBySide};
use crate::text::tokenize::Word;
use crate::text::Prepared;
use crate::word_diff::word_changes;

/// Reports `a` and `b` side by side, pairing units that are linked or share a group.
pub(crate) fn layout(
    inputs: &[ReportInput],
    prepared: &[Prepared<'_>],
    corpus: &Corpus,
    links: &[Link],
    groups: &[Vec<usize>],
    a: usize,
    b: usize,
) -> crate::model::SideBySide {
    // Corpus units come in report order, then text order.
    let of = |r: usize| -> Vec<usize> {
        (0..corpus.units.len())
            .filter(|&u| corpus.units[u].report == r)
            .collect()
    };
    let (units_a, units_b) = (of(a), of(b));
    let position = |list: &[usize], u: usize| list.binary_search(&u).ok();
    let mut candidates: HashMap<(usize, usize), f32> = HashMap::new();
    for link in links {
        for (x, y) in [(link.a, link.b), (link.b, link.a)] {
            if let (Some(i), Some(j)) = (position(&units_a, x), position(&units_b, y)) {
                candidates.insert((i, j), link.score);
            }
        }
    }
    for members in groups {
        for &x in members.iter().filter(|&&x| corpus.units[x].report == a) {
            for &y in members.iter().filter(|&&y| corpus.units[y].report == b) {
                let (i, j) = (
                    position(&units_a, x).unwrap(),
                    position(&units_b, y).unwrap(),
                );
                candidates.entry((i, j)).or_insert(0.0);
            }
        }
    }
    let candidates: Vec<Candidate> = candidates
        .into_iter()
        .map(|((i, j), score)| (i, j, score))
        .collect();
    let relation = |i: usize, j: usize| {
        align::relation(
            &corpus.units[units_a[i]].vector,
            &corpus.units[units_b[j]].vector,
        )
    };
    let utf16_a = |x: usize| prepared[a].utf16.utf16(x);
    let utf16_b = |x: usize| prepared[b].utf16.utf16(x);
    let side_a = side(inputs, prepared, corpus, a, &units_a, &utf16_a);
    let side_b = side(inputs, prepared, corpus, b, &units_b, &utf16_b);
    side_by_side(
        &inputs[a].id,
        &inputs[b].id,
        &side_a,
        &side_b,
        &candidates,
        &relation,
    )
}

pub(crate) fn side<'a>(
    inputs: &[ReportInput],
    prepared: &'a [Prepared<'_>],
    corpus: &Corpus,
    r: usize,
    list: &[usize],
    utf16: &'a dyn Fn(usize) -> usize,
) -> Side<'a> {
    Side {
        units: list
            .iter()
            .map(|&u| format!("{}:u{}", inputs[r].id, corpus.units[u].segment))
            .collect(),
        words: list
            .iter()
            .map(|&u| prepared[r].words[corpus.units[u].segment].as_slice())
            .collect(),
        utf16,
    }
}

/// One report's side of the comparison: its units' words and ids, in text order.
pub struct Side<'a> {
    /// Unit ids of the comparable units, in text order.
    pub units: Vec<String>,
    /// The words of each of those units.
    pub words: Vec<&'a [Word]>,
    /// Byte offset to UTF-16 offset.
    pub utf16: &'a dyn Fn(usize) -> usize,
}

/// A candidate pair: unit index in a, unit index in b, score.
pub type Candidate = (usize, usize, f32);

/// Lays out two reports side by side; `relation` tells how a chosen pair relates (it is
/// asked only for the pairs kept, since it costs a sequence comparison).
pub fn side_by_side(
    id_a: &str,
    id_b: &str,
    a: &Side<'_>,
    b: &Side<'_>,
    candidates: &[Candidate],
    relation: &dyn Fn(usize, usize) -> Relation,
) -> SideBySide {
    let pairs: Vec<(usize, usize, f32, Relation)> = one_to_one(candidates)
        .into_iter()
        .map(|(i, j, score)| (i, j, score, relation(i, j)))
        .collect();
    let in_order = longest_increasing(&pairs);
    let mut partner_a: Vec<Option<(usize, bool, Relation)>> = vec![None; a.units.len()];
    let mut taken_b = vec![false; b.units.len()];
    for (k, &(i, j, _, relation)) in pairs.iter().enumerate() {
        partner_a[i] = Some((j, in_order[k], relation));
        taken_b[j] = true;
    }
    let mut rows = Vec::new();
    let mut next_b = 0;
    let only_b = |upto: usize, rows: &mut Vec<Row>, next_b: &mut usize| {
        while *next_b < upto {
            if !taken_b[*next_b] {
                rows.push(Row::alone(
                    RowKind::OnlyB,
                    None,
                    Some(b.units[*next_b].clone()),
                ));
            }
            *next_b += 1;
        }
    };
    for (i, partner) in partner_a.iter().enumerate() {
        match *partner {
            Some((j, true, relation)) => {
                only_b(j, &mut rows, &mut next_b);
                next_b = next_b.max(j + 1);
                rows.push(paired(RowKind::Aligned, a, b, i, j, relation));
            }
            Some((j, false, relation)) => rows.push(paired(RowKind::Moved, a, b, i, j, relation)),
            None => rows.push(Row::alone(RowKind::OnlyA, Some(a.units[i].clone()), None)),
        }
    }
    only_b(b.units.len(), &mut rows, &mut next_b);
    SideBySide {
        a: id_a.to_string(),
        b: id_b.to_string(),
        rows,
    }
}

fn paired(
    kind: RowKind,
    a: &Side<'_>,
    b: &Side<'_>,
    i: usize,
    j: usize,
    relation: Relation,
) -> Row {
    let (changes_a, changes_b) = word_changes(a.words[i], b.words[j], a.utf16, b.utf16);
    Row {
        kind,
        a: Some(a.units[i].clone()),
        b: Some(b.units[j].clone()),
        relation: Some(relation),
        position_a: Some(i),
        position_b: Some(j),
        changes_a,
        changes_b,
    }
}

/// Greedy one-to-one matching, strongest first; ties broken by position for stability.
fn one_to_one(candidates: &[Candidate]) -> Vec<Candidate> {
    let mut order: Vec<&Candidate> = candidates.iter().collect();
    order.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let (mut used_a, mut used_b) = (Vec::new(), Vec::new());
    let mut pairs: Vec<Candidate> = Vec::new();
    for &&c in &order {
        if used_a.contains(&c.0) || used_b.contains(&c.1) {
            continue;
        }
        used_a.push(c.0);
        used_b.push(c.1);
        pairs.push(c);
    }
    pairs.sort_by_key(|c| c.0);
    pairs
}

/// For pairs sorted by their a index: which belong to a longest run increasing in b.
fn longest_increasing(pairs: &[(usize, usize, f32, Relation)]) -> Vec<bool> {
    let n = pairs.len();
    let mut length = vec![1usize; n];
    let mut previous = vec![usize::MAX; n];
    for k in 0..n {
        for m in 0..k {
            if pairs[m].1 < pairs[k].1 && length[m] + 1 > length[k] {
                length[k] = length[m] + 1;
                previous[k] = m;
            }
        }
    }
    let mut keep = vec![false; n];
    let mut at = (0..n).max_by_key(|&k| (length[k], std::cmp::Reverse(k)));
    while let Some(k) = at {
        keep[k] = true;
        at = (previous[k] != usize::MAX).then(|| previous[k]);
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reordered_pairs_are_moves_and_the_rest_stand_alone() {
        let none: Vec<Word> = Vec::new();
        let side = |n: usize, tag: &str| Side {
            units: (0..n).map(|i| format!("{tag}{i}")).collect(),
            words: vec![&none[..]; n],
            utf16: &|x| x,
        };
        let (a, b) = (side(4, "a"), side(4, "b"));
        // a0-b1 and a2-b3 keep order; a3-b0 moved back; a1 and b2 have no partner.
        let candidates = [(0, 1, 0.9), (2, 3, 0.8), (3, 0, 0.7), (0, 3, 0.5)];
        let layout = side_by_side("A", "B", &a, &b, &candidates, &|_, _| Relation::Paraphrase);
        let rows: Vec<(RowKind, Option<&str>, Option<&str>)> = layout
            .rows
            .iter()
            .map(|r| (r.kind, r.a.as_deref(), r.b.as_deref()))
            .collect();
        assert_eq!(
            rows,
            [
                (RowKind::Aligned, Some("a0"), Some("b1")),
                (RowKind::OnlyA, Some("a1"), None),
                (RowKind::OnlyB, None, Some("b2")),
                (RowKind::Aligned, Some("a2"), Some("b3")),
                (RowKind::Moved, Some("a3"), Some("b0")),
            ]
        );
    }
}
