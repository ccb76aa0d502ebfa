// Playwright runs the page tests in the system Chromium (Debian's
// /usr/bin/chromium; `npx playwright install` cannot download here), against
// the repository root served by Python's static server. Run from the root after
// `make wasm dist`: `npx playwright test`. Benchmarks (tests/e2e/bench.spec.mjs,
// tagged @bench) are their own project, run after the others; they print medians
// and never assert times. Only them: `npx playwright test --project bench --no-deps`.
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.WHOSAID_TEST_PORT || 8765);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "off",
  },
  projects: [
    { name: "page", testIgnore: /bench\.spec\.mjs$/ },
    // Benchmarks run last and alone (see tests/e2e/bench.spec.mjs).
    { name: "bench", testMatch: /bench\.spec\.mjs$/, dependencies: ["page"], fullyParallel: false },
  ],
  webServer: {
    command: `python3 -m http.server ${PORT} --bind 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore",
    stderr: "ignore",
    timeout: 30_000,
  },
});
