//! WebAssembly bindings (wasm32 only): the JavaScript API of the npm package.
//!
//! Every offset crossing into JavaScript is a UTF-16 code unit, matching
//! JavaScript string indexing: `text.slice(q.start, q.end)` is the quote. The
//! conversion is done once, here, by [`crate::offsets::convert`]. Strings coming
//! from JavaScript with lone surrogates arrive with each replaced by U+FFFD, which
//! is one UTF-16 unit too, so offsets still line up with the caller's string.
//! Errors are returned as real JavaScript `Error`s.

use crate::offsets::{convert, Unit};
use crate::Options;
use wasm_bindgen::prelude::*;

/// The option names JavaScript may pass, with the type each must have.
const OPTION_NAMES: &[(&str, &str)] = &[
    ("includeMentions", "a boolean"),
    ("indirect", "a boolean"),
    ("extraCues", "an array of strings"),
    ("extraOutlets", "an array of strings"),
    ("extraFemaleNames", "an array of strings"),
    ("extraMaleNames", "an array of strings"),
];

fn bool_option(value: &JsValue, name: &str) -> Result<Option<bool>, JsError> {
    if value.is_undefined() {
        return Ok(None);
    }
    value
        .as_bool()
        .map(Some)
        .ok_or_else(|| JsError::new(&format!("whosaid: option `{name}` must be a boolean")))
}

fn strings_option(value: &JsValue, name: &str) -> Result<Vec<String>, JsError> {
    if value.is_undefined() {
        return Ok(Vec::new());
    }
    let err = || {
        JsError::new(&format!(
            "whosaid: option `{name}` must be an array of strings"
        ))
    };
    if !js_sys::Array::is_array(value) {
        return Err(err());
    }
    js_sys::Array::from(value)
        .iter()
        .map(|v| v.as_string().ok_or_else(err))
        .collect()
}

/// Reads and validates the options object: an unknown key or a wrongly typed
/// value is an `Error` naming the option.
fn options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(JsError::new("whosaid: options must be an object"));
    }
    let obj = js_sys::Object::from(value.clone());
    for key in js_sys::Object::keys(&obj).iter() {
        let key = key.as_string().unwrap_or_default();
        if !OPTION_NAMES.iter().any(|(n, _)| *n == key) {
            let known: Vec<&str> = OPTION_NAMES.iter().map(|(n, _)| *n).collect();
            return Err(JsError::new(&format!(
                "whosaid: unknown option `{key}` (known options: {})",
                known.join(", ")
            )));
        }
    }
    let get = |name: &str| {
        js_sys::Reflect::get(&value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    };
    let mut o = Options::default();
    if let Some(v) = bool_option(&get("includeMentions"), "includeMentions")? {
        o.include_mentions = v;
    }
    if let Some(v) = bool_option(&get("indirect"), "indirect")? {
        o.indirect = v;
    }
    o.extra_cues = strings_option(&get("extraCues"), "extraCues")?;
    o.extra_outlets = strings_option(&get("extraOutlets"), "extraOutlets")?;
    o.extra_female_names = strings_option(&get("extraFemaleNames"), "extraFemaleNames")?;
    o.extra_male_names = strings_option(&get("extraMaleNames"), "extraMaleNames")?;
    Ok(o)
}

fn to_js(ann: &crate::Annotations) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(ann, &ser).map_err(|e| JsError::new(&e.to_string()))
}

/// Annotates plain text. Offsets are UTF-16 code units.
#[wasm_bindgen(js_name = annotate)]
pub fn annotate_js(text: &str, options_value: JsValue) -> Result<JsValue, JsError> {
    let opts = options(options_value)?;
    let ann = crate::annotate_with(text, &opts);
    to_js(&convert(ann, text, Unit::Utf16))
}

/// Annotates Markdown. Offsets are UTF-16 code units into the Markdown source.
#[wasm_bindgen(js_name = annotateMarkdown)]
pub fn annotate_markdown_js(markdown: &str, options_value: JsValue) -> Result<JsValue, JsError> {
    let opts = options(options_value)?;
    let ann = crate::markdown::annotate_markdown_with(markdown, &opts);
    to_js(&convert(ann, markdown, Unit::Utf16))
}

/// The crate version, for the page's footer and bug reports.
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
