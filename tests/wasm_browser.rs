//! The JavaScript API (`src/wasm.rs`) in headless Chromium, through
//! wasm-bindgen-test-runner and chromedriver (`make test-wasm`; CHROMEDRIVER
//! points at Debian's /usr/bin/chromedriver). The browser's own string type is
//! the judge: `text.slice(start, end)` must be the quote.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use whosaid::wasm::{annotate_js, annotate_markdown_js, version};

wasm_bindgen_test_configure!(run_in_browser);

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("property read")
}

fn list(obj: &JsValue, key: &str) -> Vec<JsValue> {
    get(obj, key)
        .dyn_into::<Array>()
        .expect("an array")
        .to_vec()
}

fn js_slice(text: &JsString, span: &JsValue) -> String {
    let n = |k| get(span, k).as_f64().expect("a number") as u32;
    String::from(text.slice(n("start"), n("end")))
}

#[wasm_bindgen_test]
fn runs_in_a_browser() {
    // Guard against silently running in Node: a browser has a window and a document.
    let global = js_sys::global();
    assert!(get(&global, "document").is_object(), "not in a browser");
}

#[wasm_bindgen_test]
fn emoji_and_accent_at_the_start_slice_exactly() {
    let text = "🇫🇷 Élodie said: “On y va.” Then “Allez,” said Zoë Roux.";
    let out = annotate_js(text, JsValue::UNDEFINED).expect("annotate");
    let jtext = JsString::from(text);
    let quotes = list(&out, "quotes");
    let slices: Vec<String> = quotes.iter().map(|q| js_slice(&jtext, q)).collect();
    assert_eq!(
        slices.first().map(String::as_str),
        Some("On y va."),
        "{slices:?}"
    );
    assert!(slices.iter().any(|s| s.starts_with("Allez")), "{slices:?}");
    let speakers = list(&out, "speakers");
    let names: Vec<String> = speakers
        .iter()
        .filter_map(|s| get(s, "name").as_string())
        .collect();
    assert!(names.iter().any(|n| n == "Zoë Roux"), "{names:?}");
    for s in &speakers {
        for m in list(s, "mentions") {
            let name = get(s, "name").as_string().unwrap_or_default();
            let mention = js_slice(&jtext, &m);
            assert!(
                !mention.is_empty() && !mention.contains('\u{FFFD}'),
                "{name}: {mention}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn unknown_option_is_a_js_error_naming_it() {
    let opts = Object::new();
    Reflect::set(&opts, &"colour".into(), &JsValue::TRUE).unwrap();
    let err = annotate_js("“Hi,” she said.", opts.into()).expect_err("must reject");
    let err: js_sys::Error = JsValue::from(err).dyn_into().expect("an Error");
    let message = String::from(err.message());
    assert!(message.contains("colour"), "message: {message}");
}

#[wasm_bindgen_test]
fn markdown_offsets_in_the_browser() {
    let md = "## ✨ Notes\n\n*Anaïs* said: “Très **bien**.”\n";
    let out = annotate_markdown_js(md, JsValue::UNDEFINED).expect("annotateMarkdown");
    let jmd = JsString::from(md);
    let quotes = list(&out, "quotes");
    let slices: Vec<String> = quotes.iter().map(|q| js_slice(&jmd, q)).collect();
    assert_eq!(slices, ["Très **bien**."]);
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}
