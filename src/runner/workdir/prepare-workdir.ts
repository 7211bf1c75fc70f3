/**
 * The directory a unit's terraform runs in, made ready: the entry point of this module.
 *
 * Without `terraform.source` terraform runs in the unit's own directory and only the generated
 * files are written there. With a source, the source (after `--source` / `--source-map`) is
 * found or fetched, and a working copy is laid out under the download dir in
 * `<download dir>/<digest of unit dir and source root>/`: the source root copied whole, the
 * unit's files over its `//subdir`, then the generated files. The copy is rebuilt only when its
 * version (a digest of all of that) changes, and terraform's own files survive a rebuild.
 *
 * Whether terraform needs `init` is decided by a key: the copy's version (or, in place, the
 * generated files) together with the backend settings. `markInitialised` records the key
 * after a successful init; while the recorded key matches, no init is needed.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

import type { ValueObject } from "../../config/value.js";
import type { SourceLocation } from "../../errors.js";
import { backendArgs as initArgs } from "./backend-config.js";
import { planCopy } from "./copy-plan.js";
import { generatedFiles } from "./generated-files.js";
import { initialisedKey, recordInit } from "./init-marker.js";
import { locateSource } from "./locate-source.js";
import { rewriteSource } from "./rewrite-source.js";
import { maskCredentials, parseSource, type SourceAddress } from "./source-address.js";
import type { SourceCache } from "./source-cache.js";
import { builtVersion, copyVersion, rebuildCopy, stampVersion } from "./working-copy.js";
import { workdirSettings } from "./workdir-settings.js";
import { writeGeneratedFiles } from "./write-generated.js";

/** What preparing a unit's working directory needs. */
export interface WorkdirOptions {
  /** The unit's absolute directory. */
  unitDir: string;
  /** The unit's config file, never copied; default `<unitDir>/terragrunt.hcl`. */
  configFile?: string;
  /** The unit's resolved, merged configuration. */
  config: ValueObject;
  /** The file and line that set a configuration value, by JSON pointer. */
  origin(pointer: string): SourceLocation | undefined;
  /** `--download-dir`; else the config's `download_dir`; else `<unitDir>/.terragrunt-cache`. */
  downloadDir?: string | undefined;
  /** `--source`: replaces the unit's source; the unit's `//subdir` is appended. */
  sourceOverride?: string | undefined;
  /** `--source-map`: source URL prefix to its replacement. */
  sourceMap?: Readonly<Record<string, string>> | undefined;
  /** The run's git fetches, shared by all units. */
  sources: SourceCache;
}

/** A working directory ready for terraform. */
export interface PreparedWorkdir {
  /** Where terraform runs. */
  dir: string;
  /** True until an init succeeded for what the directory now holds. */
  needsInit: boolean;
  /** Backend arguments for `terraform init`: `-backend-config=k=v`, `-backend=false`, or none. */
  backendArgs: string[];
  /** The source terraform runs, credentials masked; undefined when it runs in the unit's dir. */
  source: string | undefined;
  /** True when this call built or rebuilt the working copy. */
  refreshed: boolean;
  /** What `markInitialised` records. */
  initKey: string;
}

const DEFAULT_DOWNLOAD_DIR = ".terragrunt-cache";

/** Prepares the directory terraform runs in for one unit; throws TerraceError. */
export async function prepareWorkdir(options: WorkdirOptions): Promise<PreparedWorkdir> {
  const settings = workdirSettings(options.config);
  const generated = generatedFiles(settings, options.origin, options.unitDir);
  const backendArgs = initArgs(settings.remoteState);

  if (settings.source === undefined) {
    writeGeneratedFiles(generated, options.unitDir, options.unitDir);
    const generatedText = generated.map((file) => `${file.path}\0${file.contents ?? ""}`);
    const initKey = digest(["in place", ...generatedText, ...backendArgs]);
    // A unit initialised in place before terrace ever ran there (by hand, or by terragrunt) is
    // taken as initialised once: its backend is what the user set up.
    adoptExistingInit(options.unitDir, initKey);
    return prepared(options.unitDir, { backendArgs, source: undefined, refreshed: false, initKey });
  }

  const location = options.origin("/terraform/source");
  const text = rewriteSource(settings.source, options);
  const address = parseSource(text, options.unitDir, location);
  const sourceRoot = await locateSource(address, {
    text, written: settings.source, unitDir: options.unitDir, location, sources: options.sources,
  });

  const downloadDir = resolve(
    options.unitDir,
    options.downloadDir ?? settings.downloadDir ?? DEFAULT_DOWNLOAD_DIR,
  );
  const copyRoot = join(downloadDir, digest([options.unitDir, rootOf(address)]).slice(0, 20));
  const runDir = join(copyRoot, address.subdir);
  const entries = planCopy({
    sourceRoot,
    subdir: address.subdir,
    unitDir: options.unitDir,
    configFile: options.configFile ?? join(options.unitDir, "terragrunt.hcl"),
    skipDirs: [downloadDir],
    includeInCopy: settings.includeInCopy,
    excludeFromCopy: settings.excludeFromCopy,
    copyLockFile: settings.copyLockFile,
  });

  const version = copyVersion({
    source: text, entries, generated, digest: (path) => options.sources.fileDigest(path),
  });
  const refreshed = builtVersion(copyRoot) !== version;
  if (refreshed) {
    rebuildCopy(copyRoot, entries);
    writeGeneratedFiles(generated, runDir, options.unitDir);
    stampVersion(copyRoot, version);
  }

  const initKey = digest([version, ...backendArgs]);
  return prepared(runDir, { backendArgs, source: maskCredentials(text), refreshed, initKey });
}

/** Records that `terraform init` succeeded in a prepared directory. */
export function markInitialised(workdir: PreparedWorkdir): void {
  recordInit(workdir.dir, workdir.initKey);
}

function adoptExistingInit(dir: string, key: string): void {
  if (initialisedKey(dir) === undefined && existsSync(join(dir, ".terraform"))) recordInit(dir, key);
}

function prepared(dir: string, rest: Omit<PreparedWorkdir, "dir" | "needsInit">): PreparedWorkdir {
  return { dir, needsInit: initialisedKey(dir) !== rest.initKey, ...rest };
}

/** What names the copy's directory: the source's root without its ref. */
function rootOf(address: SourceAddress): string {
  return address.kind === "local" ? `local ${address.dir}` : `git ${address.url}`;
}

function digest(parts: readonly string[]): string {
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}
