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
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    // The Unicode tables behind `is_alphanumeric` are a binary search: the
    // ranges news text is full of are answered first. General Punctuation
    // (curly quotes, dashes, ellipsis, spaces) has no letter or digit; the
    // others are runs of letters only (tests below check both).
    if matches!(c, '\u{2000}'..='\u{206f}') {
        return false;
    }
    in_letter_run(c) || c.is_alphanumeric()
}

/// Whether `c` is in a run of code points that are all letters: accented
/// Latin (without `×`, `÷`), Latin Extended-A/B and IPA, basic Cyrillic, the
/// Hebrew and the basic Arabic letters.
#[inline]
fn in_letter_run(c: char) -> bool {
    matches!(
        c,
        '\u{c0}'..='\u{d6}'
            | '\u{d8}'..='\u{f6}'
            | '\u{f8}'..='\u{2af}'
            | '\u{410}'..='\u{44f}'
            | '\u{5d0}'..='\u{5ea}'
            | '\u{620}'..='\u{64a}'
    )
}

/// Whether `w` is its own lower case, as far as can be told cheaply: ASCII
/// without capitals (most words of news text).
#[inline]
pub(crate) fn is_lower_ascii(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase())
}

/// `t` in lower case, borrowed when it already is ([`is_lower_ascii`]).
pub(crate) fn lower(t: &str) -> std::borrow::Cow<'_, str> {
    if is_lower_ascii(t) {
        t.into()
    } else {
        t.to_lowercase().into()
    }
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

/// `slice.partition_point(pred)` (`pred` true for a prefix of `slice`),
/// searched outward from `*hint` by galloping, then `*hint` set to the answer.
/// A walk through nearby positions of a large document then touches a few
/// neighbouring entries per search, in cache, where a binary search from the
/// middle would touch a cold cache line at nearly every step.
pub(crate) fn partition_point_near<T>(
    slice: &[T],
    hint: &mut usize,
    pred: impl Fn(&T) -> bool,
) -> usize {
    let n = slice.len();
    let h = (*hint).min(n);
    // The answer lies in `lo..=hi`.
    let (mut lo, mut hi) = (0, n);
    let mut step = 1;
    if slice.get(h).is_some_and(&pred) {
        lo = h + 1;
        while let Some(probe) = slice.get(h + step) {
            if !pred(probe) {
                hi = h + step;
                break;
            }
            lo = h + step + 1;
            step *= 2;
        }
    } else {
        hi = h;
        while step <= h {
            if pred(&slice[h - step]) {
                lo = h - step + 1;
                break;
            }
            hi = h - step;
            step *= 2;
        }
    }
    let at = lo + slice.get(lo..hi).map_or(0, |s| s.partition_point(pred));
    *hint = at;
    at
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
    // One allocation for the usual window: news averages a word per six bytes.
    let mut out = Vec::with_capacity(to.saturating_sub(from) / 5 + 1);
    out.extend(word_iter(text, from, to));
    out
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
        // `pos` lives in a register: the loops below run once per byte.
        let (bytes, to) = (self.text.as_bytes(), self.to);
        let mut pos = self.pos;
        // Up to the first word char: ASCII spaces and punctuation in a tight
        // loop, other chars decoded.
        let start = loop {
            while let Some(&b) = bytes.get(pos).filter(|_| pos < to) {
                if ASCII_ALNUM[usize::from(b)] || !b.is_ascii() {
                    break;
                }
                pos += 1;
            }
            if pos >= to {
                self.pos = pos;
                return None;
            }
            let (c, len) = self.char_at(pos);
            if is_word_char(c) {
                break pos;
            }
            pos += len;
        };
        loop {
            // The common case: a run of ASCII letters and digits.
            pos = alnum_run_end(bytes.get(..to).unwrap_or(bytes), pos);
            if pos >= to {
                self.pos = pos;
                return Some(Word { start, end: to });
            }
            let abs = pos;
            let (c, len) = self.char_at(abs);
            pos += len;
            if is_word_char(c) {
                continue;
            }
            let joiner = matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&');
            if joiner && pos < to && is_word_char(self.char_at(pos).0) {
                continue;
            }
            self.pos = pos;
            // Keep an abbreviation's final dot: "U.S.", "Mr.", "Jan."
            let end = if c == '.' && is_abbrev_like(&self.text[start..abs]) {
                abs + 1
            } else {
                abs
            };
            return Some(Word { start, end });
        }
    }
}

/// ASCII letters and digits, by byte: one load instead of three range tests.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

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

/// The high bit set in each byte of `x` (eight bytes, little-endian) that
/// equals `c`, other bits clear; exact, with no false hits from carries.
#[inline(always)]
pub(crate) fn eq_mask(x: u64, c: u8) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let v = x ^ (0x0101_0101_0101_0101 * u64::from(c));
    // A byte of `v` is zero exactly when no bit survives this.
    !(((v & LOW7).wrapping_add(LOW7)) | v | LOW7)
}

/// The high bit of every non-ASCII byte of `x`.
#[inline(always)]
pub(crate) fn non_ascii_mask(x: u64) -> u64 {
    x & 0x8080_8080_8080_8080
}

/// The first position in `[from, to)` of `bytes` whose byte `hit` marks, eight
/// bytes at a time: `hit` maps eight bytes (little-endian) to the high bit of
/// each byte it wants (as [`eq_mask`] and [`non_ascii_mask`] do). A zero byte
/// must not be a hit: the last eight are padded with zeros.
#[inline(always)]
pub(crate) fn find_bytes(
    bytes: &[u8],
    from: usize,
    to: usize,
    hit: impl Fn(u64) -> u64,
) -> Option<usize> {
    let hay = bytes.get(from..to)?;
    let mut eights = hay.chunks_exact(8);
    for (k, eight) in eights.by_ref().enumerate() {
        let m = hit(<[u8; 8]>::try_from(eight).map_or(0, u64::from_le_bytes));
        if m != 0 {
            return Some(from + 8 * k + (m.trailing_zeros() / 8) as usize);
        }
    }
    let rest = eights.remainder();
    let mut buf = [0u8; 8];
    buf[..rest.len()].copy_from_slice(rest);
    let m = hit(u64::from_le_bytes(buf));
    (m != 0).then(|| to - rest.len() + (m.trailing_zeros() / 8) as usize)
}

/// Appends the words of `text[from..to]` to `out`: the words of
/// [`word_iter`]`(text, from, to)`. A word of ASCII letters and digits (with
/// ASCII joiners inside) is read here, a byte-table test a byte; a word that
/// meets a non-ASCII char is read by [`Words`]. (A SWAR version over bit masks
/// of the whole text cost twice the instructions: words average six bytes,
/// too short for eight-byte steps to pay for building the masks.)
pub(crate) fn push_words(text: &str, from: usize, to: usize, out: &mut Vec<Word>) {
    if text.get(from..to).is_none_or(|s| s.is_empty()) {
        return;
    }
    let bytes = &text.as_bytes()[..to];
    let mut pos = from;
    'words: while pos < to {
        // Up to a letter, digit or non-ASCII byte.
        while let Some(&b) = bytes.get(pos) {
            if ASCII_ALNUM[usize::from(b)] || !b.is_ascii() {
                break;
            }
            pos += 1;
        }
        let start = pos;
        let Some(&b) = bytes.get(start) else {
            return;
        };
        if b.is_ascii() {
            let mut end = start + 1;
            loop {
                end = alnum_run_end(bytes, end);
                let Some(&c) = bytes.get(end) else {
                    out.push(Word { start, end: to });
                    return;
                };
                if !c.is_ascii() {
                    break;
                }
                if !matches!(c, b'\'' | b'-' | b'.' | b'&') {
                    out.push(Word { start, end });
                    pos = end + 1;
                    continue 'words;
                }
                // A joiner: inside the word when a word char follows it.
                match bytes.get(end + 1) {
                    Some(&n) if ASCII_ALNUM[usize::from(n)] => end += 2,
                    Some(&n) if !n.is_ascii() => break,
                    _ => {
                        // Keep an abbreviation's final dot: "U.S.", "Mr.", "Jan."
                        let dot = c == b'.' && is_abbrev_like(&text[start..end]);
                        out.push(Word {
                            start,
                            end: if dot { end + 1 } else { end },
                        });
                        pos = end + 1;
                        continue 'words;
                    }
                }
            }
        }
        // A non-ASCII char in or before the word: the full rules.
        let mut words = Words {
            text,
            pos: start,
            to,
        };
        match words.next() {
            Some(w) => out.push(w),
            None => return,
        }
        pos = words.pos;
    }
}

/// The end of the run of ASCII letters and digits from `i` in `bytes`: eight
/// bytes at a time while eight remain (one test for most words, where a test
/// a byte costs a mispredicted branch at every word's end), then a byte at a
/// time.
#[inline(always)]
fn alnum_run_end(bytes: &[u8], mut i: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Per byte y <= 0x7f, `y + (0x80 - n)` sets the byte's high bit iff y >= n,
    // with no carry into the next byte.
    let at_least = |y: u64, n: u8| y.wrapping_add(ONES * u64::from(0x80 - n)) & HIGH;
    while let Some(eight) = bytes.get(i..i + 8) {
        let x = <[u8; 8]>::try_from(eight).map_or(0, u64::from_le_bytes);
        let y = x & LOW7;
        let digit = at_least(y, b'0') & !at_least(y, b'9' + 1);
        let folded = y | (ONES * 0x20);
        let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
        let other = !((digit | letter) & !x) & HIGH;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(|&b| ASCII_ALNUM[usize::from(b)]) {
        i += 1;
    }
    i
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn general_punctuation_has_no_word_char() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(!c.is_alphanumeric(), "{c:?} is alphanumeric");
        }
    }

    #[test]
    fn letter_runs_are_letters() {
        let runs = ('\u{0}'..='\u{ffff}').filter(|&c| in_letter_run(c));
        for c in runs {
            assert!(c.is_alphanumeric(), "{c:?} is not alphanumeric");
        }
    }

    #[test]
    fn push_words_splits_like_word_iter_on_news() {
        let text = "“Mr. O’Brien’s U.S. trip,” said the co-chair — at 9.30 a.m. — of A&M… Éloïse’s 1990s-era ‘rock ’n’ roll’.";
        let mut fast = Vec::new();
        push_words(text, 0, text.len(), &mut fast);
        assert_eq!(fast, words(text, 0, text.len()));
        let texts: Vec<&str> = fast.iter().map(|w| w.text(text)).collect();
        assert_eq!(texts[..4], ["Mr.", "O’Brien’s", "U.S.", "trip"]);
    }

    /// Letters, digits, joiners, spaces, punctuation and non-ASCII letters and
    /// marks, so that every branch of [`push_words`] and [`Words`] is met.
    fn newsish() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "Zq", "7", "U", ".", "'", "-", "&", " ", "\n", ",", "’", "“", "é", "Ω", "…", "—",
            "\u{a0}", "Mr", "9.5", "x.", "日本",
        ]);
        prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn partition_point_near_equals_partition_point(
            mut xs in prop::collection::vec(0u32..1000, 0..300),
            cut in 0u32..1001,
            hint in 0usize..400,
        ) {
            xs.sort_unstable();
            let mut h = hint;
            let near = partition_point_near(&xs, &mut h, |&x| x < cut);
            prop_assert_eq!(near, xs.partition_point(|&x| x < cut));
            prop_assert_eq!(h, near);
        }

        #[test]
        fn find_bytes_equals_position(text in newsish(), a in 0usize..400, b in 0usize..400) {
            let bytes = text.as_bytes();
            let (from, to) = (a.min(b).min(bytes.len()), a.max(b).min(bytes.len()));
            let found = find_bytes(bytes, from, to, |x| {
                eq_mask(x, b'.') | eq_mask(x, b'\'') | non_ascii_mask(x)
            });
            let oracle = bytes[from..to]
                .iter()
                .position(|&c| c == b'.' || c == b'\'' || c >= 0x80)
                .map(|k| from + k);
            prop_assert_eq!(found, oracle);
        }

        #[test]
        fn push_words_equals_word_iter(text in newsish(), a in 0usize..400, b in 0usize..400) {
            let (from, to) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            let mut fast = Vec::new();
            push_words(&text, from, to, &mut fast);
            prop_assert_eq!(fast, word_iter(&text, from, to).collect::<Vec<_>>());
        }
    }
}
