/**
 * Resolution speed against parsing alone, as a ratio within one run.
 *
 * Generates a repository of 1,000 units (or `--units N`), then times (a) hcl2json parsing
 * every file once and (b) resolving every unit with terrace, which includes its own parsing
 * of every file once. The ratio b/a is what the issue bounds: under 2.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

import { parse } from "@cdktf/hcl2json";

import { ConfigResolver } from "../dist/config/index.js";
import { generateRepository } from "./generate.mjs";

const countFlag = process.argv.indexOf("--units");
const count = countFlag > 0 ? Number(process.argv[countFlag + 1]) : 1000;
const root = mkdtempSync(join(tmpdir(), "terrace-bench-"));

try {
  const { units, files } = generateRepository(root, count);
  await parse("warmup.hcl", "a = 1\n");

  const parseStart = performance.now();
  for (const file of files) await parse(file, readFileSync(file, "utf8"));
  const parseMs = performance.now() - parseStart;

  const resolver = new ConfigResolver({ env: {} });
  const resolveStart = performance.now();
  for (const unit of units) await resolver.resolve(unit);
  const resolveMs = performance.now() - resolveStart;

  const ratio = resolveMs / parseMs;
  console.log(`units                    ${units.length}`);
  console.log(`files                    ${files.length}`);
  console.log(`files parsed by resolver ${resolver.context.files.parseCount}`);
  console.log(`parse every file once    ${parseMs.toFixed(0)} ms`);
  console.log(`resolve every unit       ${resolveMs.toFixed(0)} ms`);
  console.log(`ratio resolve/parse      ${ratio.toFixed(2)} (bound: 2)`);
  process.exitCode = ratio < 2 ? 0 : 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
