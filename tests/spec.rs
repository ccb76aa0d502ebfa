//! Spec files: small `input → expected quotes` examples that read like the spec.
//!
//! Each file under `tests/spec/` is one `#[test]`. The format (see also the header
//! of every spec file):
//!
//! ```text
//! ## interrupted quote is two pieces with one speaker
//! "We will win," she said, "and soon."
//! --
//! direct «We will win,» speaker=she cue=said
//! direct «and soon.» speaker=she continues
//! ```
//!
//! - `## title`: starts a case. A title tagged `[known-failure: reason]` is a case
//!   the engine is known to get wrong today: the test fails if it *passes* (so the
//!   tag is removed when the engine is fixed) and fails on every untagged case that
//!   fails.
//! - `options: a, b`: optional line right after the title. `default` (use
//!   `Options::default()`, i.e. leave mentions out; the spec otherwise runs with
//!   `include_mentions: true`), `no-indirect`, `cue=WORD`, `outlet=NAME`, `crlf`
//!   (every `\n` of the input becomes `\r\n`), `markdown` (use `annotate_markdown_with`).
//! - The input: every line up to a line `--`, leading and trailing blank lines
//!   dropped, lines joined with `\n` (a blank line is a paragraph break). Escapes,
//!   in the input and in expected text: `\u{A0}`, `\n`, `\t`, `\r`, `\0`, `\\`.
//! - Expected lines after `--`, one quote per line, in text order:
//!   `KIND «content» field=value …` where KIND is direct, indirect, mixed or
//!   mention and content is exactly the text between the engine's start and end
//!   (it ends at the last `»` of the line). Fields, each checked only when written:
//!   `speaker=NAME` (the speaker's canonical name, or the text of the mention:
//!   a pronoun that resolves to no one is a mention without a speaker),
//!   `speaker=none`, `mention=TEXT`, `cue=TEXT`, `source=NAME` (a source's name),
//!   `antecedent=TEXT`, `role=TEXT` (the speaker's role), `rule=NAME`, `continues`
//!   (continues the quote on the previous expected line), and `X=none` for any of them.
//! - `speakers: Name (kind) ; Other (kind, role: …, mentions: a|b|c)` checks the
//!   whole speaker table in order; `speakers: none` checks that it is empty.
//!   `sources: Name (kind) ; …` does the same for sources.
//! - No quote line at all asserts that there are NO quotes. A line `...` makes the
//!   list open: the expected quotes must appear in order, others may come between.
//! - Lines starting with `//` after `--` are comments.
//!
//! Every case, tagged or not, is also checked for sane output: offsets inside the
//! text and on char boundaries, ids and indices consistent, quotes in text order,
//! the same output twice.
//!
//! Environment:
//! - `SPEC_CASE=substring`: run only cases whose title contains it.
//! - `SPEC_VERBOSE=1`: print the details of known failures too.
//! - `SPEC_UPDATE=fixed`: remove the tag of every tagged case that now passes.
//! - `SPEC_UPDATE=all`: also tag every failing untagged case with its first problem.
//!   (Both rewrite the spec files in place; review the diff before committing.)

use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use whosaid::{Annotations, Options, Quote, Span};

const TAG: &str = "[known-failure";

#[derive(Debug, Default, Clone)]
struct Case {
    /// 1-based line of the title in the spec file.
    line: usize,
    title: String,
    known_failure: Option<String>,
    options: Vec<String>,
    input: String,
    quotes: Vec<ExpQuote>,
    open: bool,
    speakers: Option<Vec<ExpEntity>>,
    sources: Option<Vec<ExpEntity>>,
    /// Problems found while parsing the case itself (always a hard failure).
    parse_errors: Vec<String>,
}

#[derive(Debug, Default, Clone)]
struct ExpQuote {
    raw: String,
    kind: String,
    content: String,
    fields: Vec<(String, String)>,
}

#[derive(Debug, Default, Clone)]
struct ExpEntity {
    name: String,
    kind: Option<String>,
    role: Option<String>,
    mentions: Option<Vec<String>>,
}

const KEYS: &[&str] = &[
    "speaker",
    "mention",
    "cue",
    "source",
    "antecedent",
    "continues",
    "role",
    "rule",
];
const KINDS: &[&str] = &["direct", "indirect", "mixed", "mention"];

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('t') => {
                chars.next();
                out.push('\t');
            }
            Some('n') => {
                chars.next();
                out.push('\n');
            }
            Some('r') => {
                chars.next();
                out.push('\r');
            }
            Some('0') => {
                chars.next();
                out.push('\0');
            }
            Some('\\') => {
                chars.next();
                out.push('\\');
            }
            Some('u') => {
                let rest: String = chars.clone().collect();
                if let Some(close) = rest.strip_prefix("u{").and_then(|r| r.find('}')) {
                    let hex = &rest[2..2 + close];
                    if let Some(ch) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                        out.push(ch);
                        for _ in 0..close + 3 {
                            chars.next();
                        }
                        continue;
                    }
                }
                out.push('\\');
            }
            _ => out.push('\\'),
        }
    }
    out
}

/// Splits a title into the title proper and the known-failure reason.
fn split_title(raw: &str) -> (String, Option<String>) {
    match raw.find(TAG) {
        Some(i) => {
            let tag = &raw[i..];
            let end = tag.rfind(']').unwrap_or(tag.len().saturating_sub(1));
            let reason = tag[TAG.len()..end]
                .trim_start_matches(':')
                .trim()
                .to_string();
            let mut title = raw[..i].trim_end().to_string();
            title.push_str(tag.get(end + 1..).unwrap_or(""));
            (title.trim().to_string(), Some(reason))
        }
        None => (raw.trim().to_string(), None),
    }
}

fn parse_entities(list: &str) -> Vec<ExpEntity> {
    let list = list.trim();
    if list == "none" || list.is_empty() {
        return Vec::new();
    }
    list.split(" ; ")
        .map(|item| {
            let item = item.trim();
            let mut e = ExpEntity::default();
            match (item.find(" ("), item.ends_with(')')) {
                (Some(p), true) => {
                    e.name = item[..p].trim().to_string();
                    for attr in item[p + 2..item.len() - 1].split(", ") {
                        let attr = attr.trim();
                        if let Some(r) = attr.strip_prefix("role:") {
                            e.role = Some(r.trim().to_string());
                        } else if let Some(m) = attr.strip_prefix("mentions:") {
                            e.mentions = Some(m.split('|').map(|s| unescape(s.trim())).collect());
                        } else if !attr.is_empty() {
                            e.kind = Some(attr.to_string());
                        }
                    }
                }
                _ => e.name = item.to_string(),
            }
            e.name = unescape(&e.name);
            e
        })
        .collect()
}

fn parse_quote(line: &str) -> Result<ExpQuote, String> {
    let (kind, rest) = line.split_once(' ').ok_or("expected `KIND «content» …`")?;
    if !KINDS.contains(&kind) {
        return Err(format!("unknown kind `{kind}`"));
    }
    let rest = rest.trim_start();
    let body = rest.strip_prefix('«').ok_or("content must start with «")?;
    let close = body.rfind('»').ok_or("content must end with »")?;
    let content = unescape(&body[..close]);
    let mut fields: Vec<(String, String)> = Vec::new();
    for tok in body[close + '»'.len_utf8()..]
        .split(' ')
        .filter(|t| !t.is_empty())
    {
        let key_val = tok.split_once('=').filter(|(k, _)| KEYS.contains(k));
        if let Some((k, v)) = key_val {
            fields.push((k.to_string(), v.to_string()));
        } else if tok == "continues" {
            fields.push(("continues".into(), String::new()));
        } else if let Some(last) = fields
            .last_mut()
            .filter(|f| f.0 != "continues" || !f.1.is_empty())
        {
            last.1.push(' ');
            last.1.push_str(tok);
        } else {
            return Err(format!("stray word `{tok}` (fields are key=value)"));
        }
    }
    for f in &mut fields {
        f.1 = unescape(&f.1);
    }
    Ok(ExpQuote {
        raw: line.to_string(),
        kind: kind.to_string(),
        content,
        fields,
    })
}

fn parse_spec(src: &str) -> Vec<Case> {
    let lines: Vec<&str> = src.lines().collect();
    let mut cases = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(raw_title) = lines[i].strip_prefix("## ") else {
            i += 1;
            continue;
        };
        let (title, known_failure) = split_title(raw_title);
        let mut case = Case {
            line: i + 1,
            title,
            known_failure,
            ..Default::default()
        };
        i += 1;
        if let Some(opts) = lines.get(i).and_then(|l| l.strip_prefix("options:")) {
            case.options = opts
                .split(',')
                .map(|o| o.trim().to_string())
                .filter(|o| !o.is_empty())
                .collect();
            i += 1;
        }
        let mut input: Vec<&str> = Vec::new();
        let mut saw_sep = false;
        while i < lines.len() && !lines[i].starts_with("## ") {
            if lines[i] == "--" {
                saw_sep = true;
                i += 1;
                break;
            }
            input.push(lines[i]);
            i += 1;
        }
        while input.first().is_some_and(|l| l.trim().is_empty()) {
            input.remove(0);
        }
        while input.last().is_some_and(|l| l.trim().is_empty()) {
            input.pop();
        }
        let mut text = unescape(&input.join("\n"));
        if case.options.iter().any(|o| o == "crlf") {
            text = text.replace('\n', "\r\n");
        }
        case.input = text;
        if !saw_sep {
            case.parse_errors
                .push("no `--` line after the input".into());
        }
        while saw_sep && i < lines.len() && !lines[i].starts_with("## ") {
            let l = lines[i].trim();
            i += 1;
            if l.is_empty() || l.starts_with("//") {
                continue;
            }
            if l == "..." {
                case.open = true;
            } else if let Some(list) = l.strip_prefix("speakers:") {
                case.speakers = Some(parse_entities(list));
            } else if let Some(list) = l.strip_prefix("sources:") {
                case.sources = Some(parse_entities(list));
            } else {
                match parse_quote(l) {
                    Ok(q) => case.quotes.push(q),
                    Err(e) => case.parse_errors.push(format!("line `{l}`: {e}")),
                }
            }
        }
        cases.push(case);
    }
    cases
}

fn options_for(case: &Case) -> Options {
    let mut o = Options {
        include_mentions: true,
        ..Default::default()
    };
    for opt in &case.options {
        match opt.as_str() {
            "default" => o = Options::default(),
            "no-indirect" => o.indirect = false,
            "crlf" | "markdown" => {}
            other => {
                if let Some(c) = other.strip_prefix("cue=") {
                    o.extra_cues.push(c.to_string());
                } else if let Some(n) = other.strip_prefix("outlet=") {
                    o.extra_outlets.push(n.to_string());
                } else if let Some(n) = other.strip_prefix("female=") {
                    o.extra_female_names.push(n.to_string());
                } else if let Some(n) = other.strip_prefix("male=") {
                    o.extra_male_names.push(n.to_string());
                }
            }
        }
    }
    o
}

fn run_engine(case: &Case) -> Result<Annotations, String> {
    let opts = options_for(case);
    let md = case.options.iter().any(|o| o == "markdown");
    let input = case.input.clone();
    let go = move || {
        if md {
            whosaid::markdown::annotate_markdown_with(&input, &opts)
        } else {
            whosaid::annotate_with(&input, &opts)
        }
    };
    catch_unwind(AssertUnwindSafe(go)).map_err(|e| {
        let msg = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        format!("PANIC: {msg}")
    })
}

/// The inverse of `unescape` for the characters that would break a line.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
        .replace('\t', "\\t")
        .replace('\0', "\\0")
}

fn span_text(text: &str, s: Option<Span>) -> String {
    match s {
        Some(s) => text.get(s.start..s.end).unwrap_or("<bad span>").to_string(),
        None => "none".to_string(),
    }
}

/// The actual quote rendered in the expected-line language.
fn render_quote(text: &str, ann: &Annotations, q: &Quote) -> String {
    let mut s = format!(
        "{} «{}»",
        q.kind.as_str(),
        escape(text.get(q.start..q.end).unwrap_or("<bad span>"))
    );
    match q.speaker.and_then(|i| ann.speakers.get(i)) {
        Some(sp) => write!(s, " speaker={}", sp.name).unwrap(),
        None => s.push_str(" speaker=none"),
    }
    if q.mention.is_some() {
        write!(s, " mention={}", span_text(text, q.mention)).unwrap();
    }
    if q.cue.is_some() {
        write!(s, " cue={}", span_text(text, q.cue)).unwrap();
    }
    if let Some(src) = q.source.and_then(|i| ann.sources.get(i)) {
        write!(s, " source={}", src.name).unwrap();
    }
    if q.antecedent.is_some() {
        write!(s, " antecedent={}", span_text(text, q.antecedent)).unwrap();
    }
    if let Some(c) = q.continues {
        write!(s, " continues({c})").unwrap();
    }
    write!(s, "   // {} {:.2}", q.rule, q.confidence).unwrap();
    s
}

fn render_entities(
    text: &str,
    label: &str,
    items: Vec<(String, String, Option<String>, Vec<Span>)>,
) -> String {
    if items.is_empty() {
        return format!("{label}: none");
    }
    let parts: Vec<String> = items
        .into_iter()
        .map(|(name, kind, role, mentions)| {
            let mut s = format!("{name} ({kind}");
            if let Some(r) = role {
                write!(s, ", role: {r}").unwrap();
            }
            let ms: Vec<String> = mentions.iter().map(|m| span_text(text, Some(*m))).collect();
            write!(s, ", mentions: {})", ms.join("|")).unwrap();
            s
        })
        .collect();
    format!("{label}: {}", parts.join(" ; "))
}

fn render_speakers(text: &str, ann: &Annotations) -> String {
    let items = ann
        .speakers
        .iter()
        .map(|s| {
            (
                s.name.clone(),
                kind_name(&s.kind),
                s.role.clone(),
                s.mentions.clone(),
            )
        })
        .collect();
    render_entities(text, "speakers", items)
}

fn render_sources(text: &str, ann: &Annotations) -> String {
    let items = ann
        .sources
        .iter()
        .map(|s| (s.name.clone(), kind_name(&s.kind), None, s.mentions.clone()))
        .collect();
    render_entities(text, "sources", items)
}

fn kind_name<T: serde::Serialize>(k: &T) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Checks that the output is sane whatever the input.
fn sanity(text: &str, ann: &Annotations, again: &Annotations) -> Vec<String> {
    let mut p = Vec::new();
    let ok = |s: Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    let mut last_start = 0;
    for (i, q) in ann.quotes.iter().enumerate() {
        if q.id != i {
            p.push(format!("SANITY: quotes[{i}].id is {}", q.id));
        }
        if !ok(q.span()) {
            p.push(format!(
                "SANITY: quote {i} span {}..{} is not a valid span of the text",
                q.start, q.end
            ));
        }
        if q.start < last_start {
            p.push(format!(
                "SANITY: quote {i} starts before the quote before it"
            ));
        }
        last_start = q.start;
        for (name, s) in [
            ("cue", q.cue),
            ("mention", q.mention),
            ("antecedent", q.antecedent),
        ] {
            if let Some(s) = s {
                if !ok(s) {
                    p.push(format!(
                        "SANITY: quote {i} {name} span {}..{} is not valid",
                        s.start, s.end
                    ));
                }
            }
        }
        if q.speaker.is_some_and(|s| s >= ann.speakers.len()) {
            p.push(format!("SANITY: quote {i} speaker index out of range"));
        }
        if q.source.is_some_and(|s| s >= ann.sources.len()) {
            p.push(format!("SANITY: quote {i} source index out of range"));
        }
        if q.continues.is_some_and(|c| c >= i) {
            p.push(format!("SANITY: quote {i} continues a later quote"));
        }
        if !(0.0..=1.0).contains(&q.confidence) {
            p.push(format!(
                "SANITY: quote {i} confidence {} outside 0..1",
                q.confidence
            ));
        }
    }
    for (i, s) in ann.speakers.iter().enumerate() {
        if s.id != i {
            p.push(format!("SANITY: speakers[{i}].id is {}", s.id));
        }
        if s.mentions.iter().any(|m| !ok(*m)) {
            p.push(format!("SANITY: speaker {i} has an invalid mention span"));
        }
    }
    for (i, s) in ann.sources.iter().enumerate() {
        if s.id != i {
            p.push(format!("SANITY: sources[{i}].id is {}", s.id));
        }
        if s.mentions.iter().any(|m| !ok(*m)) {
            p.push(format!("SANITY: source {i} has an invalid mention span"));
        }
    }
    if ann != again {
        p.push("SANITY: two runs on the same input gave different output".into());
    }
    p
}

fn check_fields(
    text: &str,
    ann: &Annotations,
    exp: &ExpQuote,
    q: &Quote,
    prev: Option<usize>,
    p: &mut Vec<String>,
) {
    let label = format!("«{}»", escape(&exp.content));
    for (key, want) in &exp.fields {
        let got: String = match key.as_str() {
            "speaker" => {
                let sp = q.speaker.and_then(|i| ann.speakers.get(i));
                let mention = span_text(text, q.mention);
                match sp {
                    // An unresolved pronoun: no speaker, the pronoun as mention.
                    None if !mention.is_empty() && mention.eq_ignore_ascii_case(want) => {
                        want.clone()
                    }
                    None => "none".into(),
                    Some(sp)
                        if sp.name.eq_ignore_ascii_case(want)
                            || mention.eq_ignore_ascii_case(want) =>
                    {
                        want.clone()
                    }
                    Some(sp) => sp.name.clone(),
                }
            }
            "mention" => span_text(text, q.mention),
            "cue" => span_text(text, q.cue),
            "antecedent" => span_text(text, q.antecedent),
            "source" => q
                .source
                .and_then(|i| ann.sources.get(i))
                .map_or("none".into(), |s| s.name.clone()),
            "role" => q
                .speaker
                .and_then(|i| ann.speakers.get(i))
                .and_then(|s| s.role.clone())
                .unwrap_or_else(|| "none".into()),
            "rule" => q.rule.clone(),
            "continues" => {
                if want == "none" {
                    match q.continues {
                        None => "none".into(),
                        Some(c) => format!("continues quote {c}"),
                    }
                } else {
                    let ok = q.continues.is_some() && q.continues == prev;
                    if ok {
                        continue;
                    }
                    p.push(format!(
                        "{label}: should continue the previous quote ({}), but continues = {:?}",
                        prev.map_or("none".into(), |i| i.to_string()),
                        q.continues
                    ));
                    continue;
                }
            }
            _ => continue,
        };
        if &got != want {
            p.push(format!("{label}: {key} should be `{want}`, is `{got}`"));
        }
    }
}

fn check_entities(
    text: &str,
    label: &str,
    want: &[ExpEntity],
    got: Vec<(String, String, Option<String>, Vec<Span>)>,
    p: &mut Vec<String>,
) {
    if want.len() != got.len() {
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        p.push(format!(
            "{label}: expected {} entries, got {}: {:?}",
            want.len(),
            got.len(),
            names
        ));
    }
    for (i, (w, g)) in want.iter().zip(got.iter()).enumerate() {
        if w.name != g.0 {
            p.push(format!(
                "{label}[{i}]: name should be `{}`, is `{}`",
                w.name, g.0
            ));
        }
        if let Some(k) = &w.kind {
            if k != &g.1 {
                p.push(format!(
                    "{label}[{i}] `{}`: kind should be {k}, is {}",
                    w.name, g.1
                ));
            }
        }
        if let Some(r) = &w.role {
            if Some(r) != g.2.as_ref() {
                p.push(format!(
                    "{label}[{i}] `{}`: role should be `{r}`, is {:?}",
                    w.name, g.2
                ));
            }
        }
        if let Some(ms) = &w.mentions {
            let got_ms: Vec<String> = g.3.iter().map(|m| span_text(text, Some(*m))).collect();
            if ms != &got_ms {
                p.push(format!(
                    "{label}[{i}] `{}`: mentions should be {:?}, are {:?}",
                    w.name, ms, got_ms
                ));
            }
        }
    }
}

/// Runs one case; returns the problems (empty = pass) and the rendered actual output.
fn run_case(case: &Case) -> (Vec<String>, Vec<String>) {
    let mut p = case.parse_errors.clone();
    let ann = match run_engine(case) {
        Ok(a) => a,
        Err(e) => return (vec![e], vec![]),
    };
    let again = run_engine(case).unwrap_or_default();
    let text = &case.input;
    p.extend(sanity(text, &ann, &again));
    let mut actual: Vec<String> = ann
        .quotes
        .iter()
        .map(|q| render_quote(text, &ann, q))
        .collect();
    actual.push(render_speakers(text, &ann));
    actual.push(render_sources(text, &ann));

    // Match expected quotes to actual ones (by content, in order).
    let mut next = 0;
    let mut prev_match: Option<usize> = None;
    let mut count_ok = true;
    for exp in &case.quotes {
        let found = if case.open {
            (next..ann.quotes.len())
                .find(|&j| span_text(text, Some(ann.quotes[j].span())) == exp.content)
        } else {
            Some(next).filter(|&j| j < ann.quotes.len())
        };
        let Some(j) = found else {
            p.push(format!("missing: {}", exp.raw));
            count_ok = false;
            prev_match = None;
            continue;
        };
        let q = &ann.quotes[j];
        let got = span_text(text, Some(q.span()));
        if got != exp.content {
            p.push(format!(
                "quote {j}: content should be «{}», is «{}»",
                escape(&exp.content),
                escape(&got)
            ));
        } else if q.kind.as_str() != exp.kind {
            p.push(format!(
                "«{}»: kind should be {}, is {}",
                escape(&exp.content),
                exp.kind,
                q.kind.as_str()
            ));
        }
        if got == exp.content {
            check_fields(text, &ann, exp, q, prev_match, &mut p);
        }
        prev_match = Some(j);
        next = j + 1;
    }
    if !case.open && count_ok && ann.quotes.len() != case.quotes.len() {
        p.push(format!(
            "expected {} quote(s), found {}",
            case.quotes.len(),
            ann.quotes.len()
        ));
    }
    if let Some(want) = &case.speakers {
        let got = ann
            .speakers
            .iter()
            .map(|s| {
                (
                    s.name.clone(),
                    kind_name(&s.kind),
                    s.role.clone(),
                    s.mentions.clone(),
                )
            })
            .collect();
        check_entities(text, "speakers", want, got, &mut p);
    }
    if let Some(want) = &case.sources {
        let got = ann
            .sources
            .iter()
            .map(|s| (s.name.clone(), kind_name(&s.kind), None, s.mentions.clone()))
            .collect();
        check_entities(text, "sources", want, got, &mut p);
    }
    (p, actual)
}

fn indent(s: &str, pad: &str) -> String {
    s.lines().map(|l| format!("{pad}{l}\n")).collect()
}

fn report(file: &str, case: &Case, problems: &[String], actual: &[String]) -> String {
    let mut s = String::new();
    let tag = match &case.known_failure {
        Some(r) => format!(" [known-failure: {r}]"),
        None => String::new(),
    };
    writeln!(s, "--- {file}:{} ## {}{tag}", case.line, case.title).unwrap();
    writeln!(s, "  input:").unwrap();
    s.push_str(&indent(
        &case.input.replace('\r', "\\r").replace('\0', "\\0"),
        "  │ ",
    ));
    writeln!(s, "  expected:").unwrap();
    if case.quotes.is_empty() && !case.open {
        writeln!(s, "    (no quotes)").unwrap();
    }
    for q in &case.quotes {
        writeln!(s, "    {}", q.raw).unwrap();
    }
    if case.open {
        writeln!(s, "    ...").unwrap();
    }
    writeln!(s, "  actual:").unwrap();
    for a in actual {
        writeln!(s, "    {a}").unwrap();
    }
    writeln!(s, "  problems:").unwrap();
    for p in problems {
        writeln!(s, "    - {p}").unwrap();
    }
    s
}

/// A short reason for a new known-failure tag.
fn short_reason(problems: &[String]) -> String {
    let first = problems.first().cloned().unwrap_or_default();
    let first = first.replace(['[', ']'], "");
    let mut r: String = first.chars().take(90).collect();
    if first.chars().count() > 90 {
        r.push('…');
    }
    r
}

fn spec_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("spec")
}

fn run_file(name: &str) {
    let path = spec_dir().join(name);
    let src = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let cases = parse_spec(&src);
    assert!(!cases.is_empty(), "{name}: no cases");
    let filter = std::env::var("SPEC_CASE").ok();
    let verbose = std::env::var("SPEC_VERBOSE").is_ok_and(|v| !v.is_empty() && v != "0");
    let update = std::env::var("SPEC_UPDATE").unwrap_or_default();

    let mut unexpected_fail = Vec::new();
    let mut unexpected_pass = Vec::new();
    let mut known = 0;
    let mut ran = 0;
    let mut retitle: Vec<(usize, String)> = Vec::new();
    for case in &cases {
        if filter
            .as_ref()
            .is_some_and(|f| !case.title.contains(f.as_str()))
        {
            continue;
        }
        ran += 1;
        let (problems, actual) = run_case(case);
        let passed = problems.is_empty();
        // Cases that do not even parse are never "known failures".
        let hard = !case.parse_errors.is_empty();
        match (&case.known_failure, passed) {
            (Some(_), false) if !hard => {
                known += 1;
                if verbose {
                    println!("{}", report(name, case, &problems, &actual));
                }
            }
            (Some(_), true) => {
                unexpected_pass.push(format!(
                    "--- {name}:{} ## {}\n  now PASSES: remove its [known-failure] tag\n",
                    case.line, case.title
                ));
                if update == "fixed" || update == "all" {
                    retitle.push((case.line, case.title.clone()));
                }
            }
            (_, false) => {
                if update == "all" && !hard {
                    retitle.push((
                        case.line,
                        format!(
                            "{} [known-failure: {}]",
                            case.title,
                            short_reason(&problems)
                        ),
                    ));
                }
                unexpected_fail.push(report(name, case, &problems, &actual));
            }
            (None, true) => {}
        }
    }
    println!(
        "spec {name}: {ran} cases, {} pass, {known} known failures, {} unexpected failures, {} unexpected passes",
        ran - known - unexpected_fail.len(),
        unexpected_fail.len(),
        unexpected_pass.len()
    );
    if !retitle.is_empty() {
        let mut lines: Vec<String> = src.lines().map(str::to_string).collect();
        for (line, title) in &retitle {
            lines[line - 1] = format!("## {title}");
        }
        let mut out = lines.join("\n");
        out.push('\n');
        std::fs::write(&path, out).expect("rewrite spec file");
        println!(
            "spec {name}: rewrote {} title(s) (SPEC_UPDATE={update})",
            retitle.len()
        );
        return;
    }
    if !unexpected_fail.is_empty() || !unexpected_pass.is_empty() {
        let mut msg = format!(
            "\n{name}: {} case(s) fail that should pass, {} known failure(s) now pass\n\n",
            unexpected_fail.len(),
            unexpected_pass.len()
        );
        for r in unexpected_fail.iter().chain(unexpected_pass.iter()) {
            msg.push_str(r);
            msg.push('\n');
        }
        msg.push_str("(SPEC_UPDATE=fixed removes tags of passing cases; SPEC_VERBOSE=1 shows known failures)\n");
        panic!("{msg}");
    }
}

#[test]
fn marks() {
    run_file("marks.txt");
}

#[test]
fn kinds() {
    run_file("kinds.txt");
}

#[test]
fn speakers() {
    run_file("speakers.txt");
}

#[test]
fn sources() {
    run_file("sources.txt");
}

#[test]
fn hostile() {
    run_file("hostile.txt");
}

/// The runner's own parser, so a typo in a spec file is caught and not silently ignored.
#[test]
fn runner_parses_the_format() {
    let src = "# header\n## a case [known-failure: not yet]\noptions: default, crlf\n\"Hi,\" she said.\n\nNext\\u{A0}para.\n--\ndirect «Hi,» speaker=Jane Doe cue=said continues\n...\nspeakers: Jane Doe (person, role: the boss, mentions: she|Jane) ; officials (group)\n## empty\n\n--\n";
    let cases = parse_spec(src);
    assert_eq!(cases.len(), 2);
    let c = &cases[0];
    assert_eq!(c.title, "a case");
    assert_eq!(c.known_failure.as_deref(), Some("not yet"));
    assert_eq!(c.input, "\"Hi,\" she said.\r\n\r\nNext\u{a0}para.");
    assert_eq!(c.quotes[0].content, "Hi,");
    assert_eq!(
        c.quotes[0].fields,
        vec![
            ("speaker".to_string(), "Jane Doe".to_string()),
            ("cue".to_string(), "said".to_string()),
            ("continues".to_string(), String::new())
        ]
    );
    assert!(c.open);
    let sp = c.speakers.as_ref().unwrap();
    assert_eq!(sp[0].name, "Jane Doe");
    assert_eq!(sp[0].role.as_deref(), Some("the boss"));
    assert_eq!(
        sp[0].mentions.as_ref().unwrap(),
        &vec!["she".to_string(), "Jane".to_string()]
    );
    assert_eq!(sp[1].kind.as_deref(), Some("group"));
    assert!(cases[1].input.is_empty() && cases[1].quotes.is_empty() && !cases[1].open);
    assert!(c.parse_errors.is_empty() && cases[1].parse_errors.is_empty());
}
