// The legend, the details panel, the speaker filter and the standalone export.
// The article itself (#view) is built in Rust with web-sys: ViewBuilder in
// src/web/view.rs. Every piece of user text enters the DOM as a text node
// (textContent); nothing here parses HTML.

const PALETTE_SIZE = 8;

/** The CSS colour of speaker `id`: the colour-blind-safe palette first, then
 *  hues spread by the golden angle, alternating lightness, so no two speakers
 *  ever share a colour. Must agree with `generated_colour` in src/web/view.rs. */
export function speakerColour(id) {
  if (id === null || id === undefined) return "var(--unattributed)";
  if (id < PALETTE_SIZE) return `var(--p${id})`;
  const k = id - PALETTE_SIZE;
  const hue = (k * 137.508 + 20) % 360;
  const light = k % 2 === 0 ? 0.68 : 0.56;
  return `oklch(${light} 0.15 ${hue.toFixed(1)})`;
}

/** Gives `el` the colour of `speaker`: a class for the palette (cheaper than a
 *  style attribute on thousands of elements), the custom property beyond it. */
function colour(el, speaker) {
  if (speaker === null || speaker === undefined) return;
  if (speaker < PALETTE_SIZE) el.classList.add(`c${speaker}`);
  else el.style.setProperty("--c", speakerColour(speaker));
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
