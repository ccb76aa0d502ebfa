//! Reported speech without quotation marks (`X said (that) …`, `…, X said.`,
//! `according to X, …`), and mixed quotes: reported speech that contains a quoted
//! fragment.
//!
//! The reported clause is found from clause boundaries (punctuation, the cue's
//! complementiser, the sentence end) without a parser.

use crate::lexicon::Lexicon;
use crate::marks::Pairs;
use crate::mentions::{np_after, np_before, Mention};
use crate::quotes::Candidate;
use crate::segment::Doc;
use crate::text::{char_at, char_before, skip_space, skip_space_back, words, Word};
use crate::{QuoteKind, Span};

/// Words after which a cue form is not a finite speech verb (`is said to`,
/// `to say`, `the report`).
const BLOCKERS_BEFORE: &[&str] = &["a", "an", "the", "to", "his", "her", "their", "its", "our", "this", "that"];

/// Finds reported speech in `text` and adds it to `found`, turning quoted
/// fragments inside reported clauses into mixed quotes.
pub fn find_indirect(text: &str, doc: &Doc, pairs: &Pairs, lex: &Lexicon, found: &mut Vec<Candidate>) {
    for &sentence in &doc.sentences {
        let ws = words(text, sentence.start, sentence.end);
        if let Some(c) = according_to(text, sentence, &ws, pairs, lex) {
            add(text, c, pairs, found);
            continue;
        }
        for (k, w) in ws.iter().enumerate() {
            if pairs.inside_quote(w.start) {
                continue;
            }
            let t = w.text(text);
            let Some(cue) = lex.cue(t) else { continue };
            let lt = t.to_lowercase();
            if lt.ends_with("ing") || (lt == cue.lemma && !matches!(lt.as_str(), "forecast")) && k > 0 && !is_present_subject(text, &ws, k) {
                continue;
            }
            if k > 0 && BLOCKERS_BEFORE.contains(&ws[k - 1].text(text).to_lowercase().as_str()) {
                continue;
            }
            // "is said to", "was told by"
            if ws.get(k + 1).is_some_and(|n| matches!(n.text(text), "to" | "by")) && lt != "told" {
                continue;
            }
            if let Some(c) = subject_cue_clause(text, sentence, &ws, k, pairs, lex) {
                add(text, c, pairs, found);
                break;
            }
            if let Some(c) = clause_comma_cue(text, sentence, &ws, k, pairs, lex) {
                add(text, c, pairs, found);
                break;
            }
        }
    }
}

/// A present-tense cue with its subject right before it (`he says`).
fn is_present_subject(text: &str, ws: &[Word], k: usize) -> bool {
    let t = ws[k].text(text);
    t.ends_with('s')
}

fn cand(kind: QuoteKind, content: Span, cue: Span, subject: Option<&Mention>, rule: &'static str, confidence: f32) -> Candidate {
    Candidate {
        kind,
        content,
        outer: content,
        cue: Some(cue),
        subject: subject.map(|m| m.span),
        rule,
        confidence,
        continues: None,
        absorbed: false,
    }
}

/// Trims spaces and final punctuation off a reported clause.
fn clause(text: &str, start: usize, end: usize) -> Span {
    let s = skip_space(text, start);
    let mut e = skip_space_back(text, end);
    while e > s {
        match char_before(text, e) {
            Some(c) if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '—' | '–') => e -= c.len_utf8(),
            _ => break,
        }
        e = skip_space_back(text, e);
    }
    Span::new(s, e.max(s))
}

/// `according to X, CLAUSE.` and `CLAUSE, according to X.`
fn according_to(text: &str, sentence: Span, ws: &[Word], pairs: &Pairs, lex: &Lexicon) -> Option<Candidate> {
    let k = ws.iter().position(|w| w.text(text).eq_ignore_ascii_case("according") && !pairs.inside_quote(w.start))?;
    let to = ws.get(k + 1).filter(|w| w.text(text) == "to")?;
    let cue = Span::new(ws[k].start, to.end);
    let subject = np_after(text, to.end, sentence.end, lex);
    let subj_end = subject.as_ref().map(|m| m.role.map(|r| r.end).unwrap_or(m.span.end)).unwrap_or(to.end);
    if k == 0 {
        // According to X, CLAUSE.
        let after = skip_space(text, subj_end);
        let comma = if char_at(text, after) == Some(',') {
            after + 1
        } else {
            // According to a report by X published Monday, …: up to the first comma.
            let rest = text.get(to.end..sentence.end)?;
            to.end + rest.find(',')? + 1
        };
        let content = clause(text, comma, sentence.end);
        (words(text, content.start, content.end).len() >= 3)
            .then(|| cand(QuoteKind::Indirect, content, cue, subject.as_ref(), "according-to-x-clause", 0.8))
    } else {
        // CLAUSE, according to X.
        let before = skip_space_back(text, ws[k].start);
        let content = clause(text, sentence.start, before);
        (words(text, content.start, content.end).len() >= 3)
            .then(|| cand(QuoteKind::Indirect, content, cue, subject.as_ref(), "clause-according-to-x", 0.8))
    }
}

/// `X said (that) CLAUSE`, `X told reporters (that) CLAUSE`.
fn subject_cue_clause(text: &str, sentence: Span, ws: &[Word], k: usize, pairs: &Pairs, lex: &Lexicon) -> Option<Candidate> {
    let cue_w = ws[k];
    let subject = np_before(text, cue_w.start, sentence.start, lex)?;
    let mut j = k + 1;
    let lt = cue_w.text(text).to_lowercase();
    // told reporters / told the BBC / warned investors: skip an object up to "that"
    if matches!(lt.as_str(), "told" | "tell" | "tells" | "telling" | "warned" | "assured" | "informed" | "reminded" | "urged") {
        let limit = (j + 6).min(ws.len());
        if let Some(t) = (j..limit).find(|&i| ws[i].text(text) == "that") {
            j = t;
        } else if let Some(obj) = np_after(text, cue_w.end, sentence.end, lex) {
            while j < ws.len() && ws[j].end <= obj.span.end {
                j += 1;
            }
        } else {
            j += 1;
        }
    }
    // Skip "on Tuesday", "in a statement", "in an interview" before the clause.
    let mut that = false;
    let mut i = j;
    while i < ws.len() && i < j + 6 {
        let t = ws[i].text(text);
        if t == "that" {
            that = true;
            i += 1;
            break;
        }
        i += 1;
    }
    let clause_start = if that { ws[i - 1].end } else { ws.get(j)?.start.min(cue_w.end) };
    // The clause must not start with a quotation mark or colon: that is a direct quote.
    let first = skip_space(text, if that { clause_start } else { cue_w.end });
    if let Some(c) = char_at(text, first) {
        if matches!(c, ':' | ',') || crate::marks::is_quote_mark(c) && pairs.inside_quote(first) {
            return None;
        }
    }
    if !that {
        // Without "that", the word after the cue must look like a clause start:
        // a pronoun, a determiner, a name.
        let n = ws.get(j)?.text(text);
        let ok = matches!(n.to_lowercase().as_str(), "he" | "she" | "they" | "it" | "we" | "i" | "the" | "there" | "his" | "her" | "their" | "its" | "this" | "a" | "an" | "no" | "some" | "many")
            || crate::text::is_capitalized(n);
        if !ok {
            return None;
        }
    }
    let content = clause(text, if that { clause_start } else { ws[j].start }, sentence.end);
    if words(text, content.start, content.end).len() < 3 {
        return None;
    }
    let rule = if that { "subject-cue-that-clause" } else { "subject-cue-clause" };
    Some(cand(QuoteKind::Indirect, content, cue_w.span(), Some(&subject), rule, if that { 0.8 } else { 0.65 }))
}

/// `CLAUSE, X said.` and `CLAUSE, said X.`
fn clause_comma_cue(text: &str, sentence: Span, ws: &[Word], k: usize, _pairs: &Pairs, lex: &Lexicon) -> Option<Candidate> {
    let cue_w = ws[k];
    // Subject before the cue (X said) or after it (said X), right after a comma.
    let (subject, subj_start) = match np_before(text, cue_w.start, sentence.start, lex) {
        Some(m) if m.role.is_none() => {
            let s = m.span.start;
            (m, s)
        }
        _ => {
            let m = np_after(text, cue_w.end, sentence.end, lex)?;
            (m, cue_w.start)
        }
    };
    let comma = skip_space_back(text, subj_start);
    if char_before(text, comma) != Some(',') {
        return None;
    }
    // Only the attribution (and short adjuncts) may follow.
    let tail_end = subject.role.map(|r| r.end).unwrap_or(subject.span.end).max(cue_w.end);
    let tail = words(text, tail_end, sentence.end);
    if tail.len() > 6 {
        return None;
    }
    let content = clause(text, sentence.start, comma - 1);
    if words(text, content.start, content.end).len() < 3 {
        return None;
    }
    Some(cand(QuoteKind::Indirect, content, cue_w.span(), Some(&subject), "clause-comma-speaker-cue", 0.75))
}

/// Adds an indirect candidate: if it is mostly one direct quote, it is dropped
/// (the direct quote's attribution finds the same cue); if it contains quoted
/// fragments, it becomes one mixed quote that absorbs them.
fn add(text: &str, mut c: Candidate, pairs: &Pairs, found: &mut Vec<Candidate>) {
    let _ = text;
    let mut inside = Vec::new();
    for (i, q) in found.iter().enumerate() {
        if q.absorbed || !matches!(q.kind, QuoteKind::Direct | QuoteKind::Mention) {
            continue;
        }
        if c.content.overlaps(q.outer) {
            inside.push(i);
        }
    }
    if inside.is_empty() {
        if pairs.inside_quote(c.content.start) && pairs.inside_quote(c.content.end.saturating_sub(1)) {
            return;
        }
        found.push(c);
        return;
    }
    let quoted: usize = inside.iter().map(|&i| found[i].outer.len()).sum();
    if quoted * 100 >= c.content.len() * 70 {
        // Mostly a direct quote: leave it to the direct quote's attribution.
        return;
    }
    for &i in &inside {
        found[i].absorbed = true;
        c.content = Span::new(c.content.start.min(found[i].outer.start), c.content.end.max(found[i].outer.end));
    }
    c.kind = QuoteKind::Mixed;
    c.rule = match c.rule {
        "subject-cue-that-clause" | "subject-cue-clause" => "mixed-subject-cue-clause",
        "clause-comma-speaker-cue" => "mixed-clause-comma-speaker-cue",
        _ => "mixed-according-to",
    };
    found.push(c);
}
