// Issue 6's Node start-up number: import + init() + the first annotate() of a
// 1,000-word article, timed in a fresh Node process each run, from the packed
// npm package (run `make package` first). Prints each run and the median.
//
//   node scripts/bench-node-init.mjs [--runs 7]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 7;
const tgz = readdirSync(root).find((f) => /^whosaid-.*\.tgz$/.test(f));
if (!tgz) throw new Error("no whosaid-<version>.tgz at the repository root: run `make package` first");
const dir = mkdtempSync(join(tmpdir(), "whosaid-init-"));
execFileSync("tar", ["xzf", join(root, tgz), "-C", dir]);

// A 1,000-word article from the benchmark articles (repeated as needed).
let text = readFileSync(join(root, "benches/data/council.txt"), "utf8");
while (text.split(/\s+/).length < 1000) text += "\n\n" + text;
text = text.split(/(\s+)/).slice(0, 2000).join("");
writeFileSync(join(dir, "article.txt"), text);
writeFileSync(
  join(dir, "probe.mjs"),
  `import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
const text = readFileSync(new URL("./article.txt", import.meta.url), "utf8");
const t0 = performance.now();
const { init, annotate } = await import("./package/node.js");
await init();
const a = annotate(text);
console.log(JSON.stringify({ ms: performance.now() - t0, quotes: a.quotes.length }));
`,
);
const times = [];
for (let i = 0; i < runs; i++) {
  const out = JSON.parse(execFileSync(process.execPath, [join(dir, "probe.mjs")], { encoding: "utf8" }));
  times.push(out.ms);
  console.log(`run ${i + 1}: ${out.ms.toFixed(1)} ms (${out.quotes} quotes)`);
}
times.sort((a, b) => a - b);
console.log(`median import + init + first annotate of 1,000 words: ${times[Math.floor(times.length / 2)].toFixed(1)} ms`);
