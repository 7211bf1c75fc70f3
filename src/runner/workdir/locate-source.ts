/**
 * From a unit's `terraform.source` (after `--source` and `--source-map`) to a directory on
 * disk that holds the source's root: a local directory as it is, a git repository fetched
 * through the run's source cache. Each way a source can be missing is an error at the line
 * that set it, naming the address with any credentials masked.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";

import { TerraceError, type SourceLocation } from "../../errors.js";
import { GitFetchFailure } from "./git-clone.js";
import type { SourceCache } from "./source-cache.js";
import { quote, type GitSource, type SourceAddress } from "./source-address.js";

/** What a source is looked up with. */
export interface SourceLookup {
  /** The address in effect. */
  text: string;
  /** The address as the unit wrote it, before `--source` or `--source-map`. */
  written: string;
  unitDir: string;
  location: SourceLocation | undefined;
  sources: SourceCache;
}

const FETCH_HINT = "check the URL and that the ref is a tag, branch or commit of the repository "
  + "(git ls-remote <url> lists them); a private repository needs credentials git can use without a prompt";

/** The source's root on disk; throws a TerraceError when it is missing or cannot be fetched. */
export async function locateSource(address: SourceAddress, lookup: SourceLookup): Promise<string> {
  const named = lookup.text === lookup.written
    ? quote(lookup.text)
    : `${quote(lookup.written)} (${quote(lookup.text)} after --source/--source-map)`;
  const fail = (message: string, hint: string) => new TerraceError(
    "FILE_NOT_FOUND", `terraform.source: ${named} ${message}`, { location: lookup.location, hint },
  );

  const root = address.kind === "local" ? address.dir : await fetchGit(address, lookup, fail);
  if (address.kind === "local" && !isDirectory(root)) {
    throw fail(`names no directory (${root})`,
      `a relative source is taken from the unit's directory, ${lookup.unitDir}; check the path`);
  }
  if (!isDirectory(join(root, address.subdir))) {
    const atRef = address.kind === "git" ? " and that it exists at that ref" : "";
    throw fail(`has no directory ${address.subdir}`,
      `the part after // names a directory inside the source; check its spelling${atRef}`);
  }
  return root;
}

async function fetchGit(
  address: GitSource,
  lookup: SourceLookup,
  fail: (message: string, hint: string) => TerraceError,
): Promise<string> {
  try {
    return await lookup.sources.fetch(address);
  } catch (error) {
    if (!(error instanceof GitFetchFailure)) throw error;
    throw fail(`cannot be fetched: ${error.reason}`, FETCH_HINT);
  }
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
