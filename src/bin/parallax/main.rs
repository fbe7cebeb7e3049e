//! `parallax`: compare news reports from the command line.
//!
//! ```text
//! parallax compare FILE... [--pair A,B]... [--json]
//! parallax compare --set SET.json [--pair A,B]... [--json]
//! parallax batch DIR|FILE.jsonl|-... [--csv] [--output FILE] [--jobs N] [--quiet]
//! ```
//!
//! Each file is one report; its id is the file name up to the first `_` or `.`
//! (`000_80c5….txt` is report `000`). `--set` reads a report set exported by the page
//! ("Export reports"): its ids, titles, texts and the units put back. `--pair` lays out
//! that pair of reports side by side (by default: every pair up to eight reports). `--json` prints the
//! same result tree as the wasm API; for the same reports and options it is, byte for
//! byte, what the page's "Export comparison (JSON)" writes.
//!
//! `batch` compares many stories, each on its own, on all cores (see [`batch`]): every
//! sub-folder of a DIR is one story, and a JSON Lines file (`-`: standard input) holds one
//! `{"story", "reports", "keep"?, "setAside"?}` a line. It writes one line a story in
//! input order, `{"story", "result"}` (the `--json` tree, compact) or `{"story",
//! "error"}`, or with `--csv` the page's CSV with a leading `story` column. It exits with
//! 1 when a story failed, 2 on a usage error.

mod batch;
mod csv;

use std::path::Path;
use std::process::ExitCode;

use parallax::{compare, Comparison, Options, ReportInput, UnitKind};

const USAGE: &str = "usage: parallax compare FILE... [--pair A,B]... [--json]
       parallax compare --set SET.json [--pair A,B]... [--json]
       parallax batch DIR|FILE.jsonl|-... [--csv] [--output FILE] [--jobs N] [--quiet]

batch: each sub-folder of a DIR is one story (its .txt and .md files the reports); a
JSON Lines file (- for standard input) has one {\"story\", \"reports\"} a line. One
result line a story, in input order; --csv writes the page's CSV with a story column;
--jobs N threads (default: all cores); --quiet hides the progress bar.";

/// A report set as the page exports it; fields the engine does not use are ignored.
#[derive(serde::Deserialize)]
struct ReportSet {
    reports: Vec<ReportInput>,
    #[serde(default)]
    keep: Vec<String>,
    #[serde(default, rename = "setAside")]
    set_aside: Vec<String>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "batch") {
        return match batch::main(&args[1..]) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(message) => {
                eprintln!("parallax: {message}");
                ExitCode::from(2)
            }
        };
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("parallax: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(USAGE.to_string());
    };
    if command != "compare" {
        return Err(format!("unknown command {command:?}\n{USAGE}"));
    }
    let mut json = false;
    let mut set = None;
    let mut pairs: Option<Vec<(String, String)>> = None;
    let mut files = Vec::new();
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--set" => match args.next() {
                Some(file) => set = Some(file),
                None => return Err(format!("--set needs a file\n{USAGE}")),
            },
            "--pair" => match args.next().and_then(|p| p.split_once(',')) {
                Some((a, b)) => pairs
                    .get_or_insert_with(Vec::new)
                    .push((a.to_string(), b.to_string())),
                None => {
                    return Err(format!(
                        "--pair needs two report ids, as in 000,001\n{USAGE}"
                    ))
                }
            },
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag:?}\n{USAGE}"))
            }
            file => files.push(file),
        }
    }
    let (reports, mut options) = match set {
        Some(_) if !files.is_empty() => {
            return Err(format!("give report files or --set, not both\n{USAGE}"))
        }
        Some(file) => read_set(Path::new(file))?,
        None => {
            let reports = files
                .iter()
                .map(|file| read_report(Path::new(file), &|w| eprintln!("parallax: {w}")))
                .collect::<Result<Vec<_>, _>>()?;
            (reports, Options::default())
        }
    };
    options.side_by_side = pairs;
    let result = compare(&reports, &options).map_err(|e| e.to_string())?;
    if json {
        let out = serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?;
        println!("{out}");
    } else {
        print_summary(&result);
    }
    Ok(())
}

fn read_set(path: &Path) -> Result<(Vec<ReportInput>, Options), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let set: ReportSet = serde_json::from_slice(&bytes)
        .map_err(|e| format!("{} is not a Parallax report set: {e}", path.display()))?;
    let options = Options {
        keep: set.keep,
        set_aside: set.set_aside,
        ..Options::default()
    };
    Ok((set.reports, options))
}

/// One report file; `warn` hears of what was read with a change (invalid UTF-8).
fn read_report(path: &Path, warn: &dyn Fn(String)) -> Result<ReportInput, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            warn(format!(
                "{} is not valid UTF-8; invalid bytes are shown as U+FFFD",
                path.display()
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    Ok(ReportInput {
        id: report_id(path),
        title: String::new(),
        text,
    })
}

/// The file name up to its first `_` or `.`.
fn report_id(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let id = name.split(['_', '.']).next().unwrap_or_default();
    if id.is_empty() {
        name.into_owned()
    } else {
        id.to_string()
    }
}

fn print_summary(result: &Comparison) {
    for report in &result.reports {
        let count = |kind| report.units.iter().filter(|u| u.kind == kind).count();
        println!(
            "{}  {}\n  {} headings, {} sentences, {} boilerplate",
            report.id,
            report.title,
            count(UnitKind::Heading),
            count(UnitKind::Sentence),
            count(UnitKind::Boilerplate),
        );
    }
}
