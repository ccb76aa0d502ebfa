//! The annotated article as DOM, built with `web-sys` (wasm32 only).
//!
//! [`ViewBuilder`] turns a text and its [`Annotations`] (UTF-16 offsets, as the
//! JS API returns them) into a `DocumentFragment`: one `<p>` per paragraph,
//! 32 paragraphs to a `<section>`, each quote a `span.q` with `data-quote-id`,
//! `data-kind` and `data-speaker-id`, cues `span.cue`, speaker mentions
//! `span.spk[data-speaker-id]`, sources `span.src[data-source-id]`. Every
//! character of the text enters the DOM as a text node, in order, so the
//! fragment's `textContent` is exactly the text; nothing is ever parsed as HTML.
//!
//! Building is incremental: [`ViewBuilder::step`] does a bounded amount of work,
//! so the page can spread a huge article over several frames.

use crate::Annotations;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, Element, HtmlElement, Node};

/// Speakers `0..PALETTE` get a palette class `c{id}`; the rest a computed colour.
const PALETTE: usize = 8;
/// Paragraphs per `<section>` (the unit of `content-visibility: auto`).
const CHUNK: usize = 32;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Chunk,
    Para { heading: bool },
    Quote(usize),
    Cue,
    Speaker(usize),
    Source(usize),
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
            Kind::Quote(_) => (2, 0),
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
pub fn generated_colour(id: usize) -> String {
    let k = id.saturating_sub(PALETTE);
    let hue = (k as f64 * 137.508 + 20.0) % 360.0;
    let light = if k % 2 == 0 { 0.68 } else { 0.56 };
    format!("oklch({light} 0.15 {hue:.1})")
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
    units: Vec<u16>,
    ann: Annotations,
    /// Ranges in order of start.
    ranges: Vec<Range>,
    /// Segment boundaries, ascending.
    points: Vec<usize>,
    /// Index of the next segment to build.
    seg: usize,
    /// Next range (by start) to activate.
    next: usize,
    active: Vec<Range>,
    /// Which quotes already have their first (focusable) piece.
    opened: Vec<bool>,
    stack: Vec<(Range, Element)>,
}

#[wasm_bindgen]
impl ViewBuilder {
    /// Prepares the view of `text` with `annotations` (the object `annotate`
    /// returns, UTF-16 offsets). Out-of-range or empty spans are skipped.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str, annotations: JsValue, markdown: bool) -> Result<ViewBuilder, JsValue> {
        let ann: Annotations = serde_wasm_bindgen::from_value(annotations)
            .map_err(|e| JsError::new(&format!("whosaid: bad annotations: {e}")))?;
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsError::new("whosaid: no document"))?;
        let root = doc.create_document_fragment();
        let units: Vec<u16> = text.encode_utf16().collect();
        let len = units.len();
        let ok = |s: usize, e: usize| s < e && e <= len;

        let paras = paragraphs(&units, markdown);
        let mut ranges: Vec<Range> = Vec::new();
        for chunk in paras.chunks(CHUNK) {
            if let (Some(first), Some(last)) = (chunk.first(), chunk.last()) {
                ranges.push(Range {
                    start: first.start,
                    end: last.end,
                    kind: Kind::Chunk,
                });
            }
        }
        ranges.extend(paras);
        let mut seen = std::collections::HashSet::new();
        for (i, q) in ann.quotes.iter().enumerate() {
            if ok(q.start, q.end) {
                ranges.push(Range {
                    start: q.start,
                    end: q.end,
                    kind: Kind::Quote(i),
                });
            }
            if let Some(c) = q.cue {
                if ok(c.start, c.end) && seen.insert((0u8, c.start, c.end)) {
                    ranges.push(Range {
                        start: c.start,
                        end: c.end,
                        kind: Kind::Cue,
                    });
                }
            }
        }
        for sp in &ann.speakers {
            for m in &sp.mentions {
                if ok(m.start, m.end) && seen.insert((1, m.start, m.end)) {
                    ranges.push(Range {
                        start: m.start,
                        end: m.end,
                        kind: Kind::Speaker(sp.id),
                    });
                }
            }
        }
        for src in &ann.sources {
            for m in &src.mentions {
                if ok(m.start, m.end) && seen.insert((2, m.start, m.end)) {
                    ranges.push(Range {
                        start: m.start,
                        end: m.end,
                        kind: Kind::Source(src.id),
                    });
                }
            }
        }
        ranges.sort_by_key(|r| r.start);
        let mut points: Vec<usize> = ranges.iter().flat_map(|r| [r.start, r.end]).collect();
        points.push(0);
        points.push(len);
        points.sort_unstable();
        points.dedup();
        let opened = vec![false; ann.quotes.len()];
        Ok(ViewBuilder {
            doc,
            root,
            units,
            ann,
            ranges,
            points,
            seg: 0,
            next: 0,
            active: Vec::new(),
            opened,
            stack: Vec::new(),
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
        let piece = String::from_utf16_lossy(&self.units[a..b]);
        let node = self.doc.create_text_node(&piece);
        match self.stack.last() {
            Some((_, e)) => e.append_child(&node)?,
            None => self.root.append_child(&node)?,
        };
        Ok(())
    }

    fn element(&mut self, r: &Range) -> Result<Element, JsValue> {
        let tag = match r.kind {
            Kind::Chunk => "section",
            Kind::Para { .. } => "p",
            _ => "span",
        };
        let el = self.doc.create_element(tag)?;
        match r.kind {
            Kind::Chunk => {}
            Kind::Para { heading } => {
                if heading {
                    el.set_class_name("h");
                }
            }
            Kind::Quote(i) => {
                let q = &self.ann.quotes[i];
                el.set_class_name("q");
                el.set_attribute("data-quote-id", &q.id.to_string())?;
                el.set_attribute("data-kind", q.kind.as_str())?;
                if let Some(s) = q.speaker {
                    el.set_attribute("data-speaker-id", &s.to_string())?;
                }
                colour(&el, q.speaker)?;
                if self.opened[i] {
                    el.class_list().add_1("cont")?;
                } else {
                    self.opened[i] = true;
                    el.set_attribute("tabindex", "0")?;
                }
            }
            Kind::Cue => el.set_class_name("cue"),
            Kind::Speaker(id) => {
                el.set_class_name("spk");
                el.set_attribute("data-speaker-id", &id.to_string())?;
                colour(&el, Some(id))?;
            }
            Kind::Source(id) => {
                el.set_class_name("src");
                el.set_attribute("data-source-id", &id.to_string())?;
            }
        }
        Ok(el)
    }
}

/// A palette class for the first speakers, the `--c` property (through the
/// CSSOM, which a strict CSP allows) beyond.
fn colour(el: &Element, speaker: Option<usize>) -> Result<(), JsValue> {
    match speaker {
        Some(id) if id < PALETTE => el.class_list().add_1(&format!("c{id}")),
        Some(id) => match el.dyn_ref::<HtmlElement>() {
            Some(h) => h.style().set_property("--c", &generated_colour(id)),
            None => Ok(()),
        },
        None => Ok(()),
    }
}
