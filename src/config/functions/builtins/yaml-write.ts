/**
 * The YAML writer behind `yamlencode`, producing the same text as Terraform's.
 *
 * Terraform writes block style throughout: map keys sorted, every string double-quoted
 * (so "yes" and "1.0" stay strings for any reader), strings with line breaks as literal
 * blocks (`|`), empty collections as `[]` and `{}`, and a list inside a map at the map's
 * own indentation. A plain scalar on its own ends with the `...` end-of-document marker.
 */
import { isObject, type Value } from "../../value.js";
import { compareStrings } from "./convert.js";
import { formatNumber } from "../../number-text.js";

const NAMED_ESCAPES: Record<string, string> = {
  "\0": "\\0", "\x07": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v",
  "\f": "\\f", "\r": "\\r", "\x1b": "\\e", '"': '\\"', "\\": "\\\\",
  "\x85": "\\N", "\xa0": "\\_", "\u2028": "\\L", "\u2029": "\\P",
};

/** Characters a double-quoted YAML string must escape. */
const NEEDS_ESCAPE = /[\0-\x1f"\\\x7f-\x9f\xa0\u2028\u2029\ufeff\ud800-\udfff]/gu;

function doubleQuoted(text: string): string {
  const escaped = text.replace(NEEDS_ESCAPE, (character) => {
    const named = NAMED_ESCAPES[character];
    if (named) return named;
    const code = character.codePointAt(0) ?? 0;
    if (code <= 0xff) return `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`;
    return `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  });
  return `"${escaped}"`;
}

/** Literal style keeps line breaks readable; only text without other control codes fits. */
function fitsLiteral(text: string): boolean {
  return text.includes("\n") && !/[\0-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/.test(text);
}

function literalBlock(text: string, indent: number): string[] {
  const trailing = /\n*$/.exec(text)?.[0].length ?? 0;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const indicator = text.startsWith(" ") ? "2" : "";
  const body = trailing === 0 ? text : text.slice(0, text.length - 1);
  const pad = " ".repeat(indent);
  const lines = body.split("\n").map((line) => (line === "" ? "" : pad + line));
  return [`|${indicator}${chomp}`, ...lines];
}

function scalar(value: Value): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return formatNumber(value);
  return doubleQuoted(String(value));
}

function isEmptyCollection(value: Value): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return isObject(value) && Object.keys(value).length === 0;
}

/**
 * The lines of a value placed after a prefix such as `"key":` or `- `: the first line
 * continues the prefix, the rest are indented by `indent`.
 */
function nested(value: Value, indent: number, inList: boolean): string[] {
  if (typeof value === "string" && fitsLiteral(value)) {
    const [header = "", ...body] = literalBlock(value, indent + 2);
    return [` ${header}`, ...body];
  }
  if (!Array.isArray(value) && !isObject(value)) return [` ${scalar(value)}`];
  if (isEmptyCollection(value)) return [Array.isArray(value) ? " []" : " {}"];

  // A map entry's list sits at the map's indentation; anything else nests two deeper.
  const depth = Array.isArray(value) && !inList ? indent : indent + 2;
  const lines = block(value, depth);
  if (!inList) return ["", ...lines];
  const [first = "", ...rest] = lines;
  return [` ${first.slice(depth)}`, ...rest];
}

function block(value: Value[] | Record<string, Value>, indent: number): string[] {
  const pad = " ".repeat(indent);
  const lines: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const [first = "", ...rest] = nested(item, indent, true);
      lines.push(`${pad}-${first}`, ...rest);
    }
    return lines;
  }
  for (const key of Object.keys(value).sort(compareStrings)) {
    const [first = "", ...rest] = nested(value[key] ?? null, indent, false);
    lines.push(`${pad}${doubleQuoted(key)}:${first}`, ...rest);
  }
  return lines;
}

/** `value` as a YAML document, the way Terraform's `yamlencode` writes it. */
export function writeYaml(value: Value): string {
  if (isEmptyCollection(value)) return Array.isArray(value) ? "[]\n" : "{}\n";
  if (Array.isArray(value) || isObject(value)) return `${block(value, 0).join("\n")}\n`;
  if (typeof value === "string") {
    return fitsLiteral(value) ? `${literalBlock(value, 2).join("\n")}\n` : `${scalar(value)}\n`;
  }
  return `${scalar(value)}\n...\n`;
}
