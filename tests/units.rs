//! Units of the real sample reports, checked against what a reader sees in them.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{seeds, slice_utf16};
use parallax::{compare, Options, ReportInput, UnitKind};

fn unit_texts(report: &parallax::Report, kind: UnitKind) -> Vec<&str> {
    report
        .units
        .iter()
        .filter(|u| u.kind == kind)
        .map(|u| u.text.as_str())
        .collect()
}

#[test]
fn every_unit_is_the_utf16_slice_of_its_report() {
    let inputs = seeds();
    let result = compare(&inputs, &Options::default()).unwrap();
    for (input, report) in inputs.iter().zip(&result.reports) {
        assert_eq!(report.length, input.text.encode_utf16().count());
        let mut last_end = 0;
        for (index, unit) in report.units.iter().enumerate() {
            assert_eq!(unit.id, format!("{}:u{index}", report.id));
            assert!(
                unit.start >= last_end && unit.start < unit.end,
                "{} overlaps",
                unit.id
            );
            assert_eq!(slice_utf16(&input.text, unit.start, unit.end), unit.text);
            last_end = unit.end;
        }
    }
}

#[test]
fn glued_sentences_of_004_are_split() {
    let result = compare(&seeds(), &Options::default()).unwrap();
    let sentences = unit_texts(&result.reports[4], UnitKind::Sentence);
    assert!(sentences
        .iter()
        .any(|s| s.ends_with("fulfillment of their commitments.")));
    assert!(sentences.iter().any(|s| s.starts_with(
        "The Istanbul session, held at a local hotel, began at 2:30 p.m. on October 25"
    )));
    assert!(sentences
        .iter()
        .any(|s| s.starts_with("Pakistan remains committed to a peaceful and stable region")));
}

#[test]
fn glued_markdown_heading_of_002_is_a_heading() {
    let result = compare(&seeds(), &Options::default()).unwrap();
    let headings = unit_texts(&result.reports[2], UnitKind::Heading);
    assert!(headings
        .contains(&"Istanbul Impasse: Pakistan-Afghanistan Talks Stall Over Terror Sanctuaries"));
    let sentences = unit_texts(&result.reports[2], UnitKind::Sentence);
    assert!(sentences.contains(
        &"The stalemate highlights the enduring challenge posed by cross-border militancy to regional stability."
    ));
    assert!(sentences
        .iter()
        .any(|s| s.ends_with("as reported by SindhNews.com.")));
}

#[test]
fn detached_guillemet_closes_the_quote_in_001() {
    let result = compare(&seeds(), &Options::default()).unwrap();
    let sentences = unit_texts(&result.reports[1], UnitKind::Sentence);
    assert!(sentences
        .iter()
        .any(|s| s.ends_with("withdraw its support for the leadership of all proxies. »")));
    assert!(!sentences.contains(&"»"));
}

#[test]
fn headlines_are_headings() {
    let result = compare(&seeds(), &Options::default()).unwrap();
    let first = |i: usize| result.reports[i].units[0].text.as_str();
    assert_eq!(
        first(4),
        "Pakistan Delivers Firm Message to Afghan Taliban: No Tolerance for Terror Sanctuaries"
    );
    assert_eq!(result.reports[4].units[0].kind, UnitKind::Heading);
    // 003 opens with a category tag line, set aside: the title is the headline after it.
    assert_eq!(result.reports[3].units[0].kind, UnitKind::Boilerplate);
    assert_eq!(
        result.reports[3].title,
        "Pakistan Threatens Unilateral Action against TTP"
    );
    // 000 opens with its date line, kept as a heading but never taken as the title.
    assert_eq!(first(0), "Tuesday, 02 January 2024 12:17 GMT");
    assert_eq!(result.reports[0].units[0].kind, UnitKind::Heading);
    assert_eq!(
        result.reports[0].title,
        "Islamabad Warns Kabul: Support For Terror Groups“Unacceptable”"
    );
}

#[test]
fn bad_input_gives_clear_errors_or_empty_results() {
    let report = |id: &str, text: &str| ReportInput {
        id: id.into(),
        title: String::new(),
        text: text.into(),
    };
    let none = compare(&[], &Options::default()).unwrap_err().to_string();
    assert!(none.contains("no reports"), "{none}");
    let dup = compare(&[report("a", "x."), report("a", "y.")], &Options::default())
        .unwrap_err()
        .to_string();
    assert!(dup.contains("\"a\"") && dup.contains("unique"), "{dup}");
    let empty_id = compare(&[report(" ", "x.")], &Options::default())
        .unwrap_err()
        .to_string();
    assert!(empty_id.contains("report 1 has an empty id"), "{empty_id}");
    let blank = compare(
        &[report("e", ""), report("w", " \n\t \r\n")],
        &Options::default(),
    )
    .unwrap();
    assert!(blank.reports.iter().all(|r| r.units.is_empty()));
    assert_eq!(
        blank.reports[0].title, "e",
        "an untitled empty report is named by its id"
    );
}
