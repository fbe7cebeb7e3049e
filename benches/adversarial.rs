//! Hostile inputs inside the limits: each must finish within the engine's budget.
//!
//! ```text
//! cargo bench --bench adversarial            # every class
//! cargo bench --bench adversarial -- quotes  # the classes whose name contains "quotes"
//! ```
//!
//! Each class is generated here (no files) and compared in a child process of its own, so
//! that its peak memory (the kernel's high-water mark, `VmHWM`) is its own and a blow-up is
//! a finding rather than a hang: a child still running after [`KILL_AFTER`] is killed and
//! reported as such. Each line prints the input's size, the time of `compare`, the peak
//! memory, the size of the result as JSON and its ratio to the input, and whether the
//! result carries notices (work the budget cut). Figures are printed, never asserted;
//! BENCHMARKS.md keeps them.
//!
//! The budget (DESIGN.md, "Work budget"): 10 s natively, 1 GiB peak, and result JSON a
//! small multiple of the input.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "support.rs"]
mod support;

use parallax::limits::{MAX_REPORTS, MAX_REPORT_BYTES, MAX_TOTAL_BYTES};
use parallax::{compare, Options, ReportInput};

/// The budget: seconds of `compare`, bytes of peak memory.
const BUDGET_SECONDS: f64 = 10.0;
const BUDGET_BYTES: u64 = 1 << 30;
/// A child still running after this is killed.
const KILL_AFTER: Duration = Duration::from_secs(120);
/// A child may map at most this much memory.
const MEMORY_CAP: u64 = 4 << 30;

/// A deterministic generator (xorshift64*), so every run compares the same input.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn report(id: impl Into<String>, text: String) -> ReportInput {
    ReportInput {
        id: id.into(),
        title: String::new(),
        text,
    }
}

/// `piece` repeated to about `bytes` bytes.
fn repeat_to(piece: &str, bytes: usize) -> String {
    piece.repeat(bytes.div_ceil(piece.len()))
}

/// The five sample reports' texts (run from the crate root).
fn seeds() -> Vec<String> {
    support::seeds().into_iter().map(|r| r.text).collect()
}

/// About `bytes` of the seeds' paragraphs in a shuffled order (`seed` picks the order).
fn seed_paragraphs(bytes: usize, seed: u64) -> String {
    let texts = seeds();
    let paragraphs: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.split('\n'))
        .filter(|p| !p.trim().is_empty())
        .collect();
    let mut rng = Rng(seed | 1);
    let mut out = String::new();
    while out.len() < bytes {
        out.push_str(paragraphs[rng.below(paragraphs.len())]);
        out.push_str("\n\n");
    }
    out
}

/// About `bytes` of new sentences made of the seeds' words: news-like vocabulary, with
/// names, numbers and quotations, but no sentence repeated.
fn news_like(bytes: usize, seed: u64) -> String {
    let texts = seeds();
    let words: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let mut rng = Rng(seed | 1);
    let mut out = String::new();
    while out.len() < bytes {
        for sentence in 0..1 + rng.below(5) {
            let quoted = rng.below(6) == 0;
            if sentence > 0 {
                out.push(' ');
            }
            if quoted {
                out.push('"');
            }
            let n = 8 + rng.below(22);
            for i in 0..n {
                let w = words[rng.below(words.len())];
                if i == 0 {
                    let mut chars = w.chars();
                    out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                    out.push_str(chars.as_str());
                } else {
                    out.push(' ');
                    out.push_str(w);
                }
                if rng.below(40) == 0 {
                    out.push_str(&format!(" {}", rng.below(10_000)));
                }
            }
            out.push_str(if quoted { ",\" he said." } else { "." });
        }
        out.push_str("\n\n");
    }
    out
}

/// One class of hostile input.
struct Case {
    name: &'static str,
    what: &'static str,
    make: fn() -> Vec<ReportInput>,
}

/// The most a report may hold with room for the id line; the limits in one place.
const BIG: usize = MAX_REPORT_BYTES - 1024;

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "seeds",
            what: "the five sample reports: an ordinary input, for reference",
            make: support::seeds,
        },
        Case {
            name: "unclosed-quotes-60k",
            what: "60 KB of mixed unclosed quote marks, and one short report",
            make: || {
                vec![
                    report("marks", repeat_to("\"1 'a \"b 'c ", 60_000)),
                    report(
                        "short",
                        "The minister said \"we will not stop\" on Monday.".into(),
                    ),
                ]
            },
        },
        Case {
            name: "unclosed-quotes-400k",
            what: "the same pattern at 400 KB",
            make: || {
                vec![
                    report("marks", repeat_to("\"1 'a \"b 'c ", 400_000)),
                    report(
                        "short",
                        "The minister said \"we will not stop\" on Monday.".into(),
                    ),
                ]
            },
        },
        Case {
            name: "unclosed-quotes-2m-paragraphs",
            what: "2 MiB of short paragraphs that each open a quote and never close it",
            make: || {
                let text = repeat_to("He said \u{201c}we will go on and on \n\n", BIG);
                vec![report("a", text.clone()), report("b", text)]
            },
        },
        Case {
            name: "nested-quotes",
            what: "quote marks opened 50,000 deep in one paragraph, then closed",
            make: || {
                let open = "\u{201c}a \u{2018}b \u{ab}c \u{2039}d \u{201e}e ".repeat(10_000);
                let close = "f\u{201c} g\u{2019} h\u{bb} i\u{203a} j\u{201d} ".repeat(10_000);
                vec![
                    report("deep", format!("{open}{close}")),
                    report("short", "\u{201c}a b c,\u{201d} she said.".into()),
                ]
            },
        },
        Case {
            name: "identical-sentences",
            what: "6,000 units that are six identical 7-word sentences, in 2 reports",
            make: || {
                let six = [
                    "The ministers met again in the capital.",
                    "Talks went on late into the night.",
                    "Neither side would say what was agreed.",
                    "Officials expect a statement by Friday morning.",
                    "The opposition called the meeting a farce.",
                    "Markets barely moved on the first news.",
                ];
                let text: String = (0..3_000).map(|i| format!("{} ", six[i % 6])).collect();
                vec![report("a", text.clone()), report("b", text)]
            },
        },
        Case {
            name: "identical-sentences-2m",
            what: "two 2 MiB reports of one repeated sentence",
            make: || {
                let text = repeat_to(
                    "The talks in Istanbul went on for hours without agreement. ",
                    BIG,
                );
                vec![report("a", text.clone()), report("b", text)]
            },
        },
        Case {
            name: "wire-copy-50",
            what: "50 identical 40 KB reports (one wire story)",
            make: || {
                let text = seed_paragraphs(40_000, 7);
                (0..50)
                    .map(|i| report(format!("r{i:03}"), text.clone()))
                    .collect()
            },
        },
        Case {
            name: "wire-copy-200",
            what: "200 identical 40 KB reports",
            make: || {
                let text = seed_paragraphs(40_000, 7);
                (0..MAX_REPORTS)
                    .map(|i| report(format!("r{i:03}"), text.clone()))
                    .collect()
            },
        },
        Case {
            name: "shuffled-200",
            what: "200 reports of 40 KB, each the seeds' paragraphs in another order",
            make: || {
                (0..MAX_REPORTS)
                    .map(|i| report(format!("r{i:03}"), seed_paragraphs(40_000, i as u64 + 1)))
                    .collect()
            },
        },
        Case {
            name: "news-4x2m",
            what: "4 reports of 2 MiB of news-like sentences, none repeated",
            make: || {
                (0..4)
                    .map(|i| report(format!("n{i}"), news_like(BIG, i + 1)))
                    .collect()
            },
        },
        Case {
            name: "seeds-4x2m",
            what: "4 reports of 2 MiB of the seeds' paragraphs, shuffled",
            make: || {
                (0..4)
                    .map(|i| report(format!("s{i}"), seed_paragraphs(BIG, i + 11)))
                    .collect()
            },
        },
        Case {
            name: "cjk-80k",
            what: "80,000 CJK characters with no sentence mark, in 2 reports",
            make: || {
                let mut rng = Rng(3);
                let text = |rng: &mut Rng| -> String {
                    (0..80_000)
                        .map(|_| char::from_u32(0x4e00 + rng.below(2_000) as u32).unwrap())
                        .collect()
                };
                vec![report("a", text(&mut rng)), report("b", text(&mut rng))]
            },
        },
        Case {
            name: "unpunctuated-2m",
            what: "two 2 MiB runs of words with no punctuation or line break",
            make: || {
                let text = news_like(BIG + 200_000, 5)
                    .chars()
                    .filter(|c| c.is_alphanumeric() || *c == ' ')
                    .take(BIG)
                    .collect::<String>();
                vec![report("a", text.clone()), report("b", text)]
            },
        },
        Case {
            name: "one-paragraph-2m",
            what: "two reports, each one 2 MiB paragraph of news-like sentences",
            make: || {
                let text = |seed| news_like(BIG, seed).replace("\n\n", " ");
                vec![report("a", text(21)), report("b", text(22))]
            },
        },
        Case {
            name: "numbers-and-dates",
            what: "two 1 MiB reports of sentences dense with numbers and dates that differ",
            make: || {
                let months = ["January", "March", "June", "October"];
                let text = |seed: u64| {
                    let mut rng = Rng(seed);
                    let mut out = String::new();
                    while out.len() < 1 << 20 {
                        out.push_str(&format!(
                            "On {} {}, {} people and {} officers were counted in {} towns, {} % up.\n\n",
                            months[rng.below(4)],
                            1 + rng.below(28),
                            rng.below(100_000),
                            rng.below(1_000),
                            rng.below(50),
                            rng.below(100),
                        ));
                    }
                    out
                };
                vec![report("a", text(31)), report("b", text(32))]
            },
        },
        Case {
            name: "many-tiny-units",
            what: "two 2 MiB reports of one-word sentences",
            make: || {
                let text = repeat_to("Yes. No. Maybe. Police. ", BIG);
                vec![report("a", text.clone()), report("b", text)]
            },
        },
        Case {
            name: "one-long-word",
            what: "two reports, each one 2 MiB word",
            make: || {
                let text = "a".repeat(BIG);
                vec![report("a", text.clone()), report("b", text)]
            },
        },
        Case {
            name: "many-speakers",
            what: "two 1 MiB reports, every sentence a quote by another named speaker",
            make: || {
                let text = |seed: u64| {
                    let mut rng = Rng(seed);
                    let mut out = String::new();
                    while out.len() < 1 << 20 {
                        out.push_str(&format!(
                            "\u{201c}We will meet again on day {},\u{201d} said Minister Name{} of Place{}.\n",
                            rng.below(30),
                            rng.below(5_000),
                            rng.below(100),
                        ));
                    }
                    out
                };
                vec![report("a", text(41)), report("b", text(42))]
            },
        },
    ]
}

/// The peak resident memory of this process so far, in bytes (Linux), if known.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// In the child: compares one class and prints `seconds peak_bytes json_bytes notices`.
fn run_child(name: &str) {
    let case = cases()
        .into_iter()
        .find(|c| c.name == name)
        .expect("a known case");
    let reports = (case.make)();
    let total: usize = reports.iter().map(|r| r.text.len()).sum();
    assert!(
        total <= MAX_TOTAL_BYTES,
        "{name}: the generator went past the limits"
    );
    let started = Instant::now();
    let result = compare(&reports, &Options::default());
    let seconds = started.elapsed().as_secs_f64();
    let (json, notices) = match &result {
        Ok(c) => {
            if std::env::var_os("PARALLAX_ADVERSARIAL_SECTIONS").is_some() {
                // Where the output goes, section by section, and what the notices say.
                let tree = serde_json::to_value(c).unwrap();
                for (key, value) in tree.as_object().unwrap() {
                    eprintln!("{key}: {} bytes", serde_json::to_vec(value).unwrap().len());
                }
                for notice in &c.notices {
                    eprintln!("notice: {}", notice.message);
                }
            }
            (serde_json::to_vec(c).unwrap().len(), c.notices.len())
        }
        Err(e) => {
            eprintln!("{name}: refused: {e}");
            (0, 0)
        }
    };
    println!("{seconds} {} {json} {notices}", peak_memory().unwrap_or(0));
}

fn main() {
    if let Ok(name) = std::env::var("PARALLAX_ADVERSARIAL_CASE") {
        run_child(&name);
        return;
    }
    let filter: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let me = std::env::current_exe().unwrap();
    println!(
        "budget: {BUDGET_SECONDS} s, {} MiB peak; a child still running after {} s is killed, \
         one mapping more than {} GiB fails",
        BUDGET_BYTES >> 20,
        KILL_AFTER.as_secs(),
        MEMORY_CAP >> 30
    );
    println!(
        "{:<30} {:>9} {:>9} {:>9} {:>10} {:>6} {:>8}  verdict",
        "class", "input", "time", "peak", "json", "×in", "notices"
    );
    for case in cases() {
        if !filter.is_empty() && !filter.iter().any(|f| case.name.contains(f.as_str())) {
            continue;
        }
        let input: usize = (case.make)().iter().map(|r| r.text.len()).sum();
        // The child's address space is capped (`ulimit -v`) so that a blow-up fails its
        // own allocation instead of waking the kernel's out-of-memory killer.
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(format!("ulimit -v {}; exec \"$0\"", MEMORY_CAP >> 10))
            .arg(&me)
            .env("PARALLAX_ADVERSARIAL_CASE", case.name)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break Some(status);
            }
            if started.elapsed() > KILL_AFTER {
                child.kill().unwrap();
                child.wait().unwrap();
                break None;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let mut out = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        let fields: Vec<f64> = out
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        match (status, fields.as_slice()) {
            (Some(s), &[seconds, peak, json, notices]) if s.success() => {
                let within = seconds <= BUDGET_SECONDS && peak as u64 <= BUDGET_BYTES;
                println!(
                    "{:<30} {:>9} {:>7.2} s {:>9} {:>10} {:>6.1} {:>8}  {}",
                    case.name,
                    size(input as f64),
                    seconds,
                    size(peak),
                    size(json),
                    json / input as f64,
                    notices,
                    if within {
                        "within budget"
                    } else {
                        "OVER BUDGET"
                    },
                );
            }
            (Some(s), _) => println!(
                "{:<30} {:>9}  FAILED ({s}): {}",
                case.name,
                size(input as f64),
                case.what
            ),
            (None, _) => println!(
                "{:<30} {:>9}  KILLED after {} s: {}",
                case.name,
                size(input as f64),
                KILL_AFTER.as_secs(),
                case.what
            ),
        }
    }
}

fn size(bytes: f64) -> String {
    if bytes >= (1u64 << 30) as f64 {
        format!("{:.2} GiB", bytes / (1u64 << 30) as f64)
    } else if bytes >= (1 << 20) as f64 {
        format!("{:.1} MiB", bytes / (1 << 20) as f64)
    } else {
        format!("{:.0} KiB", bytes / 1024.0)
    }
}
