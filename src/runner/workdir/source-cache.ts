/**
 * The git repositories of one run. Each URL and ref is fetched once, into a directory of its
 * own under the cache's root, however many units ask for it: the first request starts the
 * clone and every later or concurrent request awaits the same promise, failures included, so
 * that a bad URL costs one attempt and gives each unit the same reason.
 *
 * Fetched trees do not change during the run, so the content digests the working copies are
 * compared by are computed once per fetched file as well.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { RunningProcess } from "../process.js";
import { cloneRepository, type CloneRequest } from "./git-clone.js";
import { isInside } from "./is-inside.js";

export interface SourceCacheOptions {
  /** Where fetched repositories go; default a new directory `terrace-sources-*` in the temp dir. */
  dir?: string;
  /** The git command; default `git` from PATH. */
  git?: string;
  /** Git's environment; default terrace's own. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** One per run: git fetches shared by all units. */
export class SourceCache {
  private readonly fetches = new Map<string, Promise<string>>();
  private readonly digests = new Map<string, string>();
  private readonly running = new Set<RunningProcess>();
  private root: string | undefined;
  private ownsRoot = false;

  constructor(private readonly options: SourceCacheOptions = {}) {}

  /**
   * The directory holding the repository at `request.ref`, cloned on the first request for
   * that URL and ref. Rejects with a GitFetchFailure that says why git failed.
   */
  fetch(request: CloneRequest): Promise<string> {
    const key = `${request.url}\n${request.ref ?? ""}`;
    let fetching = this.fetches.get(key);
    if (fetching === undefined) {
      const dir = join(this.rootDir(), createHash("sha256").update(key).digest("hex").slice(0, 16));
      fetching = cloneRepository(request, dir, {
        git: this.options.git ?? "git",
        env: definedOnly(this.options.env ?? process.env),
        track: (child, running) => {
          if (running) this.running.add(child);
          else this.running.delete(child);
        },
      }).then(() => dir);
      this.fetches.set(key, fetching);
    }
    return fetching;
  }

  /** The sha256 of a file's content, remembered for the files this cache fetched. */
  fileDigest(path: string): string {
    const remembered = this.digests.get(path);
    if (remembered !== undefined) return remembered;
    const digest = createHash("sha256").update(readFileSync(path)).digest("hex");
    if (this.root !== undefined && isInside(this.root, path)) this.digests.set(path, digest);
    return digest;
  }

  /** Stops fetches still running and deletes what this cache fetched. */
  async dispose(): Promise<void> {
    for (const child of this.running) child.kill();
    const outcomes = await Promise.allSettled(this.fetches.values());
    if (this.ownsRoot && this.root !== undefined) {
      rmSync(this.root, { recursive: true, force: true });
    } else {
      for (const outcome of outcomes) {
        if (outcome.status === "fulfilled") rmSync(outcome.value, { recursive: true, force: true });
      }
    }
    this.fetches.clear();
    this.digests.clear();
    this.root = undefined;
    this.ownsRoot = false;
  }

  private rootDir(): string {
    if (this.root === undefined) {
      if (this.options.dir === undefined) {
        this.root = mkdtempSync(join(tmpdir(), "terrace-sources-"));
        this.ownsRoot = true;
      } else {
        mkdirSync(this.options.dir, { recursive: true });
        this.root = this.options.dir;
      }
    }
    return this.root;
  }
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined) result[name] = value;
  return result;
}
