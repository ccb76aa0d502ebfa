// The npm package in headless Chromium (Debian's /usr/bin/chromium, driven by
// Playwright): a plain page with <script type="module"> and an import map, and
// a Vite production build, both served from a fresh project where the tarball
// was installed. Every request must stay on the page's own origin.
// Run: make test-package.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { mkdirSync, writeFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { chromium } from "@playwright/test";
import { bin, run, installConsumer, removeConsumer } from "./consumer.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".css": "text/css",
};

let project;
let browser;
const servers = [];

/** Serves `dir` on 127.0.0.1 at a free port; returns its origin. */
async function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    let file = join(dir, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}`;
}

/** Opens `url`, waits for `window.result`, and checks no request left `origin`. */
async function resultOf(url) {
  const origin = new URL(url).origin;
  const context = await browser.newContext();
  const outside = [];
  const errors = [];
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (new URL(u).origin === origin) return route.continue();
    outside.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => window.result !== undefined, null, { timeout: 30_000 }).catch(() => {});
  const result = await page.evaluate(() => window.result);
  await context.close();
  assert.ok(result, `the page set no result; errors: ${errors.join("\n")}`);
  assert.deepEqual(outside, [], "requests left the page's origin");
  return result;
}

// The page's script: the same checks in the plain page and in the Vite build.
const pageScript = (specifier) => `
import { init, annotate, annotateMarkdown, WorkerAnnotator } from "${specifier}";
const out = {};
try { annotate("“Hi,” she said."); out.before = "no error"; } catch (e) { out.before = (e instanceof Error) + ":" + e.message; }
await init();
const text = "👩🏽‍💻 Zoë Roux said: “Très bien.” “Allez,” said Émile Zola.";
const a = annotate(text);
out.quotes = a.quotes.map((q) => text.slice(q.start, q.end));
out.speakers = a.speakers.map((s) => s.name);
const md = "# ✨\\n\\n**Zoë** said: “Très *bien*.”";
out.md = annotateMarkdown(md).quotes.map((q) => md.slice(q.start, q.end));
const worker = new WorkerAnnotator();
out.workerSame = JSON.stringify(await worker.annotate(text)) === JSON.stringify(a);
try { await worker.annotate("x", { indirect: 3 }); out.workerError = "no error"; } catch (e) { out.workerError = (e instanceof Error) + ":" + e.message; }
worker.terminate();
window.result = out;
`;

function checkResult(r) {
  assert.match(r.before, /^true:.*init\(\)/, "annotate before init throws a clear Error");
  assert.equal(r.quotes[0], "Très bien.");
  assert.ok(r.quotes.some((q) => q.startsWith("Allez")), JSON.stringify(r.quotes));
  assert.ok(r.speakers.includes("Zoë Roux"), JSON.stringify(r.speakers));
  assert.deepEqual(r.md, ["Très *bien*."]);
  assert.equal(r.workerSame, true, "the worker gives the same result");
  assert.match(r.workerError, /^true:whosaid: .*option/, "a bad option rejects with a real Error");
}

before(async () => {
  project = installConsumer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

after(async () => {
  await browser?.close();
  for (const s of servers) s.close();
  removeConsumer(project);
});

test("a plain <script type=module> page with an import map, no bundler", async () => {
  writeFileSync(
    join(project, "plain.html"),
    `<!doctype html><meta charset="utf-8"><title>plain</title>
<script type="importmap">{"imports": {"whosaid": "./node_modules/whosaid/index.js"}}</script>
<script type="module">${pageScript("whosaid")}</script>`,
  );
  const origin = await serve(project);
  checkResult(await resultOf(`${origin}/plain.html`));
});

test("a Vite production build bundles the package, its worker and one wasm file", async () => {
  const app = join(project, "vite-app");
  mkdirSync(app, { recursive: true });
  writeFileSync(
    join(app, "index.html"),
    `<!doctype html><meta charset="utf-8"><title>vite</title><script type="module" src="./main.js"></script>`,
  );
  writeFileSync(join(app, "main.js"), pageScript("whosaid"));
  writeFileSync(
    join(app, "vite.config.mjs"),
    `export default { build: { target: "es2022", outDir: "dist" }, worker: { format: "es" }, logLevel: "warn" };`,
  );
  run(app, bin("vite"), ["build"], { timeout: 120_000 });
  const assets = run(app, "find", ["dist", "-name", "*.wasm"]).trim().split("\n").filter(Boolean);
  assert.equal(assets.length, 1, `one wasm file in the build: ${assets}`);
  const origin = await serve(join(app, "dist"));
  checkResult(await resultOf(`${origin}/`));
});
