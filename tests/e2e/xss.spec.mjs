// Hostile input never runs. Each payload tries to set window.__xss, open a
// dialog, or load something from another origin; it is pasted as HTML, typed as
// text and given as Markdown. After each, the page must show it as text only:
// no flag, no dialog (fixture), no request outside the origin (fixture), and no
// element in #view, #legend or #details that the page did not make itself.
// Typed text and Markdown never reach an HTML parser, so they cause no CSP
// report at all. Pasted HTML is parsed by DOMParser into an inert document,
// and Chromium checks event-handler attributes and inline styles against the
// page's CSP when the parser creates them: they are refused before they could
// ever be compiled or applied (`script-src-attr`, `style-src-elem`,
// `style-src-attr`, all "inline"), the only reports allowed there; a report
// naming a URL would mean something tried to load, and fails.
import { test, expect, openPage, rendered, paste } from "./fixtures.mjs";

const PAYLOADS = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=2">`,
  `<svg onload="window.__xss=3">`,
  `<iframe src="javascript:window.top.__xss=4"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=5</script>"></iframe>`,
  `<body onload="window.__xss=6">`,
  `<a href="javascript:window.__xss=7">click me</a>`,
  `<details open ontoggle="window.__xss=8"><summary>s</summary></details>`,
  `<video><source onerror="window.__xss=9"></video>`,
  `<audio src=x onerror="window.__xss=10">`,
  `<input autofocus onfocus="window.__xss=11">`,
  `<marquee onstart="window.__xss=12">m</marquee>`,
  `<object data="javascript:window.__xss=13"></object>`,
  `<embed src="javascript:window.__xss=14">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=15">`,
  `<noscript><p title="</noscript><img src=x onerror=window.__xss=16>">`,
  `<style>@import "javascript:window.__xss=17";</style>`,
  `<link rel=stylesheet href="javascript:window.__xss=18">`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__xss=19">`,
  `<form><button formaction="javascript:window.__xss=20">go</button></form>`,
  `<template><img src=x onerror="window.__xss=21"></template>`,
  `"><img src=x onerror=window.__xss=22>`,
  `'><svg/onload=window.__xss=23>`,
  `</textarea><img src=x onerror=window.__xss=24>`,
  `</script><script>window.__xss=25</script>`,
  `<img src=x onerror=alert(26)>`,
  `javascript:alert(27)`,
  `<svg><script>window.__xss=28</script></svg>`,
  `<svg><animate onbegin="window.__xss=29" attributeName=x dur=1s>`,
  `<div style="background:url(javascript:window.__xss=30)">d</div>`,
  `<img src="x" onerror="&#119;indow.__xss=31">`,
  `<scr<script>ipt>window.__xss=32</scr</script>ipt>`,
  `<base href="javascript:window.__xss=33//">`,
  `<object data="data:text/html,<script>parent.__xss=34</script>"></object>`,
  `[click](javascript:window.__xss=35)`,
  `![x](x" onerror="window.__xss=36)`,
  `<a href="#" onclick="window.__xss=37">a</a>`,
  `{{constructor.constructor('window.__xss=38')()}}`,
  "${window.__xss=39}",
  `<select autofocus onfocus=window.__xss=40></select>`,
  `<img srcset="x 1x" onerror="window.__xss=41">`,
  `<svg><a xlink:href="javascript:window.__xss=42"><text x=20 y=20>x</text></a></svg>`,
  `\u202e<img src=x onerror=window.__xss=43>`,
  `<!--<img src="--><img src=x onerror=window.__xss=44//">`,
  `<img src="https://evil.example/pixel.png" onerror="window.__xss=45">`,
  `<link rel=prefetch href="https://evil.example/">`,
  `<iframe src="https://evil.example/"></iframe>`,
  `<script src="https://evil.example/x.js"></script>`,
  `<x onpointerover="window.__xss=49" style="display:block;position:fixed;inset:0">cover</x>`,
  `<svg><foreignObject><body onload="window.__xss=50"></body></foreignObject></svg>`,
];

// Each payload sits inside a quote, beside the speaker's name and as plain text,
// so it reaches the quote spans, the legend, the details panel and the text runs.
const article = (p) => `"${p}," said Jane Doe. "${p}" ${p}, ${p} said.\n\n${p}`;

const OURS = new Set(["SPAN", "SECTION", "BUTTON", "P", "DL", "DT", "DD", "BLOCKQUOTE", "METER"]);

async function installWatch(page) {
  await page.evaluate(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

async function assertInert(page, payload, allowedReports = []) {
  // Give any handler, timer or load a chance to fire; touch the quotes.
  const q = page.locator("#view .q").first();
  if (await q.count()) {
    await q.hover();
    await q.focus();
  }
  const leg = page.locator("#legend [data-speaker-id]").first();
  if (await leg.count()) await leg.hover();
  const result = await page.evaluate(() => ({
    xss: window.__xss,
    shown: document.getElementById("view").textContent,
    typed: document.getElementById("input").value,
    violations: window.__violations.splice(0),
    strangers: [...document.querySelectorAll("#view *, #legend *, #details *")]
      .map((e) => e.tagName)
      .filter((t) => !["SPAN", "SECTION", "BUTTON", "P", "DL", "DT", "DD", "BLOCKQUOTE", "METER"].includes(t)),
    handlers: [...document.querySelectorAll("#view *, #legend *, #details *")].flatMap((e) =>
      [...e.attributes].map((a) => a.name).filter((n) => n.startsWith("on") || n === "href" || n === "src"),
    ),
  }));
  expect(result.xss, `payload ran: ${payload}`).toBeUndefined();
  const reports = result.violations.filter((v) => !allowedReports.includes(v));
  expect(reports, `CSP saw an attempt: ${payload}`).toEqual([]);
  expect(result.strangers, `foreign elements: ${payload}`).toEqual([]);
  expect(result.handlers, `foreign attributes: ${payload}`).toEqual([]);
  expect(result.shown, "the view shows the text as text").toBe(result.typed);
  expect(OURS.size).toBe(9);
}

test(`${PAYLOADS.length} payloads pasted as HTML never execute`, async ({ page }) => {
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
  await openPage(page);
  await installWatch(page);
  for (const p of PAYLOADS) {
    await page.locator("#clear").click();
    // The payload both as the clipboard's HTML and inside quoted prose.
    const html = `<p>${article(p)}</p><div>${p}</div>`;
    await rendered(page, () => paste(page, { "text/html": html, "text/plain": article(p) }));
    await assertInert(page, p, ["script-src-attr inline", "style-src-elem inline", "style-src-attr inline"]);
  }
});

test(`${PAYLOADS.length} payloads typed as text are shown as text`, async ({ page }) => {
  await openPage(page);
  await installWatch(page);
  await page.locator("#mode").selectOption("text");
  for (const [i, p] of PAYLOADS.entries()) {
    await page.locator("#clear").click();
    const text = article(p);
    await rendered(page, async () => {
      // The first few key by key, the rest as one insertion (both are input events).
      if (i < 3) await page.locator("#input").pressSequentially(text);
      else await page.keyboard.insertText(text);
    });
    await expect(page.locator("#input")).toHaveValue(text);
    await assertInert(page, p);
  }
});

test(`${PAYLOADS.length} payloads in Markdown are shown as text, raw HTML included`, async ({ page }) => {
  await openPage(page);
  await installWatch(page);
  await page.locator("#mode").selectOption("markdown");
  for (const p of PAYLOADS) {
    await page.locator("#clear").click();
    const md = `# ${p}\n\n${article(p)}\n\n> ${p}\n\n- ${p}\n\n<div>${p}</div>\n\n[${p}](javascript:window.__xss=99)\n`;
    await rendered(page, () => page.keyboard.insertText(md));
    await expect(page.locator("#view")).toHaveAttribute("data-format", "markdown");
    await assertInert(page, p);
  }
});

test("the exported HTML of a hostile article is inert too", async ({ page }) => {
  await openPage(page);
  const text = PAYLOADS.map((p, i) => `"${p} ${i}," said Jane Doe.`).join("\n\n");
  await rendered(page, () => paste(page, { "text/plain": text }));
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#export-html").click()]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  const html = Buffer.concat(chunks).toString("utf8");
  const other = await page.context().newPage();
  await other.setContent(html);
  await other.waitForTimeout(200);
  expect(await other.evaluate(() => window.__xss)).toBeUndefined();
  expect(await other.locator("script, img, iframe, svg, object, embed, a").count()).toBe(0);
  expect(await other.locator("body").textContent()).toContain(PAYLOADS[0]);
  await other.close();
});
