//! The contract's invariants on [`whosaid::Annotations`], checked the same way by the
//! property tests (`tests/properties.rs`), the hostile-input tests
//! (`tests/hostile.rs`) and the fuzz targets (`fuzz/fuzz_targets/*.rs`), which all
//! include this file with `#[path]`.
//!
//! Each check panics with a message naming the broken invariant, so a failing
//! proptest case or fuzz crash says what went wrong, not only where.
#![allow(dead_code)]

use whosaid::offsets::{convert, Unit};
use whosaid::{Annotations, Span};

/// Every offset of `ann` with a label saying where it came from, in a fixed order.
pub fn all_spans(ann: &Annotations) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for q in &ann.quotes {
        out.push((
            format!("quote {}", q.id),
            Span {
                start: q.start,
                end: q.end,
            },
        ));
        if let Some(s) = q.cue {
            out.push((format!("quote {} cue", q.id), s));
        }
        if let Some(s) = q.mention {
            out.push((format!("quote {} mention", q.id), s));
        }
        if let Some(s) = q.antecedent {
            out.push((format!("quote {} antecedent", q.id), s));
        }
    }
    for sp in &ann.speakers {
        for (k, m) in sp.mentions.iter().enumerate() {
            out.push((format!("speaker {} mention {k}", sp.id), *m));
        }
    }
    for so in &ann.sources {
        for (k, m) in so.mentions.iter().enumerate() {
            out.push((format!("source {} mention {k}", so.id), *m));
        }
    }
    out
}

/// Spans inside `text`, `start <= end`, both ends on `char` boundaries.
pub fn check_spans(text: &str, ann: &Annotations) {
    for (what, s) in all_spans(ann) {
        assert!(
            s.start <= s.end,
            "{what}: start {} > end {}",
            s.start,
            s.end
        );
        assert!(
            s.end <= text.len(),
            "{what}: end {} past text length {}",
            s.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(s.start),
            "{what}: start {} not on a char boundary",
            s.start
        );
        assert!(
            text.is_char_boundary(s.end),
            "{what}: end {} not on a char boundary",
            s.end
        );
    }
}

/// Ids equal indices; every speaker / source / continues index points at something;
/// the mentions of a speaker or source are in text order, each once.
pub fn check_ids(ann: &Annotations) {
    for (i, q) in ann.quotes.iter().enumerate() {
        assert_eq!(q.id, i, "quote id {} at index {i}", q.id);
        if let Some(s) = q.speaker {
            assert!(
                s < ann.speakers.len(),
                "quote {i}: speaker {s} of {}",
                ann.speakers.len()
            );
        }
        if let Some(s) = q.source {
            assert!(
                s < ann.sources.len(),
                "quote {i}: source {s} of {}",
                ann.sources.len()
            );
        }
        if let Some(c) = q.continues {
            assert!(
                c < ann.quotes.len() && c != i,
                "quote {i}: continues {c} of {}",
                ann.quotes.len()
            );
        }
        assert!(
            q.confidence.is_finite() && (0.0..=1.0).contains(&q.confidence),
            "quote {i}: confidence {}",
            q.confidence
        );
        assert!(!q.rule.is_empty(), "quote {i}: empty rule");
    }
    for (i, s) in ann.speakers.iter().enumerate() {
        assert_eq!(s.id, i, "speaker id {} at index {i}", s.id);
        assert!(
            s.mentions.windows(2).all(|w| w[0] < w[1]),
            "speaker {i}: mentions not in text order or repeated: {:?}",
            s.mentions
        );
    }
    for (i, s) in ann.sources.iter().enumerate() {
        assert_eq!(s.id, i, "source id {} at index {i}", s.id);
        assert!(
            s.mentions.windows(2).all(|w| w[0] < w[1]),
            "source {i}: mentions not in text order or repeated: {:?}",
            s.mentions
        );
    }
}

/// UTF-16 conversion agrees with a naive oracle on every offset, never lands inside
/// a surrogate pair, and maps every span to the same text.
pub fn check_utf16(text: &str, ann: &Annotations) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let before = all_spans(ann);
    let after = all_spans(&convert(ann.clone(), text, Unit::Utf16));
    assert_eq!(
        before.len(),
        after.len(),
        "conversion changed the number of spans"
    );
    let oracle = |off: usize| text[..off].encode_utf16().count();
    for ((what, b), (_, u)) in before.iter().zip(&after) {
        assert_eq!(u.start, oracle(b.start), "{what}: utf16 start");
        assert_eq!(u.end, oracle(b.end), "{what}: utf16 end");
        for o in [u.start, u.end] {
            let splits = units.get(o).is_some_and(|c| (0xDC00..0xE000).contains(c));
            assert!(!splits, "{what}: utf16 offset {o} splits a surrogate pair");
        }
        let back = String::from_utf16(&units[u.start..u.end]).expect("utf16 span decodes");
        assert_eq!(
            back,
            &text[b.start..b.end],
            "{what}: utf16 span maps to other text"
        );
    }
}

/// Everything [`whosaid::annotate`] promises on `text`: spans, ids, determinism,
/// UTF-16 conversion. Returns the annotations for further checks.
pub fn check_text(text: &str) -> Annotations {
    let ann = whosaid::annotate(text);
    check_spans(text, &ann);
    check_ids(&ann);
    let again = whosaid::annotate(text);
    assert!(ann == again, "annotate is not deterministic");
    check_utf16(text, &ann);
    ann
}

/// Everything [`whosaid::annotate_markdown`] promises: spans on char boundaries of
/// the Markdown source, ids, determinism.
pub fn check_markdown(markdown: &str) -> Annotations {
    let ann = whosaid::annotate_markdown(markdown);
    check_spans(markdown, &ann);
    check_ids(&ann);
    let again = whosaid::annotate_markdown(markdown);
    assert!(ann == again, "annotate_markdown is not deterministic");
    ann
}

/// Quote spans never cross: two quotes are disjoint or one lies inside the other
/// (issue 3: "never overlap wrongly").
pub fn check_quote_nesting(ann: &Annotations) {
    let mut spans: Vec<(usize, usize, usize)> =
        ann.quotes.iter().map(|q| (q.start, q.end, q.id)).collect();
    spans.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    // A stack of enclosing spans: each new span must fit in the innermost open one
    // or start after it ends.
    let mut stack: Vec<(usize, usize, usize)> = Vec::new();
    for &(s, e, id) in &spans {
        while stack.last().is_some_and(|&(_, pe, _)| pe <= s) {
            stack.pop();
        }
        if let Some(&(ps, pe, pid)) = stack.last() {
            assert!(
                e <= pe,
                "quote {id} [{s}, {e}) crosses quote {pid} [{ps}, {pe})"
            );
        }
        stack.push((s, e, id));
    }
}
