//! `annotate_markdown` on any text: no panic, spans on char boundaries of the
//! Markdown source, ids consistent, deterministic.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::check_markdown(&text);
});
