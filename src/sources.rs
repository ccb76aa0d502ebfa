//! Sources: the outlets and documents information is attributed to, kept apart
//! from speakers (`told the BBC`, `in an interview with The Economist`,
//! `according to a Reuters report`, `a statement from the ministry`, `court
//! filings show`).

use crate::lexicon::{first_word, Lexicon, DOCUMENT_NOUNS, DOCUMENT_NOUN_SET};
use crate::marks::Pairs;
use crate::segment::Doc;
use crate::text::{char_at, char_before, is_capitalized};
use crate::{SourceKind, Span};

/// One mention of a source.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceMention {
    /// The words of the mention.
    pub span: Span,
    /// Outlet or document.
    pub kind: SourceKind,
    /// The normalised name used to join mentions of the same source.
    pub key: String,
}

fn at_word_boundary(text: &str, s: usize, e: usize) -> bool {
    !char_before(text, s).is_some_and(|c| c.is_alphanumeric())
        && !char_at(text, e).is_some_and(|c| c.is_alphanumeric())
}

/// Who receives a letter, a memo: `to shareholders`, `to staff`.
const RECIPIENTS: &[&str] = &[
    "congress",
    "customers",
    "employees",
    "investors",
    "lawmakers",
    "members",
    "parliament",
    "shareholders",
    "staff",
    "supporters",
    "voters",
    "workers",
];

/// The end of the noun phrase after `from`/`by`/`of`/`to` starting at word
/// `j`: determiners, possessives and names up to an organisation noun
/// (`the city's finance department`), or a name (`Reuters`, `the IMF`), or a
/// recipient (`shareholders`). At most five words, no punctuation between.
fn post_modifier_end(text: &str, ws: &[crate::text::Word], j: usize) -> Option<usize> {
    let mut end = None;
    let mut i = j;
    while i < ws.len() && i < j + 5 {
        if i > j
            && !Span::new(ws[i - 1].end, ws[i].start)
                .text(text)
                .trim()
                .is_empty()
        {
            break;
        }
        let t = ws[i].text(text);
        if crate::lexicon::ORG_NOUN_SET.contains(t) || RECIPIENTS.contains(&t) {
            return Some(ws[i].end);
        }
        let possessive = t.ends_with("'s") || t.ends_with("’s");
        if matches!(t, "the" | "a" | "an" | "its" | "their" | "his" | "her")
            || possessive
            || is_capitalized(t)
        {
            if is_capitalized(t) || possessive {
                end = Some(ws[i].end);
            }
        } else if t.chars().all(char::is_lowercase) && i + 1 < ws.len() && i + 2 < j + 5 {
            // `finance` in `the city's finance department`: only when an
            // organisation noun follows.
            let next = ws[i + 1].text(text);
            if !crate::lexicon::ORG_NOUN_SET.contains(next) {
                break;
            }
        } else {
            break;
        }
        i += 1;
    }
    end
}

/// Finds source mentions outside quotations, in text order, longest first where
/// they overlap. Out of line, so that profiles show the stage apart.
#[inline(never)]
pub fn find_sources(text: &str, doc: &Doc, pairs: &Pairs, lex: &Lexicon) -> Vec<SourceMention> {
    // Outlets before documents: the stable sort below keeps that order between
    // mentions with the same span. One pass over the words tests each with a
    // few byte compares and looks further only where a name may start; the
    // documents are appended after the outlets.
    let mut out: Vec<SourceMention> = Vec::new();
    let mut documents: Vec<SourceMention> = Vec::new();
    let bytes = text.as_bytes();
    let shapes = document_word_shapes();
    for si in 0..doc.sentences.len() {
        let ws = doc.sentence_words(si);
        for (k, &w) in ws.iter().enumerate() {
            let word = bytes.get(w.start..w.end).unwrap_or(&[]);
            let lower_the = word == b"the";
            let may_be_outlet = if lower_the {
                capital_after_space(text, w.end)
            } else {
                lex.may_start_outlet_at(bytes, w.start)
            };
            if may_be_outlet {
                out.extend(outlet_at(text, w, lower_the, pairs, lex));
            }
            if shapes.may_be(word) {
                documents.extend(document_at(text, ws, k, pairs, lex));
            }
        }
    }
    out.append(&mut documents);
    out.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    let mut kept: Vec<SourceMention> = Vec::with_capacity(out.len());
    for m in out {
        match kept.last_mut() {
            Some(last) if last.span.overlaps(m.span) => {
                // A document naming an outlet ("a Reuters report") stays a document.
            }
            _ => kept.push(m),
        }
    }
    kept
}

/// Whether a space and a capital follow byte `at` (`the Guardian`): every
/// outlet name goes on with a capital after its `The`, so most `the`s of a
/// text stop here, before the outlets are compared. Bytes when the capital is
/// ASCII, a char otherwise.
fn capital_after_space(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    match (b.get(at), b.get(at + 1)) {
        (Some(b' '), Some(c)) if c.is_ascii() => c.is_ascii_uppercase(),
        (Some(b' '), Some(_)) => text
            .get(at + 1..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase),
        _ => false,
    }
}

/// The outlet named from word `w` on, if any: the longest outlet name written
/// there, outside quotations. `lower_the`: the word is `the` followed by a
/// space and a capital ([`capital_after_space`]; `the Guardian`: a name listed
/// as `The Guardian`, written in running text with a lower-case article). Out
/// of line: the caller's pre-tests reject most words.
#[inline(never)]
fn outlet_at(
    text: &str,
    w: crate::text::Word,
    lower_the: bool,
    pairs: &Pairs,
    lex: &Lexicon,
) -> Option<SourceMention> {
    let t = w.text(text);
    if !lower_the && !lex.may_start_outlet(t) {
        return None;
    }
    let rest = text.get(w.start..).unwrap_or("");
    let first = if lower_the { "The" } else { first_word(rest) };
    // The longest outlet name written here, built-in or the user's.
    let outlet = lex
        .outlets_starting_with(first)
        .filter(|o| {
            outlet_written(rest, o, lower_the) && at_word_boundary(text, w.start, w.start + o.len())
        })
        .max_by_key(|o| o.len())?;
    if pairs.inside_quote(w.start) {
        return None;
    }
    let (s, e) = (w.start, w.start + outlet.len());
    let key = outlet.trim_start_matches("The ").to_lowercase();
    // Include the article: `the BBC`, `The Associated Press`.
    let start = if text
        .get(..s)
        .is_some_and(|p| p.ends_with("the ") || p.ends_with("The "))
        && !outlet.starts_with("The ")
    {
        s - 4
    } else {
        s
    };
    Some(SourceMention {
        span: Span::new(start, e),
        kind: SourceKind::Outlet,
        key,
    })
}

/// Whether `rest` starts with the outlet name `o` (written with `the` for its
/// `The` when `lower_the`). The byte where the name would end is compared
/// first: it rejects most of the names sharing a first word (`The …`) at once.
fn outlet_written(rest: &str, o: &str, lower_the: bool) -> bool {
    let (r, n) = (rest.as_bytes(), o.as_bytes());
    if r.len() < n.len() || r.get(n.len().wrapping_sub(1)) != n.last() {
        return false;
    }
    if lower_the {
        rest.starts_with("the ") && rest[3..].starts_with(&o[3..])
    } else {
        rest.starts_with(o)
    }
}

/// Which lengths (bits) the document words have by first byte and by last
/// byte, in either case: most words are rejected here without hashing.
struct DocumentShapes {
    by_first: [u16; 256],
    by_last: [u16; 256],
}

impl DocumentShapes {
    /// Whether `word` may be a document word in some case (a cheap test on its
    /// length and end bytes before [`is_document_word`]). Document words are
    /// ASCII, and so is every word that lower-cases to one. Words longer than
    /// the table holds are never rejected.
    fn may_be(&self, word: &[u8]) -> bool {
        let (Some(&c), Some(&z)) = (word.first(), word.last()) else {
            return false;
        };
        word.len() >= 16
            || self.by_first[usize::from(c)] & self.by_last[usize::from(z)] & (1 << word.len()) != 0
    }
}

/// The [`DocumentShapes`] of the document words, built once.
fn document_word_shapes() -> &'static DocumentShapes {
    static SHAPES: std::sync::OnceLock<DocumentShapes> = std::sync::OnceLock::new();
    SHAPES.get_or_init(|| {
        let mut shapes = DocumentShapes {
            by_first: [0; 256],
            by_last: [0; 256],
        };
        for w in DOCUMENT_NOUNS.iter().chain(&["release"]) {
            let (Some(&c), Some(&z), true) =
                (w.as_bytes().first(), w.as_bytes().last(), w.len() < 16)
            else {
                continue;
            };
            for c in [c.to_ascii_lowercase(), c.to_ascii_uppercase()] {
                shapes.by_first[usize::from(c)] |= 1 << w.len();
            }
            for z in [z.to_ascii_lowercase(), z.to_ascii_uppercase()] {
                shapes.by_last[usize::from(z)] |= 1 << w.len();
            }
        }
        shapes
    })
}

/// The words that name a document: the document nouns and `release` (which
/// counts only after `press` or `news`).
fn is_document_word(w: &str) -> bool {
    DOCUMENT_NOUN_SET.contains(w) || w == "release"
}

/// The document named by word `k` of a sentence's words `ws`, if it is a
/// document noun with a determiner, or a bare plural subject, outside
/// quotations: the noun with its determiner and modifiers and a following
/// `from`/`by`/`of`/`to` phrase. Out of line: the caller's pre-test
/// ([`DocumentShapes::may_be`]) rejects most words.
#[inline(never)]
fn document_at(
    text: &str,
    ws: &[crate::text::Word],
    k: usize,
    pairs: &Pairs,
    lex: &Lexicon,
) -> Option<SourceMention> {
    let w = *ws.get(k)?;
    let t = w.text(text);
    // A capital only at the sentence start: `Documents show …`. A word found
    // this way is ASCII (every document word is, and no other word lower-cases
    // to one), so its lower case is its ASCII one.
    let found = if k == 0 && is_capitalized(t) {
        crate::lexicon::with_lowercase(t, is_document_word)
    } else {
        is_document_word(t)
    };
    if !found || pairs.inside_quote(w.start) {
        return None;
    }
    // `a press release`, `a news release`; not `the release of …`.
    if t.eq_ignore_ascii_case("release")
        && !k
            .checked_sub(1)
            .is_some_and(|p| matches!(ws[p].text(text), "press" | "news"))
    {
        return None;
    }
    // Walk left over a determiner and up to three modifiers: "a Reuters report",
    // "the ministry's latest statement", "court filings".
    let mut i = k;
    let mut has_det = false;
    while i > 0 && k - i < 4 {
        let p = ws[i - 1].text(text);
        // From the word's lower case (on the stack): whether it may stand
        // before the noun, whether it is `in`, whether it is a determiner.
        let (modifier, is_in, determiner) = crate::lexicon::with_lowercase(p, |lp| {
            (
                matches!(
                    lp,
                    "a" | "an"
                        | "the"
                        | "his"
                        | "her"
                        | "its"
                        | "their"
                        | "in"
                        | "new"
                        | "latest"
                        | "last"
                        | "court"
                        | "written"
                        | "joint"
                        | "recent"
                        | "internal"
                        | "official"
                        | "leaked"
                        | "annual"
                        | "press"
                        | "news"
                ),
                lp == "in",
                matches!(
                    lp,
                    "a" | "an" | "the" | "his" | "her" | "its" | "their" | "court"
                ),
            )
        });
        if modifier || is_capitalized(p) || p.ends_with("’s") || p.ends_with("'s") {
            if is_in {
                break;
            }
            // A possessive is a determiner too: `Huawei's last report`.
            has_det |= determiner || p.ends_with("’s") || p.ends_with("'s");
            i -= 1;
        } else {
            break;
        }
    }
    // A bare plural that says something: `Documents show`, `emails reveal`.
    let bare_plural_subject = t.ends_with(['s', 'S'])
        && ws
            .get(k + 1)
            .is_some_and(|n| lex.cue(n.text(text)).is_some());
    if !has_det && !bare_plural_subject {
        return None;
    }
    let mut end = w.end;
    // "a statement from the ministry", "a report by Reuters", "a report
    // by the city's finance department", "a letter to shareholders".
    if let Some(n) = ws.get(k + 1) {
        let tied = Span::new(w.end, n.start).text(text).trim().is_empty();
        if tied && matches!(n.text(text), "from" | "by" | "of" | "to") {
            end = post_modifier_end(text, ws, k + 2).unwrap_or(end);
        }
    }
    let span = Span::new(ws[i].start, end);
    Some(SourceMention {
        span,
        kind: SourceKind::Document,
        key: span.text(text).to_lowercase(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pre_tests_pass_every_name() {
        let lex = Lexicon::new(&crate::Options::default());
        for o in crate::lexicon::OUTLETS {
            assert!(lex.may_start_outlet_at(o.as_bytes(), 0), "{o}");
        }
        let opts = crate::Options {
            extra_outlets: vec!["Nets Daily".into(), "the xyz".into()],
            ..Default::default()
        };
        let lex = Lexicon::new(&opts);
        for o in ["Nets Daily", "the xyz"] {
            assert!(lex.may_start_outlet_at(o.as_bytes(), 0), "{o}");
        }
        let shapes = document_word_shapes();
        for w in DOCUMENT_NOUNS.iter().chain(&["release"]) {
            let upper = w.to_ascii_uppercase();
            let capital = format!("{}{}", &upper[..1], &w[1..]);
            for form in [w.to_string(), upper, capital] {
                assert!(shapes.may_be(form.as_bytes()), "{form}");
            }
        }
        assert!(!shapes.may_be(b"said"));
    }

    #[test]
    fn capital_after_space_is_the_char_test() {
        let plain = |text: &str, at: usize| {
            text.get(at..)
                .and_then(|rest| rest.strip_prefix(' '))
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_uppercase)
        };
        for text in [
            "the Guardian",
            "the guardian",
            "the  Times",
            "the \u{c9}lys\u{e9}e",
            "the \u{e9}t\u{e9}",
            "the",
            "the ",
            "the\tBBC",
            "the 9",
            "the \u{3a3}",
        ] {
            for at in 0..=text.len() + 1 {
                assert_eq!(
                    capital_after_space(text, at),
                    plain(text, at),
                    "{text:?} {at}"
                );
            }
        }
    }

    #[test]
    fn outlet_first_word_reads_past_ascii() {
        assert_eq!(first_word("CNN's report"), "CNN");
        assert_eq!(first_word("Al-Jazeera said"), "Al-Jazeera");
        assert_eq!(first_word("Señal 3"), "Señal");
        assert_eq!(first_word(""), "");
    }
}
