import { describe, expect, it } from "vitest";

import { evaluateExpression, type Scope } from "../../../src/config/expr/index.js";
import { TerraceError } from "../../../src/errors.js";
import { LazyObject } from "../../../src/config/value.js";
import { errorOf, scopeOf } from "./scope.js";

const scope = scopeOf({ local: { list: ["b", "c"], map: { a: 1 }, none: null } });
const value = (text: string, inScope: Scope = scope): unknown => evaluateExpression(text, inScope);

describe("function calls", () => {
  it("passes evaluated arguments and the call context", () => {
    const seen: unknown[] = [];
    const spy: Scope = {
      ...scope,
      functions: new Map([["spy", (args, context) => (seen.push(args, context.baseDir), null)]]),
    };
    expect(value('spy(1 + 1, "x", local.list)', spy)).toBe(null);
    expect(seen).toEqual([[2, "x", ["b", "c"]], "/units/app"]);
  });

  it("accepts no arguments, a trailing comma, and arguments over several lines", () => {
    expect(value("args()")).toEqual([]);
    expect(value("args(1, 2,)")).toEqual([1, 2]);
    expect(value("args(\n  1,\n  2\n)")).toEqual([1, 2]);
  });

  it("spreads the last argument after ...", () => {
    expect(value('args("a", local.list...)')).toEqual(["a", "b", "c"]);
    expect(value("args([]...)")).toEqual([]);
  });

  it("refuses to spread a value that is not a tuple", () => {
    expect(errorOf(() => value("args(local.map...)")).message).toBe(
      'cannot expand {"a":1} into the arguments of args(): expected a tuple',
    );
  });

  it("reads provider function names with ::", () => {
    const withProvider: Scope = {
      ...scope,
      functions: new Map([["provider::test::echo", ([arg]) => arg ?? null]]),
    };
    expect(value('provider::test::echo("hi")', withProvider)).toBe("hi");
  });

  it("suggests a close name for an unknown function", () => {
    expect(errorOf(() => value('uper("x")'))).toEqual({
      code: "UNKNOWN_FUNCTION",
      message: 'unknown function "uper"',
      hint: 'did you mean "upper"?',
    });
  });

  it("points to the function lists when no name is close", () => {
    expect(errorOf(() => value("frobnicate()"))).toEqual({
      code: "UNKNOWN_FUNCTION",
      message: 'unknown function "frobnicate"',
      hint: "check the name against the functions of terragrunt and of Terraform",
    });
  });

  it("wraps a plain error from a function with the function's name", () => {
    expect(errorOf(() => value("upper(1)"))).toEqual({
      code: "FUNCTION_CALL",
      message: "upper: expected a string, got 1",
    });
  });

  it("lets a function's own TerraceError through unchanged", () => {
    expect(errorOf(() => value("strict()"))).toEqual({
      code: "FUNCTION_CALL",
      message: "strict: always fails",
    });
  });
});

describe("try and can", () => {
  it("gives the first argument that evaluates without error", () => {
    expect(value('try(local.none.x, local.map.b, "fallback")')).toBe("fallback");
    expect(value("try(local.map.a, 0)")).toBe(1);
    expect(value("try(upper(1), strict(), nope, 3)")).toBe(3);
  });

  it("rethrows the last error when every argument fails", () => {
    expect(errorOf(() => value("try(local.none.x, local.list[5])")).message).toBe(
      "index 5 out of range for a tuple of 2 elements",
    );
  });

  it("tells whether an expression evaluates", () => {
    expect(value("can(local.map.a)")).toBe(true);
    expect(value("can(local.map.b)")).toBe(false);
    expect(value('can(regex("x"))')).toBe(false);
  });

  it("does not swallow a cycle between locals", () => {
    const cycle = new LazyObject(
      () => {
        throw new TerraceError("LOCALS_CYCLE", "local.a -> local.b -> local.a");
      },
      () => ["a"],
    );
    const cyclic = scopeOf({ local: cycle });
    expect(errorOf(() => value('try(local.a, "x")', cyclic)).code).toBe("LOCALS_CYCLE");
    expect(errorOf(() => value("can(local.a)", cyclic)).code).toBe("LOCALS_CYCLE");
  });

  it("does not swallow a cycle wrapped by the locals it passed through", () => {
    const wrapped = new LazyObject(
      () => {
        const cause = new TerraceError("LOCALS_CYCLE", "local.a -> local.a");
        throw new TerraceError("EXPRESSION", "local.a failed", { cause });
      },
      () => ["a"],
    );
    expect(errorOf(() => value("try(local.a, 1)", scopeOf({ local: wrapped }))).message).toBe(
      "local.a failed",
    );
  });

  it("checks the number of arguments", () => {
    expect(errorOf(() => value("try()")).message).toBe("try() needs at least one argument");
    expect(errorOf(() => value("can(1, 2)")).message).toBe(
      "can() takes exactly one argument, got 2",
    );
  });
});
