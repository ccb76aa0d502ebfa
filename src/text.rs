//! Small, total helpers over `&str` and byte offsets shared by the stages.

/// The char starting at byte `i`, if `i` is a boundary inside `text`.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The char ending at byte `i` (just before it), if any.
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Letters, digits and the marks that join words.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whitespace including no-break spaces.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2007}' || c == '\u{feff}'
}

/// The end of the phrase starting at `start`: the next clause punctuation
/// (`, ; : ( ) " “ ” — – ― ! ?`, a line break, or a full stop before a space
/// or the end), not past `limit`.
pub(crate) fn phrase_end(text: &str, start: usize, limit: usize) -> usize {
    let mut end = start;
    while end < limit {
        match char_at(text, end) {
            Some(
                ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '\n' | '—' | '–' | '―' | '!' | '?',
            )
            | None => break,
            Some('.') if char_at(text, end + 1).is_none_or(char::is_whitespace) => break,
            Some(c) => end += c.len_utf8(),
        }
    }
    end
}

/// Skips spaces forward from `i`.
pub(crate) fn skip_space(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if !is_space(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Skips spaces backward from `i`.
pub(crate) fn skip_space_back(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_before(text, i) {
        if !is_space(c) {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

/// A word: a maximal run of word chars, with inner `'`, `’`, `-`, `.` joining
/// (`don't`, `Lee-Makiyama`, `U.S.`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
}

// The helpers below run for every word: inlined even in the size-optimised
// wasm build, where a call per word costs more than the code.
impl Word {
    #[inline(always)]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    #[inline(always)]
    pub fn span(&self) -> crate::Span {
        crate::Span::new(self.start, self.end)
    }
}

/// Every word of `text[from..to]`, in order.
pub(crate) fn words(text: &str, from: usize, to: usize) -> Vec<Word> {
    word_iter(text, from, to).collect()
}

/// The words of `text[from..to]`, lazily: for callers that stop early
/// (`word_iter(..).nth(1).is_some()`: "at least two words").
pub(crate) fn word_iter(text: &str, from: usize, to: usize) -> Words<'_> {
    let valid = text.get(from..to).is_some_and(|s| !s.is_empty());
    Words {
        text,
        pos: if valid { from } else { to },
        to,
    }
}

/// The iterator of [`word_iter`]: walks bytes, decoding a char only where a
/// byte is not ASCII (most of news text is).
pub(crate) struct Words<'a> {
    text: &'a str,
    /// The next byte to read; always a char boundary.
    pos: usize,
    to: usize,
}

impl Words<'_> {
    /// The char at byte `i` (`i < self.to`, on a char boundary) and its length.
    #[inline(always)]
    fn char_at(&self, i: usize) -> (char, usize) {
        let b = self.text.as_bytes()[i];
        if b.is_ascii() {
            return (char::from(b), 1);
        }
        let c = self.text[i..self.to].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

impl Iterator for Words<'_> {
    type Item = Word;

    fn next(&mut self) -> Option<Word> {
        let mut start: Option<usize> = None;
        let bytes = self.text.as_bytes();
        while self.pos < self.to {
            let abs = self.pos;
            if bytes[abs].is_ascii_alphanumeric() {
                // The common case: a run of ASCII letters and digits.
                start.get_or_insert(abs);
                self.pos += 1;
                while self.pos < self.to && bytes[self.pos].is_ascii_alphanumeric() {
                    self.pos += 1;
                }
                continue;
            }
            let (c, len) = self.char_at(abs);
            self.pos += len;
            if is_word_char(c) {
                if start.is_none() {
                    start = Some(abs);
                }
            } else if let Some(s) = start {
                let joiner = matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&');
                if joiner && self.pos < self.to && is_word_char(self.char_at(self.pos).0) {
                    continue;
                }
                // Keep an abbreviation's final dot: "U.S.", "Mr.", "Jan."
                let end = if c == '.' && is_abbrev_like(&self.text[s..abs]) {
                    abs + 1
                } else {
                    abs
                };
                return Some(Word { start: s, end });
            }
        }
        start.map(|s| Word {
            start: s,
            end: self.to,
        })
    }
}

/// `U.S`, `Mr`, `J`: the part before a dot that makes it an abbreviation rather
/// than a sentence end, judged by shape only (the lexicon adds known titles).
fn is_abbrev_like(w: &str) -> bool {
    let mut chars = w.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => w.contains('.') || crate::lexicon::is_abbreviation(w),
    }
}

/// Whether the word starts with an upper-case letter.
pub(crate) fn is_capitalized(w: &str) -> bool {
    w.chars().next().map(|c| c.is_uppercase()).unwrap_or(false)
}

/// The last word of `text[from..to]`, as `words(text, from, to).last()`, but
/// tokenising only after the last ASCII space when there is a word there (a
/// space ends every word, so the words after it are the same either way).
pub(crate) fn last_word(text: &str, from: usize, to: usize) -> Option<Word> {
    let after_space = text
        .get(from..to)?
        .as_bytes()
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(from, |k| from + k + 1);
    word_iter(text, after_space, to)
        .last()
        .or_else(|| word_iter(text, from, to).last())
}
