/**
 * The YAML reader behind `yamldecode`: one document of block and flow collections and
 * scalars.
 *
 * It is a recursive-descent parser over the text. Block structure is decided by the column
 * each entry starts at: a mapping or sequence holds the entries at its own column, deeper
 * lines belong to the entry above, and shallower ones end it. A sequence may sit at the
 * same column as the key that owns it, as YAML allows. Anchors, aliases, tags, complex
 * (`?`) keys and multiple documents are refused with a message that names them, rather
 * than read half-right.
 */
import type { Value, ValueObject } from "../../value.js";
import {
  blockScalar,
  foldBreaks,
  readQuoted,
  resolvePlain,
  YamlError,
  type Chomping,
} from "./yaml-scalars.js";

export { YamlError } from "./yaml-scalars.js";

const FLOW_END = new Set([",", "[", "]", "{", "}"]);

function isBreakOrEnd(character: string | undefined): boolean {
  return character === undefined || character === "\n" || character === "\r";
}

function isSpaceOrEnd(character: string | undefined): boolean {
  return isBreakOrEnd(character) || character === " " || character === "\t";
}

class YamlParser {
  private position = 0;

  constructor(private readonly text: string) {}

  private get current(): string | undefined {
    return this.text[this.position];
  }

  private fail(message: string, offset = this.position): never {
    throw new YamlError(message, offset);
  }

  private column(offset = this.position): number {
    return offset - (this.text.lastIndexOf("\n", offset - 1) + 1);
  }

  private atEnd(): boolean {
    return this.position >= this.text.length;
  }

  /** True at `---` or `...` in column 0, which end a document. */
  private atDocumentMarker(): boolean {
    const marker = this.text.slice(this.position, this.position + 3);
    return (
      this.column() === 0 &&
      (marker === "---" || marker === "...") &&
      isSpaceOrEnd(this.text[this.position + 3])
    );
  }

  /** Skips spaces and tabs on the current line, then a comment if one follows. */
  private skipInline(): void {
    while (this.current === " " || this.current === "\t") this.position += 1;
    if (this.current === "#") {
      while (!isBreakOrEnd(this.current)) this.position += 1;
    }
  }

  /** Skips white space, line breaks and comments up to the next content. */
  private skipBlank(): void {
    for (;;) {
      this.skipInline();
      if (this.current !== "\n" && this.current !== "\r") return;
      this.position += 1;
    }
  }

  private atSequenceEntry(): boolean {
    return this.current === "-" && isSpaceOrEnd(this.text[this.position + 1]);
  }

  /** Where the `:` of a `key: value` line is, if the line at the cursor is one. */
  private keyColon(): number | undefined {
    let index = this.position;
    if (this.current === '"' || this.current === "'") {
      index = readQuoted(this.text, index).end;
      while (this.text[index] === " " || this.text[index] === "\t") index += 1;
      return this.text[index] === ":" && isSpaceOrEnd(this.text[index + 1]) ? index : undefined;
    }
    if (this.current === "[" || this.current === "{") return undefined;
    for (; !isBreakOrEnd(this.text[index]); index += 1) {
      const character = this.text[index];
      if (character === "#" && /[ \t]/.test(this.text[index - 1] ?? "")) return undefined;
      if (character === ":" && isSpaceOrEnd(this.text[index + 1])) return index;
    }
    return undefined;
  }

  /** Reads one document; the whole text must be used. */
  document(): Value {
    if (this.current === "\ufeff") this.position += 1;
    this.skipBlank();
    while (this.current === "%" && this.column() === 0) {
      while (!isBreakOrEnd(this.current)) this.position += 1;
      this.skipBlank();
    }
    let value: Value = null;
    if (this.atDocumentMarker() && this.text.startsWith("---", this.position)) {
      this.position += 3;
      this.skipInline();
      value = isBreakOrEnd(this.current) ? this.block(-1, false) : this.inline(-1);
    } else {
      value = this.block(-1, false);
    }

    this.skipBlank();
    if (this.text.startsWith("...", this.position) && this.atDocumentMarker()) {
      this.position += 3;
      this.skipBlank();
    }
    if (this.atDocumentMarker()) this.fail("more than one document is not supported");
    if (!this.atEnd()) this.fail("unexpected text; check the indentation");
    return value;
  }

  /**
   * A node on the following lines, deeper than `parent`; a sequence at `parent`'s own
   * column also counts when `sequenceAtParent` (the value of a mapping key). Null if none.
   */
  private block(parent: number, sequenceAtParent: boolean): Value {
    this.skipBlank();
    if (this.atEnd() || this.atDocumentMarker()) return null;
    const column = this.column();
    const ownSequence = sequenceAtParent && column === parent && this.atSequenceEntry();
    if (column <= parent && !ownSequence) return null;

    if (this.atSequenceEntry()) return this.sequence(column);
    if (this.current === "?" && isSpaceOrEnd(this.text[this.position + 1])) {
      this.fail('complex keys ("? ") are not supported');
    }
    if (this.keyColon() !== undefined) return this.mapping(column);
    return this.inline(parent);
  }

  private sequence(indent: number): Value[] {
    const items: Value[] = [];
    for (;;) {
      this.skipBlank();
      if (this.atEnd() || this.atDocumentMarker() || this.column() < indent) break;
      if (this.column() > indent) this.fail("unexpected indentation in a list");
      if (!this.atSequenceEntry()) break;
      this.position += 1;
      this.skipInline();
      items.push(this.block(indent, false));
    }
    return items;
  }

  private mapping(indent: number): ValueObject {
    const result: ValueObject = {};
    for (;;) {
      this.skipBlank();
      if (this.atEnd() || this.atDocumentMarker() || this.column() < indent) break;
      if (this.column() > indent) this.fail("unexpected indentation in a map");
      const keyStart = this.position;
      const key = this.key();
      if (Object.hasOwn(result, key)) this.fail(`duplicate key ${JSON.stringify(key)}`, keyStart);
      this.skipInline();
      result[key] = isBreakOrEnd(this.current) ? this.block(indent, true) : this.inline(indent);
    }
    return result;
  }

  private key(): string {
    if (this.current === "?" && isSpaceOrEnd(this.text[this.position + 1])) {
      this.fail('complex keys ("? ") are not supported');
    }
    const colon = this.keyColon();
    if (colon === undefined) this.fail("expected \"key: value\"");
    const quoted = this.current === '"' || this.current === "'";
    const key = quoted
      ? readQuoted(this.text, this.position).value
      : this.text.slice(this.position, colon).trim();
    this.position = colon + 1;
    return key;
  }

  /** A value that starts on the current line: a block scalar, flow node or plain scalar. */
  private inline(parent: number): Value {
    const start = this.position;
    const character = this.current;
    if (character === "&" || character === "*" || character === "!") {
      this.fail("anchors, aliases and tags are not supported");
    }
    if (character === "|" || character === ">") return this.blockScalarAt(parent);
    if (character === "-" && this.atSequenceEntry()) this.fail("a list cannot start here");

    const value = character === "[" || character === "{" || character === '"' || character === "'"
      ? this.flow()
      : resolvePlain(this.plain(parent), start);
    this.skipInline();
    if (!isBreakOrEnd(this.current)) this.fail("unexpected text after a value");
    return value;
  }

  /** A plain scalar in block context, continued on deeper lines. */
  private plain(parent: number): string {
    let value = "";
    for (;;) {
      const start = this.position;
      while (!isBreakOrEnd(this.current)) {
        if (this.current === "#" && /[ \t]/.test(this.text[this.position - 1] ?? "")) break;
        if (this.current === ":" && isSpaceOrEnd(this.text[this.position + 1])) {
          this.fail("a value cannot hold \": \"; quote it or put the map on its own lines");
        }
        this.position += 1;
      }
      value += this.text.slice(start, this.position).trimEnd();
      if (!isBreakOrEnd(this.current)) return value;

      const folded = foldBreaks(this.text, this.position);
      const next = folded.end;
      const marker = /^(?:---|\.\.\.)(?:\s|$)/.test(this.text.slice(next, next + 4));
      const continues =
        next < this.text.length &&
        this.column(next) > parent &&
        this.text[next] !== "#" &&
        !(this.column(next) === 0 && marker);
      if (!continues) return value;
      value += folded.text;
      this.position = next;
    }
  }

  private blockScalarAt(parent: number): string {
    const start = this.position;
    const folded = this.current === ">";
    const header = /^[|>]([1-9+-]{0,2})/.exec(this.text.slice(this.position))?.[1] ?? "";
    const chomping: Chomping = header.includes("-")
      ? "strip"
      : header.includes("+")
        ? "keep"
        : "clip";
    const explicit = Number(header.replace(/[+-]/g, "")) || undefined;
    this.position += 1 + header.length;
    this.skipInline();
    if (!isBreakOrEnd(this.current)) {
      this.fail("unexpected text after a block scalar header", start);
    }

    const base = Math.max(parent, 0);
    let indent = explicit === undefined ? undefined : base + explicit;
    const lines: string[] = [];
    while (!this.atEnd()) {
      const lineStart = this.position + (this.text.startsWith("\r\n", this.position) ? 2 : 1);
      if (lineStart >= this.text.length) break;
      const lineEnd = this.text.indexOf("\n", lineStart);
      const line = this.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, "");
      const spaces = /^ */.exec(line)?.[0].length ?? 0;
      const blank = line.trim() === "";
      if (!blank) {
        indent ??= Math.max(spaces, parent + 1, 1);
        if (spaces < indent) break;
      }
      lines.push(blank ? line.slice(indent ?? line.length) : line.slice(indent));
      this.position = lineEnd < 0 ? this.text.length : lineEnd;
    }
    return blockScalar(lines, folded, chomping);
  }

  /** A flow node: `[...]`, `{...}`, a quoted scalar or a plain scalar inside a flow. */
  private flow(): Value {
    this.skipBlank();
    const start = this.position;
    const character = this.current;
    if (character === '"' || character === "'") {
      const quoted = readQuoted(this.text, this.position);
      this.position = quoted.end;
      return quoted.value;
    }
    if (character === "[") return this.flowSequence();
    if (character === "{") return this.flowMapping();
    if (character === "&" || character === "*" || character === "!") {
      this.fail("anchors, aliases and tags are not supported");
    }
    return resolvePlain(this.flowPlain(), start);
  }

  private flowPlain(): string {
    const start = this.position;
    while (!this.atEnd() && !FLOW_END.has(this.current ?? "")) {
      const after = this.text[this.position + 1];
      if (this.current === ":" && (isSpaceOrEnd(after) || FLOW_END.has(after ?? ""))) break;
      if (this.current === "#" && /\s/.test(this.text[this.position - 1] ?? "")) break;
      this.position += 1;
    }
    return this.text.slice(start, this.position).trim().replace(/[ \t]*\r?\n\s*/g, " ");
  }

  private flowSequence(): Value[] {
    const items: Value[] = [];
    this.position += 1;
    for (;;) {
      this.skipBlank();
      if (this.current === "]") break;
      items.push(this.flow());
      this.skipBlank();
      if (this.current === ",") this.position += 1;
      else if (this.current !== "]") this.fail("expected \",\" or \"]\" in a flow list");
    }
    this.position += 1;
    return items;
  }

  private flowMapping(): ValueObject {
    const result: ValueObject = {};
    this.position += 1;
    for (;;) {
      this.skipBlank();
      if (this.current === "}") break;
      const keyStart = this.position;
      const keyValue = this.flow();
      const key =
        typeof keyValue === "string" ? keyValue : this.text.slice(keyStart, this.position).trim();
      if (Object.hasOwn(result, key)) this.fail(`duplicate key ${JSON.stringify(key)}`, keyStart);
      this.skipBlank();
      let value: Value = null;
      if (this.current === ":") {
        this.position += 1;
        this.skipBlank();
        const next = this.text[this.position];
        value = next === "," || next === "}" ? null : this.flow();
        this.skipBlank();
      }
      result[key] = value;
      if (this.current === ",") this.position += 1;
      else if (this.current !== "}") this.fail("expected \",\" or \"}\" in a flow map");
    }
    this.position += 1;
    return result;
  }
}

/** Reads a YAML document; throws `YamlError` (with an offset) for text it cannot read. */
export function readYaml(text: string): Value {
  return new YamlParser(text).document();
}

/** The 1-based line of an offset, for error messages. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}
