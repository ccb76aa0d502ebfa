#!/usr/bin/env node
// Reads criterion's saved estimates from `cargo bench --bench pipeline` and prints
// the ratios issue 7 and issue 3 set targets for:
//   time(8 MB) / time(1 MB)   target ≤ 9      (issue 7)
//   time(10 MB) / time(1 MB)  target ≤ 11     (issue 3)
//   time(hostile 1 MB) / time(news 1 MB)  target ≤ 2 for each hostile input
// plus MB/s of every benchmark. Uses the median estimate of each benchmark.
//
//   node scripts/bench-ratios.mjs [target/criterion]

import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? "target/criterion";
if (!existsSync(dir)) {
  console.error(`${dir} missing: run \`make bench-criterion\` first`);
  process.exit(2);
}

/** Median time in seconds and bytes per iteration of group/bench, or null. */
function estimate(group, bench) {
  const base = path.join(dir, group, bench, "new");
  try {
    const est = JSON.parse(readFileSync(path.join(base, "estimates.json"), "utf8"));
    const b = JSON.parse(readFileSync(path.join(base, "benchmark.json"), "utf8"));
    return { seconds: est.median.point_estimate / 1e9, bytes: b.throughput?.Bytes ?? null };
  } catch {
    return null;
  }
}

const rows = [];
for (const group of readdirSync(dir).sort()) {
  if (group === "report") continue;
  for (const bench of readdirSync(path.join(dir, group)).sort()) {
    const e = estimate(group, bench);
    if (e) rows.push({ name: `${group}/${bench}`, ...e });
  }
}
console.log("| benchmark | median | MB/s |");
console.log("|---|---:|---:|");
for (const r of rows) {
  const t = r.seconds < 1e-3 ? `${(r.seconds * 1e6).toFixed(1)} µs` : `${(r.seconds * 1e3).toFixed(2)} ms`;
  console.log(`| ${r.name} | ${t} | ${r.bytes ? (r.bytes / 1e6 / r.seconds).toFixed(2) : "—"} |`);
}

const verdicts = [];
function ratio(label, a, b, limit) {
  if (!a || !b) {
    verdicts.push(`${label}: not measured`);
    return;
  }
  const r = a.seconds / b.seconds;
  verdicts.push(`${label}: ${r.toFixed(2)} (target ≤ ${limit}: ${r <= limit ? "met" : "NOT met"})`);
}
const oneMb = estimate("scaling", "1MB");
ratio("time(8 MB) / time(1 MB)", estimate("scaling", "8MB"), oneMb, 9);
ratio("time(10 MB) / time(1 MB)", estimate("scaling", "10MB"), oneMb, 11);
const news = estimate("hostile", "news-1MB");
for (const r of rows.filter((r) => r.name.startsWith("hostile/") && r.name.endsWith("-1MB") && r.name !== "hostile/news-1MB")) {
  // Compare per byte: the hostile inputs are close to, not exactly, 1 MB.
  const perByte = news && { seconds: (r.seconds / r.bytes) * news.bytes };
  ratio(`${r.name.slice(8)} / news-1MB (per byte)`, perByte, news, 2);
}
console.log("\n" + verdicts.join("\n"));
