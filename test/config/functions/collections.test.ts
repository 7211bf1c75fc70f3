import { describe, expect, it } from "vitest";

import { call, errorMessage } from "./call.js";

describe("list functions", () => {
  it("alltrue and anytrue read bools and their strings", () => {
    expect(call("alltrue", ["true", true])).toBe(true);
    expect(call("alltrue", [true, false])).toBe(false);
    expect(call("alltrue", [])).toBe(true);
    expect(call("anytrue", [false, "true"])).toBe(true);
    expect(call("anytrue", [])).toBe(false);
    expect(errorMessage("alltrue", ["yes"])).toBe(
      'alltrue: expected a list of bools as the first argument, got ["yes"]',
    );
  });

  it("chunklist splits into chunks of a size", () => {
    expect(call("chunklist", ["a", "b", "c", "d", "e"], 2)).toEqual(
      [["a", "b"], ["c", "d"], ["e"]],
    );
    expect(call("chunklist", ["a", "b"], 0)).toEqual([["a", "b"]]);
    expect(call("chunklist", [], 3)).toEqual([]);
    expect(errorMessage("chunklist", ["a"], -1)).toBe(
      "chunklist: expected a chunk size of 0 or more, got -1",
    );
  });

  it("coalescelist returns the first non-empty list", () => {
    expect(call("coalescelist", [], null, ["c", "d"], ["e"])).toEqual(["c", "d"]);
    expect(errorMessage("coalescelist", [], [])).toBe(
      "coalescelist: every argument is empty or null",
    );
  });

  it("compact drops nulls and empty strings", () => {
    expect(call("compact", ["a", "", "b", null, "c", 1])).toEqual(["a", "b", "c", "1"]);
  });

  it("concat joins lists", () => {
    expect(call("concat", ["a", ""], ["b", "c"], [])).toEqual(["a", "", "b", "c"]);
  });

  it("contains and index compare after Terraform's conversions", () => {
    expect(call("contains", ["a", "b", "c"], "a")).toBe(true);
    expect(call("contains", ["a", "b", "c"], "d")).toBe(false);
    expect(call("contains", ["1", "2"], 1)).toBe(true);
    expect(call("contains", [{ a: 1 }], { a: 1 })).toBe(true);
    expect(call("index", ["a", "b", "c"], "b")).toBe(1);
    expect(errorMessage("index", ["a"], "z")).toBe('index: "z" is not in ["a"]');
  });

  it("distinct keeps the first of each value in order", () => {
    expect(call("distinct", ["a", "b", "a", "c", "d", "b"])).toEqual(["a", "b", "c", "d"]);
  });

  it("element wraps around the end of the list", () => {
    expect(call("element", ["a", "b", "c"], 1)).toBe("b");
    expect(call("element", ["a", "b", "c"], 3)).toBe("a");
    expect(errorMessage("element", [], 0)).toBe("element: cannot take an element of an empty list");
    expect(errorMessage("element", ["a"], -1)).toBe(
      "element: expected an index of 0 or more as the second argument, got -1",
    );
  });

  it("flatten flattens nested lists at any depth", () => {
    expect(call("flatten", [["a", "b"], [], ["c", ["d", ["e"]]]])).toEqual(
      ["a", "b", "c", "d", "e"],
    );
  });

  it("length counts list elements, map keys and string characters", () => {
    expect(call("length", [1, 2])).toBe(2);
    expect(call("length", { a: 1 })).toBe(1);
    expect(call("length", "héllo")).toBe(5);
    expect(call("length", "👾🕹️")).toBe(2);
    expect(errorMessage("length", 5)).toBe(
      "length: expected a string, list or map as the first argument, got 5",
    );
  });

  it("one gives the only element, null for none and fails for more", () => {
    expect(call("one", ["hello"])).toBe("hello");
    expect(call("one", [])).toBe(null);
    expect(errorMessage("one", ["a", "b"])).toBe(
      'one: expected a list with at most one element as the first argument, got ["a", "b"]',
    );
  });

  it("range counts up or down by a step", () => {
    expect(call("range", 3)).toEqual([0, 1, 2]);
    expect(call("range", 1, 4)).toEqual([1, 2, 3]);
    expect(call("range", 4, 1)).toEqual([4, 3, 2]);
    expect(call("range", 0, 1, 0.25)).toEqual([0, 0.25, 0.5, 0.75]);
    expect(call("range", 0, 0.5, 0.1)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(call("range", 1, 4, -1)).toEqual([]);
    expect(errorMessage("range", 0, 5, 0)).toBe("range: expected a step other than 0, got 0");
    expect(errorMessage("range", 2000)).toBe("range: the range would have more than 1024 numbers");
  });

  it("reverse and slice work on copies", () => {
    const list = ["a", "b", "c", "d"];
    expect(call("reverse", list)).toEqual(["d", "c", "b", "a"]);
    expect(call("slice", list, 1, 3)).toEqual(["b", "c"]);
    expect(list).toEqual(["a", "b", "c", "d"]);
    expect(errorMessage("slice", list, 1, 5)).toBe(
      "slice: end index 5 is past the end of a list of length 4",
    );
    expect(errorMessage("slice", list, 3, 2)).toBe(
      "slice: start index 3 is greater than end index 2",
    );
  });

  it("sort orders strings lexically, numbers included", () => {
    expect(call("sort", ["e", "d", "a", "x"])).toEqual(["a", "d", "e", "x"]);
    expect(call("sort", [10, 9, 1])).toEqual(["1", "10", "9"]);
  });

  it("sum adds numbers and refuses an empty list", () => {
    expect(call("sum", [10, 13, "6", 2.5])).toBe(31.5);
    expect(errorMessage("sum", [])).toBe("sum: cannot sum an empty list");
  });
});

describe("map functions", () => {
  it("coalesce returns the first value that is not null or empty", () => {
    expect(call("coalesce", "", null, "b", "c")).toBe("b");
    expect(call("coalesce", 1, 2)).toBe(1);
    expect(call("coalesce", null, 1, "a")).toBe("1");
    expect(errorMessage("coalesce", null, "")).toBe(
      "coalesce: every argument is null or an empty string",
    );
  });

  it("keys and values list by sorted key", () => {
    const map = { b: 2, a: 1, c: 3 };
    expect(call("keys", map)).toEqual(["a", "b", "c"]);
    expect(call("values", map)).toEqual([1, 2, 3]);
  });

  it("lookup falls back to the default and fails without one", () => {
    expect(call("lookup", { a: "ay", b: "bee" }, "a", "what?")).toBe("ay");
    expect(call("lookup", { a: "ay" }, "c", "what?")).toBe("what?");
    expect(call("lookup", { a: "ay" }, "c", null)).toBe(null);
    expect(errorMessage("lookup", { a: "ay" }, "c")).toBe('lookup: no key "c" in {a = "ay"}');
  });

  it("matchkeys picks the values whose keys are in the search set", () => {
    expect(call("matchkeys", ["i-1", "i-2", "i-3"], ["us-1", "us-2", "us-1"], ["us-1"])).toEqual([
      "i-1",
      "i-3",
    ]);
    expect(errorMessage("matchkeys", ["a"], [], [])).toBe(
      "matchkeys: expected as many keys as values, got 0 keys and 1 values",
    );
  });

  it("merge skips nulls and lets later maps win", () => {
    expect(call("merge", { a: "b", c: "d" }, null, { e: "f", c: "z" })).toEqual({
      a: "b",
      c: "z",
      e: "f",
    });
    expect(call("merge")).toEqual({});
    expect(errorMessage("merge", { a: 1 }, ["x"])).toBe(
      'merge: expected a map as the second argument, got ["x"]',
    );
  });

  it("transpose swaps keys and values", () => {
    expect(call("transpose", { a: ["1", "2"], b: ["2", "3"] })).toEqual({
      "1": ["a"],
      "2": ["a", "b"],
      "3": ["b"],
    });
  });

  it("zipmap pairs keys with values", () => {
    expect(call("zipmap", ["a", "b"], [1, 2])).toEqual({ a: 1, b: 2 });
    expect(errorMessage("zipmap", ["a"], [])).toBe(
      "zipmap: expected as many values as keys, got 1 keys and 0 values",
    );
  });
});

describe("set functions", () => {
  it("setintersection keeps what every set has", () => {
    expect(call("setintersection", ["a", "b"], ["b", "c"], ["b", "d"])).toEqual(["b"]);
  });

  it("setproduct lists every combination", () => {
    expect(call("setproduct", ["a", "b"], [1, 2])).toEqual([
      ["a", 1],
      ["a", 2],
      ["b", 1],
      ["b", 2],
    ]);
    expect(call("setproduct", ["a"], [])).toEqual([]);
    expect(errorMessage("setproduct", ["a"])).toBe(
      "setproduct: expected at least 2 arguments, got 1",
    );
  });

  it("setsubtract and setunion give sorted sets without repeats", () => {
    expect(call("setsubtract", ["a", "b", "c"], ["a", "c"])).toEqual(["b"]);
    expect(call("setunion", ["b", "a"], ["c", "a"], ["d"])).toEqual(["a", "b", "c", "d"]);
    expect(call("setunion", [3, 1], [2])).toEqual([1, 2, 3]);
  });
});
