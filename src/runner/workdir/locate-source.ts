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
import { quote, type SourceAddress } from "./source-address.js";

/** Where a source was found: its root, and the directory terraform runs in. */
export interface LocatedSource {
  root: string;
  runDir: string;
}

/** What a source is looked up with: the address as written (for errors) and where it was set. */
export interface SourceLookup {
  text: string;
  /** How the user wrote it, when `--source` or `--source-map` changed it. */
  written: string;
  unitDir: string;
  location: SourceLocation | undefined;
  sources: SourceCache;
}

/** Finds or fetches `address`; throws a TerraceError when it is missing or cannot be fetched. */
export async function locateSource(address: SourceAddress, lookup: SourceLookup): Promise<LocatedSource> {
  const named = lookup.text === lookup.written
    ? quote(lookup.text)
    : `${quote(lookup.written)} (${quote(lookup.text)} after --source/--source-map)`;
  const root = address.kind === "local" ? address.dir : await fetchGit(address, named, lookup);

  if (address.kind === "local" && !isDirectory(root)) {
    throw new TerraceError("FILE_NOT_FOUND", `terraform.source: ${named} names no directory (${root})`, {
      location: lookup.location,
      hint: `a relative source is taken from the unit's directory, ${lookup.unitDir}; check the path`,
    });
  }
  const runDir = join(root, address.subdir);
  if (!isDirectory(runDir)) {
    throw new TerraceError("FILE_NOT_FOUND", `terraform.source: ${named} has no directory ${address.subdir}`, {
      location: lookup.location,
      hint: "the part after // names a directory inside the source; check its spelling"
        + (address.kind === "git" ? " and that it exists at that ref" : ""),
    });
  }
  return { root, runDir };
}

async function fetchGit(address: SourceAddress & { kind: "git" }, named: string, lookup: SourceLookup): Promise<string> {
  try {
    return await lookup.sources.fetch(address);
  } catch (error) {
    if (!(error instanceof GitFetchFailure)) throw error;
    throw new TerraceError("FILE_NOT_FOUND", `terraform.source: cannot fetch ${named}: ${error.reason}`, {
      location: lookup.location,
      hint: "check the URL and that the ref is a tag, branch or commit of the repository "
        + "(git ls-remote <url> lists them); a private repository needs credentials git can use without a prompt",
    });
  }
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
