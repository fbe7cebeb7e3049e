//! Native speed of a full comparison: the five seeds, 50 reports, and the worst kind of
//! paste: two reports near the 2 MiB limit that repeat one sentence, with the seeds.
//!
//! ```text
//! cargo bench --bench speed
//! ```
//!
//! The 50 reports are the seeds and every report of `$PARALLAX_SHARED/corpus` (default
//! `../shared`), topped up with copies of real reports whose paragraphs are shuffled
//! (outlets reorder paragraphs), each with its own id. Figures are medians of repeated
//! runs after a warm-up; they are printed, never asserted.

use std::time::{Duration, Instant};

#[path = "support.rs"]
mod support;

use parallax::{compare, Options, ReportInput};
use support::{cluster_files, seeds, shared_dir};

fn corpus() -> Vec<ReportInput> {
    let mut dirs: Vec<_> = std::fs::read_dir(shared_dir().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    dirs.iter()
        .flat_map(|dir| {
            let cluster = dir.file_name().unwrap().to_string_lossy().into_owned();
            cluster_files(dir)
                .into_iter()
                .map(move |(file, text)| ReportInput {
                    id: format!("{cluster}-{file}"),
                    title: String::new(),
                    text,
                })
        })
        .collect()
}

/// A copy of `report` with its paragraphs rotated and every other one swapped.
fn shuffled(report: &ReportInput, n: usize) -> ReportInput {
    let mut paragraphs: Vec<&str> = report.text.split('\n').collect();
    let len = paragraphs.len().max(1);
    paragraphs.rotate_left(n % len);
    for pair in paragraphs.chunks_mut(2).filter(|_| n % 2 == 0) {
        pair.reverse();
    }
    ReportInput {
        id: format!("{}~{n}", report.id),
        title: String::new(),
        text: paragraphs.join("\n"),
    }
}

fn median(runs: usize, reports: &[ReportInput], options: &Options) -> Duration {
    let _ = compare(reports, options).unwrap();
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let result = compare(reports, options).unwrap();
            std::hint::black_box(result);
            started.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn words(reports: &[ReportInput]) -> usize {
    reports
        .iter()
        .map(|r| r.text.split_whitespace().count())
        .sum()
}

fn main() {
    let seeds = seeds();
    let all = Options::default();
    let none = Options {
        side_by_side: Some(Vec::new()),
        ..Options::default()
    };
    println!(
        "5 seeds ({} words): {:.2} ms with all 10 side-by-side layouts, {:.2} ms without",
        words(&seeds),
        median(50, &seeds, &all).as_secs_f64() * 1000.0,
        median(50, &seeds, &none).as_secs_f64() * 1000.0
    );
    let mut fifty: Vec<ReportInput> = seeds.iter().cloned().chain(corpus()).collect();
    let originals = fifty.clone();
    let mut n = 0;
    while fifty.len() < 50 {
        fifty.push(shuffled(&originals[n % originals.len()], n + 1));
        n += 1;
    }
    println!(
        "50 reports ({} words): {:.1} ms (default layouts: the first report against each other one)",
        words(&fifty),
        median(5, &fifty, &all).as_secs_f64() * 1000.0
    );
    let sentence = "The talks in Istanbul went on for hours without agreement. ";
    let mut repeated = seeds.clone();
    for id in ["log-1", "log-2"] {
        repeated.push(ReportInput {
            id: id.into(),
            title: String::new(),
            text: format!("Report {id}. {}", sentence.repeat(30_000)),
        });
    }
    println!(
        "the seeds and two 1.8 MB reports of one repeated sentence ({} words): {:.0} ms",
        words(&repeated),
        median(3, &repeated, &none).as_secs_f64() * 1000.0
    );
}
