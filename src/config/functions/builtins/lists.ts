/**
 * Terraform's functions over lists (and tuples and sets, which are all arrays here).
 *
 * Comparisons follow Terraform's conversions: `contains(["1"], 1)` is true because the
 * number converts to the list's element type. `element` wraps around, `slice` does not.
 */
import type { Value } from "../../value.js";
import { defineFunction, functionTable, type Args } from "./args.js";
import {
  asBool,
  asNumber,
  asString,
  compareStrings,
  describe,
  distinctValues,
  graphemes,
  looseEqual,
} from "./convert.js";
import { formatNumber } from "../../number-text.js";

/** Terraform refuses to build longer ranges, to stop a typo from exhausting memory. */
const RANGE_LIMIT = 1024;

function bools(args: Args, index: number): (boolean | null)[] {
  return args.list(index).map((item) => {
    if (item === null) return null;
    return asBool(item) ?? args.expected(index, "a list of bools");
  });
}

function chunks(args: Args): Value[][] {
  const list = args.list(0);
  const size = args.integer(1);
  if (size < 0) args.fail(`expected a chunk size of 0 or more, got ${size}`);
  if (list.length === 0) return [];
  if (size === 0) return [list];

  const result: Value[][] = [];
  for (let start = 0; start < list.length; start += size) {
    result.push(list.slice(start, start + size));
  }
  return result;
}

function element(args: Args): Value {
  const list = args.list(0);
  const index = args.integer(1);
  if (list.length === 0) args.fail("cannot take an element of an empty list");
  if (index < 0) args.expected(1, "an index of 0 or more");
  return list[index % list.length] ?? null;
}

function flatten(list: readonly Value[]): Value[] {
  return list.flatMap((item) => (Array.isArray(item) ? flatten(item) : [item]));
}

function length(args: Args): number {
  const value = args.value(0);
  if (typeof value === "string") return graphemes(value).length;
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === "object") return Object.keys(value).length;
  return args.expected(0, "a string, list or map");
}

/** Decimal places in a number's text, so that range steps like 0.1 add up exactly. */
function decimalPlaces(value: number): number {
  const fraction = formatNumber(value).split(".")[1];
  return fraction?.length ?? 0;
}

function range(args: Args): number[] {
  const numbers = args.rest(0).map((_, index) => args.number(index));
  const [first = 0, second] = numbers;
  const [start, limit] = second === undefined ? [0, first] : [first, second];
  const step = numbers[2] ?? (limit >= start ? 1 : -1);
  if (step === 0) args.fail("expected a step other than 0, got 0");

  const places = Math.max(decimalPlaces(start), decimalPlaces(step));
  const scale = places <= 15 ? 10 ** places : 1;
  const result: number[] = [];
  for (let index = 0; ; index += 1) {
    const value = (Math.round(start * scale) + index * Math.round(step * scale)) / scale;
    if (step > 0 ? value >= limit : value <= limit) break;
    if (result.length === RANGE_LIMIT) {
      args.fail(`the range would have more than ${RANGE_LIMIT} numbers`);
    }
    result.push(value);
  }
  return result;
}

function slice(args: Args): Value[] {
  const list = args.list(0);
  const start = args.integer(1);
  const end = args.integer(2);
  if (start < 0) args.expected(1, "a start index of 0 or more");
  if (end > list.length) {
    args.fail(`end index ${end} is past the end of a list of length ${list.length}`);
  }
  if (start > end) args.fail(`start index ${start} is greater than end index ${end}`);
  return list.slice(start, end);
}

function sum(args: Args): number {
  const list = args.list(0);
  if (list.length === 0) args.fail("cannot sum an empty list");
  return list.reduce<number>((total, item) => {
    const number = asNumber(item);
    return total + (number ?? args.expected(0, "a list of numbers"));
  }, 0);
}

/** alltrue, anytrue, chunklist, coalescelist, compact, concat, contains, distinct, ... */
export const listFunctions = functionTable([
  defineFunction("alltrue", "list", (args) => bools(args, 0).every((item) => item === true)),
  defineFunction("anytrue", "list", (args) => bools(args, 0).some((item) => item === true)),
  defineFunction("chunklist", "list, size", chunks),
  defineFunction("coalescelist", "list, more_lists...", (args) => {
    const lists = args.rest(0).map((item, index) => (item === null ? [] : args.list(index)));
    const found = lists.find((list) => list.length > 0);
    return found ?? args.fail("every argument is empty or null");
  }),
  defineFunction("compact", "list", (args) =>
    args
      .list(0)
      .filter((item) => item !== null)
      .map((item) => asString(item) ?? args.expected(0, "a list of strings"))
      .filter((item) => item !== ""),
  ),
  defineFunction("concat", "list, more_lists...", (args) =>
    args.rest(0).flatMap((_, index) => args.list(index)),
  ),
  defineFunction("contains", "list, value", (args) =>
    args.list(0).some((item) => looseEqual(item, args.value(1))),
  ),
  defineFunction("distinct", "list", (args) => distinctValues(args.list(0))),
  defineFunction("element", "list, index", element),
  defineFunction("flatten", "list", (args) => flatten(args.list(0))),
  defineFunction("index", "list, value", (args) => {
    const position = args.list(0).findIndex((item) => looseEqual(item, args.value(1)));
    if (position < 0) {
      args.fail(
        `${describe(args.value(1))} is not in ${describe(args.value(0))}`,
        "check with contains() first, or look the value up in a map instead",
      );
    }
    return position;
  }),
  defineFunction("length", "value", length),
  defineFunction("one", "list", (args) => {
    const list = args.list(0);
    if (list.length > 1) args.expected(0, "a list with at most one element");
    return list[0] ?? null;
  }),
  defineFunction("range", "[start], limit, [step]", range),
  defineFunction("reverse", "list", (args) => [...args.list(0)].reverse()),
  defineFunction("slice", "list, start_index, end_index", slice),
  defineFunction("sort", "list", (args) => args.stringList(0).sort(compareStrings)),
  defineFunction("sum", "list", sum),
]);
