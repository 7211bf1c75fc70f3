/**
 * Units for the working-directory tests: written as real `terragrunt.hcl` files, resolved by
 * the real config layer (so that errors carry real file:line origins), then prepared.
 */
import { join } from "node:path";

import { ConfigResolver } from "../../../src/config/index.js";
import { TerraceError } from "../../../src/errors.js";
import {
  prepareWorkdir, SourceCache, type PreparedWorkdir, type WorkdirOptions,
} from "../../../src/runner/workdir/index.js";

/** Prepares the unit at `root/unit` with a fresh resolver; `sources` defaults to a new cache. */
export async function prepareUnit(
  root: string,
  unit: string,
  options: Partial<Omit<WorkdirOptions, "unitDir" | "config" | "origin">> = {},
): Promise<PreparedWorkdir> {
  const resolved = await new ConfigResolver().resolve(join(root, unit));
  return prepareWorkdir({
    unitDir: resolved.dir,
    configFile: resolved.configPath,
    config: resolved.config,
    origin: resolved.origin,
    sources: options.sources ?? new SourceCache(),
    ...options,
  });
}

/** How a prepare failed: code, `file:line` relative to `root`, message and hint. */
export async function failureOf(root: string, preparing: Promise<unknown>) {
  const error = await preparing.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof TerraceError)) throw new Error(`expected a TerraceError, got ${String(error)}`);
  const file = error.location?.file.slice(root.length + 1);
  const where = error.location === undefined ? undefined : `${file}:${error.location.line}`;
  return { code: error.code, where, message: error.message, hint: error.hint };
}
