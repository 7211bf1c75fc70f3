import { describe, expect, it } from "vitest";

import { call, errorMessage } from "./call.js";

describe("regex", () => {
  it("returns the match when the pattern has no groups", () => {
    expect(call("regex", "[a-z]+", "53453453.345345aaabbbccc23454")).toBe("aaabbbccc");
  });

  it("returns a list for unnamed groups and an object for named ones", () => {
    expect(call("regex", "(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)", "2019-02-01")).toEqual([
      "2019",
      "02",
      "01",
    ]);
    const url = "^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?";
    expect(call("regex", url, "https://terraform.io/docs/")).toEqual({
      scheme: "https",
      authority: "terraform.io",
    });
  });

  it("gives null for a group that took no part in the match", () => {
    expect(call("regex", "(a)|(b)", "b")).toEqual([null, "b"]);
  });

  it("reads RE2 syntax: leading flags, \\A and \\z, POSIX and Unicode classes", () => {
    expect(call("regex", "(?i)hello", "say HeLLo")).toBe("HeLLo");
    expect(call("regex", "\\Aab\\z", "ab")).toBe("ab");
    expect(call("regex", "[[:digit:]]+", "ab123")).toBe("123");
    expect(call("regex", "\\pL+", "123héllo")).toBe("héllo");
    expect(call("regex", "a{", "xa{")).toBe("a{");
    expect(call("regex", "\\-\\Q.*\\E", "-.*")).toBe("-.*");
    expect(call("regex", "[]a]+", "x]a]")).toBe("]a]");
  });

  it("fails when nothing matches, pointing to regexall", () => {
    expect(errorMessage("regex", "[a-z]+", "123")).toBe(
      'regex: pattern "[a-z]+" does not match "123"',
    );
  });

  it("reports invalid and unsupported patterns", () => {
    expect(errorMessage("regex", "(", "x")).toBe(
      'regex: invalid regular expression "(": Unterminated group',
    );
    expect(errorMessage("regex", "a(?i)b", "ab")).toBe(
      'regex: invalid regular expression "a(?i)b": ' +
        "flags are supported only at the start of the pattern",
    );
    expect(errorMessage("regex", "(?P<a>x)(y)", "xy")).toBe(
      'regex: pattern "(?P<a>x)(y)" mixes named and unnamed groups',
    );
  });
});

describe("regexall", () => {
  it("returns every match, or an empty list", () => {
    expect(call("regexall", "[a-z]+", "1234abcd5678efgh9")).toEqual(["abcd", "efgh"]);
    expect(call("regexall", "[a-z]+", "123")).toEqual([]);
    expect(call("regexall", "(\\w)=(\\d)", "a=1 b=2")).toEqual([
      ["a", "1"],
      ["b", "2"],
    ]);
  });

  it("skips an empty match right after the previous match, as Go does", () => {
    expect(call("regexall", "a*", "baaa")).toEqual(["", "aaa"]);
  });
});

describe("replace", () => {
  it("replaces every occurrence of a plain substring literally", () => {
    expect(call("replace", "1 + 2 + 3", "+", "-")).toBe("1 - 2 - 3");
    expect(call("replace", "a.b", ".", "$&")).toBe("a$&b");
    expect(call("replace", "abc", "", "-")).toBe("-a-b-c-");
  });

  it("treats a substring between slashes as a pattern with $n and ${name}", () => {
    expect(call("replace", "hello world", "/w.*d/", "everybody")).toBe("hello everybody");
    expect(call("replace", "hello world", "/(h)(e)/", "$2$1")).toBe("ehllo world");
    expect(call("replace", "abc", "/(?P<x>b)/", "[${x}]")).toBe("a[b]c");
    expect(call("replace", "a-b", "/-/", "$$")).toBe("a$b");
  });
});
