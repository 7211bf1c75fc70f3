/**
 * The conversions Terraform applies on its own when a function wants one type and gets
 * another, plus the comparisons the collection functions share.
 *
 * Terraform converts numbers and bools to strings wherever a string is wanted, and strings
 * such as "5" or "true" back again. Anything else (lists, objects, null) never converts to
 * a primitive. Strings count and cut by grapheme cluster, as Terraform's do, so an accented
 * letter written with a combining mark is one character.
 */
import { isObject, type Value } from "../../value.js";
import {
  deepEqual, formatNumber, toBool as asBool, toNumber as asNumber, toText as asString,
} from "../../primitives.js";

export { asBool, asNumber, asString, deepEqual };





/**
 * Converts the elements of a list (or the values of a map) to one type, as Terraform does
 * when building a list, set or map from mixed primitives: when strings are among them,
 * numbers and bools become strings. Returns undefined when no single type fits.
 */
export function unifyPrimitives(values: readonly Value[]): Value[] | undefined {
  const kinds = new Set(values.filter((value) => value !== null).map(kindOf));
  if (kinds.size <= 1) return [...values];
  if (kinds.has("collection")) return undefined;
  if (!kinds.has("string")) return undefined;
  return values.map((value) => (value === null ? null : (asString(value) ?? null)));
}

function kindOf(value: Value): string {
  if (Array.isArray(value)) return "collection";
  if (isObject(value)) return "collection";
  return typeof value;
}


/**
 * Equality as Terraform sees it after converting to a common type: the number 1 equals
 * the string "1", and true equals "true". Collections compare structurally.
 */
export function looseEqual(left: Value, right: Value): boolean {
  if (deepEqual(left, right)) return true;
  const mixed = typeof left === "string" || typeof right === "string";
  if (!mixed || left === null || right === null) return false;
  const leftText = asString(left);
  return leftText !== undefined && leftText === asString(right);
}

/** The elements without repeats, each kept where it first appears. */
export function distinctValues(values: readonly Value[]): Value[] {
  const result: Value[] = [];
  for (const value of values) {
    if (!result.some((kept) => deepEqual(kept, value))) result.push(value);
  }
  return result;
}

/**
 * Orders strings by Unicode code point, which is the byte order of their UTF-8 form that
 * Terraform sorts by (JavaScript's default compares UTF-16 units, which differs for
 * characters beyond the Basic Multilingual Plane).
 */
export function compareStrings(left: string, right: string): number {
  const a = Array.from(left);
  const b = Array.from(right);
  const shared = Math.min(a.length, b.length);
  for (let index = 0; index < shared; index += 1) {
    const difference = (a[index]?.codePointAt(0) ?? 0) - (b[index]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/** The keys of an object in the order Terraform lists them: sorted. */
export function sortedKeys(object: Record<string, unknown>): string[] {
  return Object.keys(object).sort(compareStrings);
}

/**
 * Orders the elements of a set the way Terraform does: strings lexically and numbers by
 * value; other element types keep the order they arrived in.
 */
export function orderSet(values: readonly Value[]): Value[] {
  const distinct = distinctValues(values);
  if (distinct.every((value) => typeof value === "string")) {
    return (distinct as string[]).sort(compareStrings);
  }
  if (distinct.every((value) => typeof value === "number")) {
    return (distinct as number[]).sort((left, right) => left - right);
  }
  return distinct;
}

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The user-perceived characters (grapheme clusters) of a string. */
export function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (part) => part.segment);
}

/** How a value is quoted in an error message: JSON-like and cut short when long. */
export function describe(value: Value): string {
  const text = render(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function render(value: Value): string {
  if (value === null) return "null";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(render).join(", ")}]`;
  const members = Object.entries(value).map(([key, item]) => `${key} = ${render(item)}`);
  return `{${members.join(", ")}}`;
}
