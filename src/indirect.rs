//! Reported speech without quotation marks (`X said (that) …`, `…, X said.`,
//! `according to X, …`, `X: …` headlines), and mixed quotes: reported speech
//! that contains a quoted fragment.
//!
//! No parser: the cue is found from the lexicon, its subject from the words
//! between the clause start and the cue (a name, a role, a pronoun, or any short
//! noun phrase: `A Bloomberg poll shows …`), and the reported content from the
//! cue's complement (its `that`, its particle, a `to` infinitive, an object) to
//! the end of the sentence or the start of a trailing attribution. Content spans
//! include the complementiser (`that …`), as human annotators mark them.
//!
//! The rules, as reported in a quote's `rule`:
//! - `subject-cue-that-clause`, `subject-cue-content`: `X said (that) …`,
//!   `X called for …`, `Jane Lee visited the plant and said …`.
//! - `passive-cue`: `Trump is expected to …`, `Oz was called a charlatan by
//!   fellow physicians`: the subject is spoken of, not speaking; the speaker
//!   is the agent after `by`, or no one.
//! - `reported-adverb`: `The group is reportedly spending …`: the predicate,
//!   reported by no one named.
//! - `clause-comma-speaker-cue`: `…, X said.`, `…, said X.`
//! - `interposed-attribution`: `The museum, Mr. Obama said, would …` (both halves).
//! - `comma-gerund-cue`: `…, saying (that) …`, `…, pointing to …`.
//! - `according-to-x-clause`, `clause-according-to-x`, `interposed-according-to`:
//!   `According to X, …`, `…, according to X.`, `…, according to X, …`.
//! - `headline-speaker-colon`: `Name: claim` opening a paragraph.
//! - `mixed-…`: the same rules when the clause holds a quoted fragment.

use std::cell::{Cell, OnceCell};

use crate::lexicon::{self, Cue, Lexicon, DOCUMENT_NOUN_SET};
use crate::marks::{Pair, Pairs};
use crate::mentions::{np_after, np_before, Mention};
use crate::quotes::Candidate;
use crate::segment::Doc;
use crate::text::{
    char_at, char_before, is_capitalized, lower, phrase_end, skip_space, skip_space_back,
    word_iter, words, Word,
};
use crate::{QuoteKind, Span};

/// The bytes of word `w` (its text without the char-boundary checks).
fn word_bytes(text: &str, w: Word) -> &[u8] {
    text.as_bytes().get(w.start..w.end).unwrap_or(&[])
}

/// Whether `w` (in lower case) is a word after which a cue form is a noun or
/// an infinitive, not a finite speech verb (`the report`, `to say`).
// Asked of nearly every word: inlined, it is a few compares.
#[inline(always)]
fn blocks_cue(w: &[u8]) -> bool {
    matches!(
        w,
        b"a" | b"about"
            | b"against"
            | b"an"
            | b"at"
            | b"by"
            | b"for"
            | b"from"
            | b"her"
            | b"his"
            | b"in"
            | b"into"
            | b"its"
            | b"my"
            | b"no"
            | b"of"
            | b"on"
            | b"our"
            | b"the"
            | b"their"
            | b"this"
            | b"to"
            | b"with"
            | b"your"
    )
}

/// Where the verb starts that an infinitive cue at `k` carries on (`went on
/// to say`, `goes on to call`, `proceeded to argue`): such an infinitive is
/// the subject's speech, not a plan or a purpose (`to say`).
fn chain_start(text: &str, ws: &[Word], k: usize) -> Option<usize> {
    let word = |i: usize| ws[i].text(text);
    if k < 2 || word(k - 1) != "to" {
        return None;
    }
    if matches!(word(k - 2), "proceeded" | "proceeds") {
        return Some(k - 2);
    }
    let on = k.checked_sub(3)?;
    (word(k - 2) == "on" && matches!(word(on), "went" | "goes" | "go" | "going" | "gone"))
        .then_some(on)
}

/// Weak cue lemmas whose base and `-s` forms are more often nouns (`the plan`,
/// `financial hope`, `public support`).
const NOUNISH: &[&str] = &[
    "attack", "blast", "call", "charge", "comment", "demand", "estimate", "fear", "forecast",
    "hope", "name", "offer", "order", "plan", "point", "post", "promise", "question", "report",
    "request", "show", "signal", "state", "support", "view", "vote", "worry",
];

/// Words before a base or `-s` form of a weak cue (`hope`, `plans`, `support`)
/// that show it is a verb with its subject (`we hope`, `Democrats support`).
const VERB_MARKERS: &[&str] = &[
    "also", "and", "can", "could", "did", "do", "does", "he", "i", "it", "may", "might", "must",
    "never", "not", "often", "should", "she", "still", "they", "we", "will", "would", "you",
];

/// Particles that belong to the cue (`pointed to`, `called for`, `talking about`).
const PARTICLES: &[&str] = &["about", "against", "for", "of", "on", "out", "to"];

/// Cue lemmas that take a `to` infinitive as their content (`declined to
/// comment`, `vowed to fight`), unlike `pointed to`, `referred to`.
const INFINITIVE_CUES: &[&str] = &[
    "agree", "appear", "decide", "decline", "demand", "expect", "hope", "offer", "plan", "pledge",
    "prefer", "promise", "refuse", "seek", "seem", "swear", "threaten", "vow", "want",
];

/// Words that end a subject when walking back from a cue: the subject starts
/// after them.
const CLAUSE_OPENERS: &[&str] = &[
    "after", "although", "and", "as", "because", "before", "but", "if", "since", "so", "that",
    "though", "when", "where", "whereas", "which", "while", "who", "whom", "yet",
];

/// Function words that cannot be a subject on their own.
const NOT_SUBJECT: &[&str] = &[
    "also", "already", "am", "are", "be", "been", "being", "can", "could", "did", "do", "does",
    "even", "had", "has", "have", "is", "just", "may", "might", "must", "not", "now", "often",
    "only", "should", "still", "then", "was", "were", "will", "would",
];

/// Prepositions that cannot start a subject (`In this season, we hope`).
const PREPOSITIONS: &[&str] = &[
    "after", "at", "before", "by", "during", "for", "from", "in", "of", "on", "over", "to",
    "under", "with",
];

/// Finds reported speech in `text` and adds it to `found`, turning quoted
/// fragments inside reported clauses into mixed quotes.
// Called once per document: kept out of line so that profiles show the stage.
#[inline(never)]
pub fn find_indirect(
    text: &str,
    doc: &Doc,
    pairs: &Pairs,
    lex: &Lexicon,
    found: &mut Vec<Candidate>,
) {
    // The quotes in marks come first in `found`, sorted; reported speech is
    // appended after them.
    let marked = found.len();
    // One buffer for the words' cues, reused sentence after sentence.
    let mut cues = Vec::new();
    for (si, &span) in doc.sentences.iter().enumerate() {
        let ws = doc.sentence_words(si);
        if ws.is_empty() {
            continue;
        }
        cues.clear();
        cues.resize(ws.len(), Cell::new(None));
        let quotes = QuoteWalk::new(pairs, span.start);
        let s = Sentence {
            text,
            span,
            ws,
            pairs,
            lex,
            cues: &cues,
            quotes,
            quoted: quotes.reaches(span.end),
            headline: OnceCell::new(),
        };
        find_in_sentence(&s, doc, si, found, marked);
    }
}

/// One sentence as the rules read it, with the facts about its words that
/// they ask for more than once, each worked out at most once.
struct Sentence<'a> {
    text: &'a str,
    span: Span,
    ws: &'a [Word],
    pairs: &'a Pairs,
    lex: &'a Lexicon,
    /// The cue of each word of `ws`, once looked up.
    cues: &'a [Cell<Option<Option<Cue>>>],
    /// The outermost quotations from the sentence's start on.
    quotes: QuoteWalk<'a>,
    /// Whether a quotation overlaps the sentence: when none does, no position
    /// inside it is quoted and the marks need not be searched.
    quoted: bool,
    /// Whether the sentence is in title case (see [`title_case`]).
    headline: OnceCell<bool>,
}

impl Sentence<'_> {
    /// The cue word `i` is a form of, if any ([`Lexicon::cue`], once per word).
    // Asked for nearly every word: inlined, the cache costs a few instructions.
    #[inline(always)]
    fn cue(&self, i: usize) -> Option<Cue> {
        let cell = &self.cues[i];
        cell.get().unwrap_or_else(|| {
            let w = self.ws[i];
            let cue = self.lex.cue_in(self.text, w.start, w.end);
            cell.set(Some(cue));
            cue
        })
    }

    /// [`Pairs::inside_quote`], answered without a search inside a sentence
    /// that no quotation overlaps.
    fn inside_quote(&self, pos: usize) -> bool {
        let here = self.span.start <= pos && pos < self.span.end;
        (self.quoted || !here) && self.pairs.inside_quote(pos)
    }

    /// Whether the sentence is written in title case, like a headline.
    fn headline(&self) -> bool {
        *self.headline.get_or_init(|| title_case(self.text, self.ws))
    }
}

/// [`Pairs::inside_quote`] for the increasing positions of one walk through a
/// sentence: the outermost quotations are sorted and never overlap, so one
/// cursor over them replaces a search per position.
#[derive(Clone, Copy)]
struct QuoteWalk<'p> {
    pairs: &'p Pairs,
    /// The first outermost quotation that ends after the positions asked so far.
    next: usize,
}

impl<'p> QuoteWalk<'p> {
    /// A walk from position `from` on.
    fn new(pairs: &'p Pairs, from: usize) -> Self {
        let next = pairs
            .top
            .partition_point(|&t| pairs.pairs.get(t).is_some_and(|p| p.outer().end <= from));
        QuoteWalk { pairs, next }
    }

    /// Whether the next quotation starts before `end`.
    fn reaches(&self, end: usize) -> bool {
        let pairs = self.pairs;
        pairs
            .top
            .get(self.next)
            .and_then(|&t| pairs.pairs.get(t))
            .is_some_and(|p| p.outer().start < end)
    }

    /// Whether `pos` (not before the positions asked so far) is quoted.
    fn inside(&mut self, pos: usize) -> bool {
        let pairs = self.pairs;
        let inside = loop {
            match pairs.top.get(self.next).and_then(|&t| pairs.pairs.get(t)) {
                Some(p) if p.outer().end <= pos => self.next += 1,
                Some(p) => break p.outer().start <= pos,
                None => break false,
            }
        };
        debug_assert_eq!(inside, pairs.inside_quote(pos));
        inside
    }
}

/// A cue word (word `k` of its sentence) and the noun phrases before it that
/// several rules ask for, each found at most once.
struct CueAt<'s, 'a> {
    s: &'s Sentence<'a>,
    k: usize,
    /// The mention ending right before the cue ([`np_before`] back to the
    /// sentence start).
    mention: OnceCell<Option<Mention>>,
    /// The cue's subject ([`subject_before`]).
    subject: OnceCell<Option<Span>>,
}

impl<'s, 'a> CueAt<'s, 'a> {
    fn new(s: &'s Sentence<'a>, k: usize) -> Self {
        CueAt {
            s,
            k,
            mention: OnceCell::new(),
            subject: OnceCell::new(),
        }
    }

    /// The cue word.
    fn word(&self) -> Word {
        self.s.ws[self.k]
    }

    /// The mention ending right before the cue, if any (read from the
    /// sentence's words, not tokenised again).
    fn mention(&self) -> Option<&Mention> {
        self.mention
            .get_or_init(|| {
                let s = self.s;
                crate::mentions::np_before_within(
                    s.text,
                    s.ws,
                    self.word().start,
                    s.span.start,
                    s.lex,
                )
            })
            .as_ref()
    }

    /// The cue's subject, if it has one.
    fn subject(&self) -> Option<Span> {
        *self.subject.get_or_init(|| subject_before(self))
    }
}

/// Whether `t` in lower case is one of `list` (lower-case ASCII words
/// without a `k`), with no lower-case copy of `t`: a non-ASCII word
/// lower-cases to ASCII only through the Kelvin sign (`K` to `k`).
fn listed(list: &[&str], t: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(t))
}

/// The rules over one sentence (`si` in `doc`): `according to`, a headline's
/// colon, then each cue word in turn.
fn find_in_sentence(s: &Sentence, doc: &Doc, si: usize, found: &mut Vec<Candidate>, marked: usize) {
    let (text, sentence, ws, pairs) = (s.text, s.span, s.ws, s.pairs);
    let mut consumed = sentence.start;
    if let Some(phrase) = according_to_phrase(s) {
        if let Some(c) = according_to(text, sentence, ws, phrase) {
            consumed = c.content.end.max(c.cue.map(|s| s.end).unwrap_or(0));
            add(c, text, pairs, found, marked);
        }
        if let Some(c) = according_to_interposed(text, sentence, ws, pairs, phrase) {
            consumed = consumed.max(c.content.end);
            add(c, text, pairs, found, marked);
        }
    }
    if let Some(c) = headline_colon(s, doc, si) {
        add(c, text, pairs, found, marked);
        return;
    }
    let mut quotes = s.quoted.then_some(s.quotes);
    for k in 0..ws.len() {
        let w = ws[k];
        if w.start < consumed || quotes.as_mut().is_some_and(|q| q.inside(w.start)) {
            continue;
        }
        // After `the`, `to`, … no cue form is a verb (see `verb_reading`): a
        // cheap test that spares most such words their lexicon lookup.
        if k > 0 && blocks_cue(word_bytes(text, ws[k - 1])) && chain_start(text, ws, k).is_none() {
            continue;
        }
        let Some(info) = s.cue(k) else {
            if let Some(c) = reported_adverb(s, k) {
                consumed = c.content.end;
                add(c, text, pairs, found, marked);
            }
            continue;
        };
        if let Some(c) = at_cue(s, k, info, found, marked) {
            consumed = c;
        }
    }
}

/// `The Club for Growth is reportedly spending $1.5 million …`: an adverb
/// that says the clause is someone's report (word `k`) cues its predicate,
/// with no named speaker. A cue verb next to it (`reportedly told aides
/// that …`) is left to that verb's rules.
fn reported_adverb(s: &Sentence, k: usize) -> Option<Candidate> {
    let (text, ws) = (s.text, s.ws);
    let w = ws[k];
    // The adverb ending the sentence (`The group reportedly`) has no
    // predicate after it.
    if !matches!(w.text(text), "reportedly" | "allegedly")
        || k == 0
        || k + 1 >= ws.len()
        || s.cue(k - 1).is_some()
        || s.cue(k + 1).is_some()
    {
        return None;
    }
    let from = ws[k + 1];
    let end = next_attribution(s, k + 1, s.span.end).unwrap_or(s.span.end);
    let content = clause(text, from.start, end);
    has_words(text, content, 2).then(|| {
        cand(
            QuoteKind::Indirect,
            content,
            w.span(),
            None,
            REPORTED_ADVERB_RULE,
            0.5,
        )
    })
}

/// The rules at the cue form `info` (word `k`): adds what it reports and
/// returns the new end of what is consumed, if it moves. Out of line: one word
/// in fifteen is a cue, and the loop over the others stays small.
#[inline(never)]
fn at_cue(
    s: &Sentence,
    k: usize,
    info: Cue,
    found: &mut Vec<Candidate>,
    marked: usize,
) -> Option<usize> {
    let (text, ws, pairs) = (s.text, s.ws, s.pairs);
    let w = ws[k];
    let t = w.text(text);
    // A capital inside running text makes a name, not a verb: `the
    // United States`, `the Clean Power Plan`, `The New York Post`.
    // Headlines capitalise every word (`Obama Says …`): there it is a cue.
    if k > 0 && is_capitalized(t) && !s.headline() {
        return None;
    }
    let lt = lower(t);
    let prev = k.checked_sub(1).map(|p| lower(ws[p].text(text)));
    if !verb_reading(s, k, info, &lt, prev.as_deref(), &found[..marked]) {
        return None;
    }
    if follows_quote(s, k) {
        // `"…," she said …`: the cue of the direct quote before it.
        return Some(w.end);
    }
    let progressive = lt.ends_with("ing")
        && prev
            .as_deref()
            .is_some_and(|p| matches!(p, "is" | "are" | "was" | "were" | "been" | "be"));
    let at = CueAt::new(s, k);
    let c = if lt.ends_with("ing") && !progressive {
        gerund_cue(&at)
    } else if interposed(&at) {
        // `Back in Virginia, Mr. Clarke said, he decided …`: the
        // attribution splits the reported speech in two.
        if let Some(mut before) = clause_comma_cue(&at, true) {
            before.rule = "interposed-attribution";
            add(before, text, pairs, found, marked);
        }
        subject_cue_content(&at).map(|mut c| {
            c.rule = "interposed-attribution";
            c
        })
    } else {
        subject_cue_content(&at).or_else(|| clause_comma_cue(&at, false))
    };
    let c = c?;
    let consumed = c.content.end.max(w.end);
    add(c, text, pairs, found, marked);
    Some(consumed)
}

/// Whether the cue form at `k` (`lt` in lower case, after `prev`) reads as a
/// speech verb here, not as a noun (`the plan`), an infinitive (`to say`), an
/// aspect verb (`continues to`), a passive (`is said to`) or a naming verb.
/// `marked` are the quotes in marks, sorted.
fn verb_reading(
    s: &Sentence,
    k: usize,
    info: Cue,
    lt: &str,
    prev: Option<&str>,
    marked: &[Candidate],
) -> bool {
    let (text, ws) = (s.text, s.ws);
    let w = ws[k];
    let next = ws.get(k + 1).map(|n| n.text(text));
    // `continues to rise`, `continue to fight`: an aspect verb; only
    // `…, she continued` reports speech.
    if matches!(lt, "continue" | "continues" | "continuing") {
        return false;
    }
    // `spoke about the museum`, `talked of a deal`: talking reports
    // speech only with its topic; `spoke at a rally` does not.
    if matches!(info.lemma, "talk" | "speak")
        && !next.is_some_and(|n| matches!(n, "about" | "of" | "out"))
    {
        return false;
    }
    // `… are worrying, Cuban said`: after a form of `be`, `worrying` is an
    // adjective.
    if info.lemma == "worry"
        && lt.ends_with("ing")
        && prev.is_some_and(|p| matches!(p, "is" | "are" | "was" | "were" | "be" | "been"))
    {
        return false;
    }
    // `voted against the bill`: a vote states a position on its object.
    if info.lemma == "vote" && !next.is_some_and(|n| matches!(n, "for" | "against" | "to")) {
        return false;
    }
    if prev.is_some_and(|p| blocks_cue(p.as_bytes()) || possessive(p))
        && chain_start(text, ws, k).is_none()
    {
        return false;
    }
    // `All told, …` is a sum; `a larger say`, `the final say` a noun.
    if lt == "told" && prev == Some("all")
        || lt == "say"
            && prev.is_some_and(|p| {
                matches!(
                    p,
                    "bigger"
                        | "direct"
                        | "equal"
                        | "final"
                        | "greater"
                        | "larger"
                        | "last"
                        | "little"
                        | "more"
                        | "real"
                        | "stronger"
                )
            })
    {
        return false;
    }
    if NOUNISH.contains(&info.lemma)
        && !lt.ends_with("ed")
        && !lt.ends_with("ing")
        && !matches!(
            lt,
            "thought" | "knew" | "felt" | "saw" | "sought" | "found" | "known" | "seen"
        )
    {
        // A noun reading is likely ("financial hope", "the plan"): only a
        // pronoun, a name, a plural noun or an auxiliary before it marks a verb.
        // `Another slide shows that …`: a complementiser after it makes it a verb.
        let that_next = ws.get(k + 1).is_some_and(|n| {
            matches!(n.text(text), "that" | "how" | "whether" | "why" | "what")
                && Span::new(w.end, n.start).text(text).trim().is_empty()
        });
        let ok = if info.lemma == "name" {
            // `the Trump name`, `his Spanish-sounding name`, `if you can name
            // a …`: the verb that reports is `named`.
            false
        } else if info.lemma == "state" {
            // `swing states that …`, `his home state`, `Minnesota state
            // delegate`: in news the present of `state` is nearly always the
            // noun (the verb is `stated`); it is a verb only after a subject
            // pronoun or auxiliary (`it states that`) or a document (`the
            // memo states`).
            prev.is_some_and(|p| {
                VERB_MARKERS.contains(&p)
                    || DOCUMENT_NOUN_SET.contains(p)
                    || matches!(p, "document" | "law" | "constitution" | "rule" | "bill")
            })
        } else {
            // `The average shows Clinton ahead`: `shows` then a name.
            let shows_name = lt == "shows"
                && ws
                    .get(k + 1)
                    .is_some_and(|n| is_capitalized(n.text(text)) && blank(&text[w.end..n.start]));
            that_next
                || shows_name
                || chain_start(text, ws, k).is_some()
                || prev.is_some_and(|p| {
                    VERB_MARKERS.contains(&p)
                        || p.ends_with("ly")
                        || (p.ends_with('s') && !p.ends_with("ss") && !lt.ends_with('s'))
                })
                || k.checked_sub(1)
                    .is_some_and(|p| is_capitalized(ws[p].text(text)))
        };
        if !ok {
            return false;
        }
    }
    // `known as "Shorty"`, `named the bridge "Unity Crossing"`: the verb
    // names; the name is a mention, not reported speech.
    if (next == Some("as") || crate::quotes::NAMING_VERBS.contains(&lt))
        && (k..(k + 4).min(ws.len())).any(|i| naming_mention_at(text, marked, ws[i].end))
    {
        return false;
    }
    // "is said to", "was told by"
    !(next.is_some_and(|n| n == "by")
        || (next == Some("to") && matches!(lt, "said" | "say" | "says" | "told"))
            && !gap_has_comma(text, ws, k))
}

/// `Trump's comments`, `the party's plan to`: after a possessive a cue form
/// is a noun. Contractions of pronouns (`he's said`, `it's`) are not possessives.
pub(crate) fn possessive(lower: &str) -> bool {
    let stem = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"));
    stem.is_some_and(|s| {
        !s.is_empty()
            && !matches!(
                s,
                "he" | "she" | "it" | "that" | "there" | "what" | "who" | "here" | "let" | "where"
            )
    })
}

/// Whether the quotation opening at `pos` (after spaces) was found to be a
/// name (`known as "Shorty"`). `marked` is sorted by position.
fn naming_mention_at(text: &str, marked: &[Candidate], pos: usize) -> bool {
    let at = skip_space(text, pos);
    let i = marked.partition_point(|q| q.outer.start < at);
    marked
        .get(i)
        .is_some_and(|q| q.outer.start == at && crate::quotes::is_naming_rule(q.rule))
}

/// Whether a sentence is written in title case, like a headline: most of its
/// words of four letters or more (four in five) start with a capital.
fn title_case(text: &str, ws: &[Word]) -> bool {
    let (mut long, mut caps) = (0usize, 0usize);
    for w in ws {
        let t = w.text(text);
        if t.len() >= 4 && t.chars().nth(3).is_some() {
            long += 1;
            caps += usize::from(is_capitalized(t));
        }
    }
    long > 0 && caps * 10 >= long * 8
}

/// Whether the cue at `k` closes a direct quote: the quote opens its sentence
/// (or clause), and only the subject and punctuation lie between its closing
/// mark and the cue (`"…," she said`, `"…," said Jane Lee`). A quoted fragment
/// inside a longer clause (`He called it "a mess," she said`) does not count.
fn follows_quote(s: &Sentence, k: usize) -> bool {
    if !s.quoted {
        // No quotation closes inside the sentence (and only spaces lie
        // between it and the window's start).
        return false;
    }
    let (text, sentence, ws, pairs, lex) = (s.text, s.span, s.ws, s.pairs, s.lex);
    let cue = ws[k];
    let from = k.saturating_sub(7);
    let window = Span::new(
        crate::text::skip_space_back(text, ws[from].start),
        cue.start,
    );
    // The last closing mark in the window, if any. Only `"`, `'` and the
    // first bytes of non-ASCII chars can start a quotation mark.
    let slice = window.text(text);
    for (off, &b) in slice.as_bytes().iter().enumerate().rev() {
        if !(b == b'"' || b == b'\'' || b >= 0xC0)
            || !char_at(slice, off).is_some_and(crate::marks::is_quote_mark)
        {
            continue;
        }
        let at = window.start + off;
        let Some(p) = pairs.top_at(at) else { continue };
        if p.close.is_none_or(|cl| cl.start != at) {
            continue;
        }
        let lead = Span::new(sentence.start, p.open.start).text(text);
        let opens_clause =
            lead.trim().is_empty() || lead.trim_end().ends_with([':', ',', '—', '–', '―', '(']);
        if !opens_clause {
            return false;
        }
        let after_close = skip_space(text, p.outer().end);
        let after_close = text
            .get(after_close..cue.start)
            .map(|g| {
                after_close + (g.len() - g.trim_start_matches([',', '—', '–', '―', ' ']).len())
            })
            .unwrap_or(after_close);
        // The noun phrase search, the dearest test, comes last.
        return after_close >= cue.start
            || Span::new(after_close, cue.start)
                .text(text)
                .split_whitespace()
                .count()
                <= 4
            || np_before(text, cue.start, after_close, lex)
                .is_some_and(|m| m.span.start <= after_close + 1);
    }
    false
}

fn gap_has_comma(text: &str, ws: &[Word], k: usize) -> bool {
    ws.get(k + 1)
        .is_some_and(|n| Span::new(ws[k].end, n.start).text(text).contains(','))
}

fn cand(
    kind: QuoteKind,
    content: Span,
    cue: Span,
    subject: Option<Span>,
    rule: &'static str,
    confidence: f32,
) -> Candidate {
    Candidate {
        kind,
        content,
        outer: content,
        cue: Some(cue),
        subject,
        rule,
        confidence,
        continues: None,
        absorbed: false,
    }
}

/// Trims spaces and final punctuation off a reported clause.
fn clause(text: &str, start: usize, end: usize) -> Span {
    let s = skip_space(text, start);
    let mut s2 = s;
    while let Some(c) = char_at(text, s2) {
        if matches!(c, ',' | ':' | '—' | '–' | '―') {
            s2 = skip_space(text, s2 + c.len_utf8());
        } else {
            break;
        }
    }
    let s2 = skip_dateline(text, s2, end);
    let mut e = skip_space_back(text, end);
    while e > s2 {
        match char_before(text, e) {
            // `… move to the U.S.`: an abbreviation keeps its dot.
            Some('.') if crate::segment::ends_with_abbreviation(text, s2, e - 1) => break,
            Some(c) if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '—' | '–' | '―') => {
                e -= c.len_utf8()
            }
            _ => break,
        }
        e = skip_space_back(text, e);
    }
    Span::new(s2, e.max(s2))
}

/// Past a dateline opening a clause: up to five words in capitals, with an
/// optional agency in brackets, then a dash (`OSLO —`, `WASHINGTON (AP) —`,
/// `NEW YORK, N.Y. -`) at the start of a paragraph. The place is not part of
/// what was said.
fn skip_dateline(text: &str, start: usize, end: usize) -> usize {
    let limit = (start + 60).min(end);
    let mut i = start;
    let mut upper = 0usize;
    while i < limit {
        let Some(c) = char_at(text, i) else { break };
        if c.is_lowercase() {
            // Inside brackets: `(Reuters)`.
            if !text[start..i].ends_with(|p: char| p.is_alphabetic())
                || !text[start..i].contains('(')
                || text[start..i].contains(')')
            {
                return start;
            }
        } else if c.is_uppercase() {
            upper += 1;
        } else if matches!(c, '—' | '–' | '―') || (c == '-' && char_at(text, i + 1) == Some(' '))
        {
            if upper < 2 || char_before(text, i).is_some_and(|p| !crate::text::is_space(p)) {
                return start;
            }
            let mut j = i + c.len_utf8();
            while char_at(text, j) == Some('-') {
                j += 1;
            }
            let after = skip_space(text, j);
            // `NATO — the alliance — is dead`: a second dash makes an aside.
            let aside = text
                .get(after..end)
                .is_some_and(|rest| rest.contains(['—', '–', '―']));
            let para_start = start == 0 || char_before(text, start) == Some('\n');
            return if after < end && !aside && para_start {
                after
            } else {
                start
            };
        } else if !(crate::text::is_space(c)
            || matches!(c, ',' | '.' | '(' | ')' | '\'' | '’' | '-'))
        {
            return start;
        }
        i += c.len_utf8();
    }
    start
}

/// Whether `s` is a roll of names, not a claim: five or more items between
/// commas, each of one to four capitalised words (`Iowa: Tim Albrecht, Brad
/// Anderson, Jeff Boeyink, …`).
fn name_list(s: &str) -> bool {
    let mut items = 0;
    for item in s.split(',') {
        let mut words = item.split(' ').filter(|w| !w.is_empty());
        let n = words.clone().count();
        if n == 0 || n > 4 || !words.all(is_capitalized) {
            return false;
        }
        items += 1;
    }
    items >= 5
}

/// Whether `s` has at least `n` words (stops counting at `n`).
fn has_words(text: &str, s: Span, n: usize) -> bool {
    word_iter(text, s.start, s.end)
        .nth(n.saturating_sub(1))
        .is_some()
}

/// The sentence's `according to X` outside quotation marks: the index of
/// `according` in `ws`, the cue span and X (when a noun phrase follows).
fn according_to_phrase(s: &Sentence) -> Option<(usize, Span, Option<Span>)> {
    let (text, sentence, ws, lex) = (s.text, s.span, s.ws, s.lex);
    // Every word of every sentence is looked at: the scan tests only the
    // length, and reads a word's letters only when that matches (a closure
    // testing both in `position` cost 3 M more instructions on PolNeAR train,
    // ~1% of the engine's time).
    let mut from = 0;
    let k = loop {
        let i = from + ws[from..].iter().position(|w| w.end - w.start == 9)?;
        let w = ws[i];
        if w.text(text).eq_ignore_ascii_case("according") && !s.inside_quote(w.start) {
            break i;
        }
        from = i + 1;
    };
    let to = ws.get(k + 1).filter(|w| w.text(text) == "to")?;
    let subject = np_after(text, to.end, sentence.end, lex)
        .map(|m| m.span)
        .or_else(|| general_np_after(text, to.end, sentence.end));
    Some((k, Span::new(ws[k].start, to.end), subject))
}

/// `according to X, CLAUSE.` and `CLAUSE, according to X.`
fn according_to(
    text: &str,
    sentence: Span,
    ws: &[Word],
    phrase: (usize, Span, Option<Span>),
) -> Option<Candidate> {
    let (k, cue, subject) = phrase;
    let subj_end = subject.map(|m| m.end).unwrap_or(cue.end);
    let before = skip_space_back(text, ws[k].start);
    if k == 0
        || char_before(text, before).is_some_and(|c| matches!(c, '(' | '—'))
            && !has_words(text, Span::new(sentence.start, before), 2)
    {
        // According to X, CLAUSE.
        let rest = text.get(subj_end..sentence.end)?;
        let comma = subj_end + clause_commas(text, subj_end, rest).next()? + 1;
        let content = clause(text, comma, sentence.end);
        has_words(text, content, 2).then(|| {
            cand(
                QuoteKind::Indirect,
                content,
                cue,
                subject,
                "according-to-x-clause",
                0.8,
            )
        })
    } else {
        // CLAUSE, according to X.  (or CLAUSE according to X)
        let content = clause(text, sentence.start, before);
        has_words(text, content, 2).then(|| {
            cand(
                QuoteKind::Indirect,
                content,
                cue,
                subject,
                "clause-according-to-x",
                0.8,
            )
        })
    }
}

/// `Fundraising, according to the campaign, has surged.`, `But, according to
/// the poll, 46 percent remain undecided.`: an interposed `according to X`
/// also reports the clause after it.
fn according_to_interposed(
    text: &str,
    sentence: Span,
    ws: &[Word],
    pairs: &Pairs,
    phrase: (usize, Span, Option<Span>),
) -> Option<Candidate> {
    let (k, cue, subject) = phrase;
    if k == 0 || char_before(text, skip_space_back(text, ws[k].start)) != Some(',') {
        return None;
    }
    let subject = subject?;
    let after = skip_space(text, subject.end);
    if char_at(text, after) != Some(',') {
        return None;
    }
    let content = clause(text, after + 1, sentence.end);
    // `according to Crowdpac, the most of any candidate`, `according to Andy
    // Smith, who …`: an apposition or a relative clause about the source.
    let first = word_iter(text, content.start, content.end)
        .next()
        .map(|w| w.text(text).to_lowercase());
    if first.is_some_and(|f| {
        matches!(
            f.as_str(),
            "who" | "which" | "whose" | "although" | "though" | "a" | "an" | "the" | "director"
        )
    }) {
        return None;
    }
    (has_words(text, content, 3) && !pairs.inside_quote(content.start)).then(|| {
        cand(
            QuoteKind::Indirect,
            content,
            cue,
            Some(subject),
            "interposed-according-to",
            0.7,
        )
    })
}

/// A short noun phrase starting at `pos`: up to the next punctuation, at most
/// eight words (`a Reuters report`, `the nonpartisan Congressional Budget Office`).
fn general_np_after(text: &str, pos: usize, limit: usize) -> Option<Span> {
    let s = skip_space(text, pos);
    let ws = words(text, s, phrase_end(text, s, limit));
    let ws = &ws[..ws.len().min(8)];
    let last = ws.last()?;
    Some(Span::new(s, last.end))
}

/// `Name: claim` as a headline or a paragraph's first words.
fn headline_colon(s: &Sentence, doc: &Doc, si: usize) -> Option<Candidate> {
    let (text, sentence, pairs, lex) = (s.text, s.span, s.pairs, s.lex);
    // No word runs over a colon, so the head's words are the sentence's
    // first ones, and a head of at most four words ends before the fifth.
    let head_limit = s.ws.get(4).map_or(sentence.end, |w| w.start);
    let colon = Span::new(sentence.start, head_limit).text(text).find(':')? + sentence.start;
    let para = doc.paragraph_at(sentence.start)?;
    if para.start != sentence.start || (si > 0 && doc.sentences[si - 1].end > para.start) {
        return None;
    }
    let head = Span::new(sentence.start, colon);
    let hw = &s.ws[..s.ws.partition_point(|w| w.end <= colon)];
    if hw.is_empty()
        || hw.len() > 4
        || !hw
            .iter()
            .all(|w| is_capitalized(w.text(text)) || w.text(text).len() <= 3)
    {
        return None;
    }
    // Labels, not speakers: `The Latest:`, `Breaking:`, `Contributing:`,
    // `CORRECTION:`.
    let last = hw[hw.len() - 1].text(text).to_lowercase();
    if matches!(
        last.as_str(),
        "latest"
            | "breaking"
            | "update"
            | "contributing"
            | "correction"
            | "revealed"
            | "note"
            | "exclusive"
            | "analysis"
            | "opinion"
            | "week"
            | "watch"
            | "related"
            | "clarification"
            | "editorial"
            | "video"
            | "notice"
            | "so"
    ) {
        return None;
    }
    if pairs.inside_quote(colon) {
        return None;
    }
    // `Q:` / `A:` in an interview name no speaker.
    if head.text(text).chars().count() == 1 {
        return None;
    }
    let after = skip_space(text, colon + 1);
    // `Mourners say …`: the claim names its own speaker and cue.
    if word_iter(text, after, para.end)
        .take(8)
        .skip(1)
        .any(|w| lex.cue(w.text(text)).is_some())
    {
        return None;
    }
    if char_at(text, after).is_some_and(crate::marks::is_quote_mark)
        && pairs.inside_quote(after + 1)
    {
        return None; // `X: "…"` is a direct quote's attribution.
    }
    let content = clause(text, after, para.end);
    if !has_words(text, content, 3) || name_list(content.text(text)) {
        return None;
    }
    Some(cand(
        QuoteKind::Indirect,
        content,
        Span::new(colon, colon + 1),
        Some(head),
        "headline-speaker-colon",
        0.6,
    ))
}

/// The subject of the cue at `k`: a recognised mention before it, else the short
/// noun phrase from the clause start; for `who said`, the phrase before `who`.
fn subject_before(at: &CueAt) -> Option<Span> {
    let s = at.s;
    let (text, sentence, ws, k, lex) = (s.text, s.span, s.ws, at.k, s.lex);
    let cue = ws[k];
    // `He went on to call …`: the subject of the verb the cue goes on from.
    if let Some(c) = chain_start(text, ws, k) {
        return subject_before(&CueAt::new(s, c));
    }
    // `The justice -- who has been in a scuffle with the nominee -- said`:
    // the subject is before the parenthetical between dashes, unless the
    // parenthetical ends with a name (`a nominee -- the Republican Donald J.
    // Trump -- said`), the speaker's own.
    if !at
        .mention()
        .is_some_and(|m| m.kind == crate::mentions::MentionKind::Name)
    {
        let before = skip_space_back(text, cue.start);
        if let Some(subject) = subject_before_dashes(text, sentence.start, before, lex) {
            return Some(subject);
        }
    }
    if let Some(m) = at.mention() {
        return Some(head_of(text, ws, m, lex).unwrap_or(m.span));
    }
    // Walk back to the clause start.
    let mut i = k;
    while i > 0 {
        let p = ws[i - 1];
        let gap = Span::new(p.end, ws[i].start).text(text);
        if !blank(gap)
            && (gap.contains([',', ';', ':', '(', ')', '—', '–', '"', '“', '”'])
                || gap.contains("--"))
        {
            break;
        }
        let lp = p.text(text);
        if listed(CLAUSE_OPENERS, lp) {
            if listed(&["who", "which"], lp) && i == k {
                // "X, who said": the relative pronoun names the speaker here;
                // coreference ties it to X.
                return Some(p.span());
            }
            if listed(&["and", "but"], lp) && i == k {
                // `Reid caucused in Nevada and says …`: a second verb of the
                // sentence's subject, which may follow an opening phrase
                // (`In his speech, Obama praised Clinton and said …`).
                // Past a dateline (`WASHINGTON — Sen. Chuck Grassley …`).
                let start = after_opening_phrase(s)
                    .unwrap_or_else(|| skip_dateline(text, sentence.start, p.start));
                return np_after(text, start, p.start, lex)
                    .filter(|m| m.span.start <= skip_space(text, start) + 1)
                    .map(|m| m.span);
            }
            break;
        }
        i -= 1;
        if k - i > 10 {
            return None;
        }
    }
    let subj = &ws[i..k];
    // Drop adverbs and auxiliaries next to the cue: "has long", "also", "sharply".
    let mut n = subj.len();
    while n > 0 {
        let w = subj[n - 1].text(text);
        let drop = listed(NOT_SUBJECT, w)
            || w.ends_with("n't")
            || w.ends_with("n’t")
            || (!is_capitalized(w) && {
                let t = lower(w);
                t.ends_with("ly") && t.len() > 4
            });
        if drop {
            n -= 1;
        } else {
            break;
        }
    }
    if n == 0 {
        // "X, in particular, has sharply criticized": the subject is before the
        // parenthetical.
        let boundary = skip_space_back(text, ws.get(i).map(|w| w.start).unwrap_or(cue.start));
        // `Oz — a surgeon — has been called …`.
        if let Some(subject) = subject_before_dashes(text, sentence.start, boundary, lex) {
            return Some(subject);
        }
        if char_before(text, boundary) == Some(',') && i > 0 {
            // `Juanita Broaddrick, who said …, recounted`: the subject is before
            // the relative clause (looked for in the last 200 bytes only).
            let mut from = boundary.saturating_sub(200).max(sentence.start);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            let relative = text[from..boundary - 1]
                .rfind(", who ")
                .or_else(|| text[from..boundary - 1].rfind(", which "))
                .map(|r| from + r);
            if let Some(r) = relative {
                if let Some(m) = np_before(text, r, sentence.start, lex) {
                    return Some(m.span);
                }
                if let Some(subject) = opening_subject(text, sentence.start, r) {
                    return Some(subject);
                }
            }
            if let Some(m) = np_before(text, boundary, sentence.start, lex) {
                return Some(
                    m.role
                        .map(|r| Span::new(m.span.start, r.end))
                        .unwrap_or(m.span),
                );
            }
            return described_name(text, sentence.start, boundary - 1, lex);
        }
        return None;
    }
    // `Do you think …?`: a question opened by its auxiliary reports nothing.
    if listed(PREPOSITIONS, subj[0].text(text))
        || n == 1 && subj[0].text(text).bytes().all(|b| b.is_ascii_digit())
        || listed(&["did", "do", "does"], lower(subj[0].text(text)).as_ref())
    {
        return None;
    }
    Some(Span::new(subj[0].start, subj[n - 1].end))
}

/// The words from the sentence's start to `end` as a subject that no lexicon
/// knows (`The Supreme Court justice, who …, said`): two to six words of a
/// [`description`].
fn opening_subject(text: &str, start: usize, end: usize) -> Option<Span> {
    let span = Span::new(skip_space(text, start), end);
    description(text, span, 2..=6).then_some(span)
}

/// Whether `span` reads as a noun phrase opening a sentence: a number of
/// words in `words`, no punctuation between them, and not an opening phrase
/// (`In Iowa`: no preposition first).
fn description(text: &str, span: Span, words: std::ops::RangeInclusive<usize>) -> bool {
    let Some(t) = text.get(span.start..span.end) else {
        return false;
    };
    let mut ws = word_iter(text, span.start, span.end);
    ws.next()
        .is_some_and(|first| !listed(PREPOSITIONS, lower(first.text(text)).as_ref()))
        && words.contains(&(1 + ws.count()))
        && !t.contains([',', ';', ':', '(', ')', '"', '“', '”', '—', '–'])
}

/// The subject before a parenthetical between dashes that ends at `end`.
fn subject_before_dashes(text: &str, start: usize, end: usize, lex: &Lexicon) -> Option<Span> {
    let open = dash_parenthetical(text, start, end)?;
    np_before(text, open, start, lex)
        .map(|m| m.span)
        .or_else(|| opening_subject(text, start, open))
}

/// Where a parenthetical between dashes that ends at `end` (`— who … —`,
/// `-- who … --`) opens, past the space before its first dash; searched
/// back to `start`, over 200 bytes at most.
fn dash_parenthetical(text: &str, start: usize, end: usize) -> Option<usize> {
    let before = text.get(..end)?;
    let dash = ["--", "—", "–"].into_iter().find(|d| before.ends_with(d))?;
    let mut from = end.saturating_sub(200).max(start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let inner = text.get(from..end - dash.len())?;
    let open = from + inner.rfind(dash)?;
    let pre = skip_space_back(text, open);
    (pre > start && pre < open).then_some(pre)
}

/// `The head of the union said`, `A spokesman for the Pentagon said`,
/// `Members of Congress said`: the mention before the cue is the complement
/// of a head noun opening the clause; the subject is the whole phrase. The
/// head is one to four words from the sentence's start or a comma, with no
/// clause opener or preposition among them.
fn head_of(text: &str, ws: &[Word], m: &Mention, lex: &Lexicon) -> Option<Span> {
    let mention = m.span;
    let j = ws.binary_search_by_key(&mention.start, |w| w.start).ok()?;
    let link = ws.get(j.checked_sub(1)?)?;
    if !matches!(link.text(text), "of" | "for") || !blank(&text[link.end..mention.start]) {
        return None;
    }
    let mut i = j - 1;
    while i > 0 && j - 1 - i < 4 && blank(&text[ws[i - 1].end..ws[i].start]) {
        i -= 1;
    }
    let opens = i == 0 || has_comma(text, ws[i - 1].end, ws[i].start);
    let head = &ws[i..j - 1];
    // `Senator John Cornyn of Texas said`: the name, not the place; but
    // `Secretary of State William Galvin` is William Galvin (a one-word
    // complement, `of Texas`, is a place more often than a person).
    let person = |m: &Mention| m.entity == crate::SpeakerKind::Person;
    let complement_named = person(m) && m.span.text(text).contains(' ');
    let name = (link.text(text) == "of" && !complement_named)
        .then(|| np_before(text, skip_space_back(text, link.start), ws[i].start, lex))
        .flatten()
        .filter(|n| n.kind == crate::mentions::MentionKind::Name && person(n));
    if let Some(name) = name {
        // `The Hollywood Chamber of Commerce`: a name after `the` is an
        // organisation's, and the complement is part of it.
        let the = lower(name.span.text(text)).starts_with("the ");
        return Some(if the {
            Span::new(name.span.start, mention.end)
        } else {
            name.span
        });
    }
    (opens
        && !head.is_empty()
        && crate::mentions::role_head(&text[head[0].start..link.start])
        && head.iter().all(|w| {
            let t = lower(w.text(text));
            !listed(CLAUSE_OPENERS, &t) && !listed(PREPOSITIONS, &t) && !listed(NOT_SUBJECT, &t)
        }))
    .then(|| Span::new(head[0].start, mention.end))
}

/// `The delegate, Jim Poolman, said …`, `One of the report's authors, Ari
/// Fleischer, said …`: a name set off by commas after a description that
/// opens the sentence (no comma of its own, at most eight words) is the
/// subject, whatever the description's head noun (a role lexicon knows only
/// some). The name ends at `end`, a comma's position.
fn described_name(text: &str, start: usize, end: usize, lex: &Lexicon) -> Option<Span> {
    let m = np_before(text, end, start, lex)
        .filter(|m| m.kind == crate::mentions::MentionKind::Name)?;
    let before = skip_space_back(text, m.span.start);
    if m.span.end != end || char_before(text, before) != Some(',') || before <= start + 1 {
        return None;
    }
    description(text, Span::new(start, before - 1), 1..=8).then_some(m.span)
}

/// Where the main clause starts after a sentence's opening phrase of a
/// preposition and up to six more words closed by a comma (`In his speech,`,
/// `On Tuesday,`, `After the debate in Ohio,`), if it has one.
fn after_opening_phrase(s: &Sentence) -> Option<usize> {
    let (text, ws) = (s.text, s.ws);
    if !listed(PREPOSITIONS, lower(ws.first()?.text(text)).as_ref()) {
        return None;
    }
    (1..ws.len().min(8))
        .find(|&i| has_comma(text, ws[i - 1].end, ws[i].start))
        .map(|i| ws[i].start)
}

/// `X said (that) …`, `X told reporters (that) …`, `X called for …`.
fn subject_cue_content(at: &CueAt) -> Option<Candidate> {
    let s = at.s;
    let (text, sentence, ws, k, pairs, lex) = (s.text, s.span, s.ws, at.k, s.pairs, s.lex);
    let cue_w = ws[k];
    let subject = at.subject()?;
    // `"…," state Sen. Jason Holsman (D) said about halfway through …`: the
    // subject follows a closing quotation mark, so the cue attributes that quote
    // and what follows it is an adjunct.
    let pre = skip_space_back(text, subject.start);
    if pre > sentence.start
        && char_before(text, pre).is_some_and(crate::marks::is_quote_mark)
        && pairs.top_at(pre - 1).is_some_and(|p| {
            p.close.is_some_and(|c| c.end == pre)
                && Span::new(sentence.start, p.open.start)
                    .text(text)
                    .trim()
                    .is_empty()
        })
    {
        return None;
    }
    let lt = lower(cue_w.text(text));
    let mut cue = cue_w.span();
    let mut j = k + 1;
    let mut infinitive = false;
    // A particle belongs to the cue: "pointed to", "called for". `on` before a
    // short place or time and a `that` (`wrote on social media that …`,
    // `insisted on Tuesday that …`) starts an adjunct instead.
    if let Some(n) = ws.get(j) {
        let nt = n.text(text);
        let adjunct_then_that = nt == "on"
            && (j + 1..(j + 5).min(ws.len())).any(|i| {
                ws[i].text(text) == "that"
                    && !Span::new(n.end, ws[i].start)
                        .text(text)
                        .contains([',', ';', ':', '"', '“', '”'])
            });
        // `declined to comment`, `plans to run`: an infinitive is the content,
        // `to` included (as PolNeAR's annotators mark it).
        infinitive = nt == "to" && s.cue(k).is_some_and(|c| INFINITIVE_CUES.contains(&c.lemma));
        if PARTICLES.contains(&nt)
            && !adjunct_then_that
            && !infinitive
            && !matches!(&*lt, "said" | "say" | "says" | "told")
            && Span::new(cue_w.end, n.start).text(text).trim().is_empty()
        {
            cue = Span::new(cue_w.start, n.end);
            j += 1;
        }
    }
    // told reporters / told the BBC / warned investors: skip an object up to "that".
    if takes_addressee(s, k) {
        if let Some(t) = complementiser_after_object(text, ws, j) {
            // `urged the union to return`: the object and its infinitive are
            // the content (PolNeAR's annotators mark `the union to return`);
            // before `that`, `whether`…, the object is only the addressee.
            if ws[t].text(text) != "to" {
                j = t;
            }
        } else if let Some(obj) = np_after(text, cue.end, sentence.end, lex) {
            while j < ws.len() && ws[j].end <= obj.span.end {
                j += 1;
            }
        }
    }
    // "said in a statement that …", "said on Tuesday that …": an adjunct before
    // the complementiser belongs to neither the cue nor the content.
    if let Some(first) = ws.get(j) {
        let f = lower(first.text(text));
        if f != "that"
            && !(infinitive && f == "to")
            && (PREPOSITIONS.contains(&&*f)
                || matches!(
                    &*f,
                    "last"
                        | "this"
                        | "earlier"
                        | "repeatedly"
                        | "publicly"
                        | "privately"
                        | "again"
                        | "also"
                        | "today"
                        | "yesterday"
                )
                || f.ends_with("day"))
        {
            if let Some(t) = (j + 1..(j + 9).min(ws.len())).find(|&i| ws[i].text(text) == "that") {
                let between = Span::new(first.start, ws[t].start).text(text);
                if !between.contains([',', ';', ':', '"', '“', '”']) {
                    j = t;
                }
            } else if ws.len() - j <= 4 {
                // `…, Jane Moss said on Tuesday.`: only an adjunct follows the cue;
                // the reported clause is the one before (see `clause_comma_cue`).
                return None;
            }
        }
    }
    let start_word = ws.get(j)?;
    // `…, Fiorina said, adding that …`: a gerund cue after a comma reports
    // what follows it (`gerund_cue`, at its own word); this cue's clause is
    // the one before (`clause_comma_cue`).
    if has_comma(text, cue.end, start_word.start)
        && lower(start_word.text(text)).ends_with("ing")
        && s.cue(j).is_some()
    {
        return None;
    }
    // `she said "" and left`: a coordinated verb follows, not a reported clause.
    if matches!(start_word.text(text), "and" | "or" | "but" | "nor") {
        return None;
    }
    // `X said: "…"`, `X said, "…"`: a direct quote's attribution, not reported speech.
    if quote_after(text, cue.end, pairs).is_some_and(|p| p.outer().end + 2 >= sentence.end) {
        return None;
    }
    let mut end = trailing_attribution_start(s, j).unwrap_or(sentence.end);
    // The reported clause ends at a semicolon or at ", but" starting a new clause.
    if let Some(rest) = text.get(start_word.start..end) {
        let cut = [rest.find(';'), comma_but(rest)]
            .into_iter()
            .flatten()
            .min();
        if let Some(k) = cut.filter(|&k| !s.inside_quote(start_word.start + k)) {
            end = start_word.start + k;
        }
    }
    // `Ray Dominguez, who voted against the plan, called it …`: a relative
    // clause set off by commas ends at its closing comma.
    let relative = matches!(subject.text(text), "who" | "which")
        && char_before(text, skip_space_back(text, subject.start)) == Some(',');
    if relative && !matches!(start_word.text(text), "that" | "if" | "whether") {
        if let Some(rest) = text.get(start_word.start..end) {
            if let Some(k) = clause_commas(text, start_word.start, rest)
                .find(|&k| !s.inside_quote(start_word.start + k))
            {
                end = start_word.start + k;
            }
        }
    }
    // `X said: “On y va.” Then …`: the clause ends with the quote's sentence.
    if let Some(cut) = sentence_closing_quotes(text, start_word.start, end).next() {
        end = cut;
    }
    if let Some(cut) = next_attribution(s, j, end) {
        if has_words(text, clause(text, start_word.start, cut), 2) {
            end = cut;
        }
    }
    let content = clause(text, start_word.start, end);
    if !has_words(text, content, 2) {
        return None;
    }
    let that = start_word.text(text) == "that";
    let rule = if that {
        "subject-cue-that-clause"
    } else {
        "subject-cue-content"
    };
    let strong = s.cue(k).is_some_and(|c| c.strong);
    let conf = match (strong, that) {
        (true, true) => 0.85,
        (true, false) => 0.7,
        (false, true) => 0.65,
        (false, false) => 0.5,
    };
    // `Trump is expected to speak`, `Oz has been called a charlatan by fellow
    // physicians`: the subject of a passive cue is who is spoken of; the
    // speaker, when named, is the agent after `by`.
    let (speaker, rule) = if passive_cue(text, ws, k) {
        (agent(text, content, lex), PASSIVE_RULE)
    } else {
        (Some(subject), rule)
    };
    Some(cand(QuoteKind::Indirect, content, cue, speaker, rule, conf))
}

/// The rule of reported speech after a passive cue: its speaker is the agent
/// or no one, never a guess from the nearest name.
pub const PASSIVE_RULE: &str = "passive-cue";

/// The rule of a clause an adverb marks as reported (`reportedly`): nobody
/// named said it.
pub const REPORTED_ADVERB_RULE: &str = "reported-adverb";

/// Whether reported speech found by `rule` names its speaker itself or no one
/// did: attribution then guesses no speaker from the nearest name.
pub fn speaker_named_in_place(rule: &str) -> bool {
    rule == PASSIVE_RULE || rule == REPORTED_ADVERB_RULE
}

/// Participles of cues that report what others say of the subject when
/// passive (`is expected to`, `was described as`). Adjectival ones
/// (`were worried that`) name the subject's own view and are left out.
const PASSIVE_CUES: &[&str] = &[
    "accused",
    "alleged",
    "asked",
    "believed",
    "branded",
    "called",
    "charged",
    "considered",
    "criticized",
    "deemed",
    "described",
    "estimated",
    "expected",
    "labeled",
    "labelled",
    "named",
    "predicted",
    "projected",
    "quoted",
    "regarded",
    "reported",
    "rumored",
    "rumoured",
    "said",
    "seen",
    "thought",
    "told",
    "urged",
    "viewed",
    "warned",
];

/// Whether the cue `ws[k]` is one of [`PASSIVE_CUES`] after a form of `be`
/// (with up to two adverbs between: `is also widely expected`).
fn passive_cue(text: &str, ws: &[Word], k: usize) -> bool {
    if !listed(PASSIVE_CUES, ws[k].text(text)) {
        return false;
    }
    ws[..k]
        .iter()
        .rev()
        .take(3)
        .map(|w| w.text(text))
        .find(|w| {
            let t = lower(w);
            !(t.ends_with("ly") && t.len() > 3 || matches!(&*t, "also" | "now" | "not" | "still"))
        })
        .is_some_and(|w| {
            listed(
                &["am", "are", "be", "been", "being", "is", "was", "were"],
                lower(w).as_ref(),
            )
        })
}

/// The agent of a passive cue, named after `by` in its content.
fn agent(text: &str, content: Span, lex: &Lexicon) -> Option<Span> {
    let mut words = word_iter(text, content.start, content.end);
    let by = words.find(|w| w.text(text) == "by")?;
    if let Some(m) = np_after(text, by.end, content.end, lex) {
        return Some(m.span);
    }
    // `by fellow physicians for …`: up to four words before a preposition or
    // a comma, a phrase no lexicon knows.
    let mut end = None;
    for w in words.take(4) {
        let gap = &text[end.unwrap_or(by.end)..w.start];
        if !blank(gap) || listed(PREPOSITIONS, w.text(text)) || w.text(text) == "and" {
            break;
        }
        end = Some(w.end);
    }
    end.map(|e| Span::new(skip_space(text, by.end), e))
}

/// Where `, but ` first occurs in `rest`: `rest.find(", but ")`, found from
/// its commas (a memchr each) instead of with a substring searcher, whose
/// set-up costs more than the search in a clause this short.
fn comma_but(rest: &str) -> Option<usize> {
    let mut from = 0;
    // `,` is ASCII: every position after one is a char boundary.
    while let Some(i) = rest.get(from..).and_then(|r| r.find(',')) {
        let at = from + i;
        // `…, but that he would not …` is a second complement of the same cue.
        if rest.as_bytes()[at..].starts_with(b", but ") && !rest[at..].starts_with(", but that ") {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whether `w` is a conjunction that opens a second clause with its own
/// attribution.
fn next_clause(w: &[u8]) -> bool {
    matches!(
        w,
        b"after"
            | b"although"
            | b"and"
            | b"as"
            | b"because"
            | b"but"
            | b"though"
            | b"when"
            | b"whereas"
            | b"while"
    )
}

/// Whether a space between words, `gap`, is only plain spaces (most are).
fn blank(gap: &str) -> bool {
    gap.bytes().all(|b| b == b' ')
}

/// Whether `text[from..to]`, the gap between two words, holds a comma that
/// is not a thousands separator (`100,000`).
fn has_comma(text: &str, from: usize, to: usize) -> bool {
    let b = text.as_bytes();
    b.get(from..to)
        .is_some_and(|g| g != b" " && g.contains(&b',') && !(g == b"," && digit_comma(b, from)))
}

/// Whether the comma at byte `i` of `b` joins digits (`100,000`, `$41,000`).
fn digit_comma(b: &[u8], i: usize) -> bool {
    i > 0
        && b.get(i - 1).is_some_and(u8::is_ascii_digit)
        && b.get(i + 1).is_some_and(u8::is_ascii_digit)
}

/// The commas of `rest` (the text from byte `offset` of `text` on) that are
/// not thousands separators, by their offsets in `rest`.
fn clause_commas<'r>(
    text: &'r str,
    offset: usize,
    rest: &'r str,
) -> impl Iterator<Item = usize> + 'r {
    rest.match_indices(',')
        .map(|(i, _)| i)
        .filter(move |&i| !digit_comma(text.as_bytes(), offset + i))
}

/// Where a second attribution starts inside reported speech that runs from
/// word `from` to `end`: `Kerry said the talks would go on, and he urged
/// North Korea to …`. The content ends before the conjunction; the second
/// clause is then reported speech of its own.
fn next_attribution(s: &Sentence, from: usize, end: usize) -> Option<usize> {
    let (text, ws, lex) = (s.text, s.ws, s.lex);
    for i in from + 1..ws.len() {
        let w = ws[i];
        if w.end > end {
            break;
        }
        // The conjunction (or a comma: `…, Mr. Clarke said the deal …`, then
        // only with a strong cue) and the first word of the subject. An
        // interposed `…, Tom Moss said, …` ends the clause too: what follows
        // is his.
        let comma = has_comma(text, ws[i - 1].end, w.start);
        // `as many as 30 percent`: an `as` closing a comparison opens no clause.
        let comparison = word_bytes(text, w) == b"as"
            && matches!(word_bytes(text, ws[i - 1]), b"many" | b"much" | b"few");
        // `…, which RT pointed to as …`: a relative clause with its own
        // subject and cue is someone else's attribution.
        let relative = comma && word_bytes(text, w) == b"which";
        let conjunction = (next_clause(word_bytes(text, w)) || relative) && !comparison;
        if !(conjunction || comma) || s.inside_quote(w.start) {
            continue;
        }
        let (conj, first) = if conjunction {
            (w.span(), i + 1)
        } else {
            (Span::new(ws[i - 1].end, ws[i - 1].end), i)
        };
        // `… said that Carson is a decent man, and said that Trump melted
        // down`, `… makes $41,000 a year and questioned how …`: a second
        // verb of speech of the same subject opens its own reported clause.
        // The content ends before the conjunction (or the comma).
        let cut = || {
            let cut = skip_space_back(text, conj.start);
            cut - usize::from(char_before(text, cut) == Some(','))
        };
        if (conj.is_empty() || matches!(word_bytes(text, w), b"and" | b"but"))
            && coordinated_cue(s, first, end)
        {
            return Some(cut());
        }
        // A share of people and its cue: `…, and a third said …`, `while 49
        // percent of Republicans say …`.
        if share_cue(s, first, end).is_some() {
            return Some(cut());
        }
        // The subject (a known kind of mention) right after the conjunction,
        // then the cue.
        for (c, &cue) in ws.iter().enumerate().take(first + 5).skip(first + 1) {
            let t = cue.text(text);
            if cue.end > end || is_capitalized(t) {
                break;
            }
            let Some(info) = s.cue(c) else {
                continue;
            };
            if conj.is_empty() && !info.strong {
                break;
            }
            // A clause whose subject is not a known kind of mention ends the
            // search: what follows is too uncertain to split. Unless a comma
            // came between (`honest and trustworthy, and a third said`): the
            // cue may then be the next clause's.
            let Some(m) = np_before(text, cue.start, conj.end, lex) else {
                let comma = (first + 1..=c).any(|j| has_comma(text, ws[j - 1].end, ws[j].start));
                if comma {
                    break;
                }
                return None;
            };
            if m.span.start == ws[first].start && m.kind != crate::mentions::MentionKind::Other {
                return Some(cut());
            }
            break;
        }
    }
    None
}

/// The cue of a share of people opening at word `first` (`a third said`,
/// `more than 4 in 10 voters say`, `54 percent of registered voters said`),
/// before `end`: a strong cue, in lower case, right after the share or after
/// up to five words of the group it is a share of.
fn share_cue(s: &Sentence, first: usize, end: usize) -> Option<usize> {
    let (text, ws) = (s.text, s.ws);
    let share = crate::mentions::share_end(text, ws, first)?;
    let blank_before = |j: usize| blank(Span::new(ws[j - 1].end, ws[j].start).text(text));
    let of = ws.get(share).is_some_and(|w| w.text(text) == "of");
    let (cue, info) = (share..(share + 6).min(ws.len()))
        .take_while(|&j| blank_before(j) && ws[j].end <= end && (j == share || of))
        .find_map(|j| s.cue(j).map(|c| (j, c)))?;
    (info.strong && !is_capitalized(ws[cue].text(text))).then_some(cue)
}

/// Whether word `k` is a finite past-tense cue with its own object, right
/// after a conjunction or a comma (`and said that …`, `, recalled that …`,
/// `and questioned how …`): a second verb of the same subject, not a word of
/// the reported clause. The object must open a clause (a complementiser, a
/// subject pronoun, a quote) unless the verb is `said`, `told` or `added`, so
/// that a participle (`the plan, announced last week, …`) is not taken.
fn coordinated_cue(s: &Sentence, k: usize, end: usize) -> bool {
    let (text, ws) = (s.text, s.ws);
    let Some(&w) = ws.get(k) else { return false };
    if w.end >= end || s.inside_quote(w.start) || s.cue(k).is_none() {
        return false;
    }
    let t = word_bytes(text, w);
    if matches!(t, b"said" | b"told" | b"added") {
        return true;
    }
    if !t.ends_with(b"ed") {
        return false;
    }
    ws.get(k + 1).is_some_and(|n| {
        matches!(
            word_bytes(text, *n),
            b"that"
                | b"how"
                | b"whether"
                | b"why"
                | b"what"
                | b"if"
                | b"he"
                | b"she"
                | b"they"
                | b"it"
                | b"we"
                | b"i"
        ) && blank(Span::new(w.end, n.start).text(text))
    })
}

/// Where a trailing `, X said` or `, according to X` starts after word `from`.
fn trailing_attribution_start(s: &Sentence, from: usize) -> Option<usize> {
    let (text, ws, lex) = (s.text, s.ws, s.lex);
    for i in from + 1..ws.len() {
        if !has_comma(text, ws[i - 1].end, ws[i].start) {
            continue;
        }
        // `, according to …`, and a verb of speech in -ing (`, telling
        // reporters that …`, `, citing …`): a second attribution of the same
        // subject, however long the rest ([`gerund_cue`] reports it).
        if listed(&["according"], ws[i].text(text))
            || (word_bytes(text, ws[i]).ends_with(b"ing") && s.cue(i).is_some())
        {
            return Some(ws[i - 1].end);
        }
        // ", X said" closing the sentence, or ", said X" (the speaker after
        // the cue: a participle with its own adjunct, `the plan, announced
        // last week, would fail`, or the clause's own verb, `the report,
        // released Tuesday, showed a decline`, is not an attribution).
        for j in i..(i + 5).min(ws.len()) {
            if ws.len() - j <= 6
                && s.cue(j).is_some()
                && if j == i {
                    inverted_speaker(s, j)
                } else {
                    np_before(text, ws[j].start, ws[i].start, lex).is_some()
                }
            {
                return Some(ws[i - 1].end);
            }
        }
    }
    None
}

/// Whether the cue word `j` of an inverted attribution (`…, said Smith.`,
/// `…, warned the head of the agency.`) is followed by its speaker: a
/// mention of a known kind right after it.
fn inverted_speaker(s: &Sentence, j: usize) -> bool {
    let w = s.ws[j];
    np_after(s.text, w.end, s.span.end, s.lex).is_some_and(|m| {
        m.kind != crate::mentions::MentionKind::Other
            && blank(Span::new(w.end, m.span.start).text(s.text))
    })
}

/// `…, saying (that) …`, `…, adding …`: the subject is the main clause's.
fn gerund_cue(at: &CueAt) -> Option<Candidate> {
    let s = at.s;
    let (text, sentence, ws, k, lex) = (s.text, s.span, s.ws, at.k, s.lex);
    let cue_w = ws[k];
    let gap_before = k
        .checked_sub(1)
        .map(|p| Span::new(ws[p].end, cue_w.start).text(text))
        .unwrap_or("");
    if !gap_before.contains(',') && k > 0 {
        return None;
    }
    let subject = gerund_subject(s, k)
        .or_else(|| {
            np_after(text, sentence.start, cue_w.start, lex)
                .filter(|m| !crate::mentions::after_locative(text, m))
                .map(|m: Mention| m.span)
        })
        // `The paper attacked Trump, saying …`, `Meanwhile, it attacked
        // Trump, saying …`: the main clause's subject, not its object.
        .or_else(|| {
            crate::mentions::main_subject(text, sentence.start, cue_w.start, lex)
                .filter(|m| !s.inside_quote(m.span.start))
                .map(|m| m.span)
        })
        .or_else(|| at.subject());
    let mut start = ws.get(k + 1)?;
    let mut cue = cue_w.span();
    // `pointing to …`, `calling for …`: the particle belongs to the cue.
    if PARTICLES.contains(&start.text(text))
        && !(start.text(text) == "to"
            && s.cue(k).is_some_and(|c| INFINITIVE_CUES.contains(&c.lemma)))
        && Span::new(cue_w.end, start.start)
            .text(text)
            .trim()
            .is_empty()
    {
        cue = Span::new(cue_w.start, start.end);
        start = ws.get(k + 2)?;
    }
    if char_at(text, skip_space(text, cue_w.end)).is_some_and(crate::marks::is_quote_mark)
        && s.inside_quote(skip_space(text, cue_w.end))
    {
        return None;
    }
    // `, telling reporters that …`: the addressee is not what was said.
    if takes_addressee(s, k) {
        if let Some(t) = complementiser_after_object(text, ws, k + 1) {
            if ws[t].text(text) != "to" {
                start = &ws[t];
            }
        }
    }
    // `Bemoaning the "phony system," Trump accused …`: a gerund opening the
    // sentence reports up to its comma (inside the closing mark or before
    // it); the main clause is the subject's own.
    let end = if k == 0 {
        let comma = text.get(cue_w.end..sentence.end)?.find(',')? + cue_w.end;
        quote_closing_at(s.pairs, comma + 1).unwrap_or(comma)
    } else {
        sentence.end
    };
    let content = clause(text, start.start, end);
    if !has_words(text, content, 2) {
        return None;
    }
    Some(cand(
        QuoteKind::Indirect,
        content,
        cue,
        subject,
        "comma-gerund-cue",
        0.6,
    ))
}

/// The end of the quotation whose closing mark starts at `pos` (after a comma
/// inside the marks: `"phony system,"`), if one does; the converse of
/// [`comma_end`].
fn quote_closing_at(pairs: &Pairs, pos: usize) -> Option<usize> {
    let p = pairs.top_at(pos)?;
    p.close
        .is_some_and(|c| c.start == pos)
        .then(|| p.outer().end)
}

/// Whether cue word `k` is a verb whose object is the person addressed
/// (`told reporters that …`, `warning investors that …`), by its lemma.
fn takes_addressee(s: &Sentence, k: usize) -> bool {
    s.cue(k).is_some_and(|c| {
        matches!(
            c.lemma,
            "ask" | "assure" | "inform" | "remind" | "tell" | "urge" | "warn"
        )
    })
}

/// After a verb that takes an addressee (`told reporters that …`, `urged the
/// union to …`), the index of the first complementiser or `to` within eight
/// words of word `from`.
fn complementiser_after_object(text: &str, ws: &[Word], from: usize) -> Option<usize> {
    let limit = (from + 8).min(ws.len());
    (from..limit).find(|&i| {
        matches!(
            ws[i].text(text),
            "that" | "to" | "whether" | "if" | "how" | "what" | "why"
        )
    })
}

/// The subject of the main clause a `…, saying …` gerund hangs on: the subject
/// of the last speech verb before it (`Trump told reporters, referring to …`,
/// `"…," said Al Cardenas, referring to …`), else the first noun phrase after a
/// dateline (`WASHINGTON — `) and an opening adverbial phrase (`Speaking to
/// supporters, Cruz …`).
fn gerund_subject(s: &Sentence, k: usize) -> Option<Span> {
    let (text, sentence, ws, lex) = (s.text, s.span, s.ws, s.lex);
    for i in (0..k).rev() {
        let w = ws[i];
        let t = w.text(text);
        if s.inside_quote(w.start)
            || lower(t).ends_with("ing")
            || (i > 0 && is_capitalized(t))
            || !s.cue(i).is_some_and(|c| c.strong)
        {
            continue;
        }
        if let Some(m) = np_before(text, w.start, sentence.start, lex) {
            if !s.inside_quote(m.span.start) {
                return Some(m.span);
            }
        }
        return np_after(text, w.end, ws[k].start, lex).map(|m| m.span);
    }
    // A gerund opening the sentence hangs on the clause after it.
    let end = if k == 0 { sentence.end } else { ws[k].start };
    crate::mentions::main_subject(text, sentence.start, end, lex).map(|m| m.span)
}

/// Whether the cue at `k` sits in an attribution set off by commas inside the
/// sentence: `…, Mr. Clarke said, …` or `…, said Mr. Clarke, …`.
fn interposed(at: &CueAt) -> bool {
    let (text, sentence, cue) = (at.s.text, at.s.span, at.word());
    let subj_start = match at.mention() {
        Some(m) if m.role.is_none() => title_before(text, m.span.start),
        _ => return false,
    };
    let before = skip_space_back(text, subj_start);
    if char_before(text, before) != Some(',') || before <= sentence.start + 1 {
        return false;
    }
    // A comma after the cue (and a short adjunct: "said on Tuesday,").
    let rest = Span::new(cue.end, sentence.end).text(text);
    match clause_commas(text, cue.end, rest).next() {
        Some(i) => {
            let adj = &rest[..i];
            // An adjunct (`said on Tuesday,`, `said last week,`), not an
            // object (`Like Corker, Menendez rejected the notion, arguing …`).
            let adjunct = adj.split_whitespace().next().is_none_or(|w| {
                let w = lower(w);
                PREPOSITIONS.contains(&&*w)
                    || w.ends_with("ly")
                    || matches!(
                        &*w,
                        "last"
                            | "this"
                            | "earlier"
                            | "later"
                            | "again"
                            | "then"
                            | "today"
                            | "yesterday"
                            | "tuesday"
                            | "monday"
                            | "wednesday"
                            | "thursday"
                            | "friday"
                            | "saturday"
                            | "sunday"
                    )
            });
            adjunct
                && !adj.contains(['.', ';', ':', '"', '“', '”'])
                && adj.split_whitespace().count() <= 4
                && sentence.end > cue.end + i + 2
        }
        None => false,
    }
}

/// The start of an abbreviated title right before a name at `pos` (`Mr.`,
/// `Dr.`, `Sen.` before `Clarke`), else `pos`: the title belongs to the
/// attribution, so the comma before it is the one that sets it off.
fn title_before(text: &str, pos: usize) -> usize {
    let end = skip_space_back(text, pos);
    if end == pos || char_before(text, end) != Some('.') {
        return pos;
    }
    // At most five letters are read (counted, not collected): a title is
    // short, and a long run of letters must not be rescanned for every cue.
    let (mut letters, mut word_start) = (0, None);
    for (i, c) in text[..end - 1].char_indices().rev().take(6) {
        if !c.is_alphabetic() {
            break;
        }
        letters += 1;
        word_start = Some(i);
    }
    if letters > 5 {
        return pos;
    }
    match word_start {
        Some(ws)
            if end - 1 - ws <= 4
                && is_capitalized(&text[ws..end])
                && crate::segment::ends_with_abbreviation(text, ws, end - 1) =>
        {
            ws
        }
        _ => pos,
    }
}

/// `CLAUSE, X said.` and `CLAUSE, said X.`
fn clause_comma_cue(at: &CueAt, interposed: bool) -> Option<Candidate> {
    let s = at.s;
    let (text, sentence, pairs, lex) = (s.text, s.span, s.pairs, s.lex);
    let cue_w = at.word();
    let mut unknown_subject = false;
    let (subject, subj_start): (Span, usize) = match at.mention() {
        // `…, Morton Blackwell, a committeeman, told AFP.`: the name without
        // its apposition; the comma before the name (or a role written before
        // it) sets off the clause.
        Some(m) => (
            m.span,
            m.role.map_or(m.span.start, |r| r.start.min(m.span.start)),
        ),
        _ if comma_end(text, pairs, skip_space_back(text, cue_w.start)).is_none() => {
            // `…, the airline said`, `…, political experts said`: a short
            // subject no lexicon knows, from the comma to a strong cue.
            let lt = cue_w.text(text).to_lowercase();
            let finite =
                lt.ends_with("ed") || matches!(lt.as_str(), "said" | "says" | "told" | "wrote");
            let subj = at
                .subject()
                .filter(|s| !has_words(text, *s, 6))
                .filter(|_| finite && lex.cue(&lt).is_some_and(|c| c.strong))?;
            unknown_subject = true;
            (subj, subj.start)
        }
        // `…, said X.`; but `…, told AFP.` names whom it was told to: a verb
        // that takes an addressee is never inverted after its subject.
        _ if takes_addressee(s, at.k) => return None,
        _ => {
            // The name without its apposition (`said Morton Blackwell, a
            // committeeman`): the role describes the speaker, it is not the name.
            let m = np_after(text, cue_w.end, sentence.end, lex)?;
            // `…, a doctor, said she was elated`: a verb right after the name
            // makes it the subject of what was said, not the speaker; only an
            // adjunct, a relative or an addressee may follow a speaker.
            let end = m.end_with_role();
            if word_iter(text, end, sentence.end).next().is_some_and(|w| {
                let (gap, w) = (&text[end..w.start], w.text(text));
                blank(gap)
                    && w.starts_with(|c: char| c.is_lowercase())
                    && !lexicon::opens_adjunct(w)
                    && !listed(PREPOSITIONS, w)
                    && !matches!(
                        w,
                        "and" | "like" | "adding" | "noting" | "who" | "which"
                            // Articles open an addressee (`sagte er der Zeitung`).
                            | "the" | "a" | "an" | "der" | "die" | "dem" | "den" | "einem"
                    )
            }) {
                return None;
            }
            (m.span, cue_w.start)
        }
    };
    let comma = comma_end(
        text,
        pairs,
        skip_space_back(text, title_before(text, subj_start)),
    )?;
    // `…, she said: "…"`: the cue introduces what follows, not the clause
    // before; but `The museum, he said, "is …"` splits one reported sentence.
    let after = subject.end.max(cue_w.end);
    if char_at(text, skip_space(text, after)) == Some(':')
        || (!interposed && quote_after(text, after, pairs).is_some())
    {
        return None;
    }
    // The words after the attribution, counted up to seven (not collected).
    let tail = Span::new(after, sentence.end);
    let content = clause(
        text,
        after_closed_quote(text, sentence.start, comma - 1),
        comma - 1,
    );
    if !has_words(text, content, if unknown_subject { 3 } else { 2 })
        || participle_phrase(text, content)
        || (interposed && (setting_phrase(text, content) || starts_with_ing(text, content)))
        || (!interposed && opening_phrase_before_object(text, content, tail))
    {
        return None;
    }
    // Only short adjuncts may follow ("on Tuesday", "in a statement"); a longer
    // tail after a comma is the second half of the reported speech.
    let conf = if has_words(text, tail, 7) { 0.6 } else { 0.8 };
    Some(cand(
        QuoteKind::Indirect,
        content,
        cue_w.span(),
        Some(subject),
        "clause-comma-speaker-cue",
        conf,
    ))
}

/// The ends of the quotations in `text[start..end]` that close a sentence: a
/// closing mark after a full stop, `!` or `?`, followed by a capital or
/// another quotation (`Élodie said: “On y va.” Then “Allez,” said Zoë
/// Roux`, `said: “Très bien.” “Allez,” said …`), where the
/// segmenter may have kept the sentences whole. Reported speech never runs
/// over one.
fn sentence_closing_quotes(
    text: &str,
    start: usize,
    end: usize,
) -> impl Iterator<Item = usize> + '_ {
    let window = text.get(start..end).unwrap_or("");
    // From the stops (few), not from every char: this runs on every clause.
    window
        .match_indices(['.', '!', '?'])
        .filter_map(move |(i, _)| {
            let at = i + 1;
            let (_, len) = crate::marks::mark_at(window, at)
                .filter(|&(c, _)| crate::marks::is_quote_mark(c))?;
            let after = at + len;
            let next = window[after..].trim_start_matches(' ');
            (next.len() < window.len() - after
                && next.starts_with(|c: char| c.is_uppercase() || crate::marks::is_quote_mark(c)))
            .then_some(start + after)
        })
}

/// Where a clause ending at `end` starts, at or after `start`: past the last
/// of [`sentence_closing_quotes`] (`Then “Allez,”` before `, said Zoë Roux`).
fn after_closed_quote(text: &str, start: usize, end: usize) -> usize {
    sentence_closing_quotes(text, start, end)
        .last()
        .unwrap_or(start)
}

/// The end of the comma that `text[..pos]` ends with, if it ends with one:
/// `…, he said` or, American style, inside a closing mark (`The summit
/// accomplished "too little," he added`), where `add` then takes the quote
/// into the clause before as a mixed quote.
fn comma_end(text: &str, pairs: &Pairs, pos: usize) -> Option<usize> {
    match char_before(text, pos)? {
        ',' => Some(pos),
        // The quotation that closes at `pos`, whatever its mark's length
        // (`,”`, `,''`).
        mark if crate::marks::is_quote_mark(mark) => {
            let close = pairs.top_at(pos - 1)?.close.filter(|c| c.end == pos)?;
            (char_before(text, close.start) == Some(',')).then_some(close.start)
        }
        _ => None,
    }
}

/// Whether `content` is only a sentence's opening phrase (`On Tuesday`, `In
/// his speech`: a preposition, no comma) and the cue after it takes an object
/// of its own (`, the senator said nothing`, `, Obama praised Clinton`): the
/// phrase sets the scene of the clause, it is not what was said. A cue with
/// no object or only an adjunct after it (`At least 10 people died, police
/// said on Tuesday.`) keeps its clause.
fn opening_phrase_before_object(text: &str, content: Span, tail: Span) -> bool {
    let mut words = word_iter(text, content.start, content.end);
    let opens = words
        .next()
        .is_some_and(|w| listed(PREPOSITIONS, lower(w.text(text)).as_ref()));
    if !opens || content.text(text).contains(',') {
        return false;
    }
    word_iter(text, tail.start, tail.end)
        .next()
        .is_some_and(|w| !lexicon::opens_adjunct(w.text(text)))
}

/// Whether a clause before `, X said` is a participle phrase modifying the
/// subject, not what was said: `Told to leave the building, he refused.`,
/// `Asked about the plan, she declined.`, `Speaking to reporters, she said.`
fn participle_phrase(text: &str, content: Span) -> bool {
    let mut it = word_iter(text, content.start, content.end);
    let (Some(first), Some(second)) = (it.next(), it.next()) else {
        return false;
    };
    let f = first.text(text).to_lowercase();
    let participle = f.ends_with("ed")
        || f.ends_with("ing")
        || matches!(
            f.as_str(),
            "told" | "given" | "shown" | "seen" | "known" | "taken"
        );
    participle
        && matches!(
            second.text(text),
            "to" | "about"
                | "by"
                | "with"
                | "on"
                | "for"
                | "if"
                | "whether"
                | "in"
                | "at"
                | "what"
                | "how"
                | "why"
                | "who"
                | "when"
                | "where"
        )
}

/// Whether the first word ends in -ing (`Holding open a book, he said, "…"`).
fn starts_with_ing(text: &str, content: Span) -> bool {
    word_iter(text, content.start, content.end)
        .next()
        .is_some_and(|w| w.text(text).len() > 5 && w.text(text).ends_with("ing"))
}

/// Whether a phrase before an interposed attribution only sets the scene of
/// the speaking: `In an interview with TMZ Sports, he said, "…"`, `At a rally
/// on Tuesday, she said, "…"`, `In the excerpt, she wrote, "…"`.
fn setting_phrase(text: &str, content: Span) -> bool {
    const SETTINGS: &[&str] = &[
        "appearance",
        "conference",
        "debate",
        "episode",
        "essay",
        "event",
        "excerpt",
        "hearing",
        "interview",
        "letter",
        "meeting",
        "op-ed",
        "post",
        "rally",
        "remarks",
        "speech",
        "statement",
        "tweet",
    ];
    let mut it = word_iter(text, content.start, content.end);
    let opens_with_preposition = it
        .next()
        .is_some_and(|w| listed(PREPOSITIONS, w.text(text)));
    opens_with_preposition
        && word_iter(text, content.start, content.end)
            .any(|w| SETTINGS.contains(&w.text(text).to_lowercase().as_str()))
}

/// The quotation opening right after an attribution ending at `end`, past a
/// colon or comma (`she said: "…"`, `he said, “…”`).
fn quote_after<'p>(text: &str, end: usize, pairs: &'p Pairs) -> Option<&'p Pair> {
    let mut at = skip_space(text, end);
    while matches!(char_at(text, at), Some(':' | ',')) {
        at = skip_space(text, at + 1);
    }
    pairs.top_at(at).filter(|p| p.open.start == at)
}

/// How many letters `text[from..to]` holds (none when `to <= from`), up to
/// two, leaving out connectives that only link the clause to what came
/// before (`Then “Allez,” said Zoë`): [`add`] asks only whether a clause has
/// a word of its own outside its marks.
fn outside_letters(text: &str, from: usize, to: usize) -> usize {
    const CONNECTIVES: &[&str] = &[
        "again", "also", "and", "but", "later", "now", "so", "still", "then", "yet",
    ];
    text.get(from..to.max(from)).map_or(0, |g| {
        g.split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !CONNECTIVES.contains(&lower(w).as_ref()))
            .flat_map(|w| w.chars().filter(|c| c.is_alphabetic()))
            .take(2)
            .count()
    })
}

/// Adds an indirect candidate: if it is wholly in marks (no word of its own
/// outside them) it is dropped (the direct quote's attribution finds the same
/// cue); if it contains quoted fragments, it becomes one mixed quote that
/// absorbs them.
fn add(mut c: Candidate, text: &str, pairs: &Pairs, found: &mut Vec<Candidate>, marked: usize) {
    let content = c.content;
    // The quotes in marks that the content takes in. A name (`the so-called
    // "peace plan"`) stays a mention: it is nobody's words, so it does not
    // make the clause mixed.
    let takes_in = |q: &Candidate| {
        !q.absorbed
            && matches!(q.kind, QuoteKind::Direct | QuoteKind::Mention)
            && !crate::quotes::is_naming_rule(q.rule)
            && content.overlaps(q.outer)
    };
    // They are among these, walked twice (to weigh them, then to absorb
    // them) rather than collected.
    let first = found[..marked].partition_point(|q| q.outer.end <= content.start);
    let last = first
        + found[first..marked]
            .iter()
            .position(|q| q.outer.start >= content.end)
            .unwrap_or(marked - first);
    // A clause wholly in marks (`He said "we will win."`) is the direct
    // quote's, which its own attribution finds; a clause with words of its
    // own outside the marks (`called Carson a "special person"`, `said she
    // expects "to …"`) is a mixed quote, as PolNeAR's annotators mark it.
    // Two letters make a word: an emoji or a stray tag (`<p>"…"`) does not.
    let mut any = false;
    let mut letters = 0;
    let mut from = content.start;
    for q in found[first..last].iter().filter(|q| takes_in(q)) {
        any = true;
        letters += outside_letters(text, from, q.outer.start);
        from = from.max(q.outer.end);
    }
    if !any {
        if pairs.inside_quote(c.content.start)
            && pairs.inside_quote(c.content.end.saturating_sub(1))
        {
            return;
        }
        found.push(c);
        return;
    }
    letters += outside_letters(text, from, content.end);
    if letters < 2 {
        // Wholly a direct quote: leave it to the direct quote's attribution.
        return;
    }
    for q in &mut found[first..last] {
        if takes_in(q) {
            q.absorbed = true;
            c.content = Span::new(
                c.content.start.min(q.outer.start),
                c.content.end.max(q.outer.end),
            );
        }
    }
    c.kind = QuoteKind::Mixed;
    c.rule = match c.rule {
        "subject-cue-that-clause" | "subject-cue-content" => "mixed-subject-cue-content",
        "clause-comma-speaker-cue" => "mixed-clause-comma-speaker-cue",
        "comma-gerund-cue" => "mixed-comma-gerund-cue",
        "headline-speaker-colon" => "mixed-headline-speaker-colon",
        "interposed-according-to" => "mixed-interposed-according-to",
        _ => "mixed-according-to",
    };
    found.push(c);
}
