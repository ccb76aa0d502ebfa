// Shared fixtures for the page tests: every test runs with the network guarded
// (any request that leaves the page's origin is aborted and fails the test),
// no dialog may open, and helpers paste the way a user does.
import { test as base, expect } from "@playwright/test";

export const ARTICLE = `Mayor defends the new budget

"We will balance the books this year," said Jane Doe, the mayor of Springfield. "Nobody will lose their job."

"This budget is a fantasy," said John Smith, the leader of the opposition.

"The numbers add up," Jane Doe said on Tuesday.`;

export const test = base.extend({
  // Requests outside the page's origin: recorded, aborted, and asserted empty.
  outside: [
    async ({ context, baseURL }, use) => {
      const origin = new URL(baseURL).origin;
      const outside = [];
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(`${origin}/`) || url.startsWith("data:") || url.startsWith("blob:")) {
          return route.continue();
        }
        outside.push(url);
        return route.abort("blockedbyclient");
      });
      context.on("request", (req) => {
        const url = req.url();
        if (!(url.startsWith(`${origin}/`) || url.startsWith("data:") || url.startsWith("blob:"))) {
          if (!outside.includes(url)) outside.push(url);
        }
      });
      await use(outside);
      expect(outside, "requests that left the page's origin").toEqual([]);
    },
    { auto: true },
  ],
  // Any alert/confirm/prompt fails the test.
  dialogs: [
    async ({ page }, use) => {
      const dialogs = [];
      page.on("dialog", (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        d.dismiss().catch(() => {});
      });
      await use(dialogs);
      expect(dialogs, "dialogs opened").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the page with empty storage and waits for the engine. */
export async function openPage(page, path = "/index.html") {
  await page.goto(path);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitReady(page);
}

export async function waitReady(page) {
  await expect(page.locator("html[data-engine]")).toHaveCount(1);
  await expect.poll(() => rev(page)).toBeGreaterThan(0);
}

/** The number of renders done so far. */
export async function rev(page) {
  return Number(await page.locator("#view").getAttribute("data-rev"));
}

/** Runs `action` and waits for the render it causes. */
export async function rendered(page, action) {
  const before = await rev(page);
  await action();
  await expect.poll(() => rev(page), { intervals: [20, 50, 100, 200] }).toBeGreaterThan(before);
  // The render shown is the one of the text now in #input.
  await expect
    .poll(
      () => page.evaluate(() => document.getElementById("view").textContent === document.getElementById("input").value),
      { intervals: [20, 50, 100, 200] },
    )
    .toBe(true);
  await expect(page.locator("#progress")).toBeHidden();
}

/** Fires a real ClipboardEvent carrying `data` (MIME type → string) at #input. */
export async function paste(page, data) {
  await page.locator("#input").focus();
  await page.evaluate((data) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(data)) dt.setData(type, value);
    const ev = new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true });
    const input = document.getElementById("input");
    if (input.dispatchEvent(ev) && data["text/plain"] !== undefined) {
      // Nobody took the event: insert the plain text as the browser would.
      document.execCommand("insertText", false, data["text/plain"]);
    }
  }, data);
}

/** The engine's own answer for `text`, computed in the page from the wasm module. */
export async function engineAnswer(page, text, markdown = false) {
  return page.evaluate(
    async ({ text, markdown }) => {
      const m = await import("/pkg/whosaid.js");
      await m.default();
      return markdown ? m.annotateMarkdown(text) : m.annotate(text);
    },
    { text, markdown },
  );
}
