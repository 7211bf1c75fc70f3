/**
 * JSON text as Terraform's `jsonencode` writes it: object keys sorted, numbers without a
 * trailing ".0" or an exponent, and `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u003c`
 * and so on, so the result can be pasted into HTML or JavaScript safely.
 */
import { isObject, type Value } from "../../value.js";
import { compareStrings } from "./convert.js";
import { formatNumber } from "../../number-text.js";

const UNSAFE = /[<>&\u2028\u2029]/g;

/** A string as a JSON string literal, with Terraform's extra escapes. */
export function quoteJson(text: string): string {
  return JSON.stringify(text).replace(
    UNSAFE,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** A value as compact JSON; undefined for numbers JSON cannot hold (infinities, NaN). */
export function encodeJson(value: Value): string | undefined {
  if (value === null) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? formatNumber(value) : undefined;
  if (typeof value === "string") return quoteJson(value);

  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = encodeJson(item);
      if (text === undefined) return undefined;
      parts.push(text);
    }
    return `[${parts.join(",")}]`;
  }

  for (const key of Object.keys(value).sort(compareStrings)) {
    const text = encodeJson(isObject(value) ? (value[key] ?? null) : null);
    if (text === undefined) return undefined;
    parts.push(`${quoteJson(key)}:${text}`);
  }
  return `{${parts.join(",")}}`;
}
