//! Sentence-pair similarity exactly as the alignment computes it, for calibration and
//! benchmarks on sentence pairs outside any report (such as MRPC).
//!
//! # Example
//!
//! ```
//! use parallax::calibration::Lexical;
//!
//! let sentences = [
//!     "The talks lasted nearly nine hours.",
//!     "Talks went on for nearly nine hours.",
//!     "The mediators were Qatar and Turkey.",
//! ];
//! let lexical = Lexical::fit(sentences);
//! assert!(lexical.score(sentences[0], sentences[1]) > lexical.score(sentences[0], sentences[2]));
//! ```

use std::collections::HashMap;

use crate::align::similarity::{self, Features, Term, Vector};
use crate::text::tokenize::Tokenizer;

/// The number of features of the paraphrase (MRPC) model.
pub const FEATURES: usize = similarity::FEATURES;
/// The paraphrase model's weights, intercept first, fitted on MRPC train.
pub const WEIGHTS: [f32; FEATURES + 1] = similarity::WEIGHTS;
/// The number of features of the alignment (same fact) model.
pub const ALIGN_FEATURES: usize = similarity::ALIGN_FEATURES;
/// The alignment model's weights, intercept first, fitted on the labelled clusters.
pub const ALIGN_WEIGHTS: [f32; ALIGN_FEATURES + 1] = similarity::ALIGN_WEIGHTS;

/// `sigmoid(w0 + Σ wᵢ·xᵢ)`: the score of features `x` under `weights` (`W = N + 1`).
pub fn score_with<const N: usize, const W: usize>(weights: &[f32; W], x: &[f32; N]) -> f32 {
    similarity::score_with(weights, x)
}

/// Fits logistic regression weights (intercept first, `W = N + 1`) to labelled features by
/// full-batch gradient descent with a little L2 regularisation. Positive examples can be
/// weighted up with `positive_weight` when they are rare.
pub fn fit_logistic<const N: usize, const W: usize>(
    x: &[[f32; N]],
    y: &[bool],
    positive_weight: f32,
) -> [f32; W] {
    assert_eq!(W, N + 1, "one weight per feature plus the intercept");
    let mut w = [0.0f32; W];
    let total: f32 = y
        .iter()
        .map(|&p| if p { positive_weight } else { 1.0 })
        .sum();
    for _ in 0..20_000 {
        let mut grad = [0.0f32; W];
        for (xi, &yi) in x.iter().zip(y) {
            let weight = if yi { positive_weight } else { 1.0 };
            let err = weight * (score_with(&w, xi) - f32::from(u8::from(yi)));
            grad[0] += err;
            for k in 0..N {
                grad[k + 1] += err * xi[k];
            }
        }
        for k in 0..W {
            let l2 = if k == 0 { 0.0 } else { 1e-3 * w[k] };
            w[k] -= grad[k] / total + l2;
        }
    }
    w
}

/// Inverse document frequencies learnt from a set of sentences, and a tokenizer.
pub struct Lexical {
    tokenizer: Tokenizer,
    vocabulary: HashMap<String, u32>,
    idf: Vec<f32>,
    max_idf: f32,
}

impl Lexical {
    /// Learns term weights from `sentences` (each sentence is one document).
    pub fn fit<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Lexical {
        let tokenizer = Tokenizer::default();
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let mut df: Vec<u32> = Vec::new();
        let mut n = 0usize;
        for sentence in sentences {
            n += 1;
            let mut ids: Vec<u32> = tokenizer
                .words(sentence, 0, sentence.len())
                .into_iter()
                .filter(|w| !w.stop)
                .map(|w| {
                    let next = vocabulary.len() as u32;
                    *vocabulary.entry(w.stem).or_insert(next)
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                if id as usize >= df.len() {
                    df.resize(id as usize + 1, 0);
                }
                df[id as usize] += 1;
            }
        }
        let idf = df
            .iter()
            .map(|&d| ((n as f32 + 1.0) / (d as f32).max(1.0)).ln())
            .collect();
        Lexical {
            tokenizer,
            vocabulary,
            idf,
            max_idf: (n as f32 + 1.0).ln(),
        }
    }

    /// The features of a pair of sentences, in the order of [`WEIGHTS`] after the intercept.
    pub fn features(&self, a: &str, b: &str) -> [f32; FEATURES] {
        self.pair(a, b, false).to_array()
    }

    /// The alignment model's features of a pair of units, in the order of
    /// [`ALIGN_WEIGHTS`] after the intercept; `heading` says one of them is a heading.
    pub fn align_features(&self, a: &str, b: &str, heading: bool) -> [f32; ALIGN_FEATURES] {
        self.pair(a, b, heading).to_align_array()
    }

    fn pair(&self, a: &str, b: &str, heading: bool) -> Features {
        // Words never seen in fitting get ids past the vocabulary, shared by the pair only,
        // and the highest weight: they are the rarest.
        let mut unseen: HashMap<String, u32> = HashMap::new();
        let mut vector = |sentence: &str| {
            let words = self.tokenizer.words(sentence, 0, sentence.len());
            let starts: Vec<bool> = (0..words.len())
                .map(|i| {
                    i > 0
                        && crate::align::starts_clause(&sentence[words[i - 1].end..words[i].start])
                })
                .collect();
            let ids: Vec<Term> = words
                .into_iter()
                .enumerate()
                .map(|(i, w)| {
                    let id = match self.vocabulary.get(&w.stem) {
                        Some(&id) => id,
                        None => {
                            let next = (self.idf.len() + unseen.len()) as u32;
                            *unseen.entry(w.stem).or_insert(next)
                        }
                    };
                    Term {
                        id,
                        stop: w.stop,
                        number: w.number,
                        name: w.capital && i > 0,
                        clause_start: starts[i],
                    }
                })
                .collect();
            ids
        };
        let (a, b) = (vector(a), vector(b));
        let weight = |id: u32| self.idf.get(id as usize).copied().unwrap_or(self.max_idf);
        let (mut a, b) = (Vector::new(a, weight), Vector::new(b, weight));
        a.heading = heading;
        Features::between(&a, &b, self.max_idf)
    }

    /// The calibrated probability that `a` and `b` say the same thing.
    pub fn score(&self, a: &str, b: &str) -> f32 {
        score_with(&WEIGHTS, &self.features(a, b))
    }
}
