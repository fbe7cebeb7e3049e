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

use crate::align::{self, Alignment};
use crate::ids::Reports;
use crate::model::{Relation, Row, RowKind, SideBySide, Tier};
use crate::word_diff;

/// The chosen pairs of reports (indices), each laid out side by side.
pub fn section(
    reports: &Reports<'_>,
    alignment: &Alignment,
    layouts: &[(usize, usize)],
) -> Vec<SideBySide> {
    layouts
        .iter()
        .map(|&(a, b)| layout(reports, alignment, a, b))
        .collect()
}

/// Reports `a` and `b` side by side, pairing units that are linked or share a group.
fn layout(reports: &Reports<'_>, alignment: &Alignment, a: usize, b: usize) -> SideBySide {
    let units = &alignment.corpus.units;
    let (units_a, units_b) = (alignment.units_of(a), alignment.units_of(b));
    let position =
        |list: &std::ops::Range<usize>, u: usize| list.contains(&u).then(|| u - list.start);
    let mut candidates: HashMap<(usize, usize), (f32, Tier)> = HashMap::new();
    for link in &alignment.links {
        let tier = if link.same_fact || alignment.same_group(link.a, link.b) {
            Tier::SameFact
        } else {
            Tier::Possible
        };
        for (x, y) in [(link.a, link.b), (link.b, link.a)] {
            if let (Some(i), Some(j)) = (position(&units_a, x), position(&units_b, y)) {
                candidates.insert((i, j), (link.score, tier));
            }
        }
    }
    for members in &alignment.groups {
        for &x in members.iter().filter(|&&x| units[x].report == a) {
            for &y in members.iter().filter(|&&y| units[y].report == b) {
                candidates
                    .entry((x - units_a.start, y - units_b.start))
                    .or_insert((0.0, Tier::SameFact));
            }
        }
    }
    let candidates: Vec<Candidate> = candidates
        .into_iter()
        .map(|((i, j), (score, tier))| (i, j, score, tier))
        .collect();
    let relation = |i: usize, j: usize| {
        align::relation(
            &units[units_a.start + i].vector,
            &units[units_b.start + j].vector,
        )
    };
    let side = |r: usize, list: std::ops::Range<usize>| Side {
        report: r,
        segments: list.map(|u| units[u].segment).collect(),
    };
    side_by_side(
        reports,
        &side(a, units_a.clone()),
        &side(b, units_b.clone()),
        &candidates,
        &relation,
    )
}

/// One report's side of the comparison: its comparable units' segments, in text order.
struct Side {
    report: usize,
    segments: Vec<usize>,
}

impl Side {
    fn unit_id(&self, reports: &Reports<'_>, i: usize) -> String {
        reports.unit_id(self.report, self.segments[i])
    }
}

/// A candidate pair: unit index in a, unit index in b, score.
/// A candidate pair: unit index in a, unit index in b, score, the link's tier.
type Candidate = (usize, usize, f32, Tier);

/// A pair kept for the layout, with how the two units relate.
#[derive(Clone, Copy)]
struct Pairing {
    j: usize,
    in_order: bool,
    relation: Relation,
    tier: Tier,
}

/// Lays out two reports side by side; `relation` tells how a chosen pair relates (it is
/// asked only for the pairs kept, since it costs a sequence comparison).
fn side_by_side(
    reports: &Reports<'_>,
    a: &Side,
    b: &Side,
    candidates: &[Candidate],
    relation: &dyn Fn(usize, usize) -> Relation,
) -> SideBySide {
    let pairs = one_to_one(candidates);
    let in_order = longest_increasing(&pairs);
    let mut partner_a: Vec<Option<Pairing>> = vec![None; a.segments.len()];
    let mut taken_b = vec![false; b.segments.len()];
    for (k, &(i, j, _, tier)) in pairs.iter().enumerate() {
        partner_a[i] = Some(Pairing {
            j,
            in_order: in_order[k],
            relation: relation(i, j),
            tier,
        });
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
                    Some(b.unit_id(reports, *next_b)),
                ));
            }
            *next_b += 1;
        }
    };
    for (i, partner) in partner_a.iter().enumerate() {
        match *partner {
            Some(p) if p.in_order => {
                only_b(p.j, &mut rows, &mut next_b);
                next_b = next_b.max(p.j + 1);
                rows.push(paired(reports, RowKind::Aligned, a, b, i, p));
            }
            Some(p) => rows.push(paired(reports, RowKind::Moved, a, b, i, p)),
            None => rows.push(Row::alone(
                RowKind::OnlyA,
                Some(a.unit_id(reports, i)),
                None,
            )),
        }
    }
    only_b(b.segments.len(), &mut rows, &mut next_b);
    SideBySide {
        a: reports.id(a.report).to_string(),
        b: reports.id(b.report).to_string(),
        rows,
    }
}

fn paired(reports: &Reports<'_>, kind: RowKind, a: &Side, b: &Side, i: usize, p: Pairing) -> Row {
    let j = p.j;
    let words_a = &reports.prepared[a.report].words[a.segments[i]];
    let words_b = &reports.prepared[b.report].words[b.segments[j]];
    let (runs_a, runs_b) = word_diff::changed_runs(words_a, words_b);
    let (changes_a, changes_b) = (
        reports.ranges(a.report, words_a, &runs_a),
        reports.ranges(b.report, words_b, &runs_b),
    );
    Row {
        kind,
        a: Some(a.unit_id(reports, i)),
        b: Some(b.unit_id(reports, j)),
        relation: Some(p.relation),
        tier: Some(p.tier),
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
fn longest_increasing(pairs: &[Candidate]) -> Vec<bool> {
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
    use crate::model::ReportInput;
    use crate::text::Prepared;

    #[test]
    fn reordered_pairs_are_moves_and_the_rest_stand_alone() {
        let input = |id: &str| ReportInput {
            id: id.into(),
            title: String::new(),
            text: "One went. Two went. Three went. Four went.".into(),
        };
        let inputs = [input("a"), input("b")];
        let prepared = Prepared::all(&inputs);
        let reports = Reports::new(&inputs, &prepared);
        let side = |report: usize| Side {
            report,
            segments: (0..4).collect(),
        };
        let (a, b) = (side(0), side(1));
        // a0-b1 and a2-b3 keep order; a3-b0 moved back; a1 and b2 have no partner.
        let t = Tier::SameFact;
        let candidates = [
            (0, 1, 0.9, t),
            (2, 3, 0.8, t),
            (3, 0, 0.7, t),
            (0, 3, 0.5, t),
        ];
        let layout = side_by_side(&reports, &a, &b, &candidates, &|_, _| Relation::Paraphrase);
        let rows: Vec<(RowKind, Option<&str>, Option<&str>)> = layout
            .rows
            .iter()
            .map(|r| (r.kind, r.a.as_deref(), r.b.as_deref()))
            .collect();
        assert_eq!(
            rows,
            [
                (RowKind::Aligned, Some("a:u0"), Some("b:u1")),
                (RowKind::OnlyA, Some("a:u1"), None),
                (RowKind::OnlyB, None, Some("b:u2")),
                (RowKind::Aligned, Some("a:u2"), Some("b:u3")),
                (RowKind::Moved, Some("a:u3"), Some("b:u0")),
            ]
        );
    }
}
