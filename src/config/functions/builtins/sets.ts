/**
 * Terraform's set functions. Sets are arrays here; a set result has no repeats and is
 * ordered the way Terraform orders sets (strings lexically, numbers by value), so the same
 * inputs always give the same output.
 */
import type { Value } from "../../value.js";
import { defineFunction, functionTable, type Args } from "./args.js";
import { deepEqual, orderSet, unifyPrimitives } from "./convert.js";

/** A list as a Terraform set: one element type, no repeats, in Terraform's order. */
export function toSet(values: readonly Value[]): Value[] {
  return orderSet(unifyPrimitives(values) ?? values);
}

function sets(args: Args): Value[][] {
  return args.rest(0).map((_, index) => args.list(index));
}

function includes(set: readonly Value[], value: Value): boolean {
  return set.some((member) => deepEqual(member, value));
}

function product(args: Args): Value[][] {
  let result: Value[][] = [[]];
  for (const set of sets(args)) {
    result = result.flatMap((prefix) => set.map((item) => [...prefix, item]));
  }
  return result;
}

/** setintersection, setproduct, setsubtract, setunion. */
export const setFunctions = functionTable([
  defineFunction("setintersection", "set, more_sets...", (args) => {
    const [first = [], ...others] = sets(args).map(toSet);
    return first.filter((item) => others.every((set) => includes(set, item)));
  }),
  defineFunction("setproduct", "set, set, more_sets...", product),
  defineFunction("setsubtract", "set, set_to_remove", (args) => {
    const remove = toSet(args.list(1));
    return toSet(args.list(0)).filter((item) => !includes(remove, item));
  }),
  defineFunction("setunion", "set, more_sets...", (args) => toSet(sets(args).flat())),
]);
