/**
 * The run's cache of parsed HCL files: each file is read and parsed once per run, however many
 * units include or read it.
 *
 * Parsing is asynchronous (hcl2json runs in WebAssembly) while evaluation is synchronous, and
 * which files a unit needs is only known while evaluating it (`read_terragrunt_config(
 * find_in_parent_folders("env.hcl"))`). So evaluation asks for files with `get`; a file not
 * loaded yet throws `Pending`, the resolver loads it and evaluates the unit again. Once the
 * shared parent files are loaded, later units never restart. Dependency outputs, fetched by
 * running terraform, arrive the same way.
 */
import { existsSync, readFileSync } from "node:fs";

import { TerraceError } from "../errors.js";
import { parseHcl } from "./hcl/index.js";
import type { HclFile } from "./hcl/model.js";

/**
 * Thrown by synchronous evaluation for something that must be fetched first (a file not yet
 * parsed, a dependency's outputs); `settle` fetches it. Deliberately not an `Error`, so that
 * `try()`, `can()` and error wrapping pass it through untouched.
 */
export class Pending {
  constructor(readonly settle: () => Promise<void>) {}
}

/** Parsed files by absolute path, shared by every unit of a run. */
export class FileCache {
  private readonly files = new Map<string, HclFile | TerraceError>();
  private readonly loading = new Map<string, Promise<void>>();
  private parses = 0;

  /** The parsed file; throws `Pending` when it must be loaded first. */
  get(path: string): HclFile {
    const entry = this.files.get(path);
    if (entry === undefined) throw new Pending(() => this.load(path));
    if (entry instanceof TerraceError) throw entry;
    return entry;
  }

  /** True when a file exists on disk at `path` (parsed or not). */
  exists(path: string): boolean {
    return this.files.has(path) || existsSync(path);
  }

  /**
   * Reads and parses `path` once, however many units ask for it at the same time; a syntax
   * error is kept and thrown on every `get`.
   */
  load(path: string): Promise<void> {
    if (this.files.has(path)) return Promise.resolve();
    let loading = this.loading.get(path);
    if (loading === undefined) {
      loading = this.read(path).finally(() => this.loading.delete(path));
      this.loading.set(path, loading);
    }
    return loading;
  }

  private async read(path: string): Promise<void> {
    let text: string;
    try {
      // Synchronous: config files are small, and a thread-pool round trip costs more than the read.
      text = readFileSync(path, "utf8");
    } catch (error) {
      this.files.set(path, missingFile(path, error));
      return;
    }
    this.parses += 1;
    try {
      this.files.set(path, await parseHcl(path, text));
    } catch (error) {
      if (!(error instanceof TerraceError)) throw error;
      this.files.set(path, error);
    }
  }

  /** How many files were parsed so far: the benchmark and tests check "once per file". */
  get parseCount(): number {
    return this.parses;
  }
}

function missingFile(path: string, cause: unknown): TerraceError {
  const code = (cause as NodeJS.ErrnoException).code;
  const reason = code === "ENOENT" ? "no such file" : `cannot read it (${String(code)})`;
  return new TerraceError("FILE_NOT_FOUND", `${path}: ${reason}`, {
    hint: "check the path; relative paths are taken from the directory of the file that names them",
  });
}

/** Runs `work` until it stops asking for things, fetching each thing it asks for. */
export async function settle<T>(work: () => T): Promise<T> {
  for (;;) {
    try {
      return work();
    } catch (error) {
      if (!(error instanceof Pending)) throw error;
      await error.settle();
    }
  }
}
