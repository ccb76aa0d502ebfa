//! Attribution: which mention said which quote, by which rule.
//!
//! Rules, tried in order for a quote in marks (each recorded on the quote):
//! - `quote-then-speaker-cue`: `"…," X said.`
//! - `quote-then-cue-speaker`: `"…," said X.`
//! - `quote-then-cue-phrase`: `"…," said the 46-year-old.` (a subject the
//!   lexicons do not know, up to the next punctuation); also `"…," the
//!   statement read.`
//! - `quote-dash-speaker`: `"…" — X`
//! - `quote-then-speaker-verb`: `"…," Trump shot back.` (a past-tense verb
//!   outside the cue lexicon, closing a short attribution)
//! - `speaker-cue-quote`: `X said: "…"`, `X told reporters "…"`
//! - `subject-gerund-quote`: `X bristled at the idea, saying, "…"`
//! - `speaker-cue-clause-quote`: `X said she expects the campaign "to …"`
//!   (a weak cue inside a clause reported by a strong one: the outer speaker)
//! - `speaker-colon-quote`: `X: "…"`
//! - `according-to-x-quote`: `According to X, "…"`
//! - `interrupted-quote`: the second piece of `"…," she said, "…"`
//! - `paragraph-continuation`: a paragraph that is only a quote continues the
//!   previous paragraph's speaker
//! - `turn-taking`: in an exchange, a question goes to the last questioner and
//!   the answer after it to the last answerer
//! - `nearest-speaker`: otherwise, the nearest earlier speaker or name in the
//!   paragraph (low confidence)
//!
//! Reported speech arrives with its subject from [`crate::indirect`].

use crate::lexicon::{self, Lexicon};
use crate::mentions::{np_after, np_before, Mention, MentionKind};
use crate::quotes::Candidate;
use crate::segment::Doc;
use crate::text::{
    char_at, char_before, is_capitalized, last_word, phrase_end, skip_space, skip_space_back,
    word_iter, words, Word,
};
use crate::{QuoteKind, Span};

/// The attribution of one candidate.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// The mention naming the speaker for this quote.
    pub mention: Option<Mention>,
    /// The cue.
    pub cue: Option<Span>,
    /// The rule that decided.
    pub rule: &'static str,
    /// How sure the rule is.
    pub confidence: f32,
}

impl Attribution {
    fn none() -> Attribution {
        Attribution {
            mention: None,
            cue: None,
            rule: "unattributed",
            confidence: 0.0,
        }
    }
}

/// Attributes every candidate; the result is parallel to `found`.
// Once per document: kept out of line so that profiles show the stage.
#[inline(never)]
pub fn attribute(
    text: &str,
    doc: &Doc,
    found: &[Candidate],
    mentions: &[Mention],
    lex: &Lexicon,
) -> Vec<Attribution> {
    // Quote boundaries, sorted once, bound each quote's search window.
    let mut starts: Vec<usize> = found
        .iter()
        .filter(|q| !q.absorbed)
        .map(|q| q.outer.start)
        .collect();
    let mut ends: Vec<usize> = found
        .iter()
        .filter(|q| !q.absorbed)
        .map(|q| q.outer.end)
        .collect();
    starts.sort_unstable();
    ends.sort_unstable();
    let bounds = Bounds { starts, ends };
    let mut out: Vec<Attribution> = found
        .iter()
        .map(|c| attribute_one(text, doc, c, &bounds, lex))
        .collect();
    // Interrupted quotes share their first piece's attribution.
    for i in 0..found.len() {
        if let Some(j) = found[i].continues {
            if out[i].mention.is_none() && j < out.len() {
                let mut a = out[j].clone();
                a.rule = "interrupted-quote";
                out[i] = a;
            } else if out[j].mention.is_none() && out[i].mention.is_some() {
                let mut a = out[i].clone();
                a.rule = "interrupted-quote";
                out[j] = a;
            }
        }
    }
    // Paragraph continuation and the nearest-speaker fallback, in text order.
    let mut order: Vec<usize> = (0..found.len())
        .filter(|&i| !found[i].absorbed && found[i].kind != QuoteKind::Mention)
        .collect();
    order.sort_by_key(|&i| found[i].content.start);
    let mut last: Option<(usize, usize)> = None; // (candidate, paragraph)
                                                 // The last attributed quote in marks: within a paragraph, a later quote
                                                 // continues it rather than reported speech in between (`"…," Lee said,
                                                 // referring to a group called Future45. "…"`).
    let mut last_direct: Option<(usize, usize)> = None;
    let mut questioner: Option<usize> = None;
    let mut answerer: Option<usize> = None;
    for &i in &order {
        let para = doc.paragraph_index(found[i].outer.start).unwrap_or(0);
        if out[i].mention.is_none() {
            let prev = match last_direct {
                Some((j, p)) if p == para && found[i].kind == QuoteKind::Direct => Some((j, p)),
                _ => last,
            };
            if let Some((j, p)) = prev {
                let opens_para = doc
                    .paragraphs
                    .get(para)
                    .is_some_and(|s| s.start == found[i].outer.start);
                if found[i].kind == QuoteKind::Direct && (p + 1 == para && opens_para || p == para)
                {
                    // Turn-taking in an interview: a question goes to whoever
                    // asked the last attributed question, an answer after it
                    // to whoever answered last.
                    let asks = found[i].content.text(text).trim_end().ends_with('?');
                    let who = |k: usize| {
                        out[k]
                            .mention
                            .as_ref()
                            .map(|m| m.span.text(text).to_lowercase())
                    };
                    let turn = match (asks, questioner, answerer) {
                        (true, Some(q), _) if p + 1 == para && who(q) != who(j) => Some(q),
                        (false, Some(q), Some(a))
                            if p + 1 == para && who(q) == who(j) && who(a) != who(j) =>
                        {
                            Some(a)
                        }
                        _ => None,
                    };
                    if let Some(k) = turn {
                        let mut a = out[k].clone();
                        a.rule = "turn-taking";
                        a.confidence = 0.6;
                        a.cue = None;
                        out[i] = a;
                        last = Some((i, para));
                        last_direct = Some((i, para));
                        continue;
                    }
                    let mut a = out[j].clone();
                    a.rule = if p == para {
                        "same-paragraph-speaker"
                    } else {
                        "paragraph-continuation"
                    };
                    a.confidence = if p == para { 0.6 } else { 0.7 };
                    a.cue = None;
                    out[i] = a;
                }
            }
        }
        if out[i].mention.is_none() && !crate::indirect::speaker_named_in_place(found[i].rule) {
            if let Some(m) = nearest_name(text, doc, mentions, found[i].outer.start) {
                out[i] = Attribution {
                    mention: Some(m.clone()),
                    cue: None,
                    rule: "nearest-name",
                    confidence: 0.3,
                };
            }
        }
        if out[i].mention.is_some() {
            last = Some((i, para));
            if found[i].kind == QuoteKind::Direct {
                last_direct = Some((i, para));
            }
            if out[i].cue.is_some() && found[i].kind == QuoteKind::Direct {
                if found[i].content.text(text).trim_end().ends_with('?') {
                    questioner = Some(i);
                } else {
                    answerer = Some(i);
                }
            }
        }
    }
    out
}

fn nearest_name<'a>(
    text: &str,
    doc: &Doc,
    mentions: &'a [Mention],
    pos: usize,
) -> Option<&'a Mention> {
    let para = doc.paragraph_at(pos)?;
    let k = mentions.partition_point(|m| m.span.end <= pos);
    mentions[..k]
        .iter()
        .rev()
        .take_while(|m| m.span.start >= para.start)
        .find(|m| {
            m.kind == MentionKind::Name
                && !crate::mentions::after_locative(text, m)
                && !crate::indirect::possessive(&m.span.text(text).to_lowercase())
        })
}

/// Sorted starts and ends of the quotes in marks.
struct Bounds {
    starts: Vec<usize>,
    ends: Vec<usize>,
}

/// How far from a quote its attribution may be looked for, in bytes.
const WINDOW: usize = 400;

fn attribute_one(
    text: &str,
    doc: &Doc,
    c: &Candidate,
    bounds: &Bounds,
    lex: &Lexicon,
) -> Attribution {
    if c.absorbed || c.kind == QuoteKind::Mention {
        return Attribution::none();
    }
    if matches!(c.kind, QuoteKind::Indirect | QuoteKind::Mixed) {
        let mention = c
            .subject
            .map(|s| crate::mentions::from_span_in(doc, text, s, lex));
        return Attribution {
            mention,
            cue: c.cue,
            rule: c.rule,
            confidence: c.confidence,
        };
    }
    let sentence = doc.sentence_at(c.outer.start).unwrap_or(c.outer);
    let para = doc.paragraph_at(c.outer.start).unwrap_or(sentence);
    // The next quote bounds the search after this one; the previous one before.
    let next_quote = bounds
        .starts
        .get(bounds.starts.partition_point(|&s| s < c.outer.end))
        .copied()
        .unwrap_or(usize::MAX);
    let prev_quote = bounds
        .ends
        .partition_point(|&e| e <= c.outer.start)
        .checked_sub(1)
        .map(|i| bounds.ends[i])
        .unwrap_or(0);
    // A quote running over paragraphs is attributed after its last paragraph.
    let end_para = doc
        .paragraph_at(c.outer.end.saturating_sub(1))
        .unwrap_or(para);
    let window_end = floor_boundary(
        text,
        c.outer
            .end
            .saturating_add(WINDOW)
            .min(end_para.end.max(para.end)),
    );
    let after_limit = sentence_end_after(text, c.outer.end, window_end).min(next_quote);
    if let Some(a) = after_quote(text, c.outer.end, after_limit, lex) {
        return a;
    }
    // `He said:` closing the previous paragraph introduces a quote that opens
    // this one.
    if let Some(pi) = doc
        .paragraph_index(c.outer.start)
        .filter(|_| para.start == c.outer.start)
    {
        if let Some(prev) = pi.checked_sub(1).and_then(|p| doc.paragraphs.get(p)) {
            if prev.text(text).ends_with(':') {
                let start = doc
                    .sentence_at(prev.end.saturating_sub(1))
                    .map(|s| s.start)
                    .unwrap_or(prev.start)
                    .max(prev.start);
                let colon = prev.end - 1;
                if let Some(mut a) = before_quote(text, colon, start, lex)
                    .or_else(|| before_quote(text, prev.end, start, lex))
                {
                    a.rule = "speaker-cue-colon-paragraph";
                    return a;
                }
                // `Sanders made the following comment:` — the sentence's subject.
                if let Some(m) = np_after(text, start, colon, lex) {
                    return Attribution {
                        mention: Some(m),
                        cue: None,
                        rule: "subject-colon-paragraph",
                        confidence: 0.6,
                    };
                }
            }
        }
    }
    let before_limit = ceil_boundary(
        text,
        sentence
            .start
            .max(prev_quote)
            .max(para.start)
            .max(c.outer.start.saturating_sub(WINDOW)),
    );
    if let Some(a) = before_quote(text, c.outer.start, before_limit, lex) {
        return a;
    }
    // A quote inside a sentence whose subject is named at its start:
    // `Japan branded North Korea an "outlaw nation."`
    // `The coach was blunt: "…"`: the subject of the clause the colon closes.
    let lead = crate::text::char_before(text, skip_space_back(text, c.outer.start));
    if lead.is_some_and(|ch| ch.is_alphanumeric() || ch == ':') && before_limit < c.outer.start {
        let from = if lead == Some(':') {
            before_limit
        } else {
            sentence.start
        };
        if let Some(m) = np_after(text, from, c.outer.start, lex)
            .or_else(|| crate::mentions::main_subject(text, from, c.outer.start, lex))
        {
            if !words(text, m.span.end, c.outer.start).is_empty() {
                return Attribution {
                    mention: Some(m),
                    cue: None,
                    rule: "sentence-subject",
                    confidence: 0.6,
                };
            }
        }
    }
    Attribution::none()
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// End of the sentence that continues after a quote ending at `pos`.
fn sentence_end_after(text: &str, pos: usize, limit: usize) -> usize {
    let slice = text.get(pos..limit).unwrap_or("");
    let mut prev_abbrev = false;
    for (i, c) in slice.char_indices() {
        if matches!(c, '.' | '!' | '?') && !prev_abbrev {
            let next = char_at(text, pos + i + 1);
            if next.is_none_or(|n| n.is_whitespace()) {
                // "Mr." and initials do not end the sentence.
                let abbrev = last_word(text, pos, pos + i + 1).is_some_and(|w| {
                    let t = w.text(text).trim_end_matches('.');
                    crate::lexicon::is_abbreviation(t) || t.chars().count() == 1
                });
                if !abbrev {
                    return pos + i + 1;
                }
            }
        }
        prev_abbrev = false;
    }
    limit
}

/// `"…," X said.` / `"…," said X.` / `"…" — X`
fn after_quote(text: &str, pos: usize, limit: usize, lex: &Lexicon) -> Option<Attribution> {
    let start = skip_space(text, pos);
    if start >= limit {
        return None;
    }
    // Dash attribution.
    if let Some(c) = char_at(text, start) {
        if matches!(c, '—' | '–' | '-' | '―') {
            let m = np_after(text, start + c.len_utf8(), limit, lex)?;
            return Some(Attribution {
                mention: Some(m),
                cue: None,
                rule: "quote-dash-speaker",
                confidence: 0.8,
            });
        }
    }
    // The words up to `limit` are read one by one: the cue is most often
    // among the first, and the loop ends there.
    let ws = || word_iter(text, start, limit);
    // A quote closed by a full stop, followed by a new sentence `X said that
    // …`: that sentence reports something else; its cue is not this quote's.
    let closed = text
        .get(..pos)
        .map(|s| s.trim_end_matches(|c: char| crate::marks::is_quote_mark(c)))
        .is_some_and(|s| s.ends_with('.'))
        && ws()
            .next()
            .is_some_and(|w| is_capitalized(w.text(text)) && w.start == start);
    let mut prev = None;
    for (k, w) in ws().enumerate().take(30) {
        // The word before `w`, if any.
        let before: Option<Word> = prev.replace(w);
        // `"…," the statement read.` / `"…," read the sign.`: `read` closes
        // a quote of a document when it ends the attribution.
        let read = matches!(w.text(text), "read" | "reads")
            && k <= 4
            && if k == 0 {
                ws().count() <= 6
            } else {
                matches!(char_at(text, w.end), Some('.' | ',')) && ws().count() == k + 1
            };
        if lex.cue(w.text(text)).is_none() && !read {
            continue;
        }
        // `"…," Consumer Reports said.`: a capitalised cue form inside a
        // name, with a lower-case cue right after it, is the name's.
        if before.is_some() && is_capitalized(w.text(text)) {
            let next = word_iter(text, w.end, limit).next();
            if next.is_some_and(|n| {
                let t = n.text(text);
                !is_capitalized(t) && lex.cue(t).is_some()
            }) {
                continue;
            }
        }
        if closed {
            // The words after the cue, to the end of its sentence (an indirect
            // quote may start there and bound `limit`).
            let end = sentence_end_after(text, w.end, floor_boundary(text, w.end + 300));
            let rest = words(text, w.end, end);
            let adjunct = rest.first().is_some_and(|n| {
                lexicon::opens_adjunct(n.text(text))
                    || Span::new(w.end, n.start).text(text).contains(',')
            });
            if rest.len() > 3 && !adjunct {
                return None;
            }
        }
        if let Some(before) = before {
            if let Some(m) = np_before(text, w.start, start, lex) {
                if skip_space(text, pos) <= m.span.start {
                    return Some(Attribution {
                        mention: Some(m),
                        cue: Some(w.span()),
                        rule: "quote-then-speaker-cue",
                        confidence: 0.95,
                    });
                }
            }
            // Any short noun phrase between the quote and the cue: `"…," the
            // ad's narrator says.`
            let lead = Span::new(start, before.end);
            let lead_text = lead
                .text(text)
                .trim_start_matches([',', ' ', '—', '–', '―']);
            let lead = Span::new(lead.end - lead_text.len(), lead.end);
            if k <= 6
                && !lead.is_empty()
                && !lead_text.contains([',', ';', ':', '.', '(', '"', '“', '”'])
            {
                let m = crate::mentions::from_span(text, lead, lex);
                return Some(Attribution {
                    mention: Some(m),
                    cue: Some(w.span()),
                    rule: "quote-then-phrase-cue",
                    confidence: 0.8,
                });
            }
        }
        if let Some(m) = np_after(text, w.end, limit, lex) {
            return Some(Attribution {
                mention: Some(m),
                cue: Some(w.span()),
                rule: "quote-then-cue-speaker",
                confidence: 0.9,
            });
        }
        // Any short phrase after the cue: `"…," said the 46-year-old.`,
        // `"…," read the statement.`
        if k == 0 {
            if let Some(span) = phrase_after(text, w.end, limit) {
                return Some(Attribution {
                    mention: Some(crate::mentions::from_span(text, span, lex)),
                    cue: Some(w.span()),
                    rule: "quote-then-cue-phrase",
                    confidence: 0.7,
                });
            }
        }
        return None;
    }
    // `"…," Trump shot back.`, `"…," he surmised.`: a quote closed by a comma,
    // then a subject and a verb the cue lexicon does not know, ending the
    // sentence: the subject is the speaker.
    let comma = text
        .get(..pos)
        .map(|s| s.trim_end_matches(crate::marks::is_quote_mark))
        .is_some_and(|s| s.ends_with(','));
    let m = np_after(text, start, limit, lex).filter(|m| m.span.start == start && comma)?;
    let rest = words(text, m.end_with_role(), limit);
    let verb = rest.first()?;
    let t = verb.text(text);
    let past = t.ends_with("ed") || matches!(t, "shot" | "went" | "wrote" | "spoke" | "put");
    (rest.len() <= 6 && t.chars().all(|c| c.is_lowercase()) && past).then(|| Attribution {
        mention: Some(m),
        cue: Some(verb.span()),
        rule: "quote-then-speaker-verb",
        confidence: 0.7,
    })
}

/// Words that cannot open the subject phrase after a cue besides the
/// adjunct openers ([`lexicon::opens_adjunct`]: `said on Monday`): adverbs,
/// conjunctions and pronouns (`said again`, `said that`, `said it`).
const NOT_PHRASE_START: &[&str] = &[
    "again", "also", "and", "because", "but", "by", "for", "it", "now", "so", "that", "then",
    "there",
];

/// Function words a phrase does not end on (`the authors of the`).
const NOT_PHRASE_END: &[&str] = &["a", "an", "and", "of", "the", "to", "for", "with", "in"];

/// The phrase starting at `pos` up to the next punctuation, at most eight
/// words, for a subject the lexicons do not know.
fn phrase_after(text: &str, pos: usize, limit: usize) -> Option<Span> {
    let start = skip_space(text, pos);
    let mut ws = words(text, start, phrase_end(text, start, limit));
    while ws
        .last()
        .is_some_and(|w| NOT_PHRASE_END.contains(&w.text(text).to_lowercase().as_str()))
    {
        ws.pop();
    }
    let first = ws.first()?;
    let t = first.text(text);
    if ws.len() > 8
        || lexicon::opens_adjunct(t)
        || NOT_PHRASE_START.iter().any(|w| w.eq_ignore_ascii_case(t))
    {
        return None;
    }
    Some(Span::new(first.start, ws.last()?.end))
}

/// `X said: "…"`, `X told reporters "…"`, `X: "…"`
fn before_quote(text: &str, pos: usize, limit: usize, lex: &Lexicon) -> Option<Attribution> {
    let end = skip_space_back(text, pos);
    if end <= limit {
        return None;
    }
    if char_before(text, end) == Some(':') {
        let before_colon = end - 1;
        if let Some(m) = np_before(text, before_colon, limit, lex) {
            if skip_space_back(text, before_colon) == m.span.end || m.role.is_some() {
                return Some(Attribution {
                    mention: Some(m),
                    cue: None,
                    rule: "speaker-colon-quote",
                    confidence: 0.8,
                });
            }
        }
    }
    let ws = words(text, limit, end);
    // `According to Limbaugh, "…"`
    if let Some(k) = ws
        .iter()
        .position(|w| w.text(text).eq_ignore_ascii_case("according"))
        .filter(|&k| ws.get(k + 1).is_some_and(|t| t.text(text) == "to"))
    {
        if let Some(m) = np_after(text, ws[k + 1].end, end, lex) {
            let rest = text.get(m.span.end..end).unwrap_or("");
            if rest.trim_start().starts_with([',', ':']) && rest.split_whitespace().count() <= 1 {
                return Some(Attribution {
                    mention: Some(m),
                    cue: Some(Span::new(ws[k].start, ws[k + 1].end)),
                    rule: "according-to-x-quote",
                    confidence: 0.8,
                });
            }
        }
    }
    for (back, w) in ws.iter().rev().enumerate().take(10) {
        if lex.cue(w.text(text)).is_none() {
            continue;
        }
        // `Mrs. Clinton's remark`: a noun after a possessive, not a cue.
        let k = ws.len() - 1 - back;
        if k > 0 && crate::indirect::possessive(&ws[k - 1].text(text).to_lowercase()) {
            continue;
        }
        // `The senator emailed supporters saying: "…"`: a description before
        // a gerund is the previous verb's object; the gerund hangs on the
        // sentence's subject. A name or pronoun may be its own subject
        // (`with Trump reportedly yelling: "…"`).
        let before = np_before(text, w.start, limit, lex);
        let own_subject = before
            .as_ref()
            .is_some_and(|m| matches!(m.kind, MentionKind::Name | MentionKind::Pronoun));
        let subject_gerund = || {
            crate::mentions::main_subject(text, limit, w.start, lex).map(|m| Attribution {
                mention: Some(m),
                cue: Some(w.span()),
                rule: "subject-gerund-quote",
                confidence: 0.7,
            })
        };
        let gerund_tried = w.text(text).ends_with("ing") && !own_subject;
        if gerund_tried {
            if let Some(a) = subject_gerund() {
                return Some(a);
            }
        }
        if let Some(m) = before {
            let conf = if back <= 2 { 0.9 } else { 0.75 };
            // `Ditto said she expects the campaign "to …"`: a weak cue in a
            // clause reported by a speech verb; the outer speaker is quoted.
            if lex.cue(w.text(text)).is_some_and(|c| !c.strong) {
                if let Some(a) = outer_attribution(text, m.span.start, limit, lex) {
                    return Some(a);
                }
            }
            return Some(Attribution {
                mention: Some(m),
                cue: Some(w.span()),
                rule: "speaker-cue-quote",
                confidence: conf,
            });
        }
        // `said Kaine, "…"`: a subject after the cue is set off from the quote;
        // `says Kaine "has …"` is the subject of the reported clause.
        if let Some(m) = np_after(text, w.end, end, lex).filter(|m| {
            let e = m.end_with_role();
            text.get(e..end)
                .is_some_and(|g| g.contains([',', ':', '—', '–', '―']))
        }) {
            return Some(Attribution {
                mention: Some(m),
                cue: Some(w.span()),
                rule: "cue-speaker-quote",
                confidence: 0.8,
            });
        }
        // `Christie bristled at …, saying, "…"`: a gerund after a comma hangs
        // on the sentence's subject.
        // Also `…, going on to say "…"`, `…, suggesting a few questions: "…"`:
        // a clause after a comma that opens with a gerund.
        let gerund = text.get(limit..w.start).is_some_and(|b| {
            b.rfind(',').is_some_and(|c| {
                let mut lead = b[c + 1..].split_whitespace();
                if w.text(text).ends_with("ing") {
                    lead.all(|x| {
                        matches!(x, "and" | "then" | "later" | "also" | "again")
                            || x.ends_with("ly")
                    })
                } else {
                    lead.next()
                        .is_some_and(|x| x.ends_with("ing") && x.len() >= 5)
                        && b[c + 1..].split_whitespace().count() <= 4
                }
            })
        });
        if gerund && !gerund_tried {
            if let Some(a) = subject_gerund() {
                return Some(a);
            }
        }
        // Any short phrase opening the clause: `a friend commented: "…"`,
        // `the 34-year-old mother of three replied, "…"`.
        if let Some(m) = clause_subject(text, w.start, limit, lex) {
            return Some(Attribution {
                mention: Some(m),
                cue: Some(w.span()),
                rule: "phrase-cue-quote",
                confidence: 0.7,
            });
        }
        // The nearest cue decides; an earlier one belongs to another clause.
        return None;
    }
    None
}

/// A strong cue with its subject right before `start` (past a `that`): the
/// attribution of a clause that starts at `start`.
fn outer_attribution(text: &str, start: usize, limit: usize, lex: &Lexicon) -> Option<Attribution> {
    let ws = words(text, limit, start);
    let mut k = ws.len();
    if k > 0 && ws[k - 1].text(text).eq_ignore_ascii_case("that") {
        k -= 1;
    }
    let cue = ws.get(k.checked_sub(1)?)?;
    if !lex.cue(cue.text(text)).is_some_and(|c| c.strong)
        || !Span::new(cue.end, start)
            .text(text)
            .trim()
            .chars()
            .all(char::is_alphabetic)
    {
        return None;
    }
    let m = np_before(text, cue.start, limit, lex)?;
    Some(Attribution {
        mention: Some(m),
        cue: Some(cue.span()),
        rule: "speaker-cue-clause-quote",
        confidence: 0.75,
    })
}

/// The words from the start of the clause to `end` (a cue), when they are a
/// short phrase without punctuation: the subject of the cue.
fn clause_subject(text: &str, end: usize, limit: usize, lex: &Lexicon) -> Option<Mention> {
    let e = skip_space_back(text, end);
    let mut s = e;
    while s > limit {
        match char_before(text, s) {
            Some(
                ',' | ';' | ':' | '.' | '!' | '?' | '"' | '“' | '”' | '(' | ')' | '—' | '–' | '―'
                | '\n',
            )
            | None => break,
            Some(c) => s -= c.len_utf8(),
        }
    }
    let s = skip_space(text, s);
    let ws = words(text, s, e);
    if ws.is_empty() || ws.len() > 7 {
        return None;
    }
    // `I laughed and said, "…"`: the subject of the first verb.
    if ws.len() > 1 && matches!(ws[ws.len() - 1].text(text), "and" | "but" | "then") {
        return crate::mentions::main_subject(text, s, ws[ws.len() - 1].start, lex);
    }
    let first = ws[0].text(text).to_lowercase();
    if matches!(
        first.as_str(),
        "and" | "but" | "as" | "when" | "while" | "if" | "in" | "on" | "at" | "after" | "before"
    ) {
        return None;
    }
    Some(crate::mentions::from_span(
        text,
        Span::new(ws[0].start, ws[ws.len() - 1].end),
        lex,
    ))
}
