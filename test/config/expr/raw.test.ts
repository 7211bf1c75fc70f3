import { describe, expect, it } from "vitest";

import { evaluateRaw } from "../../../src/config/expr/index.js";
import { errorOf, scopeOf } from "./scope.js";

const scope = scopeOf({ local: { env: "prod", n: 2, on: true, none: null, list: ["a"] } });

describe("evaluateRaw", () => {
  it("passes numbers, bools and null through", () => {
    expect(evaluateRaw(1.5, scope)).toBe(1.5);
    expect(evaluateRaw(false, scope)).toBe(false);
    expect(evaluateRaw(null, scope)).toBe(null);
  });

  it("evaluates strings as templates, element by element", () => {
    const raw = ["plain", "${local.n + 1}", "env-${local.env}", "${local.list}", "$${keep}"];
    expect(evaluateRaw(raw, scope)).toEqual(["plain", 3, "env-prod", ["a"], "${keep}"]);
  });

  it("evaluates object keys as templates and converts numbers and bools to strings", () => {
    const raw = {
      "${local.env}": 1,
      "${(local.n)}": 2,
      "${local.on}": 3,
      nested: { k: "${local.env}" },
    };
    expect(evaluateRaw(raw, scope)).toEqual({ prod: 1, "2": 2, true: 3, nested: { k: "prod" } });
  });

  it("refuses a key that is null or a collection", () => {
    expect(errorOf(() => evaluateRaw({ "${local.none}": 1 }, scope))).toEqual({
      code: "EXPRESSION",
      message: "cannot use null as an object key: expected a string",
    });
    expect(errorOf(() => evaluateRaw({ "${local.list}": 1 }, scope)).message).toBe(
      'cannot use ["a"] as an object key: expected a string',
    );
  });
});
