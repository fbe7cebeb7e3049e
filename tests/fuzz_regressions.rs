//! Inputs the fuzzers found crashing, replayed: each file in `tests/fuzz-regressions/` is
//! a set of reports separated by NUL characters, as the fuzz targets build them.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use parallax::{compare, Options, ReportInput};

#[test]
fn every_fuzz_finding_now_compares() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fuzz-regressions");
    let mut replayed = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let reports: Vec<ReportInput> = String::from_utf8_lossy(&bytes)
            .split('\u{0}')
            .take(6)
            .enumerate()
            .map(|(i, text)| ReportInput {
                id: format!("r{i}"),
                title: String::new(),
                text: text.to_string(),
            })
            .collect();
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
