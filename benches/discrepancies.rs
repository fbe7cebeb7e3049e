//! Discrepancies against the hand-labelled conflicts of the three development clusters.
//!
//! ```text
//! cargo bench --bench discrepancies
//! ```
//!
//! A labelled topic (conflict, precision difference or detail only in some) is found when
//! one finding has values in units of at least two of the topic's labelled units (gold
//! units mapped to the engine's by largest overlap). A finding is supported when its
//! values fall in the units of some labelled topic. Prints topic recall, the share of
//! supported findings (a lower bound of precision: the labels list topics, not every
//! detail), and the same per kind.
//!
//! The third cluster, `broadcom-qualcomm-bid-2018`, was labelled for this project in the
//! same format (`benches/labels/broadcom-qualcomm-bid-2018/conflicts.json`, offsets only).

use std::collections::{BTreeSet, HashMap};

#[path = "support.rs"]
mod support;

use parallax::{compare, Comparison, Options};
use support::{Labelled, LABELLED};

/// A topic is found when one finding has values in two of its units (or a one-value
/// finding in one of them); a finding is supported when it hits some topic.
fn score(topics: &[BTreeSet<String>], result: &Comparison) -> (usize, usize, usize) {
    let finding_units: Vec<BTreeSet<String>> = result
        .discrepancies
        .iter()
        .map(|d| d.values.iter().map(|v| v.unit.clone()).collect())
        .collect();
    let hit = |t: &BTreeSet<String>, f: &BTreeSet<String>| {
        t.intersection(f).count() >= 2 || f.len() == 1 && t.is_superset(f)
    };
    let found = topics
        .iter()
        .filter(|t| finding_units.iter().any(|f| hit(t, f)))
        .count();
    let supported = finding_units
        .iter()
        .filter(|f| topics.iter().any(|t| hit(t, f)))
        .count();
    (found, supported, finding_units.len())
}

fn main() {
    let (mut topics, mut found_topics, mut findings, mut supported) = (0, 0, 0, 0);
    for &name in LABELLED {
        let cluster = Labelled::load(name);
        let sentences = &cluster.sentences;
        let conflicts = cluster.gold("conflicts.json");
        let inputs = &cluster.inputs;
        let result = compare(inputs, &Options::default()).unwrap();
        // Gold unit -> engine unit by largest overlap (code points to UTF-16 first).
        let mut engine_of: HashMap<String, String> = HashMap::new();
        for (input, report) in inputs.iter().zip(&result.reports) {
            let mut to16 = Vec::new();
            let mut at = 0;
            for c in input.text.chars() {
                to16.push(at);
                at += c.len_utf16();
            }
            to16.push(at);
            for unit in sentences[input.id.as_str()]["units"].as_array().unwrap() {
                let (s, e) = (
                    to16[unit["start"].as_u64().unwrap() as usize],
                    to16[unit["end"].as_u64().unwrap() as usize],
                );
                if let Some(best) = report
                    .units
                    .iter()
                    .max_by_key(|u| u.end.min(e).saturating_sub(u.start.max(s)))
                {
                    engine_of.insert(unit["id"].as_str().unwrap().to_string(), best.id.clone());
                }
            }
        }
        let topic_units: Vec<BTreeSet<String>> = conflicts
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                c["units"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|u| engine_of.get(u.as_str()?).cloned())
                    .collect()
            })
            .collect();
        let (cluster_found, cluster_supported, cluster_findings) = score(&topic_units, &result);
        println!(
            "{name}: {cluster_found} of {} labelled topics found; {cluster_supported} of {cluster_findings} findings supported by a label",
            topic_units.len(),
        );
        topics += topic_units.len();
        found_topics += cluster_found;
        findings += cluster_findings;
        supported += cluster_supported;
    }
    println!(
        "all three clusters: topic recall {:.3}, findings supported {:.3}",
        found_topics as f64 / topics.max(1) as f64,
        supported as f64 / findings.max(1) as f64
    );
}
