// Counts predicted quotes whose speaker name reads like a phrase rather than
// a name: a capitalised word together with a lower-case word that is not a
// function word (`Trump issued a statement`, `Jane Lee laughed and`). The
// scorer's lenient speaker match accepts such names when they contain the
// gold speaker, so this is the figure that shows them. Many hits are honest
// descriptions (`the Clinton campaign`, `some Democrats`): compare counts
// between two builds, not against zero.
//
//   whosaid eval train.jsonl --pred-out P.jsonl
//   node scripts/phrase-names.mjs P.jsonl [TOP]

import { readFileSync } from "node:fs";

const [path, top = "0"] = process.argv.slice(2);
if (!path) {
  console.error("usage: node scripts/phrase-names.mjs PRED.jsonl [TOP]");
  process.exit(2);
}

const FUNCTION_WORDS = new Set(
  "of the for and de la van von der a an in on at to from".split(" "),
);
const isUpper = (w) => /^\p{Lu}/u.test(w);
const isLower = (w) => /^\p{Ll}/u.test(w);

const counts = new Map();
let total = 0;
for (const line of readFileSync(path, "utf8").split("\n")) {
  if (!line.trim()) continue;
  for (const q of JSON.parse(line).quotes ?? []) {
    const words = (q.speaker ?? "").split(/\s+/).filter(Boolean);
    const phrase =
      words.some(isUpper) &&
      words.some((w) => isLower(w) && !FUNCTION_WORDS.has(w.toLowerCase()));
    if (phrase) {
      total += 1;
      counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
    }
  }
}
console.log(`${total} quotes with a phrase-like speaker name (${counts.size} names)`);
[...counts.entries()]
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(top))
  .forEach(([name, n]) => console.log(`${n}\t${name}`));
