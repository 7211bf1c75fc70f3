import { describe, expect, it } from "vitest";

import { call, errorMessage } from "./call.js";

describe("string functions", () => {
  it("chomp removes every trailing line break and nothing else", () => {
    expect(call("chomp", "hello\n")).toBe("hello");
    expect(call("chomp", "hello\r\n\n")).toBe("hello");
    expect(call("chomp", "hel\nlo ")).toBe("hel\nlo ");
  });

  it("startswith, endswith and strcontains compare substrings", () => {
    expect(call("startswith", "hello world", "hello")).toBe(true);
    expect(call("startswith", "hello world", "world")).toBe(false);
    expect(call("endswith", "hello world", "world")).toBe(true);
    expect(call("strcontains", "hello world", "o w")).toBe(true);
    expect(call("strcontains", "hello world", "x")).toBe(false);
  });

  it("indent pads every line but the first", () => {
    expect(call("indent", 2, "[\n  foo,\n  bar,\n]\n")).toBe("[\n    foo,\n    bar,\n  ]\n  ");
  });

  it("join converts numbers and bools and takes several lists", () => {
    expect(call("join", ", ", ["foo", "bar", "baz"])).toBe("foo, bar, baz");
    expect(call("join", "-", [1, true], ["x"])).toBe("1-true-x");
    expect(call("join", ",", [])).toBe("");
    expect(errorMessage("join", ",", ["a", null])).toBe(
      'join: expected a list of strings as the second argument, got ["a", null]',
    );
  });

  it("lower and upper change case one character at a time", () => {
    expect(call("lower", "HELLO Ünïcode")).toBe("hello ünïcode");
    expect(call("upper", "hello ünïcode")).toBe("HELLO ÜNÏCODE");
    expect(call("upper", "straße")).toBe("STRAßE");
  });

  it("split keeps empty fields and splits an empty string into one", () => {
    expect(call("split", ",", "foo,bar,,baz")).toEqual(["foo", "bar", "", "baz"]);
    expect(call("split", ",", "foo")).toEqual(["foo"]);
    expect(call("split", ",", "")).toEqual([""]);
    expect(call("split", "", "añb")).toEqual(["a", "ñ", "b"]);
  });

  it("strrev reverses characters, keeping combining marks with their letter", () => {
    expect(call("strrev", "hello")).toBe("olleh");
    expect(call("strrev", "e\u0301a")).toBe("ae\u0301");
  });

  it("substr counts characters, from the end for negative offsets", () => {
    expect(call("substr", "hello world", 1, 4)).toBe("ello");
    expect(call("substr", "🤔🤷", 0, 1)).toBe("🤔");
    expect(call("substr", "hello world", -5, -1)).toBe("world");
    expect(call("substr", "hello", 1, 100)).toBe("ello");
    expect(call("substr", "hello", 10, 2)).toBe("");
    expect(call("substr", "hello", 1, 0)).toBe("");
  });

  it("title capitalises the first letter of each word", () => {
    expect(call("title", "hello world")).toBe("Hello World");
    expect(call("title", "hello-wide_world")).toBe("Hello-Wide_world");
  });

  it("trim removes any of the given characters from both ends", () => {
    expect(call("trim", "?!hello?!", "!?")).toBe("hello");
    expect(call("trim", "  hello", " ")).toBe("hello");
  });

  it("trimprefix and trimsuffix remove one occurrence only", () => {
    expect(call("trimprefix", "helloworld", "hello")).toBe("world");
    expect(call("trimprefix", "hellohello", "hello")).toBe("hello");
    expect(call("trimprefix", "helloworld", "cat")).toBe("helloworld");
    expect(call("trimsuffix", "helloworld", "world")).toBe("hello");
    expect(call("trimsuffix", "hello", "")).toBe("hello");
  });

  it("trimspace removes Unicode white space at both ends", () => {
    expect(call("trimspace", "  hello\n\t\u00a0")).toBe("hello");
    expect(call("trimspace", " a b ")).toBe("a b");
  });
});
