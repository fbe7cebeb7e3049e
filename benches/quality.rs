//! Alignment quality against the hand-labelled clusters in `../shared/corpus/*/gold`.
//!
//! ```text
//! cargo bench --bench quality
//! ```
//!
//! For each labelled cluster it runs the engine on the reports, maps every gold unit to
//! the engine unit that overlaps it most, and prints pair precision, recall and F1 over
//! cross-report unit pairs (a pair is predicted when the two units share a group), how
//! boilerplate was recognised, and whether any gold boilerplate was aligned. The data is
//! read from `$PARALLAX_SHARED/corpus` (default `../shared`).

use std::collections::{BTreeSet, HashMap};

#[path = "support.rs"]
mod support;

use parallax::calibration::{fit_logistic, Lexical, ALIGN_FEATURES};
use parallax::{compare, Options, UnitKind};
use support::{prf, utf16_of_codepoints, Labelled, LABELLED};

struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        prf(self.tp, self.fp, self.fn_)
    }
}

fn main() {
    let refit = std::env::args().any(|a| a == "--fit");
    let mut training: (Vec<[f32; ALIGN_FEATURES]>, Vec<bool>) = (Vec::new(), Vec::new());
    let mut pooled = Counts {
        tp: 0,
        fp: 0,
        fn_: 0,
    };
    for &name in LABELLED {
        let cluster = Labelled::load(name);
        let sentences = &cluster.sentences;
        let alignment = cluster.gold("alignment.json");
        let inputs = &cluster.inputs;
        let started = std::time::Instant::now();
        let result = compare(inputs, &Options::default()).unwrap();
        let elapsed = started.elapsed();

        // Gold unit -> engine unit with the largest overlap.
        let mut engine_of: HashMap<String, String> = HashMap::new();
        let mut gold_boilerplate: BTreeSet<String> = BTreeSet::new();
        let mut boilerplate = Counts {
            tp: 0,
            fp: 0,
            fn_: 0,
        };
        for (input, report) in inputs.iter().zip(&result.reports) {
            let to16 = utf16_of_codepoints(&input.text);
            let units = sentences[input.id.as_str()]["units"].as_array().unwrap();
            let mut matched_engine_bp = BTreeSet::new();
            for unit in units {
                let id = unit["id"].as_str().unwrap().to_string();
                let (s, e) = (
                    to16[unit["start"].as_u64().unwrap() as usize],
                    to16[unit["end"].as_u64().unwrap() as usize],
                );
                let best = report
                    .units
                    .iter()
                    .map(|u| (u.end.min(e).saturating_sub(u.start.max(s)), u))
                    .max_by_key(|(overlap, _)| *overlap);
                let is_bp = unit["kind"] == "boilerplate";
                if is_bp {
                    gold_boilerplate.insert(id.clone());
                }
                if let Some((overlap, u)) = best {
                    if overlap > 0 {
                        engine_of.insert(id.clone(), u.id.clone());
                        let engine_bp = u.kind == UnitKind::Boilerplate;
                        match (is_bp, engine_bp) {
                            (true, true) => {
                                boilerplate.tp += 1;
                                matched_engine_bp.insert(u.id.clone());
                            }
                            (true, false) => boilerplate.fn_ += 1,
                            (false, true) => boilerplate.fp += 1,
                            _ => {}
                        }
                    }
                } else if is_bp {
                    boilerplate.fn_ += 1;
                }
            }
        }

        // Gold pairs: every cross-report pair listed in a group.
        let mut gold_pairs: BTreeSet<(String, String)> = BTreeSet::new();
        for group in alignment["groups"].as_array().unwrap() {
            for pair in group["pairs"].as_array().unwrap() {
                if pair["same_report"] == true {
                    continue;
                }
                let (a, b) = (
                    pair["a"].as_str().unwrap().to_string(),
                    pair["b"].as_str().unwrap().to_string(),
                );
                gold_pairs.insert(if a < b { (a, b) } else { (b, a) });
            }
        }
        // Predicted pairs of gold units: their engine units share a group.
        let mut groups_of: HashMap<&str, Vec<usize>> = HashMap::new();
        for (g, group) in result.groups.iter().enumerate() {
            for m in &group.members {
                groups_of.entry(m.unit.as_str()).or_default().push(g);
            }
        }
        let gold_units: Vec<&String> = engine_of.keys().collect();
        let mut predicted: BTreeSet<(String, String)> = BTreeSet::new();
        let mut aligned_boilerplate = BTreeSet::new();
        for (i, a) in gold_units.iter().enumerate() {
            for b in &gold_units[i + 1..] {
                if a[..2] == b[..2] {
                    continue;
                }
                let (ga, gb) = (
                    groups_of.get(engine_of[*a].as_str()),
                    groups_of.get(engine_of[*b].as_str()),
                );
                if let (Some(ga), Some(gb)) = (ga, gb) {
                    if ga.iter().any(|g| gb.contains(g)) {
                        for u in [a, b] {
                            if gold_boilerplate.contains(*u) {
                                aligned_boilerplate.insert((*u).clone());
                            }
                        }
                        let (x, y) = ((*a).clone(), (*b).clone());
                        predicted.insert(if x < y { (x, y) } else { (y, x) });
                    }
                }
            }
        }
        let counts = Counts {
            tp: predicted.intersection(&gold_pairs).count(),
            fp: predicted.difference(&gold_pairs).count(),
            fn_: gold_pairs.difference(&predicted).count(),
        };
        let (p, r, f) = counts.prf();
        let (bp, br, bf) = boilerplate.prf();
        println!(
            "{name}: {} reports, {} groups, {:.1} ms native",
            inputs.len(),
            result.groups.len(),
            elapsed.as_secs_f64() * 1000.0
        );
        println!(
            "  pairs: precision {p:.3}, recall {r:.3}, F1 {f:.3} ({} predicted, {} gold, {} correct)",
            predicted.len(),
            gold_pairs.len(),
            counts.tp
        );
        println!("  boilerplate units: precision {bp:.3}, recall {br:.3}, F1 {bf:.3}");
        println!(
            "  gold boilerplate units aligned: {}",
            aligned_boilerplate.len()
        );
        if std::env::args().any(|a| a == "--verbose") {
            let text_of: HashMap<String, String> = inputs
                .iter()
                .map(|r| &r.id)
                .flat_map(|id| sentences[id.as_str()]["units"].as_array().unwrap().iter())
                .map(|u| {
                    (
                        u["id"].as_str().unwrap().to_string(),
                        u["text"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            let content: Vec<&str> = inputs
                .iter()
                .map(|r| &r.id)
                .flat_map(|id| sentences[id.as_str()]["units"].as_array().unwrap().iter())
                .filter(|u| u["kind"] != "boilerplate")
                .map(|u| u["text"].as_str().unwrap())
                .collect();
            let lexical = parallax::calibration::Lexical::fit(content);
            let show = |tag: &str, a: &str, b: &str| {
                let (ta, tb) = (&text_of[a], &text_of[b]);
                let f = lexical.features(ta, tb);
                println!(
                    "  {tag} {a} {b} score {:.2} cos {:.2} cont {:.2}\n     {ta}\n     {tb}",
                    lexical.score(ta, tb),
                    f[0],
                    f[1]
                );
            };
            for (a, b) in predicted.difference(&gold_pairs).take(15) {
                show("FP", a, b);
            }
            for (a, b) in gold_pairs.difference(&predicted).step_by(12).take(25) {
                show("FN", a, b);
            }
        }
        if refit {
            // Every cross-report pair of engine units, labelled by the gold pairs.
            let positive: BTreeSet<(String, String)> = gold_pairs
                .iter()
                .filter_map(|(a, b)| Some((engine_of.get(a)?.clone(), engine_of.get(b)?.clone())))
                .flat_map(|(a, b)| [(a.clone(), b.clone()), (b, a)])
                .collect();
            let content: Vec<(&str, &parallax::Unit)> = result
                .reports
                .iter()
                .flat_map(|r| r.units.iter().map(move |u| (r.id.as_str(), u)))
                .filter(|(_, u)| u.kind != UnitKind::Boilerplate)
                .collect();
            let lexical = Lexical::fit(content.iter().map(|(_, u)| u.text.as_str()));
            for (i, (ra, a)) in content.iter().enumerate() {
                for (rb, b) in &content[i + 1..] {
                    if ra == rb {
                        continue;
                    }
                    let heading = a.kind == UnitKind::Heading || b.kind == UnitKind::Heading;
                    training
                        .0
                        .push(lexical.align_features(&a.text, &b.text, heading));
                    training
                        .1
                        .push(positive.contains(&(a.id.clone(), b.id.clone())));
                }
            }
        }
        pooled.tp += counts.tp;
        pooled.fp += counts.fp;
        pooled.fn_ += counts.fn_;
    }
    if refit {
        let positives = training.1.iter().filter(|&&p| p).count();
        let w: [f32; ALIGN_FEATURES + 1] = fit_logistic(&training.0, &training.1, 1.0);
        println!(
            "alignment model fitted on {} pairs ({positives} positive): {w:?}",
            training.1.len()
        );
        for t in [0.1f32, 0.2, 0.3, 0.4, 0.5, 0.6] {
            let mut c = Counts {
                tp: 0,
                fp: 0,
                fn_: 0,
            };
            for (x, &y) in training.0.iter().zip(&training.1) {
                let p = parallax::calibration::score_with(&w, x) >= t;
                match (p, y) {
                    (true, true) => c.tp += 1,
                    (true, false) => c.fp += 1,
                    (false, true) => c.fn_ += 1,
                    _ => {}
                }
            }
            let (p, r, f) = c.prf();
            println!("  links at {t}: precision {p:.3}, recall {r:.3}, F1 {f:.3}");
        }
    }
    let (p, r, f) = pooled.prf();
    println!("all labelled clusters: pair precision {p:.3}, recall {r:.3}, F1 {f:.3}");
}
