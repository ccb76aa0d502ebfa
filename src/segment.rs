//! Paragraphs and sentences.
//!
//! Each line is a paragraph (how pasted articles arrive), unless the text is
//! hard-wrapped prose, where only blank lines separate paragraphs.
//! Sentences end at `.`, `!` or `?` (with any closing marks after them) followed by
//! space and a capital, digit or opening mark, never inside a quotation, and never
//! after an abbreviation (`Mr.`, `U.S.`, `Jan.`), an initial, or inside a decimal.

use crate::marks::Pairs;
use crate::text::{
    char_at, char_before, eq_mask, find_bytes, is_space, non_ascii_mask, partition_point_near,
    push_words, Word,
};
use crate::Span;
use std::borrow::Cow;

/// The paragraphs and sentences of a text, and the words of each sentence
/// (tokenised once here; every stage reads them from [`Doc`]).
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// Paragraph spans, trimmed of surrounding whitespace, in order.
    pub paragraphs: Vec<Span>,
    /// Sentence spans, trimmed, in order; each lies inside one paragraph, except
    /// that a quotation running over several paragraphs keeps one sentence.
    pub sentences: Vec<Span>,
    /// The words of every sentence, in order.
    words: Vec<Word>,
    /// For sentence `i`, its words are `words[word_starts[i]..word_starts[i + 1]]`.
    word_starts: Vec<usize>,
}

impl Doc {
    /// The document of `text` with these paragraphs and sentences (from
    /// [`paragraphs`] and [`sentences`]); tokenises every sentence once.
    // Once per document: kept out of line so that profiles show the stage.
    #[inline(never)]
    pub fn new(text: &str, paragraphs: Vec<Span>, sentences: Vec<Span>) -> Doc {
        let mut all = Vec::with_capacity(text.len() / 5);
        let mut word_starts = Vec::with_capacity(sentences.len() + 1);
        for s in &sentences {
            word_starts.push(all.len());
            push_words(text, s.start, s.end, &mut all);
        }
        word_starts.push(all.len());
        Doc {
            paragraphs,
            sentences,
            words: all,
            word_starts,
        }
    }

    /// The words of sentence `i` (empty if there is no such sentence).
    pub(crate) fn sentence_words(&self, i: usize) -> &[Word] {
        match (self.word_starts.get(i), self.word_starts.get(i + 1)) {
            (Some(&s), Some(&e)) => &self.words[s..e],
            _ => &[],
        }
    }

    /// The words of `text[from..to]`, exactly as [`crate::text::words`] gives
    /// them, read from the document's own words ([`words_within`]). `text`
    /// must be the document's text; `hint` as for [`words_within`]: a walk
    /// through the text keeps one hint.
    pub(crate) fn words_between<'d>(
        &'d self,
        text: &str,
        from: usize,
        to: usize,
        hint: &mut usize,
    ) -> Cow<'d, [Word]> {
        words_within(text, &self.words, from, to, hint)
    }

    /// The first `n` words of `text[from..to]`, exactly as
    /// `text::word_iter(text, from, to).take(n)` gives them: the document's
    /// own words, borrowed, unless a bound cuts one of them (then tokenised).
    /// `hint` as for [`Doc::words_between`].
    pub(crate) fn first_words<'d>(
        &'d self,
        text: &str,
        from: usize,
        to: usize,
        n: usize,
        hint: &mut usize,
    ) -> Cow<'d, [Word]> {
        if text.get(from..to).is_none_or(|s| s.is_empty()) {
            return Cow::Borrowed(&[]);
        }
        let rest = &self.words[partition_point_near(&self.words, hint, |w| w.end <= from)..];
        let whole = rest.iter().take(n).take_while(|w| w.end <= to).count();
        let cut_at_start = rest.first().is_some_and(|w| w.start < from);
        let cut_at_end = whole < n && rest.get(whole).is_some_and(|w| w.start < to);
        if cut_at_start || cut_at_end {
            return Cow::Owned(crate::text::word_iter(text, from, to).take(n).collect());
        }
        Cow::Borrowed(&rest[..whole])
    }

    /// Index of the sentence containing byte `pos` (or the last one before it).
    pub fn sentence_index(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.start <= pos);
        i.checked_sub(1)
    }

    /// The sentence containing byte `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<Span> {
        self.sentence_index(pos).map(|i| self.sentences[i])
    }

    /// Index of the paragraph containing byte `pos` (or the last one before it).
    pub fn paragraph_index(&self, pos: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|s| s.start <= pos);
        i.checked_sub(1)
    }

    /// The paragraph containing byte `pos`.
    pub fn paragraph_at(&self, pos: usize) -> Option<Span> {
        self.paragraph_index(pos).map(|i| self.paragraphs[i])
    }
}

/// The words of `text[from..to]`, exactly as [`crate::text::words`] gives
/// them, read from `ws`, the words of a span of `text` that holds the window
/// (the document's, or a sentence's), with two searches and no tokenising:
/// borrowed when no word of `ws` crosses `from` or `to`; a word that a bound
/// cuts is tokenised anew, cut there, and the words between are copied. The
/// searches start from `*hint` (see [`partition_point_near`]), left at the
/// first word found.
pub(crate) fn words_within<'w>(
    text: &str,
    ws: &'w [Word],
    from: usize,
    to: usize,
    hint: &mut usize,
) -> Cow<'w, [Word]> {
    if text.get(from..to).is_none_or(|s| s.is_empty()) {
        return Cow::Borrowed(&[]);
    }
    // The first word ending after `from`, and the first ending after `to`.
    let first = partition_point_near(ws, hint, |w| w.end <= from);
    let last = partition_point_near(ws, &mut first.clone(), |w| w.end <= to);
    let cut = |i: usize, bound: usize| ws.get(i).filter(|w| w.start < bound);
    let (head, tail) = (cut(first, from), cut(last, to));
    if head.is_none() && tail.is_none() {
        return Cow::Borrowed(&ws[first..last]);
    }
    if head.is_some() && first == last {
        // One word holds the whole window.
        return Cow::Owned(crate::text::words(text, from, to));
    }
    // A cut word yields the words of its part inside the window, read up to
    // the next word (not to its own end: cut, it may keep a dot that it
    // dropped whole, `TheWeMr.` → `Mr.`).
    let mut out = Vec::with_capacity(last - first + 2);
    let mut middle = first;
    if head.is_some() {
        middle += 1;
        let next = ws.get(middle).map_or(to, |n| n.start.min(to));
        out.extend(crate::text::word_iter(text, from, next));
    }
    out.extend_from_slice(&ws[middle..last]);
    if let Some(w) = tail {
        out.extend(crate::text::word_iter(text, w.start, to));
    }
    Cow::Owned(out)
}

/// Splits `text` into paragraphs (see the module docs).
// Once per document: kept out of line so that profiles show the stage.
#[inline(never)]
pub fn paragraphs(text: &str) -> Vec<Span> {
    let hard_wrapped = is_hard_wrapped(text);
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(nl) = find_bytes(bytes, i, bytes.len(), |x| eq_mask(x, b'\n')) {
        // A blank line follows?
        let mut j = nl + 1;
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r') {
            j += 1;
        }
        let blank = j < bytes.len() && bytes[j] == b'\n';
        if blank || !hard_wrapped {
            push_trimmed(text, start, nl, &mut out);
            while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r' | b'\n') {
                j += 1;
            }
            start = j;
            i = j;
        } else {
            i = nl + 1;
        }
    }
    push_trimmed(text, start, bytes.len(), &mut out);
    out
}

/// Whether the text is hard-wrapped prose (lines broken at a fixed width inside
/// paragraphs, as in e-mail and Markdown sources): then only blank lines separate
/// paragraphs. Judged from the line lengths: most non-blank lines are 40–100
/// characters long, none is longer, and some blank line exists.
fn is_hard_wrapped(text: &str) -> bool {
    let mut lines = 0usize;
    let mut wrapped = 0usize;
    let mut blank = false;
    for line in text.lines() {
        let n = line.trim_end().chars().count();
        if n == 0 {
            blank = true;
            continue;
        }
        if n > 100 {
            return false;
        }
        lines += 1;
        if n >= 40 {
            wrapped += 1;
        }
    }
    blank
        && lines >= 3
        && wrapped * 10 >= lines * 7
        && text.lines().filter(|l| !l.trim().is_empty()).count() > text.split("\n\n").count()
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = crate::text::skip_space(text, start);
    let e = crate::text::skip_space_back(text, end);
    if s < e {
        out.push(Span::new(s, e));
    }
}

/// Splits each paragraph into sentences, never inside a quotation of `pairs`.
// Once per document: kept out of line so that profiles show the stage.
#[inline(never)]
pub fn sentences(text: &str, paragraphs: &[Span], pairs: &Pairs) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let bytes = text.as_bytes();
    for para in paragraphs {
        let mut start = para.start;
        let mut i = para.start;
        while i < para.end {
            // Terminators are `.`, `!`, `?` and non-ASCII chars (`…`, `。`,
            // `！`, `？`): other bytes are skipped eight at a time, undecoded.
            let Some(at) = find_bytes(bytes, i, para.end, |x| {
                eq_mask(x, b'.') | eq_mask(x, b'!') | eq_mask(x, b'?') | non_ascii_mask(x)
            }) else {
                break;
            };
            i = at;
            let abs = i;
            let Some(c) = char_at(text, abs) else {
                i += 1;
                continue;
            };
            i += c.len_utf8();
            if !matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？') {
                continue;
            }
            // Absorb closing punctuation and marks after the terminator.
            let mut end = abs + c.len_utf8();
            while let Some(n) = char_at(text, end) {
                if end >= para.end {
                    break;
                }
                if matches!(
                    n,
                    '.' | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '"'
                        | '\''
                        | '”'
                        | '’'
                        | '»'
                        | '«'
                        | '›'
                        | '“'
                        | '」'
                        | '』'
                ) {
                    end += n.len_utf8();
                } else {
                    break;
                }
            }
            if end >= para.end {
                break;
            }
            let next = char_at(text, end);
            if !next.map(is_space).unwrap_or(false) {
                continue;
            }
            let after = crate::text::skip_space(text, end);
            let starter = match char_at(text, after) {
                Some(n) => n.is_uppercase() || n.is_numeric() || is_opening_mark(n),
                None => false,
            };
            if !starter && !matches!(c, '。' | '！' | '？') {
                continue;
            }
            if c == '.' && ends_with_abbreviation(text, start, abs) {
                continue;
            }
            if pairs.inside_quote(abs) && pairs.inside_quote(after) {
                continue;
            }
            out.push(Span::new(start, end));
            start = after;
            // Skip the chars we absorbed.
            i = i.max(after);
        }
        if start < para.end {
            out.push(Span::new(start, para.end));
        }
    }
    // A quotation running over paragraphs keeps one sentence.
    merge_across_paragraphs(&mut out, pairs);
    cap_length(text, out)
}

/// Longest sentence kept whole, in bytes. Longer runs (a giant paragraph with no
/// full stop, a quotation spanning pages) are cut at spaces, so that every
/// per-sentence stage stays linear in the input.
pub const MAX_SENTENCE: usize = 3000;

fn cap_length(text: &str, sentences: Vec<Span>) -> Vec<Span> {
    if sentences.iter().all(|s| s.len() <= MAX_SENTENCE) {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut start = s.start;
        while s.end - start > MAX_SENTENCE {
            let mut cut = start + MAX_SENTENCE;
            while cut > start && !text.is_char_boundary(cut) {
                cut -= 1;
            }
            // Prefer the last space before the limit.
            let at = text
                .get(start..cut)
                .and_then(|t| t.rfind(char::is_whitespace))
                .map(|k| start + k)
                .filter(|&k| k > start);
            let end = at.unwrap_or(cut);
            if end <= start {
                break;
            }
            out.push(Span::new(start, end));
            start = crate::text::skip_space(text, end);
        }
        if start < s.end {
            out.push(Span::new(start, s.end));
        }
    }
    out
}

fn merge_across_paragraphs(sentences: &mut Vec<Span>, pairs: &Pairs) {
    let mut merged: Vec<Span> = Vec::with_capacity(sentences.len());
    for s in sentences.drain(..) {
        if let Some(last) = merged.last_mut() {
            if pairs.same_top_quote(last.end.saturating_sub(1), s.start) {
                last.end = s.end;
                continue;
            }
        }
        merged.push(s);
    }
    *sentences = merged;
}

/// Opening quotation marks (the openers of [`crate::marks::PAIRS`]) and
/// brackets that may start a sentence.
pub(crate) fn is_opening_mark(c: char) -> bool {
    crate::marks::is_opener(c) || matches!(c, '(' | '[')
}

/// Whether the word ending at the dot at `dot` is an abbreviation or an initial.
pub(crate) fn ends_with_abbreviation(text: &str, sentence_start: usize, dot: usize) -> bool {
    let mut s = dot;
    while s > sentence_start {
        match char_before(text, s) {
            Some(c) if c.is_alphanumeric() || c == '.' => s -= c.len_utf8(),
            _ => break,
        }
    }
    let word = text.get(s..dot).unwrap_or("");
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next();
    if chars.next().is_none() {
        // A single capital letter: an initial ("J. Smith").
        return first.map(|c| c.is_uppercase()).unwrap_or(false);
    }
    word.contains('.') || crate::lexicon::is_abbreviation(word)
}

// Property tests need proptest, a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(super) fn doc_of(text: &str) -> Doc {
        let paras = paragraphs(text);
        let pairs = crate::marks::pair_marks(text, &paras);
        let sents = sentences(text, &paras, &pairs);
        Doc::new(text, paras, sents)
    }

    #[test]
    fn words_between_reuses_the_document_words_or_cuts_like_words() {
        let text = "“We won,” said Mr. O’Brien of the U.S. team. Don't stop.";
        let doc = doc_of(text);
        // Bounds between words: the document's own words, borrowed.
        let at = text.find("said").unwrap_or(0);
        let ws = doc.words_between(text, at, text.len(), &mut 0);
        assert!(matches!(ws, Cow::Borrowed(_)));
        let got: Vec<&str> = ws.iter().map(|w| w.text(text)).collect();
        assert_eq!(got[..4], ["said", "Mr.", "O’Brien", "of"]);
        // A bound inside `Don't` and one before the dot of `U.S.`: cut there.
        for (from, to) in [
            (text.find("'t").unwrap_or(0), text.len()),
            (0, text.find(". team").unwrap_or(0)),
        ] {
            assert_eq!(
                doc.words_between(text, from, to, &mut 0).as_ref(),
                crate::text::words(text, from, to)
            );
        }
        // Cut, `TheWeMr.` keeps the dot it dropped whole (found by the
        // property test below).
        let text = "We said TheWeMr.. Then";
        let doc = doc_of(text);
        let from = text.find("Mr").unwrap_or(0);
        let ws = doc.words_between(text, from, from + 3, &mut 0);
        assert_eq!(ws.iter().map(|w| w.text(text)).collect::<Vec<_>>(), ["Mr."]);
    }

    /// Sentences, paragraphs, quotation marks, abbreviations, joiners and
    /// non-ASCII letters: what makes the document's words and a window's differ.
    fn articleish() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "We", " ", "said", ". ", "? ", "! ", "The", "\"", "“", "”", "'", "’", "Mr.", "U.S.",
            "\n", "\n\n", ",", "-", "don't", "é", "Ω", "…", "9.5", "a", "x.", "日本", "\u{a0}",
            "Corp.", "Inc.", "J.",
        ]);
        prop::collection::vec(pieces, 0..100).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn words_between_equals_words(
            text in articleish(),
            a in 0usize..500,
            b in 0usize..500,
            hint in 0usize..200,
        ) {
            let doc = doc_of(&text);
            let bound = |x: usize| {
                let mut x = x.min(text.len());
                while !text.is_char_boundary(x) {
                    x -= 1;
                }
                x
            };
            let (from, to) = (bound(a.min(b)), bound(a.max(b)));
            let reused = doc.words_between(&text, from, to, &mut hint.clone()).into_owned();
            prop_assert_eq!(reused, crate::text::words(&text, from, to));
            for n in [0, 1, 3, 9] {
                let first = doc.first_words(&text, from, to, n, &mut hint.clone()).into_owned();
                let plain: Vec<Word> = crate::text::word_iter(&text, from, to).take(n).collect();
                prop_assert_eq!(first, plain);
            }
        }
    }
}
