/**
 * A cursor over HCL native-syntax text that can step over whole lexical constructs.
 *
 * The outline needs to know where attributes and blocks start, never what an expression
 * means, so this scanner only has to step over the constructs that can hide structural
 * characters: comments (`#`, `//`, `/* *\/`), quoted templates (with `\` escapes and
 * `${ }`/`%{ }` sequences whose expressions may hold quotes and braces of their own),
 * heredocs (`<<EOT` / `<<-EOT`, ended by a line holding only the marker) and bracket
 * nesting. Every method moves `pos` forward or leaves it, so a scan is linear in the
 * text length even when the text is invalid; hcl2json reports the syntax errors.
 */

const NEWLINE = 10;
const QUOTE = 34;
const HEREDOC_HEADER = /<<-?([\p{ID_Start}_][\p{ID_Continue}-]*)[ \t]*\r?\n/uy;

/** Where {@link HclScanner.skipExpression} stops at nesting depth 0, besides EOF and closers. */
export interface ExpressionStops {
  newline: boolean;
  comma: boolean;
}

/** A position in HCL text with methods that step over comments, strings and expressions. */
export class HclScanner {
  pos = 0;

  constructor(readonly text: string) {}

  /** True once the whole text has been consumed. */
  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** The character code at `pos + ahead`, or -1 past the end. */
  peek(ahead = 0): number {
    const index = this.pos + ahead;
    return index < this.text.length ? this.text.charCodeAt(index) : -1;
  }

  /** Skips spaces, tabs, carriage returns, byte-order marks and comments; newlines if asked. */
  skipSpace(newlines: boolean): void {
    for (;;) {
      const c = this.peek();
      if (c === 32 || c === 9 || c === 13 || c === 0xfeff || (newlines && c === NEWLINE)) {
        this.pos++;
      } else if (c === 35 || (c === 47 && this.peek(1) === 47)) {
        this.skipToLineEnd();
      } else if (c === 47 && this.peek(1) === 42) {
        this.skipBlockComment();
      } else {
        return;
      }
    }
  }

  /** Moves to the next newline without consuming it (a line comment's extent). */
  skipToLineEnd(): void {
    const end = this.text.indexOf("\n", this.pos);
    this.pos = end < 0 ? this.text.length : end;
  }

  /** Reads an HCL identifier (letters, digits, `_` and `-`, not starting with a digit or `-`). */
  readIdentifier(): string | undefined {
    const start = this.pos;
    if (!isIdentifierStart(this.peek())) return undefined;
    this.pos++;
    while (isIdentifierPart(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /**
   * Steps over an expression up to where it ends at nesting depth 0: a newline or comma when
   * `stops` says so, an unmatched closing bracket (left unconsumed) or the end of the text.
   */
  skipExpression(stops: ExpressionStops): void {
    let depth = 0;
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === QUOTE) {
        this.skipQuoted();
      } else if (c === 60 && this.peek(1) === 60) {
        if (!this.skipHeredoc()) this.pos += 2;
      } else if (c === 35 || c === 47) {
        const before = this.pos;
        this.skipSpace(false);
        if (this.pos === before) this.pos++;
      } else if (c === 40 || c === 91 || c === 123) {
        depth++;
        this.pos++;
      } else if (c === 41 || c === 93 || c === 125) {
        if (depth === 0) return;
        depth--;
        this.pos++;
      } else if (depth === 0 && ((c === NEWLINE && stops.newline) || (c === 44 && stops.comma))) {
        return;
      } else {
        this.pos++;
      }
    }
  }

  /** Steps over a quoted template starting at `"`; stops at a newline if the quote is unclosed. */
  skipQuoted(): void {
    this.pos++;
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === QUOTE) {
        this.pos++;
        return;
      }
      if (c === NEWLINE) return;
      if (c === 92) {
        this.pos = Math.min(this.pos + 2, this.text.length);
      } else if (!this.skipTemplateSequence()) {
        this.pos++;
      }
    }
  }

  /**
   * At `${`, `%{`, `$${` or `%%{`, steps over the whole sequence and returns true. The
   * doubled forms are literal text; the others hold an expression up to the matching `}`.
   */
  private skipTemplateSequence(): boolean {
    const c = this.peek();
    if (c !== 36 && c !== 37) return false;
    if (this.peek(1) === c && this.peek(2) === 123) {
      this.pos += 3;
      return true;
    }
    if (this.peek(1) !== 123) return false;
    this.pos += 2;
    this.skipExpression({ newline: false, comma: false });
    if (this.peek() === 125) this.pos++;
    return true;
  }

  private skipBlockComment(): void {
    const end = this.text.indexOf("*/", this.pos + 2);
    this.pos = end < 0 ? this.text.length : end + 2;
  }

  /**
   * At `<<`, steps over a heredoc if one starts here and returns true. The closing marker
   * is a line that holds only the marker and whitespace, for `<<` as for `<<-`; the scan
   * stops before that line's newline so that the attribute ends there as usual.
   */
  private skipHeredoc(): boolean {
    HEREDOC_HEADER.lastIndex = this.pos;
    const match = HEREDOC_HEADER.exec(this.text);
    if (!match) return false;

    const marker = match[1] ?? "";
    this.pos = HEREDOC_HEADER.lastIndex;
    while (this.pos < this.text.length) {
      const lineEnd = this.lineEndFrom(this.pos);
      if (this.text.slice(this.pos, lineEnd).trim() === marker) {
        this.pos = lineEnd;
        return true;
      }
      this.skipHeredocLine(lineEnd);
    }
    return true;
  }

  /** Steps over one heredoc content line, including interpolations that may run past it. */
  private skipHeredocLine(lineEnd: number): void {
    while (this.pos < lineEnd) {
      if (!this.skipTemplateSequence()) this.pos++;
      // An interpolation may continue over several lines; go on from wherever it ended.
      if (this.pos > lineEnd) lineEnd = this.lineEndFrom(this.pos);
    }
    this.pos = Math.min(lineEnd + 1, this.text.length);
  }

  private lineEndFrom(index: number): number {
    const end = this.text.indexOf("\n", index);
    return end < 0 ? this.text.length : end;
  }
}

function isIdentifierStart(c: number): boolean {
  if (c < 0) return false;
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
  return /[\p{ID_Start}]/u.test(String.fromCharCode(c));
}

function isIdentifierPart(c: number): boolean {
  if (c < 0) return false;
  if (c < 128) return isIdentifierStart(c) || (c >= 48 && c <= 57) || c === 45;
  return /[\p{ID_Continue}]/u.test(String.fromCharCode(c));
}
