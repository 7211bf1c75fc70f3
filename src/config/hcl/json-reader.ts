/**
 * A JSON reader that remembers where things are: the line of every object key and of every
 * object's and array's opening bracket, and the order of keys as written.
 *
 * `JSON.parse` gives neither lines nor, for keys that look like integers, the written order,
 * and its error messages differ between Node versions and often lack a position. This is a
 * plain recursive-descent reader of RFC 8259 JSON; lines advance only in whitespace, since a
 * JSON string cannot hold a raw newline. String escapes are decoded by `JSON.parse` on the
 * string alone, so their rules are exactly the standard ones.
 */

import { TerraceError } from "../../errors.js";
import type { RawValue } from "./model.js";

/** A parsed JSON document and where its parts were written. */
export interface JsonSource {
  value: RawValue;
  /** For each object: its keys in written order, each with the line of the key. */
  keys: WeakMap<object, Map<string, number>>;
  /** For each object and array: the line of its opening bracket. */
  starts: WeakMap<object, number>;
}

/** Reads `text` as JSON; a syntax error becomes an `HCL_SYNTAX` error at its line. */
export function readJson(path: string, text: string): JsonSource {
  return new JsonReader(path, text).readDocument();
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: ReadonlyArray<[string, RawValue]> = [
  ["true", true],
  ["false", false],
  ["null", null],
];

class JsonReader {
  private pos = 0;
  private line = 1;
  private readonly keys = new WeakMap<object, Map<string, number>>();
  private readonly starts = new WeakMap<object, number>();

  constructor(
    private readonly path: string,
    private readonly text: string,
  ) {}

  readDocument(): JsonSource {
    const value = this.readValue();
    this.skipSpace();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.found()} after the document`);
    return { value, keys: this.keys, starts: this.starts };
  }

  private readValue(): RawValue {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === "{") return this.readObject();
    if (c === "[") return this.readArray();
    if (c === '"') return this.readString();

    NUMBER.lastIndex = this.pos;
    const number = NUMBER.exec(this.text);
    if (number) {
      this.pos = NUMBER.lastIndex;
      return Number(number[0]);
    }
    for (const [word, value] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    return this.fail(`expected a value, found ${this.found()}`);
  }

  private readObject(): RawValue {
    const object: { [key: string]: RawValue } = {};
    const keys = new Map<string, number>();
    this.keys.set(object, keys);
    this.starts.set(object, this.line);
    this.pos++;

    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return object;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail(`expected a property name, found ${this.found()}`);
      const line = this.line;
      const key = this.readString();
      this.expect(":", "after a property name");
      // defineProperty, so that a key named `__proto__` is data like any other.
      Object.defineProperty(object, key, {
        value: this.readValue(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      keys.set(key, line);
      if (this.readSeparator("}")) return object;
    }
  }

  private readArray(): RawValue {
    const array: RawValue[] = [];
    this.starts.set(array, this.line);
    this.pos++;

    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return array;
    }
    for (;;) {
      array.push(this.readValue());
      if (this.readSeparator("]")) return array;
    }
  }

  /** After a member: true at the closing bracket (consumed), false at a comma (consumed). */
  private readSeparator(closer: "}" | "]"): boolean {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === closer) {
      this.pos++;
      return true;
    }
    if (c !== ",") this.fail(`expected "," or "${closer}", found ${this.found()}`);
    this.pos++;
    return false;
  }

  private readString(): string {
    const start = this.pos;
    let end = start + 1;
    for (; end < this.text.length; end++) {
      const c = this.text.charCodeAt(end);
      if (c === 34) break;
      if (c === 92) end++;
      else if (c < 32) this.fail("a string must not hold a raw line break or control character");
    }
    if (end >= this.text.length) this.fail("the string is not closed");

    this.pos = end + 1;
    try {
      return JSON.parse(this.text.slice(start, end + 1)) as string;
    } catch {
      return this.fail("the string holds an invalid escape sequence");
    }
  }

  private expect(token: string, where: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== token) {
      this.fail(`expected "${token}" ${where}, found ${this.found()}`);
    }
    this.pos++;
  }

  private skipSpace(): void {
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 10) this.line++;
      else if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return;
    }
  }

  private found(): string {
    const c = this.text[this.pos];
    return c === undefined ? "the end of the file" : JSON.stringify(c);
  }

  private fail(problem: string): never {
    throw new TerraceError("HCL_SYNTAX", `syntax error: invalid JSON: ${problem}`, {
      location: { file: this.path, line: this.line },
      hint: "fix the JSON at this line; a .hcl.json file is HCL's JSON syntax, which is plain JSON",
    });
  }
}
