//! The same utterance across reports: clusters of quote instances.
//!
//! Two quoted instances are one utterance when the content words of the shorter are
//! mostly in the longer (a trimmed or extended rendering) and at least two of them are
//! shared, or when both are the same single word. Fragments of one statement in one unit
//! by one speaker belong together. A report that says the same thing without quotation
//! marks is linked as an unquoted instance when most of a quote's content words (at least
//! three) appear in one of its units, with the containment as confidence.

use std::collections::BTreeSet;

pub use crate::text::names::same_speaker;
use crate::union_find::UnionFind;

/// An instance to cluster: its report, its segment, and its content stems.
#[derive(Debug, Clone)]
pub struct Item {
    pub report: usize,
    pub segment: usize,
    pub speaker: Option<String>,
    pub stems: BTreeSet<String>,
}

/// Shared content terms over the smaller set.
pub fn containment(a: &BTreeSet<String>, b: &BTreeSet<String>) -> (usize, f32) {
    let shared = a.intersection(b).count();
    let smaller = a.len().min(b.len()).max(1);
    (shared, shared as f32 / smaller as f32)
}

/// Whether two quoted instances render one utterance.
pub fn same_utterance(a: &Item, b: &Item) -> bool {
    if a.report == b.report {
        return a.stems == b.stems && !a.stems.is_empty();
    }
    let (shared, ratio) = containment(&a.stems, &b.stems);
    let single_same = a.stems.len() == 1 && a.stems == b.stems;
    single_same || shared >= 2 && ratio >= 0.6
}

/// Whether `b` is a fragment of the statement `a` is part of: same unit, same speaker.
fn fragment_of(a: &Item, b: &Item) -> bool {
    a.report == b.report && a.segment == b.segment && a.speaker.is_some() && a.speaker == b.speaker
}

/// Clusters of item indices, in order of first item: union-find over [`same_utterance`];
/// then a quote left alone joins the cluster of another fragment of its statement (same
/// unit, same speaker). Fragments join after the union, so that one speaker's several
/// utterances in one sentence cannot chain their clusters together.
pub fn clusters(items: &[Item]) -> Vec<Vec<usize>> {
    let mut sets = UnionFind::new(items.len());
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            if same_utterance(&items[i], &items[j]) {
                sets.union(i, j);
            }
        }
    }
    // Two clusters whose quotes stand together as fragments of one statement in at least
    // two reports are one utterance quoted in pieces ("political trial" … "justify her
    // arrest" in three copies of one story).
    let mut together: std::collections::HashMap<(usize, usize), BTreeSet<usize>> =
        Default::default();
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            if fragment_of(&items[i], &items[j]) {
                let (a, b) = (sets.find(i), sets.find(j));
                if a != b {
                    together
                        .entry((a.min(b), a.max(b)))
                        .or_default()
                        .insert(items[i].report);
                }
            }
        }
    }
    for ((a, b), reports) in together {
        if reports.len() >= 2 {
            sets.union(a, b);
        }
    }
    // A quote left alone joins the cluster of another fragment of its statement.
    let mut size = vec![0usize; items.len()];
    for i in 0..items.len() {
        size[sets.find(i)] += 1;
    }
    for i in 0..items.len() {
        if size[sets.find(i)] != 1 {
            continue;
        }
        if let Some(j) = (0..items.len()).find(|&j| j != i && fragment_of(&items[j], &items[i])) {
            let joined = size[sets.find(j)] + 1;
            let root = sets.union(i, j);
            size[root] = joined;
        }
    }
    sets.sets()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(report: usize, segment: usize, speaker: Option<&str>, words: &[&str]) -> Item {
        Item {
            report,
            segment,
            speaker: speaker.map(str::to_string),
            stems: words.iter().map(|w| w.to_string()).collect(),
        }
    }

    #[test]
    fn trimmed_renderings_cluster_and_topics_do_not() {
        let items = [
            item(
                0,
                3,
                None,
                &["illog", "contrari", "realiti", "ground", "argument"],
            ),
            item(
                1,
                5,
                None,
                &["illog", "detach", "realiti", "ground", "argument"],
            ),
            item(2, 7, None, &["illog", "opposit", "ground", "realiti"]),
            item(3, 2, None, &["final", "posit"]),
        ];
        assert_eq!(clusters(&items), [vec![0, 1, 2], vec![3]]);
    }

    #[test]
    fn fragments_of_one_statement_stay_together() {
        let items = [
            item(0, 12, Some("Bassem"), &["polit", "trial"]),
            item(0, 12, Some("Bassem"), &["justifi", "arrest"]),
        ];
        assert_eq!(clusters(&items), [vec![0, 1]]);
    }
}
