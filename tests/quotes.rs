//! Quotes of the real sample reports: what a reader can check.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{seeds, slice_utf16};
use parallax::{compare, Comparison, Options, QuoteCluster, Variant};

fn result() -> Comparison {
    compare(&seeds(), &Options::default()).unwrap()
}

fn cluster_with<'a>(result: &'a Comparison, words: &str) -> &'a QuoteCluster {
    result
        .quotes
        .iter()
        .find(|q| {
            q.instances
                .iter()
                .any(|i| i.quoted && i.text.contains(words))
        })
        .unwrap_or_else(|| panic!("no quote with {words:?}"))
}

#[test]
fn illogical_ground_realities_is_quoted_in_three_reports_and_rendered_unquoted() {
    let result = result();
    let cluster = cluster_with(&result, "illogical and contrary to the realities");
    let quoted: std::collections::BTreeSet<&str> = cluster
        .instances
        .iter()
        .filter(|i| i.quoted)
        .map(|i| i.report.as_str())
        .collect();
    assert_eq!(
        quoted.into_iter().collect::<Vec<_>>(),
        ["001", "002", "003"]
    );
    let wordings: std::collections::BTreeSet<&str> = cluster
        .instances
        .iter()
        .filter(|i| i.quoted)
        .map(|i| i.text.trim_end_matches(['.', ',']))
        .collect();
    assert!(wordings.len() >= 3, "{wordings:?}");
    let unquoted: Vec<_> = cluster.instances.iter().filter(|i| !i.quoted).collect();
    assert!(
        !unquoted.is_empty(),
        "a report says it without quotation marks"
    );
    assert!(unquoted
        .iter()
        .all(|i| !["001", "002", "003"].contains(&i.report.as_str())));
    assert!(unquoted.iter().any(|i| i.text.contains("ground realities")));
}

#[test]
fn guillemet_closed_quote_of_001_is_found_whole() {
    let result = result();
    let cluster = cluster_with(&result, "Pakistan has maintained its position");
    let instance = cluster
        .instances
        .iter()
        .find(|i| i.report == "001" && i.quoted)
        .unwrap();
    assert!(instance
        .text
        .starts_with("Pakistan has maintained its position that it will not engage"));
    assert!(instance
        .text
        .ends_with("withdraw its support for the leadership of all proxies."));
    assert!(!instance.unclosed);
}

#[test]
fn apostrophes_in_talibans_never_open_a_quote() {
    let inputs = seeds();
    let result = compare(&inputs, &Options::default()).unwrap();
    let mut checked = 0;
    for instance in result
        .quotes
        .iter()
        .flat_map(|q| &q.instances)
        .filter(|i| i.quoted)
    {
        let text: Vec<u16> = inputs
            .iter()
            .find(|r| r.id == instance.report)
            .unwrap()
            .text
            .encode_utf16()
            .collect();
        let before = String::from_utf16_lossy(&text[..instance.start]);
        let mut chars = before.chars().rev();
        let mark = chars.next().unwrap();
        let letter_before_mark = chars.next().is_some_and(char::is_alphabetic);
        // An opening mark glued to a word is allowed for double quotes ('Groups“Unacceptable”'),
        // never for an apostrophe: "Taliban’s" must not open a quote.
        assert!(
            !(matches!(mark, '’' | '\'') && letter_before_mark),
            "{:?} opened by an apostrophe",
            instance.text
        );
        checked += 1;
    }
    assert!(checked > 20);
    let seed_001 = &inputs[1].text;
    assert!(
        seed_001.matches("Taliban’s").count() >= 3,
        "the seed has the pitfall"
    );
}

#[test]
fn security_source_quotes_of_001_keep_their_anonymous_speaker() {
    let result = result();
    for words in [
        "illogical and contrary",
        "joined the talks with complete clarity",
    ] {
        let cluster = cluster_with(&result, words);
        let instance = cluster
            .instances
            .iter()
            .find(|i| i.report == "001")
            .unwrap();
        assert_eq!(
            instance.speaker.as_deref(),
            Some("a security source"),
            "{words}"
        );
    }
    // The continuation of the second statement, with no attribution of its own, keeps it.
    let cluster = cluster_with(&result, "Pakistan has maintained its position");
    assert_eq!(
        cluster.instances[0].speaker.as_deref(),
        Some("a security source")
    );
}

#[test]
fn pronoun_resolves_to_the_minister_named_before() {
    let result = result();
    let cluster = cluster_with(&result, "the ceasefire will hold");
    let instance = &cluster.instances[0];
    assert_eq!(instance.speaker_as_written.as_deref(), Some("he"));
    assert_eq!(instance.speaker.as_deref(), Some("Khawaja Muhammad Asif"));
}

#[test]
fn headline_quote_goes_to_the_headline_subject() {
    let result = result();
    let cluster = cluster_with(&result, "unacceptable favoritism of terrorists");
    let instance = cluster
        .instances
        .iter()
        .find(|i| i.report == "001" && i.quoted)
        .unwrap();
    assert!(instance.in_heading);
    assert_eq!(instance.speaker.as_deref(), Some("Islamabad"));
}

#[test]
fn trimmed_renderings_are_labelled_against_the_reference() {
    let result = result();
    let cluster = cluster_with(&result, "concrete and verifiable steps to eliminate");
    assert!(cluster
        .reference
        .starts_with("concrete and verifiable steps to eliminate cross-border terrorism"));
    let short = cluster
        .instances
        .iter()
        .find(|i| i.report == "003")
        .unwrap();
    assert_eq!(short.text, "concrete and verifiable steps");
    assert_eq!(short.variant, Variant::Trimmed);
    assert!(short
        .diff
        .iter()
        .any(|op| op.op == parallax::WordOpKind::Delete && op.text.contains("eliminate")));
}

#[test]
fn every_instance_is_the_utf16_slice_of_its_report() {
    let inputs = seeds();
    let result = compare(&inputs, &Options::default()).unwrap();
    assert!(result.quotes.len() >= 15);
    for cluster in &result.quotes {
        assert!(cluster.instances.iter().any(|i| i.quoted));
        for instance in &cluster.instances {
            let input = inputs.iter().find(|r| r.id == instance.report).unwrap();
            assert_eq!(
                slice_utf16(&input.text, instance.start, instance.end),
                instance.text
            );
            let unit = result
                .reports
                .iter()
                .flat_map(|r| &r.units)
                .find(|u| u.id == instance.unit)
                .unwrap();
            assert!(
                unit.start <= instance.start && instance.start < unit.end.max(instance.start + 1)
            );
            assert_ne!(
                unit.kind,
                parallax::UnitKind::Boilerplate,
                "no quote from boilerplate"
            );
        }
    }
}
