/**
 * Vitest global setup: compiles terrace to dist/ once per test run, so that CLI tests can start
 * `node bin/terrace.js` as a real process (signals, exit codes, stdin), and makes sure the fake
 * terraform is executable even where a checkout lost the file mode.
 */
import { execFileSync } from "node:child_process";
import { chmodSync } from "node:fs";
import { join } from "node:path";

import { repoRoot } from "../helpers/tree.js";

export default function setup(): void {
  chmodSync(join(repoRoot, "test", "fixtures", "bin", "terraform"), 0o755);
  try {
    execFileSync("npm", ["run", "build"], { cwd: repoRoot, stdio: "pipe" });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    throw new Error(`npm run build failed; CLI tests need dist/:\n${output}`);
  }
}
