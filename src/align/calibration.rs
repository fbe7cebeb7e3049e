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
use crate::align::vocabulary::Vocabulary;
use crate::text::tokenize::Tokenizer;

/// The number of features of the paraphrase (MRPC) model.
pub const FEATURES: usize = similarity::FEATURES;
/// The paraphrase model's weights, intercept first, fitted on MRPC train.
pub const WEIGHTS: [f32; FEATURES + 1] = similarity::WEIGHTS;

/// `sigmoid(w0 + Σ wᵢ·xᵢ)`: the score of features `x` under `weights` (`W = N + 1`).
pub fn score_with<const N: usize, const W: usize>(weights: &[f32; W], x: &[f32; N]) -> f32 {
    similarity::score_with(weights, x)
}

/// Fits logistic regression weights (intercept first, `W = N + 1`) to labelled features by
/// Newton's method (iteratively reweighted least squares) with a little L2
/// regularisation, which converges in a few dozen passes where gradient descent needs
/// thousands. Positive examples can be weighted up with `positive_weight` when they are
/// rare.
pub fn fit_logistic<const N: usize, const W: usize>(
    x: &[[f32; N]],
    y: &[bool],
    positive_weight: f32,
) -> [f32; W] {
    let weights: Vec<f32> = y
        .iter()
        .map(|&l| if l { positive_weight } else { 1.0 })
        .collect();
    fit_logistic_weighted(x, y, &weights)
}

/// [`fit_logistic`] with a weight for every example (so that each training cluster can
/// count as much as another, whatever its size).
pub fn fit_logistic_weighted<const N: usize, const W: usize>(
    x: &[[f32; N]],
    y: &[bool],
    weights: &[f32],
) -> [f32; W] {
    assert_eq!(W, N + 1, "one weight per feature plus the intercept");
    const L2: f64 = 1.0;
    let mut w = [0.0f64; W];
    let row = |xi: &[f32; N]| {
        let mut r = [1.0f64; W];
        for k in 0..N {
            r[k + 1] = f64::from(xi[k]);
        }
        r
    };
    for _ in 0..50 {
        let mut grad = [0.0f64; W];
        let mut hessian = vec![[0.0f64; W]; W];
        for ((xi, &yi), &weight) in x.iter().zip(y).zip(weights) {
            let weight = f64::from(weight);
            let r = row(xi);
            let z: f64 = w.iter().zip(&r).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = weight * (p - f64::from(u8::from(yi)));
            let curvature = weight * p * (1.0 - p);
            for a in 0..W {
                grad[a] += err * r[a];
                for b in 0..W {
                    hessian[a][b] += curvature * r[a] * r[b];
                }
            }
        }
        for k in 1..W {
            grad[k] += L2 * w[k];
            hessian[k][k] += L2;
        }
        hessian[0][0] += 1e-9;
        let step = solve(hessian, grad);
        let mut largest = 0.0f64;
        for k in 0..W {
            w[k] -= step[k];
            largest = largest.max(step[k].abs());
        }
        if largest < 1e-6 {
            break;
        }
    }
    w.map(|v| v as f32)
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting.
fn solve<const W: usize>(mut a: Vec<[f64; W]>, mut b: [f64; W]) -> [f64; W] {
    for col in 0..W {
        let pivot = (col..W)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let d = a[col][col];
        if d.abs() < 1e-12 {
            continue;
        }
        for r in col + 1..W {
            let f = a[r][col] / d;
            let pivot_row = a[col];
            for (c, value) in a[r].iter_mut().enumerate().skip(col) {
                *value -= f * pivot_row[c];
            }
            b[r] -= f * b[col];
        }
    }
    let mut x = [0.0f64; W];
    for r in (0..W).rev() {
        let rest: f64 = (r + 1..W).map(|c| a[r][c] * x[c]).sum();
        x[r] = if a[r][r].abs() < 1e-12 {
            0.0
        } else {
            (b[r] - rest) / a[r][r]
        };
    }
    x
}

/// Inverse document frequencies learnt from a set of sentences, and a tokenizer.
pub struct Lexical {
    tokenizer: Tokenizer,
    /// The same vocabulary, IDF and background blend as a comparison's.
    vocabulary: Vocabulary,
}

impl Lexical {
    /// Learns term weights from `sentences` (each sentence is one document).
    pub fn fit<'a>(sentences: impl IntoIterator<Item = &'a str>) -> Lexical {
        let tokenizer = Tokenizer::default();
        let mut vocabulary = Vocabulary::default();
        let mut n = 0usize;
        for sentence in sentences {
            n += 1;
            let ids: Vec<u32> = tokenizer
                .words(sentence, 0, sentence.len())
                .into_iter()
                .filter(|w| !w.stop)
                .map(|w| vocabulary.intern(&w.stem))
                .collect();
            vocabulary.count(ids);
        }
        vocabulary.finish(n);
        Lexical {
            tokenizer,
            vocabulary,
        }
    }

    /// The features of a pair of sentences, in the order of [`WEIGHTS`] after the intercept.
    pub fn features(&self, a: &str, b: &str) -> [f32; FEATURES] {
        self.pair(a, b, false).to_array()
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
                        && crate::align::starts_clause(
                            &sentence[words[i - 1].end..words[i].start],
                            &words[i - 1].norm,
                            &words[i].norm,
                        )
                })
                .collect();
            let ids: Vec<Term> = words
                .into_iter()
                .enumerate()
                .map(|(i, w)| {
                    let id = match self.vocabulary.id(&w.stem) {
                        Some(id) => id,
                        None => {
                            let next = (self.vocabulary.len() + unseen.len()) as u32;
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
        let known = self.vocabulary.len() as u32;
        let max_idf = self.vocabulary.max_idf();
        let weight = |id: u32| {
            if id < known {
                self.vocabulary.idf(id)
            } else {
                max_idf
            }
        };
        let (mut a, b) = (Vector::new(a, weight), Vector::new(b, weight));
        a.heading = heading;
        Features::between(&a, &b, max_idf)
    }

    /// The calibrated probability that `a` and `b` say the same thing.
    pub fn score(&self, a: &str, b: &str) -> f32 {
        score_with(&WEIGHTS, &self.features(a, b))
    }
}
