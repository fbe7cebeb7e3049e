//! Alignment of the real sample reports and corpus clusters: what a reader can check.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeSet, HashMap};

use common::seeds;
use parallax::{compare, Comparison, Options, ReportInput, RowKind, UnitKind};

fn unit_text<'a>(result: &'a Comparison, id: &str) -> &'a str {
    result
        .reports
        .iter()
        .flat_map(|r| &r.units)
        .find(|u| u.id == id)
        .map(|u| u.text.as_str())
        .unwrap_or_else(|| panic!("no unit {id}"))
}

/// The ids of the units whose text contains `needle`, in report `report`.
fn units_with(result: &Comparison, report: &str, needle: &str) -> Vec<String> {
    let report = result.reports.iter().find(|r| r.id == report).unwrap();
    report
        .units
        .iter()
        .filter(|u| u.text.contains(needle))
        .map(|u| u.id.clone())
        .collect()
}

#[test]
fn illogical_ground_realities_statement_is_grouped_across_reports() {
    let result = compare(&seeds(), &Options::default()).unwrap();
    let in_001 = units_with(
        &result,
        "001",
        "illogical and contrary to the realities on the ground",
    );
    let in_003 = units_with(
        &result,
        "003",
        "illogical and detached from the realities on the ground",
    );
    let group = result
        .groups
        .iter()
        .find(|g| g.members.iter().any(|m| m.unit == in_001[0]))
        .expect("001's statement is in a group");
    assert!(
        group.members.iter().any(|m| m.unit == in_003[0]),
        "003's wording joins it"
    );
    assert!(group.reports >= 2);
    // Every member says "illogical": the group is that statement, not the whole story.
    for member in &group.members {
        assert!(
            unit_text(&result, &member.unit).contains("illogical"),
            "{}",
            member.unit
        );
    }
}

#[test]
fn relocation_offer_is_no_shared_fact() {
    // Only 004 reports that the Afghan side offered to relocate TTP elements: the passage
    // is in no same-fact group (another report's refusal of another offer may come close
    // enough to be "possibly the same", which the page says in words).
    let result = compare(&seeds(), &Options::default()).unwrap();
    let offer = units_with(&result, "004", "offered to relocate TTP elements");
    assert_eq!(offer.len(), 1);
    assert!(result
        .groups
        .iter()
        .all(|g| g.members.iter().all(|m| m.unit != offer[0])));
}

/// Whether one group holds a unit of each `(report, words)`, each unit containing its
/// words.
fn grouped(result: &Comparison, wanted: &[(&str, &str)]) -> bool {
    result.groups.iter().any(|g| {
        wanted.iter().all(|(report, needle)| {
            g.members
                .iter()
                .any(|m| m.unit.starts_with(report) && unit_text(result, &m.unit).contains(needle))
        })
    })
}

#[test]
fn paraphrased_shared_facts_of_the_seeds_are_grouped() {
    let result = compare(&seeds(), &Options::default()).unwrap();
    // "Someone else's agenda", in 001's and 002's quotes and 003's paraphrase ("an
    // external agenda"): one statement, worded three ways.
    assert!(grouped(
        &result,
        &[
            ("001", "following someone else’s agenda"),
            ("002", "someone else’s agenda"),
        ]
    ));
    assert!(grouped(
        &result,
        &[
            ("001", "following someone else’s agenda"),
            ("003", "external agenda"),
        ]
    ));
    // Progress depends on the Taliban's attitude: 001 and 004 in their own words.
    assert!(grouped(
        &result,
        &[
            ("001", "further progress in the negotiations"),
            ("004", "further progress in the ongoing dialogue"),
        ]
    ));
    // Pakistan's final position in the second round, four reports in their own words.
    assert!(grouped(
        &result,
        &[
            ("001", "presented its final position"),
            ("002", "final position"),
            ("004", "second round of peace talks"),
        ]
    ));
    // Khawaja Asif on the ceasefire, in 001 and 004: at least possibly the same.
    let asif = |report: &str, needle: &str| units_with(&result, report, needle)[0].clone();
    let (a, b) = (
        asif("001", "has been finalized"),
        asif("004", "Khawaja Muhammad Asif"),
    );
    let possibly = result
        .possible
        .iter()
        .any(|l| (l.a == a && l.b == b) || (l.a == b && l.b == a));
    assert!(
        possibly
            || grouped(
                &result,
                &[
                    ("001", "has been finalized"),
                    ("004", "Khawaja Muhammad Asif")
                ]
            )
    );
}

#[test]
fn a_passage_only_in_its_report_carries_its_nearest_candidate() {
    let result = compare(&seeds(), &Options::default()).unwrap();
    let possible: BTreeSet<&str> = result
        .possible
        .iter()
        .flat_map(|l| [l.a.as_str(), l.b.as_str()])
        .collect();
    let grouped: BTreeSet<&str> = result
        .groups
        .iter()
        .flat_map(|g| g.members.iter().map(|m| m.unit.as_str()))
        .collect();
    let mut with_nearest = 0;
    for report in &result.reports {
        for only in &report.unique {
            // No link of either tier.
            assert!(!possible.contains(only.unit.as_str()), "{}", only.unit);
            assert!(!grouped.contains(only.unit.as_str()), "{}", only.unit);
            if let Some(nearest) = &only.nearest {
                with_nearest += 1;
                assert_ne!(nearest.report, report.id);
                assert!(nearest.unit.starts_with(&nearest.report));
                assert!(nearest.score < 0.5, "{} {}", only.unit, nearest.score);
            }
        }
    }
    assert!(with_nearest > 0);
    // Possible links are below the same-fact tier and join no two members of one group.
    for link in &result.possible {
        assert!(link.confidence < 1.0);
        assert!(!result.groups.iter().any(|g| {
            g.members.iter().any(|m| m.unit == link.a) && g.members.iter().any(|m| m.unit == link.b)
        }));
    }
}

#[test]
fn scroll_to_top_is_boilerplate_and_never_aligned() {
    let result = compare(&seeds(), &Options::default()).unwrap();
    for report in ["001", "004"] {
        let ids = units_with(&result, report, "Scroll to Top");
        assert_eq!(ids.len(), 1, "{report}");
        let unit = result
            .reports
            .iter()
            .flat_map(|r| &r.units)
            .find(|u| u.id == ids[0])
            .unwrap();
        assert_eq!(unit.kind, UnitKind::Boilerplate);
        assert_eq!(unit.reason.as_deref(), Some("page navigation"));
    }
    assert_no_boilerplate_aligned(&result);
}

#[test]
fn share_bar_disclaimer_and_comment_form_are_set_aside_with_reasons() {
    let result = compare(&seeds(), &Options::default()).unwrap();
    let reason = |report: &str, needle: &str| {
        let id = &units_with(&result, report, needle)[0];
        let unit = result
            .reports
            .iter()
            .flat_map(|r| &r.units)
            .find(|u| &u.id == id)
            .unwrap();
        unit.reason.clone()
    };
    assert_eq!(reason("000", "ShareFacebook").as_deref(), Some("share bar"));
    assert_eq!(
        reason("000", "without warranty").as_deref(),
        Some("disclaimer")
    );
    assert_eq!(
        reason("003", "Required fields are marked").as_deref(),
        Some("comment form")
    );
    assert_eq!(
        reason("001", "Read also:").as_deref(),
        Some("link to another story")
    );
    assert_eq!(reason("001", "Photo: Reuters").as_deref(), Some("credit"));
}

fn assert_no_boilerplate_aligned(result: &Comparison) {
    let kinds: HashMap<&str, UnitKind> = result
        .reports
        .iter()
        .flat_map(|r| &r.units)
        .map(|u| (u.id.as_str(), u.kind))
        .collect();
    for group in &result.groups {
        let reports: BTreeSet<&str> = group
            .members
            .iter()
            .map(|m| m.unit.split(':').next().unwrap())
            .collect();
        assert_eq!(reports.len(), group.reports, "{}", group.id);
        assert!(group.reports >= 2, "a group spans reports");
        for member in &group.members {
            assert_ne!(
                kinds[member.unit.as_str()],
                UnitKind::Boilerplate,
                "{} aligned",
                member.unit
            );
            assert!((0.0..=1.0).contains(&member.confidence));
        }
    }
}

#[test]
fn side_by_side_pairs_every_aligned_unit_once_and_keeps_all_units() {
    let result = compare(&seeds(), &Options::default()).unwrap();
    assert_eq!(result.side_by_side.len(), 10, "every pair of five reports");
    for layout in &result.side_by_side {
        let report = |id: &str| result.reports.iter().find(|r| r.id == id).unwrap();
        let compared = |id: &str| {
            report(id)
                .units
                .iter()
                .filter(|u| u.kind != UnitKind::Boilerplate)
                .map(|u| u.id.clone())
                .collect::<BTreeSet<_>>()
        };
        let left: Vec<&String> = layout.rows.iter().filter_map(|r| r.a.as_ref()).collect();
        let right: Vec<&String> = layout.rows.iter().filter_map(|r| r.b.as_ref()).collect();
        // Each unit appears once, every compared unit appears (units with no words aside).
        assert_eq!(left.len(), left.iter().collect::<BTreeSet<_>>().len());
        assert_eq!(right.len(), right.iter().collect::<BTreeSet<_>>().len());
        assert!(left.iter().all(|id| compared(&layout.a).contains(*id)));
        assert!(right.iter().all(|id| compared(&layout.b).contains(*id)));
        for row in &layout.rows {
            match row.kind {
                RowKind::Aligned | RowKind::Moved => {
                    assert!(row.a.is_some() && row.b.is_some() && row.relation.is_some())
                }
                RowKind::OnlyA => assert!(row.a.is_some() && row.b.is_none()),
                RowKind::OnlyB => assert!(row.a.is_none() && row.b.is_some()),
            }
            let text = |id: &str| {
                let unit = result
                    .reports
                    .iter()
                    .flat_map(|r| &r.units)
                    .find(|u| u.id == id)
                    .unwrap();
                (unit.start, unit.end)
            };
            if let Some(a) = &row.a {
                let (s, e) = text(a);
                assert!(row
                    .changes_a
                    .iter()
                    .all(|c| s <= c.start && c.end <= e && c.start < c.end));
            }
            if let Some(b) = &row.b {
                let (s, e) = text(b);
                assert!(row
                    .changes_b
                    .iter()
                    .all(|c| s <= c.start && c.end <= e && c.start < c.end));
            }
        }
    }
    // The "illogical" statement of 001 faces 003's, with its differences marked.
    let layout = result
        .side_by_side
        .iter()
        .find(|l| l.a == "001" && l.b == "003")
        .unwrap();
    let statement = units_with(&result, "001", "illogical and contrary")[0].clone();
    let row = layout
        .rows
        .iter()
        .find(|r| r.a.as_ref() == Some(&statement))
        .unwrap();
    assert!(matches!(row.kind, RowKind::Aligned | RowKind::Moved));
    assert!(unit_text(&result, row.b.as_ref().unwrap()).contains("detached from the realities"));
    assert!(!row.changes_b.is_empty());
}

#[test]
fn side_by_side_can_be_asked_for_and_rejects_unknown_reports() {
    let options = Options {
        side_by_side: Some(vec![("004".into(), "001".into())]),
        ..Options::default()
    };
    let result = compare(&seeds(), &options).unwrap();
    assert_eq!(result.side_by_side.len(), 1);
    assert_eq!(
        (
            result.side_by_side[0].a.as_str(),
            result.side_by_side[0].b.as_str()
        ),
        ("004", "001")
    );
    let options = Options {
        side_by_side: Some(vec![("004".into(), "999".into())]),
        ..Options::default()
    };
    let error = compare(&seeds(), &options).unwrap_err().to_string();
    assert!(error.contains("\"999\""), "{error}");
}

#[test]
fn pair_figures_are_shares_between_zero_and_one() {
    let result = compare(&seeds(), &Options::default()).unwrap();
    assert_eq!(result.pairs.len(), 10);
    for pair in &result.pairs {
        for x in [pair.similarity, pair.coverage_a, pair.coverage_b] {
            assert!((0.0..=1.0).contains(&x), "{pair:?}");
        }
        for run in &pair.shared_runs {
            assert!(run.words >= 6);
            assert!(!run.a.text.is_empty() && !run.b.text.is_empty());
        }
    }
    // 001 and 003 share the most reported statements of any pair with 003.
    let with_003: Vec<_> = result
        .pairs
        .iter()
        .filter(|p| p.b == "003" || p.a == "003")
        .collect();
    let best = with_003
        .iter()
        .max_by(|x, y| x.similarity.total_cmp(&y.similarity))
        .unwrap();
    assert_eq!((best.a.as_str(), best.b.as_str()), ("001", "003"));
}

#[test]
fn every_corpus_cluster_is_compared_with_the_contract_intact() {
    for (name, reports) in common::corpus_clusters() {
        let result = compare(&reports, &Options::default()).unwrap();
        assert!(
            !result.groups.is_empty(),
            "{name}: reports of one event share facts"
        );
        assert_no_boilerplate_aligned(&result);
        for (input, report) in reports.iter().zip(&result.reports) {
            for unit in &report.units {
                assert_eq!(
                    common::slice_utf16(&input.text, unit.start, unit.end),
                    unit.text,
                    "{name}"
                );
            }
            for span in &report.unique_spans {
                assert_eq!(
                    common::slice_utf16(&input.text, span.start, span.end),
                    span.text,
                    "{name}"
                );
            }
        }
    }
}

#[test]
fn wire_copies_share_long_runs() {
    // The Tamimi cluster holds three copies of one AP story (01, 02, 04): wire copy shows
    // as long shared word runs between them.
    let (_, reports) = common::corpus_clusters()
        .into_iter()
        .find(|(n, _)| n.starts_with("ahed-tamimi"))
        .unwrap();
    let result = compare(&reports, &Options::default()).unwrap();
    let pair = result
        .pairs
        .iter()
        .find(|p| p.a == "01" && p.b == "04")
        .unwrap();
    assert!(pair.shared_runs.len() >= 5, "{}", pair.shared_runs.len());
    assert!(pair.shared_runs[0].words >= 15);
    assert!(pair.similarity > 0.5, "{}", pair.similarity);
}

#[test]
fn seeds_in_reverse_order_give_the_same_groups() {
    let forward = compare(&seeds(), &Options::default()).unwrap();
    let reversed: Vec<ReportInput> = seeds().into_iter().rev().collect();
    let backward = compare(&reversed, &Options::default()).unwrap();
    let sets = |r: &Comparison| -> BTreeSet<BTreeSet<String>> {
        r.groups
            .iter()
            .map(|g| g.members.iter().map(|m| m.unit.clone()).collect())
            .collect()
    };
    assert_eq!(sets(&forward), sets(&backward));
}

#[test]
fn a_unit_put_back_is_compared_again() {
    let seeds = seeds();
    let before = compare(&seeds, &Options::default()).unwrap();
    let caption = units_with(
        &before,
        "001",
        "Afghan Taliban patrol near the Afghan-Pakistani border",
    )[0]
    .clone();
    let kind = |r: &Comparison| {
        r.reports[1]
            .units
            .iter()
            .find(|u| u.id == caption)
            .unwrap()
            .kind
    };
    assert_eq!(kind(&before), UnitKind::Boilerplate);
    let options = Options {
        keep: vec![caption.clone()],
        ..Options::default()
    };
    let after = compare(&seeds, &options).unwrap();
    assert_eq!(kind(&after), UnitKind::Sentence);
    let error = compare(
        &seeds,
        &Options {
            keep: vec!["001:u999".into()],
            ..Options::default()
        },
    )
    .unwrap_err();
    assert!(error.to_string().contains("001:u999"), "{error}");
}

#[test]
fn a_unit_set_aside_by_the_reader_is_never_compared() {
    let seeds = seeds();
    let before = compare(&seeds, &Options::default()).unwrap();
    // A sentence of 002 that a group holds: set aside, it leaves every group and becomes
    // boilerplate with the reader's reason.
    let unit = before
        .groups
        .iter()
        .flat_map(|g| &g.members)
        .find(|m| m.unit.starts_with("002:"))
        .expect("a grouped unit of 002")
        .unit
        .clone();
    let options = Options {
        set_aside: vec![unit.clone()],
        ..Options::default()
    };
    let after = compare(&seeds, &options).unwrap();
    let set_aside = after.reports[2]
        .units
        .iter()
        .find(|u| u.id == unit)
        .unwrap();
    assert_eq!(set_aside.kind, UnitKind::Boilerplate);
    assert_eq!(
        set_aside.reason.as_deref(),
        Some(parallax::SET_ASIDE_BY_READER)
    );
    assert!(after
        .groups
        .iter()
        .all(|g| g.members.iter().all(|m| m.unit != unit)));
    // Set aside and put back at once: set aside.
    let both = Options {
        keep: vec![unit.clone()],
        set_aside: vec![unit.clone()],
        ..Options::default()
    };
    let both = compare(&seeds, &both).unwrap();
    let unit_kind = both.reports[2]
        .units
        .iter()
        .find(|u| u.id == unit)
        .unwrap()
        .kind;
    assert_eq!(unit_kind, UnitKind::Boilerplate);
    let error = compare(
        &seeds,
        &Options {
            set_aside: vec!["002:u999".into()],
            ..Options::default()
        },
    )
    .unwrap_err();
    assert!(error.to_string().contains("002:u999"), "{error}");
}

#[test]
fn group_members_carry_their_word_differences() {
    let result = compare(&seeds(), &Options::default()).unwrap();
    let with_changes = result
        .groups
        .iter()
        .flat_map(|g| &g.members)
        .filter(|m| !m.changes.is_empty())
        .count();
    assert!(with_changes > 10);
    for member in result.groups.iter().flat_map(|g| &g.members) {
        let unit = result
            .reports
            .iter()
            .flat_map(|r| &r.units)
            .find(|u| u.id == member.unit)
            .unwrap();
        assert!(member
            .changes
            .iter()
            .all(|c| unit.start <= c.start && c.end <= unit.end));
    }
}
