/**
 * Scalars for the YAML reader: quoted strings, block scalars (`|` and `>`) and the typing
 * of plain scalars.
 *
 * Plain scalars are typed the way Terraform's YAML decoder types them, which follows YAML
 * 1.1 for bools (`yes`, `on` and `y` are true) and nulls (`~`, empty), reads decimal,
 * `0x` and `0o` numbers, and turns timestamps into RFC 3339 strings. Quoted scalars are
 * always strings. Line breaks inside quoted and plain scalars fold to spaces, and a blank
 * line folds to a line break, as the YAML specification says.
 */
import type { Value } from "../../value.js";

/** A problem in YAML text, at an offset into the text. */
export class YamlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const TRUE = new Set(["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]);
const FALSE = new Set(["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]);
const NULL = new Set(["", "~", "null", "Null", "NULL"]);
const DECIMAL = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const TIMESTAMP = new RegExp(
  "^(\\d{4})-(\\d\\d?)-(\\d\\d?)" +
    "(?:(?:[Tt]|[ \\t]+)(\\d\\d?):(\\d\\d):(\\d\\d)(?:\\.\\d*)?" +
    "(?:[ \\t]*(Z|[-+]\\d\\d?(?::?\\d\\d)?))?)?$",
);

function two(text: string | undefined): string {
  return (text ?? "0").padStart(2, "0");
}

/** A YAML timestamp rewritten as an RFC 3339 string without fractional seconds. */
function timestamp(text: string): string | undefined {
  const match = TIMESTAMP.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, zone] = match;
  const date = `${year}-${two(month)}-${two(day)}`;
  if (hour === undefined) return `${date}T00:00:00Z`;
  let offset = "Z";
  if (zone !== undefined && zone !== "Z") {
    const [, sign = "+", hours, minutes] = /^([-+])(\d\d?):?(\d\d)?$/.exec(zone) ?? [];
    const utc = Number(hours) === 0 && Number(minutes ?? 0) === 0;
    offset = utc ? "Z" : `${sign}${two(hours)}:${two(minutes)}`;
  }
  return `${date}T${two(hour)}:${minute}:${second}${offset}`;
}

/** The value of a plain (unquoted) scalar. */
export function resolvePlain(text: string, offset: number): Value {
  if (NULL.has(text)) return null;
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) {
    throw new YamlError("NaN is not a supported number", offset);
  }
  if (DECIMAL.test(text)) return Number(text);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return Number(text);
  return timestamp(text) ?? text;
}

const ESCAPES: Record<string, string> = {
  "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r",
  e: "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0",
  L: "\u2028", P: "\u2029",
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A quoted scalar's value and the offset just past its closing quote. */
export interface QuotedScalar {
  value: string;
  end: number;
}

/**
 * Reads a single- or double-quoted scalar starting at the quote at `start`, folding line
 * breaks; trailing white space before a break is dropped unless it came from an escape.
 */
export function readQuoted(text: string, start: number): QuotedScalar {
  const quote = text[start];
  let value = "";
  let trimmable = 0;
  let index = start + 1;

  for (;;) {
    const character = text[index];
    if (character === undefined) throw new YamlError("a quoted string is not closed", start);
    if (character === quote && quote === "'" && text[index + 1] === "'") {
      value += "'";
      index += 2;
      trimmable = 0;
    } else if (character === quote) {
      return { value, end: index + 1 };
    } else if (character === "\\" && quote === '"') {
      const next = text[index + 1] ?? "";
      if (next === "\n" || next === "\r") {
        index = skipLeading(text, index + (text.startsWith("\r\n", index + 1) ? 3 : 2));
        trimmable = 0;
        continue;
      }
      const digits = HEX_LENGTH[next];
      const hex = digits === undefined ? "" : text.slice(index + 2, index + 2 + digits);
      const escaped = digits === undefined ? ESCAPES[next] : codePoint(hex, digits);
      if (escaped === undefined) {
        throw new YamlError(`"\\${next}" is not a valid escape`, index);
      }
      value += escaped;
      index += 2 + (digits ?? 0);
      trimmable = 0;
    } else if (character === "\n" || character === "\r") {
      value = value.slice(0, value.length - trimmable);
      const folded = foldBreaks(text, index);
      value += folded.text;
      index = folded.end;
      trimmable = 0;
    } else {
      value += character;
      index += 1;
      trimmable = character === " " || character === "\t" ? trimmable + 1 : 0;
    }
  }
}

/** The character a `\x`, `\u` or `\U` escape names, if its hex digits are valid. */
function codePoint(hex: string, digits: number): string | undefined {
  const code = parseInt(hex, 16);
  const valid = hex.length === digits && /^[0-9a-fA-F]+$/.test(hex) && code <= 0x10ffff;
  return valid ? String.fromCodePoint(code) : undefined;
}

function skipLeading(text: string, index: number): number {
  let position = index;
  while (text[position] === " " || text[position] === "\t") position += 1;
  return position;
}

/**
 * Folds the line break at `index` and any blank lines after it: one break becomes a space,
 * each further blank line a line break. Returns the text and where the next content starts.
 */
export function foldBreaks(text: string, index: number): { text: string; end: number } {
  let position = index;
  let breaks = 0;
  for (;;) {
    if (text.startsWith("\r\n", position)) position += 2;
    else if (text[position] === "\n" || text[position] === "\r") position += 1;
    else break;
    breaks += 1;
    position = skipLeading(text, position);
  }
  return { text: breaks > 1 ? "\n".repeat(breaks - 1) : " ", end: position };
}

/** How a block scalar treats its final line breaks: strip (`-`), clip, or keep (`+`). */
export type Chomping = "strip" | "clip" | "keep";

/** The value of a block scalar from its lines (indentation removed, blank lines ""). */
export function blockScalar(lines: readonly string[], folded: boolean, chomping: Chomping): string {
  let last = lines.length;
  while (last > 0 && lines[last - 1] === "") last -= 1;
  const content = lines.slice(0, last);
  const trailingBlank = lines.length - last;

  const body = folded ? foldLines(content) : content.join("\n");
  if (chomping === "strip") return body;
  if (content.length === 0) return chomping === "keep" ? "\n".repeat(trailingBlank) : "";
  return chomping === "keep" ? `${body}\n${"\n".repeat(trailingBlank)}` : `${body}\n`;
}

function foldLines(lines: readonly string[]): string {
  let result = "";
  let previous: "none" | "normal" | "indented" = "none";
  let blanks = 0;
  for (const line of lines) {
    if (line === "") {
      blanks += 1;
      continue;
    }
    const kind = /^[ \t]/.test(line) ? "indented" : "normal";
    // Only a break between two ordinary lines folds; more-indented lines keep theirs.
    if (previous === "none") result += "\n".repeat(blanks);
    else if (previous === "normal" && kind === "normal") result += "\n".repeat(blanks) || " ";
    else result += "\n".repeat(blanks + 1);
    result += line;
    previous = kind;
    blanks = 0;
  }
  return result;
}
