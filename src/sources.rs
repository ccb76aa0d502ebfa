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
/// they overlap.
pub fn find_sources(text: &str, doc: &Doc, pairs: &Pairs, lex: &Lexicon) -> Vec<SourceMention> {
    let mut out: Vec<SourceMention> = Vec::new();
    // Outlets: one pass over the words, each looked up by its first word.
    for si in 0..doc.sentences.len() {
        for &w in doc.sentence_words(si) {
            // `the Guardian`: a name listed as `The Guardian`, written in
            // running text with a lower-case article.
            let lower_the = w.text(text) == "the";
            if !lower_the && !lex.may_start_outlet(w.text(text)) {
                continue;
            }
            // Every outlet name goes on with a capital after its `The`: most
            // `the`s of a text stop here, before the outlets are compared.
            if lower_the
                && !text
                    .get(w.end..)
                    .and_then(|rest| rest.strip_prefix(' '))
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(char::is_uppercase)
            {
                continue;
            }
            let first = if lower_the {
                "The"
            } else {
                text.get(w.start..)
                    .map(|rest| {
                        rest.split(|c: char| !c.is_alphanumeric() && c != '-')
                            .next()
                            .unwrap_or("")
                    })
                    .unwrap_or("")
            };
            // The longest outlet name written here, built-in or the user's.
            let Some(outlet) = lex
                .outlets_starting_with(first)
                .filter(|o| {
                    let written = text.get(w.start..).is_some_and(|rest| {
                        if lower_the {
                            rest.starts_with("the ") && rest[3..].starts_with(&o[3..])
                        } else {
                            rest.starts_with(o)
                        }
                    });
                    written && at_word_boundary(text, w.start, w.start + o.len())
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
            // A capital only at the sentence start: `Documents show …`.
            // (Borrowed unless it must change: this runs for every word.)
            let lower: std::borrow::Cow<str> = if k == 0 && is_capitalized(t) {
                t.to_lowercase().into()
            } else {
                t.into()
            };
            if !lower.starts_with(|c: char| c.is_ascii_lowercase())
                || !(DOCUMENT_NOUN_SET.contains(&lower) || lower == "release")
                || pairs.inside_quote(w.start)
            {
                continue;
            }
            // `a press release`, `a news release`; not `the release of …`.
            if lower == "release"
                && !k
                    .checked_sub(1)
                    .is_some_and(|p| matches!(ws[p].text(text), "press" | "news"))
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
                        | "press"
                        | "news"
                ) || is_capitalized(p)
                    || p.ends_with("’s")
                    || p.ends_with("'s")
                {
                    if lp == "in" {
                        break;
                    }
                    // A possessive is a determiner too: `Huawei's last report`.
                    has_det |= matches!(
                        lp.as_str(),
                        "a" | "an" | "the" | "his" | "her" | "its" | "their" | "court"
                    ) || p.ends_with("’s")
                        || p.ends_with("'s");
                    i -= 1;
                } else {
                    break;
                }
            }
            // A bare plural that says something: `Documents show`, `emails reveal`.
            let bare_plural_subject = lower.ends_with('s')
                && ws
                    .get(k + 1)
                    .is_some_and(|n| lex.cue(n.text(text)).is_some());
            if !has_det && !bare_plural_subject {
                continue;
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
