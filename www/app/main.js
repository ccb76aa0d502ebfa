// The page shell: wires #input to the engine and the engine's result to #view,
// #legend and #details. Kept thin: the annotator is the wasm module in a
// worker (engine.js, src/web/mod.rs); on this thread the wasm module builds the
// article's DOM (ViewBuilder, src/web/view.rs), decides when typing is
// annotated and keeps the text in localStorage (Editor, src/web/editor.rs);
// the legend and details are render.js's, the rich-paste cleaning paste.js's.
import { htmlToText, looksLikeMarkdown } from "./paste.js";
import { renderLegend, applyFilter, renderDetails, standaloneHtml } from "./render.js";
import { createEngine } from "./engine.js";

const $ = (id) => document.getElementById(id);
const input = $("input");
const view = $("view");
const legend = $("legend");
const details = $("details");
const status = $("status");
const progress = $("progress");
const modeSelect = $("mode");

const SAMPLE = `Huawei's founder hits back at Washington

SHENZHEN — Ren Zhengfei, the founder of Huawei, said on Tuesday that the company would survive the American sanctions. "The U.S. has underestimated our strength," Ren told the BBC in an interview. "We will not be crushed."

Officials in Washington disagreed. According to a Commerce Department spokesperson, the restrictions are working.

"It is a disaster for the whole industry," said Hosuk Lee-Makiyama, director of the European Centre for International Political Economy. He added that European operators would pay the price.

Some analysts warned that the dispute could last for years.`;

const state = {
  engine: null,
  text: "", // the text of the last render
  markdown: false,
  ann: { quotes: [], speakers: [], sources: [] },
  quotesById: new Map(),
  filter: null,
  rev: 0, // renders completed
  seq: 0, // requests made
  renderToken: 0,
  t0: 0, // when the newest request was made
  asked: null, // {text, markdown} of the request awaiting its answer
  drawing: false, // a sliced render is under way
  // Engine milliseconds per UTF-16 unit of the last runs, first a guess.
  rates: [1 / 2000],
};

/** Typing, pastes, drops and saving: the wasm Editor, once this thread's
 *  module has loaded (null until then). */
let editor = null;
// Changed before the editor existed: the saved text (format) must not replace it.
let touched = false;
let modeTouched = false;
input.addEventListener("input", () => (touched = true), { once: true });
modeSelect.addEventListener("change", () => (modeTouched = true), { once: true });

/** The page changed #input itself: the editor saves it (and drops a typing pause). */
function changedByPage() {
  touched = true;
  if (editor) editor.changed();
}

function isMarkdown(text) {
  const mode = modeSelect.value;
  if (mode === "markdown") return true;
  if (mode === "text") return false;
  return looksLikeMarkdown(text);
}

function showBusy(on) {
  progress.hidden = !on;
  view.setAttribute("aria-busy", String(on));
}

/** A paste, a drop or a click is annotated on this thread when the engine
 *  should take at most this long (predicted from the last runs), so that the
 *  whole task, view included, stays under the 50 ms of a "long task": the
 *  text and its colours then reach the screen in the same frame, with no
 *  round trip to the worker (whose answer, in Chromium traces, waited for the
 *  frame that follows the key press). A 5,000-word article takes the engine
 *  about 12 ms on a 2-core Xeon. Longer texts, and typing, go to the worker,
 *  so that input never waits for them. */
const HERE_BUDGET_MS = 30;

/** Annotates `text` (by default what is in #input now) and renders it: on
 *  this thread if `here` (a paste, a drop, a click: one discrete action) and
 *  the text is short enough, else in the worker (`here` false: a pause in
 *  typing). The same text is not asked again while its answer is awaited (or,
 *  annotated here, until the events of the same user action are over). */
function requestAnnotate(text = input.value, here = false) {
  if (!state.engine) return; // annotated as soon as the engine is ready
  const markdown = isMarkdown(text);
  if (state.asked && state.asked.text === text && state.asked.markdown === markdown) return;
  // A pause in typing that left the text as shown (nothing awaited) has nothing to do.
  const shown = state.rev > 0 && !state.asked && !state.drawing && state.text === text && state.markdown === markdown;
  if (!here && shown) return;
  const asked = { text, markdown };
  state.asked = asked;
  const seq = ++state.seq; // what the worker is still working on is now stale
  state.t0 = performance.now();
  // This device's speed: the fastest of the last runs (a cold start or a busy
  // moment says less about it).
  if (here && text.length * Math.min(...state.rates) <= HERE_BUDGET_MS) {
    let res = null;
    try {
      const { ann, ranges } = state.wasm.annotateForView(text, markdown);
      res = { ann, ranges, ms: performance.now() - state.t0 };
    } catch (e) {
      console.warn("whosaid: annotating on this thread failed, asking the worker:", e);
    }
    if (res) {
      setTimeout(() => state.asked === asked && (state.asked = null), 0);
      drawNow(text, markdown, res.ann, res.ranges, res.ms);
      return;
    }
  }
  showBusy(true);
  state.engine.annotate(text, markdown).then((res) => {
    if (state.asked === asked) state.asked = null;
    if (res.stale || seq !== state.seq) {
      if (!state.engine.busy && !state.drawing) showBusy(false);
      return;
    }
    if (res.error) {
      showBusy(false);
      status.textContent = `The engine failed: ${res.error}`;
      return;
    }
    draw(text, markdown, res.ann, res.ranges, res.ms);
  });
}

/** What #input will hold once the browser has inserted `pasted` over the
 *  selection (a textarea turns CR LF and CR into LF). */
function afterPaste(pasted) {
  const v = input.value;
  return v.slice(0, input.selectionStart) + pasted.replace(/\r\n?/g, "\n") + v.slice(input.selectionEnd);
}

/** Yields to the event loop without setTimeout's 4 ms clamp for nested calls. */
const yieldChannel = new MessageChannel();
const yieldQueue = [];
yieldChannel.port1.onmessage = () => yieldQueue.shift()();
function yieldNow() {
  return new Promise((resolve) => {
    yieldQueue.push(resolve);
    yieldChannel.port2.postMessage(0);
  });
}

/** Renders in slices of about 10 ms so that a huge article never blocks typing. */
async function draw(text, markdown, ann, ranges, engineMs) {
  const token = ++state.renderToken;
  let fragment;
  const builder = new state.wasm.ViewBuilder(text, ranges, markdown);
  state.drawing = true;
  try {
    let sliceStart = performance.now();
    while (!builder.step(200)) {
      if (performance.now() - sliceStart > 10) {
        await yieldNow();
        if (token !== state.renderToken) return; // a newer render took over
        sliceStart = performance.now();
      }
    }
    fragment = builder.fragment();
  } finally {
    builder.free();
    if (token === state.renderToken) state.drawing = false;
  }
  if (token !== state.renderToken) return;
  show(text, markdown, ann, fragment, engineMs, "worker");
}

/** Renders at once (a text annotated on this thread, short enough). */
function drawNow(text, markdown, ann, ranges, engineMs) {
  ++state.renderToken; // a sliced render under way gives up
  state.drawing = false;
  const builder = new state.wasm.ViewBuilder(text, ranges, markdown);
  let fragment;
  try {
    builder.step(0xffffffff);
    fragment = builder.fragment();
  } finally {
    builder.free();
  }
  show(text, markdown, ann, fragment, engineMs, "page");
}

/** Puts a built view on the page, with its legend, details and status. */
function show(text, markdown, ann, fragment, engineMs, where) {
  if (text.length >= 2000) state.rates = [...state.rates.slice(-3), engineMs / text.length];
  state.text = text;
  state.markdown = markdown;
  state.ann = ann;
  state.quotesById = new Map(ann.quotes.map((q) => [q.id, q]));
  if (state.filter !== null && !ann.speakers.some((s) => s.id === state.filter)) state.filter = null;
  view.replaceChildren(fragment);
  view.classList.toggle("markdown", markdown);
  view.dataset.format = markdown ? "markdown" : "text";
  drawLegend();
  // A new view has no dimmed quote: only a filter has anything to do.
  if (state.filter !== null) applyFilter(view, state.filter);
  else view.classList.remove("filtered");
  if (details.dataset.quoteId !== undefined) {
    const q = state.quotesById.get(Number(details.dataset.quoteId));
    if (q) renderDetails(details, text, ann, q);
    else resetDetails();
  }
  state.rev++;
  view.dataset.rev = String(state.rev);
  if (!state.engine.busy) showBusy(false);
  const total = performance.now() - state.t0;
  const n = ann.quotes.length;
  status.textContent = `${n} quote${n === 1 ? "" : "s"} · ${ann.speakers.length} speaker${
    ann.speakers.length === 1 ? "" : "s"
  } · ${ann.sources.length} source${ann.sources.length === 1 ? "" : "s"} · ${
    markdown ? "Markdown" : "plain text"
  } · ${engineMs.toFixed(1)} ms engine, ${total.toFixed(1)} ms in all`;
  document.dispatchEvent(
    new CustomEvent("whosaid:rendered", {
      detail: { rev: state.rev, engineMs, totalMs: total, length: text.length, where },
    }),
  );
}

function drawLegend() {
  renderLegend(legend, state.ann, state.filter, (id) => {
    state.filter = id;
    drawLegend();
    applyFilter(view, id);
    const btn = id === null ? null : legend.querySelector(`[data-speaker-id="${id}"]`);
    if (btn) btn.focus();
  });
}

function resetDetails() {
  const p = document.createElement("p");
  p.className = "empty";
  p.textContent = "Point at a quote, or Tab to it, to see who said it and why.";
  delete details.dataset.quoteId;
  details.replaceChildren(p);
}

function showQuote(el) {
  const q = state.quotesById.get(Number(el.dataset.quoteId));
  if (!q) return;
  for (const a of view.querySelectorAll(".active, .evidence")) a.classList.remove("active", "evidence");
  for (const a of view.querySelectorAll(`.q[data-quote-id="${q.id}"]`)) a.classList.add("active");
  // The evidence of the attribution, lit up in place: cue, mention, antecedent.
  const marks = [
    [".cue", q.cue],
    [".spk", q.mention],
    [".spk", q.antecedent],
  ];
  for (const [cls, span] of marks) {
    if (span) view.querySelector(`${cls}[data-start="${span.start}"]`)?.classList.add("evidence");
  }
  renderDetails(details, state.text, state.ann, q);
}

view.addEventListener("mouseover", (e) => {
  const el = e.target instanceof Element ? e.target.closest(".q") : null;
  if (el) showQuote(el);
});
view.addEventListener("focusin", (e) => {
  const el = e.target instanceof Element ? e.target.closest(".q") : null;
  if (el) showQuote(el);
});

// Input events are the Editor's (src/web/editor.rs): typing is annotated after
// a pause, a paste or a drop at once, and the text is saved when idle.

function insertText(text) {
  input.focus();
  // execCommand keeps the edit on the undo stack, but Chromium's editing
  // commands take time quadratic in the text's length: big pastes use
  // setRangeText (no undo step), which is instant.
  if (text.length > 20000 || !document.execCommand("insertText", false, text)) {
    input.setRangeText(text, input.selectionStart, input.selectionEnd, "end");
  }
  changedByPage();
  requestAnnotate(input.value, true);
}

input.addEventListener("paste", (e) => {
  const data = e.clipboardData;
  if (!data) return;
  const html = data.getData("text/html");
  if (!html) {
    // Plain text: the browser inserts it (an undo step, like any paste), and
    // the text as it will be is annotated now, on this thread when short
    // enough (the text and its colours then show in the same frame), else by
    // the worker while the browser inserts. The input event that follows
    // finds that text done or awaited and asks nothing more; if the guess was
    // wrong, it asks for the real text and the guess is superseded.
    const plain = data.getData("text/plain");
    if (plain) requestAnnotate(afterPaste(plain), true);
    return;
  }
  e.preventDefault();
  const text = htmlToText(html) || data.getData("text/plain");
  insertText(text);
});

function loadFile(file) {
  const name = file.name.toLowerCase();
  const md = /\.(md|markdown)$/.test(name);
  if (!md && !/\.txt$/.test(name) && !/^text\//.test(file.type)) {
    status.textContent = `Only .txt and .md files can be loaded (not ${file.name}).`;
    return;
  }
  file.text().then((text) => {
    modeSelect.value = md ? "markdown" : "text";
    modeTouched = true;
    if (editor) editor.saveMode(modeSelect.value);
    input.value = text;
    changedByPage();
    requestAnnotate(input.value, true);
  });
}

document.addEventListener("dragover", (e) => {
  if (e.dataTransfer && [...e.dataTransfer.types].includes("Files")) {
    e.preventDefault();
    input.classList.add("dragging");
  }
});
document.addEventListener("dragleave", () => input.classList.remove("dragging"));
document.addEventListener("drop", (e) => {
  input.classList.remove("dragging");
  const file = e.dataTransfer && e.dataTransfer.files[0];
  if (!file) return;
  e.preventDefault();
  loadFile(file);
});

modeSelect.addEventListener("change", () => {
  if (editor) editor.saveMode(modeSelect.value);
  requestAnnotate(input.value, true);
});

$("clear").addEventListener("click", () => {
  input.value = "";
  touched = true;
  if (editor) editor.forget();
  state.filter = null;
  resetDetails();
  requestAnnotate(input.value, true);
  if (!state.engine) {
    view.replaceChildren();
    legend.replaceChildren();
  }
  input.focus();
});

$("sample").addEventListener("click", () => {
  input.value = SAMPLE;
  changedByPage();
  requestAnnotate(input.value, true);
});

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

$("export-json").addEventListener("click", () => {
  download("whosaid-annotations.json", "application/json", `${JSON.stringify(state.ann, null, 2)}\n`);
});

$("export-html").addEventListener("click", () => {
  let css = "";
  for (const sheet of document.styleSheets) {
    try {
      for (const rule of sheet.cssRules) css += `${rule.cssText}\n`;
    } catch {
      /* a sheet we cannot read is left out */
    }
  }
  css += "main.export{display:grid;grid-template-columns:1fr 16rem;gap:2rem;max-width:72rem;margin:2rem auto;padding:0 1rem}\n";
  download("whosaid-article.html", "text/html", standaloneHtml(view, legend, css, "whosaid: annotated article"));
});

const base = globalThis.WHOSAID_ENGINE || {
  worker: () => new Worker(new URL("./worker.js", import.meta.url), { type: "module" }),
  mainThread: async () => {
    const m = await import("../../pkg/whosaid.js");
    await m.default();
    return m;
  },
};
// This thread's module is loaded once, shared by the view and the no-worker fallback.
let mainModule = null;
const how = { ...base, mainThread: () => (mainModule ||= base.mainThread()) };

// This thread's module: once loaded, the Editor takes over #input and puts back
// the saved format and text, unless the user got there first.
const mainReady = how.mainThread().then((wasm) => {
  editor = new wasm.Editor(input, (atOnce) => requestAnnotate(input.value, atOnce), (message) => (status.textContent = message));
  if (modeTouched) editor.saveMode(modeSelect.value);
  else {
    const mode = editor.savedMode();
    if (mode && [...modeSelect.options].some((o) => o.value === mode)) modeSelect.value = mode;
  }
  if (touched) editor.changed(); // what was typed meanwhile is saved in its turn
  else editor.restore();
  return wasm;
});

// The worker's engine and this thread's module (for ViewBuilder) load together.
Promise.all([createEngine(how), mainReady]).then(
  ([engine, wasm]) => {
    state.wasm = wasm;
    state.engine = engine;
    document.documentElement.dataset.engine = engine.where;
    $("version").textContent = engine.version;
    status.textContent = "Ready.";
    requestAnnotate(input.value, true);
  },
  (e) => {
    status.textContent = `The engine could not start: ${e && e.message ? e.message : e}`;
  },
);
