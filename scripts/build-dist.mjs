#!/usr/bin/env node
// Builds dist/whosaid.html: the page as ONE self-contained file that works when
// opened straight from disk (file://), with no server and no network.
//
//   node scripts/build-dist.mjs [--pkg DIR] [--out FILE]
//
// Inputs: index.html (its <body>), www/style.css, www/app/*.js and the
// wasm-bindgen output pkg/whosaid.js + pkg/whosaid_bg.wasm (run `make wasm`
// first). Node builtins only.
//
// Layout of the output:
//   <style>            www/style.css
//   <script type="application/octet-stream" id="whosaid-wasm">  the wasm, base64, ONCE
//   <script type="text/plain" id="whosaid-glue">    pkg/whosaid.js, exports removed
//   <script type="text/plain" id="whosaid-worker">  www/app/worker.js, import removed
//   <script type="module"> a prelude that decodes the wasm and tells the app how to
//                          start the engine, then the app modules concatenated.
// The data blocks are never executed. At run time the worker is a classic blob:
// worker made of glue + worker; the main-thread fallback (when no worker can
// start) and the page's own module (ViewBuilder builds the article's DOM and
// Editor watches the text area, both in wasm) import the glue as a blob: module.
// The Content-Security-Policy allows exactly the inline module script and style
// by their SHA-256 hashes, wasm, and blob: for those two modules.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? resolve(args[i + 1]) : dflt;
};
const pkgDir = opt("--pkg", join(root, "pkg"));
const outFile = opt("--out", join(root, "dist", "whosaid.html"));

function read(path, encoding = "utf8") {
  try {
    return readFileSync(path, encoding);
  } catch (e) {
    fail(`cannot read ${path}: ${e.message}${path.startsWith(pkgDir) ? " (run `make wasm` first)" : ""}`);
  }
}

function fail(msg) {
  console.error(`build-dist: ${msg}`);
  process.exit(1);
}

// App modules, in dependency order. Each may import only earlier ones.
const APP = ["paste.js", "render.js", "engine.js", "main.js"];

/** Removes ES module syntax from one of our own modules so the modules can
 *  share one script: `import … from "./x.js";` goes, `export ` prefixes go. */
function unmodule(src, name) {
  let out = src.replace(/^import\s[\s\S]*?\sfrom\s+["'][^"']+["'];?[ \t]*$/gm, "");
  out = out.replace(/^export\s+(?=(async\s+)?function|const|let|class)/gm, "");
  out = out.replace(/^export\s*\{[^}]*\};?[ \t]*$/gm, "");
  if (/^\s*(import|export)\s/m.test(out)) fail(`${name}: module syntax left after flattening`);
  return out;
}

/** The top-level names a flattened module declares, to catch collisions. */
function topLevelNames(src) {
  const names = [];
  const re = /^(?:async\s+)?(?:function\*?\s+([\w$]+)|(?:const|let|var|class)\s+([\w$]+))/gm;
  for (const m of src.matchAll(re)) names.push(m[1] || m[2]);
  return names;
}

/** Text inside a <script> element must not end it or enter the parser's
 *  "escaped" states; refuse rather than guess. */
function scriptSafe(text, name) {
  if (/<\/script|<!--|<script/i.test(text)) fail(`${name} contains "</script", "<script" or "<!--"`);
  return text;
}

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

// 1. The engine: glue and wasm.
const glueSrc = read(join(pkgDir, "whosaid.js"));
const wasm = read(join(pkgDir, "whosaid_bg.wasm"), null);
if (wasm.subarray(0, 4).toString("hex") !== "0061736d") fail("pkg/whosaid_bg.wasm is not a wasm module");
const glue = glueSrc
  .replace(/^export\s+(?=(async\s+)?function|const|let|class)/gm, "")
  .replace(/^export\s*\{[^}]*\};?[ \t]*$/gm, "");
if (/^\s*export\s/m.test(glue) || !/function __wbg_init\b/.test(glue) || !/function initSync\b/.test(glue)) {
  fail("pkg/whosaid.js does not look like wasm-bindgen --target web output");
}

// 2. The worker: glue + worker body, with the worker's import replaced by names of the glue.
const workerSrc = read(join(root, "www/app/worker.js"));
const importLine = /^import\s+init\s*,\s*\{[^}]*\}\s*from\s*["'][^"']*whosaid\.js["'];?[ \t]*$/m;
if (!importLine.test(workerSrc)) fail("www/app/worker.js: expected `import init, { … } from \"…/whosaid.js\";`");
const worker = workerSrc.replace(importLine, "const init = __wbg_init;");

// 3. The app, flattened.
const seen = new Map();
const app = APP.map((name) => {
  const flat = unmodule(read(join(root, "www/app", name)), name);
  for (const n of topLevelNames(flat)) {
    if (seen.has(n)) fail(`top-level name ${n} is declared by both ${seen.get(n)} and ${name}`);
    seen.set(n, name);
  }
  return `// ---- www/app/${name}\n${flat}`;
}).join("\n");

const prelude = `// ---- dist prelude: the engine comes from the data blocks of this file.
{
  const block = (id) => document.getElementById(id).textContent;
  const bin = atob(block("whosaid-wasm").trim());
  const wasm = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) wasm[i] = bin.charCodeAt(i);
  const glue = block("whosaid-glue");
  const blobUrl = (...parts) => URL.createObjectURL(new Blob(parts, { type: "text/javascript" }));
  globalThis.WHOSAID_ENGINE = {
    wasm: wasm.buffer,
    // A classic worker: Chromium refuses module workers from blob: URLs of a
    // file:// page. The glue's only module-only syntax is import.meta.url, in a
    // default path that is never taken since the wasm bytes are passed.
    worker: () => new Worker(blobUrl(glue.replaceAll("import.meta.url", "self.location.href"), "\\n", block("whosaid-worker"))),
    mainThread: async () => {
      const m = await import(blobUrl(glue, "\\nexport { __wbg_init as default, initSync, annotate, annotateMarkdown, annotateForView, version, ViewBuilder, Editor };\\n"));
      await m.default({ module_or_path: wasm });
      return m;
    },
  };
}
`;

const mainScript = scriptSafe(`\n${prelude}\n${app}\n`, "the app");
const css = scriptSafe(read(join(root, "www/style.css")), "www/style.css").replace(/<\/style/gi, "<\\/style");
const styleText = `\n${css}\n`;

// 4. The body of the served page, minus its module script.
const index = read(join(root, "index.html"));
const bodyMatch = index.match(/<body>([\s\S]*)<\/body>/);
if (!bodyMatch) fail("index.html has no <body>…</body>");
const body = bodyMatch[1].replace(/<script\b[^>]*\bsrc=["'][^"']*["'][^>]*>\s*<\/script>\s*/g, "");
if (/<script|\bsrc=|<link/i.test(body)) fail("index.html's body refers to another file");
const title = (index.match(/<title>([^<]*)<\/title>/) || [, "whosaid"])[1];

const csp = [
  "default-src 'none'",
  `script-src ${sha256(mainScript)} 'wasm-unsafe-eval' blob:`,
  "worker-src blob:",
  `style-src ${sha256(styleText)}`,
  "img-src data: blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const b64 = wasm.toString("base64");
const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="whosaid scripts/build-dist.mjs">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${styleText}</style>
</head>
<body>${body}<script type="application/octet-stream" id="whosaid-wasm">${b64}</script>
<script type="text/plain" id="whosaid-glue">${scriptSafe(glue, "pkg/whosaid.js")}</script>
<script type="text/plain" id="whosaid-worker">${scriptSafe(worker, "www/app/worker.js")}</script>
<script type="module">${mainScript}</script>
</body>
</html>
`;

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, html);
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(
  `build-dist: wrote ${outFile}: ${kb(html.length)} (${kb(gzipSync(html).length)} gzipped; wasm ${kb(wasm.length)} inlined once as base64)`,
);
