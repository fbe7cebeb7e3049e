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
