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
//! detail), the findings whose values all fall in one topic's units (a finding that
//! draws its values from several facts fails it), and recall per labelled kind. `--verbose` prints every missed topic and every
//! finding no label supports or whose values fall in no one topic's units.
//!
//! The third cluster, `broadcom-qualcomm-bid-2018`, was labelled for this project in the
//! same format (`benches/labels/broadcom-qualcomm-bid-2018/conflicts.json`, offsets only).

use std::collections::{BTreeMap, BTreeSet, HashMap};

#[path = "support.rs"]
mod support;

use parallax::{compare, Comparison, Options};
use support::{Labelled, LABELLED};

/// Whether a finding with values in units `f` hits the topic of units `t`: values in two
/// of its units, or a one-value finding in one of them.
fn hit(t: &BTreeSet<String>, f: &BTreeSet<String>) -> bool {
    t.intersection(f).count() >= 2 || f.len() == 1 && t.is_superset(f)
}

/// The units each finding has values in.
fn finding_units(result: &Comparison) -> Vec<BTreeSet<String>> {
    result
        .discrepancies
        .iter()
        .map(|d| d.values.iter().map(|v| v.unit.clone()).collect())
        .collect()
}

/// Prints a finding's kind, slot and values (unit and words), after `what`.
fn print_finding(what: &str, d: &parallax::Discrepancy) {
    let values: Vec<String> = d
        .values
        .iter()
        .map(|v| format!("{} {:?}", v.unit, v.text))
        .collect();
    println!("    {what} {:?} {}: {}", d.kind, d.slot, values.join(" | "));
}

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let (mut topics, mut found_topics, mut findings, mut supported) = (0, 0, 0, 0);
    let mut within_topic = 0;
    // Per labelled kind: (topics, found).
    let mut by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
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
        let units = finding_units(&result);
        let found_here: Vec<bool> = topic_units
            .iter()
            .map(|t| units.iter().any(|f| hit(t, f)))
            .collect();
        let supported_here: Vec<bool> = units
            .iter()
            .map(|f| topic_units.iter().any(|t| hit(t, f)))
            .collect();
        let cluster_found = found_here.iter().filter(|&&x| x).count();
        let cluster_supported = supported_here.iter().filter(|&&x| x).count();
        let cluster_findings = units.len();
        // A finding whose values all fall in one topic's units keeps to one fact.
        let within_one = units
            .iter()
            .filter(|f| topic_units.iter().any(|t| t.is_superset(f)))
            .count();
        within_topic += within_one;
        for (c, &found) in conflicts.as_array().unwrap().iter().zip(&found_here) {
            let kind = c["kind"].as_str().unwrap_or("?").to_string();
            let entry = by_kind.entry(kind).or_insert((0, 0));
            entry.0 += 1;
            entry.1 += usize::from(found);
            if verbose && !found {
                println!("    missed {}: {}", c["kind"], c["topic"]);
            }
        }
        if verbose {
            for (d, f) in result.discrepancies.iter().zip(&units) {
                if !topic_units.iter().any(|t| t.is_superset(f)) {
                    print_finding("across topics", d);
                }
            }
            for (d, _) in result
                .discrepancies
                .iter()
                .zip(&supported_here)
                .filter(|(_, &s)| !s)
            {
                print_finding("unsupported", d);
            }
        }
        println!(
            "{name}: {cluster_found} of {} labelled topics found; {cluster_supported} of {cluster_findings} findings supported by a label, {within_one} with every value in one topic's units",
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
    println!(
        "  findings with every value in one labelled topic's units: {within_topic} of {findings}"
    );
    for (kind, (n, found)) in &by_kind {
        println!("  {kind}: {found} of {n} topics found");
    }
}
