import { describe, expect, it } from "vitest";

import { call, errorMessage } from "./call.js";

const DOCUMENT = `# a unit's settings
name: app   # trailing comment
count: 3
ratio: 1.5
enabled: yes
nothing: ~
empty:
list:
- a
- "b"
- 'c d'
nested:
  key: value
  deeper:
    - x: 1
      y: 2
    - - inner
flow: [1, two, "three", {k: v}]
map: {a: 1, b: [x, z]}
literal: |
  line one
  line two
folded: >
  folded
  text

  new paragraph
strip: |-
  no newline
keep: |+
  kept

date: 2024-01-02
hex: 0x1F
quoted_number: "5"
multi: this is
  continued
`;

describe("yamldecode", () => {
  it("reads block and flow collections, scalars and block scalars", () => {
    expect(call("yamldecode", DOCUMENT)).toEqual({
      name: "app",
      count: 3,
      ratio: 1.5,
      enabled: true,
      nothing: null,
      empty: null,
      list: ["a", "b", "c d"],
      nested: { key: "value", deeper: [{ x: 1, y: 2 }, ["inner"]] },
      flow: [1, "two", "three", { k: "v" }],
      map: { a: 1, b: ["x", "z"] },
      literal: "line one\nline two\n",
      folded: "folded text\nnew paragraph\n",
      strip: "no newline",
      keep: "kept\n\n",
      date: "2024-01-02T00:00:00Z",
      hex: 31,
      quoted_number: "5",
      multi: "this is continued",
    });
  });

  it("reads top-level lists and scalars, and an empty document as null", () => {
    expect(call("yamldecode", "- 1\n- two\n")).toEqual([1, "two"]);
    expect(call("yamldecode", "hello")).toBe("hello");
    expect(call("yamldecode", "")).toBe(null);
    expect(call("yamldecode", "---\na: 1\n...\n")).toEqual({ a: 1 });
  });

  it("reads YAML 1.1 bools and nulls as Terraform does, unless quoted", () => {
    expect(call("yamldecode", "[yes, no, on, off, y, n, True, ~, null, 'yes']")).toEqual([
      true, false, true, false, true, false, true, null, null, "yes",
    ]);
  });

  it("reads escapes in double quotes and doubled quotes in single quotes", () => {
    expect(call("yamldecode", 'a: "tab\\there \\u00e9 \\x41"')).toEqual({ a: "tab\there é A" });
    expect(call("yamldecode", "a: 'it''s'")).toEqual({ a: "it's" });
    expect(call("yamldecode", 'a: "one\n  two"')).toEqual({ a: "one two" });
  });

  it("reads nested lists at their key's column, empty items and multi-line flows", () => {
    expect(call("yamldecode", "a:\n- 1\n- 2\nb:\n  - 3\nc: 4")).toEqual(
      { a: [1, 2], b: [3], c: 4 },
    );
    expect(call("yamldecode", "-\n- a\n-\n  b: 1\n  c: 2\n- - x\n  - z")).toEqual([
      null,
      "a",
      { b: 1, c: 2 },
      ["x", "z"],
    ]);
    expect(call("yamldecode", "list: [a,\n  b, c]\nmap: {\n  x: 1,\n  y: 2\n}")).toEqual({
      list: ["a", "b", "c"],
      map: { x: 1, y: 2 },
    });
    expect(call("yamldecode", "key:    # comment\n  value\n")).toEqual({ key: "value" });
  });

  it("reads block scalars with indentation indicators and more-indented lines", () => {
    expect(call("yamldecode", "a: |2\n    indented\n   x\n")).toEqual({ a: "  indented\n x\n" });
    expect(call("yamldecode", "a: >\n  one\n    more\n  two\n")).toEqual(
      { a: "one\n  more\ntwo\n" },
    );
    expect(call("yamldecode", "- |\n  block\n- >-\n  folded\n  line\n")).toEqual([
      "block\n",
      "folded line",
    ]);
  });

  it("reads CRLF line endings and keys with colons in them", () => {
    expect(call("yamldecode", "a: 1\r\nb: [x, z]\r\n")).toEqual({ a: 1, b: ["x", "z"] });
    expect(call("yamldecode", "url: http://example.com:8080/x\n")).toEqual({
      url: "http://example.com:8080/x",
    });
  });

  it("reports the line of a problem", () => {
    expect(errorMessage("yamldecode", "a: 1\n---\nb: 2\n")).toBe(
      "yamldecode: cannot read the YAML: line 2: more than one document is not supported",
    );
    expect(errorMessage("yamldecode", "a:\n  b: 1\n c: 2\n")).toBe(
      "yamldecode: cannot read the YAML: line 3: unexpected indentation in a map",
    );
    expect(errorMessage("yamldecode", "a: &anchor 1\n")).toBe(
      "yamldecode: cannot read the YAML: line 1: anchors, aliases and tags are not supported",
    );
    expect(errorMessage("yamldecode", "a: 1\na: 2\n")).toBe(
      'yamldecode: cannot read the YAML: line 2: duplicate key "a"',
    );
    expect(errorMessage("yamldecode", "? a\n: b\n")).toBe(
      'yamldecode: cannot read the YAML: line 1: complex keys ("? ") are not supported',
    );
    expect(errorMessage("yamldecode", 'a: "open\n')).toBe(
      "yamldecode: cannot read the YAML: line 1: a quoted string is not closed",
    );
  });
});

describe("yamlencode", () => {
  it("writes block style with sorted, quoted keys as Terraform does", () => {
    expect(call("yamlencode", { a: "b", c: "d" })).toBe('"a": "b"\n"c": "d"\n');
    expect(call("yamlencode", { foo: [1, 2, 3], bar: "baz" })).toBe(
      '"bar": "baz"\n"foo":\n- 1\n- 2\n- 3\n',
    );
    expect(call("yamlencode", { foo: [1, { a: "b", c: "d" }, 3], bar: "baz" })).toBe(
      '"bar": "baz"\n"foo":\n- 1\n- "a": "b"\n  "c": "d"\n- 3\n',
    );
  });

  it("nests maps and lists", () => {
    expect(call("yamlencode", { a: { b: { c: 1 } } })).toBe('"a":\n  "b":\n    "c": 1\n');
    expect(call("yamlencode", [[1, 2], [3]])).toBe("- - 1\n  - 2\n- - 3\n");
    expect(call("yamlencode", { a: [], b: {} })).toBe('"a": []\n"b": {}\n');
  });

  it("ends a lone plain scalar with the end-of-document marker", () => {
    expect(call("yamlencode", true)).toBe("true\n...\n");
    expect(call("yamlencode", null)).toBe("null\n...\n");
    expect(call("yamlencode", "hello")).toBe('"hello"\n');
    expect(call("yamlencode", [])).toBe("[]\n");
  });

  it("writes multi-line strings as literal blocks and escapes control characters", () => {
    expect(call("yamlencode", { s: "line1\nline2\n" })).toBe('"s": |\n  line1\n  line2\n');
    expect(call("yamlencode", { s: "a\nb" })).toBe('"s": |-\n  a\n  b\n');
    expect(call("yamlencode", "tab\there")).toBe('"tab\\there"\n');
  });

  it("writes what yamldecode reads back unchanged", () => {
    const value = {
      name: "app",
      tags: ["a", "b"],
      nested: [{ x: 1, y: [true, null] }, [["deep"]]],
      text: "first\n  indented\n\nlast\n",
      leading: "  spaced\nlines",
      quote: 'say "yes"',
      number: 1.5,
    };
    expect(call("yamldecode", call("yamlencode", value))).toEqual(value);
  });
});
