/**
 * Values written back out as HCL, for the backend block terrace generates: strings quoted with
 * HCL's escapes (`${` and `%{` doubled so that terraform reads them literally), lists inline,
 * objects one attribute a line with their `=` aligned as `terraform fmt` would align them.
 */
import type { Value, ValueObject } from "../../config/value.js";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `value` as an HCL expression; `indent` is the indentation of the line it starts on. */
export function hclValue(value: Value, indent = ""): string {
  if (value === null) return "null";
  if (typeof value === "string") return hclString(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((item) => hclValue(item, indent)).join(", ")}]`;
  const keys = Object.keys(value);
  if (keys.length === 0) return "{}";
  return `{\n${hclAttributes(value, `${indent}  `)}${indent}}`;
}

/** The members of `object` as attribute lines at `indent`, sorted by name, `=` aligned. */
export function hclAttributes(object: ValueObject, indent: string): string {
  const names = Object.keys(object).sort();
  const keys = names.map((name) => (IDENTIFIER.test(name) ? name : hclString(name)));
  const width = Math.max(0, ...keys.map((key) => key.length));
  return names
    .map((name, index) => {
      const key = (keys[index] ?? name).padEnd(width);
      return `${indent}${key} = ${hclValue(object[name] ?? null, indent)}\n`;
    })
    .join("");
}

function hclString(text: string): string {
  let quoted = "";
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (character === "\\" || character === '"') quoted += `\\${character}`;
    else if (character === "\n") quoted += "\\n";
    else if (character === "\r") quoted += "\\r";
    else if (character === "\t") quoted += "\\t";
    else if (code < 0x20) quoted += `\\u${code.toString(16).padStart(4, "0")}`;
    else quoted += character;
  }
  // A template sequence in a quoted string would be evaluated by terraform; doubling its
  // introducer is HCL's escape for a literal `${` or `%{`.
  return `"${quoted.replaceAll("${", () => "$${").replaceAll("%{", () => "%%{")}"`;
}
