//! Offset conversion: UTF-8 bytes (the core's unit) to UTF-16 code units
//! (JavaScript's `String` indices) or Unicode code points (Python's `str`).
//!
//! Conversion is one pass over the text for all offsets of an [`Annotations`]
//! (sorted once), skipped entirely for pure-ASCII text, where all three units agree.

use crate::{Annotations, Span};

/// The unit offsets are counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes (Rust, the CLI's default).
    Utf8,
    /// UTF-16 code units (JavaScript).
    Utf16,
    /// Unicode scalar values (Python `str` indices).
    Chars,
}

/// Converts every offset of `ann`, computed on `text`, from UTF-8 bytes to `unit`.
///
/// ```
/// use whosaid::offsets::{convert, Unit};
/// let text = "😀 \"Olé,\" said Ana.";
/// let ann = convert(whosaid::annotate(text), text, Unit::Utf16);
/// let utf16: Vec<u16> = text.encode_utf16().collect();
/// let q = &ann.quotes[0];
/// assert_eq!(String::from_utf16_lossy(&utf16[q.start..q.end]), "Olé,");
/// ```
pub fn convert(mut ann: Annotations, text: &str, unit: Unit) -> Annotations {
    if unit == Unit::Utf8 || text.is_ascii() {
        return ann;
    }
    let mut offsets: Vec<usize> = Vec::new();
    visit(&mut ann, &mut |o| offsets.push(*o));
    let map = OffsetMap::new(text, offsets, unit);
    visit(&mut ann, &mut |o| *o = map.get(*o));
    ann
}

/// Converts one byte offset into `unit` (linear in the offset; for many offsets
/// use [`convert`]).
pub fn convert_offset(text: &str, byte: usize, unit: Unit) -> usize {
    let prefix = text.get(..byte.min(text.len())).unwrap_or(text);
    match unit {
        Unit::Utf8 => prefix.len(),
        Unit::Utf16 => prefix.encode_utf16().count(),
        Unit::Chars => prefix.chars().count(),
    }
}

/// Converts a code-point offset (as in gold files) to a byte offset; offsets past
/// the end map to `text.len()`.
pub fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map(|(b, _)| b)
        .unwrap_or(text.len())
}

fn visit(ann: &mut Annotations, f: &mut impl FnMut(&mut usize)) {
    fn span(s: &mut Span, f: &mut impl FnMut(&mut usize)) {
        f(&mut s.start);
        f(&mut s.end);
    }
    for q in &mut ann.quotes {
        f(&mut q.start);
        f(&mut q.end);
        for s in [&mut q.cue, &mut q.mention, &mut q.antecedent]
            .into_iter()
            .flatten()
        {
            span(s, f);
        }
    }
    for s in &mut ann.speakers {
        for m in &mut s.mentions {
            span(m, f);
        }
    }
    for s in &mut ann.sources {
        for m in &mut s.mentions {
            span(m, f);
        }
    }
}

/// A sorted table from byte offsets to converted offsets, built in one pass.
struct OffsetMap {
    keys: Vec<usize>,
    values: Vec<usize>,
}

impl OffsetMap {
    fn new(text: &str, mut offsets: Vec<usize>, unit: Unit) -> OffsetMap {
        offsets.sort_unstable();
        offsets.dedup();
        let mut values = Vec::with_capacity(offsets.len());
        let mut byte = 0usize;
        let mut out = 0usize;
        let mut chars = text.chars();
        for &target in &offsets {
            while byte < target {
                let Some(c) = chars.next() else { break };
                byte += c.len_utf8();
                out += match unit {
                    Unit::Utf8 => c.len_utf8(),
                    Unit::Utf16 => c.len_utf16(),
                    Unit::Chars => 1,
                };
            }
            values.push(out);
        }
        OffsetMap {
            keys: offsets,
            values,
        }
    }

    fn get(&self, byte: usize) -> usize {
        match self.keys.binary_search(&byte) {
            Ok(i) => self.values[i],
            Err(_) => byte,
        }
    }
}
