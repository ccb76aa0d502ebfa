// Shared by the package suites: the tarball `make package` left at the
// repository root, installed into a fresh project in a temporary folder.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const { version } = JSON.parse(readFileSync(join(root, "www/npm/package.json"), "utf8"));
export const tarball = join(root, `whosaid-${version}.tgz`);
export const bin = (name) => join(root, "node_modules/.bin", name);

/** Runs a command in `cwd`, failing the test with its output when it fails. */
export function run(cwd, cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", ...options });
  if (r.status !== 0) {
    assert.fail(`${cmd} ${args.join(" ")} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/** A new project with the tarball installed offline from the file. */
export function installConsumer() {
  assert.ok(existsSync(tarball), `${tarball} is missing: run \`make package\` first`);
  const project = mkdtempSync(join(tmpdir(), "whosaid-consumer-"));
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, version: "1.0.0", type: "module" }),
  );
  run(project, "npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", tarball]);
  return project;
}

export function removeConsumer(project) {
  if (project && !process.env.KEEP_CONSUMER) rmSync(project, { recursive: true, force: true });
}
