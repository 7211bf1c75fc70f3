/**
 * A unit's working copy under the download dir: built from a copy plan, stamped with a
 * version, and rebuilt only when the version changes.
 *
 * The version is a digest of everything the copy is made of: the source address, each
 * file's path, executable bit and content, and the generated files. It is written to
 * `.terrace-source-version` in the copy's root as the last step of a build, so that a build
 * that failed half way is never taken for a finished one.
 *
 * A rebuild first removes the previous copy's files but keeps terraform's own, wherever they
 * are: `.terraform/` (providers, modules, the backend's settings), state files
 * (`*.tfstate`, `terraform.tfstate*`, `terraform.tfstate.d/`) and `.terraform.lock.hcl` (replaced
 * if the new copy brings one). A source that changed therefore never costs the unit its local
 * state.
 */
import { createHash } from "node:crypto";
import {
  copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";

import { isTerraformState, type CopyEntry } from "./copy-plan.js";
import type { GeneratedFile } from "./generated-files.js";

/** The marker file in a working copy's root that holds its version. */
export const VERSION_FILE = ".terrace-source-version";

const KEPT = new Set([".terraform", "terraform.tfstate.d", ".terraform.lock.hcl"]);

/** What a working copy is made of, for its version. */
export interface CopyContents {
  /** The source address the copy was made from (ref included). */
  source: string;
  entries: readonly CopyEntry[];
  generated: readonly GeneratedFile[];
  /** The sha256 of a file's content. */
  digest(path: string): string;
}

/** The version of a working copy made of `contents`. */
export function copyVersion(contents: CopyContents): string {
  const hash = createHash("sha256").update(`source ${contents.source}\n`);
  for (const entry of contents.entries) {
    const executable = (statSync(entry.from).mode & 0o111) !== 0 ? "x" : "-";
    hash.update(`file ${entry.to} ${executable} ${contents.digest(entry.from)}\n`);
  }
  for (const file of contents.generated) {
    const text = file.contents === undefined ? `disabled ${file.ifDisabled}` : sha256(file.contents);
    hash.update(`generate ${file.path} ${file.ifExists} ${text}\n`);
  }
  return hash.digest("hex");
}

/** The version the copy at `root` was last built with, if a build finished there. */
export function builtVersion(root: string): string | undefined {
  try {
    return readFileSync(join(root, VERSION_FILE), "utf8").trim();
  } catch {
    return undefined;
  }
}

/** Stamps the copy at `root` as finished at `version`. */
export function stampVersion(root: string, version: string): void {
  writeFileSync(join(root, VERSION_FILE), `${version}\n`);
}

/** Replaces the files of the copy at `root` by `entries`, keeping terraform's own files. */
export function rebuildCopy(root: string, entries: readonly CopyEntry[]): void {
  mkdirSync(root, { recursive: true });
  removeAllButTerraform(root);
  for (const entry of entries) {
    const target = join(root, entry.to);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(entry.from, target);
  }
}

/** Removes everything under `dir` but terraform's files; true when `dir` ended up empty. */
function removeAllButTerraform(dir: string): boolean {
  let empty = true;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (KEPT.has(name) || isTerraformState(name)) {
      empty = false;
    } else if (lstatSync(path).isDirectory()) {
      if (removeAllButTerraform(path)) rmdirSync(path);
      else empty = false;
    } else {
      rmSync(path, { force: true });
    }
  }
  return empty;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
