//! Property tests of the contract's invariants (issue 7, issue 3's property tests):
//! over arbitrary Unicode and over generated news-like text, `annotate` never
//! panics, every span lies inside the text on char boundaries, ids and indices are
//! consistent, the output is deterministic, UTF-16 conversion agrees with a naive
//! oracle and never splits a surrogate pair, and `annotate_markdown` spans lie on
//! char boundaries of the Markdown.
//!
//! The invariants themselves live in `fuzz/invariants.rs`, shared with the fuzz
//! targets and `tests/hostile.rs`. `PROPTEST_CASES=10000 cargo test --release --test
//! properties` runs a long session.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/invariants.rs"]
mod invariants;

use invariants::{check_markdown, check_text};
use proptest::prelude::*;

/// Every quotation mark of the contract, plus apostrophe look-alikes.
const MARKS: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "„",
    "«",
    "»",
    "‹",
    "›",
    "「",
    "」",
    "『",
    "』",
    "‚",
    "‛",
    "＂",
    "« ",
    " »",
    "«\u{a0}",
    "\u{202f}»",
];

/// Words, names, cues and the odd characters news text (and pasted text) carries.
const WORDS: &[&str] = &[
    "the",
    "a",
    "plan",
    "was",
    "will",
    "win",
    "and",
    "soon",
    "that",
    "of",
    "government",
    "ministry",
    "said",
    "says",
    "told",
    "added",
    "according to",
    "argued",
    "warned",
    "claimed",
    "stated",
    "told reporters",
    "he",
    "she",
    "they",
    "it",
    "He",
    "She",
    "They",
    "his",
    "her",
    "Ren",
    "Zhengfei",
    "Ren Zhengfei",
    "Hosuk Lee-Makiyama",
    "Jane Doe",
    "Mr.",
    "Dr.",
    "Sen.",
    "U.S.",
    "Jan.",
    "Huawei",
    "Huawei’s",
    "Huawei's",
    "the BBC",
    "Reuters",
    "The Economist",
    "officials",
    "some analysts",
    "a source close to the talks",
    "the minister",
    "the so-called",
    "known as",
    "the film",
    "don't",
    "’90s",
    "rock ’n’ roll",
    "the Joneses’",
    "o'clock",
    "3.5",
    "1,000",
    "J. R.",
    ",",
    ".",
    ":",
    ";",
    "—",
    "–",
    "-",
    "(",
    ")",
    "!",
    "?",
    "…",
    "😀",
    "👨‍👩‍👧",
    "🇫🇷",
    "e\u{301}",
    "n\u{303}",
    "Olé",
    "naïve",
    "שלום",
    "مرحبا",
    "\u{200f}",
    "\u{202e}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{2060}",
    "\0",
    "\u{1}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\t",
    "\r\n",
    "\r",
    "\u{fffd}",
    "北京",
    "「はい」",
    "『本』",
    "\u{10ffff}",
    "𝒜",
];

/// Separators between tokens: spaces, newlines, blank lines, nothing.
const SEPS: &[&str] = &[
    " ", " ", " ", " ", "", "\n", "\n\n", "\n\n\n", "  ", "\u{a0}",
];

fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(WORDS).prop_map(str::to_string),
        3 => prop::sample::select(MARKS).prop_map(str::to_string),
        1 => "\\PC{1,3}",
        1 => any::<char>().prop_map(String::from),
    ]
}

/// News-like text: tokens joined by separators.
fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec((token(), prop::sample::select(SEPS)), 0..120).prop_map(|parts| {
        let mut s = String::new();
        for (t, sep) in parts {
            s.push_str(&t);
            s.push_str(sep);
        }
        s
    })
}

/// A plausible quote sentence with random marks, cue placement and speaker, so the
/// attribution and coreference paths (not only the mark pairing) run.
fn quote_sentence() -> impl Strategy<Value = String> {
    (
        prop::sample::select(MARKS),
        prop::sample::select(MARKS),
        prop::sample::select(
            &[
                "We will win",
                "This is a disaster",
                "No comment",
                "It’s fine",
                "Olé 😀",
            ][..],
        ),
        prop::sample::select(
            &[
                "said Ren Zhengfei",
                "Jane Doe said",
                "he added",
                "she told the BBC",
                "according to officials",
                "the minister argued",
            ][..],
        ),
        0..4u8,
    )
        .prop_map(|(open, close, words, attr, shape)| match shape {
            0 => format!("{open}{words},{close} {attr}. "),
            1 => format!("{attr}: {open}{words}.{close} "),
            2 => format!("{open}{words},{close} {attr}, {open}and soon.{close}\n\n"),
            _ => format!("{attr} that {words}. "),
        })
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![3 => quote_sentence(), 1 => news_like()], 0..12)
        .prop_map(|parts| parts.concat())
}

/// 256 cases per property (a few seconds in debug); `PROPTEST_CASES` overrides.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode(text in any::<String>()) {
        check_text(&text);
    }

    #[test]
    fn arbitrary_printable(text in "\\PC{0,300}") {
        check_text(&text);
    }

    #[test]
    fn news_like_text(text in news_like()) {
        check_text(&text);
    }

    #[test]
    fn articles(text in article()) {
        check_text(&text);
    }

    #[test]
    fn emoji_prefix_keeps_utf16_spans(text in article(), prefix in prop::sample::select(&["😀", "é", "👨‍👩‍👧 ", "\u{10000}", "\u{fffd}", ""][..])) {
        check_text(&format!("{prefix}{text}"));
    }

    #[test]
    fn quotes_nest_or_are_disjoint(text in article()) {
        invariants::check_quote_nesting(&whosaid::annotate(&text));
    }

    #[test]
    fn markdown_arbitrary(text in any::<String>()) {
        check_markdown(&text);
    }

    #[test]
    fn markdown_news_like(
        text in article(),
        deco in prop::collection::vec(prop::sample::select(&["# ", "> ", "* ", "1. ", "*", "**", "`", "```\n", "[", "](http://x)", "<b>", "</b>", "&amp;", "&quot;", "\\\"", "    ", "\n", "\n\n", "---\n"][..]), 0..20),
    ) {
        // Interleave Markdown decorations into the article at char boundaries.
        let chars: Vec<char> = text.chars().collect();
        let mut md = String::new();
        let step = (chars.len() / (deco.len() + 1)).max(1);
        let mut d = deco.iter();
        for (i, c) in chars.iter().enumerate() {
            if i % step == 0 {
                if let Some(x) = d.next() {
                    md.push_str(x);
                }
            }
            md.push(*c);
        }
        for x in d {
            md.push_str(x);
        }
        check_markdown(&md);
    }
}

/// Fixed cases the generators above could miss, run every time.
#[test]
fn fixed_cases() {
    for text in [
        "",
        "\"",
        "\"\"",
        "“",
        "„Wir schaffen das“, sagte Merkel.",
        "«\u{a0}Bonjour\u{a0}», a dit Macron.",
        "\"We will win,\" she said, \"and soon.\"",
        "😀\"Olé,\" said Ana.",
        "He said\u{0}\"x\"\u{0}",
        "'''''''''''''''''''''''''",
        "’’’’’’’’’’’’’’’’’’’’’",
        "\r\n\r\n\"a\r\nb\" said Ren.\r\n",
        "「はい」と彼は言った。",
    ] {
        check_text(text);
        check_markdown(text);
    }
}
