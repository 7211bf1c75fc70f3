import { describe, expect, it } from "vitest";

import { evaluateExpression, evaluateTemplate } from "../../../src/config/expr/index.js";
import { LazyObject } from "../../../src/config/value.js";
import { errorOf, lazyOf, scopeOf } from "./scope.js";

function fixture() {
  const inner = lazyOf({ region: () => "eu-west-1", bucket: () => "state" });
  const outer = lazyOf({
    env: () => "prod",
    list: () => ["a", "b"],
    root: () => inner.object,
  });
  return { inner, outer, scope: scopeOf({ local: outer.object }) };
}

describe("lazy objects", () => {
  it("computes only the member a traversal names", () => {
    const { outer, scope } = fixture();
    expect(evaluateExpression("local.env", scope)).toBe("prod");
    expect(outer.computed).toEqual(["env"]);
  });

  it("follows nested lazy objects member by member", () => {
    const { inner, outer, scope } = fixture();
    expect(evaluateTemplate("${local.root.region}", scope)).toBe("eu-west-1");
    expect(evaluateExpression('local["root"]["bucket"]', scope)).toBe("state");
    expect(outer.computed).toEqual(["root", "root"]);
    expect(inner.computed).toEqual(["region", "bucket"]);
  });

  it("forces every member when the object is used whole", () => {
    const { scope } = fixture();
    const whole = { region: "eu-west-1", bucket: "state" };
    expect(evaluateExpression("local.root", scope)).toEqual(whole);
    expect(evaluateExpression("args(local.root)", scope)).toEqual([whole]);
    const comparison = 'local.root == { region = "eu-west-1", bucket = "state" }';
    expect(evaluateExpression(comparison, scope)).toBe(true);
    expect(evaluateExpression("[for k, v in local.root : k]", scope)).toEqual(["bucket", "region"]);
  });

  it("returns a forced plain object, never a lazy one", () => {
    const { scope } = fixture();
    const result = evaluateExpression("true ? local.root : null", scope);
    expect(result).not.toBeInstanceOf(LazyObject);
    expect(result).toEqual({ region: "eu-west-1", bucket: "state" });
  });

  it("treats a lazy object as a single element under a splat", () => {
    const { scope } = fixture();
    expect(evaluateExpression("local.root[*].region", scope)).toEqual(["eu-west-1"]);
  });

  it("names a missing member by its path from the root", () => {
    const { scope } = fixture();
    expect(errorOf(() => evaluateExpression("local.nope", scope))).toEqual({
      code: "EXPRESSION",
      message: '"local.nope" is not defined',
    });
    expect(errorOf(() => evaluateExpression("local.root.regoin", scope))).toEqual({
      code: "EXPRESSION",
      message: '"local.root.regoin" is not defined',
      hint: 'did you mean "local.root.region"?',
    });
  });

  it("refuses to put a lazy object in a string", () => {
    const { scope } = fixture();
    expect(errorOf(() => evaluateTemplate("x-${local.root}", scope)).message).toBe(
      "cannot use an object in a string template: expected a string, number or bool",
    );
  });
});
