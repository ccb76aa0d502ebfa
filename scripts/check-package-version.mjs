// Fails when the npm package's version differs from the crate's, so the
// tarball name, `version()` and package.json always agree.
// Usage: node scripts/check-package-version.mjs path/to/package.json CARGO_VERSION
import { readFileSync } from "node:fs";

const [file, expected] = process.argv.slice(2);
const pkg = JSON.parse(readFileSync(file, "utf8"));
if (pkg.version !== expected) {
  console.error(`${file}: version ${pkg.version} differs from Cargo.toml's ${expected}`);
  process.exit(1);
}
