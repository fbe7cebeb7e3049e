//! Sentence similarity on the Microsoft Research Paraphrase Corpus.
//!
//! ```text
//! cargo bench --bench mrpc            # test accuracy and F1 of the engine's weights
//! cargo bench --bench mrpc -- --fit   # refit the weights on the training file
//! ```
//!
//! The weights and the decision threshold are fitted on the training file only; the test
//! file is only ever scored. Term weights (IDF) come from the training sentences. The data
//! is read from `$PARALLAX_SHARED/data/mrpc` (default `../shared`).

use parallax::calibration::{fit_logistic, score_with, Lexical, FEATURES, WEIGHTS};

struct Pair {
    paraphrase: bool,
    a: String,
    b: String,
}

fn read(name: &str) -> Vec<Pair> {
    let shared = std::env::var("PARALLAX_SHARED").unwrap_or_else(|_| "../shared".into());
    let path = format!("{shared}/data/mrpc/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    text.trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            (cols.len() == 5).then(|| Pair {
                paraphrase: cols[0] == "1",
                a: cols[3].to_string(),
                b: cols[4].to_string(),
            })
        })
        .collect()
}

/// (accuracy, F1 of the paraphrase class) of predictions `score >= threshold`.
fn evaluate(scores: &[f32], gold: &[bool], threshold: f32) -> (f64, f64) {
    let (mut tp, mut fp, mut fn_, mut correct) = (0.0, 0.0, 0.0, 0.0);
    for (&s, &g) in scores.iter().zip(gold) {
        let p = s >= threshold;
        if p == g {
            correct += 1.0;
        }
        match (p, g) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fn_ += 1.0,
            _ => {}
        }
    }
    let f1 = 2.0 * tp / (2.0 * tp + fp + fn_);
    (correct / gold.len() as f64, f1)
}

/// The threshold that maximises accuracy on `scores`.
fn best_threshold(scores: &[f32], gold: &[bool]) -> f32 {
    let mut best = (0.0, 0.5);
    for step in 1..100 {
        let t = step as f32 / 100.0;
        let (acc, _) = evaluate(scores, gold, t);
        if acc > best.0 {
            best = (acc, t);
        }
    }
    best.1
}

fn main() {
    let refit = std::env::args().any(|a| a == "--fit");
    let train = read("msr_paraphrase_train.txt");
    let test = read("msr_paraphrase_test.txt");
    let lexical = Lexical::fit(train.iter().flat_map(|p| [p.a.as_str(), p.b.as_str()]));
    let features = |pairs: &[Pair]| -> Vec<[f32; FEATURES]> {
        pairs.iter().map(|p| lexical.features(&p.a, &p.b)).collect()
    };
    let (x_train, x_test) = (features(&train), features(&test));
    let y_train: Vec<bool> = train.iter().map(|p| p.paraphrase).collect();
    let y_test: Vec<bool> = test.iter().map(|p| p.paraphrase).collect();

    let weights = if refit {
        let w: [f32; FEATURES + 1] = fit_logistic(&x_train, &y_train, 1.0);
        println!("fitted weights (intercept first): {w:?}");
        w
    } else {
        WEIGHTS
    };
    let score =
        |x: &[[f32; FEATURES]]| -> Vec<f32> { x.iter().map(|f| score_with(&weights, f)).collect() };
    let (s_train, s_test) = (score(&x_train), score(&x_test));
    let threshold = best_threshold(&s_train, &y_train);
    let (train_acc, train_f1) = evaluate(&s_train, &y_train, threshold);
    let (acc, f1) = evaluate(&s_test, &y_test, threshold);
    let (acc_half, f1_half) = evaluate(&s_test, &y_test, 0.5);

    // The baseline the issue quotes: IDF-weighted cosine alone, threshold fitted on train.
    let cos_train: Vec<f32> = x_train.iter().map(|f| f[0]).collect();
    let cos_test: Vec<f32> = x_test.iter().map(|f| f[0]).collect();
    let cos_threshold = best_threshold(&cos_train, &y_train);
    let (cos_acc, cos_f1) = evaluate(&cos_test, &y_test, cos_threshold);

    println!(
        "MRPC: {} train pairs, {} test pairs",
        train.len(),
        test.len()
    );
    println!("baseline IDF cosine (threshold {cos_threshold:.2} from train): test accuracy {:.1} %, F1 {cos_f1:.3}", cos_acc * 100.0);
    println!(
        "parallax train: accuracy {:.1} %, F1 {train_f1:.3} (threshold {threshold:.2} from train)",
        train_acc * 100.0
    );
    println!(
        "parallax test:  accuracy {:.1} %, F1 {f1:.3} (threshold {threshold:.2} from train)",
        acc * 100.0
    );
    println!(
        "parallax test:  accuracy {:.1} %, F1 {f1_half:.3} (at probability 0.5)",
        acc_half * 100.0
    );
}
