import { describe, expect, it } from "vitest";

import { call, errorMessage } from "./call.js";

describe("type conversion functions", () => {
  it("tostring converts primitives, passes null and refuses collections", () => {
    expect(call("tostring", 5)).toBe("5");
    expect(call("tostring", 1.5)).toBe("1.5");
    expect(call("tostring", 1e21)).toBe("1000000000000000000000");
    expect(call("tostring", 0.0000001)).toBe("0.0000001");
    expect(call("tostring", true)).toBe("true");
    expect(call("tostring", null)).toBe(null);
    expect(errorMessage("tostring", ["a"])).toBe(
      'tostring: expected a string, number or bool as the first argument, got ["a"]',
    );
  });

  it("tonumber reads decimal strings", () => {
    expect(call("tonumber", "5")).toBe(5);
    expect(call("tonumber", "-1.5e2")).toBe(-150);
    expect(call("tonumber", 7)).toBe(7);
    expect(call("tonumber", null)).toBe(null);
    expect(errorMessage("tonumber", "no")).toBe(
      'tonumber: expected a number as the first argument, got "no"',
    );
  });

  it("tobool reads bools and their strings only", () => {
    expect(call("tobool", "true")).toBe(true);
    expect(call("tobool", false)).toBe(false);
    expect(call("tobool", null)).toBe(null);
    expect(errorMessage("tobool", 1)).toBe(
      'tobool: expected a bool, "true" or "false" as the first argument, got 1',
    );
  });

  it("tolist and tomap unify mixed primitives on string", () => {
    expect(call("tolist", ["a", 1, true])).toEqual(["a", "1", "true"]);
    expect(call("tolist", [1, 2])).toEqual([1, 2]);
    expect(call("tomap", { a: 1, b: "x" })).toEqual({ a: "1", b: "x" });
    expect(errorMessage("tolist", [1, [2]])).toBe(
      "tolist: expected a list whose elements share one type as the first argument, got [1, [2]]",
    );
    expect(errorMessage("tolist", { a: 1 })).toBe(
      "tolist: expected a list, tuple or set as the first argument, got {a = 1}",
    );
    expect(errorMessage("tomap", ["a"])).toBe(
      'tomap: expected a map or object as the first argument, got ["a"]',
    );
  });

  it("toset removes repeats and sorts strings and numbers", () => {
    expect(call("toset", ["c", "b", "b"])).toEqual(["b", "c"]);
    expect(call("toset", [3, 1, 3])).toEqual([1, 3]);
    expect(call("toset", ["a", 1])).toEqual(["1", "a"]);
    expect(call("toset", [])).toEqual([]);
  });

  it("sensitive and nonsensitive return the value, and nothing is reported sensitive", () => {
    expect(call("sensitive", { a: 1 })).toEqual({ a: 1 });
    expect(call("nonsensitive", "x")).toBe("x");
    expect(call("issensitive", "x")).toBe(false);
  });
});
