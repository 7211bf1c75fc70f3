/**
 * The parser's view of the token sequence: one token of lookahead over `scanToken`.
 *
 * Newlines matter only between the items of an object constructor; everywhere else (inside
 * parentheses, brackets, calls, interpolations and for expressions) they are blanks. The
 * stream therefore has a mode, set for the extent of one construct with `withNewlines`, and
 * drops newline tokens while newlines do not matter.
 *
 * A token is scanned only when the parser asks for it, never earlier. After the parser
 * consumes the `}` that closes an interpolation, nothing past it has been read, so the
 * template scanner can take over at `position` and read the following text as literal text.
 */

import { scanToken, SyntaxIssue, type Token } from "./lexer.js";

/** Tokens of one text, read left to right with one token of lookahead. */
export class TokenStream {
  private lookahead: Token | undefined;
  private offset = 0;
  private previous: Token | undefined;
  private newlinesMatter = false;

  constructor(readonly text: string) {}

  /** The offset just after the last consumed token; the template scanner resumes here. */
  get position(): number {
    return this.offset;
  }

  /** Continues at `offset`, forgetting any token looked at. */
  seek(offset: number): void {
    this.offset = offset;
    this.lookahead = undefined;
    this.previous = undefined;
  }

  /** The next token, without consuming it. */
  peek(): Token {
    for (;;) {
      this.lookahead ??= scanToken(this.text, this.offset);
      if (this.lookahead.type !== "newline" || this.newlinesMatter) return this.lookahead;
      this.offset = this.lookahead.end;
      this.lookahead = undefined;
    }
  }

  /** Like `peek`, but a number stops before a dot: used right after a `.` step. */
  peekInteger(): Token {
    this.lookahead ??= scanToken(this.text, this.offset, true);
    return this.lookahead;
  }

  /** The token after the next one, without consuming either. */
  peekSecond(): Token {
    let token = scanToken(this.text, this.peek().end);
    while (token.type === "newline" && !this.newlinesMatter) {
      token = scanToken(this.text, token.end);
    }
    return token;
  }

  /** Consumes and returns the next token. */
  next(): Token {
    const token = this.peek();
    this.offset = token.end;
    this.lookahead = undefined;
    this.previous = token;
    return token;
  }

  /** True when the next token is the punctuation `text`. */
  isPunct(text: string): boolean {
    const token = this.peek();
    return token.type === "punct" && token.text === text;
  }

  /** True when the next token is the name `word` (`in`, `if`, `for`). */
  isKeyword(word: string): boolean {
    const token = this.peek();
    return token.type === "ident" && token.text === word;
  }

  /** Consumes the punctuation `text` when it comes next. */
  accept(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.next();
    return true;
  }

  /** Consumes the punctuation `text`, or fails saying what it was needed for (`why`). */
  expect(text: string, why: string): Token {
    if (!this.isPunct(text)) this.fail(`expected "${text}" ${why}, found ${this.describeNext()}`);
    return this.next();
  }

  /** Consumes newline tokens even where newlines matter (after an operator, say). */
  skipNewlines(): void {
    const saved = this.newlinesMatter;
    this.newlinesMatter = false;
    this.peek();
    this.newlinesMatter = saved;
  }

  /** Runs `parse` with newlines significant or not, restoring the mode afterwards. */
  withNewlines<T>(matter: boolean, parse: () => T): T {
    const saved = this.newlinesMatter;
    this.newlinesMatter = matter;
    try {
      return parse();
    } finally {
      this.newlinesMatter = saved;
    }
  }

  /** The last consumed token, if it was an operator or a name worth naming in a message. */
  previousText(): string | undefined {
    const token = this.previous;
    return token && (token.type === "punct" || token.type === "ident") ? token.text : undefined;
  }

  /** The next token as a message names it. */
  describeNext(): string {
    const token = this.peek();
    switch (token.type) {
      case "end":
        return "the end of the text";
      case "newline":
        return "a newline";
      case "quote":
        return "a string";
      default:
        return JSON.stringify(token.text);
    }
  }

  /** Stops parsing with a syntax problem at the next token. */
  fail(detail: string, hint?: string): never {
    const at = this.lookahead ? this.lookahead.start : this.offset;
    throw new SyntaxIssue(detail, at, hint);
  }
}
