//! Properties that hold for any input, checked on generated reports (proptest).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use common::slice_utf16;
use parallax::{compare, Comparison, Options, ReportInput};
use proptest::prelude::*;

/// Pieces of real copy that stress segmentation: glued sentences, abbreviations, quotes of
/// every style, emoji, combining marks, CJK, right-to-left text, stray line ends.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Pakistan urged the Taliban to act. ",
        "commitments.The Istanbul session began at 2:30 p.m. on Oct. 25. ",
        "“It appears they follow someone else’s agenda,” said a security source. ",
        "'Quoted' and \"double\" and «guillemets» ",
        "The talks lasted nearly nine hours! ",
        "Why? ",
        "👩‍👩‍👧 emoji 🇵🇰 ",
        "e\u{301}te\u{301} combining ",
        "会谈在伊斯坦布尔举行。",
        "پاکستان نے طالبان سے کہا۔ ",
        "\n\n",
        "\r\n",
        "\r",
        "## Heading\n",
        "ShareFacebook Twitter WhatsApp Email Print\n",
        "Scroll to Top\n",
        "   ",
        "\u{0}\u{feff}",
        "Khawaja Asif said the ceasefire will hold. ",
        "Officials said progress depends on the Taliban. ",
    ])
}

fn report_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..25).prop_map(|p| p.concat())
}

fn reports() -> impl Strategy<Value = Vec<ReportInput>> {
    prop::collection::vec(report_text(), 1..6).prop_map(|texts| {
        texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| ReportInput {
                id: format!("r{i}"),
                title: String::new(),
                text,
            })
            .collect()
    })
}

/// Groups as sets of unit ids, independent of group order and numbering.
fn group_sets(result: &Comparison) -> BTreeSet<BTreeSet<String>> {
    result
        .groups
        .iter()
        .map(|g| g.members.iter().map(|m| m.unit.clone()).collect())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn units_are_disjoint_exact_slices_of_the_text(inputs in reports()) {
        let result = compare(&inputs, &Options::default()).unwrap();
        for (input, report) in inputs.iter().zip(&result.reports) {
            let mut last_end = 0;
            for unit in &report.units {
                prop_assert!(unit.start >= last_end && unit.start < unit.end);
                // Offsets land on code point boundaries: the slice decodes, and equals the text.
                prop_assert_eq!(slice_utf16(&input.text, unit.start, unit.end), unit.text.clone());
                prop_assert_eq!(unit.text.trim(), unit.text.as_str());
                last_end = unit.end;
            }
        }
    }

    #[test]
    fn quote_instances_are_exact_slices_outside_boilerplate(inputs in reports()) {
        let result = compare(&inputs, &Options::default()).unwrap();
        for instance in result.quotes.iter().flat_map(|q| &q.instances) {
            let input = inputs.iter().find(|r| r.id == instance.report).unwrap();
            prop_assert!(instance.start < instance.end);
            prop_assert_eq!(slice_utf16(&input.text, instance.start, instance.end), instance.text.clone());
            let unit = result.reports.iter().flat_map(|r| &r.units).find(|u| u.id == instance.unit).unwrap();
            prop_assert_ne!(unit.kind, parallax::UnitKind::Boilerplate);
            prop_assert!((0.0..=1.0).contains(&instance.confidence));
        }
    }

    #[test]
    fn groups_reference_existing_news_units(inputs in reports()) {
        let result = compare(&inputs, &Options::default()).unwrap();
        let news: BTreeSet<&str> = result
            .reports
            .iter()
            .flat_map(|r| &r.units)
            .filter(|u| u.kind != parallax::UnitKind::Boilerplate)
            .map(|u| u.id.as_str())
            .collect();
        for group in &result.groups {
            for member in &group.members {
                prop_assert!(news.contains(member.unit.as_str()));
            }
        }
    }

    #[test]
    fn results_do_not_depend_on_the_order_of_the_reports(inputs in reports()) {
        let forward = compare(&inputs, &Options::default()).unwrap();
        let reversed: Vec<ReportInput> = inputs.iter().rev().cloned().collect();
        let backward = compare(&reversed, &Options::default()).unwrap();
        prop_assert_eq!(group_sets(&forward), group_sets(&backward));
        let unique = |r: &Comparison| -> BTreeSet<String> {
            r.reports.iter().flat_map(|r| r.unique.iter().map(|u| u.unit.clone())).collect()
        };
        prop_assert_eq!(unique(&forward), unique(&backward));
    }
}
