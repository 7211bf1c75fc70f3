import { describe, expect, it } from "vitest";

import { evaluateExpression } from "../../../src/config/expr/index.js";
import { errorOf, scopeOf } from "./scope.js";

const scope = scopeOf({
  local: {
    list: ["a", "bb", "ccc"],
    map: { zeta: 1, alpha: 2, mid: 3 },
    users: [
      { name: "ann", team: "ops" },
      { name: "bob", team: "dev" },
      { name: "cy", team: "ops" },
    ],
  },
  v: "outer",
});
const value = (text: string): unknown => evaluateExpression(text, scope);

describe("tuple for expressions", () => {
  it("maps the elements of a tuple, with or without the index", () => {
    expect(value("[for s in local.list : upper(s)]")).toEqual(["A", "BB", "CCC"]);
    expect(value('[for i, s in local.list : "${i}:${s}"]')).toEqual(["0:a", "1:bb", "2:ccc"]);
  });

  it("visits object members in key order, key first", () => {
    expect(value('[for k, v in local.map : "${k}=${v}"]')).toEqual(["alpha=2", "mid=3", "zeta=1"]);
    expect(value("[for v in local.map : v]")).toEqual([2, 3, 1]);
  });

  it("keeps the elements that pass the if clause", () => {
    expect(value("[for s in local.list : s if length(s) > 1]")).toEqual(["bb", "ccc"]);
  });

  it("spans lines and nests", () => {
    const text = "[\n  for row in [[1, 2], [3]] :\n  [for x in row : x * 10]\n]";
    expect(value(text)).toEqual([[10, 20], [30]]);
  });

  it("shadows outer names only inside the expression", () => {
    expect(value("[for v in [1, 2] : v]")).toEqual([1, 2]);
    expect(value("[[for v in [1] : v], v]")).toEqual([[1], "outer"]);
  });
});

describe("object for expressions", () => {
  it("builds an object from keys and values", () => {
    expect(value("{ for s in local.list : s => length(s) }")).toEqual({ a: 1, bb: 2, ccc: 3 });
    expect(value("{for k, v in local.map : upper(k) => v * 2 if v != 3}")).toEqual({
      ALPHA: 4,
      ZETA: 2,
    });
  });

  it("groups values that share a key with ...", () => {
    expect(value("{ for u in local.users : u.team => u.name... }")).toEqual({
      ops: ["ann", "cy"],
      dev: ["bob"],
    });
  });

  it("turns number and bool keys into strings", () => {
    expect(value("{ for i, s in local.list : i => s }")).toEqual({ 0: "a", 1: "bb", 2: "ccc" });
  });

  it("rejects a duplicate key without ...", () => {
    expect(errorOf(() => value("{ for u in local.users : u.team => u.name }"))).toEqual({
      code: "EXPRESSION",
      message: 'duplicate key "ops" in a for expression',
      hint: 'write "..." after the value to group the values that share a key into a tuple',
    });
  });

  it("rejects keys, conditions and collections of the wrong kind", () => {
    expect(errorOf(() => value("{ for s in local.list : null => s }")).message).toBe(
      "cannot use null as an object key: expected a string",
    );
    expect(errorOf(() => value("[for s in local.list : s if s]")).message).toBe(
      'cannot use "a" as a for expression condition: expected a bool',
    );
    expect(errorOf(() => value("[for s in null : s]")).message).toBe(
      "cannot iterate over null: expected a tuple or an object",
    );
  });

  it("reports a for expression with the same name for key and value", () => {
    expect(errorOf(() => value("[for a, a in local.list : a]")).message).toBe(
      'syntax error in expression "[for a, a in local.list : a]": ' +
        'the key and value variables are both named "a"',
    );
  });
});
