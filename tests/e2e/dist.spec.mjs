// dist/whosaid.html, the single-file build, opened straight from disk: no
// server, no network. It must annotate like the served page, with its engine
// in a worker, and ask for nothing but itself.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ARTICLE } from "./fixtures.mjs";

const DIST = resolve("dist/whosaid.html");
const WASM = resolve("pkg/whosaid_bg.wasm");

test.beforeAll(() => {
  // `make test` builds dist first; build it here when it is missing or older than its inputs.
  const inputs = [WASM, "pkg/whosaid.js", "index.html", "www/style.css", "www/app/main.js", "www/app/render.js"];
  const stale = !existsSync(DIST) || inputs.some((f) => statSync(f).mtimeMs > statSync(DIST).mtimeMs);
  if (stale) execFileSync(process.execPath, ["scripts/build-dist.mjs"], { stdio: "inherit" });
});

test("the single file carries the wasm once and refers to no other file", () => {
  const html = readFileSync(DIST, "utf8");
  const b64 = readFileSync(WASM).toString("base64");
  expect(html.split(b64).length - 1).toBe(1);
  // The first bytes of any wasm module in base64 ("AGFzbQ" = \0asm) appear once too.
  expect(html.split("AGFzbQ").length - 1).toBe(1);
  expect(html).not.toMatch(/\b(src|href)=["'](?!data:)/i);
  expect(html).not.toMatch(/(src|href|action)\s*=\s*["']?\s*https?:|url\(\s*["']?https?:|@import/i);
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  expect(csp).toMatch(/script-src 'sha256-[^']+' 'wasm-unsafe-eval' blob:;/);
  expect(csp).not.toMatch(/unsafe-inline|https?:|\*/);
});

test("opened from file://, it annotates with its engine in a worker", async ({ page }) => {
  const url = pathToFileURL(DIST).href;
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(url);
  await expect(page.locator("html[data-engine]")).toHaveCount(1);
  expect(await page.locator("html").getAttribute("data-engine")).toBe("worker");
  await page.locator("#input").fill(ARTICLE);
  await expect.poll(() => page.locator("#view").textContent()).toBe(ARTICLE);
  const quotes = await page.locator("#view .q").evaluateAll((els) =>
    els.map((el) => ({ text: el.textContent, speaker: el.dataset.speakerId, colour: getComputedStyle(el).borderBottomColor })),
  );
  const jane = quotes.filter((q) => /balance the books|Nobody will lose|numbers add up/.test(q.text));
  const john = quotes.find((q) => /fantasy/.test(q.text));
  expect(jane.length).toBe(3);
  expect(new Set(jane.map((q) => q.speaker)).size).toBe(1);
  expect(new Set(jane.map((q) => q.colour)).size).toBe(1);
  expect(john.speaker).not.toBe(jane[0].speaker);
  expect(john.colour).not.toBe(jane[0].colour);
  await expect(page.locator("#legend [data-speaker-id]")).not.toHaveCount(0);
  await page.locator("#view .q").first().hover();
  await expect(page.locator('#details [data-field="rule"]')).not.toBeEmpty();
  // Only the file itself and its own blob:/data: URLs were ever requested.
  expect(requests.filter((r) => r !== url && !r.startsWith("blob:") && !r.startsWith("data:"))).toEqual([]);
  expect(errors).toEqual([]);
});
