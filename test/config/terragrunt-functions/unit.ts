/** Resolving one unit of a written tree, and the error a unit fails with, for function tests. */
import { join } from "node:path";

import { ConfigResolver, type ResolveOptions, type UnitConfig } from "../../../src/config/index.js";
import { TerraceError } from "../../../src/errors.js";

/** A resolver with no environment and no command unless `options` sets them. */
export function resolver(options: Partial<ResolveOptions> = {}): ConfigResolver {
  return new ConfigResolver({ env: {}, terraformCommand: "", terraformArgs: [], ...options });
}

/** Resolves the unit at `unit` (relative to `root`). */
export async function resolveUnit(
  root: string,
  unit: string,
  options: Partial<ResolveOptions> = {},
): Promise<UnitConfig> {
  return resolver(options).resolve(join(root, unit));
}

/** What a user sees of an error: its code, `file:line` relative to `root`, message and hint. */
export interface Failure {
  code: string;
  where: string | undefined;
  message: string;
  hint: string | undefined;
}

/** The TerraceError that resolving `unit` fails with; throws when it does not fail so. */
export async function failure(
  root: string,
  unit: string,
  options: Partial<ResolveOptions> | ConfigResolver = {},
): Promise<Failure> {
  const run = options instanceof ConfigResolver ? options : resolver(options);
  const error = await run.resolve(join(root, unit)).then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof TerraceError)) throw new Error(`expected a TerraceError, got ${String(error)}`);
  const where = error.location === undefined
    ? undefined
    : `${error.location.file.slice(root.length + 1)}:${error.location.line}`;
  return { code: error.code, where, message: error.message, hint: error.hint };
}

/** A file's text from its lines, each ended by a newline. */
export function lines(...text: string[]): string {
  return text.map((line) => `${line}\n`).join("");
}
