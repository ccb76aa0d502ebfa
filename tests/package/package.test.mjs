// The npm package as a user gets it: `make package` leaves whosaid-<version>.tgz
// at the repository root; this suite installs that tarball into a fresh project
// in a temporary folder (offline, from the file) and uses it there: ESM import,
// require(), the package README's example, TypeScript --strict against real
// results, the browser entry's init contract, and publint on the tarball.
// Run: make test-package (builds the tarball first).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { root, version, tarball, bin, run as runIn, installConsumer, removeConsumer } from "./consumer.mjs";

let project;

const run = (cmd, args, options) => runIn(project, cmd, args, options);

function node(file, source) {
  writeFileSync(join(project, file), source);
  return run(process.execPath, [file], { timeout: 60_000 });
}

before(() => {
  project = installConsumer();
});

after(() => removeConsumer(project));

test("the installed package holds exactly one .wasm and its declared files", () => {
  const dir = join(project, "node_modules/whosaid");
  const files = readdirSync(dir).sort();
  assert.deepEqual(files.filter((f) => f.endsWith(".wasm")), ["whosaid_bg.wasm"]);
  for (const f of ["index.js", "node.js", "worker.js", "worker-node.js", "whosaid.d.ts", "README.md", "LICENSE", "package.json"]) {
    assert.ok(files.includes(f), `${f} missing from ${files}`);
  }
  // wasm-bindgen's own loose .d.ts files are not shipped: whosaid.d.ts is the API.
  assert.ok(!files.includes("whosaid_bg.wasm.d.ts"));
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  assert.equal(pkg.version, version);
  assert.equal(Object.keys(pkg.exports["."])[0], "types");
});

test("ESM import: annotate gives UTF-16 offsets that JavaScript's slice understands", () => {
  const out = node(
    "esm.mjs",
    `import { init, annotate, annotateMarkdown, version } from "whosaid";
     await init();
     const text = "😀🇪🇺 Ségolène Royal said: “On ne lâche rien.” “Jamais,” she added.";
     const a = annotate(text);
     const md = "# 😀 Titre\\n\\n**Zoë** said: “Très *bien*.”\\n";
     const m = annotateMarkdown(md);
     console.log(JSON.stringify({
       version: version(),
       quotes: a.quotes.map((q) => text.slice(q.start, q.end)),
       starts: a.quotes.map((q) => q.start),
       speakers: a.speakers.map((s) => s.name),
       cue: a.quotes[0].cue && text.slice(a.quotes[0].cue.start, a.quotes[0].cue.end),
       same: JSON.stringify(annotate(text)) === JSON.stringify(a),
       md: m.quotes.map((q) => md.slice(q.start, q.end)),
     }));`,
  );
  const r = JSON.parse(out);
  assert.equal(r.version, version);
  assert.equal(r.quotes[0], "On ne lâche rien.");
  // 😀 and 🇪🇺 are 2 + 4 UTF-16 units: the quote starts after "…said: “" in UTF-16.
  const text = "😀🇪🇺 Ségolène Royal said: “On ne lâche rien.”";
  assert.equal(r.starts[0], text.indexOf("“") + 1);
  assert.ok(r.speakers.includes("Ségolène Royal"), JSON.stringify(r.speakers));
  assert.equal(r.cue, "said");
  assert.equal(r.same, true, "the same input must give the same output");
  assert.deepEqual(r.md, ["Très *bien*."]);
});

test("require('whosaid') works from CommonJS (Node 20.19+ loads ES modules with require)", () => {
  const out = node(
    "cjs.cjs",
    `const { annotate, version } = require("whosaid");
     const text = "🎉 “Ready,” said Jo Park.";
     const q = annotate(text).quotes[0];
     console.log(version() + "|" + text.slice(q.start, q.end));`,
  );
  assert.equal(out.trim(), `${version}|Ready,`);
});

test("options: an unknown key is an Error naming it; a known one changes the result", () => {
  const out = node(
    "options.mjs",
    `import { annotate } from "whosaid";
     let message = "no error";
     try { annotate("“Hi,” she said.", { colour: "red" }); } catch (e) { message = (e instanceof Error) + ":" + e.message; }
     const text = "The minister said the plan would fail.";
     // A given name the built-in list lacks: "she" resolves to the nearest
     // name of unknown gender, unless the user says Chidi is a man.
     const names = "Jane Lee met Chidi Obi. “It went well,” she said.";
     const speaker = (a) => a.speakers[a.quotes[0].speaker].name;
     let badType = "no error";
     try { annotate(names, { extraMaleNames: "Chidi" }); } catch (e) { badType = e.message; }
     console.log(JSON.stringify({
       message,
       on: annotate(text).quotes.length,
       off: annotate(text, { indirect: false }).quotes.length,
       plain: speaker(annotate(names)),
       male: speaker(annotate(names, { extraMaleNames: ["Chidi"] })),
       badType,
     }));`,
  );
  const r = JSON.parse(out);
  assert.match(r.message, /^true:.*colour/);
  assert.ok(r.on > 0);
  assert.equal(r.off, 0);
  assert.equal(r.plain, "Chidi Obi");
  assert.equal(r.male, "Jane Lee");
  assert.match(r.badType, /extraMaleNames/);
});

test("browser entry: annotate before init throws a clear Error, then works after init", () => {
  // The "default" export condition, loaded directly: it is what browsers and
  // bundlers get. Node cannot fetch file: URLs, so init gets the bytes.
  const out = node(
    "browser-entry.mjs",
    `import { readFileSync } from "node:fs";
     const entry = "./node_modules/whosaid/index.js";
     const { init, annotate } = await import(entry);
     let before = "no error";
     try { annotate("“Hi,” she said."); } catch (e) { before = (e instanceof Error) + ":" + e.message; }
     const bytes = readFileSync("./node_modules/whosaid/whosaid_bg.wasm");
     const p1 = init({ module_or_path: bytes });
     const p2 = init();
     await p1; await p2;
     const text = "é “Oui,” said Léa.";
     const q = annotate(text).quotes[0];
     console.log(JSON.stringify({ before, same: p1 === p2, after: text.slice(q.start, q.end) }));`,
  );
  const r = JSON.parse(out);
  assert.match(r.before, /^true:.*init\(\)/);
  assert.equal(r.same, true, "init() twice returns the first promise");
  assert.equal(r.after, "Oui,");
});

test("Node WorkerAnnotator: same results off the main thread, real Errors, no hang on exit", () => {
  const out = node(
    "worker.mjs",
    `import { WorkerAnnotator, annotate } from "whosaid";
     const w = new WorkerAnnotator();
     const text = "🎉 “Ready,” said Jo Park. The minister said the plan would fail.";
     const [a, m] = await Promise.all([w.annotate(text), w.annotateMarkdown("**Jo** said: “Go.”")]);
     let error = "no error";
     try { await w.annotate("x", { indirect: 3 }); } catch (e) { error = (e instanceof Error) + ":" + e.message; }
     console.log(JSON.stringify({ same: JSON.stringify(a) === JSON.stringify(annotate(text)), n: a.quotes.length, md: m.quotes.length, error }));
     // no terminate(): an idle worker must not keep the process alive`,
  );
  const r = JSON.parse(out);
  assert.equal(r.same, true);
  assert.ok(r.n >= 1);
  assert.equal(r.md, 1);
  assert.match(r.error, /^true:whosaid: .*option/, "a bad option rejects with a real Error");
});

test("the README's example runs and prints what it says", () => {
  const readme = readFileSync(join(project, "node_modules/whosaid/README.md"), "utf8");
  const code = readme.match(/```js\n([\s\S]*?)```/)?.[1];
  assert.ok(code, "README has a ```js example");
  const expected = [...code.matchAll(/^\/\/ (.*)$/gm)].map((m) => m[1]);
  assert.ok(expected.length > 0, "the example says what it prints");
  const lines = node("readme.mjs", code).trim().split("\n");
  assert.equal(lines.length, expected.length, lines.join("\n"));
  expected.forEach((want, i) => {
    // "…" in the README stands for the rule name, which may change.
    const [head] = want.split("…");
    assert.ok(lines[i].startsWith(head), `line ${i}: ${lines[i]} does not start with ${head}`);
  });
});

test("the repository README's JavaScript example runs and prints what it says", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const code = readme.match(/```js\n([\s\S]*?)```/)?.[1];
  assert.ok(code, "README.md has a ```js example");
  const expected = [...code.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((m) => m[1]);
  assert.ok(expected.length > 0, "the example says what it prints");
  const lines = node("root-readme.mjs", code).trim().split("\n");
  assert.deepEqual(lines, expected);
});

function tsc(name, compilerOptions, source) {
  writeFileSync(join(project, `${name}.ts`), source);
  writeFileSync(
    join(project, `tsconfig.${name}.json`),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        target: "es2022",
        lib: ["es2022"],
        types: [],
        ...compilerOptions,
      },
      files: [`${name}.ts`],
    }),
  );
  return spawnSync(bin("tsc"), ["-p", `tsconfig.${name}.json`], { cwd: project, encoding: "utf8" });
}

const typedUse = `
import { init, annotate, annotateMarkdown, version } from "whosaid";
import type { Annotations, Quote, QuoteKind, Speaker, SpeakerKind, Source, SourceKind, Span, AnnotateOptions } from "whosaid";

function kindLabel(k: QuoteKind): string {
  switch (k) {
    case "direct": return "D";
    case "indirect": return "I";
    case "mixed": return "M";
    case "mention": return "-";
    default: { const never: never = k; return never; }
  }
}
function speakerKind(k: SpeakerKind): number { return k.length; }
function sourceKind(k: SourceKind): number { return k.length; }

export async function main(text: string): Promise<string[]> {
  await init();
  const opts: AnnotateOptions = { includeMentions: true, indirect: false, extraCues: ["quipped"], extraOutlets: ["Nets Daily"], extraFemaleNames: ["Ngozi"], extraMaleNames: ["Chidi"] };
  const a: Annotations = annotate(text, opts);
  const b: Annotations = annotateMarkdown("**x**");
  const q: Quote | undefined = a.quotes[0];
  const who: Speaker | null = q && q.speaker !== null ? a.speakers[q.speaker] : null;
  const cue: Span | null = q ? q.cue : null;
  const src: Source | undefined = a.sources[0];
  const role: string | null = who ? who.role : null;
  const n: number = (q?.antecedent?.start ?? 0) + (q?.continues ?? 0) + (q?.confidence ?? 0);
  // @ts-expect-error kinds are a closed union
  const bad: QuoteKind = "quote";
  // @ts-expect-error options are checked
  annotate(text, { colour: "red" });
  // @ts-expect-error text must be a string
  annotate(42);
  return [version(), kindLabel(q?.kind ?? "direct"), String(cue?.end), String(speakerKind(who?.kind ?? "unknown")),
          String(sourceKind(src?.kind ?? "other")), String(role), String(n), String(b.quotes.length), bad];
}
`;

test("TypeScript --strict, module nodenext: the declarations type real use", () => {
  const r = tsc("nodenext", { module: "nodenext", moduleResolution: "nodenext" }, typedUse);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test("TypeScript --strict, moduleResolution bundler: the declarations type real use", () => {
  const r = tsc("bundler", { module: "esnext", moduleResolution: "bundler" }, typedUse);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test("TypeScript --strict accepts real results as Annotations, and rejects a wrong field", () => {
  // Real output, including pronoun mentions and an interrupted quote, written as
  // object literals typed Annotations: a field the .d.ts lacks is an excess
  // property error, a missing or mistyped one is a type error.
  const out = node(
    "real.mjs",
    `import { annotate } from "whosaid";
     const texts = [
       "“We will win,” she said, “and soon.” Ren Zhengfei, Huawei's CEO, told the BBC that the ban was wrong. He said: “We are ready.”",
       "According to a Reuters report, officials said the talks had failed. The so-called “peace plan” was dead, said John Smith.",
       "“Fine,” he said.",
     ];
     console.log(JSON.stringify(texts.map((t) => annotate(t, { includeMentions: true }))));`,
  );
  const results = JSON.parse(out);
  assert.ok(results.some((r) => r.quotes.length > 0), "real results have quotes");
  const good = tsc(
    "real",
    { module: "nodenext", moduleResolution: "nodenext" },
    `import type { Annotations } from "whosaid";\nexport const real: Annotations[] = ${JSON.stringify(results, null, 1)};\n`,
  );
  assert.equal(good.status, 0, good.stdout + good.stderr);
  const broken = structuredClone(results);
  broken[0].quotes[0].kind = "said";
  const bad = tsc(
    "broken",
    { module: "nodenext", moduleResolution: "nodenext" },
    `import type { Annotations } from "whosaid";\nexport const real: Annotations[] = ${JSON.stringify(broken)};\n`,
  );
  assert.notEqual(bad.status, 0, "tsc must reject a kind outside the union");
  assert.match(bad.stdout + bad.stderr, /"said"/);
});

test("publint finds nothing to report in the tarball", () => {
  const r = spawnSync(bin("publint"), ["run", tarball, "--strict", "--level", "suggestion"], {
    cwd: root,
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /All good/);
});

test("the tarball's version matches the crate's", () => {
  const cargo = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)?.[1];
  assert.equal(version, cargo);
  const listing = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" });
  assert.match(listing, /package\/whosaid_bg\.wasm/);
});
