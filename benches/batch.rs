//! `parallax batch` on 1,000 stories: stories per second with one thread and all cores.
//!
//! ```text
//! cargo bench --features cli --bench batch
//! ```
//!
//! The stories repeat the corpus clusters of `$PARALLAX_SHARED/corpus` (default
//! `../shared`) and the five seeds, written as one JSON Lines file in a temporary folder;
//! the release binary compares them with `--jobs 1` and with every core. Figures are
//! printed, never asserted.

use std::process::Command;
use std::time::Instant;

#[path = "support.rs"]
mod support;

use parallax::ReportInput;
use support::{cluster_files, seeds, shared_dir};

const STORIES: usize = 1_000;

fn main() {
    let mut dirs: Vec<_> = std::fs::read_dir(shared_dir().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut kinds: Vec<(String, Vec<ReportInput>)> = dirs
        .iter()
        .map(|dir| {
            let reports = cluster_files(dir)
                .into_iter()
                .map(|(file, text)| ReportInput {
                    id: file.split(['_', '.']).next().unwrap().to_string(),
                    title: String::new(),
                    text,
                })
                .collect();
            (
                dir.file_name().unwrap().to_string_lossy().into_owned(),
                reports,
            )
        })
        .collect();
    kinds.push(("seeds".into(), seeds()));
    let dir = std::env::temp_dir().join(format!("parallax-bench-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("stories.jsonl");
    let mut lines = String::new();
    for n in 0..STORIES {
        let (name, reports) = &kinds[n % kinds.len()];
        let line = serde_json::json!({ "story": format!("{name}-{n}"), "reports": reports });
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    std::fs::write(&input, &lines).unwrap();
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    println!(
        "{STORIES} stories ({} kinds repeated, {:.1} MB of JSON Lines), {cores} cores",
        kinds.len(),
        lines.len() as f64 / 1e6
    );
    for (label, jobs) in [("--jobs 1", 1), ("all cores", cores)] {
        for csv in [false, true] {
            let output = dir.join("out");
            let mut command = Command::new(env!("CARGO_BIN_EXE_parallax"));
            command
                .arg("batch")
                .arg(&input)
                .arg("--quiet")
                .arg("--jobs");
            command.arg(jobs.to_string()).arg("--output").arg(&output);
            if csv {
                command.arg("--csv");
            }
            let started = Instant::now();
            let status = command.status().unwrap();
            let wall = started.elapsed().as_secs_f64();
            let size = std::fs::metadata(&output).map_or(0, |m| m.len());
            println!(
                "{label:>9}, {}: {:.1} stories/s, {wall:.1} s wall, output {:.1} MB ({status})",
                if csv { "CSV        " } else { "JSON Lines " },
                STORIES as f64 / wall,
                size as f64 / 1e6
            );
        }
    }
    std::fs::remove_dir_all(dir).unwrap();
}
