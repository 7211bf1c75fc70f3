/**
 * Splits HCL expression text into tokens, one at a time.
 *
 * The lexer is a pure function of (text, offset). That lets the parser look one token ahead,
 * peek at a second token without committing to it, and hand the offset over to the template
 * scanner when it meets a quote: a quoted string is a template that can nest whole
 * expressions, so it is parsed rather than lexed. Comments are skipped here because hcl2json
 * keeps them inside multi-line expressions such as a `merge(` spread over several lines.
 */

/** What kind of token: `quote` is an opening `"`, `end` is the end of the text. */
export type TokenType = "ident" | "number" | "punct" | "quote" | "newline" | "end";

/** One token and where it sits in the text. */
export interface Token {
  readonly type: TokenType;
  /** The token's source text; for `punct` the operator itself. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A syntax problem at an offset of the text; the parse entry points make it a TerraceError. */
export class SyntaxIssue extends Error {
  constructor(
    readonly detail: string,
    readonly offset: number,
    readonly hint?: string,
  ) {
    super(detail);
  }
}

const TWO_CHARACTER = new Set(["==", "!=", "<=", ">=", "&&", "||", "=>"]);
const ONE_CHARACTER = new Set("+-*/%<>!?:=.,[](){}~");
const ID_START = /\p{ID_Start}/u;
const ID_CONTINUE = /\p{ID_Continue}/u;

/**
 * The token that starts at or after `offset`. With `integerOnly`, a number stops before any
 * `.`: after a dot, `a.0.1` is the two legacy index steps `0` and `1`, not the number 0.1.
 */
export function scanToken(text: string, offset: number, integerOnly = false): Token {
  const start = skipBlanks(text, offset);
  if (start >= text.length) return { type: "end", text: "", start, end: start };

  const char = text.charAt(start);
  if (char === "\n") return { type: "newline", text: char, start, end: start + 1 };
  if (char === '"') return { type: "quote", text: char, start, end: start + 1 };
  if (isDigit(char)) return scanNumber(text, start, integerOnly);
  if (isIdentStart(char)) return scanIdentifier(text, start);

  if (text.startsWith("...", start)) return { type: "punct", text: "...", start, end: start + 3 };
  const pair = text.slice(start, start + 2);
  if (TWO_CHARACTER.has(pair)) return { type: "punct", text: pair, start, end: start + 2 };
  if (ONE_CHARACTER.has(char)) return { type: "punct", text: char, start, end: start + 1 };
  throw new SyntaxIssue(`unexpected character ${JSON.stringify(char)}`, start);
}

/** Skips spaces, tabs, carriage returns and comments, but not newlines: they can separate items. */
function skipBlanks(text: string, offset: number): number {
  let at = offset;
  while (at < text.length) {
    const char = text.charAt(at);
    if (char === " " || char === "\t" || char === "\r") {
      at += 1;
    } else if (char === "#" || text.startsWith("//", at)) {
      const newline = text.indexOf("\n", at);
      at = newline === -1 ? text.length : newline;
    } else if (text.startsWith("/*", at)) {
      const close = text.indexOf("*/", at + 2);
      if (close === -1) throw new SyntaxIssue('unterminated comment: expected "*/"', at);
      at = close + 2;
    } else {
      break;
    }
  }
  return at;
}

function scanNumber(text: string, start: number, integerOnly: boolean): Token {
  let end = skipDigits(text, start);
  if (!integerOnly) {
    if (text.charAt(end) === "." && isDigit(text.charAt(end + 1))) end = skipDigits(text, end + 1);
    const marker = text.charAt(end);
    if (marker === "e" || marker === "E") {
      const sign = text.charAt(end + 1) === "+" || text.charAt(end + 1) === "-" ? 1 : 0;
      if (isDigit(text.charAt(end + 1 + sign))) end = skipDigits(text, end + 1 + sign);
    }
  }
  return { type: "number", text: text.slice(start, end), start, end };
}

/**
 * HCL names may contain dashes (`dependency.my-vpc`). A `::` between names is kept in the
 * token so that provider functions such as `provider::aws::arn_parse` read as one name.
 */
function scanIdentifier(text: string, start: number): Token {
  let end = start + 1;
  for (;;) {
    const char = text.charAt(end);
    if (char !== "" && (char === "-" || isIdentPart(char))) {
      end += 1;
    } else if (char === ":" && text.charAt(end + 1) === ":" && isIdentStart(text.charAt(end + 2))) {
      end += 3;
    } else {
      return { type: "ident", text: text.slice(start, end), start, end };
    }
  }
}

function skipDigits(text: string, offset: number): number {
  let at = offset;
  while (isDigit(text.charAt(at))) at += 1;
  return at;
}

function isDigit(char: string): boolean {
  return char >= "0" && char <= "9";
}

function isIdentStart(char: string): boolean {
  if ((char >= "a" && char <= "z") || (char >= "A" && char <= "Z") || char === "_") return true;
  return char > "\u007f" && ID_START.test(char);
}

function isIdentPart(char: string): boolean {
  if (isIdentStart(char) || isDigit(char)) return true;
  return char > "\u007f" && ID_CONTINUE.test(char);
}
