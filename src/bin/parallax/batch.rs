//! `parallax batch`: many stories, each compared on its own, on all cores.
//!
//! Stories come from folders (each sub-folder of a DIR is one story, its `.txt` and `.md`
//! files the reports) or JSON Lines (one `{"story", "reports", "keep"?, "setAside"?}` a
//! line). Results go out as JSON Lines or the page's CSV, in input order whatever the
//! number of threads, streamed: at most a window of `4 × jobs` stories is held at once
//! (see [`run`]). A story that fails, even by a panic in the engine, is one error line;
//! the others go on.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use indicatif::{HumanCount, ProgressBar, ProgressDrawTarget, ProgressStyle};
use parallax::{compare, Comparison, Options, ReportInput};

use crate::csv;

pub const USAGE: &str =
    "parallax batch DIR|FILE.jsonl|-... [--csv] [--output FILE] [--jobs N] [--quiet]";

/// Stories in flight or waiting to be written, per thread: enough that a slow story does
/// not idle the other threads, small enough that memory stays bounded.
const WINDOW_PER_JOB: usize = 4;

struct Flags {
    inputs: Vec<String>,
    csv: bool,
    output: Option<String>,
    jobs: usize,
    quiet: bool,
}

/// One story as the input names it, not yet read or parsed: reading and parsing happen
/// on the worker threads, in parallel.
enum Pending {
    Folder {
        name: String,
        path: PathBuf,
    },
    Line {
        source: String,
        number: usize,
        text: String,
    },
    Failed {
        name: String,
        error: String,
    },
}

/// One JSON line of input: a story and its reports, with the reader's choices as the
/// page's exported set carries them.
#[derive(serde::Deserialize)]
struct StoryLine {
    story: String,
    reports: Vec<ReportInput>,
    #[serde(default)]
    keep: Vec<String>,
    #[serde(default, rename = "setAside")]
    set_aside: Vec<String>,
}

#[derive(serde::Serialize)]
struct ResultLine<'a> {
    story: &'a str,
    result: &'a Comparison,
}

#[derive(serde::Serialize)]
struct ErrorLine<'a> {
    story: &'a str,
    error: &'a str,
}

/// What a worker hands back: the story's output, already formatted, and whether it failed.
struct Done {
    text: String,
    failed: bool,
}

/// Runs the command; `Ok(true)` when every story was compared.
pub fn main(args: &[String]) -> Result<bool, String> {
    let flags = parse(args)?;
    let stories = stories(&flags.inputs)?;
    let mut out: Box<dyn Write> = match &flags.output {
        Some(file) => Box::new(BufWriter::new(
            File::create(file).map_err(|e| format!("cannot create {file}: {e}"))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let target = if flags.quiet {
        ProgressDrawTarget::hidden()
    } else {
        // Hidden by indicatif itself when standard error is not a terminal.
        ProgressDrawTarget::stderr()
    };
    let bar = ProgressBar::with_draw_target(stories.len, target);
    bar.set_style(
        ProgressStyle::with_template(if stories.len.is_some() {
            "{bar:40} {pos}/{len} stories, {per_sec}, {eta} left"
        } else {
            "{spinner} {pos} stories, {per_sec}"
        })
        .map_err(|e| e.to_string())?,
    );
    if flags.csv {
        write(&mut out, &csv::header())?;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(flags.jobs)
        .build()
        .map_err(|e| format!("cannot start {} threads: {e}", flags.jobs))?;
    let format = if flags.csv { Format::Csv } else { Format::Json };
    let (count, failed) = run(
        stories.pending,
        &pool,
        flags.jobs,
        &bar,
        |pending| finish(pending, format, &bar),
        &mut out,
    )?;
    out.flush()
        .map_err(|e| format!("cannot write the output: {e}"))?;
    bar.finish_and_clear();
    if failed > 0 || !flags.quiet {
        eprintln!(
            "{}, {} compared, {} failed",
            counted(count, "story", "stories"),
            HumanCount((count - failed) as u64),
            HumanCount(failed as u64)
        );
    }
    Ok(failed == 0)
}

fn parse(args: &[String]) -> Result<Flags, String> {
    let mut flags = Flags {
        inputs: Vec::new(),
        csv: false,
        output: None,
        jobs: std::thread::available_parallelism().map_or(1, usize::from),
        quiet: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--csv" => flags.csv = true,
            "--quiet" => flags.quiet = true,
            "--output" => match args.next() {
                Some(file) => flags.output = Some(file.clone()),
                None => return Err(format!("--output needs a file\nusage: {USAGE}")),
            },
            "--jobs" => match args.next().and_then(|n| n.parse::<usize>().ok()) {
                Some(n) if n > 0 => flags.jobs = n,
                _ => {
                    return Err(format!(
                        "--jobs needs a number of threads, 1 or more\nusage: {USAGE}"
                    ))
                }
            },
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag:?}\nusage: {USAGE}"))
            }
            input => flags.inputs.push(input.to_string()),
        }
    }
    if flags.inputs.is_empty() {
        return Err(format!(
            "give story folders or JSON Lines files (- for standard input)\nusage: {USAGE}"
        ));
    }
    Ok(flags)
}

struct Stories {
    /// Known when every input is a folder, for the progress bar.
    len: Option<u64>,
    pending: Box<dyn Iterator<Item = Pending> + Send>,
}

/// The stories of every input, in order. Folders are listed now (names only), so that a
/// missing input stops the command before any output; JSON Lines are read as they are
/// needed, never whole.
fn stories(inputs: &[String]) -> Result<Stories, String> {
    let mut len = Some(0u64);
    let mut sources: Vec<Box<dyn Iterator<Item = Pending> + Send>> = Vec::new();
    for input in inputs {
        if input == "-" {
            len = None;
            sources.push(Box::new(lines(
                "standard input",
                BufReader::new(std::io::stdin()),
            )));
            continue;
        }
        let path = Path::new(input);
        let meta = std::fs::metadata(path).map_err(|e| format!("cannot read {input}: {e}"))?;
        if meta.is_dir() {
            let folders = story_folders(path)?;
            len = len.map(|n| n + folders.len() as u64);
            sources.push(Box::new(folders.into_iter()));
        } else {
            len = None;
            let file = File::open(path).map_err(|e| format!("cannot read {input}: {e}"))?;
            sources.push(Box::new(lines(input, BufReader::new(file))));
        }
    }
    Ok(Stories {
        len,
        pending: Box::new(sources.into_iter().flatten()),
    })
}

/// The sub-folders of `dir`, sorted by name; files beside them and hidden folders are
/// not stories.
fn story_folders(dir: &Path) -> Result<Vec<Pending>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut folders = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with('.') && entry.path().is_dir() {
            folders.push(Pending::Folder {
                name,
                path: entry.path(),
            });
        }
    }
    folders.sort_by(|a, b| story_name(a).cmp(story_name(b)));
    Ok(folders)
}

fn story_name(pending: &Pending) -> &str {
    match pending {
        Pending::Folder { name, .. } | Pending::Failed { name, .. } => name,
        Pending::Line { .. } => "",
    }
}

/// The non-blank lines of a JSON Lines input, read one at a time; a read error ends the
/// input with one failed story that says where.
fn lines(
    source: &str,
    reader: impl BufRead + Send + 'static,
) -> impl Iterator<Item = Pending> + Send {
    let source = source.to_string();
    let mut broken = false;
    reader
        .lines()
        .enumerate()
        .map_while(move |(i, line)| {
            if broken {
                return None;
            }
            let number = i + 1;
            Some(match line {
                Ok(text) => Pending::Line {
                    source: source.clone(),
                    number,
                    text,
                },
                Err(e) => {
                    broken = true;
                    Pending::Failed {
                        name: format!("{source} line {number}"),
                        error: format!("cannot read line {number} of {source}: {e}"),
                    }
                }
            })
        })
        .filter(|p| !matches!(p, Pending::Line { text, .. } if text.trim().is_empty()))
}

#[derive(Clone, Copy)]
enum Format {
    Json,
    Csv,
}

/// Reads, compares and formats one story on a worker thread. A panic in the engine is
/// caught here and becomes that story's error, so the other stories go on.
fn finish(pending: Pending, format: Format, bar: &ProgressBar) -> Done {
    let (name, outcome) = match pending {
        Pending::Failed { name, error } => (name, Err(error)),
        Pending::Folder { name, path } => {
            let outcome = read_folder(&path, bar).and_then(|reports| {
                guarded(|| compare(&reports, &Options::default()).map_err(|e| e.to_string()))
            });
            (name, outcome)
        }
        Pending::Line {
            source,
            number,
            text,
        } => match serde_json::from_str::<StoryLine>(&text) {
            Err(e) => (
                format!("{source} line {number}"),
                Err(format!("line {number} of {source} is not a story: {e}")),
            ),
            Ok(line) => {
                let options = Options {
                    keep: line.keep,
                    set_aside: line.set_aside,
                    ..Options::default()
                };
                let reports = line.reports;
                let outcome = guarded(|| compare(&reports, &options).map_err(|e| e.to_string()));
                (line.story, outcome)
            }
        },
    };
    let written = outcome.and_then(|result| {
        guarded(|| match format {
            Format::Json => serde_json::to_string(&ResultLine {
                story: &name,
                result: &result,
            })
            .map(|line| line + "\n")
            .map_err(|e| e.to_string()),
            Format::Csv => Ok(csv::rows(&name, &result)),
        })
    });
    match written {
        Ok(text) => Done {
            text,
            failed: false,
        },
        Err(error) => Done {
            text: match format {
                Format::Json => {
                    let line = ErrorLine {
                        story: &name,
                        error: &error,
                    };
                    serde_json::to_string(&line).unwrap_or_default() + "\n"
                }
                Format::Csv => csv::error_row(&name, &error),
            },
            failed: true,
        },
    }
}

/// The reports of a story folder: its `.txt` and `.md` files, sorted by name, ids as
/// `parallax compare` gives them.
fn read_folder(dir: &Path, bar: &ProgressBar) -> Result<Vec<ReportInput>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.extension().is_some_and(|x| x == "txt" || x == "md") {
            files.push(path);
        }
    }
    if files.is_empty() {
        return Err(format!("{} has no .txt or .md reports", dir.display()));
    }
    files.sort();
    files
        .iter()
        .map(|file| {
            crate::read_report(file, &|warning| {
                bar.suspend(|| eprintln!("parallax: {warning}"))
            })
        })
        .collect()
}

/// `work()`, with a panic turned into an error that says so.
pub fn guarded<T>(work: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".into());
        Err(format!(
            "the engine panicked (a bug, please report it): {message}"
        ))
    })
}

/// Runs `work` on every story on `pool` and writes the results to `out` in input order.
/// Returns how many stories there were and how many failed.
///
/// Ordering with bounded memory: a reader thread hands stories to the pool one by one,
/// but first takes a permit from a channel of `window` permits; the writer (this thread)
/// keeps results that finish early in a reorder buffer, writes the next one in input
/// order as soon as it is there, and gives a permit back for each story written. So at
/// most `window` stories are read, running or waiting to be written at any time,
/// whatever the input's size, and the next story to write is always among those
/// started, so the writer never waits on a story that was not handed out. Unlike
/// collecting fixed chunks in order, one slow story does not idle the other threads
/// while the rest of its chunk is done.
fn run(
    stories: Box<dyn Iterator<Item = Pending> + Send>,
    pool: &rayon::ThreadPool,
    jobs: usize,
    bar: &ProgressBar,
    work: impl Fn(Pending) -> Done + Send + Sync,
    out: &mut dyn Write,
) -> Result<(usize, usize), String> {
    let window = jobs * WINDOW_PER_JOB;
    let (permits, permit) = mpsc::sync_channel::<()>(window);
    let (results, result) = mpsc::channel::<(usize, Option<Done>)>();
    let work = &work;
    let mut written = 0;
    let mut failed = 0;
    let mut error = None;
    std::thread::scope(|threads| {
        // The reader is a thread of its own, not a task of the pool: blocked on a
        // permit, it would hold one of the pool's threads, and with `--jobs 1` all.
        threads.spawn(move || {
            pool.in_place_scope(|scope| {
                for (index, pending) in stories.enumerate() {
                    // Blocks while `window` stories are unwritten; fails once the
                    // writer has stopped (an output error), which ends the reading too.
                    if permits.send(()).is_err() {
                        break;
                    }
                    let results = results.clone();
                    scope.spawn(move |_| {
                        // `work` guards the engine; this guards the writer from
                        // waiting forever on a story whose own code panicked.
                        let done = catch_unwind(AssertUnwindSafe(|| work(pending))).ok();
                        let _ = results.send((index, done));
                    });
                }
            });
        });
        let mut early = BTreeMap::new();
        for (index, done) in result.iter() {
            early.insert(index, done);
            while let Some(done) = early.remove(&written) {
                let Some(done) = done else {
                    error = Some(format!("story {} could not be run (a bug)", written + 1));
                    break;
                };
                if let Err(e) = write(out, &done.text) {
                    error = Some(e);
                    break;
                }
                failed += usize::from(done.failed);
                written += 1;
                bar.inc(1);
                let _ = permit.recv();
            }
            if error.is_some() {
                break;
            }
        }
        // Dropping the receivers lets a blocked reader and the running stories end.
        drop(permit);
        drop(result);
    });
    match error {
        Some(e) => Err(e),
        None => Ok((written, failed)),
    }
}

fn write(out: &mut dyn Write, text: &str) -> Result<(), String> {
    out.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write the output: {e}"))
}

fn counted(n: usize, one: &str, other: &str) -> String {
    format!(
        "{} {}",
        HumanCount(n as u64),
        if n == 1 { one } else { other }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_the_story_s_error() {
        let caught = guarded::<()>(|| panic!("index out of bounds"));
        let error = caught.unwrap_err();
        assert!(error.starts_with("the engine panicked"), "{error}");
        assert!(error.ends_with("index out of bounds"), "{error}");
        let formatted = guarded::<()>(|| panic!("unit {} missing", 7));
        assert!(formatted.unwrap_err().ends_with("unit 7 missing"));
        assert_eq!(guarded(|| Ok(3)), Ok(3));
    }

    #[test]
    fn counts_are_written_with_thousands_separated() {
        let cases = [
            (0, "0 stories"),
            (1, "1 story"),
            (999, "999 stories"),
            (1000, "1,000 stories"),
            (1234567, "1,234,567 stories"),
        ];
        for (n, written) in cases {
            assert_eq!(counted(n, "story", "stories"), written);
        }
    }
}
