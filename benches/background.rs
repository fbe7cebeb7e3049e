//! Builds the background table (`src/align/background.tsv`): for each stem of common
//! English, the share of sentences of general text that hold it.
//!
//! ```text
//! pip install wordfreq==3.1.1
//! python3 benches/background/wordfreq_words.py > /tmp/wordfreq-en.tsv
//! cargo bench --features internals --bench background -- /tmp/wordfreq-en.tsv
//! ```
//!
//! wordfreq gives each word its frequency among all words. A sentence of `SENTENCE`
//! words holds a word of frequency `f` with probability about `SENTENCE · f`; the stems
//! of the engine's own tokenizer sum their words' shares. Only stems held by at least
//! `MIN_SHARE` of sentences are kept: rarer ones would change no weight much, and the
//! table ships inside the wasm module. The data is CC BY-SA 4.0 (wordfreq, Robyn Speer
//! et al.), and so is the table.

use std::collections::BTreeMap;

/// Words in a typical news sentence.
const SENTENCE: f64 = 25.0;
/// The smallest share of sentences a stem needs to be kept.
const MIN_SHARE: f64 = 1e-3;

fn main() {
    let Some(path) = std::env::args().skip(1).find(|a| !a.starts_with('-')) else {
        println!("background: give the word list (see the file's comment); nothing written");
        return;
    };
    let list = std::fs::read_to_string(&path).unwrap();
    let mut share: BTreeMap<String, f64> = BTreeMap::new();
    for line in list.lines() {
        let Some((word, freq)) = line.split_once('\t') else {
            continue;
        };
        let freq: f64 = freq.parse().unwrap();
        for (stem, stop) in parallax::stages::stems(word) {
            if !stop && !stem.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                *share.entry(stem).or_default() += SENTENCE * freq;
            }
        }
    }
    let mut out = String::from("# stem\tsentences holding it, per 10,000 (CC BY-SA 4.0, from wordfreq 3.1.1; benches/background.rs)\n");
    let mut kept = 0;
    for (stem, s) in &share {
        if *s >= MIN_SHARE {
            out += &format!("{stem}\t{}\n", (s.min(1.0) * 10_000.0).round() as u32);
            kept += 1;
        }
    }
    std::fs::write("src/align/background.tsv", &out).unwrap();
    println!(
        "background: {kept} stems of {} written, {} bytes",
        share.len(),
        out.len()
    );
}
