/**
 * The pattern functions: `regex`, `regexall` and `replace` (whose pattern form is a
 * substring written between slashes, like "/a+/").
 *
 * Matching follows Go's rules for repeated matches, which Terraform inherits: an empty
 * match directly after the previous match is skipped, so `regexall("a*", "baaa")` finds
 * "" and "aaa" only. A pattern without groups yields the matched text, one with unnamed
 * groups a list of the groups and one with named groups an object; a group that took no
 * part in the match is null.
 */
import type { Value, ValueObject } from "../../value.js";
import { defineFunction, functionError, functionTable, type Args } from "./args.js";
import { translatePattern, UnsupportedPattern } from "./re2.js";

interface Pattern {
  regexp: RegExp;
  names: string[];
  unnamed: number;
}

function compile(name: string, pattern: string): Pattern {
  let regexp: RegExp;
  try {
    const { source, flags } = translatePattern(pattern);
    regexp = new RegExp(source, `${flags}gu`);
  } catch (error) {
    const reason =
      error instanceof UnsupportedPattern
        ? error.message
        : String((error as Error).message).replace(/^Invalid regular expression: \/.*\/\w*: /, "");
    return functionError(name, `invalid regular expression ${JSON.stringify(pattern)}: ${reason}`);
  }

  const probe = new RegExp(`${regexp.source}|`, regexp.flags.replace("g", "")).exec("");
  const names = Object.keys(probe?.groups ?? {});
  const unnamed = (probe?.length ?? 1) - 1 - names.length;
  if (names.length > 0 && unnamed > 0) {
    functionError(name, `pattern ${JSON.stringify(pattern)} mixes named and unnamed groups`);
  }
  return { regexp, names, unnamed };
}

/** Every match in `text`, with Go's rule for empty matches next to the previous one. */
function allMatches(pattern: Pattern, text: string): RegExpExecArray[] {
  const { regexp } = pattern;
  const matches: RegExpExecArray[] = [];
  let previousEnd = -1;
  regexp.lastIndex = 0;

  for (let match = regexp.exec(text); match; match = regexp.exec(text)) {
    const end = match.index + match[0].length;
    if (match[0] === "") {
      const codePoint = text.codePointAt(end) ?? 0;
      regexp.lastIndex = end + (codePoint > 0xffff ? 2 : 1);
      if (match.index === previousEnd) continue;
    }
    matches.push(match);
    previousEnd = end;
  }
  return matches;
}

function shape(pattern: Pattern, match: RegExpExecArray): Value {
  if (pattern.names.length > 0) {
    const result: ValueObject = {};
    for (const name of pattern.names) result[name] = match.groups?.[name] ?? null;
    return result;
  }
  if (pattern.unnamed > 0) return match.slice(1).map((group) => group ?? null);
  return match[0];
}

/** Expands Go's replacement template: `$1`, `${1}`, `$name`, `${name}` and `$$`. */
function expand(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(?:\$|\{(\w+)\}|(\w+))/g, (whole, braced?: string, bare?: string) => {
    const name = braced ?? bare;
    if (name === undefined) return whole === "$$" ? "$" : whole;
    if (/^\d+$/.test(name)) return match[Number(name)] ?? "";
    return match.groups?.[name] ?? "";
  });
}

function replacePattern(text: string, pattern: Pattern, replacement: string): string {
  let result = "";
  let position = 0;
  for (const match of allMatches(pattern, text)) {
    result += text.slice(position, match.index) + expand(replacement, match);
    position = match.index + match[0].length;
  }
  return result + text.slice(position);
}

function replace(args: Args): string {
  const text = args.string(0);
  const search = args.string(1);
  const replacement = args.string(2);
  if (search.length >= 2 && search.startsWith("/") && search.endsWith("/")) {
    const pattern = compile(args.name, search.slice(1, -1));
    return replacePattern(text, pattern, replacement);
  }
  // A function as the replacement keeps JavaScript from reading "$&" and the like in it.
  return text.replaceAll(search, () => replacement);
}

/** regex, regexall and replace. */
export const regexFunctions = functionTable([
  defineFunction("regex", "pattern, string", (args) => {
    const pattern = compile(args.name, args.string(0));
    const text = args.string(1);
    const [first] = allMatches(pattern, text);
    if (!first) {
      return args.fail(
        `pattern ${JSON.stringify(args.string(0))} does not match ${JSON.stringify(text)}`,
        "use regexall() to get an empty list instead of an error when nothing matches",
      );
    }
    return shape(pattern, first);
  }),
  defineFunction("regexall", "pattern, string", (args) => {
    const pattern = compile(args.name, args.string(0));
    return allMatches(pattern, args.string(1)).map((match) => shape(pattern, match));
  }),
  defineFunction("replace", "string, substring, replacement", replace),
]);
