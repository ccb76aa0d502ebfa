//! Hostile input (issue 7): huge pastes, NUL and control characters, what lone
//! surrogates from JavaScript become, right-to-left text, zero-width characters, a
//! million quote marks, apostrophe storms, one giant paragraph, one word per line.
//! Each must return valid output: spans inside the text on char boundaries,
//! consistent ids, deterministic, exact UTF-16 conversion (`fuzz/invariants.rs`).
//!
//! No wall-clock assertions here (the machine is shared and noisy): time is
//! measured by `benches/pipeline.rs`. Sizes are small in debug builds so `make
//! test` stays quick; `make test-hostile` runs this file in release with the full
//! sizes (10 MB, a million marks) and the release-only tests.
//!
//! Every fuzz crash becomes a named test at the end of this file.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../benches/support/gen.rs"]
mod gen;
#[path = "../fuzz/invariants.rs"]
mod invariants;

use whosaid::offsets::{convert, Unit};
use whosaid::Annotations;

/// Full size in release, a small fraction in debug.
fn size(release: usize) -> usize {
    if cfg!(debug_assertions) {
        (release / 64).max(4096)
    } else {
        release
    }
}

/// The invariants, with a one-pass UTF-16 oracle for large texts (the naive
/// prefix-count oracle of `invariants::check_utf16` is quadratic in the number of
/// spans times the length).
fn check(text: &str) -> Annotations {
    if text.len() <= 64 * 1024 {
        return invariants::check_text(text);
    }
    let ann = whosaid::annotate(text);
    invariants::check_spans(text, &ann);
    invariants::check_ids(&ann);
    assert!(
        ann == whosaid::annotate(text),
        "annotate is not deterministic"
    );
    let before = invariants::all_spans(&ann);
    let after = invariants::all_spans(&convert(ann.clone(), text, Unit::Utf16));
    let mut offsets: Vec<usize> = before.iter().flat_map(|(_, s)| [s.start, s.end]).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut expect = std::collections::HashMap::new();
    let (mut byte, mut unit) = (0usize, 0usize);
    let mut chars = text.chars();
    for &o in &offsets {
        while byte < o {
            let c = chars.next().expect("offset inside the text");
            byte += c.len_utf8();
            unit += c.len_utf16();
        }
        assert_eq!(byte, o, "offset {o} not on a char boundary");
        expect.insert(o, unit);
    }
    for ((what, b), (_, u)) in before.iter().zip(&after) {
        assert_eq!(
            (u.start, u.end),
            (expect[&b.start], expect[&b.end]),
            "{what}: utf16 offsets"
        );
    }
    ann
}

/// No quote crosses a blank line (for texts where no paragraph re-opens a mark,
/// so no quote may run over several paragraphs).
fn assert_no_runaway_quote(text: &str, ann: &Annotations) {
    for q in &ann.quotes {
        let body = &text[q.start..q.end];
        assert!(
            !body.contains("\n\n"),
            "quote {} ({:?}) swallows paragraphs: {:?}",
            q.id,
            q.kind,
            body.chars().take(80).collect::<String>()
        );
    }
}

#[test]
fn nul_and_control_characters() {
    check(&gen::with_controls(size(1_000_000)));
    check("\0\0\0\"\0\" said\0 Ren.\0");
    check(
        &(0u8..0x20)
            .map(char::from)
            .chain(['\u{7f}', '\u{85}', '\u{9f}'])
            .collect::<String>()
            .repeat(50),
    );
}

#[test]
fn lone_surrogates_from_js_become_replacement_chars() {
    // JS strings may hold lone surrogates; on the way to Rust they become U+FFFD.
    check(&gen::replacement_chars(size(1_000_000)));
    let from_js = String::from_utf16_lossy(&[
        0xD800, 0x22, 0x48, 0x69, 0x22, 0x20, 0xDC00, 0x73, 0x61, 0x69, 0x64,
    ]);
    check(&from_js);
}

#[test]
fn right_to_left_text() {
    check(&gen::rtl(size(1_000_000)));
}

#[test]
fn zero_width_characters() {
    check(&gen::zero_width(size(1_000_000)));
    check(&"\u{200b}\u{feff}\u{200d}\u{2060}".repeat(10_000));
}

#[test]
fn a_million_straight_quote_marks() {
    check(&gen::marks_only('"', size(1_000_000)));
}

#[test]
fn a_million_curly_opening_marks() {
    check(&gen::marks_only('“', size(1_000_000)));
}

#[test]
fn alternating_marks_of_every_style() {
    let marks = "\"“”‘’'„«»‹›「」『』";
    check(&marks.repeat(size(1_000_000) / marks.len()));
}

#[test]
fn thousands_of_unbalanced_marks() {
    let text = gen::unbalanced_marks(size(1_000_000));
    let ann = check(&text);
    assert_no_runaway_quote(&text, &ann);
}

#[test]
fn apostrophe_storm() {
    check(&gen::apostrophe_storm(size(1_000_000)));
}

#[test]
fn one_giant_paragraph() {
    check(&gen::giant_paragraph(size(1_000_000)));
}

#[test]
fn one_word_per_line() {
    check(&gen::word_per_line(size(1_000_000)));
}

/// Thousands of different Marias (`benches/support/gen.rs`): speaker
/// resolution matches each name against the entities sharing a word with it,
/// so this is where it used to be quadratic. Each quote still has its own
/// Maria, and different Marias stay different people.
#[test]
fn a_roll_of_people_sharing_a_given_name() {
    let text = gen::shared_given_name(size(1_000_000));
    let ann = check(&text);
    assert!(ann.quotes.len() > 200);
    assert!(ann.quotes.iter().all(|q| q.speaker.is_some()));
    assert!(ann.speakers.iter().all(|s| s.name.starts_with("Maria ")));
    assert!(ann.speakers.len() > ann.quotes.len() / 4);
    let speaker = |k: usize| &ann.speakers[ann.quotes[k].speaker.unwrap()].name;
    assert_eq!(speaker(0), "Maria Kakakaka");
    assert_eq!(speaker(1), "Maria Lokakaka");
}

/// Thousands of people sharing a surname, each then called by it alone
/// (`Later Smith agreed.`): every bare `Smith` is one speaker's (the one named
/// just before it), not every Smith's, so the output grows with the text and
/// not with its square.
#[test]
fn a_roll_of_people_sharing_a_surname() {
    let text = gen::shared_surname(size(1_000_000));
    let ann = check(&text);
    assert!(ann.quotes.len() > 200);
    assert!(ann.speakers.len() > ann.quotes.len() / 4);
    // The speaker of each mention, by where it starts.
    let mut owner = std::collections::HashMap::new();
    for s in &ann.speakers {
        assert!(s.name.ends_with(" Smith"), "{}", s.name);
        for m in &s.mentions {
            assert!(
                owner.insert(m.start, s.id).is_none(),
                "{m:?} is two speakers'"
            );
        }
    }
    // Each line's `Later Smith` is the speaker it names after `said`.
    let mut at = 0;
    for line in text.split_inclusive('\n').take(50) {
        let later = at + line.find("Later Smith").unwrap() + "Later ".len();
        let said = at + line.find("said ").unwrap() + "said ".len();
        assert!(owner.contains_key(&later), "{line}");
        assert_eq!(owner.get(&later), owner.get(&said), "{line}");
        at += line.len();
    }
}

#[test]
fn stray_mark_is_bounded_by_its_paragraph() {
    let text = "A stray “ mark opens here and nothing closes it.\n\n\
                The council met on Monday.\n\n\
                \"It was fine,\" said Jane Doe.";
    let ann = check(text);
    assert_no_runaway_quote(text, &ann);
    assert!(
        ann.quotes
            .iter()
            .any(|q| &text[q.start..q.end] == "It was fine,"),
        "the real quote after a stray mark is still found: {:?}",
        ann.quotes
    );
}

#[test]
fn news_articles_as_written() {
    for (name, text) in gen::ARTICLES {
        let ann = check(text);
        invariants::check_quote_nesting(&ann);
        assert!(!ann.quotes.is_empty(), "{name}: no quotes found");
    }
}

#[test]
#[cfg_attr(debug_assertions, ignore = "release only: make test-hostile")]
fn ten_megabytes_of_news() {
    let text = gen::news(10_000_000);
    let ann = check(&text);
    assert!(ann.quotes.len() > 10_000);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "release only: make test-hostile")]
fn ten_megabytes_of_one_mark() {
    check(&gen::marks_only('"', 10_000_000));
}

// ---- Regression tests: one per fuzz crash (fuzz/artifacts/<target>/crash-*). ----

/// fuzz/artifacts/annotate/crash-4280d475… and markdown/crash-5b469511…
/// (2026-12-04, on 6b8e2c9): `reportedly` as the last word of a sentence made
/// the reported-adverb rule look up the cue of a word past the sentence's end.
#[test]
fn reported_adverb_ending_a_sentence() {
    for text in [
        "The group reportedly",
        "The group reportedly. It allegedly",
        "“Fine,” he reportedly\n\nShe allegedly",
    ] {
        check(text);
        let ann = whosaid::annotate(text);
        assert!(ann.quotes.iter().all(|q| q.end <= text.len()));
    }
    let md = "# The group reportedly\n\n*It allegedly*";
    invariants::check_spans(md, &whosaid::annotate_markdown(md));
}

/// `make test`'s debug build, 2026-12-04: a cue after `to` as the third word
/// (`I want to say`) made the chained-infinitive test subtract past zero.
#[test]
fn infinitive_cue_near_the_sentence_start() {
    for text in [
        "To say",
        "I to say it",
        "We want to say that it works.",
        "on to say",
    ] {
        check(text);
    }
}
