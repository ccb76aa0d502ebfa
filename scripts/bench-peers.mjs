#!/usr/bin/env node
// Peers in the same run (issue 7): whosaid native (in process, the engine only,
// like the other rows; and the release CLI's --jsonl mode with JSON in and out,
// one thread), whosaid wasm in Node (pkg/ from `make wasm`) and compromise
// (`nlp(text).quotations()` + `.people()`) on the same news text, medians of
// several runs, printed as MB/s and as ratios to compromise. The claim is the
// ratio: absolute numbers depend on the machine and its load.
//
//   node scripts/bench-peers.mjs [--runs N] [--copies N] [--warmup SECONDS]
//
// Needs: target/release/whosaid and target/release/examples/throughput
// (cargo build --release --bin whosaid --example throughput), pkg/whosaid.js +
// pkg/whosaid_bg.wasm (make wasm), compromise (installed by mk/bench.mk into
// target/bench-peers/ when missing, so the repository's lockfile is untouched).
// textacy (PyPI) is measured only when `python3 -c "import textacy"` works and a
// spaCy English model is installed; otherwise it is reported as skipped.

import { readFileSync, existsSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";
import os from "node:os";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg("--runs", 7);
const COPIES = arg("--copies", 1);
const WARMUP = arg("--warmup", 1);

// The same text for everyone: the four hand-written articles of benches/data.
const articles = ["tech", "council", "court", "europe"].map((n) =>
  readFileSync(path.join(root, "benches/data", `${n}.txt`), "utf8"),
);
const text = Array.from({ length: COPIES }, () => articles.join("\n\n")).join("\n\n");
const bytes = Buffer.byteLength(text, "utf8");
const MB = 1e6;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Times `fn` (which processes `n` bytes) RUNS times after a warm-up of at least
 * WARMUP seconds and three calls; MB/s of the median. The warm-up is the same
 * for every row: V8 compiles both compromise's JavaScript and whosaid's wasm
 * lazily and re-compiles hot functions with its optimising tier after a few
 * calls, so a single warm-up call would time the compilers, not the code.
 */
function measure(fn, n = bytes) {
  const warmUntil = process.hrtime.bigint() + BigInt(Math.round(WARMUP * 1e9));
  for (let calls = 0; calls < 3 || process.hrtime.bigint() < warmUntil; calls++) fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const t = median(times);
  return { seconds: t, mbps: n / MB / t };
}

const results = [];

// ---- compromise
const peerDir = path.join(root, "target/bench-peers");
let nlp = null;
for (const base of [root, peerDir]) {
  try {
    const require = createRequire(path.join(base, "package.json"));
    nlp = (await import(pathToFileURL(require.resolve("compromise")).href)).default;
    break;
  } catch {
    /* try the next place */
  }
}
if (!nlp) {
  console.error("compromise not found: run `make bench` (installs it into target/bench-peers)");
  process.exit(2);
}
let compromiseOut;
const comp = measure(() => {
  const doc = nlp(text);
  compromiseOut = { quotes: doc.quotations().out("array").length, people: doc.people().out("array").length };
});
results.push({ tool: `compromise ${nlp.version ?? ""}`.trim(), ...comp, found: `${compromiseOut.quotes} quotes, ${compromiseOut.people} people` });

// ---- whosaid wasm in Node
const pkgJs = path.join(root, "pkg/whosaid.js");
if (existsSync(pkgJs)) {
  const wasm = await import(pathToFileURL(pkgJs).href);
  wasm.initSync({ module: readFileSync(path.join(root, "pkg/whosaid_bg.wasm")) });
  let out;
  const r = measure(() => {
    out = wasm.annotate(text, undefined);
  });
  results.push({ tool: "whosaid wasm (Node)", ...r, found: `${out.quotes.length} quotes, ${out.speakers.length} speakers` });
} else {
  results.push({ tool: "whosaid wasm (Node)", skipped: "pkg/whosaid.js missing: run `make wasm`" });
}

// ---- whosaid native in process: examples/throughput.rs annotates the same text
// (as many separate documents, so each call sees the same 12 KB compromise and
// the wasm see) and times only the engine, as the two rows above do.
const throughput = path.join(root, "target/release/examples/throughput");
if (existsSync(throughput)) {
  const copies = Math.max(20, Math.ceil((1 * MB) / bytes));
  const dir = mkdtempSync(path.join(os.tmpdir(), "whosaid-peers-"));
  const corpus = path.join(dir, "text.jsonl");
  writeFileSync(corpus, Array.from({ length: copies }, () => JSON.stringify({ text })).join("\n") + "\n");
  const p = spawnSync(throughput, [corpus, String(RUNS)], { encoding: "utf8" });
  rmSync(dir, { recursive: true, force: true });
  const m = /median ([0-9.]+) s/.exec(p.stdout ?? "");
  if (p.status === 0 && m) {
    const seconds = Number(m[1]) / copies;
    // The example names the allocator it links last (mimalloc, as the CLI).
    const allocator = p.stdout.trim().split(", ").pop();
    results.push({ tool: `whosaid native (in process, 1 thread, ${allocator})`, seconds, mbps: bytes / MB / seconds, found: p.stdout.trim().split(":")[0] });
  } else {
    results.push({ tool: "whosaid native (in process, 1 thread)", skipped: `throughput failed: ${p.stderr}` });
  }
} else {
  results.push({ tool: "whosaid native (in process, 1 thread)", skipped: "target/release/examples/throughput missing: cargo build --release --example throughput" });
}

// ---- whosaid native: the release CLI, --jsonl, one thread, many lines so that
// process start-up is a small part of the time.
const cli = path.join(root, "target/release/whosaid");
if (existsSync(cli)) {
  const lines = Math.max(50, Math.ceil((4 * MB) / bytes));
  const input = Array.from({ length: lines }, (_, i) => JSON.stringify({ id: i, text })).join("\n") + "\n";
  let outLines = 0;
  const r = measure(() => {
    const p = spawnSync(cli, ["annotate", "--jsonl"], {
      input,
      env: { ...process.env, RAYON_NUM_THREADS: "1" },
      maxBuffer: 1 << 30,
    });
    if (p.status !== 0) throw new Error(`whosaid CLI failed: ${p.stderr}`);
    outLines = p.stdout.toString().trimEnd().split("\n").length;
  }, lines * bytes);
  results.push({ tool: "whosaid native (CLI --jsonl, 1 thread)", ...r, found: `${outLines} lines annotated` });
} else {
  results.push({ tool: "whosaid native (CLI --jsonl, 1 thread)", skipped: "target/release/whosaid missing: cargo build --release" });
}

// ---- textacy (optional)
const py = spawnSync("python3", ["-c", "import textacy, spacy; spacy.load('en_core_web_sm')"], { encoding: "utf8" });
if (py.status === 0) {
  const script = `
import sys, time, statistics, textacy, spacy
from textacy.extract import triples
nlp = spacy.load("en_core_web_sm")
text = sys.stdin.read()
def run():
    doc = nlp(text)
    return len(list(triples.direct_quotations(doc)))
run()
ts = []
for _ in range(${RUNS}):
    t0 = time.perf_counter(); n = run(); ts.append(time.perf_counter() - t0)
print(statistics.median(ts), n)
`;
  const p = spawnSync("python3", ["-c", script], { input: text, encoding: "utf8", maxBuffer: 1 << 26 });
  if (p.status === 0) {
    const [secs, n] = p.stdout.trim().split(/\s+/).map(Number);
    results.push({ tool: "textacy (spaCy en_core_web_sm)", seconds: secs, mbps: bytes / MB / secs, found: `${n} quotes` });
  } else {
    results.push({ tool: "textacy", skipped: `failed: ${p.stderr.trim().split("\n").pop()}` });
  }
} else {
  results.push({ tool: "textacy", skipped: "not installed (pip install textacy + a spaCy model to include it)" });
}

// ---- report
const base = comp.mbps;
console.log(`\nwhosaid peers: ${(bytes / 1000).toFixed(1)} KB of news (benches/data, ${COPIES} cop${COPIES === 1 ? "y" : "ies"}), median of ${RUNS} runs after ≥ ${WARMUP} s of warm-up`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
console.log("| tool | MB/s | × compromise | found |");
console.log("|---|---:|---:|---|");
for (const r of results) {
  if (r.skipped) {
    console.log(`| ${r.tool} | — | — | skipped: ${r.skipped} |`);
  } else {
    console.log(`| ${r.tool} | ${r.mbps.toFixed(3)} | ${(r.mbps / base).toFixed(1)}× | ${r.found} |`);
  }
}
