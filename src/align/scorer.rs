//! The same-fact scorer: how likely two units of different reports state the same fact.
//!
//! Two logistic models, one on top of the other, fitted on the labelled development
//! clusters (`cargo bench --bench quality -- --fit`; DESIGN.md gives the figures):
//!
//! 1. **Pair** features ([`pair_features`]): what the two units share by themselves, by
//!    IDF weight (cosine, containment, coverage, rare terms, names, numbers), the best
//!    clause-to-clause match (one fact in a clause of a longer sentence), word runs and
//!    bigrams, length ratio, headings, and the paraphrase (MRPC) model's score.
//! 2. **Graph** features ([`graph_features`]): where the pair stands among the other
//!    candidates, from the first model's scores. Is this the best counterpart of each unit
//!    in the other's report, how far below the best it is, and does a unit of a third
//!    report link to both (two-hop support)? Within one narrow story every sentence is on
//!    topic, so a pair's absolute similarity tells less than whether it is the best
//!    match its report has.
//!
//! Training builds its features with these same functions, through
//! `parallax::stages` (feature `internals`), so the calibration and the product cannot
//! drift apart.

use super::similarity::{score_with, Features, Vector};

/// The number of pair features.
pub const PAIR_FEATURES: usize = 15;
/// The number of graph features.
pub const GRAPH_FEATURES: usize = 8;

/// The weights and thresholds of the same-fact scorer.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Pair model weights, intercept first.
    pub pair: [f32; PAIR_FEATURES + 1],
    /// Graph model weights, intercept first.
    pub graph: [f32; GRAPH_FEATURES + 1],
    /// A link at or above this final score is the same fact (the precise tier).
    pub same_fact: f32,
    /// A link at or above this final score, below `same_fact`, is possibly the same fact
    /// (the looser tier); below it a unit has no counterpart.
    pub possible: f32,
    /// Candidates whose pair score cannot reach this even with the best sequence features
    /// are not scored further (they cost O(n·m)).
    pub prefilter: f32,
    /// The share of candidates that stated the same fact in the training clusters. A
    /// comparison's own share is estimated from its scores (Saerens et al.'s EM), and the
    /// scores shifted by the difference: a story told five times in wire copy has far
    /// more same-fact candidates than one told by nine newsrooms in their own words.
    pub prior: f32,
}

impl Default for Model {
    /// The shipped model, fitted on all three development clusters.
    fn default() -> Self {
        Model {
            pair: PAIR_WEIGHTS,
            graph: GRAPH_WEIGHTS,
            same_fact: SAME_FACT_MIN,
            possible: POSSIBLE_MIN,
            prefilter: PREFILTER,
            prior: PRIOR,
        }
    }
}

/// Pair model weights (intercept first), fitted on the three development clusters
/// (`cargo bench --features internals --bench quality -- --fit`), each cluster weighing
/// as much as another.
const PAIR_WEIGHTS: [f32; PAIR_FEATURES + 1] = [
    -3.6844492,
    2.638056,
    1.082339,
    3.5160296,
    7.2840805,
    3.283231,
    0.93732786,
    0.6006679,
    -0.7151466,
    -0.12368989,
    0.48076594,
    -1.5802914,
    -0.9036573,
    -1.3436179,
    0.95022035,
    1.087329,
];
/// Graph model weights (intercept first), fitted on the three development clusters.
const GRAPH_WEIGHTS: [f32; GRAPH_FEATURES + 1] = [
    -5.268954,
    1.4237223,
    -0.032619804,
    3.6146185,
    1.4480547,
    2.766828,
    0.18519704,
    0.5766388,
    0.5958503,
];
/// The precise tier's threshold: where the training clusters' link precision averages
/// 0.93.
const SAME_FACT_MIN: f32 = 0.9554405;
/// The looser tier's threshold: where it averages 0.45.
const POSSIBLE_MIN: f32 = 0.26000002;
/// Pair scores below this are not candidates.
const PREFILTER: f32 = 0.05;
/// The share of same-fact candidates in the training clusters.
const PRIOR: f32 = 0.10539493;
/// The most the scores' log-odds are shifted to a comparison's own prior.
const MAX_SHIFT: f32 = 0.5;

/// The shift of log-odds that adapts scores made under `prior` to the share of positives
/// the scores themselves imply (the EM procedure of Saerens, Latinne and Decaestecker,
/// "Adjusting the outputs of a classifier to new a priori probabilities", 2002).
pub fn adapt_to_prior(scores: &[f32], prior: f32) -> f32 {
    if scores.is_empty() || !(0.0..1.0).contains(&prior) || prior == 0.0 {
        return 0.0;
    }
    let logit = |p: f32| (p / (1.0 - p)).ln();
    // Summed in ascending order, so that the estimate does not depend on the order of
    // the reports.
    let mut scores = scores.to_vec();
    scores.sort_by(f32::total_cmp);
    let logits: Vec<f32> = scores
        .iter()
        .map(|&s| logit(s.clamp(1e-6, 1.0 - 1e-6)))
        .collect();
    let mut estimate = prior;
    for _ in 0..50 {
        let shift = logit(estimate) - logit(prior);
        let mean = logits
            .iter()
            .map(|&l| f64::from(1.0 / (1.0 + (-(l + shift)).exp())))
            .sum::<f64>() as f32
            / scores.len() as f32;
        let mean = mean.clamp(1e-4, 1.0 - 1e-4);
        if (mean - estimate).abs() < 1e-5 {
            estimate = mean;
            break;
        }
        estimate = mean;
    }
    (logit(estimate) - logit(prior)).clamp(-MAX_SHIFT, MAX_SHIFT)
}

/// The pair features of two units; `max_idf` is the weight of a term only one unit has.
pub fn pair_features(f: &Features) -> [f32; PAIR_FEATURES] {
    [
        f.score(),
        f.cosine,
        f.containment,
        f.coverage,
        f.rare,
        f.names,
        f.numbers_agree,
        f.numbers_differ,
        f.heading,
        f.clause,
        f.clause_cosine,
        f.length_ratio,
        f.run,
        f.bigrams,
        f.same_quote,
    ]
}

/// Indices of the pair features that need the O(n·m) sequence comparison.
const SEQUENCE_FEATURES: [usize; 5] = [0, 9, 10, 12, 13];

impl Model {
    /// The pair score of two units, or `None` when even the best sequence features could
    /// not lift it to the prefilter (the sequence features are then never computed).
    pub fn pair_score(&self, a: &Vector, b: &Vector, max_idf: f32) -> Option<(f32, Features)> {
        let cheap = Features::cheap(a, b, max_idf);
        let mut bound = pair_features(&cheap);
        for k in SEQUENCE_FEATURES {
            bound[k] = if self.pair[k + 1] > 0.0 { 1.0 } else { 0.0 };
        }
        if score_with(&self.pair, &bound) < self.prefilter {
            return None;
        }
        let full = cheap.complete(a, b);
        Some((score_with(&self.pair, &pair_features(&full)), full))
    }

    /// The final score from the graph features, its log-odds moved by `shift`.
    pub fn final_score(&self, graph: &[f32; GRAPH_FEATURES], shift: f32) -> f32 {
        shifted(score_with(&self.graph, graph), shift)
    }
}

/// A probability with its log-odds moved by `shift`.
pub fn shifted(p: f32, shift: f32) -> f32 {
    if shift == 0.0 {
        return p;
    }
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    1.0 / (1.0 + (-((p / (1.0 - p)).ln() + shift)).exp())
}

/// What the graph features are computed from, for one candidate pair `(a, b)`.
pub struct Standing {
    /// The pair's own score.
    pub score: f32,
    /// The best pair score of `a` with any unit of `b`'s report, and of `b` with any unit
    /// of `a`'s report (each at least `score`).
    pub best_of_a: f32,
    pub best_of_b: f32,
    /// For each unit of a third report linked to both: the weaker of its two scores.
    pub through_third: Vec<f32>,
    /// The best pair score of the units just before both, or just after both: the two
    /// reports run in step here.
    pub in_step: f32,
    /// The best pair score of one unit with a neighbour of the other: a fact one report
    /// states in one sentence and another over two.
    pub beside: f32,
}

/// The graph features of a candidate pair.
pub fn graph_features(s: &Standing) -> [f32; GRAPH_FEATURES] {
    let ratio = |best: f32| if best > 0.0 { s.score / best } else { 0.0 };
    let support = s.through_third.iter().copied().fold(0.0, f32::max);
    let supported = s.through_third.iter().filter(|&&x| x >= 0.3).count();
    [
        s.score,
        // The pair's two sides as the closer and the farther from its best, so that the
        // features do not depend on which report was given first.
        ratio(s.best_of_a).max(ratio(s.best_of_b)),
        ratio(s.best_of_a).min(ratio(s.best_of_b)),
        (s.best_of_a.max(s.best_of_b) - s.score).max(0.0),
        support,
        (supported as f32).min(3.0) / 3.0,
        s.in_step,
        s.beside,
    ]
}
