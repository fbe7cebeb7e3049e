//! The groups section of the result: each shared fact with its members, how each member
//! carries it and the words each member has that another does not.

use std::collections::HashMap;

use crate::align::{self, Alignment};
use crate::ids::{numbered, round3, Reports};
use crate::model::{Group, Member, Range, Relation};
use crate::word_diff;

/// The facts several reports share, with their members.
pub fn section(reports: &Reports<'_>, alignment: &Alignment) -> Vec<Group> {
    let scores: HashMap<(usize, usize), f32> = alignment
        .links
        .iter()
        .map(|l| ((l.a, l.b), l.score))
        .collect();
    alignment
        .groups
        .iter()
        .enumerate()
        .map(|(g, members)| Group {
            id: numbered('g', g),
            reports: alignment.reports_in(g),
            members: members
                .iter()
                .enumerate()
                .map(|(k, &u)| {
                    let (relation, confidence) = member_link(alignment, &scores, members, u);
                    // Compared with the first member; the first with the second.
                    let other = members[usize::from(k == 0)];
                    let unit = &alignment.corpus.units[u];
                    Member {
                        unit: reports.unit_id(unit.report, unit.segment),
                        relation,
                        confidence: round3(f64::from(confidence)),
                        changes: changes_against(reports, alignment, u, other),
                    }
                })
                .collect(),
        })
        .collect()
}

/// Words of unit `u` that unit `other` does not have.
fn changes_against(
    reports: &Reports<'_>,
    alignment: &Alignment,
    u: usize,
    other: usize,
) -> Vec<Range> {
    let (x, y) = (&alignment.corpus.units[u], &alignment.corpus.units[other]);
    let words = &reports.prepared[x.report].words[x.segment];
    let (runs, _) = word_diff::changed_runs(words, &reports.prepared[y.report].words[y.segment]);
    reports.ranges(x.report, words, &runs)
}

/// The strongest relation of `u` to a member of another report, and its best score.
/// Relations are read from the strongest links down, at most [`RELATIONS_READ`] of them
/// and none after a verbatim one: in a fact fifty reports carry, reading every pair's
/// word sequences would cost the square of the group.
fn member_link(
    alignment: &Alignment,
    scores: &HashMap<(usize, usize), f32>,
    members: &[usize],
    u: usize,
) -> (Relation, f32) {
    let units = &alignment.corpus.units;
    let mut linked: Vec<(usize, f32)> = members
        .iter()
        .filter(|&&v| units[v].report != units[u].report)
        .filter_map(|&v| scores.get(&(u.min(v), u.max(v))).map(|&s| (v, s)))
        .collect();
    linked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    let mut best = (Relation::Paraphrase, linked.first().map_or(0.0, |l| l.1));
    for &(v, _) in linked.iter().take(RELATIONS_READ) {
        best.0 = best
            .0
            .max(align::relation(&units[u].vector, &units[v].vector));
        if best.0 == Relation::Verbatim {
            break;
        }
    }
    best
}

/// See [`member_link`].
const RELATIONS_READ: usize = 8;
