//! Sources: the outlets and documents information is attributed to, kept apart
//! from speakers (`told the BBC`, `in an interview with The Economist`,
//! `according to a Reuters report`, `a statement from the ministry`, `court
//! filings show`).

use crate::lexicon::{Lexicon, DOCUMENT_NOUN_SET};
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

/// Finds source mentions outside quotations, in text order, longest first where
/// they overlap.
pub fn find_sources(text: &str, doc: &Doc, pairs: &Pairs, lex: &Lexicon) -> Vec<SourceMention> {
    let mut out: Vec<SourceMention> = Vec::new();
    // Outlets: one pass over the words, each looked up by its first word.
    for si in 0..doc.sentences.len() {
        for &w in doc.sentence_words(si) {
            if !lex.may_start_outlet(w.text(text)) {
                continue;
            }
            let first = text
                .get(w.start..)
                .map(|rest| {
                    rest.split(|c: char| !c.is_alphanumeric() && c != '-')
                        .next()
                        .unwrap_or("")
                })
                .unwrap_or("");
            // The longest outlet name written here, built-in or the user's.
            let Some(outlet) = lex
                .outlets_starting_with(first)
                .filter(|o| {
                    text.get(w.start..).is_some_and(|rest| rest.starts_with(o))
                        && at_word_boundary(text, w.start, w.start + o.len())
                })
                .max_by_key(|o| o.len())
            else {
                continue;
            };
            if pairs.inside_quote(w.start) {
                continue;
            }
            let (s, e) = (w.start, w.start + outlet.len());
            let key = outlet.trim_start_matches("The ").to_lowercase();
            // Include "the" before "the BBC".
            let start = if text.get(..s).is_some_and(|p| p.ends_with("the "))
                && !outlet.starts_with("The ")
            {
                s - 4
            } else {
                s
            };
            out.push(SourceMention {
                span: Span::new(start, e),
                kind: SourceKind::Outlet,
                key,
            });
        }
    }
    for si in 0..doc.sentences.len() {
        let ws = doc.sentence_words(si);
        for (k, w) in ws.iter().enumerate() {
            let t = w.text(text);
            if !t.starts_with(|c: char| c.is_ascii_lowercase())
                || !DOCUMENT_NOUN_SET.contains(t)
                || pairs.inside_quote(w.start)
            {
                continue;
            }
            // Walk left over a determiner and up to three modifiers: "a Reuters report",
            // "the ministry's latest statement", "court filings".
            let mut i = k;
            let mut has_det = false;
            while i > 0 && k - i < 4 {
                let p = ws[i - 1].text(text);
                let lp = p.to_lowercase();
                if matches!(
                    lp.as_str(),
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
                ) || is_capitalized(p)
                    || p.ends_with("’s")
                    || p.ends_with("'s")
                {
                    if lp == "in" {
                        break;
                    }
                    has_det |= matches!(
                        lp.as_str(),
                        "a" | "an" | "the" | "his" | "her" | "its" | "their" | "court"
                    );
                    i -= 1;
                } else {
                    break;
                }
            }
            if !has_det {
                continue;
            }
            let mut end = w.end;
            // "a statement from the ministry", "a report by Reuters"
            if let Some(n) = ws.get(k + 1) {
                if matches!(n.text(text), "from" | "by" | "of") {
                    let mut j = k + 2;
                    while j < ws.len() && j < k + 6 {
                        let tj = ws[j].text(text);
                        if matches!(tj, "the" | "a")
                            || is_capitalized(tj)
                            || crate::lexicon::ORG_NOUN_SET.contains(tj)
                        {
                            end = ws[j].end;
                            j += 1;
                            if crate::lexicon::ORG_NOUN_SET.contains(tj) {
                                break;
                            }
                        } else {
                            break;
                        }
                    }
                }
            }
            let span = Span::new(ws[i].start, end);
            out.push(SourceMention {
                span,
                kind: SourceKind::Document,
                key: span.text(text).to_lowercase(),
            });
        }
    }
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
