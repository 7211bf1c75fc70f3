/**
 * terragrunt's own test fixtures, read where they sit in ../shared beside the repository, and
 * what the compatibility tests need to resolve them: a unit's directory, the units' outputs
 * terraform would report once applied, and the error a resolution fails with.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";

import {
  ConfigResolver,
  type DependencyBlock,
  type ResolveOptions,
  type UnitConfig,
} from "../../../src/config/index.js";
import type { Value, ValueObject } from "../../../src/config/value.js";
import { TerraceError } from "../../../src/errors.js";
import { repoRoot } from "../../helpers/tree.js";

/** The fixtures folder: terragrunt's `test/fixtures/` as copied into the shared corpus. */
export const corpus = join(repoRoot, "..", "shared", "corpus", "terragrunt-fixtures");

/** True when the fixtures are there to be read. */
export const present = existsSync(corpus);

/** The absolute path of a fixture directory, given as in terragrunt's `test/fixtures/`. */
export function fixture(path: string): string {
  return join(corpus, path);
}

/**
 * Outputs by unit directory (relative to the corpus), standing in for `terraform output` of
 * units the fixture's terragrunt test applies first; units not listed have none.
 */
export type AppliedOutputs = Record<string, ValueObject>;

/** Resolves the unit at `path` with a fresh resolver and an empty environment. */
export async function resolveUnit(
  path: string,
  options: Partial<ResolveOptions> & { applied?: AppliedOutputs } = {},
): Promise<UnitConfig> {
  const { applied, ...rest } = options;
  const outputs = applied === undefined ? rest.outputs : appliedOutputs(applied);
  const resolver = new ConfigResolver({ env: {}, ...rest, ...(outputs === undefined ? {} : { outputs }) });
  return resolver.resolve(fixture(path));
}

function appliedOutputs(applied: AppliedOutputs): (block: DependencyBlock) => Value | undefined {
  return (block) => {
    for (const [path, outputs] of Object.entries(applied)) {
      if (block.dir === fixture(path)) return outputs;
    }
    return undefined;
  };
}

/** The error resolving the unit at `path` fails with. */
export async function resolveError(path: string, options: Partial<ResolveOptions> = {}): Promise<TerraceError> {
  const error = await resolveUnit(path, options).then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof TerraceError)) throw new Error(`expected a TerraceError, got ${String(error)}`);
  return error;
}
