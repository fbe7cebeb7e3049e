//! The page's CSV of a comparison (`comparisonCsv` in `www/js/render.js`), row for row.
//!
//! Same columns, same rows in the same order, same escaping (the apostrophe that
//! neutralises a formula, quotes around a cell with `"`, `,`, CR or LF) and CRLF line
//! ends, so that a batch's CSV and the page's export of one story can be read by the
//! same spreadsheet macro. `tests/e2e/batch-csv.test.mjs` checks the rows against the
//! page's own function. Numbers are written as JavaScript's `String(number)` writes them.

use std::collections::HashMap;
use std::fmt::Write as _;

use parallax::Comparison;
use serde::Serialize;

/// The page's columns; the batch puts `story` before them.
pub const COLUMNS: [&str; 11] = [
    "table",
    "id",
    "report",
    "unit",
    "relation_or_speaker",
    "confidence",
    "text",
    "nearest_unit",
    "nearest_score",
    "outlet",
    "title",
];

/// The header line, with the leading `story` column.
pub fn header() -> String {
    let mut line = String::from("story");
    for column in COLUMNS {
        line.push(',');
        line.push_str(column);
    }
    line.push_str("\r\n");
    line
}

/// Every row of `result` for `story`, each line ending in CRLF. The outlet column is
/// empty: the command line knows titles, not outlets.
pub fn rows(story: &str, result: &Comparison) -> String {
    // Units by id, with their report: the page's `indexResult`.
    let units: HashMap<&str, (&str, &str)> = result
        .reports
        .iter()
        .flat_map(|r| {
            r.units
                .iter()
                .map(|u| (u.id.as_str(), (r.id.as_str(), u.text.as_str())))
        })
        .collect();
    let text = |unit: &str| units.get(unit).map_or("", |u| u.1).to_string();
    let report_of = |unit: &str| units.get(unit).map_or("", |u| u.0).to_string();
    let mut rows: Vec<[String; 9]> = Vec::new();
    for group in &result.groups {
        for m in &group.members {
            rows.push([
                "group".into(),
                group.id.clone(),
                report_of(&m.unit),
                m.unit.clone(),
                name(&m.relation),
                js_number(m.confidence),
                text(&m.unit),
                String::new(),
                String::new(),
            ]);
        }
    }
    for (i, link) in result.possible.iter().enumerate() {
        for unit in [&link.a, &link.b] {
            rows.push([
                "possible".into(),
                format!("p{}", i + 1),
                report_of(unit),
                unit.clone(),
                "possibly the same".into(),
                js_number(link.confidence),
                text(unit),
                String::new(),
                String::new(),
            ]);
        }
    }
    for report in &result.reports {
        for only in &report.unique {
            rows.push([
                "unique".into(),
                String::new(),
                report.id.clone(),
                only.unit.clone(),
                String::new(),
                String::new(),
                text(&only.unit),
                only.nearest
                    .as_ref()
                    .map_or(String::new(), |n| n.unit.clone()),
                only.nearest
                    .as_ref()
                    .map_or(String::new(), |n| js_number(n.score)),
            ]);
        }
    }
    for quote in &result.quotes {
        for i in &quote.instances {
            rows.push([
                "quote".into(),
                quote.id.clone(),
                i.report.clone(),
                i.unit.clone(),
                i.speaker.clone().unwrap_or_default(),
                js_number(i.confidence),
                i.text.clone(),
                String::new(),
                String::new(),
            ]);
        }
    }
    for d in &result.discrepancies {
        for v in &d.values {
            rows.push([
                "discrepancy".into(),
                d.id.clone(),
                v.report.clone(),
                v.unit.clone(),
                format!("{}: {} = {}", name(&d.kind), d.slot, v.value),
                js_number(d.confidence),
                v.text.clone(),
                String::new(),
                String::new(),
            ]);
        }
    }
    let mut out = String::new();
    for row in &rows {
        let title = result
            .reports
            .iter()
            .find(|r| r.id == row[2])
            .map_or(String::new(), |r| page_title(&r.title, &r.id));
        line(
            &mut out,
            story,
            row.iter().map(String::as_str).chain(["", &title]),
        );
    }
    out
}

/// The row of a story that failed: table `error`, the message in the text column.
pub fn error_row(story: &str, message: &str) -> String {
    let mut out = String::new();
    let mut cells = [""; 11];
    cells[0] = "error";
    cells[6] = message;
    line(&mut out, story, cells);
    out
}

fn line<'a>(out: &mut String, story: &str, cells: impl IntoIterator<Item = &'a str>) {
    out.push_str(&field(story));
    for cell in cells {
        out.push(',');
        out.push_str(&field(cell));
    }
    out.push_str("\r\n");
}

/// One cell, escaped as the page escapes it. A cell a spreadsheet could run as a formula
/// (= + - @ or their full-width forms first, also after white space or control
/// characters, which spreadsheets skip; or a leading tab or CR) gets a leading
/// apostrophe (OWASP, "CSV Injection").
pub fn field(value: &str) -> String {
    let formula = value.starts_with(['\t', '\r'])
        || value
            .chars()
            .find(|&c| !(js_space(c) || c <= '\u{1f}' || c == '\u{7f}'))
            .is_some_and(|c| "=+-@\u{FF1D}\u{FF0B}\u{FF0D}\u{FF20}".contains(c));
    let safe = if formula {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if safe.contains(['"', ',', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// JavaScript's white space (`\s`, and what `trim` removes): Rust's `char::is_whitespace`
/// less U+0085, plus U+FEFF. A cell must be judged as the page judges it.
fn js_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}'
}

/// The title as the page names a report in the CSV: trimmed, and empty when it is only
/// the id again (`reportNames` in `render.js`).
fn page_title(title: &str, id: &str) -> String {
    let title = title.trim_matches(js_space);
    if title == id {
        String::new()
    } else {
        title.to_string()
    }
}

/// A number as JavaScript's `String(number)` writes it: Rust's shortest round-trip
/// digits are the same, but JavaScript switches to an exponent below 1e-6 and from 1e21
/// on, and writes `1e+21` where Rust writes `1e21`.
pub fn js_number(x: f64) -> String {
    if x == 0.0 {
        return "0".into();
    }
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    if (1e-6..1e21).contains(&x.abs()) {
        return format!("{x}");
    }
    let mut s = String::new();
    let _ = write!(s, "{x:e}");
    if !s.contains("e-") {
        s = s.replace('e', "e+");
    }
    s
}

/// The name serde gives a unit variant (`"rewrite"`, `"onlyInSome"`), as the page reads it.
fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_escaped_as_the_page_escapes_them() {
        let cases = [
            ("plain", "plain"),
            ("", ""),
            ("a,b", "\"a,b\""),
            ("say \"no\"", "\"say \"\"no\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=1+1", "'=1+1"),
            ("+44 20", "'+44 20"),
            ("-3 dead", "'-3 dead"),
            ("@user", "'@user"),
            ("  =SUM(A1)", "'  =SUM(A1)"),
            ("\u{1}=x", "'\u{1}=x"),
            ("\u{FF1D}1", "'\u{FF1D}1"),
            ("\u{feff}=x", "'\u{feff}=x"),
            ("\tindented", "'\tindented"),
            ("\rback", "\"'\rback\""),
            ("=a,b", "\"'=a,b\""),
            ("a=b", "a=b"),
            ("x - y", "x - y"),
        ];
        for (cell, written) in cases {
            assert_eq!(field(cell), written, "{cell:?}");
        }
    }

    #[test]
    fn numbers_are_written_as_javascript_writes_them() {
        let cases = [
            (0.0, "0"),
            (-0.0, "0"),
            (1.0, "1"),
            (0.91, "0.91"),
            (0.1 + 0.2, "0.30000000000000004"),
            (0.000001, "0.000001"),
            (1.5e-7, "1.5e-7"),
            (123456.0, "123456"),
            (1e21, "1e+21"),
        ];
        for (x, written) in cases {
            assert_eq!(js_number(x), written, "{x}");
        }
    }
}
