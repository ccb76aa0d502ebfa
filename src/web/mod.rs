//! Browser plumbing for the page (wasm32 only), built on `web-sys`.
//!
//! - [`view`]: the annotated article as DOM ([`ViewBuilder`]), on the main thread.
//! - [`editor`]: when to annotate what is typed, and the article kept in
//!   localStorage ([`Editor`]: gloo events, timers and storage), on the main thread.
//! - [`start_worker`]: the annotation service in the page's worker.
//!
//! [`start_worker`] turns the dedicated worker that `www/app/worker.js` starts
//! into the page's annotation service: once the JS side has instantiated the
//! module, Rust owns the worker's `onmessage`, reads each request, annotates it
//! and posts the result back. The JS shell keeps only what must happen before
//! wasm exists (loading it).
//!
//! Protocol (plain objects, see `www/app/engine.js`):
//! - in: `{type: "annotate", id, text, markdown}`
//! - out: `{type: "result", id, ann, ranges, ms}` where `ann` is the contract's
//!   `Annotations` with UTF-16 offsets and `ranges` its marks for
//!   [`ViewBuilder`], or `{type: "error", id, message}`.

pub mod editor;
pub mod view;
pub use editor::Editor;
pub use view::ViewBuilder;

use gloo::events::EventListener;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// One request from the page: `{type, id, text?, markdown?}`.
struct Request {
    kind: String,
    id: f64,
    text: String,
    markdown: bool,
}

impl Request {
    /// Reads a request (`text` defaults to empty, `markdown` to false); a
    /// missing or mistyped field is an error naming it. Read field by field
    /// rather than with serde: a serde deserializer links float formatting
    /// for its error messages, kilobytes of wasm for one number.
    fn read(data: &JsValue) -> Result<Request, String> {
        let get = |key: &str| Reflect::get(data, &JsValue::from_str(key)).unwrap_or_default();
        let optional = |key: &str| Some(get(key)).filter(|v| !v.is_undefined());
        let wrong = |key: &str, what: &str| format!("`{key}` must be {what}");
        Ok(Request {
            kind: get("type")
                .as_string()
                .ok_or_else(|| wrong("type", "a string"))?,
            id: get("id").as_f64().ok_or_else(|| wrong("id", "a number"))?,
            text: match optional("text") {
                Some(v) => v.as_string().ok_or_else(|| wrong("text", "a string"))?,
                None => String::new(),
            },
            markdown: match optional("markdown") {
                Some(v) => v.as_bool().ok_or_else(|| wrong("markdown", "a boolean"))?,
                None => false,
            },
        })
    }
}

/// Builds a reply object from `(key, value)` pairs.
fn reply(pairs: &[(&str, JsValue)]) -> Result<Object, JsValue> {
    let obj = Object::new();
    for (key, value) in pairs {
        Reflect::set(&obj, &JsValue::from_str(key), value)?;
    }
    Ok(obj)
}

fn error_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Annotates `text` (Markdown when `markdown`) with the default options and
/// returns `{ann, ranges}`: the contract's `Annotations` with UTF-16 offsets,
/// and the same marks flattened for [`ViewBuilder`] (a `Uint32Array`, see
/// [`view::encode`]). The worker calls this; so does the page when it has no
/// worker.
#[wasm_bindgen(js_name = annotateForView)]
pub fn annotate_for_view(text: &str, markdown: bool) -> Result<JsValue, JsValue> {
    let opts = crate::Options::default();
    let ann = if markdown {
        crate::markdown::annotate_markdown_with(text, &opts)
    } else {
        crate::annotate_with(text, &opts)
    };
    let ann = crate::offsets::convert(ann, text, crate::offsets::Unit::Utf16);
    let ranges = js_sys::Uint32Array::from(view::encode(&ann).as_slice());
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    let ann_js = serde::Serialize::serialize(&ann, &ser)
        .map_err(|e| JsValue::from(JsError::new(&e.to_string())))?;
    Ok(reply(&[("ann", ann_js), ("ranges", ranges.into())])?.into())
}

/// Answers one message; requests other than `annotate` are ignored.
fn handle(scope: &DedicatedWorkerGlobalScope, data: JsValue) -> Result<(), JsValue> {
    let req = Request::read(&data)
        .map_err(|e| JsValue::from_str(&format!("whosaid worker: bad request: {e}")))?;
    if req.kind != "annotate" {
        return Ok(());
    }
    let perf = scope.performance();
    let t0 = perf.as_ref().map_or(0.0, |p| p.now());
    let result = annotate_for_view(&req.text, req.markdown);
    let ms = perf.as_ref().map_or(0.0, |p| p.now()) - t0;
    let id = JsValue::from_f64(req.id);
    let out = match result {
        Ok(both) => {
            let out = Object::from(both);
            Reflect::set(&out, &"type".into(), &"result".into())?;
            Reflect::set(&out, &"id".into(), &id)?;
            Reflect::set(&out, &"ms".into(), &JsValue::from_f64(ms))?;
            out
        }
        Err(e) => reply(&[
            ("type", "error".into()),
            ("id", id),
            ("message", JsValue::from_str(&error_message(&e))),
        ])?,
    };
    scope.post_message(&out)
}

/// Makes this dedicated worker answer annotation requests. Call once, after
/// the module is initialised, from inside a worker; it clears `onmessage` and
/// listens for messages itself (gloo-events).
#[wasm_bindgen(js_name = startWorker)]
pub fn start_worker() -> Result<(), JsValue> {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().dyn_into().map_err(|_| {
        JsValue::from_str("whosaid: startWorker() must run inside a dedicated worker")
    })?;
    let me = scope.clone();
    let listener = EventListener::new(&scope, "message", move |event| {
        let Some(event) = event.dyn_ref::<MessageEvent>() else {
            return;
        };
        if let Err(e) = handle(&me, event.data()) {
            // A request we could not even read: report it without an id.
            let msg = error_message(&e);
            if let Ok(out) = reply(&[
                ("type", "error".into()),
                ("id", JsValue::NULL),
                ("message", msg.into()),
            ]) {
                let _ = me.post_message(&out);
            }
        }
    });
    // The JS loader's own `onmessage` (which handled "init") steps aside.
    scope.set_onmessage(None);
    // The listener lives as long as the worker.
    listener.forget();
    Ok(())
}
