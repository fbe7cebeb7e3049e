//! The groups section of the result: each shared fact with its members, their relation
//! and the words each member has that another does not.

use std::collections::HashMap;

use crate::align::{self, Corpus, Link};
use crate::model::Relation;
use crate::text::Prepared;

/// Words of unit `u` that unit `other` does not have.
pub(crate) fn changes_against(
    prepared: &[Prepared<'_>],
    corpus: &Corpus,
    u: usize,
    other: usize,
) -> Vec<crate::model::Range> {
    let (x, y) = (&corpus.units[u], &corpus.units[other]);
    let (px, py) = (&prepared[x.report], &prepared[y.report]);
    let (changes, _) = crate::word_diff::word_changes(
        &px.words[x.segment],
        &py.words[y.segment],
        &|b| px.utf16.utf16(b),
        &|b| py.utf16.utf16(b),
    );
    changes
}

pub(crate) fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// The strongest relation of `u` to a member of another report, and its best score.
pub(crate) fn member_link(
    corpus: &Corpus,
    scores: &HashMap<(usize, usize), &Link>,
    members: &[usize],
    u: usize,
) -> (Relation, f32) {
    let mut best = (Relation::Paraphrase, 0.0f32);
    for &v in members {
        if corpus.units[v].report == corpus.units[u].report {
            continue;
        }
        let Some(link) = scores.get(&(u.min(v), u.max(v))) else {
            continue;
        };
        let relation = align::relation(&corpus.units[u].vector, &corpus.units[v].vector);
        best.0 = best.0.max(relation);
        best.1 = best.1.max(link.score);
    }
    best
}
