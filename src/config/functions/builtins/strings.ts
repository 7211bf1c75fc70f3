/**
 * Terraform's string functions, except the pattern-based ones (see regex.ts) and
 * `format`/`formatlist` (see format.ts).
 *
 * Case changes work one code point at a time, as Terraform's do: "ß" stays "ß" in
 * `upper` rather than becoming "SS". Lengths and offsets count grapheme clusters.
 */
import { defineFunction, functionTable } from "./args.js";
import { graphemes } from "./convert.js";

/** The code points that Terraform's `trimspace` and `title` treat as white space. */
const SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

function mapCodePoints(text: string, change: (character: string) => string): string {
  let result = "";
  for (const character of text) {
    const changed = change(character);
    result += Array.from(changed).length === 1 ? changed : character;
  }
  return result;
}

/** True where a word ends, so that `title` capitalises the character after it. */
function isSeparator(character: string): boolean {
  if (/^[A-Za-z0-9_]$/.test(character)) return false;
  if (character.charCodeAt(0) < 0x80) return true;
  if (/^[\p{L}\p{N}]$/u.test(character)) return false;
  return SPACE.test(character);
}

function title(text: string): string {
  let previous = " ";
  let result = "";
  for (const character of text) {
    const upper = character.toUpperCase();
    const capitalise = isSeparator(previous) && Array.from(upper).length === 1;
    result += capitalise ? upper : character;
    previous = character;
  }
  return result;
}

function trimCodePoints(text: string, cutset: string): string {
  const cut = new Set(Array.from(cutset));
  const characters = Array.from(text);
  let start = 0;
  let end = characters.length;
  while (start < end && cut.has(characters[start] ?? "")) start += 1;
  while (end > start && cut.has(characters[end - 1] ?? "")) end -= 1;
  return characters.slice(start, end).join("");
}

function trimSpace(text: string): string {
  const characters = Array.from(text);
  let start = 0;
  let end = characters.length;
  while (start < end && SPACE.test(characters[start] ?? "")) start += 1;
  while (end > start && SPACE.test(characters[end - 1] ?? "")) end -= 1;
  return characters.slice(start, end).join("");
}

/**
 * Terraform's substring rules: a negative offset counts from the end, a length of -1 (or
 * any negative length) takes the rest, and an offset past the end gives "".
 */
function substring(text: string, offset: number, length: number): string {
  const characters = graphemes(text);
  const start = Math.max(offset < 0 ? offset + characters.length : offset, 0);
  if (length === 0 || start >= characters.length) return "";
  const end = length < 0 ? characters.length : start + length;
  return characters.slice(start, end).join("");
}

function split(separator: string, text: string): string[] {
  return separator === "" ? Array.from(text) : text.split(separator);
}

/** chomp, endswith, indent, join, lower, split, startswith, strcontains, strrev, substr, ... */
export const stringFunctions = functionTable([
  defineFunction("chomp", "string", (args) => args.string(0).replace(/(?:\r\n?|\n)+$/, "")),
  defineFunction("endswith", "string, suffix", (args) => args.string(0).endsWith(args.string(1))),
  defineFunction("indent", "spaces, string", (args) => {
    const pad = " ".repeat(Math.max(args.integer(0), 0));
    return args.string(1).replaceAll("\n", `\n${pad}`);
  }),
  defineFunction("join", "separator, list, more_lists...", (args) => {
    const separator = args.string(0);
    const items = args.rest(1).flatMap((_, index) => args.stringList(index + 1));
    return items.join(separator);
  }),
  defineFunction("lower", "string", (args) =>
    mapCodePoints(args.string(0), (character) => character.toLowerCase()),
  ),
  defineFunction("split", "separator, string", (args) => split(args.string(0), args.string(1))),
  defineFunction("startswith", "string, prefix", (args) =>
    args.string(0).startsWith(args.string(1)),
  ),
  defineFunction("strcontains", "string, substring", (args) =>
    args.string(0).includes(args.string(1)),
  ),
  defineFunction("strrev", "string", (args) => graphemes(args.string(0)).reverse().join("")),
  defineFunction("substr", "string, offset, length", (args) =>
    substring(args.string(0), args.integer(1), args.integer(2)),
  ),
  defineFunction("title", "string", (args) => title(args.string(0))),
  defineFunction("trim", "string, characters", (args) =>
    trimCodePoints(args.string(0), args.string(1)),
  ),
  defineFunction("trimprefix", "string, prefix", (args) => {
    const [text, prefix] = [args.string(0), args.string(1)];
    return text.startsWith(prefix) ? text.slice(prefix.length) : text;
  }),
  defineFunction("trimsuffix", "string, suffix", (args) => {
    const [text, suffix] = [args.string(0), args.string(1)];
    return suffix !== "" && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
  }),
  defineFunction("trimspace", "string", (args) => trimSpace(args.string(0))),
  defineFunction("upper", "string", (args) =>
    mapCodePoints(args.string(0), (character) => character.toUpperCase()),
  ),
]);
