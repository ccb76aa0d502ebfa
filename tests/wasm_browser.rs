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

// ---- The page's Rust side (src/web/): the view builder and the editor.

/// `root.querySelectorAll(selector)` as elements (web-sys's NodeList is not
/// among the crate's features).
fn select(root: &JsValue, selector: &str) -> Vec<web_sys::Element> {
    let f: js_sys::Function = get(root, "querySelectorAll")
        .dyn_into()
        .expect("a function");
    let list = f
        .call1(root, &JsValue::from_str(selector))
        .expect("querySelectorAll");
    Array::from(&list)
        .to_vec()
        .into_iter()
        .map(|e| e.dyn_into().expect("an element"))
        .collect()
}

/// The engine's answer for `text` (`{ann, ranges}`) and the view built from it.
fn build_view(text: &JsString, markdown: bool) -> (JsValue, web_sys::DocumentFragment) {
    let both = whosaid::web::annotate_for_view(&String::from(text), markdown).expect("annotate");
    let ranges: Vec<u32> = js_sys::Uint32Array::from(get(&both, "ranges")).to_vec();
    let mut builder =
        whosaid::web::ViewBuilder::new(text.clone(), &ranges, markdown).expect("builder");
    // A few segments at a time, as the page does for big articles.
    while !builder.step(7).expect("step") {}
    (get(&both, "ann"), builder.fragment())
}

#[wasm_bindgen_test]
fn the_view_is_the_text_exactly_with_each_quote_marked() {
    let text = JsString::from(
        "😀 Zoë first.\n\n\"Café, naïve,\" said Zoë Ångström. \"We will win,\" she added.\n\n\"Nobody will lose,\" said John Smith.",
    );
    let (ann, view) = build_view(&text, false);
    assert_eq!(view.text_content(), Some(String::from(&text)));
    let quotes = list(&ann, "quotes");
    assert!(quotes.len() >= 3, "{} quotes", quotes.len());
    let mut colour_of = std::collections::HashMap::new();
    for q in &quotes {
        let id = get(q, "id").as_f64().expect("id");
        let pieces = select(&view, &format!(".q[data-quote-id=\"{id}\"]"));
        let shown: String = pieces.iter().filter_map(|p| p.text_content()).collect();
        assert_eq!(shown, js_slice(&text, q), "quote {id}");
        // One tab stop per quote, on its first piece.
        assert_eq!(pieces[0].get_attribute("tabindex").as_deref(), Some("0"));
        assert_eq!(
            pieces[0].get_attribute("data-kind"),
            get(q, "kind").as_string()
        );
        let speaker = get(q, "speaker").as_f64().map(|s| s.to_string());
        assert_eq!(pieces[0].get_attribute("data-speaker-id"), speaker);
        if let Some(s) = speaker {
            let class = pieces[0].class_name();
            let colour = class
                .split(' ')
                .find(|c| c.starts_with('c'))
                .map(str::to_string);
            assert!(colour.is_some(), "quote {id}: {class}");
            assert_eq!(
                colour_of.entry(s).or_insert_with(|| colour.clone()),
                &colour
            );
        }
    }
    let colours: std::collections::HashSet<_> = colour_of.values().collect();
    assert_eq!(colours.len(), colour_of.len(), "one colour per speaker");
    // Cues and speaker mentions carry their offset.
    for cue in select(&view, ".cue") {
        let start: u32 = cue
            .get_attribute("data-start")
            .expect("data-start")
            .parse()
            .expect("a number");
        let end = start
            + cue
                .text_content()
                .map_or(0, |t| t.encode_utf16().count() as u32);
        assert_eq!(
            cue.text_content(),
            Some(String::from(text.slice(start, end)))
        );
    }
    assert!(!select(&view, ".spk[data-speaker-id]").is_empty());
}

#[wasm_bindgen_test]
fn a_lone_surrogate_is_kept_as_it_is_in_the_view() {
    // A JS string with an unpaired high surrogate: the view shows the caller's
    // string, unit for unit (the engine reads it as U+FFFD, one unit too).
    let text = JsString::from_char_code(&[
        0xD83D, 0x20, 0x22, 0x48, 0x69, 0x2C, 0x22, 0x20, 0x73, 0x68, 0x65, 0x20, 0x73, 0x61, 0x69,
        0x64, 0x2E,
    ]);
    let (_, view) = build_view(&text, false);
    // Read as a JS string: web-sys's `text_content()` would already be lossy.
    let shown: JsString = get(&view, "textContent").dyn_into().expect("a string");
    assert_eq!(shown.length(), text.length());
    assert_eq!(shown.char_code_at(0), 0xD83D as f64);
}

fn textarea() -> web_sys::HtmlTextAreaElement {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    doc.create_element("textarea")
        .expect("textarea")
        .dyn_into()
        .expect("a textarea")
}

#[wasm_bindgen_test]
fn the_editor_restores_the_saved_text_into_an_empty_input_only() {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("storage");
    storage
        .set_item("whosaid:text", "\"Hi,\" she said.")
        .expect("set");
    storage.set_item("whosaid:mode", "markdown").expect("set");
    let noop = js_sys::Function::new_no_args("");
    let input = textarea();
    let editor =
        whosaid::web::Editor::new(input.clone(), noop.clone(), noop.clone()).expect("editor");
    assert!(editor.restore());
    assert_eq!(input.value(), "\"Hi,\" she said.");
    assert_eq!(editor.saved_mode().as_deref(), Some("markdown"));
    // Something typed already wins over the saved text.
    let typed = textarea();
    typed.set_value("mine");
    let other = whosaid::web::Editor::new(typed.clone(), noop.clone(), noop).expect("editor");
    assert!(!other.restore());
    assert_eq!(typed.value(), "mine");
    // Clear forgets it.
    editor.forget();
    assert_eq!(storage.get_item("whosaid:text").expect("get"), None);
    storage.remove_item("whosaid:mode").expect("remove");
}
