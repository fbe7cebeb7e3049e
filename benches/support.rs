//! Shared by the benchmarks: the five seeds, and the labelled clusters of
//! `$PARALLAX_SHARED/corpus` (default `../shared`). Each benchmark uses part of it.
#![allow(dead_code)]

use std::path::PathBuf;

use parallax::ReportInput;
use serde_json::Value;

/// The clusters with hand-made labels. The first two have theirs in
/// `$PARALLAX_SHARED/corpus/NAME/gold`; the third's were made for this project and live in
/// `benches/labels/NAME` (offsets only: the texts stay in the shared corpus).
pub const LABELLED: &[&str] = &[
    "croydon-tram-crash-2016",
    "ahed-tamimi-indictment-2018",
    "broadcom-qualcomm-bid-2018",
];

/// The five sample reports, ids from their file names; run from the crate root.
pub fn seeds() -> Vec<ReportInput> {
    let mut files: Vec<_> = std::fs::read_dir("www/data")
        .expect("run from the crate root")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| ReportInput {
            id: p.file_name().unwrap().to_string_lossy()[..3].to_string(),
            title: String::new(),
            text: std::fs::read_to_string(p).unwrap(),
        })
        .collect()
}

/// Where the shared material is.
pub fn shared_dir() -> PathBuf {
    PathBuf::from(std::env::var("PARALLAX_SHARED").unwrap_or_else(|_| "../shared".into()))
}

/// The `.txt` reports of a corpus cluster, in file-name order: (file name, text).
pub fn cluster_files(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// A labelled cluster: its reports (ids as in the labels) and its gold files.
pub struct Labelled {
    pub name: &'static str,
    /// The reports' folder.
    pub dir: PathBuf,
    /// The labels' folder.
    pub gold_dir: PathBuf,
    pub sentences: Value,
    pub inputs: Vec<ReportInput>,
}

impl Labelled {
    pub fn load(name: &'static str) -> Labelled {
        let dir = shared_dir().join("corpus").join(name);
        let ours = PathBuf::from("benches/labels").join(name);
        let gold_dir = if ours.is_dir() {
            ours
        } else {
            dir.join("gold")
        };
        let sentences = read_json(&gold_dir.join("sentences.json"));
        let mut ids: Vec<String> = sentences.as_object().unwrap().keys().cloned().collect();
        ids.sort();
        let inputs = ids
            .iter()
            .map(|id| ReportInput {
                id: id.clone(),
                title: String::new(),
                text: std::fs::read_to_string(
                    dir.join(sentences[id.as_str()]["file"].as_str().unwrap()),
                )
                .unwrap(),
            })
            .collect();
        Labelled {
            name,
            dir,
            gold_dir,
            sentences,
            inputs,
        }
    }

    /// A gold file of the cluster, such as `"quotes.json"`.
    pub fn gold(&self, file: &str) -> Value {
        read_json(&self.gold_dir.join(file))
    }
}

pub fn read_json(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// For every code point offset of `text` (the labels' offsets), the UTF-16 offset.
pub fn utf16_of_codepoints(text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut at = 0;
    for c in text.chars() {
        out.push(at);
        at += c.len_utf16();
    }
    out.push(at);
    out
}

/// Precision, recall and F1 from true positives, false positives and false negatives.
pub fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}
