//! Disagreements among the sample reports that a reader can check.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{seeds, slice_utf16};
use parallax::{compare, DiscrepancyKind, Options};

#[test]
fn the_seeds_disagreements_are_found_and_nothing_between_unrelated_facts() {
    let inputs = seeds();
    let result = compare(&inputs, &Options::default()).unwrap();
    let values = |id: &str| -> Vec<String> {
        result
            .discrepancies
            .iter()
            .find(|d| d.id == id)
            .unwrap()
            .values
            .iter()
            .map(|v| v.value.clone())
            .collect()
    };

    // Nearly nine hours (002) against more than nine hours (004).
    let hours = result
        .discrepancies
        .iter()
        .find(|d| d.kind == DiscrepancyKind::Precision && d.slot == "hours")
        .expect("the nine-hours difference");
    let found = values(&hours.id);
    assert!(
        found.contains(&"nearly 9 hours".to_string())
            && found.contains(&"more than 9 hours".to_string()),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|v| v.starts_with("48")),
        "a 48-hour truce is another thing: {found:?}"
    );

    // The Doha round: October 19 (002) against October 18–19 (004).
    let doha = result
        .discrepancies
        .iter()
        .find(|d| d.slot == "date" && d.kind == DiscrepancyKind::Precision)
        .expect("the Doha dates");
    let found = values(&doha.id);
    assert_eq!(found, ["October 19", "October 18–19"]);

    // 000 is dated 2 January 2024 but reports the October events.
    let line = result
        .discrepancies
        .iter()
        .find(|d| d.slot == "date line")
        .expect("the date-line check");
    assert_eq!(line.values[0].report, "000");
    assert_eq!(line.values[0].text, "Tuesday, 02 January 2024 12:17 GMT");
    assert!(line.values[1..]
        .iter()
        .all(|v| v.value.starts_with("October")));

    // Every value points at its words.
    for d in &result.discrepancies {
        assert!(!d.values.is_empty() && (0.0..=1.0).contains(&d.confidence));
        for v in &d.values {
            let input = inputs.iter().find(|r| r.id == v.report).unwrap();
            assert_eq!(slice_utf16(&input.text, v.start, v.end), v.text);
        }
    }
    // Who led the Afghan side: Mullah Yaqoob (001) or Mawlawi Rahmatullah Najeeb (002).
    let led = result
        .discrepancies
        .iter()
        .find(|d| d.slot == "who led the afghan side")
        .expect("the delegation leaders");
    assert_eq!(led.kind, DiscrepancyKind::Conflict);
    assert_eq!(
        values(&led.id),
        ["Mullah Yaqoob", "Mawlawi Rahmatullah Najeeb"]
    );

    // No conflict between numbers of unrelated facts.
    for d in result
        .discrepancies
        .iter()
        .filter(|d| d.kind == DiscrepancyKind::Conflict)
    {
        assert!(
            d.slot == "date line" || d.slot.starts_with("who led"),
            "{d:?}"
        );
    }
}
