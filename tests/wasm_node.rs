//! The JavaScript API (`src/wasm.rs`) as Node sees it, through wasm-bindgen-test
//! (`cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_node`,
//! run by `make test-wasm`). Every span is checked with JavaScript's own
//! `String.prototype.slice`, so the UTF-16 offsets are tested where they are used.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use whosaid::wasm::{annotate_js, annotate_markdown_js, version};

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("property read")
}

fn num(obj: &JsValue, key: &str) -> u32 {
    get(obj, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number"))
        .round() as u32
}

fn list(obj: &JsValue, key: &str) -> Vec<JsValue> {
    get(obj, key)
        .dyn_into::<Array>()
        .expect("an array")
        .to_vec()
}

/// `text.slice(span.start, span.end)` in JavaScript.
fn js_slice(text: &JsString, span: &JsValue) -> String {
    String::from(text.slice(num(span, "start"), num(span, "end")))
}

/// The message of the JavaScript `Error` a binding returned.
fn error_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let err = match result {
        Ok(v) => panic!("expected an Error, got {v:?}"),
        Err(e) => JsValue::from(e),
    };
    let err: js_sys::Error = err.dyn_into().expect("a real JavaScript Error");
    String::from(err.message())
}

/// Every span the JS API returns must cut the JS string exactly where the Rust
/// API's byte span cuts the Rust string: same quotes, speakers and sources.
fn assert_spans_agree(js: &JsValue, rust: &whosaid::Annotations, text: &str) {
    let jtext = JsString::from(text);
    let quotes = list(js, "quotes");
    assert_eq!(quotes.len(), rust.quotes.len(), "quote count");
    for (jq, rq) in quotes.iter().zip(&rust.quotes) {
        assert_eq!(js_slice(&jtext, jq), &text[rq.start..rq.end]);
        if let Some(cue) = rq.cue {
            assert_eq!(js_slice(&jtext, &get(jq, "cue")), &text[cue.start..cue.end]);
        } else {
            assert!(get(jq, "cue").is_null(), "cue should be null");
        }
        if let Some(m) = rq.mention {
            assert_eq!(js_slice(&jtext, &get(jq, "mention")), &text[m.start..m.end]);
        }
    }
    let speakers = list(js, "speakers");
    assert_eq!(speakers.len(), rust.speakers.len(), "speaker count");
    for (js_sp, rs) in speakers.iter().zip(&rust.speakers) {
        assert_eq!(
            get(js_sp, "name").as_string().as_deref(),
            Some(rs.name.as_str())
        );
        let mentions = list(js_sp, "mentions");
        assert_eq!(mentions.len(), rs.mentions.len());
        for (jm, rm) in mentions.iter().zip(&rs.mentions) {
            assert_eq!(js_slice(&jtext, jm), &text[rm.start..rm.end]);
        }
    }
    let sources = list(js, "sources");
    assert_eq!(sources.len(), rust.sources.len(), "source count");
    for (js_src, rs) in sources.iter().zip(&rust.sources) {
        for (jm, rm) in list(js_src, "mentions").iter().zip(&rs.mentions) {
            assert_eq!(js_slice(&jtext, jm), &text[rm.start..rm.end]);
        }
    }
}

#[wasm_bindgen_test]
fn emoji_and_accents_at_the_start_slice_exactly() {
    // Astral emoji (2 UTF-16 units, 4 bytes), a ZWJ sequence and accents before
    // the quote: byte, code point and UTF-16 offsets all differ here.
    let text = "👩🏽‍💻 Zoë said: “Ça va très bien.” Later, “Non,” said Émile Zola.";
    let out = annotate_js(text, JsValue::UNDEFINED).expect("annotate");
    let jtext = JsString::from(text);
    let quotes = list(&out, "quotes");
    let first = quotes.first().expect("a quote");
    assert_eq!(js_slice(&jtext, first), "Ça va très bien.");
    // The quote starts right after the opening mark, in UTF-16 units.
    let open = jtext.index_of("“", 0) as u32;
    assert_eq!(num(first, "start"), open + 1);
    assert_eq!(get(first, "kind").as_string().as_deref(), Some("direct"));
    assert!(quotes
        .iter()
        .any(|q| js_slice(&jtext, q) == "Non," || js_slice(&jtext, q) == "Non"));
    assert_spans_agree(&out, &whosaid::annotate(text), text);
}

#[wasm_bindgen_test]
fn speakers_are_indexed_and_named() {
    let text = "🎉 “We will rebuild,” said Ana Pérez, the mayor. “Every house,” she added.";
    let out = annotate_js(text, JsValue::NULL).expect("annotate");
    let jtext = JsString::from(text);
    let quotes = list(&out, "quotes");
    let speakers = list(&out, "speakers");
    let q = &quotes[0];
    let id = get(q, "speaker").as_f64().expect("attributed") as usize;
    assert_eq!(
        get(&speakers[id], "name").as_string().as_deref(),
        Some("Ana Pérez")
    );
    assert_eq!(
        get(&speakers[id], "kind").as_string().as_deref(),
        Some("person")
    );
    assert_eq!(js_slice(&jtext, &get(q, "cue")), "said");
    assert_eq!(js_slice(&jtext, &get(q, "mention")), "Ana Pérez");
    let confidence = get(q, "confidence").as_f64().expect("confidence");
    assert!((0.0..=1.0).contains(&confidence));
    assert!(!get(q, "rule").as_string().unwrap_or_default().is_empty());
    assert_spans_agree(&out, &whosaid::annotate(text), text);
}

#[wasm_bindgen_test]
fn the_result_is_plain_json_data() {
    // Plain objects and arrays, not Maps: JSON.stringify must see every field.
    let out = annotate_js("“Yes,” he said.", JsValue::UNDEFINED).expect("annotate");
    let json = String::from(js_sys::JSON::stringify(&out).expect("stringify"));
    for key in [
        "\"quotes\"",
        "\"speakers\"",
        "\"sources\"",
        "\"start\"",
        "\"rule\"",
    ] {
        assert!(json.contains(key), "{key} missing from {json}");
    }
    assert!(Object::get_prototype_of(&out) == Object::get_prototype_of(&Object::new()));
}

#[wasm_bindgen_test]
fn unknown_option_is_an_error_naming_it() {
    let opts = Object::new();
    Reflect::set(&opts, &"frobnicate".into(), &JsValue::TRUE).unwrap();
    let message = error_message(annotate_js("“Hi,” she said.", opts.into()));
    assert!(message.contains("frobnicate"), "message: {message}");
}

#[wasm_bindgen_test]
fn option_of_the_wrong_type_is_an_error_naming_it() {
    let opts = Object::new();
    Reflect::set(&opts, &"indirect".into(), &"yes".into()).unwrap();
    let message = error_message(annotate_js("“Hi,” she said.", opts.into()));
    assert!(message.contains("indirect"), "message: {message}");
    let message = error_message(annotate_js("x", JsValue::from_f64(5.0)));
    assert!(message.contains("options"), "message: {message}");
}

#[wasm_bindgen_test]
fn options_change_the_result() {
    let text = "The minister said the plan would fail.";
    let with = annotate_js(text, JsValue::UNDEFINED).expect("annotate");
    let opts = Object::new();
    Reflect::set(&opts, &"indirect".into(), &JsValue::FALSE).unwrap();
    let without = annotate_js(text, opts.into()).expect("annotate");
    assert!(list(&with, "quotes")
        .iter()
        .any(|q| get(q, "kind").as_string().as_deref() == Some("indirect")));
    assert!(list(&without, "quotes").is_empty());
}

#[wasm_bindgen_test]
fn markdown_offsets_point_into_the_markdown_source() {
    let md = "# 🎉 Élection\n\n**Zoë Martin** said: “Nous *allons* gagner.”\n\n> “C’est fini,” said [Jean Dupont](https://example.invalid).\n";
    let out = annotate_markdown_js(md, JsValue::UNDEFINED).expect("annotateMarkdown");
    let jmd = JsString::from(md);
    let quotes = list(&out, "quotes");
    let slices: Vec<String> = quotes.iter().map(|q| js_slice(&jmd, q)).collect();
    assert!(
        slices.iter().any(|s| s == "Nous *allons* gagner."),
        "{slices:?}"
    );
    assert!(
        slices.iter().any(|s| s.starts_with("C’est fini")),
        "{slices:?}"
    );
    assert_spans_agree(&out, &whosaid::annotate_markdown(md), md);
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets_aligned() {
    // A JS string with a lone surrogate before the quote: wasm-bindgen turns it
    // into U+FFFD (also one UTF-16 unit), so offsets still match the caller's string.
    let units: Vec<u16> = "x “Fine,” said Bo Li."
        .encode_utf16()
        .chain(std::iter::once(0))
        .collect();
    let mut units = units;
    units.pop();
    units.insert(0, 0xD800);
    let jtext = JsString::from_char_code(&units);
    let text: String = jtext.clone().into();
    let out = annotate_js(&text, JsValue::UNDEFINED).expect("annotate");
    let quotes = list(&out, "quotes");
    assert_eq!(js_slice(&jtext, &quotes[0]), "Fine,");
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}
