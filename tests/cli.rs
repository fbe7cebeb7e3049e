//! The command-line tool prints the same tree as the library.
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]

mod common;

use std::process::Command;

fn parallax(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .expect("the parallax binary runs")
}

#[test]
fn compare_json_equals_the_library_result() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".txt"))
        .collect();
    files.sort();
    let mut args = vec!["compare"];
    args.extend(files.iter().map(String::as_str));
    args.push("--json");
    let out = parallax(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: parallax::Comparison = serde_json::from_slice(&out.stdout).unwrap();
    let expected = parallax::compare(&common::seeds(), &parallax::Options::default()).unwrap();
    assert_eq!(printed, expected);
    let ids: Vec<&str> = printed.reports.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["000", "001", "002", "003", "004"],
        "ids come from file names"
    );
}

#[test]
fn json_keys_are_camel_case_contract_names() {
    let dir = std::env::temp_dir().join(format!("parallax-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("abc_report.txt");
    std::fs::write(&file, "A Headline\n\nOne sentence. Two sentences.").unwrap();
    let out = parallax(&["compare", file.to_str().unwrap(), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], 2);
    assert!(json["possible"].is_array());
    assert_eq!(json["reports"][0]["unique"][0]["unit"], "abc:u0");
    let unit = &json["reports"][0]["units"][1];
    assert_eq!(unit["id"], "abc:u1");
    assert_eq!(unit["kind"], "sentence");
    assert_eq!(unit["text"], "One sentence.");
    assert!(unit.get("reason").is_none(), "reason only on boilerplate");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn errors_are_reported_with_a_nonzero_exit() {
    let out = parallax(&["compare"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no reports to compare"));
    let out = parallax(&["compare", "/nonexistent/file.txt"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/file.txt"));
    let out = parallax(&["frobnicate"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown command"));
}

#[test]
fn a_report_set_with_kept_units_and_a_pair_is_compared_as_the_page_would() {
    let dir = std::env::temp_dir().join(format!("parallax-cli-set-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let reports = common::seeds();
    let result = parallax::compare(&reports, &parallax::Options::default()).unwrap();
    let aside = result.reports[1]
        .units
        .iter()
        .find(|u| u.kind == parallax::UnitKind::Boilerplate)
        .expect("a set-aside line in 001")
        .id
        .clone();
    let set = serde_json::json!({
        "format": "parallax-report-set",
        "version": 1,
        "reports": reports.iter().map(|r| serde_json::json!({
            "id": r.id, "title": format!("Title {}", r.id), "outlet": "", "text": r.text,
        })).collect::<Vec<_>>(),
        "keep": [aside],
    });
    let file = dir.join("set.json");
    std::fs::write(&file, set.to_string()).unwrap();
    let out = parallax(&[
        "compare",
        "--set",
        file.to_str().unwrap(),
        "--pair",
        "002,004",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: parallax::Comparison = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed.reports[0].title, "Title 000");
    let kept = printed.reports[1]
        .units
        .iter()
        .find(|u| u.id == aside)
        .unwrap();
    assert_ne!(
        kept.kind,
        parallax::UnitKind::Boilerplate,
        "the kept unit is news"
    );
    assert_eq!(printed.side_by_side.len(), 1);
    assert_eq!(
        (
            printed.side_by_side[0].a.as_str(),
            printed.side_by_side[0].b.as_str()
        ),
        ("002", "004")
    );

    std::fs::write(&file, "{\"reports\": 3}").unwrap();
    let out = parallax(&["compare", "--set", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a Parallax report set"));
    std::fs::remove_dir_all(dir).unwrap();
}
