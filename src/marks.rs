//! Quotation marks: which characters open and close quotations, paired in one
//! linear pass.
//!
//! A mark is paired with a later mark only when the (open, close) pair is in
//! [`PAIRS`]. Whether a mark may open or close is judged from its neighbours
//! ("flanking", as CommonMark judges emphasis): an opener is followed by text and
//! preceded by space, punctuation or another mark; a closer the reverse.
//! Apostrophes (`don't`, `Huawei’s`, `’90s`, `rock ’n’ roll`, `the Joneses’`) are
//! recognised and never paired. A mark left open at the end of a paragraph stays
//! open only when the next paragraph re-opens with the same mark (the convention
//! for quotations running over several paragraphs); otherwise it is reported as
//! unclosed and bounded at its paragraph, so a stray mark never swallows the rest
//! of the article. Nesting is bounded at [`MAX_DEPTH`].

use crate::text::{char_at, char_before, eq_mask, find_bytes, is_space, non_ascii_mask};
use crate::Span;

/// The allowed (open, close) pairs, by locale:
/// English `"…"`, `“…”`, `‘…’`, `'…'`; German `„…“`, `‚…‘`, `»…«`; Polish,
/// Dutch, Hungarian `„…”`; French, Spanish, Russian, Italian `«…»`, `‹…›`;
/// Swedish and Finnish `”…”`, `’…’` is left out (too easily an apostrophe);
/// Chinese and Japanese `「…」`, `『…』`. Mixed straight/curly pairs are accepted
/// because pasted text often mixes them.
pub const PAIRS: &[(char, char)] = &[
    ('"', '"'),
    ('"', '”'),
    ('“', '”'),
    ('“', '"'),
    ('‘', '’'),
    ('‘', '\''),
    ('\'', '\''),
    ('\'', '’'),
    ('„', '“'),
    ('„', '”'),
    ('‚', '‘'),
    ('‚', '’'),
    ('«', '»'),
    ('»', '«'),
    ('‹', '›'),
    ('›', '‹'),
    ('”', '”'),
    ('「', '」'),
    ('『', '』'),
];

/// Quotations nested deeper than this are not tracked (their marks are ignored).
pub const MAX_DEPTH: usize = 16;

/// Whether `c` is any quotation mark this module knows.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

/// Whether `c` is a single (apostrophe-like) mark.
fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‹' | '›')
}

fn pair_allowed(open: char, close: char) -> bool {
    PAIRS.iter().any(|&(o, c)| o == open && c == close)
}

/// One pair of quotation marks and the text between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The opening mark (of the first paragraph, for a multi-paragraph quotation).
    pub open: Span,
    /// The closing mark, or `None` when the quotation was never closed.
    pub close: Option<Span>,
    /// The text between the marks, trimmed of spaces.
    pub content: Span,
    /// 0 for an outermost quotation, 1 for a quotation inside it, …
    pub depth: u8,
    /// How many paragraphs the quotation runs over (1 for most).
    pub paragraphs: u16,
    /// The opening mark character.
    pub mark: char,
}

impl Pair {
    /// The whole quotation including its marks.
    pub fn outer(&self) -> Span {
        Span::new(
            self.open.start,
            self.close.map(|c| c.end).unwrap_or(self.content.end),
        )
    }
}

/// All pairs of a text, sorted by opening position.
#[derive(Clone, Debug, Default)]
pub struct Pairs {
    /// Every pair, sorted by `open.start`.
    pub pairs: Vec<Pair>,
    /// Indices into `pairs` of the outermost (depth 0) pairs; they never overlap.
    pub top: Vec<usize>,
    /// The marks-inclusive spans of the `top` pairs, side by side: every stage
    /// asks "is this word inside a quotation?" for most words, and a binary
    /// search over one contiguous array touches far fewer cache lines.
    top_spans: Vec<Span>,
}

impl Pairs {
    /// The outermost pair whose marks-inclusive span contains `pos`.
    pub fn top_at(&self, pos: usize) -> Option<&Pair> {
        let i = self.top_index(pos)?;
        Some(&self.pairs[self.top[i]])
    }

    /// Index into `top` of the outermost pair containing `pos`.
    #[inline]
    fn top_index(&self, pos: usize) -> Option<usize> {
        let i = self.top_spans.partition_point(|s| s.start <= pos);
        let i = i.checked_sub(1)?;
        (pos < self.top_spans[i].end).then_some(i)
    }

    /// Whether `pos` lies inside an outermost quotation (marks included).
    #[inline]
    pub fn inside_quote(&self, pos: usize) -> bool {
        self.top_index(pos).is_some()
    }

    /// Whether `a` and `b` lie inside the same outermost quotation.
    pub fn same_top_quote(&self, a: usize, b: usize) -> bool {
        match (self.top_at(a), self.top_at(b)) {
            (Some(x), Some(y)) => x.open == y.open,
            _ => false,
        }
    }

    /// The outermost pairs, in order.
    pub fn top_pairs(&self) -> impl Iterator<Item = &Pair> + '_ {
        self.top.iter().map(move |&k| &self.pairs[k])
    }
}

#[derive(Clone, Copy, Debug)]
struct Open {
    mark: char,
    span: Span,
    paragraphs: u16,
}

/// Words that start with an apostrophe in informal English (`'em`, `'til`).
const ELISIONS: &[&str] = &[
    "bout", "cause", "cos", "em", "n", "round", "s", "til", "tis", "twas",
];

fn neighbour_is_open_side(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            is_space(c)
                || is_quote_mark(c)
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '―'
                        | '-'
                        | '/'
                        | ':'
                        | '>'
                        | '\u{2060}'
                        | '\u{200b}'
                )
        }
    }
}

fn neighbour_is_close_side(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            is_space(c)
                || is_quote_mark(c)
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '—'
                        | '–'
                        | '―'
                        | '-'
                        | '…'
                        | '/'
                        | '<'
                        | '\u{200b}'
                )
        }
    }
}

/// Pairs the quotation marks of `text`, paragraph by paragraph.
// Once per document: kept out of line so that profiles show the stage.
#[inline(never)]
pub fn pair_marks(text: &str, paragraphs: &[Span]) -> Pairs {
    let mut pairs: Vec<Pair> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut prev_para_end = 0usize;
    for para in paragraphs {
        let mut from = para.start;
        if let Some(first) = stack.first().copied() {
            let reopen = mark_at(text, para.start);
            let continues = reopen.is_some_and(|(c, _)| c == first.mark);
            if continues {
                // Only the outermost quotation runs on; inner ones end here.
                flush(&mut stack, 1, prev_para_end, text, &mut pairs);
                if let Some(o) = stack.first_mut() {
                    o.paragraphs = o.paragraphs.saturating_add(1);
                }
                from = para.start + reopen.map_or(0, |(_, len)| len);
            } else {
                flush(&mut stack, 0, prev_para_end, text, &mut pairs);
            }
        }
        scan_paragraph(text, Span::new(from, para.end), &mut stack, &mut pairs);
        prev_para_end = para.end;
    }
    flush(&mut stack, 0, prev_para_end, text, &mut pairs);
    pairs.sort_by_key(|p| (p.open.start, p.depth));
    // Outermost pairs: those not inside an earlier outermost pair.
    let mut top = Vec::new();
    let mut reach = 0usize;
    for (k, p) in pairs.iter().enumerate() {
        if p.open.start >= reach || top.is_empty() {
            top.push(k);
            reach = p.outer().end;
        }
    }
    let top_spans = top.iter().map(|&k| pairs[k].outer()).collect();
    Pairs {
        pairs,
        top,
        top_spans,
    }
}

/// Reports every open mark above `keep` as unclosed, ending at `end`.
fn flush(stack: &mut Vec<Open>, keep: usize, end: usize, text: &str, pairs: &mut Vec<Pair>) {
    while stack.len() > keep {
        let depth = stack.len() - 1;
        if let Some(o) = stack.pop() {
            pairs.push(make_pair(text, o, None, end, depth));
        }
    }
}

fn make_pair(text: &str, o: Open, close: Option<Span>, end: usize, depth: usize) -> Pair {
    let content_end = close.map(|c| c.start).unwrap_or(end);
    let s = crate::text::skip_space(text, o.span.end).min(content_end);
    let e = crate::text::skip_space_back(text, content_end).max(s);
    Pair {
        open: o.span,
        close,
        content: Span::new(s, e),
        depth: depth.min(u8::MAX as usize) as u8,
        paragraphs: o.paragraphs,
        mark: o.mark,
    }
}

fn scan_paragraph(text: &str, para: Span, stack: &mut Vec<Open>, pairs: &mut Vec<Pair>) {
    let bytes = text.as_bytes();
    let mut skip_until = 0usize;
    let mut i = para.start;
    while i < para.end {
        // Only `"`, `'` and non-ASCII chars (the curly, angle and corner
        // marks) can be marks: other bytes are skipped eight at a time.
        let Some(at) = find_bytes(bytes, i, para.end, |x| {
            eq_mask(x, b'"') | eq_mask(x, b'\'') | non_ascii_mask(x)
        }) else {
            break;
        };
        i = at;
        let Some((c, len)) = mark_at(text, i) else {
            break;
        };
        if is_quote_mark(c) && i >= skip_until {
            if let Some(end) = scan_mark(text, para, i, (c, len), stack, pairs) {
                skip_until = end;
            }
        }
        i += len;
    }
}

/// The char at byte `pos` and its length, with two apostrophes read as one
/// double mark: `''Prison Break,''` is how some newspapers' systems write
/// `"Prison Break,"`. Of three, the single mark is the inner one: three
/// after a word close a single then a double (`'a special case,'''`), three
/// before one open a double then a single.
pub(crate) fn mark_at(text: &str, pos: usize) -> Option<(char, usize)> {
    let b = text.as_bytes();
    let apostrophe = |i: usize| b.get(i) == Some(&b'\'');
    if !apostrophe(pos) || !(apostrophe(pos + 1) || pos > 0 && apostrophe(pos - 1)) {
        return char_at(text, pos).map(|c| (c, c.len_utf8()));
    }
    // The run of apostrophes around `pos`, counted up to four (longer runs
    // stay single marks).
    let back = b[..pos]
        .iter()
        .rev()
        .take(3)
        .take_while(|&&c| c == b'\'')
        .count();
    let start = pos - back;
    let len = b[start..]
        .iter()
        .take(4)
        .take_while(|&&c| c == b'\'')
        .count();
    let double = match (len, back) {
        (2, 0) => true,
        (3, k) => {
            let closing = char_before(text, start).is_some_and(|c| !is_space(c));
            k == usize::from(closing)
        }
        _ => false,
    };
    Some(if double { ('"', 2) } else { ('\'', 1) })
}

/// One quotation mark `c` (`len` bytes) at byte `i` of `para`: an apostrophe (ignored), an
/// opener (pushed) or a closer (paired with the innermost allowed opener).
/// Returns the end of an elided word to skip (`rock ’n’ roll`).
///
/// Kept out of the loop of [`scan_paragraph`] on purpose: inlined there, LLVM's
/// loop unswitching spent ten minutes on this one function in release builds.
#[inline(never)]
fn scan_mark(
    text: &str,
    para: Span,
    i: usize,
    (c, len): (char, usize),
    stack: &mut Vec<Open>,
    pairs: &mut Vec<Pair>,
) -> Option<usize> {
    let span = Span::new(i, i + len);
    let prev = char_before(text, i).filter(|_| i > para.start || i > 0);
    let prev = if i == para.start { None } else { prev };
    let next = if span.end >= para.end {
        None
    } else {
        char_at(text, span.end)
    };
    let can_open_flank = next.is_some_and(|n| !is_space(n)) && neighbour_is_open_side(prev);
    // `divisive,”Clinton said`: pasted text that lost the space after a
    // closing mark; punctuation before and a capital after still close.
    let lost_space = prev.is_some_and(|p| matches!(p, ',' | '.' | '!' | '?'))
        && next.is_some_and(char::is_uppercase);
    let can_close_flank =
        prev.is_some_and(|p| !is_space(p)) && (neighbour_is_close_side(next) || lost_space);

    if is_single(c) || c == '’' || c == '‘' {
        // Apostrophes inside words: don't, Huawei’s.
        if prev.is_some_and(|p| p.is_alphanumeric()) && next.is_some_and(|n| n.is_alphanumeric()) {
            return None;
        }
        if matches!(c, '\'' | '’' | '‘') {
            // A dropped g or a plural possessive right before the closing mark:
            // in `‘Keep on movin’,’` the mark after the comma closes.
            if matches!(c, '\'' | '’')
                && prev.is_some_and(|p| p.is_alphanumeric())
                && next.is_some_and(|n| matches!(n, ',' | '.' | '!' | '?' | ';'))
                && span.end + 1 < para.end
                && char_at(text, span.end + 1) == Some(c)
            {
                return None;
            }
            // ’90s, 'em, 'til; rock ’n’ roll (both marks).
            if next.is_some_and(|n| n.is_ascii_digit())
                && !prev.is_some_and(|p| p.is_alphanumeric())
            {
                return None;
            }
            // Possessive plurals and dropped g's before a lower-case word:
            // the Joneses’ idea, goin’ home.
            if matches!(c, '\'' | '’')
                && prev.is_some_and(|p| matches!(p, 's' | 'n'))
                && next.is_some_and(|n| n == ' ')
            {
                let after = char_at(text, span.end + 1);
                if after.is_some_and(|a| a.is_lowercase()) {
                    return None;
                }
            }
            if !prev.is_some_and(|p| p.is_alphanumeric()) {
                if let Some(w) = word_after(text, span.end, para.end) {
                    let lw = w.to_ascii_lowercase();
                    if ELISIONS.contains(&lw.as_str()) {
                        let after = span.end + w.len();
                        if lw != "n" {
                            return None;
                        }
                        if let Some(m) = char_at(text, after).filter(|m| matches!(m, '\'' | '’'))
                        {
                            return Some(after + m.len_utf8());
                        }
                    }
                }
            }
        }
    }

    // Unambiguous brackets.
    match c {
        '「' | '『' => {
            push(stack, c, span);
            return None;
        }
        '」' | '』' => {
            close(text, stack, c, span, pairs);
            return None;
        }
        _ => {}
    }

    let guillemet = matches!(c, '«' | '»' | '‹' | '›');
    let (can_open, can_close) = if guillemet {
        // French spacing: « Bonjour » with (no-break) spaces inside.
        (
            neighbour_is_open_side(prev) && next.is_some(),
            neighbour_is_close_side(next) && prev.is_some(),
        )
    } else {
        (can_open_flank, can_close_flank)
    };
    let has_match = stack.iter().any(|o| pair_allowed(o.mark, c));
    if can_close && has_match {
        close(text, stack, c, span, pairs);
    } else if can_open && is_opener(c) {
        if matches!(c, '’' | '\'') && prev.is_some_and(|p| p.is_alphanumeric()) {
            return None;
        }
        push(stack, c, span);
    } else if can_close && !has_match {
        // A closer with nothing to close: an apostrophe (goin’, the Joneses’)
        // or a stray mark. Ignored.
    }
    None
}

/// Whether `c` opens some pair of [`PAIRS`].
pub(crate) fn is_opener(c: char) -> bool {
    PAIRS.iter().any(|&(o, _)| o == c)
}

fn word_after(text: &str, from: usize, limit: usize) -> Option<&str> {
    let slice = text.get(from..limit)?;
    let end = slice
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(slice.len());
    (end > 0).then(|| &slice[..end])
}

fn push(stack: &mut Vec<Open>, mark: char, span: Span) {
    if stack.len() < MAX_DEPTH {
        stack.push(Open {
            mark,
            span,
            paragraphs: 1,
        });
    }
}

fn close(text: &str, stack: &mut Vec<Open>, c: char, span: Span, pairs: &mut Vec<Pair>) {
    let Some(k) = stack.iter().rposition(|o| pair_allowed(o.mark, c)) else {
        return;
    };
    // Anything opened inside and left open ends unclosed just before this mark.
    flush(stack, k + 1, span.start, text, pairs);
    if let Some(o) = stack.pop() {
        pairs.push(make_pair(text, o, Some(span), span.start, k));
    }
}
