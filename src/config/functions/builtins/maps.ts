/**
 * Terraform's functions over maps and objects, plus `coalesce`.
 *
 * Terraform lists an object's attributes in sorted order, so `keys` and `values` return
 * them sorted by key. `merge` skips null arguments and lets later maps win.
 */
import type { Value, ValueObject } from "../../value.js";
import { defineFunction, functionTable, type Args } from "./args.js";
import { asString, describe, looseEqual, sortedKeys, unifyPrimitives } from "./convert.js";

function coalesce(args: Args): Value {
  // Terraform converts the arguments to one type first, so coalesce(1, "a") is "1".
  const present = args.rest(0).filter((value) => value !== null);
  const unified = unifyPrimitives(present) ?? present;
  const found = unified.find((value) => value !== "");
  return found ?? args.fail("every argument is null or an empty string");
}

function lookup(args: Args): Value {
  const map = args.object(0);
  const key = args.string(1);
  if (Object.hasOwn(map, key)) return map[key] ?? null;
  if (args.count === 3) return args.value(2);
  return args.fail(
    `no key ${JSON.stringify(key)} in ${describe(map)}`,
    "give a default as the third argument",
  );
}

function matchKeys(args: Args): Value[] {
  const values = args.list(0);
  const keys = args.list(1);
  const searchSet = args.list(2);
  if (values.length !== keys.length) {
    const counts = `${keys.length} keys and ${values.length} values`;
    args.fail(`expected as many keys as values, got ${counts}`);
  }
  return values.filter((_, index) =>
    searchSet.some((wanted) => looseEqual(keys[index] ?? null, wanted)),
  );
}

function merge(args: Args): ValueObject {
  const result: ValueObject = {};
  args.rest(0).forEach((value, index) => {
    if (value === null) return;
    Object.assign(result, args.object(index));
  });
  return result;
}

function transpose(args: Args): ValueObject {
  const map = args.object(0);
  const result: Record<string, string[]> = {};
  for (const key of sortedKeys(map)) {
    const list = map[key];
    if (!Array.isArray(list)) return args.expected(0, "a map of lists of strings");
    for (const item of list) {
      const text = asString(item) ?? args.expected(0, "a map of lists of strings");
      (result[text] ??= []).push(key);
    }
  }
  const ordered: ValueObject = {};
  for (const key of sortedKeys(result)) ordered[key] = result[key] ?? [];
  return ordered;
}

function zipMap(args: Args): ValueObject {
  const keys = args.stringList(0);
  const values = args.list(1);
  if (keys.length !== values.length) {
    const counts = `${keys.length} keys and ${values.length} values`;
    args.fail(`expected as many values as keys, got ${counts}`);
  }
  const result: ValueObject = {};
  keys.forEach((key, index) => {
    result[key] = values[index] ?? null;
  });
  return result;
}

/** coalesce, keys, lookup, matchkeys, merge, transpose, values, zipmap. */
export const mapFunctions = functionTable([
  defineFunction("coalesce", "value, more_values...", coalesce),
  defineFunction("keys", "map", (args) => sortedKeys(args.object(0))),
  defineFunction("lookup", "map, key, [default]", lookup),
  defineFunction("matchkeys", "values, keys, searchset", matchKeys),
  defineFunction("merge", "maps...", merge),
  defineFunction("transpose", "map", transpose),
  defineFunction("values", "map", (args) => {
    const map = args.object(0);
    return sortedKeys(map).map((key) => map[key] ?? null);
  }),
  defineFunction("zipmap", "keys, values", zipMap),
]);
