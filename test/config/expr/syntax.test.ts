import { describe, expect, it } from "vitest";

import {
  evaluateExpression,
  evaluateTemplate,
  parseExpression,
  parseTemplate,
} from "../../../src/config/expr/index.js";
import { errorOf, scopeOf } from "./scope.js";

const scope = scopeOf({ local: { a: 1, list: ["x", "y"], name: "app" }, k: "a" });
const value = (text: string): unknown => evaluateExpression(text, scope);

describe("literals", () => {
  it("reads whole numbers, fractions and exponents", () => {
    expect(value("42")).toBe(42);
    expect(value("3.25")).toBe(3.25);
    expect(value("1e3")).toBe(1000);
    expect(value("2.5E-1")).toBe(0.25);
    expect(value("1e+2")).toBe(100);
  });

  it("reads true, false and null", () => {
    expect(value("true")).toBe(true);
    expect(value("false")).toBe(false);
    expect(value("null")).toBe(null);
  });

  it("decodes the escapes of quoted strings inside expressions", () => {
    expect(value('"a\\"b\\\\c\\nd\\te"')).toBe('a"b\\c\nd\te');
    expect(value('"\\u00e9\\U0001F600"')).toBe("é😀");
  });

  it("evaluates quoted strings with interpolations as templates", () => {
    expect(value('"a${local.a}c"')).toBe("a1c");
    expect(value('"${local.list}"')).toEqual(["x", "y"]);
    expect(value('upper("x${local.name}")')).toBe("XAPP");
  });
});

describe("collections", () => {
  it("builds tuples, with or without a trailing comma", () => {
    expect(value("[1, 2, 3]")).toEqual([1, 2, 3]);
    expect(value("[1, 2,]")).toEqual([1, 2]);
    expect(value("[]")).toEqual([]);
    expect(value("[\n  1,\n  2\n]")).toEqual([1, 2]);
  });

  it("builds objects with every key form and both separators", () => {
    const text = '{ a = 1, "b" = 2, (k) = 3, c: 4, "d${local.a}" = 5 }';
    expect(value(text)).toEqual({ a: 3, b: 2, c: 4, d1: 5 });
    expect(value("{\n  a = 1\n  b = [\n    2,\n  ]\n}")).toEqual({ a: 1, b: [2] });
    expect(value("{}")).toEqual({});
  });

  it("takes a bare name as an object key even when a variable has that name", () => {
    expect(value("{ k = 1 }")).toEqual({ k: 1 });
    expect(value("{ (k) = 1 }")).toEqual({ a: 1 });
  });

  it("stores a key named __proto__ as an ordinary member", () => {
    const result = value('{ "__proto__" = 1 }') as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(["__proto__"]);
    expect(result["__proto__"]).toBe(1);
  });
});

describe("comments and layout", () => {
  it("skips the comments hcl2json leaves inside multi-line expressions", () => {
    const text = "${concat(\n  [1], # first\n  [2], // second\n  /* third */ [3]\n)}";
    expect(evaluateTemplate(text, scope)).toEqual([1, 2, 3]);
  });

  it("allows an operator at the end of a line inside an object", () => {
    expect(value("{\n  a = 1 +\n    2\n}")).toEqual({ a: 3 });
  });
});

describe("the parse cache", () => {
  it("parses each distinct text once and shares the tree", () => {
    expect(parseTemplate("${local.a + 1}")).toBe(parseTemplate("${local.a + 1}"));
    expect(parseExpression("local.a + 1")).toBe(parseExpression("local.a + 1"));
  });

  it("throws the same syntax error again for the same bad text", () => {
    const first = errorOf(() => parseExpression("a +"));
    expect(errorOf(() => parseExpression("a +"))).toEqual(first);
  });
});

describe("syntax errors", () => {
  it("names the text and what was expected after an operator", () => {
    expect(errorOf(() => parseExpression("a +"))).toEqual({
      code: "EXPRESSION",
      message: 'syntax error in expression "a +": expected an expression after "+"',
    });
  });

  it("names the token found where an expression was expected", () => {
    expect(errorOf(() => parseExpression("(1 + )")).message).toBe(
      'syntax error in expression "(1 + )": expected an expression after "+", found ")"',
    );
    expect(errorOf(() => parseExpression("")).message).toBe(
      'syntax error in expression "": expected an expression, found the end of the text',
    );
  });

  it("reports text left over after a complete expression", () => {
    expect(errorOf(() => parseExpression("a b")).message).toBe(
      'syntax error in expression "a b": expected the end of the expression, found "b"',
    );
  });

  it("reports an unclosed bracket, interpolation or string", () => {
    expect(errorOf(() => parseExpression("[1, 2")).message).toBe(
      'syntax error in expression "[1, 2": ' +
        'expected "," or "]" after a tuple element, found the end of the text',
    );
    expect(errorOf(() => parseTemplate("${a")).message).toBe(
      'syntax error in template "${a": expected "}" to close "${", found the end of the text',
    );
    expect(errorOf(() => parseExpression('"abc')).message).toBe(
      'syntax error in expression "\\"abc": unterminated string: expected a closing "',
    );
  });

  it("reports a missing separator between object items", () => {
    expect(errorOf(() => parseExpression("{ a = 1 b = 2 }")).message).toBe(
      'syntax error in expression "{ a = 1 b = 2 }": ' +
        'expected a newline, "," or "}" after an object item, found "b"',
    );
  });

  it("reports an invalid escape with a hint", () => {
    expect(errorOf(() => parseExpression('"a\\qb"'))).toEqual({
      code: "EXPRESSION",
      message:
        'syntax error in expression "\\"a\\\\qb\\"": invalid escape sequence "\\q" in a string',
      hint: 'write "\\\\" for a literal backslash',
    });
  });

  it("reports a character that HCL does not use", () => {
    expect(errorOf(() => parseExpression("a @ b")).message).toBe(
      'syntax error in expression "a @ b": unexpected character "@"',
    );
  });

  it("quotes only the part of a long text around the problem", () => {
    const text = `${"a + ".repeat(30)}+`;
    expect(errorOf(() => parseExpression(text)).message).toBe(
      `syntax error in expression "...${text.slice(text.length - 80)}": ` +
        'expected an expression after "+", found "+"',
    );
  });
});
