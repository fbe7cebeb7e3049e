//! What every result must satisfy, whatever the input; shared by the fuzz targets and by
//! `tests/fuzz_regressions.rs`, which replays the kept corpus (`fuzz/regressions/`) with
//! the same entry points.
// Each target uses one entry point; the replay test uses them all.
#![allow(dead_code)]

use std::collections::HashSet;

use parallax::{compare, Comparison, Options, ReportInput, UnitKind};

/// Splits fuzz input into up to six reports at NUL bytes (invalid UTF-8 replaced, as the
/// CLI and the page do).
pub fn reports(data: &[u8]) -> Vec<ReportInput> {
    String::from_utf8_lossy(data)
        .split('\u{0}')
        .take(6)
        .enumerate()
        .map(|(i, text)| ReportInput {
            id: format!("r{i}"),
            title: String::new(),
            text: text.to_string(),
        })
        .collect()
}

fn slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    assert!(
        start <= end && end <= units.len(),
        "offsets {start}..{end} outside the text"
    );
    String::from_utf16(&units[start..end]).expect("offsets on code point boundaries")
}

/// Compares and checks the invariants; panics (a fuzz finding) on any violation.
pub fn check(inputs: &[ReportInput]) -> Comparison {
    let result = compare(inputs, &Options::default()).expect("valid input compares");
    let mut news = HashSet::new();
    for (input, report) in inputs.iter().zip(&result.reports) {
        let mut last = 0;
        for unit in &report.units {
            assert!(unit.start >= last && unit.start < unit.end, "units overlap");
            assert_eq!(
                slice(&input.text, unit.start, unit.end),
                unit.text,
                "unit text is its span"
            );
            last = unit.end;
            if unit.kind != UnitKind::Boilerplate {
                news.insert(unit.id.as_str());
            }
        }
        for span in &report.unique_spans {
            assert_eq!(slice(&input.text, span.start, span.end), span.text);
        }
    }
    for group in &result.groups {
        assert!(group.reports >= 2, "a group spans reports");
        for member in &group.members {
            assert!(
                news.contains(member.unit.as_str()),
                "groups reference news units"
            );
        }
    }
    for layout in &result.side_by_side {
        for row in &layout.rows {
            for unit in row.a.iter().chain(&row.b) {
                assert!(news.contains(unit.as_str()), "layouts reference news units");
            }
        }
    }
    for instance in result.quotes.iter().flat_map(|q| &q.instances) {
        let input = inputs
            .iter()
            .find(|r| r.id == instance.report)
            .expect("quote of a report");
        assert_eq!(
            slice(&input.text, instance.start, instance.end),
            instance.text
        );
        assert!(
            news.contains(instance.unit.as_str()),
            "quotes come from news units"
        );
    }
    let units: HashSet<&str> = result
        .reports
        .iter()
        .flat_map(|r| &r.units)
        .map(|u| u.id.as_str())
        .collect();
    for finding in &result.discrepancies {
        assert!(
            (0.0..=1.0).contains(&finding.confidence),
            "confidence in [0, 1]"
        );
        assert!(!finding.values.is_empty(), "a finding has values");
        for value in &finding.values {
            let input = inputs
                .iter()
                .find(|r| r.id == value.report)
                .expect("value of a report");
            assert_eq!(
                slice(&input.text, value.start, value.end),
                value.text,
                "value text is its span"
            );
            assert!(units.contains(value.unit.as_str()), "values point at units");
        }
    }
    result
}

/// The `prepare` target: any bytes as one report.
pub fn prepare(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    check(&[ReportInput {
        id: "r".into(),
        title: String::new(),
        text,
    }]);
}

/// The `align` target: up to six reports, split at NUL bytes.
pub fn align(data: &[u8]) {
    let reports = reports(data);
    let result = check(&reports);
    assert_eq!(result.pairs.len(), reports.len() * (reports.len() - 1) / 2);
}

/// Bytes map to a vocabulary rich in quotation marks and attribution words, so the fuzzer
/// reaches the quote code quickly.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "‹",
    "›",
    " said ",
    " he said",
    "a source",
    "According to officials, ",
    ", ",
    ". ",
    "\n\n",
    "\n",
    "Taliban’s ",
    "talks ",
    "Asif ",
    "They ",
    "illogical ",
    "unacceptable",
    " by officials",
    ":",
    "\u{0}",
];

/// The `quotes` target: bytes read as pieces of quoted, attributed text.
pub fn quotes(data: &[u8]) {
    let text: String = data
        .iter()
        .map(|&b| PIECES[b as usize % PIECES.len()])
        .collect();
    check(&reports(text.as_bytes()));
}
