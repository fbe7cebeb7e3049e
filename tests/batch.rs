//! `parallax batch`: many stories, each the library's result, in input order, whatever fails.
#![cfg(all(feature = "cli", not(target_arch = "wasm32")))]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use parallax::{compare, Options, ReportInput};
use serde_json::{json, Value};

fn parallax(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the parallax binary runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh folder under the system's temporary folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("parallax-batch-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The stories: the three corpus clusters of `../shared/corpus` (their `.txt` reports)
/// and the five seeds, each as (name, reports with ids from file names).
fn stories() -> Vec<(String, Vec<ReportInput>)> {
    let mut stories = common::corpus_clusters();
    stories.push(("seeds".into(), common::seeds()));
    stories
}

/// Writes each story as a folder of `ID_story.txt` files under `root`.
fn write_folders(root: &Path, stories: &[(String, Vec<ReportInput>)]) {
    for (name, reports) in stories {
        let dir = root.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for report in reports {
            std::fs::write(dir.join(format!("{}_story.txt", report.id)), &report.text).unwrap();
        }
    }
}

fn json_lines(stories: &[(String, Vec<ReportInput>)]) -> String {
    stories
        .iter()
        .map(|(name, reports)| json!({ "story": name, "reports": reports }).to_string() + "\n")
        .collect()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

#[test]
fn each_story_is_the_library_s_result_in_input_order() {
    let scratch = Scratch::new("library");
    let stories = stories();
    write_folders(&scratch.0, &stories);
    let out = parallax(&["batch", &scratch.path(""), "--jobs", "2"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut expected = String::new();
    for (name, reports) in &stories {
        let result = compare(reports, &Options::default()).unwrap();
        // The line's keys in the order the command writes them: story, then result.
        let story = serde_json::to_string(name).unwrap();
        let result = serde_json::to_string(&result).unwrap();
        expected += &format!("{{\"story\":{story},\"result\":{result}}}\n");
    }
    // Folders sorted by name; the seeds' folder is last by name too.
    assert_eq!(stderr(&out).trim(), "4 stories, 4 compared, 0 failed");
    assert!(
        out.stdout == expected.as_bytes(),
        "the lines differ from the library's"
    );
}

#[test]
fn the_output_is_the_same_byte_for_byte_with_one_thread_or_two() {
    let scratch = Scratch::new("jobs");
    let mut stories = stories();
    // More stories than the window of two threads, so results finish out of order.
    let copies: Vec<_> = (0..3)
        .flat_map(|n| {
            stories
                .iter()
                .map(move |(name, r)| (format!("{name}-{n}"), r.clone()))
        })
        .collect();
    stories.extend(copies);
    write_folders(&scratch.0, &stories);
    std::fs::create_dir_all(scratch.0.join("empty")).unwrap();
    for format in [None, Some("--csv")] {
        let run = |jobs: &str| {
            let mut args = vec!["batch", scratch.0.to_str().unwrap(), "--jobs", jobs];
            args.extend(format);
            parallax(&args, None)
        };
        let one = run("1");
        let two = run("2");
        assert_eq!(one.status.code(), Some(1), "the empty folder fails");
        assert!(
            one.stdout == two.stdout,
            "{format:?}: --jobs 1 and --jobs 2 differ"
        );
        assert_eq!(stderr(&two).trim(), "17 stories, 16 compared, 1 failed");
    }
}

#[test]
fn a_failing_story_gets_its_error_line_and_the_others_still_come_out() {
    let scratch = Scratch::new("failing");
    let stories = stories();
    write_folders(&scratch.0, &stories[3..]);
    // (folder, its files as (name, text), a name ending in / a folder, the error said)
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case; 3] = [
        ("a-empty", &[], "has no .txt or .md reports"),
        (
            "b-duplicate-ids",
            &[("01_a.txt", "One report."), ("01_b.md", "Another report.")],
            "must be unique",
        ),
        ("c-unreadable", &[("x.txt/", "")], "cannot read"),
    ];
    for (name, files, _) in &cases {
        let dir = scratch.0.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for (file, text) in *files {
            match file.strip_suffix('/') {
                Some(folder) => std::fs::create_dir_all(dir.join(folder)).unwrap(),
                None => std::fs::write(dir.join(file), text).unwrap(),
            }
        }
    }
    let out = parallax(&["batch", &scratch.path("")], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).trim(), "4 stories, 1 compared, 3 failed");
    let printed = lines(&out);
    for ((name, _, error), line) in cases.iter().zip(&printed) {
        assert_eq!(line["story"], *name);
        assert!(line.get("result").is_none());
        let message = line["error"].as_str().unwrap();
        assert!(message.contains(error), "{name}: {message}");
    }
    assert_eq!(printed[3]["story"], "seeds");
    assert_eq!(
        printed[3]["result"],
        serde_json::to_value(compare(&stories[3].1, &Options::default()).unwrap()).unwrap()
    );

    // A malformed JSON line, a line that is no story, and a story the engine refuses.
    let good = json_lines(&stories[3..]);
    let input = format!("{good}{{\"story\": \"x\", \"reports\": [\n\n{{\"reports\": []}}\n{{\"story\": \"none\", \"reports\": []}}\n{good}");
    let out = parallax(&["batch", "-"], Some(&input));
    assert_eq!(out.status.code(), Some(1));
    let printed = lines(&out);
    let summary: Vec<(String, &str)> = printed
        .iter()
        .map(|l| {
            let outcome = if l.get("result").is_some() {
                "result"
            } else {
                "error"
            };
            (l["story"].as_str().unwrap().to_string(), outcome)
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("seeds".to_string(), "result"),
            ("standard input line 2".to_string(), "error"),
            ("standard input line 4".to_string(), "error"),
            ("none".to_string(), "error"),
            ("seeds".to_string(), "result"),
        ]
    );
    assert!(printed[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("line 2 of standard input is not a story: "));
    assert!(printed[2]["error"]
        .as_str()
        .unwrap()
        .contains("missing field `story`"));
    assert!(printed[3]["error"]
        .as_str()
        .unwrap()
        .contains("no reports to compare"));
    assert_eq!(stderr(&out).trim(), "5 stories, 2 compared, 3 failed");
}

#[test]
fn json_lines_input_equals_folder_input() {
    let scratch = Scratch::new("jsonl");
    let stories = stories();
    write_folders(&scratch.0.join("folders"), &stories);
    let file = scratch.path("stories.jsonl");
    std::fs::write(&file, json_lines(&stories)).unwrap();
    let folders = parallax(&["batch", &scratch.path("folders"), "--quiet"], None);
    let from_file = parallax(
        &["batch", &file, "--quiet", "--output", &scratch.path("out")],
        None,
    );
    let from_stdin = parallax(&["batch", "-", "--quiet"], Some(&json_lines(&stories)));
    for out in [&folders, &from_file, &from_stdin] {
        assert!(out.status.success(), "{}", stderr(out));
        assert!(out.stderr.is_empty(), "--quiet: no bar and no summary");
    }
    assert!(
        from_file.stdout.is_empty(),
        "--output writes the file instead"
    );
    let written = std::fs::read(scratch.path("out")).unwrap();
    assert!(folders.stdout == written && folders.stdout == from_stdin.stdout);
}

#[test]
fn a_json_line_carries_the_reader_s_choices_as_the_exported_set_does() {
    let reports = common::seeds();
    let plain = compare(&reports, &Options::default()).unwrap();
    let boilerplate = |n: usize| {
        plain.reports[n]
            .units
            .iter()
            .find(|u| u.kind == parallax::UnitKind::Boilerplate)
            .map(|u| u.id.clone())
    };
    let kept = boilerplate(1).expect("a line set aside in 001");
    let aside = plain.reports[0].units.last().unwrap().id.clone();
    let options = Options {
        keep: vec![kept.clone()],
        set_aside: vec![aside.clone()],
        ..Options::default()
    };
    let line =
        json!({ "story": "chosen", "reports": reports, "keep": [kept], "setAside": [aside] });
    let out = parallax(&["batch", "-"], Some(&line.to_string()));
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = lines(&out);
    let expected = compare(&reports, &options).unwrap();
    assert_ne!(expected, plain, "the choices change the result");
    assert_eq!(
        printed[0]["result"],
        serde_json::to_value(expected).unwrap()
    );
}

#[test]
fn csv_has_one_header_the_page_s_escaping_and_crlf_line_ends() {
    let scratch = Scratch::new("csv");
    let stories = stories();
    write_folders(&scratch.0, &stories[3..]);
    let tricky = scratch.0.join("tricky");
    std::fs::create_dir_all(&tricky).unwrap();
    std::fs::write(
        tricky.join("a.txt"),
        "=HYPERLINK(\"http://x\") was typed, he said.\n\n@once more, in \"quotes\".",
    )
    .unwrap();
    std::fs::create_dir_all(scratch.0.join("void")).unwrap();
    let out = parallax(&["batch", &scratch.path(""), "--csv"], None);
    assert_eq!(out.status.code(), Some(1));
    let csv = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(csv.ends_with("\r\n"));
    let rows: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        rows[0],
        "story,table,id,report,unit,relation_or_speaker,confidence,text,nearest_unit,nearest_score,outlet,title"
    );
    assert_eq!(rows.iter().filter(|r| r.starts_with("story,")).count(), 1);
    let seeds = compare(&stories[3].1, &Options::default()).unwrap();
    let first = &seeds.groups[0].members[0];
    let title = &seeds
        .reports
        .iter()
        .find(|r| first.unit.starts_with(&r.id))
        .unwrap()
        .title;
    assert!(
        rows[1].starts_with(&format!(
            "seeds,group,g1,{},{},",
            &first.unit[..3],
            first.unit
        )),
        "{}",
        rows[1]
    );
    assert!(
        rows[1].ends_with(&format!(",,{title}")) || rows[1].ends_with(&format!(",,\"{title}\""))
    );
    let tricky_rows: Vec<&str> = rows
        .iter()
        .copied()
        .filter(|r| r.starts_with("tricky,"))
        .collect();
    assert_eq!(
        tricky_rows,
        [
            "tricky,unique,,a,a:u0,,,\"'=HYPERLINK(\"\"http://x\"\") was typed, he said.\",,,,",
            "tricky,unique,,a,a:u1,,,\"'@once more, in \"\"quotes\"\".\",,,,",
            "tricky,quote,q1,a,a:u0,,1,http://x,,,,",
            "tricky,quote,q2,a,a:u1,,1,quotes,,,,",
        ]
    );
    let void: Vec<&str> = rows
        .iter()
        .copied()
        .filter(|r| r.starts_with("void,"))
        .collect();
    assert_eq!(void.len(), 1);
    assert!(void[0].starts_with("void,error,,,,,,"), "{}", void[0]);
    assert!(
        void[0].ends_with("has no .txt or .md reports,,,,"),
        "{}",
        void[0]
    );
}
