/**
 * Units for the step tests: a real `terragrunt.hcl` (and any other files) written to a temp
 * dir and resolved by the real config layer, so that errors carry real file:line origins.
 */
import { join } from "node:path";

import { ConfigResolver, type UnitConfig } from "../../../src/config/index.js";
import { TerraceError } from "../../../src/errors.js";
import { writeTree } from "../../helpers/tree.js";

/** The unit at `<root>/unit` resolved from `files` (paths relative to the unit). */
export async function resolveUnit(files: Record<string, string>): Promise<{ root: string; unit: UnitConfig }> {
  const tree = Object.fromEntries(Object.entries(files).map(([path, text]) => [join("unit", path), text]));
  const root = writeTree(tree);
  return { root, unit: await new ConfigResolver().resolve(join(root, "unit")) };
}

/** The TerraceError that `action` throws: code, `file:line` relative to `root`, message, hint. */
export function failureOf(root: string, action: () => unknown) {
  let error: unknown;
  try {
    action();
  } catch (caught) {
    error = caught;
  }
  if (!(error instanceof TerraceError)) throw new Error(`expected a TerraceError, got ${String(error)}`);
  const where = error.location === undefined
    ? undefined
    : `${error.location.file.slice(root.length + 1)}:${error.location.line}`;
  return { code: error.code, where, message: error.message, hint: error.hint };
}
