/**
 * Vitest global setup: compiles terrace to dist/ once per test run, so that CLI tests can start
 * `node bin/terrace.js` as a real process (signals, exit codes, stdin), and makes sure the fake
 * terraform is executable even where a checkout lost the file mode.
 *
 * The build is skipped when dist/ is newer than every source and build setting, so that running
 * one test file does not cost a full compile; a stamp written after each build marks that.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { repoRoot } from "../helpers/tree.js";

const STAMP = join(repoRoot, "dist", ".test-build-stamp");
const INPUTS = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json"];

export default function setup(): void {
  chmodSync(join(repoRoot, "test", "fixtures", "bin", "terraform"), 0o755);
  if (upToDate()) return;
  try {
    execFileSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "pipe" });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    throw new Error(`npm run build failed; CLI tests need dist/:\n${output}`);
  }
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

/** True when the last build stamp is newer than every file the build reads. */
function upToDate(): boolean {
  if (!existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  const sources = readdirSync(join(repoRoot, "src"), { recursive: true, encoding: "utf8" })
    .map((path) => join(repoRoot, "src", path));
  const inputs = [...sources, ...INPUTS.map((name) => join(repoRoot, name))].filter(existsSync);
  return inputs.every((path) => statSync(path).mtimeMs < built);
}
