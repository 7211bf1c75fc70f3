/**
 * Conversions between HCL value kinds, as HCL applies them implicitly.
 *
 * HCL converts a string to a number where a number is needed (`"5" + 1` is 6) and to a bool
 * where a bool is needed (`"true"`), and numbers and bools to strings inside templates. The
 * `to*` helpers return undefined when a value does not convert, so that each caller can say
 * in its own words what it expected.
 */

import { LazyObject, type Value } from "../value.js";

import { formatNumber } from "../primitives.js";

export { formatNumber, toBool, toNumber, toText } from "../primitives.js";

/** A value during evaluation: plain data, or an object whose members are computed on use. */
export type Val = Value | LazyObject;

/** The plain value of `value`, computing every member of a lazy object. */
export function force(value: Val): Value {
  return value instanceof LazyObject ? value.force() : value;
}

const SHOWN_LENGTH = 60;

/** `value` as an error message quotes it: strings in double quotes, long values cut short. */
export function show(value: Val): string {
  if (value instanceof LazyObject) return "an object";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") {
    const cut = value.length > SHOWN_LENGTH ? `${value.slice(0, SHOWN_LENGTH - 3)}...` : value;
    return JSON.stringify(cut);
  }
  const text = JSON.stringify(value);
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 3)}...` : text;
}

/** The kind of `value` with its article, for messages: "a tuple", "an object", "null". */
export function kindOf(value: Val): string {
  if (value === null) return "null";
  if (value instanceof LazyObject) return "an object";
  if (Array.isArray(value)) return "a tuple";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** Sets `object[key]` even for "__proto__", which plain assignment would not store. */
export function setMember(object: Record<string, Value>, key: string, value: Value): void {
  if (key === "__proto__") {
    const member = { value, enumerable: true, writable: true, configurable: true };
    Object.defineProperty(object, key, member);
  } else {
    object[key] = value;
  }
}
