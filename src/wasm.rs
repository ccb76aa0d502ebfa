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
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// Options as JavaScript passes them; unknown keys are an error naming the key.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct JsOptions {
    include_mentions: Option<bool>,
    indirect: Option<bool>,
    extra_cues: Option<Vec<String>>,
    extra_outlets: Option<Vec<String>>,
}

fn options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() {
        return Err(JsError::new("whosaid: options must be an object"));
    }
    let js: JsOptions = serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("whosaid: invalid option: {e}")))?;
    let mut o = Options::default();
    if let Some(v) = js.include_mentions {
        o.include_mentions = v;
    }
    if let Some(v) = js.indirect {
        o.indirect = v;
    }
    o.extra_cues = js.extra_cues.unwrap_or_default();
    o.extra_outlets = js.extra_outlets.unwrap_or_default();
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
