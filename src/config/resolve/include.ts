/**
 * A unit's `include` blocks: where each points, whether it is exposed, how it merges, and the
 * included file evaluated from the unit's point of view.
 */
import { dirname, resolve } from "node:path";

import { TerraceError } from "../../errors.js";
import type { Block } from "../hcl/model.js";
import { isObject } from "../value.js";
import type { FileScope } from "./file-scope.js";
import type { IncludeRef } from "./frame.js";
import { MERGE_STRATEGIES, type MergeStrategy } from "./merge.js";
import { childPointer } from "./pointer.js";

/** An include block, evaluated. */
export interface Include extends IncludeRef {
  expose: boolean;
  strategy: MergeStrategy;
  line: number;
}

/** Evaluates an include block of `scope`'s file. */
export function readInclude(scope: FileScope, block: Block): Include {
  const label = block.labels[0] ?? "";
  const location = scope.location(block.line);
  const value = scope.evaluateBlock(block, childPointer("/include", label));
  const name = label === "" ? "include" : `include "${label}"`;

  if (typeof value.path !== "string" || value.path === "") {
    throw new TerraceError("INCLUDE", `${name} has no path`, {
      location,
      hint: 'set path, usually path = find_in_parent_folders("root.hcl")',
    });
  }
  const strategy = value.merge_strategy ?? "shallow";
  if (typeof strategy !== "string" || !MERGE_STRATEGIES.includes(strategy as MergeStrategy)) {
    throw new TerraceError("INCLUDE",
      `${name} has merge_strategy = ${JSON.stringify(strategy)}; expected "no_merge", "shallow" or "deep"`,
      { location, hint: 'leave merge_strategy out for the default, "shallow"' });
  }
  if (value.expose !== undefined && typeof value.expose !== "boolean") {
    throw new TerraceError("INCLUDE", `${name} has expose = ${JSON.stringify(value.expose)}; expected true or false`,
      { location, hint: "write expose = true to read the included file as include.<label>" });
  }
  return {
    label,
    path: resolve(dirname(scope.file.path), value.path),
    expose: value.expose === true,
    strategy: strategy as MergeStrategy,
    line: block.line,
  };
}

/** Checks that the included file itself includes nothing: terragrunt allows one level. */
export function checkSingleLevel(parent: FileScope, include: Include, from: FileScope): void {
  const nested = parent.blocks("include")[0];
  if (nested === undefined) return;
  throw new TerraceError("INCLUDE",
    `${include.path} is included here and has an include block of its own (line ${nested.line})`, {
      location: from.location(include.line),
      hint: "terragrunt allows one level of include; read deeper files with read_terragrunt_config in locals",
    });
}

/** True when `value` holds something at every key of `keys`. */
export function hasValueAt(value: unknown, keys: readonly string[]): boolean {
  let current = value;
  for (const key of keys) {
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isObject(current)) current = current[key];
    else return false;
    if (current === undefined) return false;
  }
  return true;
}
