//! `annotate` on any text: no panic, spans in bounds and on char boundaries, ids
//! consistent, deterministic, UTF-16 conversion exact.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Lossy decoding turns invalid UTF-8 into U+FFFD, as a browser does with a
    // lone surrogate from JS: more of the input reaches the engine.
    let text = String::from_utf8_lossy(data);
    invariants::check_text(&text);
});
