/**
 * Translation of RE2 patterns, the syntax Terraform's regex functions use, into JavaScript
 * regular expressions in Unicode mode.
 *
 * The two dialects agree on most syntax; this rewrites the parts that differ: `(?P<name>`
 * groups, leading `(?i)`-style flags, `\A` and `\z`, `\Q...\E` quoting, one-letter Unicode
 * classes such as `\pL`, POSIX classes such as `[[:alpha:]]`, and braces or escaped
 * punctuation that RE2 reads literally but Unicode-mode JavaScript rejects. Features with
 * no JavaScript equivalent (flags in the middle of a pattern, `\C`) are refused by name.
 */

const POSIX_CLASSES: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7f",
  blank: "\\t ",
  cntrl: "\\x00-\\x1f\\x7f",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
};

/** Punctuation that Unicode-mode JavaScript accepts after a backslash. */
const SYNTAX = new Set(Array.from("^$\\.*+?()[]{}|/"));

/** A pattern rewritten for JavaScript, with the flags RE2 set at its start. */
export interface TranslatedPattern {
  source: string;
  flags: string;
}

/** Thrown for RE2 syntax that has no JavaScript equivalent; the message says which. */
export class UnsupportedPattern extends Error {}

function hexEscape(character: string): string {
  return `\\x${character.charCodeAt(0).toString(16).padStart(2, "0")}`;
}

function quoteLiteral(text: string): string {
  const literal = (c: string) => /[A-Za-z0-9\s]/.test(c) || c > "\x7f";
  return Array.from(text, (c) => (literal(c) ? c : hexEscape(c))).join("");
}

function leadingFlags(pattern: string): { flags: string; rest: string } {
  const match = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
  if (!match) return { flags: "", rest: pattern };
  const letters = match[1] ?? "";
  if (!/^[ims]+$/.test(letters)) {
    throw new UnsupportedPattern(`the flags "${letters}" are not supported; use i, m or s`);
  }
  return { flags: Array.from(new Set(letters)).join(""), rest: pattern.slice(match[0].length) };
}

function unicodeClass(negated: boolean, name: string): string {
  const property = /^[A-Z][a-z&]?$/.test(name) ? name : `Script=${name}`;
  return `${negated ? "\\P" : "\\p"}{${property}}`;
}

/** Rewrites one backslash escape starting at `index`; returns the text and its length. */
function translateEscape(pattern: string, index: number, inClass: boolean): [string, number] {
  const next = pattern[index + 1] ?? "";
  if (next === "A") return ["(?<![\\s\\S])", 2];
  if (next === "z") return ["(?![\\s\\S])", 2];
  if (next === "C") throw new UnsupportedPattern("\\C is not supported");
  if (next === "Q") {
    const end = pattern.indexOf("\\E", index + 2);
    const stop = end < 0 ? pattern.length : end;
    return [quoteLiteral(pattern.slice(index + 2, stop)), stop - index + (end < 0 ? 0 : 2)];
  }
  if (next === "p" || next === "P") {
    const braced = /^\{\^?([A-Za-z_&]+)\}/.exec(pattern.slice(index + 2));
    if (braced) {
      const negated = (next === "P") !== braced[0].startsWith("{^");
      return [unicodeClass(negated, braced[1] ?? ""), 2 + braced[0].length];
    }
    return [unicodeClass(next === "P", pattern[index + 2] ?? ""), 3];
  }
  if (next === "x" && pattern[index + 2] === "{") {
    const end = pattern.indexOf("}", index);
    return [`\\u${pattern.slice(index + 2, end + 1)}`, end - index + 1];
  }
  if (/[\x21-\x7e]/.test(next) && !/[A-Za-z0-9]/.test(next)) {
    const allowed = SYNTAX.has(next) || (inClass && next === "-");
    return [allowed ? `\\${next}` : hexEscape(next), 2];
  }
  return [`\\${next}`, 2];
}

const QUANTIFIER = /^\{\d+(?:,\d*)?\}/;

/** Rewrites an RE2 pattern for `new RegExp(source, flags + "u")`. */
export function translatePattern(pattern: string): TranslatedPattern {
  const { flags, rest } = leadingFlags(pattern);
  let source = "";
  let inClass = false;
  let classBody = 0;
  let index = 0;

  while (index < rest.length) {
    const character = rest[index] ?? "";
    const ahead = rest.slice(index);
    let text = character;
    let length = 1;

    if (character === "\\") {
      [text, length] = translateEscape(rest, index, inClass);
    } else if (inClass) {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(ahead);
      if (posix) {
        const members = POSIX_CLASSES[posix[2] ?? ""];
        if (members === undefined || posix[1]) {
          throw new UnsupportedPattern(`the class ${posix[0]} is not supported`);
        }
        [text, length] = [members, posix[0].length];
      } else if (character === "^" && source.length === classBody) {
        classBody += 1;
      } else if (character === "]") {
        // RE2 reads a "]" that opens the class body as a member, not as the end.
        if (source.length === classBody) text = "\\]";
        else inClass = false;
      } else if (character === "[") {
        text = "\\[";
      }
    } else if (character === "[") {
      inClass = true;
      classBody = source.length + 1;
    } else if (ahead.startsWith("(?P<")) {
      [text, length] = ["(?<", 4];
    } else if (/^\(\?[a-zA-Z-]+[:)]/.test(ahead)) {
      throw new UnsupportedPattern("flags are supported only at the start of the pattern");
    } else if (character === "{") {
      const quantifier = QUANTIFIER.exec(ahead)?.[0];
      [text, length] = quantifier ? [quantifier, quantifier.length] : ["\\{", 1];
    } else if (character === "}" || character === "]") {
      text = `\\${character}`;
    }

    source += text;
    index += length;
  }
  return { source, flags };
}
