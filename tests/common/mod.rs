//! Shared by the native integration tests: the five sample reports, from `www/data/`.

#![allow(dead_code)]

use parallax::ReportInput;

/// The seeds as the CLI would name them: id from the file name, no title.
pub fn seeds() -> Vec<ReportInput> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("www/data exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "five sample reports in www/data");
    files
        .iter()
        .map(|path| ReportInput {
            id: path.file_name().unwrap().to_string_lossy()[..3].to_string(),
            title: String::new(),
            text: std::fs::read_to_string(path).unwrap(),
        })
        .collect()
}

/// `text[start..end]` with UTF-16 offsets, as JavaScript's `slice` would take it.
pub fn slice_utf16(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("offsets on code point boundaries")
}

/// The clusters of `../shared/corpus` in name order, each as reports named by their
/// file's prefix (`01_bbc.txt` is report `01`), with no titles.
pub fn corpus_clusters() -> Vec<(String, Vec<ReportInput>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let dirs = std::fs::read_dir(&root).unwrap_or_else(|e| {
        panic!(
            "the corpus clusters are expected beside the checkout at {}: {e}",
            root.display()
        )
    });
    let mut clusters = Vec::new();
    for dir in dirs {
        let dir = dir.unwrap().path();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let reports = files
            .iter()
            .map(|p| ReportInput {
                id: p.file_name().unwrap().to_string_lossy()[..2].to_string(),
                title: String::new(),
                text: std::fs::read_to_string(p).unwrap(),
            })
            .collect();
        clusters.push((
            dir.file_name().unwrap().to_string_lossy().into_owned(),
            reports,
        ));
    }
    clusters.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(clusters.len() >= 3);
    clusters
}
