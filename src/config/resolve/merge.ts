/**
 * terragrunt's include merge rules, applied to evaluated configurations.
 *
 * `mergeConfig(parent, child, strategy)` returns the child's configuration with the parent's
 * merged under it; the child wins. A unit with several includes merges them from the last to
 * the first, so precedence is child, then the last include block, ..., then the first.
 *
 * shallow: attributes and whole blocks of the child replace the parent's; `inputs` merge by
 *   top-level key; labeled blocks (`dependency`, `feature`, hooks, extra_arguments) merge by
 *   label, a child block replacing the parent's block of the same label in place;
 *   `dependencies.paths` concatenate; a `generate` label in both is an error.
 * deep: lists concatenate and objects merge recursively, except `remote_state` and
 *   `generate` blocks, which the child replaces.
 * `locals` are never merged: a unit keeps its own, and sees a parent's through `expose`.
 */
import { TerraceError, type SourceLocation } from "../../errors.js";
import { isObject, type Value, type ValueObject } from "../value.js";

export type MergeStrategy = "no_merge" | "shallow" | "deep";

export const MERGE_STRATEGIES: readonly MergeStrategy[] = ["no_merge", "shallow", "deep"];

/** Keys that are never inherited from an included file. */
const OWN_KEYS = new Set(["locals", "include"]);

/** Blocks keyed by label that merge label by label. */
const LABELED_TERRAFORM_BLOCKS = ["extra_arguments", "before_hook", "after_hook", "error_hook"];

/** Where a `generate` block came from, for the clash error. */
export type GenerateOrigin = (label: string, side: "parent" | "child") => SourceLocation | undefined;

/** The child's configuration merged over the parent's with one strategy. */
export function mergeConfig(
  parent: ValueObject,
  child: ValueObject,
  strategy: MergeStrategy,
  generateOrigin: GenerateOrigin,
): ValueObject {
  if (strategy === "no_merge") return child;

  const result: ValueObject = {};
  for (const [key, value] of Object.entries(parent)) {
    if (!OWN_KEYS.has(key)) result[key] = value;
  }
  for (const [key, value] of Object.entries(child)) {
    const inherited = result[key];
    if (inherited === undefined) result[key] = value;
    else if (value !== null) result[key] = mergeKey(key, inherited, value, strategy, generateOrigin);
  }
  return result;
}

function mergeKey(
  key: string,
  parent: Value,
  child: Value,
  strategy: MergeStrategy,
  generateOrigin: GenerateOrigin,
): Value {
  if (!isObject(parent) || !isObject(child)) return child;

  switch (key) {
    case "inputs":
      return strategy === "deep" ? deepMerge(parent, child) : { ...parent, ...child };
    case "dependency":
    case "feature":
      return mergeByLabel(parent, child, strategy);
    case "dependencies":
      return { ...parent, ...child, paths: concatUnique(parent.paths, child.paths) };
    case "terraform":
      return mergeTerraform(parent, child, strategy);
    case "generate":
      if (strategy === "shallow") checkGenerateClash(parent, child, generateOrigin);
      return { ...parent, ...child };
    case "remote_state":
      return child;
    default:
      return strategy === "deep" ? deepMerge(parent, child) : child;
  }
}

function mergeTerraform(parent: ValueObject, child: ValueObject, strategy: MergeStrategy): ValueObject {
  if (strategy === "deep") return deepMerge(parent, child);
  const result: ValueObject = { ...parent, ...child };
  for (const type of LABELED_TERRAFORM_BLOCKS) {
    const mine = child[type];
    const theirs = parent[type];
    if (isObject(mine) && isObject(theirs)) result[type] = mergeByLabel(theirs, mine, "shallow");
  }
  return result;
}

/** Labeled blocks: a child label replaces (or deep-merges into) the parent's, in place. */
function mergeByLabel(parent: ValueObject, child: ValueObject, strategy: MergeStrategy): ValueObject {
  const result: ValueObject = { ...parent };
  for (const [label, block] of Object.entries(child)) {
    const inherited = result[label];
    result[label] = strategy === "deep" && isObject(inherited) && isObject(block)
      ? deepMerge(inherited, block)
      : block;
  }
  return result;
}

/** Objects merge recursively, lists concatenate, anything else: the child wins. */
export function deepMerge(parent: ValueObject, child: ValueObject): ValueObject {
  const result: ValueObject = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    const inherited = result[key];
    if (isObject(inherited) && isObject(value)) result[key] = deepMerge(inherited, value);
    else if (Array.isArray(inherited) && Array.isArray(value)) result[key] = [...inherited, ...value];
    else result[key] = value;
  }
  return result;
}

function concatUnique(parent: Value | undefined, child: Value | undefined): Value {
  const all = [...(Array.isArray(parent) ? parent : []), ...(Array.isArray(child) ? child : [])];
  return all.filter((path, index) => all.indexOf(path) === index);
}

function checkGenerateClash(parent: ValueObject, child: ValueObject, origin: GenerateOrigin): void {
  for (const label of Object.keys(child)) {
    if (!(label in parent)) continue;
    const here = origin(label, "child");
    const there = origin(label, "parent");
    const elsewhere = there ? ` and at ${there.file}:${there.line}` : "";
    throw new TerraceError("SCHEMA", `generate block "${label}" is declared here${elsewhere}`, {
      location: here,
      hint: 'rename one of the two blocks, or use merge_strategy = "deep" to let the child replace it',
    });
  }
}
