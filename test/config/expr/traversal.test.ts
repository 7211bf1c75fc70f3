import { describe, expect, it } from "vitest";

import { evaluateExpression } from "../../../src/config/expr/index.js";
import { errorOf, scopeOf } from "./scope.js";

const scope = scopeOf({
  local: {
    list: ["a", "b"],
    map: { key: "v", "with space": 1, "0": "zero" },
    servers: [
      { name: "web", ports: [80, 443], tags: { role: "front" } },
      { name: "db", ports: [5432], tags: { role: "back" } },
    ],
    single: { name: "only", ports: [22] },
    none: null,
    nested: [[1, 2], [3, 4]],
  },
  "my-vpc": { id: "vpc-1" },
});
const value = (text: string): unknown => evaluateExpression(text, scope);

describe("attributes and indexes", () => {
  it("follows attributes, numeric indexes and string keys", () => {
    expect(value("local.map.key")).toBe("v");
    expect(value("local.list[1]")).toBe("b");
    expect(value('local.map["with space"]')).toBe(1);
    expect(value("local.servers[0].tags.role")).toBe("front");
    expect(value("local.nested[1][0]")).toBe(3);
  });

  it("accepts numeric strings as tuple indexes and numbers as object keys", () => {
    expect(value('local.list["1"]')).toBe("b");
    expect(value("local.map[0]")).toBe("zero");
    expect(value("local.list[0 + 1]")).toBe("b");
  });

  it("reads the legacy index form a.0, one step per number", () => {
    expect(value("local.list.0")).toBe("a");
    expect(value("local.nested.1.0")).toBe(3);
    expect(value("local.servers.1.ports.0")).toBe(5432);
  });

  it("allows dashes in names", () => {
    expect(value("my-vpc.id")).toBe("vpc-1");
  });

  it("indexes the results of calls, parentheses and constructors", () => {
    expect(value('concat(["x"], local.list)[2]')).toBe("b");
    expect(value("(local.single).name")).toBe("only");
    expect(value("[10, 20][1]")).toBe(20);
    expect(value("{ a = { b = 7 } }.a.b")).toBe(7);
  });

  it("reports a missing attribute by the path that reached it", () => {
    expect(errorOf(() => value("local.map.kye"))).toEqual({
      code: "EXPRESSION",
      message: '"local.map.kye" is not defined',
      hint: 'did you mean "local.map.key"?',
    });
    expect(errorOf(() => value('local.map["nope"]')).message).toBe('"local.map" has no key "nope"');
    expect(errorOf(() => value("{ a = 1 }.b")).message).toBe('object has no attribute "b"');
  });

  it("reports an index out of range", () => {
    expect(errorOf(() => value("local.list[3]"))).toEqual({
      code: "EXPRESSION",
      message: "index 3 out of range for a tuple of 2 elements",
    });
    expect(errorOf(() => value("local.list[-1]")).message).toBe(
      "index -1 out of range for a tuple of 2 elements",
    );
    expect(errorOf(() => value("[1][1]")).message).toBe(
      "index 1 out of range for a tuple of 1 element",
    );
  });

  it("reports indexes of the wrong kind", () => {
    expect(errorOf(() => value('local.list["x"]')).message).toBe(
      'cannot index a tuple with "x": expected a number',
    );
    expect(errorOf(() => value("local.list[0.5]")).message).toBe(
      "cannot index a tuple with 0.5: expected a whole number",
    );
    expect(errorOf(() => value("local.map[null]")).message).toBe(
      "cannot index an object with null: expected a string",
    );
  });

  it("reports steps into values that have no members", () => {
    expect(errorOf(() => value("local.none.x"))).toEqual({
      code: "EXPRESSION",
      message: 'cannot get attribute "x" of null: expected an object',
      hint: "local.none is null; try(local.none.x, <fallback>) gives a fallback value",
    });
    expect(errorOf(() => value("local.list.name"))).toEqual({
      code: "EXPRESSION",
      message: 'cannot get attribute "name" of a tuple: expected an object',
      hint: 'to take "name" from every element, write [*].name',
    });
    expect(errorOf(() => value('"abc"[0]'))).toEqual({
      code: "EXPRESSION",
      message: 'cannot index a string "abc": expected a tuple or an object',
      hint: "substr() takes part of a string",
    });
  });

  it("names an unknown variable, suggesting a close name from the scope", () => {
    expect(errorOf(() => value("nope.x"))).toEqual({
      code: "UNKNOWN_VARIABLE",
      message: 'unknown variable "nope"',
    });
    expect(errorOf(() => value("locals.list"))).toEqual({
      code: "UNKNOWN_VARIABLE",
      message: 'unknown variable "locals"',
      hint: 'did you mean "local"?',
    });
  });
});

describe("splats", () => {
  it("takes an attribute from every element with [*] and .*", () => {
    expect(value("local.servers[*].name")).toEqual(["web", "db"]);
    expect(value("local.servers.*.name")).toEqual(["web", "db"]);
    expect(value("local.servers[*].tags.role")).toEqual(["front", "back"]);
  });

  it("applies every later step per element with [*], but an index to the result with .*", () => {
    expect(value("local.servers[*].ports[0]")).toEqual([80, 5432]);
    expect(value("local.servers.*.ports[0]")).toEqual([80, 443]);
    expect(value("local.servers.*.ports.0")).toEqual([80, 5432]);
  });

  it("nests full splats", () => {
    expect(value("local.servers[*].ports[*]")).toEqual([[80, 443], [5432]]);
    expect(value("[{ a = [{ b = 1 }, { b = 2 }] }][*].a[*].b")).toEqual([[1, 2]]);
  });

  it("gives an empty tuple for null and wraps any other single value", () => {
    expect(value("local.none[*].name")).toEqual([]);
    expect(value("local.single[*].name")).toEqual(["only"]);
    expect(value("local.single.*.ports")).toEqual([[22]]);
    expect(value("local.list[*]")).toEqual(["a", "b"]);
    expect(value("length(local.none[*])")).toBe(0);
  });
});
