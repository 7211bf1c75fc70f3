/**
 * Terraform's explicit type conversions, and the sensitivity markers.
 *
 * Each `to*` function passes null through and converts only what Terraform converts:
 * `tostring(5)` is "5" and `tonumber("5")` is 5, but a list never becomes a string. Lists
 * and maps of mixed primitives unify on string, as Terraform's do. terrace does not track
 * sensitive values, so `sensitive` and `nonsensitive` return their argument unchanged and
 * `issensitive` is always false.
 */
import { isObject, type Value, type ValueObject } from "../../value.js";
import { defineFunction, functionTable, type Args } from "./args.js";
import { asBool, asNumber, asString, unifyPrimitives } from "./convert.js";
import { toSet } from "./sets.js";

function toList(args: Args): Value {
  const value = args.value(0);
  if (value === null) return null;
  if (!Array.isArray(value)) return args.expected(0, "a list, tuple or set");
  return unifyPrimitives(value) ?? args.expected(0, "a list whose elements share one type");
}

function toMap(args: Args): Value {
  const value = args.value(0);
  if (value === null) return null;
  if (!isObject(value)) return args.expected(0, "a map or object");
  const keys = Object.keys(value);
  const unified = unifyPrimitives(keys.map((key) => value[key] ?? null));
  if (unified === undefined) return args.expected(0, "a map whose values share one type");
  const result: ValueObject = {};
  keys.forEach((key, index) => {
    result[key] = unified[index] ?? null;
  });
  return result;
}

/** tobool, tolist, tomap, tonumber, toset, tostring, sensitive, nonsensitive, issensitive. */
export const conversionFunctions = functionTable([
  defineFunction("tobool", "value", (args) => {
    const value = args.value(0);
    return value === null ? null : (asBool(value) ?? args.expected(0, 'a bool, "true" or "false"'));
  }),
  defineFunction("tolist", "value", toList),
  defineFunction("tomap", "value", toMap),
  defineFunction("tonumber", "value", (args) => {
    const value = args.value(0);
    return value === null ? null : (asNumber(value) ?? args.expected(0, "a number"));
  }),
  defineFunction("toset", "value", (args) => {
    const value = args.value(0);
    if (value === null) return null;
    return Array.isArray(value) ? toSet(value) : args.expected(0, "a list, tuple or set");
  }),
  defineFunction("tostring", "value", (args) => {
    const value = args.value(0);
    if (value === null) return null;
    return asString(value) ?? args.expected(0, "a string, number or bool");
  }),
  defineFunction("sensitive", "value", (args) => args.value(0)),
  defineFunction("nonsensitive", "value", (args) => args.value(0)),
  defineFunction("issensitive", "value", () => false),
]);
