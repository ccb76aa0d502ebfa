//! Quotations in marks: which paired marks are someone's words (direct quotes)
//! and which are scare quotes, titles or words mentioned as words (mentions).
//!
//! An interrupted quote (`"We will win," she said, "and soon."`) is reported as
//! two quotes; the second carries `continues` = the id of the first, and both get
//! the same speaker.
//!
//! A quotation that is not someone's words is a `mention`, and its `rule` says
//! why: `mention-after-naming-cue` (a name or a word as a word: `the so-called
//! "peace plan"`, `known as "Shorty"`, `dubbed the plan "Project Fear"`; never
//! part of a mixed quote), `mention-title-of-work` (`the film "Heat"`),
//! `mention-after-term-cue` (a label after `called`, `branded`: part of a mixed
//! quote when a reported clause holds it), `mention-title-case` (a title-case
//! phrase with no cue near it) and `mention-embedded-fragment` (a short scare
//! quote inside a sentence with no cue near it).

use crate::lexicon::Lexicon;
use crate::marks::{Pair, Pairs};
use crate::segment::Doc;
use crate::text::{char_at, skip_space, skip_space_back};
use crate::{QuoteKind, Span};

/// A quote found by a finder, before attribution.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Direct, indirect, mixed or mention.
    pub kind: QuoteKind,
    /// The quoted content (without marks).
    pub content: Span,
    /// The content with its marks (direct) or the whole reported clause.
    pub outer: Span,
    /// The cue, when the finder saw it.
    pub cue: Option<Span>,
    /// The words naming the speaker, when the finder saw them (indirect speech).
    pub subject: Option<Span>,
    /// The rule that found the quote (or decided it is a mention).
    pub rule: &'static str,
    /// How sure the finder is that this is a quote of this kind.
    pub confidence: f32,
    /// Index (in the candidate list) of the quote this one continues.
    pub continues: Option<usize>,
    /// Absorbed into a larger quote (a fragment inside a mixed quote): not reported.
    pub absorbed: bool,
}

/// Words that, just before a quotation, make it a term rather than a quote
/// (`called "a disgrace"`, `branded "a traitor"`). From style-guide
/// descriptions of scare quotes and from the mention cases in PolNeAR train.
/// These verbs also report speech (`she called the plan "a disaster"`): a
/// reported clause around such a term absorbs it into a mixed quote.
pub const MENTION_CUES: &[&str] = &["branded", "called", "labeled", "labelled"];

/// Words that name rather than report (`the so-called "peace plan"`, `known as
/// "Shorty"`, `dubbed the plan "Project Fear"`): the quotation after them is a
/// name or a word mentioned as a word, never someone's words, so it stays a
/// mention even inside a reported clause (rule `mention-after-naming-cue`).
pub const NAMING_CUES: &[&str] = &[
    "coined",
    "dubbed",
    "entitled",
    "known as",
    "named",
    "nicknamed",
    "phrase",
    "so-called",
    "term",
    "termed",
    "titled",
    "word",
    "words",
];

/// Naming verbs that may take an object before the name (`dubbed the plan
/// "Project Fear"`, `nicknamed him "Shorty"`).
pub const NAMING_VERBS: &[&str] = &["dubbed", "named", "nicknamed", "termed", "titled"];

/// Whether a mention rule makes its quotation a name that no reported clause
/// absorbs (a naming cue, a title of a work).
pub fn is_naming_rule(rule: &str) -> bool {
    matches!(rule, "mention-after-naming-cue" | "mention-title-of-work")
}

/// Nouns for works whose titles are quoted (`the film "Heat"`).
pub const WORK_NOUNS: &[&str] = &[
    "album",
    "article",
    "book",
    "column",
    "documentary",
    "episode",
    "essay",
    "film",
    "headline",
    "movie",
    "musical",
    "novel",
    "op-ed",
    "opera",
    "play",
    "podcast",
    "poem",
    "programme",
    "program",
    "series",
    "show",
    "song",
    "story",
];

/// Finds the quotations in marks and classifies them.
// Once per document: kept out of line so that profiles show the stage.
#[inline(never)]
pub fn find_quotes(text: &str, doc: &Doc, pairs: &Pairs, lex: &Lexicon) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    // Where the last word search ended: the pairs come in text order.
    let mut hint = 0;
    for pair in pairs.top_pairs() {
        if pair.content.is_empty() {
            continue;
        }
        let (kind, rule, confidence) = classify(text, doc, pair, lex, &mut hint);
        out.push(Candidate {
            kind,
            content: pair.content,
            outer: pair.outer(),
            cue: None,
            subject: None,
            rule,
            confidence,
            continues: None,
            absorbed: false,
        });
    }
    link_interrupted(text, doc, &mut out, lex);
    out
}

fn classify(
    text: &str,
    doc: &Doc,
    pair: &Pair,
    lex: &Lexicon,
    hint: &mut usize,
) -> (QuoteKind, &'static str, f32) {
    let content = pair.content.text(text);
    // Only "up to eight words" matters below: stop counting at nine.
    let n_words = doc
        .first_words(text, pair.content.start, pair.content.end, 9, hint)
        .len();
    let before = preceding_words(text, doc, pair.open.start, 3, hint);
    let short = n_words <= 4 && !content.ends_with(['.', '!', '?', ',']);
    if short {
        if let Some(mention) = short_mention(text, doc, pair, &before, hint) {
            return mention;
        }
    }
    // `the film "Heat"`, `the TV show "Shark Tank."`: a title after the noun
    // of a work. A longer one, or one with the sentence's stop inside the
    // marks, only right after the noun (`his book, "We Will Win."` quotes).
    if before
        .last()
        .is_some_and(|w| WORK_NOUNS.contains(&w.to_lowercase().as_str()))
        && (short
            || n_words <= 8 && lead_char(text, pair.open.start).is_some_and(char::is_alphanumeric))
        && all_title_case(content.trim_end_matches(['.', ',', '!', '?']))
    {
        return (QuoteKind::Mention, "mention-title-of-work", 0.85);
    }
    if pair.close.is_none() && pair.paragraphs <= 1 {
        return (QuoteKind::Direct, "unclosed-quote", 0.4);
    }
    let cue_before = before.last().is_some_and(|w| lex.cue(w).is_some());
    let after = following_words(text, doc, pair.outer().end, 3, hint);
    let cue_after = after.iter().any(|w| lex.cue(w).is_some())
        || after.first().is_some_and(|w| lex.cue(w).is_some());
    let lead = lead_char(text, pair.open.start);
    let embedded = lead.is_some_and(|c| c.is_alphanumeric());
    // After a colon (`und später: „Zweitens”`) a quote is speech, whatever its case.
    if !cue_before && !cue_after && lead != Some(':') && n_words <= 8 && is_title_case(content) {
        // `On "Face the Nation,"`, a heading `'Coal Isn't the Villain.'`.
        return (QuoteKind::Mention, "mention-title-case", 0.7);
    }
    if !cue_before && !cue_after && embedded && n_words <= 6 {
        // `a separate "liquidating trust."`: a scare quote inside a sentence,
        // unless the indirect finder makes it part of a mixed quote.
        return (QuoteKind::Mention, "mention-embedded-fragment", 0.6);
    }
    (QuoteKind::Direct, "quote-marks", 0.95)
}

/// A short quotation (up to four words, no final stop) that names something
/// rather than quoting a speaker, judged by the words `before` it: `known as
/// "…"`, `dubbed the plan "…"`, `the term "…"` (titles of works are judged in
/// [`classify`]).
fn short_mention(
    text: &str,
    doc: &Doc,
    pair: &Pair,
    before: &[&str],
    hint: &mut usize,
) -> Option<(QuoteKind, &'static str, f32)> {
    let before_lc: Vec<String> = before.iter().map(|w| w.to_lowercase()).collect();
    let last = before_lc.last().map(String::as_str).unwrap_or("");
    let last2 = if before_lc.len() >= 2 {
        format!("{} {}", before_lc[before_lc.len() - 2], last)
    } else {
        String::new()
    };
    if NAMING_CUES.contains(&last) || NAMING_CUES.contains(&last2.as_str()) {
        return Some((QuoteKind::Mention, "mention-after-naming-cue", 0.9));
    }
    if naming_verb_object_before(text, doc, pair.open.start, hint) {
        return Some((QuoteKind::Mention, "mention-after-naming-cue", 0.85));
    }
    if MENTION_CUES.contains(&last) || MENTION_CUES.contains(&last2.as_str()) {
        return Some((QuoteKind::Mention, "mention-after-term-cue", 0.9));
    }
    None
}

/// `dubbed the plan "…"`, `nicknamed him "…"`: a naming verb, then up to three
/// words with no punctuation between them, right before the mark at `open`.
fn naming_verb_object_before(text: &str, doc: &Doc, open: usize, hint: &mut usize) -> bool {
    let mut from = open.saturating_sub(60);
    while from < open && !text.is_char_boundary(from) {
        from += 1;
    }
    let ws = doc.words_between(text, from, open, hint);
    let n = ws.len();
    (2..=4.min(n)).any(|back| {
        let verb = ws[n - back];
        NAMING_VERBS.contains(&verb.text(text).to_lowercase().as_str())
            && !Span::new(verb.end, open).text(text).contains(|c: char| {
                !c.is_alphanumeric() && !crate::text::is_space(c) && !matches!(c, '\'' | '’' | '-')
            })
    })
}

/// Whether every word of four letters or more starts with a capital (a title).
fn is_title_case(s: &str) -> bool {
    let mut long = 0;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() >= 4 {
            long += 1;
            if !w.chars().next().is_some_and(char::is_uppercase) {
                return false;
            }
        }
    }
    long > 0
}

/// The last non-space char before `pos` on the same line.
fn lead_char(text: &str, pos: usize) -> Option<char> {
    let p = skip_space_back(text, pos);
    crate::text::char_before(text, p).filter(|&c| c != '\n')
}

/// Up to `n` words starting at `pos`, within the same line.
fn following_words<'a>(
    text: &'a str,
    doc: &Doc,
    pos: usize,
    n: usize,
    hint: &mut usize,
) -> Vec<&'a str> {
    // Only the 80 bytes after `pos` are read, up to a line break.
    let mut to = (pos + 80).min(text.len());
    while to > pos && !text.is_char_boundary(to) {
        to -= 1;
    }
    if let Some(i) = text.get(pos..to).and_then(|s| s.find('\n')) {
        to = pos + i;
    }
    let ws = doc.first_words(text, pos, to, n, hint);
    ws.iter().map(|w| w.text(text)).collect()
}

fn all_title_case(s: &str) -> bool {
    s.split_whitespace().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
            || w.len() <= 3
    })
}

/// Up to `n` words ending just before `pos`, within the same line.
fn preceding_words<'a>(
    text: &'a str,
    doc: &Doc,
    pos: usize,
    n: usize,
    hint: &mut usize,
) -> Vec<&'a str> {
    // Only the 80 bytes before `pos` are read, up to a line break.
    let mut from = pos.saturating_sub(80);
    while from < pos && !text.is_char_boundary(from) {
        from += 1;
    }
    if let Some(i) = text.get(from..pos).and_then(|s| s.rfind('\n')) {
        from += i + 1;
    }
    let ws = doc.words_between(text, from, pos, hint);
    let k = ws.len().saturating_sub(n);
    ws[k..].iter().map(|w| w.text(text)).collect()
}

/// `"We will win," she said, "and soon."`: the second piece continues the first
/// when only an attribution (a cue and a short subject) lies between them, in the
/// same sentence, and the first ends with a comma.
fn link_interrupted(text: &str, doc: &Doc, quotes: &mut [Candidate], lex: &Lexicon) {
    let mut hint = 0;
    for i in 1..quotes.len() {
        let (a, b) = (&quotes[i - 1], &quotes[i]);
        if a.kind != QuoteKind::Direct || b.kind != QuoteKind::Direct {
            continue;
        }
        let first = a.content.text(text).trim_end();
        if !first.ends_with(',')
            && !first.ends_with('—')
            && !first.ends_with("...")
            && !first.ends_with('…')
        {
            continue;
        }
        let gap = Span::new(a.outer.end, b.outer.start);
        let between = gap.text(text);
        if between.contains('\n') || between.len() > 80 {
            continue;
        }
        let trimmed_end = skip_space_back(text, gap.end);
        let ends_comma = char_at(text, trimmed_end.saturating_sub(1))
            .is_some_and(|c| matches!(c, ',' | ':' | '—'));
        let ws = doc.words_between(text, skip_space(text, gap.start), gap.end, &mut hint);
        let has_cue = ws.iter().any(|w| lex.cue(w.text(text)).is_some());
        if has_cue && ends_comma && ws.len() <= 8 {
            quotes[i].continues = Some(i - 1);
        }
    }
}
