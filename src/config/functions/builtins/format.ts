/**
 * `format` and `formatlist`: printf-style formatting with Terraform's verbs.
 *
 * A verb is `%`, then flags (space, `+`, `-`, `0`, `#`), a width, a `.precision`, an
 * optional `[n]` that picks the n-th value (later verbs continue from n+1), and the verb
 * letter. Widths count characters (grapheme clusters), not bytes. Every value must be
 * used: leftover values are an error, as they are in Terraform, because they usually mean
 * a verb is missing from the format string.
 */
import type { Value } from "../../value.js";
import { defineFunction, functionError, functionTable, ordinal, type Args } from "./args.js";
import { asBool, asNumber, asString, describe, graphemes } from "./convert.js";
import { encodeJson, quoteJson } from "./json-text.js";
import { formatExponent, formatFixed, formatGeneral, formatNumber } from "../../number-text.js";

const VERB = /%([ +\-#0]*)(?:\[(\d+)\])?(\d*)(?:\.(\d*))?(?:\[(\d+)\])?(.?)/y;

interface Verb {
  raw: string;
  offset: number;
  flags: string;
  width: number | undefined;
  precision: number | undefined;
  letter: string;
}

type Fail = (message: string) => never;

function pad(verb: Verb, text: string, numeric: boolean): string {
  const missing = (verb.width ?? 0) - graphemes(text).length;
  if (missing <= 0) return text;
  if (verb.flags.includes("-")) return text + " ".repeat(missing);
  if (!verb.flags.includes("0")) return " ".repeat(missing) + text;
  const sign = numeric && /^[+\- ]/.test(text) ? text.slice(0, 1) : "";
  return sign + "0".repeat(missing) + text.slice(sign.length);
}

function signed(verb: Verb, text: string): string {
  if (text.startsWith("-")) return text;
  if (verb.flags.includes("+")) return `+${text}`;
  return verb.flags.includes(" ") ? ` ${text}` : text;
}

function integerText(verb: Verb, value: number): string {
  const base = { b: 2, d: 10, o: 8, x: 16, X: 16 }[verb.letter] ?? 10;
  let digits = BigInt(Math.abs(value)).toString(base);
  if (verb.letter === "X") digits = digits.toUpperCase();
  if (verb.precision !== undefined) digits = digits.padStart(verb.precision, "0");
  if (verb.flags.includes("#")) {
    const prefix = { b: "0b", o: "0", x: "0x", X: "0X" }[verb.letter] ?? "";
    digits = prefix + digits;
  }
  return signed(verb, value < 0 ? `-${digits}` : digits);
}

function numberText(verb: Verb, value: number): string {
  const { letter, precision } = verb;
  if (letter === "f") return signed(verb, formatFixed(value, precision));
  if (letter === "e" || letter === "E") {
    return signed(verb, formatExponent(value, precision, letter));
  }
  return signed(verb, formatGeneral(value, precision, letter === "G" ? "E" : "e"));
}

function formatOne(verb: Verb, value: Value, fail: Fail): string {
  const where = `"${verb.raw}" at offset ${verb.offset}`;
  if (verb.letter === "v") {
    const text = verb.flags.includes("#") || value === null || typeof value === "object"
      ? encodeJson(value)
      : typeof value === "number" ? formatGeneral(value) : asString(value);
    return pad(verb, text ?? fail(`${where} cannot format ${describe(value)}`), false);
  }
  if (value === null) return fail(`${where} cannot format null`);

  if (verb.letter === "t") {
    const bool = asBool(value) ?? fail(`${where} needs a bool, got ${describe(value)}`);
    return pad(verb, String(bool), false);
  }
  if ("bdoxXeEfgG".includes(verb.letter)) {
    const number = asNumber(value) ?? fail(`${where} needs a number, got ${describe(value)}`);
    if ("bdoxX".includes(verb.letter)) {
      if (!Number.isInteger(number)) {
        fail(`${where} needs a whole number, got ${formatNumber(number)}`);
      }
      // Go pads with spaces, not zeros, once a precision fixes the number of digits.
      const padding =
        verb.precision === undefined ? verb : { ...verb, flags: verb.flags.replace("0", "") };
      return pad(padding, integerText(verb, number), true);
    }
    return pad(verb, numberText(verb, number), true);
  }
  if (verb.letter === "s" || verb.letter === "q") {
    let text = asString(value) ?? fail(`${where} needs a string, got ${describe(value)}`);
    if (verb.precision) text = graphemes(text).slice(0, verb.precision).join("");
    return pad(verb, verb.letter === "q" ? quoteJson(text) : text, false);
  }
  return fail(`unsupported verb ${where}`);
}

/** Formats `values` by the printf-style `spec`; errors name the function `name`. */
export function formatValues(name: string, spec: string, values: readonly Value[]): string {
  const fail: Fail = (message) => functionError(name, message);
  let result = "";
  let next = 0;
  let used = 0;
  let position = 0;

  while (position < spec.length) {
    const percent = spec.indexOf("%", position);
    if (percent < 0) break;
    result += spec.slice(position, percent);
    VERB.lastIndex = percent;
    const match = VERB.exec(spec);
    const [raw = "%", flags = "", before, width, precision, after, letter = ""] = match ?? [];
    position = percent + raw.length;
    if (letter === "%") {
      result += "%";
      continue;
    }
    if (letter === "") fail(`the format string ends in the middle of "${raw}"`);

    const chosen = before ?? after;
    const index = chosen === undefined ? next : Number(chosen) - 1;
    const verb: Verb = {
      raw, offset: percent, flags, letter,
      width: width ? Number(width) : undefined,
      precision: precision === undefined ? undefined : Number(precision || "0"),
    };
    if (index >= values.length || index < 0) {
      const given = values.length;
      fail(`"${raw}" at offset ${percent} needs value ${index + 1}, but ${given} were given`);
    }
    result += formatOne(verb, values[index] ?? null, fail);
    next = index + 1;
    used = Math.max(used, next);
  }

  if (used < values.length) {
    fail(`got ${values.length} values, but the format string uses only ${used}`);
  }
  return result + spec.slice(position);
}

function formatList(args: Args): string[] {
  const spec = args.string(0);
  const values = args.rest(1);
  const lengths = values.map((value) => (Array.isArray(value) ? value.length : undefined));
  const firstList = lengths.findIndex((length) => length !== undefined);
  const count = firstList < 0 ? 1 : (lengths[firstList] ?? 0);

  lengths.forEach((length, index) => {
    if (length === undefined || length === count) return;
    args.fail(
      `the ${ordinal(index + 1)} argument has ${length} elements, ` +
        `but the ${ordinal(firstList + 1)} has ${count}`,
    );
  });

  return Array.from({ length: count }, (_, row) => {
    const rowValues = values.map((value) => (Array.isArray(value) ? (value[row] ?? null) : value));
    return formatValues(args.name, spec, rowValues);
  });
}

/** format and formatlist. */
export const formatFunctions = functionTable([
  defineFunction("format", "spec, values...", (args) =>
    formatValues(args.name, args.string(0), args.rest(1)),
  ),
  defineFunction("formatlist", "spec, values...", formatList),
]);
