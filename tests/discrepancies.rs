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

    // Nearly nine hours (002) against more than nine hours (004): the two cannot both be
    // true, a conflict.
    let hours = result
        .discrepancies
        .iter()
        .find(|d| d.kind == DiscrepancyKind::Conflict && d.slot == "hours")
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
        .find(|d| {
            d.slot == "date"
                && d.kind == DiscrepancyKind::Precision
                && d.values.iter().any(|v| v.value == "October 18–19")
        })
        .expect("the Doha dates");
    let found = values(&doha.id);
    assert_eq!(found, ["October 19", "October 18–19"]);
    // When the escalation began: October 12 (001) against "earlier this month" (004),
    // which no date line places.
    let began = result
        .discrepancies
        .iter()
        .find(|d| d.values.iter().any(|v| v.value == "this month"))
        .expect("the start of the escalation");
    assert_eq!(began.kind, DiscrepancyKind::Precision);
    assert_eq!(values(&began.id), ["October 12", "this month"]);

    // 000 is dated 2 January 2024 but reports the October events.
    let line = result
        .discrepancies
        .iter()
        .find(|d| d.slot == "date line")
        .expect("the date-line check");
    assert_eq!(line.values[0].report, "000");
    assert_eq!(line.values[0].text, "Tuesday, 02 January 2024 12:17 GMT");
    // Its "on Sunday", resolved against that date line, is the last day of 2023 …
    assert_eq!(line.values[1].report, "000");
    assert_eq!(line.values[1].text, "on Sunday");
    assert_eq!(line.values[1].value, "December 31, 2023, by the date line");
    // … while the other reports date the events in October.
    assert!(line.values[2..]
        .iter()
        .all(|v| v.report != "000" && v.value.starts_with("October")));

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

    // Who mediated the Doha round: Qatar (002), Qatar and Turkey (004).
    let mediated = result
        .discrepancies
        .iter()
        .find(|d| d.slot == "who mediated it")
        .expect("the Doha mediators");
    assert_eq!(mediated.kind, DiscrepancyKind::Precision);
    assert_eq!(values(&mediated.id), ["Qatar", "Qatar and Turkey"]);
    assert!(mediated.values.iter().all(|v| {
        let unit = &result
            .reports
            .iter()
            .find(|r| r.id == v.report)
            .unwrap()
            .units;
        unit.iter()
            .any(|u| u.id == v.unit && u.text.contains("Doha"))
    }));
    // The Istanbul mediators ("Turkey and Qatar", "Qatari and Turkish officials", "Qatar
    // and Turkey") agree: only the Doha finding.
    assert_eq!(
        result
            .discrepancies
            .iter()
            .filter(|d| d.slot.starts_with("who mediated"))
            .count(),
        1
    );

    // No conflict between numbers of unrelated facts: the only conflicts are the date
    // line, the leaders and the nine hours.
    for d in result
        .discrepancies
        .iter()
        .filter(|d| d.kind == DiscrepancyKind::Conflict)
    {
        assert!(
            d.slot == "date line" || d.slot.starts_with("who led") || d.id == hours.id,
            "{d:?}"
        );
    }
}

fn report(id: &str, text: &str) -> parallax::ReportInput {
    parallax::ReportInput {
        id: id.into(),
        title: String::new(),
        text: text.into(),
    }
}

fn found(result: &parallax::Comparison, slot: &str) -> Vec<(DiscrepancyKind, Vec<String>)> {
    result
        .discrepancies
        .iter()
        .filter(|d| d.slot == slot)
        .map(|d| (d.kind, d.values.iter().map(|v| v.text.clone()).collect()))
        .collect()
}

#[test]
fn places_titles_organisations_and_relative_dates_across_reports() {
    let inputs = [
        report("a", "Monday, 27 October 2025\n\nThe talks between Pakistan and Afghanistan were held in Istanbul on Saturday and ended without an agreement on militant sanctuaries, Interior Minister Mohsin Naqvi said."),
        report("b", "The talks between Pakistan and Afghanistan were held in Ankara on October 24 and ended without an agreement on militant sanctuaries, Deputy Interior Minister Mohsin Naqvi said."),
        report("c", "The talks between Pakistan and Afghanistan were held on Saturday and ended without an agreement on militant sanctuaries of the TTP, Interior Minister Mohsin Naqvi said."),
    ];
    let result = compare(&inputs, &Options::default()).unwrap();
    assert_eq!(result.groups[0].reports, 3, "{:?}", result.groups);

    // Istanbul or Ankara, and neither report mentions the other city.
    assert_eq!(
        found(&result, "place"),
        [(
            DiscrepancyKind::Conflict,
            vec!["Istanbul".to_string(), "Ankara".to_string()]
        )]
    );
    // A minister or his deputy: two offices.
    assert_eq!(
        found(&result, "title of Mohsin Naqvi"),
        [(
            DiscrepancyKind::Conflict,
            vec![
                "Interior Minister Mohsin Naqvi".to_string(),
                "Deputy Interior Minister Mohsin Naqvi".to_string(),
                "Interior Minister Mohsin Naqvi".to_string()
            ]
        )]
    );
    // Only c names the TTP.
    assert_eq!(
        found(&result, "organisation named"),
        [(DiscrepancyKind::OnlyInSome, vec!["TTP".to_string()])]
    );
    // a's "on Saturday" is October 25 by its date line, against b's October 24; c has no
    // date line, so its "on Saturday" is no date.
    let dates = found(&result, "date");
    assert_eq!(dates.len(), 1, "{dates:?}");
    assert_eq!(dates[0].0, DiscrepancyKind::Conflict);
    assert!(
        dates[0].1.contains(&"on Saturday".to_string())
            && dates[0].1.contains(&"October 24".to_string())
    );
    let saturday = result
        .discrepancies
        .iter()
        .flat_map(|d| &d.values)
        .find(|v| v.text == "on Saturday")
        .unwrap();
    assert_eq!(saturday.value, "October 25, 2025, by the date line");
}

#[test]
fn abbreviated_months_and_names_that_stop_at_a_colon() {
    // "Jun. 5" is a date like "June 6" (the month list once lacked "jun"), and a leader's
    // name ends at a colon rather than running into the next words.
    let inputs = [
        report("a", "The Afghan delegation was led by Deputy Minister Ahmad Karimi: Geneva talks on the border crossing resumed on Jun. 5 after a long pause, officials said."),
        report("b", "The Afghan delegation was led by Deputy Minister Hamid Noori: Geneva talks on the border crossing resumed on June 6 after a long pause, officials said."),
    ];
    let result = compare(&inputs, &Options::default()).unwrap();
    assert_eq!(
        found(&result, "date"),
        [(
            DiscrepancyKind::Conflict,
            vec!["Jun. 5".to_string(), "June 6".to_string()]
        )]
    );
    assert_eq!(
        found(&result, "who led the afghan side"),
        [(
            DiscrepancyKind::Conflict,
            vec![
                "Deputy Minister Ahmad Karimi".to_string(),
                "Deputy Minister Hamid Noori".to_string()
            ]
        )]
    );
}

/// The error classes of discrepancies, each with its own case: invented reports of one
/// fact, told three ways so that the alignment puts them in one group.
mod classes {
    use super::{found, report};
    use parallax::{compare, Comparison, DiscrepancyKind, Options};

    /// A card's tally as (value, reports).
    fn tally_of(card: &parallax::Discrepancy) -> Vec<(&str, Vec<&str>)> {
        card.tally
            .iter()
            .map(|t| {
                (
                    t.value.as_str(),
                    t.reports.iter().map(String::as_str).collect(),
                )
            })
            .collect()
    }

    /// Three reports of one fact, the figure phrases differing.
    fn three(a: &str, b: &str, c: &str) -> Comparison {
        let inputs = [report("a", a), report("b", b), report("c", c)];
        compare(&inputs, &Options::default()).unwrap()
    }

    /// Class 1: ranges that cannot both be true conflict; ranges that overlap differ in
    /// precision. (phrase of report a, of report b, the kind expected)
    #[test]
    fn figures_conflict_only_when_their_ranges_cannot_meet() {
        let cases: &[(&str, &str, DiscrepancyKind)] = &[
            (
                "nearly 40 minutes",
                "more than 40 minutes",
                DiscrepancyKind::Conflict,
            ),
            (
                "more than eight hours",
                "nine hours",
                DiscrepancyKind::Precision,
            ),
            (
                "nearly nine hours",
                "more than nine hours",
                DiscrepancyKind::Conflict,
            ),
            (
                "about nine hours",
                "more than nine hours",
                DiscrepancyKind::Precision,
            ),
            ("seven hours", "nine hours", DiscrepancyKind::Conflict),
        ];
        for &(x, y, kind) in cases {
            let text = |figure: &str| {
                format!("The delegations met in the border town for {figure} on Sunday before the talks on the crossing were suspended, officials said.")
            };
            let result = three(&text(x), &text(y), &text(y));
            let hours: Vec<_> = result
                .discrepancies
                .iter()
                .filter(|d| d.slot == "hours" || d.slot == "minutes")
                .collect();
            assert_eq!(hours.len(), 1, "{x} / {y}: {:?}", result.discrepancies);
            assert_eq!(hours[0].kind, kind, "{x} / {y}");
        }
    }

    /// Class 2: counts of different things are not one slot (the dead and the injured),
    /// and a gallery's picture counter counts nothing.
    #[test]
    fn the_dead_and_the_injured_are_different_counts() {
        let result = three(
            "Seven people were killed when the tram overturned on a sharp bend in the south of the city on Wednesday morning.",
            "Seven people were killed and 50 people were injured when the tram overturned on a sharp bend in the south of the city on Wednesday morning.",
            "Five people were killed when the tram overturned on a sharp bend in the south of the city on Wednesday morning. Photos 5/8 Emergency services at the scene.",
        );
        let dead = found(&result, "dead");
        assert_eq!(dead.len(), 1, "{:?}", result.discrepancies);
        assert_eq!(dead[0].0, DiscrepancyKind::Conflict);
        assert!(
            dead[0].1.iter().all(|v| !v.contains("50")),
            "the injured are not the dead: {dead:?}"
        );
        assert!(
            result
                .discrepancies
                .iter()
                .all(|d| d.values.iter().all(|v| !v.text.contains('8'))),
            "a picture counter is no figure: {:?}",
            result.discrepancies
        );
    }

    /// Class 3: kinds beyond counts: ordinals of rounds, times of day, ages, vague
    /// quantities.
    #[test]
    fn ordinals_times_ages_and_vague_quantities() {
        let cases: &[(&str, &str, &str, DiscrepancyKind)] = &[
            (
                "the second round of talks",
                "the third round of talks",
                "which round",
                DiscrepancyKind::Conflict,
            ),
            (
                "at about 6.10am",
                "at around 6am",
                "time of day",
                DiscrepancyKind::Precision,
            ),
            (
                "at 6.10am",
                "at 7.30am",
                "time of day",
                DiscrepancyKind::Conflict,
            ),
            (
                "the 42-year-old driver",
                "the 41-year-old driver",
                "age",
                DiscrepancyKind::Conflict,
            ),
            (
                "several people were injured",
                "seven people were injured",
                "injured",
                DiscrepancyKind::Precision,
            ),
            (
                "a handful of people were injured",
                "dozens of people were injured",
                "injured",
                DiscrepancyKind::Conflict,
            ),
        ];
        for &(x, y, slot, kind) in cases {
            let text = |phrase: &str| {
                format!("Police said {phrase} near the old freight depot on the eastern edge of the harbour district.")
            };
            let result = three(&text(x), &text(y), &text(y));
            let got = found(&result, slot);
            assert_eq!(got.len(), 1, "{x} / {y}: {:?}", result.discrepancies);
            assert_eq!(got[0].0, kind, "{x} / {y}");
        }
    }

    /// Class 4: the story's common ground (its place, named by most reports) is no
    /// detail only some give.
    #[test]
    fn the_storys_place_is_not_a_detail_only_some_give() {
        let result = three(
            "Rescuers worked through the night after the tram overturned in Croydon, officials said.\n\nThe crash happened near the Sandilands stop in Croydon.",
            "Rescuers worked through the night after the tram overturned, officials said.\n\nCroydon residents heard the crash.",
            "Rescuers worked through the night after the tram overturned, officials said.\n\nThe line through Croydon stays closed.",
        );
        assert!(
            result
                .discrepancies
                .iter()
                .all(|d| d.values.iter().all(|v| v.text != "Croydon")),
            "{:?}",
            result.discrepancies
        );
    }

    /// Class 3, attribution: one statement credited to an institution in some reports and
    /// to a person by name in another is a precision difference, to two people a
    /// conflict; a role ("a spokesman") may be the person named, and is no card.
    #[test]
    fn one_statement_credited_to_different_speakers() {
        let quote =
            "“We will not accept any deal that leaves the border crossing closed to trade,”";
        let said =
            |who: &str| format!("{quote} {who} said on Sunday after the talks in the border town.");
        type Tallied = Vec<(String, Vec<String>)>;
        let tallies = |result: &Comparison| -> Vec<(DiscrepancyKind, Tallied)> {
            result
                .discrepancies
                .iter()
                .filter(|d| d.slot == "who said it")
                .map(|d| {
                    let tally = d
                        .tally
                        .iter()
                        .map(|t| (t.value.clone(), t.reports.clone()))
                        .collect();
                    (d.kind, tally)
                })
                .collect()
        };
        let owned = |v: &[(&str, &[&str])]| -> Tallied {
            v.iter()
                .map(|(name, reports)| {
                    (
                        name.to_string(),
                        reports.iter().map(|r| r.to_string()).collect(),
                    )
                })
                .collect()
        };

        let result = three(
            &said("the foreign ministry"),
            &said("Foreign Minister Ana Ruiz"),
            &said("the Foreign Ministry"),
        );
        assert_eq!(
            tallies(&result),
            [(
                DiscrepancyKind::Precision,
                owned(&[
                    ("the Foreign Ministry", &["a", "c"]),
                    ("Foreign Minister Ana Ruiz", &["b"])
                ])
            )]
        );
        let card = result
            .discrepancies
            .iter()
            .find(|d| d.slot == "who said it")
            .unwrap();
        // Each value points at the attribution as the report prints it.
        let texts: Vec<&str> = card.values.iter().map(|v| v.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "the foreign ministry",
                "the Foreign Ministry",
                "Foreign Minister Ana Ruiz"
            ]
        );

        let result = three(
            &said("Foreign Minister Ana Ruiz"),
            &said("Deputy Foreign Minister Tom Alder"),
            &said("Ms Ruiz"),
        );
        assert_eq!(
            tallies(&result),
            [(
                DiscrepancyKind::Conflict,
                owned(&[
                    ("Ms Ruiz", &["a", "c"]),
                    ("Deputy Foreign Minister Tom Alder", &["b"])
                ])
            )]
        );

        let result = three(
            &said("a spokesman"),
            &said("Foreign Minister Ana Ruiz"),
            &said("Ms Ruiz"),
        );
        assert_eq!(tallies(&result), []);
    }

    /// Class 3, not disclosed: a report saying who led was not disclosed, against reports
    /// of the same fact that name the leader, is a detail only some give, its tally with
    /// "not disclosed"; a report naming the leader itself is no such card.
    #[test]
    fn not_disclosed_against_a_report_that_discloses_it() {
        let named = "The Afghan delegation was led by Deputy Minister Ahmad Karimi at the \
            talks on the border crossing in Doha on Sunday, officials said.";
        let result = three(
            named,
            named,
            "The composition of the Afghan delegation was not disclosed at the talks on the \
             border crossing in Doha on Sunday, officials said.",
        );
        let card = result
            .discrepancies
            .iter()
            .find(|d| d.values.iter().any(|v| v.value == "not disclosed"))
            .unwrap_or_else(|| panic!("{:#?}", result.discrepancies));
        assert_eq!(card.kind, DiscrepancyKind::OnlyInSome);
        assert_eq!(card.slot, "who led the afghan side");
        let tally = tally_of(card);
        assert_eq!(
            tally,
            [
                ("Ahmad Karimi", vec!["a", "b"]),
                ("not disclosed", vec!["c"])
            ]
        );

        // A leader described, not named: the same card.
        let result = three(
            named,
            named,
            "The Afghan delegation was led by a team of senior interior officials at the \
             talks on the border crossing in Doha on Sunday, officials said.",
        );
        let card = result
            .discrepancies
            .iter()
            .find(|d| d.slot == "who led the afghan side")
            .unwrap_or_else(|| panic!("{:#?}", result.discrepancies));
        assert_eq!(card.kind, DiscrepancyKind::OnlyInSome);
        let values: Vec<&str> = card.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(
            values,
            [
                "Ahmad Karimi",
                "Ahmad Karimi",
                "a team of senior interior officials, not named"
            ]
        );

        let result = three(named, named, named);
        assert!(
            !result
                .discrepancies
                .iter()
                .any(|d| d.values.iter().any(|v| v.value == "not disclosed")),
            "{:?}",
            result.discrepancies
        );
    }

    /// One card per slot and fact, with a tally of who says what, most reports first.
    #[test]
    fn a_card_tallies_who_says_what() {
        let text = |figure: &str| {
            format!("The delegations met in the border town for {figure} on Sunday before the talks on the crossing were suspended, officials said.")
        };
        let result = three(
            &text("nearly nine hours"),
            &text("more than nine hours"),
            &text("more than nine hours"),
        );
        let card = result
            .discrepancies
            .iter()
            .find(|d| d.slot == "hours")
            .expect("the hours card");
        let tally = tally_of(card);
        assert_eq!(
            tally,
            [
                ("more than 9 hours", vec!["b", "c"]),
                ("nearly 9 hours", vec!["a"])
            ]
        );
        assert!(card.confidence > 0.0 && card.confidence <= 1.0);
    }
}
