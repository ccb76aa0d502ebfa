//! The annotated article as DOM, built with `web-sys` (wasm32 only).
//!
//! [`ViewBuilder`] turns a text and the flat list of its annotated ranges (see
//! [`encode`]: UTF-16 offsets, made by the worker beside the `Annotations`
//! object) into a `DocumentFragment`: one `<p>` per paragraph,
//! 32 paragraphs to a `<section>`, each quote a `span.q` with `data-quote-id`,
//! `data-kind` and `data-speaker-id`, cues `span.cue`, speaker mentions
//! `span.spk[data-speaker-id]`, sources `span.src[data-source-id]` (these
//! three also carry `data-start`, their UTF-16 offset). Every
//! character of the text enters the DOM as a text node, in order, so the
//! fragment's `textContent` is exactly the text; nothing is ever parsed as HTML.
//!
//! Building is incremental: [`ViewBuilder::step`] does a bounded amount of work,
//! so the page can spread a huge article over several frames.
//!
//! It is on the paste-to-coloured path, so it keeps calls into the DOM few and
//! cheap: every element is a shallow clone of a prototype that already carries
//! its class, kind, speaker and colour (one prototype per distinct look), so
//! only its own id or offset is set, as a number; text runs are slices of the
//! caller's JavaScript string, appended as they are, never copied through
//! UTF-8. About three calls per element and two per text run.

use crate::{Annotations, QuoteKind};
use js_sys::JsString;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, Element, HtmlElement, Node};

#[wasm_bindgen]
extern "C" {
    /// An element or a fragment seen through the two calls made in bulk here,
    /// with arguments web-sys does not offer (a JS string, a number).
    type Target;
    /// `ParentNode.append(string)`: appends a text node made from a JS string.
    #[wasm_bindgen(method, js_name = append)]
    fn append_text(this: &Target, text: &JsString);
    /// `Element.setAttribute(name, number)`: the DOM writes the number in decimal.
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_number(this: &Target, name: &JsString, value: u32);
}

/// Speakers `0..PALETTE` get a palette class `c{id}`; the rest a computed colour.
const PALETTE: usize = 8;
/// Paragraphs per `<section>` (the unit of `content-visibility: auto`).
const CHUNK: usize = 32;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Chunk,
    Para {
        heading: bool,
    },
    Quote {
        id: u32,
        kind: u32,
        speaker: Option<u32>,
    },
    Cue,
    Speaker(u32),
    Source(u32),
}

/// Words per record of [`encode`].
const RECORD: usize = 6;
const TAG_QUOTE: u32 = 0;
const TAG_CUE: u32 = 1;
const TAG_SPEAKER: u32 = 2;
const TAG_SOURCE: u32 = 3;
const QUOTE_KINDS: [QuoteKind; 4] = [
    QuoteKind::Direct,
    QuoteKind::Indirect,
    QuoteKind::Mixed,
    QuoteKind::Mention,
];

/// The ranges the view marks, flattened for the trip to the main thread: one
/// record of six `u32` per range, `[tag, start, end, id, speaker + 1 (0: none),
/// quote kind]`, tag 0 quote, 1 cue, 2 speaker mention, 3 source mention.
/// Offsets are those of `ann` (UTF-16 once converted for JS). Cues and mentions
/// shared by several quotes appear once.
pub fn encode(ann: &Annotations) -> Vec<u32> {
    let w = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
    let mut out = Vec::with_capacity(ann.quotes.len() * RECORD * 2);
    let mut marks: Vec<[u32; RECORD]> = Vec::new();
    for q in &ann.quotes {
        let kind = QUOTE_KINDS.iter().position(|k| *k == q.kind).unwrap_or(0);
        let speaker = q.speaker.map_or(0, |s| w(s).saturating_add(1));
        out.extend([TAG_QUOTE, w(q.start), w(q.end), w(q.id), speaker, w(kind)]);
        if let Some(c) = q.cue {
            marks.push([TAG_CUE, w(c.start), w(c.end), 0, 0, 0]);
        }
    }
    for sp in &ann.speakers {
        for m in &sp.mentions {
            marks.push([TAG_SPEAKER, w(m.start), w(m.end), w(sp.id), 0, 0]);
        }
    }
    for src in &ann.sources {
        for m in &src.mentions {
            marks.push([TAG_SOURCE, w(m.start), w(m.end), w(src.id), 0, 0]);
        }
    }
    marks.sort_unstable();
    marks.dedup();
    for m in marks {
        out.extend(m);
    }
    out
}

#[derive(Clone, Copy)]
struct Range {
    start: usize,
    end: usize,
    kind: Kind,
}

impl Range {
    /// Sections outside paragraphs outside everything else; then by start,
    /// longest first; then quotes outside mentions and sources outside cues.
    fn key(&self) -> (u8, usize, std::cmp::Reverse<usize>, u8) {
        let (level, rank) = match self.kind {
            Kind::Chunk => (0, 0),
            Kind::Para { .. } => (1, 0),
            Kind::Quote { .. } => (2, 0),
            Kind::Speaker(_) => (2, 1),
            Kind::Source(_) => (2, 2),
            Kind::Cue => (2, 3),
        };
        (level, self.start, std::cmp::Reverse(self.end), rank)
    }
    fn structural(&self) -> bool {
        matches!(self.kind, Kind::Chunk | Kind::Para { .. })
    }
}

/// The CSS colour of a speaker beyond the palette: hues spread by the golden
/// angle, alternating lightness, so no two speakers share a colour.
/// `www/app/render.js` (`speakerColour`) computes the same for the legend.
///
/// In integer thousandths of a degree, exact where floats drift;
/// `k · 137.508 + 20` never lands on a rounding tie (…x.x50), so the tenths
/// agree with JS's `toFixed(1)` (checked for the first 200,000 ids).
pub fn generated_colour(id: usize) -> String {
    let k = id.saturating_sub(PALETTE) as u64;
    let milli = (k % 360_000 * 137_508 + 20_000) % 360_000;
    let tenths = (milli + 50) / 100;
    let light = if k % 2 == 0 { "0.68" } else { "0.56" };
    format!("oklch({light} 0.15 {}.{})", tenths / 10, tenths % 10)
}

fn is_space(u: u16) -> bool {
    char::from_u32(u32::from(u)).is_some_and(char::is_whitespace)
}

/// Paragraphs of `units`: maximal runs between blank lines (a newline, spaces
/// or tabs, a newline, then any whitespace).
fn paragraphs(units: &[u16], markdown: bool) -> Vec<Range> {
    let nl = u16::from(b'\n');
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < units.len() {
        if units[i] == nl {
            let mut j = i + 1;
            while j < units.len() && (units[j] == u16::from(b' ') || units[j] == u16::from(b'\t')) {
                j += 1;
            }
            if j < units.len() && units[j] == nl {
                let mut k = j + 1;
                while k < units.len() && is_space(units[k]) {
                    k += 1;
                }
                if i > start {
                    out.push(para(units, start, i, markdown));
                }
                start = k;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    if units.len() > start {
        out.push(para(units, start, units.len(), markdown));
    }
    out
}

fn para(units: &[u16], start: usize, end: usize, markdown: bool) -> Range {
    let hashes = units[start..end]
        .iter()
        .take_while(|&&u| u == u16::from(b'#'))
        .count();
    let heading = markdown
        && (1..=6).contains(&hashes)
        && units.get(start + hashes).is_some_and(|&u| is_space(u));
    Range {
        start,
        end,
        kind: Kind::Para { heading },
    }
}

/// Builds the view of one text, a bounded number of segments at a time.
#[wasm_bindgen]
pub struct ViewBuilder {
    doc: Document,
    root: DocumentFragment,
    /// The text as the caller's JavaScript string (text runs are its slices).
    js_text: JsString,
    /// Ranges in order of start.
    ranges: Vec<Range>,
    /// Segment boundaries, ascending.
    points: Vec<usize>,
    /// Index of the next segment to build.
    seg: usize,
    /// Next range (by start) to activate.
    next: usize,
    active: Vec<Range>,
    /// By quote id: whether the quote already has its first (focusable) piece.
    opened: Vec<bool>,
    stack: Vec<(Range, Element)>,
    /// One prototype element per distinct look, cloned for each range.
    protos: HashMap<Proto, Element>,
    /// Attribute names, made into JS strings once.
    attr_quote_id: JsString,
    attr_start: JsString,
}

/// What a prototype element carries: everything but the range's own id/offset.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Proto {
    Chunk,
    Para {
        heading: bool,
    },
    /// `first`: the quote's first piece (focusable); later pieces are `cont`.
    Quote {
        kind: u32,
        speaker: Option<u32>,
        first: bool,
    },
    Cue,
    Speaker(u32),
    Source(u32),
}

#[wasm_bindgen]
impl ViewBuilder {
    /// Prepares the view of `text` with `ranges` as [`encode`] writes them
    /// (UTF-16 offsets). Out-of-range, empty or unknown records are skipped.
    #[wasm_bindgen(constructor)]
    pub fn new(text: JsString, ranges: &[u32], markdown: bool) -> Result<ViewBuilder, JsValue> {
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsError::new("whosaid: no document"))?;
        let root = doc.create_document_fragment();
        // A lone surrogate becomes U+FFFD, one unit too: offsets still agree.
        let units: Vec<u16> = String::from(&text).encode_utf16().collect();
        let len = units.len();

        let paras = paragraphs(&units, markdown);
        let mut all: Vec<Range> = Vec::new();
        for chunk in paras.chunks(CHUNK) {
            if let (Some(first), Some(last)) = (chunk.first(), chunk.last()) {
                all.push(Range {
                    start: first.start,
                    end: last.end,
                    kind: Kind::Chunk,
                });
            }
        }
        all.extend(paras);
        for r in ranges.chunks_exact(RECORD) {
            let (start, end) = (r[1] as usize, r[2] as usize);
            if start >= end || end > len {
                continue;
            }
            let kind = match r[0] {
                TAG_QUOTE => Kind::Quote {
                    id: r[3],
                    speaker: r[4].checked_sub(1),
                    kind: r[5],
                },
                TAG_CUE => Kind::Cue,
                TAG_SPEAKER => Kind::Speaker(r[3]),
                TAG_SOURCE => Kind::Source(r[3]),
                _ => continue,
            };
            all.push(Range { start, end, kind });
        }
        all.sort_by_key(|r| r.start);
        let mut points: Vec<usize> = all.iter().flat_map(|r| [r.start, r.end]).collect();
        points.push(0);
        points.push(len);
        points.sort_unstable();
        points.dedup();
        Ok(ViewBuilder {
            doc,
            root,
            js_text: text,
            ranges: all,
            points,
            seg: 0,
            next: 0,
            active: Vec::new(),
            opened: Vec::new(),
            stack: Vec::new(),
            protos: HashMap::new(),
            attr_quote_id: JsString::from("data-quote-id"),
            attr_start: JsString::from("data-start"),
        })
    }

    /// Builds up to `max` more segments (stretches of text between two span
    /// boundaries). Returns `true` when the whole text is built.
    pub fn step(&mut self, max: u32) -> Result<bool, JsValue> {
        let mut done = 0;
        while self.seg + 1 < self.points.len() {
            if done == max {
                return Ok(false);
            }
            let (a, b) = (self.points[self.seg], self.points[self.seg + 1]);
            self.segment(a, b)?;
            self.seg += 1;
            done += 1;
        }
        Ok(true)
    }

    /// The fragment built so far (complete once [`ViewBuilder::step`] returned `true`).
    pub fn fragment(&self) -> DocumentFragment {
        self.root.clone()
    }
}

impl ViewBuilder {
    fn segment(&mut self, a: usize, b: usize) -> Result<(), JsValue> {
        self.active.retain(|r| r.end > a);
        while let Some(r) = self.ranges.get(self.next) {
            if r.start > a {
                break;
            }
            if r.end > a {
                self.active.push(*r);
            }
            self.next += 1;
        }
        self.active.sort_by_key(Range::key);
        // Between paragraphs, nothing but the blank line (inside its section).
        let in_para = self
            .active
            .iter()
            .any(|r| matches!(r.kind, Kind::Para { .. }));
        let wanted: Vec<Range> = if in_para {
            self.active.clone()
        } else {
            self.active
                .iter()
                .filter(|r| r.structural())
                .copied()
                .collect()
        };
        let keep = self
            .stack
            .iter()
            .zip(&wanted)
            .take_while(|((open, _), want)| {
                open.start == want.start && open.end == want.end && open.kind == want.kind
            })
            .count();
        self.stack.truncate(keep);
        for r in wanted.into_iter().skip(keep) {
            let el = self.element(&r)?;
            let parent: &Node = match self.stack.last() {
                Some((_, e)) => e,
                None => &self.root,
            };
            parent.append_child(&el)?;
            self.stack.push((r, el));
        }
        // Offsets fit in u32: the text came from a JS string.
        let piece = self.js_text.slice(a as u32, b as u32);
        match self.stack.last() {
            Some((_, e)) => e.unchecked_ref::<Target>().append_text(&piece),
            None => self.root.unchecked_ref::<Target>().append_text(&piece),
        }
        Ok(())
    }

    fn element(&mut self, r: &Range) -> Result<Element, JsValue> {
        let proto = match r.kind {
            Kind::Chunk => Proto::Chunk,
            Kind::Para { heading } => Proto::Para { heading },
            Kind::Quote { id, kind, speaker } => {
                let i = id as usize;
                let first = !self.opened.get(i).copied().unwrap_or(false);
                if first {
                    if self.opened.len() <= i {
                        self.opened.resize(i + 1, false);
                    }
                    self.opened[i] = true;
                }
                Proto::Quote {
                    kind,
                    speaker,
                    first,
                }
            }
            Kind::Cue => Proto::Cue,
            Kind::Speaker(id) => Proto::Speaker(id),
            Kind::Source(id) => Proto::Source(id),
        };
        let el: Element = match self.protos.get(&proto) {
            Some(p) => p.clone_node()?.unchecked_into(),
            None => {
                let p = prototype(&self.doc, proto)?;
                let el = p.clone_node()?.unchecked_into();
                self.protos.insert(proto, p);
                el
            }
        };
        let target = el.unchecked_ref::<Target>();
        match r.kind {
            Kind::Quote { id, .. } => target.set_number(&self.attr_quote_id, id),
            // Evidence marks carry their start, so the page can light up the
            // cue and the mention of the quote being inspected.
            Kind::Cue | Kind::Speaker(_) | Kind::Source(_) => {
                target.set_number(&self.attr_start, u32::try_from(r.start).unwrap_or(u32::MAX))
            }
            Kind::Chunk | Kind::Para { .. } => {}
        }
        Ok(el)
    }
}

/// The element every range of look `proto` is cloned from.
fn prototype(doc: &Document, proto: Proto) -> Result<Element, JsValue> {
    let tag = match proto {
        Proto::Chunk => "section",
        Proto::Para { .. } => "p",
        _ => "span",
    };
    let el = doc.create_element(tag)?;
    match proto {
        Proto::Chunk => {}
        Proto::Para { heading } => {
            if heading {
                el.set_class_name("h");
            }
        }
        Proto::Quote {
            kind,
            speaker,
            first,
        } => {
            el.set_class_name(if first { "q" } else { "q cont" });
            let kind = QUOTE_KINDS
                .get(kind as usize)
                .copied()
                .unwrap_or(QuoteKind::Direct);
            el.set_attribute("data-kind", kind.as_str())?;
            if let Some(s) = speaker {
                el.set_attribute("data-speaker-id", &s.to_string())?;
            }
            colour(&el, speaker)?;
            // A quote in pieces is one tab stop: its first piece.
            if first {
                el.set_attribute("tabindex", "0")?;
            }
        }
        Proto::Cue => el.set_class_name("cue"),
        Proto::Speaker(id) => {
            el.set_class_name("spk");
            el.set_attribute("data-speaker-id", &id.to_string())?;
            colour(&el, Some(id))?;
        }
        Proto::Source(id) => {
            el.set_class_name("src");
            el.set_attribute("data-source-id", &id.to_string())?;
        }
    }
    Ok(el)
}

/// A palette class for the first speakers, the `--c` property (through the
/// CSSOM, which a strict CSP allows) beyond.
fn colour(el: &Element, speaker: Option<u32>) -> Result<(), JsValue> {
    match speaker.map(|s| s as usize) {
        Some(id) if id < PALETTE => el.class_list().add_1(&format!("c{id}")),
        Some(id) => match el.dyn_ref::<HtmlElement>() {
            Some(h) => h.style().set_property("--c", &generated_colour(id)),
            None => Ok(()),
        },
        None => Ok(()),
    }
}
