//! The bad-input table, shared by the native test (`tests/bad_input.rs`) and the same
//! table compiled to wasm and run in headless Chromium and Firefox (`tests/web.rs`).
//! Each row names a kind of bad input and states, in its check, the expected behaviour.
#![allow(dead_code)]

use std::collections::HashSet;

use parallax::{compare, limits, Comparison, NoticeKind, Options, ReportInput, UnitKind};

/// `text[start..end]` with UTF-16 offsets, as JavaScript's `slice` would take it.
fn slice_utf16(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("offsets on code point boundaries")
}

fn reports(texts: &[&str]) -> Vec<ReportInput> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| ReportInput {
            id: format!("r{i}"),
            title: String::new(),
            text: text.to_string(),
        })
        .collect()
}

/// Compares and checks the invariants of a successful result.
pub fn run(inputs: &[ReportInput]) -> Result<Comparison, String> {
    let result = compare(inputs, &Options::default()).map_err(|e| e.to_string())?;
    let mut news = HashSet::new();
    for (input, report) in inputs.iter().zip(&result.reports) {
        let mut last = 0;
        for unit in &report.units {
            assert!(
                unit.start >= last && unit.start < unit.end,
                "{}: overlapping units",
                unit.id
            );
            assert_eq!(
                slice_utf16(&input.text, unit.start, unit.end),
                unit.text,
                "{}",
                unit.id
            );
            last = unit.end;
            if unit.kind != UnitKind::Boilerplate {
                news.insert(unit.id.clone());
            }
        }
    }
    for member in result.groups.iter().flat_map(|g| &g.members) {
        assert!(
            news.contains(&member.unit),
            "{} grouped but not news",
            member.unit
        );
    }
    for instance in result.quotes.iter().flat_map(|q| &q.instances) {
        let input = inputs.iter().find(|r| r.id == instance.report).unwrap();
        assert_eq!(
            slice_utf16(&input.text, instance.start, instance.end),
            instance.text
        );
    }
    Ok(result)
}

fn units(result: &Comparison, report: usize) -> Vec<(&str, UnitKind)> {
    result.reports[report]
        .units
        .iter()
        .map(|u| (u.text.as_str(), u.kind))
        .collect()
}

pub type Check = fn(&[ReportInput], Result<Comparison, String>);

const STORY: &str = "Talks Stall in Istanbul\n\nPakistan demanded verifiable steps from Kabul. The talks lasted nine hours.";

/// (case, reports, expected behaviour checked by the function)
pub fn table() -> Vec<(&'static str, Vec<ReportInput>, Check)> {
    vec![
        ("no reports: a clear error", vec![], |_, r| {
            assert!(r.unwrap_err().contains("no reports to compare"));
        }),
        ("one report: units, nothing shared, every news unit unique", reports(&[STORY]), |_, r| {
            let r = r.unwrap();
            assert!(r.groups.is_empty());
            assert_eq!(r.reports[0].unique.len(), 3);
        }),
        ("an empty report: no units, the others compared", reports(&["", STORY, STORY]), |_, r| {
            let r = r.unwrap();
            assert!(r.reports[0].units.is_empty());
            assert!(!r.groups.is_empty());
        }),
        ("a whitespace-only report: no units", reports(&[" \t\n\r\n \u{a0} ", STORY]), |_, r| {
            assert!(r.unwrap().reports[0].units.is_empty());
        }),
        ("two identical reports: every passage grouped verbatim", reports(&[STORY, STORY]), |_, r| {
            let r = r.unwrap();
            assert_eq!(r.groups.len(), 3);
            for m in r.groups.iter().flat_map(|g| &g.members) {
                assert_eq!(m.relation, parallax::Relation::Verbatim);
            }
            assert_eq!(r.pairs[0].similarity, 1.0);
        }),
        ("200 reports: compared", vec![], |_, _| {
            let many: Vec<String> = (0..limits::MAX_REPORTS).map(|i| format!("Report {i} says the talks lasted {i} hours.")).collect();
            let refs: Vec<&str> = many.iter().map(String::as_str).collect();
            let r = run(&reports(&refs)).unwrap();
            assert_eq!(r.reports.len(), 200);
        }),
        ("201 reports: a clear error naming the limit", vec![], |_, _| {
            let inputs = reports(&vec!["A sentence."; limits::MAX_REPORTS + 1]);
            let e = run(&inputs).unwrap_err();
            assert!(e.contains("201 reports") && e.contains("200"), "{e}");
        }),
        ("a 5 MB report: a clear error naming the report and the limit", vec![], |_, _| {
            let big = "The talks went on. ".repeat(5 * 1024 * 1024 / 19 + 1);
            let e = run(&reports(&[&big, "Short."])).unwrap_err();
            assert!(e.contains("\"r0\"") && e.contains("5.0 MB") && e.contains("2.0 MB"), "{e}");
        }),
        ("one 100 KB sentence: cut into pieces of at most 120 words, with a notice", vec![], |_, _| {
            let long = format!("{}end.", "word ".repeat(20_000));
            let r = run(&reports(&[&long, STORY])).unwrap();
            let units = &r.reports[0].units;
            assert_eq!(units.len(), 20_001usize.div_ceil(120));
            assert!(units.iter().all(|u| u.kind == UnitKind::Sentence && u.text.split_whitespace().count() <= 120));
            let notice = r.notices.iter().find(|n| n.kind == NoticeKind::LongUnits).expect("a notice");
            assert_eq!((notice.count, notice.reports.as_slice()), (1, ["r0".to_string()].as_slice()));
            assert!(notice.message.contains("120 words"), "{}", notice.message);
        }),
        ("20,000 CJK characters with no full stop: pieces of 120 characters", vec![], |_, _| {
            let text: String = (0..20_000u32).map(|i| char::from_u32(0x4e00 + (i * 7919) % 2_000).unwrap()).collect();
            let r = run(&reports(&[&text, &text])).unwrap();
            assert_eq!(r.reports[0].units.len(), 20_000usize.div_ceil(120));
            assert!(r.reports[0].units.iter().all(|u| u.kind == UnitKind::Sentence));
            assert!(r.notices.iter().any(|n| n.kind == NoticeKind::LongUnits && n.reports.len() == 2));
        }),
        ("no punctuation at all: one unit a line, a hard-wrapped paragraph one unit", reports(&["Talks began in Istanbul\nThey went on for hours\nNo deal was reached", "talks began in istanbul and\nwent on for hours"]), |_, r| {
            let r = r.unwrap();
            assert_eq!(r.reports[0].units.len(), 3);
            assert_eq!(r.reports[1].units.len(), 1);
        }),
        ("only headlines: all headings", reports(&["Talks Stall\n\nNo Deal In Istanbul\n\nPakistan Warns Kabul"]), |_, r| {
            assert!(units(&r.unwrap(), 0).iter().all(|(_, k)| *k == UnitKind::Heading));
        }),
        ("CRLF and lone CR line ends: the same units as LF", reports(&["Talks Stall\r\n\r\nPakistan demanded steps.\rThe talks lasted nine hours.", "Talks Stall\n\nPakistan demanded steps.\nThe talks lasted nine hours."]), |_, r| {
            let r = r.unwrap();
            let texts = |i| units(&r, i).into_iter().map(|(t, _)| t).collect::<Vec<_>>();
            assert_eq!(texts(0), texts(1));
        }),
        ("NUL and other control characters: kept out of unit edges", reports(&["\0Talks stalled.\u{1}\u{7} Pakistan\u{0}demanded steps.\u{1b}"]), |_, r| {
            for (text, _) in units(&r.unwrap(), 0) {
                assert!(!text.starts_with(char::is_control) && !text.ends_with(char::is_control), "{text:?}");
            }
        }),
        ("a byte-order mark: not part of the first unit", reports(&["\u{feff}Talks Stall\n\nPakistan demanded steps."]), |_, r| {
            let r = r.unwrap();
            assert_eq!(r.reports[0].units[0].text, "Talks Stall");
            assert_eq!(r.reports[0].units[0].start, 1);
        }),
        ("right-to-left Urdu: sentences end at the Urdu full stop", reports(&["پاکستان نے طالبان سے کہا۔ مذاکرات نو گھنٹے جاری رہے۔"]), |_, r| {
            assert_eq!(r.unwrap().reports[0].units.len(), 2);
        }),
        ("Pashto and Dari: Arabic-script question marks end sentences", reports(&["ایا خبرې اترې پای ته ورسیدې؟ هو.", "آیا مذاکرات به پایان رسید؟ بله."]), |_, r| {
            let r = r.unwrap();
            assert_eq!(r.reports[0].units.len(), 2);
            assert_eq!(r.reports[1].units.len(), 2);
        }),
        ("mixed right-to-left and left-to-right: compared", reports(&["Pakistan said پاکستان نے کہا the talks failed. Kabul denied it.", "The talks failed, Pakistan said. Kabul denied it."]), |_, r| {
            assert!(!r.unwrap().groups.is_empty());
        }),
        ("Chinese and Japanese without spaces: sentences at full stops", reports(&["会谈在伊斯坦布尔举行。双方未达成协议。", "会談はイスタンブールで行われた。合意には至らなかった。"]), |_, r| {
            let r = r.unwrap();
            assert_eq!(r.reports[0].units.len(), 2);
            assert_eq!(r.reports[1].units.len(), 2);
        }),
        ("emoji with ZWJ sequences: offsets stay exact", reports(&["The family 👩‍👩‍👧‍👦 fled. Flags 🇵🇰🇦🇫 flew.", STORY]), |_, r| {
            assert_eq!(r.unwrap().reports[0].units.len(), 2);
        }),
        ("combining marks: offsets stay exact", reports(&["Te\u{301}le\u{301}vision re\u{301}port. Cafe\u{301} talks.", "Télévision report. Café talks."]), |_, r| {
            assert_eq!(r.unwrap().reports[0].units.len(), 2);
        }),
        ("a full HTML page pasted as text: compared as text, markup never run", reports(&["<!doctype html><html><head><title>X</title><script>alert(1)</script></head><body><p>Talks stalled.</p></body></html>", STORY]), |_, r| {
            let r = r.unwrap();
            assert!(r.reports[0].units.iter().any(|u| u.text.contains("<script>alert(1)</script>")));
        }),
        ("Markdown: headings become headings", reports(&["# Talks Stall\n\n## In Istanbul\n\n- Pakistan demanded steps.\n- Kabul refused."]), |_, r| {
            let r = r.unwrap();
            assert_eq!(units(&r, 0)[0], ("Talks Stall", UnitKind::Heading));
            assert_eq!(units(&r, 0)[1], ("In Istanbul", UnitKind::Heading));
        }),
        ("all caps: sentences and headings still found", reports(&["PAKISTAN WARNS KABUL\n\nTHE TALKS LASTED NINE HOURS. NO DEAL WAS REACHED."]), |_, r| {
            let r = r.unwrap();
            assert_eq!(units(&r, 0).len(), 3);
            assert_eq!(units(&r, 0)[0].1, UnitKind::Heading);
        }),
        ("unclosed and unbalanced quotes: found, flagged, never a crash", reports(&["“The talks failed, he said. ”Or not.\n\n\"Never closed", "She said ’what?’ and ” then «"]), |_, r| {
            let r = r.unwrap();
            assert!(r.quotes.iter().flat_map(|q| &q.instances).any(|i| i.unclosed));
        }),
        ("deeply nested quotes: four levels found, the deeper marks noticed", vec![], |_, _| {
            let mut text = String::from("x");
            for level in 0..40 {
                text = if level % 2 == 0 { format!("“a {text} b”") } else { format!("‘c {text} d’") };
            }
            let r = run(&reports(&[&format!("He said {text}."), STORY])).unwrap();
            assert_eq!(r.quotes.iter().map(|q| q.instances.len()).sum::<usize>(), 4);
            let notice = r.notices.iter().find(|n| n.kind == NoticeKind::QuoteMarks).expect("a notice");
            assert_eq!(notice.count, 36);
        }),
        ("stray quote marks that never close: quoted text stays linear in the input", vec![], |_, _| {
            let marks = "\"1 'a \"b 'c ".repeat(2_000);
            let r = run(&reports(&[&marks, "The minister said \"we will not stop\" on Monday."])).unwrap();
            let quoted: usize = r.quotes.iter().flat_map(|q| &q.instances).map(|i| i.text.len()).sum();
            assert!(quoted <= 4 * marks.len(), "{quoted} bytes quoted of {}", marks.len());
            assert!(r.notices.iter().any(|n| n.kind == NoticeKind::QuoteMarks));
        }),
        ("one sentence repeated in thousands of units: bounded groups, runs and links, with notices", vec![], |_, _| {
            let six = [
                "The ministers met again in the capital.", "Talks went on late into the night.",
                "Neither side would say what was agreed.", "Officials expect a statement by Friday.",
                "The opposition called the meeting a farce.", "Markets barely moved on the news.",
            ];
            let text: String = (0..900).map(|i| format!("{} ", six[i % 6])).collect();
            let r = run(&reports(&[&text, &text])).unwrap();
            let members: usize = r.groups.iter().map(|g| g.members.len()).sum();
            assert!(members <= 8 * 1_800, "{members} group members for 1,800 units");
            assert!(r.possible.len() <= 16 * 1_800);
            let runs: usize = r.pairs.iter().map(|p| p.shared_runs.len()).sum();
            assert!(runs <= 6 * 900, "{runs} shared runs");
            assert!(r.notices.iter().any(|n| n.kind == NoticeKind::CommonPassages));
        }),
        ("a report that is one long quote: one quotation", reports(&["“The talks failed. Kabul refused every demand. Pakistan will act alone if it must.”", STORY]), |_, r| {
            let r = r.unwrap();
            let quotes: Vec<_> = r.quotes.iter().flat_map(|q| &q.instances).filter(|i| i.report == "r0").collect();
            assert_eq!(quotes.len(), 1);
            assert!(quotes[0].text.starts_with("The talks failed.") && quotes[0].text.ends_with("if it must."));
        }),
        ("a repeated id: a clear error", vec![ReportInput { id: "a".into(), title: String::new(), text: "x.".into() }, ReportInput { id: "a".into(), title: String::new(), text: "y.".into() }], |_, r| {
            assert!(r.unwrap_err().contains("report ids must be unique"));
        }),
    ]
}

/// Runs every row; panics naming the first row whose expectation fails.
pub fn run_table() -> usize {
    let table = table();
    assert!(table.len() >= 25);
    for (case, inputs, check) in &table {
        // Rows with no input build their own inside the check.
        let result = if inputs.is_empty() && !case.starts_with("no reports") {
            Err(String::new())
        } else {
            run(inputs)
        };
        // Named on stderr, which the test runner shows when a row fails.
        eprintln!("bad input row: {case}");
        check(inputs, result);
    }
    table.len()
}
