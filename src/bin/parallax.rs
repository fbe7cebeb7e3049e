//! `parallax`: compare news reports from the command line.
//!
//! ```text
//! parallax compare FILE... [--json]
//! ```
//!
//! Each file is one report; its id is the file name up to the first `_` or `.`
//! (`000_80c5….txt` is report `000`). `--json` prints the same result tree as the wasm API.

use std::path::Path;
use std::process::ExitCode;

use parallax::{compare, Comparison, Options, ReportInput, UnitKind};

const USAGE: &str = "usage: parallax compare FILE... [--json]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
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
    let mut files = Vec::new();
    for arg in rest {
        match arg.as_str() {
            "--json" => json = true,
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag:?}\n{USAGE}"))
            }
            file => files.push(file),
        }
    }
    let reports = files
        .iter()
        .map(|file| read_report(Path::new(file)))
        .collect::<Result<Vec<_>, _>>()?;
    let result = compare(&reports, &Options::default()).map_err(|e| e.to_string())?;
    if json {
        let out = serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?;
        println!("{out}");
    } else {
        print_summary(&result);
    }
    Ok(())
}

fn read_report(path: &Path) -> Result<ReportInput, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            eprintln!(
                "parallax: {} is not valid UTF-8; invalid bytes are shown as U+FFFD",
                path.display()
            );
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
