/**
 * Which files make up a working copy, and from where. The source root is copied whole (so a
 * module's `../` paths keep working) and the unit's own files are laid over its run directory,
 * a unit file winning over a source file of the same path.
 *
 * Rules, as terragrunt has them:
 * - hidden files and directories (a name starting with `.`) are left out, except
 *   `.terraform.lock.hcl` unless `copy_terraform_lock_file = false`;
 * - `include_in_copy` globs bring hidden paths back, `exclude_from_copy` globs leave paths out,
 *   and exclude wins. Globs name paths in the directory terraform runs in, so they apply to the
 *   unit's files and to the source's files under its `//subdir`; a glob that names a directory
 *   covers everything in it;
 * - never copied, whatever the globs say: the unit's config file, `.git`, `.terragrunt-cache`,
 *   the download dir, and terraform's own files (`.terraform/`, state files), so that a stray
 *   state file can never replace the working copy's, nor the state of a local backend kept in
 *   the unit's directory count as a change of the unit.
 */
import { basename, join, relative, sep } from "node:path";

import { globMatcher } from "../../config/functions/builtins/glob.js";
import { isInside } from "./is-inside.js";
import { treeFiles } from "./tree-files.js";

/** One file of the working copy: its path in the copy and the file it is copied from. */
export interface CopyEntry {
  /** Slash-separated, relative to the copy's root. */
  to: string;
  from: string;
}

export interface CopyPlanOptions {
  /** The downloaded or local source, copied whole. */
  sourceRoot: string;
  /** The `//subdir` of the source where terraform runs; "" for its root. */
  subdir: string;
  unitDir: string;
  /** The unit's config file, never copied. */
  configFile: string;
  /** Directories never copied (the download dir, when it lies inside the unit or the source). */
  skipDirs: readonly string[];
  includeInCopy: readonly string[];
  excludeFromCopy: readonly string[];
  copyLockFile: boolean;
}

type Matcher = (path: string) => boolean;

interface Rules {
  include: Matcher[];
  exclude: Matcher[];
  copyLockFile: boolean;
  skipDirs: readonly string[];
}

const LOCK_FILE = ".terraform.lock.hcl";
const NEVER = new Set([".git", ".terragrunt-cache", ".terraform", "terraform.tfstate.d"]);

/** The files of the working copy, sorted by their path in it. */
export function planCopy(options: CopyPlanOptions): CopyEntry[] {
  const rules: Rules = {
    include: options.includeInCopy.map(matcher),
    exclude: options.excludeFromCopy.map(matcher),
    copyLockFile: options.copyLockFile,
    skipDirs: options.skipDirs,
  };
  const prefix = options.subdir === "" ? "" : `${options.subdir}/`;
  const entries = new Map<string, string>();

  const inRunDir = (path: string) => (path.startsWith(prefix) ? path.slice(prefix.length) : undefined);
  for (const [path, from] of treeEntries(options.sourceRoot, prefix, rules, inRunDir)) entries.set(path, from);

  const configFile = relative(options.unitDir, options.configFile).split(sep).join("/");
  const unitPath = (path: string) => (path === configFile ? false : path);
  for (const [path, from] of treeEntries(options.unitDir, "", rules, unitPath)) {
    entries.set(`${prefix}${path}`, from);
  }

  return [...entries].sort(([a], [b]) => (a < b ? -1 : 1)).map(([to, from]) => ({ to, from }));
}

/**
 * True for state files: `terraform.tfstate` and its backups, and any `*.tfstate` a local
 * backend was pointed at (often in the unit's own directory, which is copied).
 */
export function isTerraformState(name: string): boolean {
  return name.startsWith("terraform.tfstate") || /\.tfstate(\.backup)?$/.test(name);
}

/**
 * The files of one tree that the rules let through, by path in the tree. `runDir` is the run
 * directory's path in the tree with a trailing slash ("" for the root): the directories it
 * names are walked even if hidden, since the user named them. `runPath` gives a file's path in
 * the run directory (which globs and the hidden rule see), undefined for a file outside it, or
 * false for a file never to copy.
 */
function treeEntries(
  root: string,
  runDir: string,
  rules: Rules,
  runPath: (path: string) => string | undefined | false,
): [string, string][] {
  const skipped = rules.skipDirs
    .filter((dir) => isInside(root, dir))
    .map((dir) => relative(root, dir).split(sep).join("/"));
  const enter = (path: string): boolean => {
    const name = basename(path);
    if (NEVER.has(name) || skipped.includes(path)) return false;
    // A hidden directory is walked only when a glob could bring back something inside it.
    return !name.startsWith(".") || rules.include.length > 0 || runDir.startsWith(`${path}/`);
  };

  const result: [string, string][] = [];
  for (const path of treeFiles(root, enter)) {
    const inRunDir = runPath(path);
    if (inRunDir === false || isTerraformState(basename(path))) continue;
    if (inRunDir !== undefined && covers(rules.exclude, inRunDir)) continue;
    const included = inRunDir !== undefined && covers(rules.include, inRunDir);
    if (isHidden(inRunDir ?? path, rules.copyLockFile) && !included) continue;
    result.push([path, join(root, path)]);
  }
  return result;
}

function isHidden(path: string, copyLockFile: boolean): boolean {
  const parts = path.split("/");
  if (copyLockFile && parts[parts.length - 1] === LOCK_FILE) parts.pop();
  return parts.some((part) => part.startsWith("."));
}

function matcher(glob: string): Matcher {
  return globMatcher(glob.replace(/\/+$/, ""));
}

/** True when a glob matches the path or one of the directories it lies in. */
function covers(globs: Matcher[], path: string): boolean {
  const parts = path.split("/");
  for (let end = parts.length; end > 0 && globs.length > 0; end -= 1) {
    const candidate = parts.slice(0, end).join("/");
    if (globs.some((matches) => matches(candidate))) return true;
  }
  return false;
}
