//! # whosaid: who said what in a news article
//!
//! `whosaid` reads the text of a news article and finds its **quotes** (direct,
//! indirect, mixed), the **speaker** of each (one entity with all its mentions:
//! full name, surname, pronouns, roles), the **cue** that signals the attribution
//! (`said`, `according to`) and the **sources** (`told the BBC`, `a Reuters
//! report`). It is rules and lexicons, no model download: it runs natively, in
//! a command-line tool and in WebAssembly in a web page, fully offline.
//!
//! ```
//! let text = "\"We will win,\" said Jane Doe. \"We always do.\"";
//! let ann = whosaid::annotate(text);
//! assert_eq!(&text[ann.quotes[0].span()], "We will win,");
//! let speaker = &ann.speakers[ann.quotes[0].speaker.unwrap()];
//! assert_eq!(speaker.name, "Jane Doe");
//! ```
//!
//! ## Offsets
//! Every offset in [`Annotations`] is a UTF-8 byte offset into the input, half-open
//! (`[start, end)`), on a `char` boundary: `&text[quote.start..quote.end]` is the
//! quoted content without its marks. [`offsets`] converts a whole [`Annotations`] to
//! UTF-16 code units (JavaScript) or Unicode code points (Python) in one pass.
//!
//! ## The pipeline
//! One stage, one module, in the order the data flows:
//! [`segment`] (paragraphs and sentences) → [`marks`] (quotation marks paired) →
//! [`quotes`] (direct, mixed, mentions) → [`indirect`] (reported speech) →
//! [`mentions`] (names, pronouns, roles, groups) → [`attribution`] (which mention
//! said which quote) → [`coref`] (mentions joined into speakers) → [`sources`]
//! (outlets and documents) → [`model`] (the output). Lexicons are data in
//! [`lexicon`].
//!
//! ## Markdown
//! [`annotate_markdown`] reads Markdown with pulldown-cmark and reports offsets into
//! the Markdown source; raw HTML is treated as text.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod attribution;
pub mod coref;
#[cfg(feature = "cli")]
pub mod eval;
pub mod indirect;
pub mod lexicon;
pub mod markdown;
pub mod marks;
pub mod mentions;
pub mod model;
pub mod offsets;
pub mod quotes;
pub mod segment;
pub mod sources;
mod span;
mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
#[cfg(target_arch = "wasm32")]
pub mod web;
mod wordmap;

pub use markdown::annotate_markdown;

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
pub use model::{Annotations, Quote, QuoteKind, Source, SourceKind, Speaker, SpeakerKind};
pub use span::Span;

/// How [`annotate_with`] behaves. `Options::default()` is what [`annotate`] uses.
///
/// ```
/// let opts = whosaid::Options { include_mentions: true, ..Default::default() };
/// let ann = whosaid::annotate_with("The so-called \"peace plan\" failed.", &opts);
/// assert_eq!(ann.quotes[0].kind, whosaid::QuoteKind::Mention);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Report scare quotes, titles and words-as-words as quotes of kind
    /// [`QuoteKind::Mention`] (default `false`: leave them out).
    pub include_mentions: bool,
    /// Find indirect (reported) speech without quotation marks (default `true`).
    pub indirect: bool,
    /// Extra cue verbs or phrases (lower case, any inflection listed separately),
    /// added to the built-in lexicon.
    pub extra_cues: Vec<String>,
    /// Extra outlet names (`"Nets Daily"`), added to the built-in list of sources.
    pub extra_outlets: Vec<String>,
    /// Extra given names (`"Ngozi"`) read as female, for names the built-in list
    /// lacks: `she` can then resolve to them and `he` cannot.
    pub extra_female_names: Vec<String>,
    /// Extra given names read as male (see `extra_female_names`).
    pub extra_male_names: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            include_mentions: false,
            indirect: true,
            extra_cues: Vec::new(),
            extra_outlets: Vec::new(),
            extra_female_names: Vec::new(),
            extra_male_names: Vec::new(),
        }
    }
}

/// Annotates plain text with the default [`Options`].
pub fn annotate(text: &str) -> Annotations {
    annotate_with(text, &Options::default())
}

/// Annotates plain text with the given options.
///
/// Never panics, whatever the input; the same input always gives the same output.
pub fn annotate_with(text: &str, options: &Options) -> Annotations {
    let lex = lexicon::Lexicon::new(options);
    let paragraphs = segment::paragraphs(text);
    let pairs = marks::pair_marks(text, &paragraphs);
    let sentences = segment::sentences(text, &paragraphs, &pairs);
    let doc = segment::Doc::new(text, paragraphs, sentences);
    let mut found = quotes::find_quotes(text, &doc, &pairs, &lex);
    if options.indirect {
        indirect::find_indirect(text, &doc, &pairs, &lex, &mut found);
    }
    let ments = mentions::find_mentions(text, &doc, &pairs, &lex);
    let attributed = attribution::attribute(text, &doc, &found, &ments, &lex);
    let srcs = sources::find_sources(text, &doc, &pairs, &lex);
    coref::build(text, found, attributed, &ments, srcs, options)
}
