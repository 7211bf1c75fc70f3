/**
 * Discovery: the units under a working directory. A unit is a directory holding the config
 * file (`terragrunt.hcl`, or its JSON form); the walk skips terraform's and terragrunt's own
 * directories, git's, and node_modules. Hidden directories are searched, as terragrunt does.
 */
import { dirname, join, resolve } from "node:path";

import fg from "fast-glob";

/** Directories never searched for units. */
export const SKIPPED_DIRS = [".git", ".terraform", ".terragrunt-cache", "node_modules"];

/** Absolute unit directories under `workingDir`, sorted. */
export async function discoverUnits(workingDir: string, configName: string): Promise<string[]> {
  const names = configName === "terragrunt.hcl" ? [configName, `${configName}.json`] : [configName];
  const files = await fg(names.map((name) => `**/${fg.escapePath(name)}`), {
    cwd: workingDir,
    dot: true,
    onlyFiles: true,
    ignore: SKIPPED_DIRS.map((dir) => `**/${dir}/**`),
  });
  const dirs = new Set(files.map((file) => join(workingDir, dirname(file))));
  return [...dirs].sort();
}

/** Absolute directories matching any of the globs, taken from `workingDir` unless absolute. */
export async function matchDirs(workingDir: string, globs: readonly string[]): Promise<Set<string>> {
  if (globs.length === 0) return new Set();
  const dirs = await fg(globs.map((glob) => glob.replace(/^\.\//, "").replace(/\/$/, "")), {
    cwd: workingDir,
    dot: true,
    onlyDirectories: true,
    ignore: SKIPPED_DIRS.map((dir) => `**/${dir}/**`),
  });
  // fast-glob returns absolute paths for absolute globs, relative ones otherwise.
  return new Set(dirs.map((dir) => resolve(workingDir, dir)));
}
