// Builds the annotated article, the legend and the details panel from the text
// and its annotations (UTF-16 offsets). Every piece of user text enters the DOM
// as a text node (createTextNode / textContent); nothing here parses HTML.

const PALETTE_SIZE = 8;

/** The CSS colour of speaker `id`: the colour-blind-safe palette first, then
 *  hues spread by the golden angle, alternating lightness, so no two speakers
 *  ever share a colour. */
export function speakerColour(id) {
  if (id === null || id === undefined) return "var(--unattributed)";
  if (id < PALETTE_SIZE) return `var(--p${id})`;
  const k = id - PALETTE_SIZE;
  const hue = (k * 137.508 + 20) % 360;
  const light = k % 2 === 0 ? 0.68 : 0.56;
  return `oklch(${light} 0.15 ${hue.toFixed(1)})`;
}

/** Every annotated range of the text, flattened: quotes, cues, speaker
 *  mentions and source mentions. `rank` orders ranges with equal bounds
 *  (outermost first). */
function collectRanges(ann, length) {
  const ranges = [];
  const seen = new Set();
  const ok = (s) => s && s.start >= 0 && s.end <= length && s.start < s.end;
  for (const q of ann.quotes) {
    if (ok(q)) ranges.push({ start: q.start, end: q.end, rank: 0, type: "q", quote: q });
    if (ok(q.cue)) {
      const key = `cue:${q.cue.start}:${q.cue.end}`;
      if (!seen.has(key)) {
        seen.add(key);
        ranges.push({ start: q.cue.start, end: q.cue.end, rank: 3, type: "cue" });
      }
    }
  }
  for (const sp of ann.speakers) {
    for (const m of sp.mentions) {
      const key = `spk:${m.start}:${m.end}`;
      if (ok(m) && !seen.has(key)) {
        seen.add(key);
        ranges.push({ start: m.start, end: m.end, rank: 1, type: "spk", speaker: sp.id });
      }
    }
  }
  for (const src of ann.sources) {
    for (const m of src.mentions) {
      const key = `src:${m.start}:${m.end}`;
      if (ok(m) && !seen.has(key)) {
        seen.add(key);
        ranges.push({ start: m.start, end: m.end, rank: 2, type: "src", source: src.id });
      }
    }
  }
  ranges.sort(order);
  return ranges;
}

/** Paragraphs are outermost; then by start, longest first, then by rank. */
const LEVEL = { chunk: 0, p: 1 };
function order(a, b) {
  return (LEVEL[a.type] ?? 2) - (LEVEL[b.type] ?? 2) || a.start - b.start || b.end - a.end || a.rank - b.rank;
}

/** Paragraphs per <section>: the browser skips the layout of off-screen
 *  sections (content-visibility), and checks visibility per section, not per
 *  paragraph, which keeps typing smooth beside a very long article. */
const CHUNK = 32;

/** The paragraphs of `text`: maximal runs between blank lines. The blank
 *  lines themselves stay outside every element, so the view's textContent is
 *  still exactly the text. */
function paragraphs(text, markdown) {
  const out = [];
  const sep = /\n[ \t]*\n[\s]*/g;
  let start = 0;
  for (const m of text.matchAll(sep)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (text.length > start) out.push({ start, end: text.length });
  return out.map((p) => ({
    ...p,
    rank: -1,
    type: "p",
    heading: markdown && /^#{1,6}\s/.test(text.slice(p.start, p.start + 8)),
  }));
}

/** Gives `el` the colour of `speaker`: a class for the palette (cheaper than a
 *  style attribute on thousands of elements), the custom property beyond it. */
function colour(el, speaker) {
  if (speaker === null || speaker === undefined) return;
  if (speaker < PALETTE_SIZE) el.classList.add(`c${speaker}`);
  else el.style.setProperty("--c", speakerColour(speaker));
}

function elementFor(r, firstPiece) {
  const el = document.createElement("span");
  if (r.type === "q") {
    const q = r.quote;
    el.className = "q";
    el.dataset.quoteId = String(q.id);
    el.dataset.kind = q.kind;
    if (q.speaker !== null && q.speaker !== undefined) el.dataset.speakerId = String(q.speaker);
    colour(el, q.speaker);
    if (firstPiece) el.tabIndex = 0;
    else el.classList.add("cont");
  } else if (r.type === "chunk") {
    return document.createElement("section");
  } else if (r.type === "p") {
    const p = document.createElement("p");
    if (r.heading) p.className = "h";
    return p;
  } else if (r.type === "cue") {
    el.className = "cue";
  } else if (r.type === "spk") {
    el.className = "spk";
    el.dataset.speakerId = String(r.speaker);
    colour(el, r.speaker);
  } else {
    el.className = "src";
    el.dataset.sourceId = String(r.source);
  }
  return el;
}

/**
 * Renders `text` with `ann` into a new DocumentFragment, one <p> per
 * paragraph (quotes running over several paragraphs are split at their
 * edges), in slices: the
 * generator yields after every `slice` segments so a caller can spread a huge
 * article over several frames. Ranges that cross each other are split; every
 * piece of a split quote keeps its data attributes, only the first is
 * focusable.
 */
export function* renderArticle(text, ann, slice = 400, markdown = false) {
  const root = document.createDocumentFragment();
  const paras = paragraphs(text, markdown);
  const chunks = [];
  for (let i = 0; i < paras.length; i += CHUNK) {
    const last = paras[Math.min(paras.length, i + CHUNK) - 1];
    chunks.push({ start: paras[i].start, end: last.end, rank: -2, type: "chunk" });
  }
  // Activated in order of start; stacked in `order`.
  const ranges = collectRanges(ann, text.length)
    .concat(chunks, paras)
    .sort((a, b) => a.start - b.start);
  const bounds = new Set([0, text.length]);
  for (const r of ranges) {
    bounds.add(r.start);
    bounds.add(r.end);
  }
  const points = [...bounds].sort((a, b) => a - b);
  const opened = new Set(); // ranges that already have a first piece
  let active = [];
  let next = 0; // next range (by start) to activate
  const stack = []; // [{range, el}]
  let count = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    active = active.filter((r) => r.end > a);
    while (next < ranges.length && ranges[next].start <= a) {
      if (ranges[next].end > a) active.push(ranges[next]);
      next++;
    }
    active.sort(order);
    // Between paragraphs nothing but the blank line itself.
    const wanted = active.some((r) => r.type === "p") ? active : active.filter((r) => r.type === "chunk");
    // Keep the longest common prefix of the open stack and the wanted one.
    let keep = 0;
    while (keep < stack.length && keep < wanted.length && stack[keep].range === wanted[keep]) keep++;
    stack.length = keep;
    for (let k = keep; k < wanted.length; k++) {
      const r = wanted[k];
      const el = elementFor(r, !opened.has(r));
      opened.add(r);
      (k === 0 ? root : stack[k - 1].el).appendChild(el);
      stack.push({ range: r, el });
    }
    const parent = stack.length ? stack[stack.length - 1].el : root;
    parent.appendChild(document.createTextNode(text.slice(a, b)));
    if (++count % slice === 0) yield root;
  }
  return root;
}

/** Renders synchronously; for tests and exports. */
export function renderArticleNow(text, ann, markdown = false) {
  const it = renderArticle(text, ann, Infinity, markdown);
  let step = it.next();
  while (!step.done) step = it.next();
  return step.value;
}

/** Number of quotes per speaker id (quotes of kind "mention" are not counted). */
export function quoteCounts(ann) {
  const counts = new Map();
  for (const q of ann.quotes) {
    if (q.speaker === null || q.speaker === undefined || q.kind === "mention") continue;
    counts.set(q.speaker, (counts.get(q.speaker) || 0) + 1);
  }
  return counts;
}

/** Fills `legend` with one button per speaker; `onPick(id|null)` on click. */
export function renderLegend(legend, ann, selected, onPick) {
  const counts = quoteCounts(ann);
  const speakers = [...ann.speakers].sort(
    (a, b) => (counts.get(b.id) || 0) - (counts.get(a.id) || 0) || a.id - b.id,
  );
  const items = [];
  for (const sp of speakers) {
    const n = counts.get(sp.id) || 0;
    const btn = document.createElement("button");
    btn.type = "button";
    btn.className = "who";
    btn.dataset.speakerId = String(sp.id);
    colour(btn, sp.id);
    btn.setAttribute("aria-pressed", String(selected === sp.id));
    btn.title = `Show only the quotes of ${sp.name}`;
    const sw = document.createElement("span");
    sw.className = "swatch";
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = sp.name;
    const kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = sp.kind;
    const count = document.createElement("span");
    count.className = "count";
    count.textContent = String(n);
    count.setAttribute("aria-label", `${n} quote${n === 1 ? "" : "s"}`);
    btn.append(sw, name, kind, count);
    btn.addEventListener("click", () => onPick(selected === sp.id ? null : sp.id));
    items.push(btn);
  }
  if (selected !== null && selected !== undefined) {
    const all = document.createElement("button");
    all.type = "button";
    all.className = "legend-all";
    all.textContent = "Show all speakers";
    all.addEventListener("click", () => onPick(null));
    items.push(all);
  }
  legend.replaceChildren(...items);
}

/** Dims every quote not said by `speaker` (null: show all). */
export function applyFilter(view, speaker) {
  const on = speaker !== null && speaker !== undefined;
  view.classList.toggle("filtered", on);
  for (const el of view.querySelectorAll(".q")) {
    el.classList.toggle("dim", on && el.dataset.speakerId !== String(speaker));
  }
}

function spanText(text, s) {
  return s ? text.slice(s.start, s.end) : null;
}

/** Shows the attribution of quote `q` in `details`. */
export function renderDetails(details, text, ann, q) {
  const sp = q.speaker !== null && q.speaker !== undefined ? ann.speakers[q.speaker] : null;
  const src = q.source !== null && q.source !== undefined ? ann.sources[q.source] : null;
  const quote = document.createElement("blockquote");
  quote.className = "quote-text";
  colour(quote, q.speaker);
  const body = text.slice(q.start, q.end);
  quote.textContent = body.length > 400 ? `${body.slice(0, 400)}…` : body;
  const dl = document.createElement("dl");
  const row = (field, label, value) => {
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.dataset.field = field;
    if (value instanceof Node) dd.append(value);
    else dd.textContent = value === null || value === undefined || value === "" ? "—" : String(value);
    dl.append(dt, dd);
  };
  row("kind", "Kind", q.kind);
  row("speaker", "Speaker", sp ? `${sp.name} (${sp.kind}${sp.role ? `, ${sp.role}` : ""})` : "unattributed");
  row("mention", "Mention", spanText(text, q.mention));
  if (q.antecedent) row("antecedent", "Refers to", spanText(text, q.antecedent));
  row("cue", "Cue", spanText(text, q.cue));
  row("source", "Source", src ? `${src.name} (${src.kind})` : null);
  row("rule", "Rule", q.rule);
  const conf = document.createElement("span");
  const meter = document.createElement("meter");
  meter.min = 0;
  meter.max = 1;
  meter.value = q.confidence;
  const pct = document.createElement("span");
  pct.textContent = ` ${Math.round(q.confidence * 100)}%`;
  conf.append(meter, pct);
  row("confidence", "Confidence", conf);
  if (q.continues !== undefined && q.continues !== null) row("continues", "Continues quote", `#${q.continues}`);
  details.dataset.quoteId = String(q.id);
  details.replaceChildren(quote, dl);
}

/** A standalone HTML document (no script) of the coloured article. */
export function standaloneHtml(view, legend, css, title) {
  const doc = document.implementation.createHTMLDocument(title);
  const meta = doc.createElement("meta");
  meta.setAttribute("charset", "utf-8");
  const csp = doc.createElement("meta");
  csp.setAttribute("http-equiv", "Content-Security-Policy");
  csp.setAttribute("content", "default-src 'none'; style-src 'unsafe-inline'");
  const style = doc.createElement("style");
  style.textContent = css;
  doc.head.prepend(meta, csp);
  doc.head.append(style);
  const main = doc.createElement("main");
  main.className = "export";
  const side = doc.createElement("aside");
  side.className = "pane-side";
  const legendCopy = doc.importNode(legend, true);
  for (const b of legendCopy.querySelectorAll("button")) {
    const div = doc.createElement("div");
    div.className = b.className;
    if (b.hasAttribute("style")) div.setAttribute("style", b.getAttribute("style"));
    div.dataset.speakerId = b.dataset.speakerId || "";
    div.append(...b.childNodes);
    b.replaceWith(div);
  }
  for (const el of legendCopy.querySelectorAll(".legend-all")) el.remove();
  side.append(legendCopy);
  const article = doc.importNode(view, true);
  article.removeAttribute("aria-busy");
  for (const el of article.querySelectorAll("[tabindex]")) el.removeAttribute("tabindex");
  main.append(article, side);
  doc.body.append(main);
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}
