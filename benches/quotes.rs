//! Quote quality against the hand-labelled clusters in `../shared/corpus/*/gold`.
//!
//! ```text
//! cargo bench --bench quotes
//! ```
//!
//! Prints, for each labelled cluster and pooled:
//! - span precision and recall of quoted instances (a span matches a gold span when their
//!   overlap covers at least 90 % of the longer, ignoring trailing punctuation and spaces);
//! - speaker accuracy over matched spans: the speaker we resolve names the gold one (the
//!   instance's `speaker_resolved`, else its `speaker_as_written`: one word in common
//!   besides articles and titles), or both are unknown;
//! - unquoted renderings found and their precision (an instance without quotation marks
//!   matches a gold one in the same report when they overlap by half the shorter);
//! - cluster-pair precision, recall and F1, over matched quoted instances and over all
//!   matched renderings, quoted or not (two renderings are a pair when they are in one
//!   cluster).
//!
//! `--verbose` prints every missed quote span, wrong speaker, missed or unlabelled unquoted
//! rendering;
//! `--pairs` every false pair. Data from `$PARALLAX_SHARED/corpus` (default `../shared`).

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
    unquoted_gold: usize,
    unquoted_found: usize,
    unquoted_matched: usize,
    quoted_pairs: Pairs,
    all_pairs: Pairs,
}

#[derive(Default, Clone, Copy)]
struct Pairs {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl std::ops::AddAssign for Pairs {
    fn add_assign(&mut self, o: Pairs) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Words of a speaker phrase, lower case, without articles and titles.
fn speaker_words(s: &str) -> BTreeSet<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !matches!(w.as_str(), "a" | "an" | "the" | "mr" | "mrs" | "ms" | ""))
        .collect()
}

fn same_speaker(gold: Option<&str>, ours: Option<&str>) -> bool {
    match (gold, ours) {
        (None, None) => true,
        (Some(a), Some(b)) => !speaker_words(a).is_disjoint(&speaker_words(b)),
        _ => false,
    }
}

/// One rendering, gold or ours: report, code-point span, cluster, speaker, quoted.
struct Span {
    report: String,
    start: usize,
    end: usize,
    cluster: String,
    speaker: Option<String>,
    quoted: bool,
}

impl Span {
    fn overlap(&self, o: &Span) -> usize {
        if self.report != o.report {
            return 0;
        }
        self.end.min(o.end).saturating_sub(self.start.max(o.start))
    }
    fn len(&self) -> usize {
        self.end - self.start
    }
}

fn main() {
    let verbose = std::env::args().any(|a| a == "--verbose");
    let show_pairs = std::env::args().any(|a| a == "--pairs");
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
        let excerpt = |s: &Span| -> String {
            text_of[s.report.as_str()][s.start..s.end]
                .iter()
                .take(50)
                .collect()
        };
        let mut golds: Vec<Span> = Vec::new();
        for cluster in gold["clusters"].as_array().unwrap() {
            for inst in cluster["instances"].as_array().unwrap() {
                let report = inst["report"].as_str().unwrap().to_string();
                let (start, end) = trimmed(
                    &report,
                    inst["start"].as_u64().unwrap() as usize,
                    inst["end"].as_u64().unwrap() as usize,
                );
                let written = inst["speaker_as_written"].as_str();
                let speaker = written.map(|w| inst["speaker_resolved"].as_str().unwrap_or(w));
                golds.push(Span {
                    report,
                    start,
                    end,
                    cluster: cluster["cluster_id"].as_str().unwrap().to_string(),
                    speaker: speaker.map(str::to_string),
                    quoted: inst["quoted"] == true,
                });
            }
        }
        let mut ours: Vec<Span> = Vec::new();
        for cluster in &result.quotes {
            for inst in &cluster.instances {
                let map = &to_cp[inst.report.as_str()];
                let (start, end) = trimmed(&inst.report, map[inst.start], map[inst.end]);
                ours.push(Span {
                    report: inst.report.clone(),
                    start,
                    end,
                    cluster: cluster.id.clone(),
                    speaker: inst.speaker.clone(),
                    quoted: inst.quoted,
                });
            }
        }
        let mut tally = Tally {
            gold: golds.iter().filter(|g| g.quoted).count(),
            found: ours.iter().filter(|o| o.quoted).count(),
            unquoted_gold: golds.iter().filter(|g| !g.quoted).count(),
            unquoted_found: ours.iter().filter(|o| !o.quoted).count(),
            ..Tally::default()
        };
        // (gold index, ours index), quoted first.
        let mut matched: Vec<(usize, usize)> = Vec::new();
        for (g, gs) in golds.iter().enumerate() {
            let best = ours
                .iter()
                .enumerate()
                .filter(|(k, o)| o.quoted == gs.quoted && !matched.iter().any(|m| m.1 == *k))
                .max_by_key(|(_, o)| o.overlap(gs));
            let Some((k, o)) = best else { continue };
            let overlap = o.overlap(gs);
            let enough = if gs.quoted {
                overlap * 10 >= o.len().max(gs.len()).max(1) * 9
            } else {
                overlap > 0 && overlap * 2 >= o.len().min(gs.len())
            };
            if !enough {
                if verbose && gs.quoted {
                    println!(
                        "    span missed {}: {} | nearest ours: {}",
                        gs.report,
                        excerpt(gs),
                        excerpt(o)
                    );
                }
                if verbose && !gs.quoted {
                    println!(
                        "    unquoted missed {} {:?}: {}",
                        gs.report,
                        gs.cluster,
                        excerpt(gs)
                    );
                }
                continue;
            }
            matched.push((g, k));
            if gs.quoted {
                tally.matched += 1;
                let right = same_speaker(gs.speaker.as_deref(), o.speaker.as_deref());
                tally.speaker_right += usize::from(right);
                if !right && verbose {
                    println!(
                        "    speaker {} gold {:?} ours {:?}: {}",
                        gs.report,
                        gs.speaker,
                        o.speaker,
                        excerpt(gs)
                    );
                }
            } else {
                tally.unquoted_matched += 1;
            }
        }
        if verbose {
            for (k, o) in ours.iter().enumerate() {
                if !o.quoted && !matched.iter().any(|m| m.1 == k) {
                    println!(
                        "    unquoted unlabelled {} {}: {}",
                        o.report,
                        o.cluster,
                        excerpt(o)
                    );
                }
            }
        }
        for (i, &(ga, oa)) in matched.iter().enumerate() {
            for &(gb, ob) in &matched[i + 1..] {
                let same_gold = golds[ga].cluster == golds[gb].cluster;
                let same_ours = ours[oa].cluster == ours[ob].cluster;
                let both_quoted = golds[ga].quoted && golds[gb].quoted;
                let count = |p: &mut Pairs| match (same_ours, same_gold) {
                    (true, true) => p.tp += 1,
                    (true, false) => p.fp += 1,
                    (false, true) => p.fn_ += 1,
                    _ => {}
                };
                count(&mut tally.all_pairs);
                if both_quoted {
                    count(&mut tally.quoted_pairs);
                }
                if show_pairs && same_ours != same_gold {
                    println!(
                        "    {} {} {} | {} {} | ours {} {}",
                        if same_ours { "FP" } else { "FN" },
                        golds[ga].report,
                        excerpt(&golds[ga]),
                        golds[gb].report,
                        excerpt(&golds[gb]),
                        ours[oa].cluster,
                        ours[ob].cluster
                    );
                }
            }
        }
        report(name, &tally);
        total.gold += tally.gold;
        total.found += tally.found;
        total.matched += tally.matched;
        total.speaker_right += tally.speaker_right;
        total.unquoted_gold += tally.unquoted_gold;
        total.unquoted_found += tally.unquoted_found;
        total.unquoted_matched += tally.unquoted_matched;
        total.quoted_pairs += tally.quoted_pairs;
        total.all_pairs += tally.all_pairs;
    }
    report("all labelled clusters", &total);
}

fn report(name: &str, t: &Tally) {
    let (p, r, f) = prf(t.matched, t.found - t.matched, t.gold - t.matched);
    println!(
        "{name}: {} gold quotes, {} found; {} gold unquoted renderings, {} found",
        t.gold, t.found, t.unquoted_gold, t.unquoted_found
    );
    println!("  spans: precision {p:.3}, recall {r:.3}, F1 {f:.3}");
    println!(
        "  speakers right on matched spans: {:.3} ({} of {})",
        t.speaker_right as f64 / t.matched.max(1) as f64,
        t.speaker_right,
        t.matched
    );
    let (up, ur, _) = prf(
        t.unquoted_matched,
        t.unquoted_found - t.unquoted_matched,
        t.unquoted_gold - t.unquoted_matched,
    );
    println!(
        "  unquoted renderings: found {ur:.3} ({} of {}), precision {up:.3}",
        t.unquoted_matched, t.unquoted_gold
    );
    for (label, pairs) in [
        ("quoted", &t.quoted_pairs),
        ("all renderings", &t.all_pairs),
    ] {
        let (cp, cr, cf) = prf(pairs.tp, pairs.fp, pairs.fn_);
        println!("  cluster pairs, {label}: precision {cp:.3}, recall {cr:.3}, F1 {cf:.3}");
    }
}
