//! The page's editor side (main thread, wasm32 only): when to annotate what is
//! typed, and keeping the article across reloads.
//!
//! [`Editor`] watches `#input` with gloo-events. A paste or a drop asks for an
//! annotation at once; typing asks once it pauses for [`TYPING_PAUSE_MS`]
//! (a gloo-timers `Timeout`, restarted by each keystroke). Every change also
//! schedules a save of the text in localStorage (gloo-storage), off the
//! paste-to-coloured path: [`SAVE_DELAY_MS`] after the first unsaved change,
//! when the page is next idle, so at most once a second however fast the
//! typing; `pagehide` saves at once. What to annotate and how to draw it stays
//! with the page (`www/app/main.js`), which passes two callbacks:
//! `onChange(atOnce)` (annotate `#input` now; `atOnce` after a paste or a drop)
//! and `onError(message)` (show a message).
//!
//! Storage: the text and the input format are stored as they are, one string
//! under [`TEXT_KEY`] and one under [`MODE_KEY`], through gloo-storage's
//! `LocalStorage` (its handle and `delete`). Its typed `get`/`set` would store
//! JSON through serde_json, whose string deserializer alone adds 9 KB to the
//! gzipped wasm (measured): too dear for two strings. A failure (storage full,
//! disabled or missing) never throws: it becomes `onError` and the page
//! carries on.

use gloo::events::EventListener;
use gloo::storage::{LocalStorage, Storage};
use gloo::timers::callback::Timeout;
use js_sys::Function;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlTextAreaElement, IdleRequestOptions, InputEvent};

/// Pause in typing after which the text is annotated.
pub const TYPING_PAUSE_MS: u32 = 150;
/// Delay between the first unsaved change and the save (then when idle).
pub const SAVE_DELAY_MS: u32 = 1000;
/// Longest wait for an idle moment before saving anyway.
const IDLE_TIMEOUT_MS: u32 = 2000;
/// localStorage key of the article.
pub const TEXT_KEY: &str = "whosaid:text";
/// localStorage key of the input format (`auto`, `text` or `markdown`).
pub const MODE_KEY: &str = "whosaid:mode";

/// The shared state of an [`Editor`] and its listeners and timers.
struct Inner {
    input: HtmlTextAreaElement,
    on_change: Function,
    on_error: Function,
    /// The pending typing pause, if any (dropping it cancels it).
    typing: RefCell<Option<Timeout>>,
    /// The pending save delay, if any.
    saving: RefCell<Option<Timeout>>,
    /// A save is scheduled (delay or idle callback) and has not run yet.
    unsaved: Cell<bool>,
    /// Bumped by `forget`: a save scheduled before it does nothing.
    epoch: Cell<u32>,
}

/// Watches the page's text area: debounced annotation requests and the
/// article saved in localStorage. See the [module docs](self).
#[wasm_bindgen]
pub struct Editor {
    inner: Rc<Inner>,
    _listeners: [EventListener; 2],
}

/// localStorage, when this page may use it (`None` when it is disabled or
/// missing; gloo-storage itself would throw then).
fn storage_ok() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// The string saved under `key`, if any.
fn load(key: &str) -> Option<String> {
    if !storage_ok() {
        return None;
    }
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Saves `value` under `key` (an empty text removes the key). The error names
/// what the browser threw (`QuotaExceededError`, `SecurityError`).
fn store(key: &str, value: &str) -> Result<(), String> {
    if !storage_ok() {
        return Err("storage is disabled".to_string());
    }
    if value.is_empty() {
        LocalStorage::delete(key);
        return Ok(());
    }
    LocalStorage::raw().set_item(key, value).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map_or_else(|| "unknown error".to_string(), |e| String::from(e.name()))
    })
}

impl Inner {
    fn report(&self, message: &str) {
        let _ = self
            .on_error
            .call1(&JsValue::NULL, &JsValue::from_str(message));
    }

    /// Asks the page to annotate now; `at_once` for a paste or a drop (a
    /// discrete action), not for a pause in typing.
    fn change_now(&self, at_once: bool) {
        let _ = self
            .on_change
            .call1(&JsValue::NULL, &JsValue::from_bool(at_once));
    }

    /// Saves the text now; reports a failure.
    fn save(&self) {
        self.unsaved.set(false);
        self.saving.borrow_mut().take();
        if let Err(e) = store(TEXT_KEY, &self.input.value()) {
            self.report(&format!(
                "Could not save the text in this browser (storage full or disabled: {e})."
            ));
        }
    }

    /// Schedules a save unless one is pending: after SAVE_DELAY_MS, then when idle.
    fn save_soon(self: &Rc<Self>) {
        if self.unsaved.replace(true) {
            return;
        }
        let me = Rc::clone(self);
        let epoch = self.epoch.get();
        let timer = Timeout::new(SAVE_DELAY_MS, move || {
            let me2 = Rc::clone(&me);
            let save = Closure::once_into_js(move || {
                if me2.epoch.get() == epoch && me2.unsaved.get() {
                    me2.save();
                }
            });
            let opts = IdleRequestOptions::new();
            opts.set_timeout(IDLE_TIMEOUT_MS);
            let idle = web_sys::window()
                .map(|w| w.request_idle_callback_with_options(save.unchecked_ref(), &opts));
            // No requestIdleCallback in this browser: save now.
            if !matches!(idle, Some(Ok(_))) && me.epoch.get() == epoch && me.unsaved.get() {
                me.save();
            }
        });
        *self.saving.borrow_mut() = Some(timer);
    }

    /// Restarts the typing pause.
    fn typed(self: &Rc<Self>) {
        let me = Rc::clone(self);
        let timer = Timeout::new(TYPING_PAUSE_MS, move || me.change_now(false));
        // Replacing the previous timeout cancels it.
        *self.typing.borrow_mut() = Some(timer);
    }

    fn cancel_typing(&self) {
        self.typing.borrow_mut().take();
    }
}

#[wasm_bindgen]
impl Editor {
    /// Starts watching `input`. `on_change(at_once)` is called when its text
    /// should be annotated now (`at_once`: after a paste or a drop rather than
    /// a pause in typing); `on_error(message)` when saving failed.
    #[wasm_bindgen(constructor)]
    pub fn new(
        input: HtmlTextAreaElement,
        on_change: Function,
        on_error: Function,
    ) -> Result<Editor, JsValue> {
        let window = web_sys::window().ok_or_else(|| JsError::new("whosaid: no window"))?;
        let inner = Rc::new(Inner {
            input,
            on_change,
            on_error,
            typing: RefCell::new(None),
            saving: RefCell::new(None),
            unsaved: Cell::new(false),
            epoch: Cell::new(0),
        });
        let me = Rc::clone(&inner);
        let on_input = EventListener::new(&inner.input, "input", move |event| {
            let at_once = event
                .dyn_ref::<InputEvent>()
                .map(InputEvent::input_type)
                .is_some_and(|t| t == "insertFromPaste" || t == "insertFromDrop");
            if at_once {
                me.cancel_typing();
                me.change_now(true);
            } else {
                me.typed();
            }
            me.save_soon();
        });
        let me = Rc::clone(&inner);
        // Leaving the page saves whatever is there, pending or not.
        let on_hide = EventListener::new(&window, "pagehide", move |_| me.save());
        Ok(Editor {
            inner,
            _listeners: [on_input, on_hide],
        })
    }

    /// Puts the saved article into the input if the input is empty. Returns
    /// whether it did.
    pub fn restore(&self) -> bool {
        if !self.inner.input.value().is_empty() {
            return false;
        }
        match load(TEXT_KEY) {
            Some(text) if !text.is_empty() => {
                self.inner.input.set_value(&text);
                true
            }
            _ => false,
        }
    }

    /// The saved input format, if any.
    #[wasm_bindgen(js_name = savedMode)]
    pub fn saved_mode(&self) -> Option<String> {
        load(MODE_KEY)
    }

    /// Saves the input format now (it is tiny); reports a failure.
    #[wasm_bindgen(js_name = saveMode)]
    pub fn save_mode(&self, mode: &str) {
        if let Err(e) = store(MODE_KEY, mode) {
            self.inner.report(&format!(
                "Could not save the format in this browser (storage full or disabled: {e})."
            ));
        }
    }

    /// The page changed the text itself (a sample, a file, a rich paste) and
    /// annotates it now: drops a pending typing pause and schedules a save.
    pub fn changed(&self) {
        self.inner.cancel_typing();
        self.inner.save_soon();
    }

    /// Forgets the saved article (the Clear button): cancels what is pending
    /// and removes it from storage.
    pub fn forget(&self) {
        let inner = &self.inner;
        inner.cancel_typing();
        inner.epoch.set(inner.epoch.get().wrapping_add(1));
        inner.unsaved.set(false);
        inner.saving.borrow_mut().take();
        if storage_ok() {
            LocalStorage::delete(TEXT_KEY);
        }
    }
}
