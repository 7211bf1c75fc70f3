/**
 * The outline of an HCL native-syntax file: which attributes and blocks each body declares,
 * in order, and on which line, without any values.
 *
 * One recursive-descent pass over the text: at body level an item is an identifier followed
 * either by `=` (an attribute, whose value expression is stepped over up to its newline) or
 * by labels and `{` (a block, whose body is outlined recursively up to its `}`). An
 * attribute value that starts with `{` is an object literal; its top-level keys are
 * recorded with their lines. Values themselves come from hcl2json; see `load.ts`.
 */

import { HclScanner } from "./scanner.js";

/** An attribute as the outline sees it: its name, line and, for object literals, key lines. */
export interface OutlineAttribute {
  name: string;
  line: number;
  /** Top-level keys of an object-literal value: identifiers and plain quoted strings. */
  keyLines?: Record<string, number>;
}

/** A block header and its outlined body. */
export interface OutlineBlock {
  type: string;
  labels: string[];
  line: number;
  /** Offset of the type keyword in the text, where `aliases.ts` may rename it. */
  offset: number;
  body: OutlineBody;
}

/** The attributes and blocks of one body, each list in declaration order. */
export interface OutlineBody {
  attributes: OutlineAttribute[];
  blocks: OutlineBlock[];
}

/** Outlines a whole file. Invalid text yields some outline; hcl2json reports the errors. */
export function outlineHcl(text: string): OutlineBody {
  return new OutlineReader(text).readBody(false);
}

const ITEM_VALUE = { newline: true, comma: false };
const OBJECT_ITEM_VALUE = { newline: true, comma: true };
const TO_CLOSER = { newline: false, comma: false };

class OutlineReader {
  private readonly scanner: HclScanner;
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.scanner = new HclScanner(text);
    this.lineStarts = lineStartsOf(text);
  }

  readBody(nested: boolean): OutlineBody {
    const body: OutlineBody = { attributes: [], blocks: [] };
    const s = this.scanner;
    for (;;) {
      s.skipSpace(true);
      if (s.done) return body;
      if (s.peek() === 125) {
        s.pos++;
        if (nested) return body;
        continue;
      }

      const start = s.pos;
      const name = s.readIdentifier();
      if (name === undefined) {
        this.skipInvalidItem();
        continue;
      }
      s.skipSpace(false);
      if (isAssignment(s)) {
        s.pos++;
        body.attributes.push(this.readAttribute(name, this.lineOf(start)));
        continue;
      }
      const labels = this.readLabels();
      if (s.peek() === 123) {
        s.pos++;
        const line = this.lineOf(start);
        body.blocks.push({ type: name, labels, line, offset: start, body: this.readBody(true) });
      } else {
        this.skipInvalidItem();
      }
    }
  }

  private readAttribute(name: string, line: number): OutlineAttribute {
    const s = this.scanner;
    s.skipSpace(false);
    if (s.peek() !== 123) {
      s.skipExpression(ITEM_VALUE);
      return { name, line };
    }

    const keyLines = this.readObjectKeys();
    // Whatever follows the object (`{...}.key`, an operator) belongs to the same value.
    s.skipExpression(ITEM_VALUE);
    return { name, line, keyLines };
  }

  /** Reads the keys of an object literal from its `{` to just past its `}`. */
  private readObjectKeys(): Record<string, number> {
    const s = this.scanner;
    const keyLines: Record<string, number> = {};
    s.pos++;
    for (;;) {
      s.skipSpace(true);
      while (s.peek() === 44) {
        s.pos++;
        s.skipSpace(true);
      }
      if (s.done) return keyLines;
      if (s.peek() === 125) {
        s.pos++;
        return keyLines;
      }

      const start = s.pos;
      if (isForExpression(s.text, start)) {
        // `{ for k, v in x : k => v }` builds an object at evaluation time; it has no keys.
        s.skipExpression(TO_CLOSER);
        continue;
      }
      const key = s.peek() === 34 ? readStringLiteral(s) : s.readIdentifier();
      s.skipSpace(false);
      if (key !== undefined && (s.peek() === 58 || isAssignment(s))) {
        keyLines[key] = this.lineOf(start);
      }
      s.skipExpression(OBJECT_ITEM_VALUE);
      if (s.pos === start) s.pos++;
    }
  }

  private readLabels(): string[] {
    const s = this.scanner;
    const labels: string[] = [];
    for (;;) {
      const label = s.peek() === 34 ? readStringLiteral(s) : s.readIdentifier();
      if (label === undefined) return labels;
      labels.push(label);
      s.skipSpace(false);
    }
  }

  /** Skips the rest of an item that is neither an attribute nor a block, moving forward. */
  private skipInvalidItem(): void {
    const s = this.scanner;
    const before = s.pos;
    s.skipExpression(ITEM_VALUE);
    if (s.pos === before && s.peek() !== 125) s.pos++;
  }

  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}

/** True at `=` that assigns, not at the `==` operator. */
function isAssignment(s: HclScanner): boolean {
  return s.peek() === 61 && s.peek(1) !== 61;
}

const FOR_HEADER = /for[ \t\r\n]+[\p{ID_Start}_]/uy;

function isForExpression(text: string, start: number): boolean {
  FOR_HEADER.lastIndex = start;
  return FOR_HEADER.test(text);
}

/**
 * Reads a quoted string and decodes its escapes the way hcl2json presents keys and labels.
 * Returns undefined (having stepped over the string) if it holds a template sequence,
 * since hcl2json reformats those and the raw text would not match its key.
 */
function readStringLiteral(s: HclScanner): string | undefined {
  const start = s.pos;
  s.skipQuoted();
  const raw = s.text.slice(start + 1, s.text.charCodeAt(s.pos - 1) === 34 ? s.pos - 1 : s.pos);
  if (/[$%]\{/.test(raw.replaceAll("$${", "").replaceAll("%%{", ""))) return undefined;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_match, escape: string) => {
    if (escape.length > 1) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    return ESCAPES[escape] ?? escape;
  });
}

const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
