//! Quote quality against the hand-labelled clusters in `../shared/corpus/*/gold`.
//!
//! ```text
//! cargo bench --bench quotes
//! ```
//!
//! Prints, for each labelled cluster and pooled: span precision and recall of quoted
//! instances (a span matches a gold span when their overlap covers at least 90 % of the
//! longer, ignoring trailing punctuation and spaces), speaker accuracy over matched spans
//! (the speaker as written agrees with the gold one, or both are unknown), and cluster
//! pair precision, recall and F1 over matched quoted instances. Data from
//! `$PARALLAX_SHARED/corpus` (default `../shared`).

use std::collections::{BTreeSet, HashMap};

#[path = "support.rs"]
mod support;

use parallax::{compare, Options};
use support::{prf, Labelled, LABELLED};

#[derive(Default)]
struct Tally {
    gold: usize,
    found: usize,
    matched: usize,
    speaker_right: usize,
    pairs_tp: usize,
    pairs_fp: usize,
    pairs_fn: usize,
}

/// Words of a speaker phrase, lower case, without articles.
fn speaker_words(s: &str) -> BTreeSet<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !matches!(w.as_str(), "a" | "an" | "the" | "mr" | "mrs" | "ms" | ""))
        .collect()
}

fn main() {
    let mut total = Tally::default();
    for &name in LABELLED {
        let cluster = Labelled::load(name);
        let gold = cluster.gold("quotes.json");
        let inputs = &cluster.inputs;
        let result = compare(inputs, &Options::default()).unwrap();
        // UTF-16 offset to code point offset, per report.
        let to_cp: HashMap<&str, Vec<usize>> = inputs
            .iter()
            .map(|r| {
                let mut map = vec![0; r.text.encode_utf16().count() + 1];
                let mut u = 0;
                for (cp, c) in r.text.chars().enumerate() {
                    for k in 0..c.len_utf16() {
                        map[u + k] = cp;
                    }
                    u += c.len_utf16();
                }
                map[u] = r.text.chars().count();
                (r.id.as_str(), map)
            })
            .collect();
        let text_of: HashMap<&str, Vec<char>> = inputs
            .iter()
            .map(|r| (r.id.as_str(), r.text.chars().collect()))
            .collect();
        let trimmed = |report: &str, s: usize, e: usize| -> (usize, usize) {
            let chars = &text_of[report];
            let mut e = e;
            while e > s && (chars[e - 1].is_whitespace() || ",.;:!?…".contains(chars[e - 1])) {
                e -= 1;
            }
            (s, e)
        };
        // Gold quoted instances: (report, start, end) -> (cluster, speaker).
        let mut gold_spans: Vec<(String, usize, usize, String, Option<String>)> = Vec::new();
        for cluster in gold["clusters"].as_array().unwrap() {
            for inst in cluster["instances"].as_array().unwrap() {
                if inst["quoted"] != true {
                    continue;
                }
                let report = inst["report"].as_str().unwrap().to_string();
                let (s, e) = trimmed(
                    &report,
                    inst["start"].as_u64().unwrap() as usize,
                    inst["end"].as_u64().unwrap() as usize,
                );
                gold_spans.push((
                    report,
                    s,
                    e,
                    cluster["cluster_id"].as_str().unwrap().to_string(),
                    inst["speaker_as_written"].as_str().map(str::to_string),
                ));
            }
        }
        let mut ours: Vec<(String, usize, usize, String, Option<String>)> = Vec::new();
        for cluster in &result.quotes {
            for inst in cluster.instances.iter().filter(|i| i.quoted) {
                let map = &to_cp[inst.report.as_str()];
                let (s, e) = trimmed(&inst.report, map[inst.start], map[inst.end]);
                ours.push((
                    inst.report.clone(),
                    s,
                    e,
                    cluster.id.clone(),
                    inst.speaker_as_written.clone().or(inst.speaker.clone()),
                ));
            }
        }
        let mut tally = Tally {
            gold: gold_spans.len(),
            found: ours.len(),
            ..Tally::default()
        };
        let mut matched: Vec<(usize, usize)> = Vec::new(); // (gold index, ours index)
        for (g, gs) in gold_spans.iter().enumerate() {
            let best = ours
                .iter()
                .enumerate()
                .filter(|(_, o)| o.0 == gs.0)
                .max_by_key(|(_, o)| o.2.min(gs.2).saturating_sub(o.1.max(gs.1)));
            if let Some((k, o)) = best {
                let overlap = o.2.min(gs.2).saturating_sub(o.1.max(gs.1));
                let longer = (o.2 - o.1).max(gs.2 - gs.1).max(1);
                if overlap * 10 >= longer * 9 && !matched.iter().any(|&(_, m)| m == k) {
                    matched.push((g, k));
                    let right = match (&gs.4, &o.4) {
                        (None, None) => true,
                        (Some(a), Some(b)) => {
                            let (wa, wb) = (speaker_words(a), speaker_words(b));
                            !wa.is_disjoint(&wb) || wa.is_empty() && wb.is_empty()
                        }
                        _ => false,
                    };
                    tally.speaker_right += usize::from(right);
                    if !right && std::env::args().any(|a| a == "--verbose") {
                        let t: String =
                            text_of[gs.0.as_str()][gs.1..gs.2].iter().take(50).collect();
                        println!("    speaker {} gold {:?} ours {:?}: {t}", gs.0, gs.4, o.4);
                    }
                }
            }
        }
        tally.matched = matched.len();
        for (i, &(ga, oa)) in matched.iter().enumerate() {
            for &(gb, ob) in &matched[i + 1..] {
                let same_gold = gold_spans[ga].3 == gold_spans[gb].3;
                let same_ours = ours[oa].3 == ours[ob].3;
                match (same_ours, same_gold) {
                    (true, true) => tally.pairs_tp += 1,
                    (true, false) => {
                        tally.pairs_fp += 1;
                        if std::env::args().any(|a| a == "--pairs") {
                            let t = |g: usize| -> String {
                                text_of[gold_spans[g].0.as_str()][gold_spans[g].1..gold_spans[g].2]
                                    .iter()
                                    .take(45)
                                    .collect()
                            };
                            println!(
                                "    FP {} {} | {} {} | {}",
                                gold_spans[ga].0,
                                t(ga),
                                gold_spans[gb].0,
                                t(gb),
                                ours[oa].3
                            );
                        }
                    }
                    (false, true) => tally.pairs_fn += 1,
                    _ => {}
                }
            }
        }
        report(name, &tally);
        total.gold += tally.gold;
        total.found += tally.found;
        total.matched += tally.matched;
        total.speaker_right += tally.speaker_right;
        total.pairs_tp += tally.pairs_tp;
        total.pairs_fp += tally.pairs_fp;
        total.pairs_fn += tally.pairs_fn;
    }
    report("all labelled clusters", &total);
}

fn report(name: &str, t: &Tally) {
    let (p, r, f) = prf(t.matched, t.found - t.matched, t.gold - t.matched);
    let (cp, cr, cf) = prf(t.pairs_tp, t.pairs_fp, t.pairs_fn);
    println!("{name}: {} gold quotes, {} found", t.gold, t.found);
    println!("  spans: precision {p:.3}, recall {r:.3}, F1 {f:.3}");
    println!(
        "  speakers right on matched spans: {:.3} ({} of {})",
        t.speaker_right as f64 / t.matched.max(1) as f64,
        t.speaker_right,
        t.matched
    );
    println!("  cluster pairs: precision {cp:.3}, recall {cr:.3}, F1 {cf:.3}");
}
