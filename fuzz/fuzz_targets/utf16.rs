//! Offset conversion: for every span `annotate` reports, UTF-16 and code-point
//! offsets equal a naive oracle, never split a surrogate pair, and cover the same
//! text. Also checks `convert_offset` on arbitrary (even non-boundary) offsets.
#![no_main]

#[path = "../invariants.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;
use whosaid::offsets::{convert, convert_offset, Unit};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let ann = whosaid::annotate(text);
    invariants::check_spans(text, &ann);
    invariants::check_utf16(text, &ann);
    // Code points: same oracle style.
    let before = invariants::all_spans(&ann);
    let after = invariants::all_spans(&convert(ann, text, Unit::Chars));
    for ((what, b), (_, c)) in before.iter().zip(&after) {
        assert_eq!(c.start, text[..b.start].chars().count(), "{what}: chars start");
        assert_eq!(c.end, text[..b.end].chars().count(), "{what}: chars end");
    }
    // convert_offset is total: any byte offset, even past the end or mid-char.
    for b in [0, 1, 2, 3, text.len() / 2, text.len(), text.len() + 7] {
        let u = convert_offset(text, b, Unit::Utf16);
        assert!(u <= text.encode_utf16().count());
    }
});
