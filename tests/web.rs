//! The wasm API in real browsers (headless Chromium and Firefox, via wasm-bindgen-test).
//!
//! These call the exported functions with JS values built the way the page builds them,
//! and read the results back as JS: offsets must slice JS strings exactly.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use parallax::wasm::compare;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/bad_inputs.rs"]
mod bad_inputs;

#[wasm_bindgen_test]
fn bad_input_table_in_the_browser() {
    // The engine, compiled to wasm, answers every row of the native table the same way.
    assert!(bad_inputs::run_table() >= 25);
}

const SEEDS: [(&str, &str); 5] = [
    ("000", include_str!("../www/data/000_80c53c837bdb71b6.txt")),
    ("001", include_str!("../www/data/001_26074942951bf0c2.txt")),
    ("002", include_str!("../www/data/002_7642c3bc524165db.txt")),
    ("003", include_str!("../www/data/003_2651afc8f0ad27ee.txt")),
    ("004", include_str!("../www/data/004_db951cadb51a7fc6.txt")),
];

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn reports(list: &[(&str, &str)]) -> JsValue {
    let array = Array::new();
    for (id, text) in list {
        let report = Object::new();
        Reflect::set(&report, &"id".into(), &(*id).into()).unwrap();
        Reflect::set(&report, &"text".into(), &(*text).into()).unwrap();
        array.push(&report);
    }
    array.into()
}

/// Every unit's `text` equals `text.slice(start, end)` on the JS string; returns the count.
fn assert_units_slice(result: &JsValue, texts: &[&str]) -> usize {
    let mut count = 0;
    let reports: Array = get(result, "reports").unchecked_into();
    for (report, text) in reports.iter().zip(texts) {
        let text = JsString::from(*text);
        let units: Array = get(&report, "units").unchecked_into();
        for unit in units.iter() {
            let start = get(&unit, "start").as_f64().unwrap() as u32;
            let end = get(&unit, "end").as_f64().unwrap() as u32;
            assert_eq!(JsValue::from(text.slice(start, end)), get(&unit, "text"));
            count += 1;
        }
    }
    count
}

fn error_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let error: js_sys::Error = JsValue::from(result.unwrap_err())
        .dyn_into()
        .expect("a JS Error");
    error.message().into()
}

#[wasm_bindgen_test]
fn seeds_round_trip_into_the_engine_model() {
    let result = compare(reports(&SEEDS), JsValue::UNDEFINED).unwrap();
    let texts: Vec<&str> = SEEDS.iter().map(|(_, t)| *t).collect();
    assert!(assert_units_slice(&result, &texts) > 100);
    assert!(get(&result, "elapsedMs").as_f64().unwrap() >= 0.0);
    // The boundary returns exactly the engine's tree (elapsedMs aside).
    let back: parallax::Comparison = serde_wasm_bindgen::from_value(result).unwrap();
    let inputs: Vec<parallax::ReportInput> = SEEDS
        .iter()
        .map(|(id, text)| parallax::ReportInput {
            id: id.to_string(),
            title: String::new(),
            text: text.to_string(),
        })
        .collect();
    assert_eq!(
        back,
        parallax::compare(&inputs, &parallax::Options::default()).unwrap()
    );
}

#[wasm_bindgen_test]
fn offsets_are_utf16_code_units_with_emoji_and_accents() {
    let text = "Türkiye’s envoy 👩‍👩‍👧 arrived. Café talks resumed 🇵🇰🇦🇫 at noon! Naïve hopes faded.";
    let result = compare(reports(&[("emoji", text)]), JsValue::UNDEFINED).unwrap();
    assert_eq!(assert_units_slice(&result, &[text]), 3);
    let units: Array = get(
        &get(&result, "reports").unchecked_into::<Array>().get(0),
        "units",
    )
    .unchecked_into();
    let last = units.get(2);
    assert_eq!(get(&last, "text"), JsValue::from("Naïve hopes faded."));
    // In UTF-8 bytes the start would be larger: the emoji take 4 bytes but 2 code units.
    let expected = JsString::from(text).index_of("Naïve", 0) as f64;
    assert_eq!(get(&last, "start").as_f64().unwrap(), expected);
}

#[wasm_bindgen_test]
fn no_reports_is_a_clear_error() {
    let message = error_message(compare(Array::new().into(), JsValue::UNDEFINED));
    assert!(message.contains("no reports to compare"), "{message}");
}

#[wasm_bindgen_test]
fn input_that_is_not_a_report_list_is_a_clear_error() {
    let message = error_message(compare(JsValue::from(42), JsValue::UNDEFINED));
    assert!(message.contains("reports must be an array"), "{message}");
    let missing_text = Array::of1(&Object::new().into());
    let message = error_message(compare(missing_text.into(), JsValue::UNDEFINED));
    assert!(message.contains("reports must be an array"), "{message}");
}

#[wasm_bindgen_test]
fn empty_and_blank_reports_have_no_units() {
    let result = compare(
        reports(&[("empty", ""), ("blank", " \n\t\r\n  ")]),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let list: Array = get(&result, "reports").unchecked_into();
    for report in list.iter() {
        assert_eq!(get(&report, "units").unchecked_into::<Array>().length(), 0);
    }
}

#[wasm_bindgen_test]
fn repeated_ids_are_a_clear_error() {
    let message = error_message(compare(
        reports(&[("a", "One."), ("a", "Two.")]),
        JsValue::UNDEFINED,
    ));
    assert!(message.contains("report ids must be unique"), "{message}");
}

#[wasm_bindgen_test]
fn side_by_side_options_come_from_plain_js_objects() {
    let pair = Array::of2(&"004".into(), &"001".into());
    let options = Object::new();
    Reflect::set(&options, &"sideBySide".into(), &Array::of1(&pair)).unwrap();
    let result = compare(reports(&SEEDS), options.into()).unwrap();
    let layouts: Array = get(&result, "sideBySide").unchecked_into();
    assert_eq!(layouts.length(), 1);
    assert_eq!(get(&layouts.get(0), "a"), JsValue::from("004"));
    let rows: Array = get(&layouts.get(0), "rows").unchecked_into();
    assert!(rows.length() > 10);

    let bad = Object::new();
    Reflect::set(
        &bad,
        &"sideBySide".into(),
        &Array::of1(&Array::of2(&"004".into(), &"nope".into())),
    )
    .unwrap();
    let message = error_message(compare(reports(&SEEDS), bad.into()));
    assert!(message.contains("\"nope\""), "{message}");
}

#[wasm_bindgen_test]
fn quote_clusters_reach_js_with_utf16_spans() {
    let result = compare(reports(&SEEDS), JsValue::UNDEFINED).unwrap();
    let quotes: Array = get(&result, "quotes").unchecked_into();
    assert!(quotes.length() >= 15);
    let mut checked = 0;
    for cluster in quotes.iter() {
        let instances: Array = get(&cluster, "instances").unchecked_into();
        for instance in instances.iter() {
            let report = get(&instance, "report").as_string().unwrap();
            let text = SEEDS.iter().find(|(id, _)| *id == report).unwrap().1;
            let start = get(&instance, "start").as_f64().unwrap() as u32;
            let end = get(&instance, "end").as_f64().unwrap() as u32;
            assert_eq!(
                JsValue::from(JsString::from(text).slice(start, end)),
                get(&instance, "text")
            );
            checked += 1;
        }
    }
    assert!(checked > 25);
}

#[wasm_bindgen_test]
fn lone_surrogates_from_js_keep_offsets_aligned() {
    // A JS string may hold a lone surrogate; it reaches Rust as U+FFFD, one code unit too,
    // so every offset still indexes the JS string.
    let text: JsString = js_sys::JSON::parse(r#""Talks\ud800 stalled. Kabul\udc00 refused. End.""#)
        .unwrap()
        .unchecked_into();
    let input = Array::new();
    let report = Object::new();
    Reflect::set(&report, &"id".into(), &"s".into()).unwrap();
    Reflect::set(&report, &"text".into(), &text).unwrap();
    input.push(&report);
    let result = compare(input.into(), JsValue::UNDEFINED).unwrap();
    let units: Array = get(
        &get(&result, "reports").unchecked_into::<Array>().get(0),
        "units",
    )
    .unchecked_into();
    assert_eq!(units.length(), 3);
    for unit in units.iter() {
        let start = get(&unit, "start").as_f64().unwrap() as u32;
        let end = get(&unit, "end").as_f64().unwrap() as u32;
        let slice: String = text.slice(start, end).into();
        assert_eq!(JsValue::from(slice), get(&unit, "text"));
    }
}

#[wasm_bindgen_test]
fn limits_are_exported_and_enforced() {
    let limits = parallax::wasm::limits().unwrap();
    let max = get(&limits, "maxReports").as_f64().unwrap() as usize;
    assert_eq!(max, parallax::limits::MAX_REPORTS);
    assert!(get(&limits, "maxReportBytes").as_f64().unwrap() >= 1_000_000.0);
    let many: Vec<(String, &str)> = (0..=max)
        .map(|i| (format!("r{i}"), "A sentence."))
        .collect();
    let list: Vec<(&str, &str)> = many.iter().map(|(id, t)| (id.as_str(), *t)).collect();
    let message = error_message(compare(reports(&list), JsValue::UNDEFINED));
    assert!(message.contains("201 reports"), "{message}");
}
