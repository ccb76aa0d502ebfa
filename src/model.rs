//! The data model of the contract: [`Annotations`], [`Quote`], [`Speaker`], [`Source`].
//!
//! Serialised with serde; JSON field names are camelCase and kinds are lower-case
//! strings, exactly as in the contract.

use crate::Span;
use serde::{Deserialize, Serialize};

/// Everything found in one text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Annotations {
    /// The quotes, in text order; `quotes[i].id == i`.
    pub quotes: Vec<Quote>,
    /// The speakers quoted, in order of first quote; `speakers[i].id == i`.
    pub speakers: Vec<Speaker>,
    /// The outlets and documents quotes are attributed to; `sources[i].id == i`.
    pub sources: Vec<Source>,
}

/// What kind of quote a [`Quote`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words inside quotation marks, attributed to someone.
    Direct,
    /// Reported speech without marks (`X said that …`).
    Indirect,
    /// Reported speech containing a quoted fragment (`She said it was "a disaster".`).
    Mixed,
    /// Scare quotes, titles, words mentioned as words: not a speaker's words.
    Mention,
}

impl QuoteKind {
    /// The contract's name of the kind (`"direct"`, …).
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Mention => "mention",
        }
    }
}

/// One quote: its content, its cue, and who said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// Index of the quote in [`Annotations::quotes`].
    pub id: usize,
    /// Direct, indirect, mixed or mention.
    pub kind: QuoteKind,
    /// Start of the quoted content, without the quotation marks.
    pub start: usize,
    /// End of the quoted content, without the quotation marks.
    pub end: usize,
    /// The word or phrase that signals the attribution (`said`, `according to`).
    pub cue: Option<Span>,
    /// Index of the speaker in [`Annotations::speakers`].
    pub speaker: Option<usize>,
    /// The words naming the speaker for this quote (`he`, `the minister`).
    /// A pronoun that resolves to no earlier mention is kept here with
    /// `speaker` null: every speaker a pronoun names has its antecedent.
    pub mention: Option<Span>,
    /// Index of the source in [`Annotations::sources`].
    pub source: Option<usize>,
    /// How sure the attribution is, from 0 to 1, rounded to two decimals.
    pub confidence: f64,
    /// The name of the rule that made the attribution (or found the quote, when
    /// there is no speaker), for explanations.
    pub rule: String,
    /// For a pronoun or role mention: the earlier mention it was resolved to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<Span>,
    /// For a quote interrupted by its attribution (`"We will win," she said,
    /// "and soon."`): the id of the quote it continues. Both pieces share the speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continues: Option<usize>,
}

impl Quote {
    /// The quoted content as a span.
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// What kind of entity a [`Speaker`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named or described person.
    Person,
    /// A company, ministry, party, team, …
    Organization,
    /// Several people: `officials`, `some analysts`.
    Group,
    /// Not known (`a source close to the talks`, `a reader`).
    Unknown,
}

/// Someone who is quoted: one entity with all its mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Speaker {
    /// Index of the speaker in [`Annotations::speakers`].
    pub id: usize,
    /// The canonical name: the fullest form seen. A description keeps its
    /// determiner, in lower case (`the ministry`, `some analysts`).
    pub name: String,
    /// Person, organisation, group or unknown.
    pub kind: SpeakerKind,
    /// A role or affiliation the text gives (`Huawei's CEO`).
    pub role: Option<String>,
    /// Every mention of the entity, in text order.
    pub mentions: Vec<Span>,
}

/// What kind of thing a [`Source`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A news outlet (`the BBC`, `Reuters`).
    Outlet,
    /// A document (`a statement`, `court filings`, `a report`).
    Document,
    /// An organisation information is attributed to.
    Organization,
    /// Anything else.
    Other,
}

/// An outlet or document that information is attributed to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// Index of the source in [`Annotations::sources`].
    pub id: usize,
    /// The name as first written (`the BBC`, `a Reuters report`).
    pub name: String,
    /// Outlet, document, organisation or other.
    pub kind: SourceKind,
    /// Every mention of the source, in text order.
    pub mentions: Vec<Span>,
}
