/**
 * The implicit conversions HCL and Terraform's functions share: a string that spells a
 * number or a bool converts to it, and numbers and bools convert to strings. Each helper
 * returns undefined when a value does not convert, so that each caller can say in its own
 * words what it expected. Also structural equality, which `==` and the set functions share.
 */
import { formatNumber } from "./number-text.js";
import { isObject, type Value } from "./value.js";

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** `value` as a number: numbers, and strings that spell one. */
export function toNumber(value: Value): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && NUMBER.test(value)) return Number(value);
  return undefined;
}

/** `value` as a bool: bools, and the strings "true" and "false". */
export function toBool(value: Value): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

/** `value` as a string: strings, numbers and bools; null and collections do not convert. */
export function toText(value: Value): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return undefined;
}

/** Structural equality: same kind, and for collections the same members, recursively. */
export function deepEqual(left: Value, right: Value): boolean {
  if (left === right) return true;
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, index) => deepEqual(item, right[index] ?? null));
  }
  if (isObject(left) && isObject(right)) {
    const keys = Object.keys(left);
    if (keys.length !== Object.keys(right).length) return false;
    return keys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key] ?? null, right[key] ?? null));
  }
  return false;
}

export { formatNumber };
