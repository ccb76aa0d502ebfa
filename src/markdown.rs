//! Markdown input: the text of a Markdown document, read with pulldown-cmark, is
//! annotated, and every offset is mapped back into the Markdown source.
//!
//! Each block (paragraph, heading, list item, block quote line) becomes a paragraph
//! of plain text; inline markup (`*emphasis*`, links) is dropped and its text kept;
//! raw HTML is kept as text, never interpreted. Offsets in the result point into
//! the Markdown source, so `&markdown[quote.start..quote.end]` is the quote as
//! written there (with any inline markup inside it).

use crate::{Annotations, Options, Span};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The plain text of a Markdown document with a map back to the source.
#[derive(Clone, Debug, Default)]
pub struct Plain {
    /// The extracted text: blocks separated by blank lines.
    pub text: String,
    /// Pieces `(plain_start, source_start, len)`: `text[plain_start..plain_start+len]`
    /// was copied from `source[source_start..source_start+len]`, sorted.
    pieces: Vec<(usize, usize, usize)>,
}

impl Plain {
    /// Maps a byte offset of [`Plain::text`] to the Markdown source.
    pub fn to_source(&self, plain: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.0 <= plain);
        match i.checked_sub(1).and_then(|k| self.pieces.get(k)) {
            Some(&(ps, ss, len)) if plain <= ps + len => ss + (plain - ps),
            Some(&(ps, ss, len)) => {
                // In a separator between pieces: the end of the previous piece, or
                // the start of the next if `plain` is past a block break.
                match self.pieces.get(i) {
                    Some(&(_, next_ss, _)) if plain > ps + len + 1 => next_ss,
                    _ => ss + len,
                }
            }
            None => self.pieces.first().map(|p| p.1).unwrap_or(0),
        }
    }
}

/// Extracts the plain text of `markdown`.
pub fn to_plain(markdown: &str) -> Plain {
    let mut plain = Plain::default();
    let mut in_code_block = false;
    for (event, range) in Parser::new(markdown).into_offset_iter() {
        match event {
            Event::Text(t) | Event::Code(t) => {
                if in_code_block {
                    continue;
                }
                push_piece(&mut plain, markdown, &t, range.start..range.end);
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                push_piece(&mut plain, markdown, &t, range.start..range.end);
            }
            Event::SoftBreak | Event::HardBreak => plain.text.push(' '),
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::HtmlBlock,
            ) if !plain.text.is_empty() && !plain.text.ends_with("\n\n") => {
                plain.text.push_str("\n\n");
            }
            _ => {}
        }
    }
    plain
}

fn push_piece(plain: &mut Plain, source: &str, t: &str, range: std::ops::Range<usize>) {
    let at = plain.text.len();
    plain.text.push_str(t);
    // When the event's text is verbatim in the source, map byte for byte;
    // otherwise (entities, escapes) map the whole piece to the range start.
    match source.get(range.clone()) {
        Some(s) if s == t => plain.pieces.push((at, range.start, t.len())),
        Some(s) => {
            if let Some(k) = s.find(t) {
                plain.pieces.push((at, range.start + k, t.len()));
            } else {
                plain.pieces.push((at, range.start, 0));
            }
        }
        None => plain.pieces.push((at, range.start, 0)),
    }
}

/// Annotates a Markdown document with the default options; offsets point into
/// `markdown`.
///
/// ```
/// let md = "# News\n\n\"We *will* win,\" said Jane Doe.\n";
/// let ann = whosaid::annotate_markdown(md);
/// assert_eq!(&md[ann.quotes[0].span()], "We *will* win,");
/// ```
pub fn annotate_markdown(markdown: &str) -> Annotations {
    annotate_markdown_with(markdown, &Options::default())
}

/// Annotates a Markdown document with options; offsets point into `markdown`.
pub fn annotate_markdown_with(markdown: &str, options: &Options) -> Annotations {
    let plain = to_plain(markdown);
    let mut ann = crate::annotate_with(&plain.text, options);
    let map = |o: &mut usize| {
        let s = plain.to_source(*o).min(markdown.len());
        // Stay on a char boundary.
        let mut s = s;
        while s > 0 && !markdown.is_char_boundary(s) {
            s -= 1;
        }
        *o = s;
    };
    let span = |s: &mut Span| {
        map(&mut s.start);
        map(&mut s.end);
        if s.end < s.start {
            s.end = s.start;
        }
    };
    for q in &mut ann.quotes {
        map(&mut q.start);
        map(&mut q.end);
        if q.end < q.start {
            q.end = q.start;
        }
        for s in [&mut q.cue, &mut q.mention, &mut q.antecedent]
            .into_iter()
            .flatten()
        {
            span(s);
        }
    }
    // Mentions inside the same piece of markup (an inline code span) can map to
    // the same Markdown span: keep each once, in order.
    for s in &mut ann.speakers {
        s.mentions.iter_mut().for_each(span);
        s.mentions.dedup();
    }
    for s in &mut ann.sources {
        s.mentions.iter_mut().for_each(span);
        s.mentions.dedup();
    }
    ann
}
