//! What the fuzzers found, replayed natively by `cargo test`:
//! - inputs that crashed: each file in `tests/fuzz-regressions/` is a set of reports
//!   separated by NUL characters, as the fuzz targets build them;
//! - the kept corpus: `fuzz/regressions/<target>.bin` holds one input for each code edge
//!   the campaigns covered (packed by `fuzz/pack.py`), run through the fuzz targets' own
//!   entry points and invariants (`fuzz/fuzz_targets/invariants.rs`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

#[path = "../fuzz/fuzz_targets/invariants.rs"]
mod invariants;

use parallax::{compare, Options};

#[test]
fn every_fuzz_finding_now_compares() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-regressions");
    let mut replayed = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let reports = invariants::reports(&bytes);
        let result = compare(&reports, &Options::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for instance in result.quotes.iter().flat_map(|q| &q.instances) {
            let input = reports.iter().find(|r| r.id == instance.report).unwrap();
            assert_eq!(
                common::slice_utf16(&input.text, instance.start, instance.end),
                instance.text
            );
        }
        replayed += 1;
    }
    assert!(replayed >= 1);
}

/// The inputs of a packed corpus: 4-byte little-endian length, then the bytes.
fn packed(target: &str) -> Vec<Vec<u8>> {
    let path = format!(
        "{}/fuzz/regressions/{target}.bin",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut inputs = Vec::new();
    let mut rest = bytes.as_slice();
    while !rest.is_empty() {
        let (len, tail) = rest.split_at(4);
        let len = u32::from_le_bytes(len.try_into().unwrap()) as usize;
        let (input, tail) = tail.split_at(len);
        inputs.push(input.to_vec());
        rest = tail;
    }
    inputs
}

fn replay(target: &str, run: fn(&[u8])) {
    let inputs = packed(target);
    assert!(
        inputs.len() >= 500,
        "{target}: {} inputs kept",
        inputs.len()
    );
    for (i, input) in inputs.iter().enumerate() {
        if std::panic::catch_unwind(|| run(input)).is_err() {
            panic!(
                "{target}: kept input {i} fails: {:?}",
                String::from_utf8_lossy(input)
            );
        }
    }
}

#[test]
fn the_kept_text_preparation_corpus_satisfies_the_invariants() {
    replay("prepare", invariants::prepare);
}

#[test]
fn the_kept_alignment_corpus_satisfies_the_invariants() {
    replay("align", invariants::align);
}

#[test]
fn the_kept_quotes_corpus_satisfies_the_invariants() {
    replay("quotes", invariants::quotes);
}
