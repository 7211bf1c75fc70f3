import { describe, expect, it } from "vitest";

import { evaluateExpression } from "../../../src/config/expr/index.js";
import { errorOf, scopeOf } from "./scope.js";

const scope = scopeOf({ local: { n: 4, s: "5", t: "true", nothing: null } });
const value = (text: string): unknown => evaluateExpression(text, scope);

describe("arithmetic", () => {
  it("adds, subtracts, multiplies, divides and takes remainders", () => {
    expect(value("1 + 2")).toBe(3);
    expect(value("10 - 4")).toBe(6);
    expect(value("3 * 4")).toBe(12);
    expect(value("7 / 2")).toBe(3.5);
    expect(value("7 % 3")).toBe(1);
    expect(value("-7 % 3")).toBe(-1);
  });

  it("converts strings that spell numbers, as HCL does", () => {
    expect(value('"5" + 1')).toBe(6);
    expect(value("local.s * local.n")).toBe(20);
    expect(value('"1.5e1" - 5')).toBe(10);
  });

  it("negates numbers and numeric strings", () => {
    expect(value("-local.n")).toBe(-4);
    expect(value('-"3"')).toBe(-3);
    expect(value("- -2")).toBe(2);
  });

  it("rejects operands that are not numbers, quoting both", () => {
    expect(errorOf(() => value('"abc" + 1'))).toEqual({
      code: "EXPRESSION",
      message: 'cannot add "abc" and 1: expected numbers',
    });
    expect(errorOf(() => value("local.n - null")).message).toBe(
      "cannot subtract null from 4: expected numbers",
    );
    expect(errorOf(() => value("[1] * 2")).message).toBe(
      "cannot multiply [1] by 2: expected numbers",
    );
    expect(errorOf(() => value("true % 2")).message).toBe(
      "cannot take the remainder of true divided by 2: expected numbers",
    );
    expect(errorOf(() => value('-"x"')).message).toBe('cannot negate "x": expected a number');
  });

  it("suggests a template when two strings are added", () => {
    expect(errorOf(() => value('"a" + "b"'))).toEqual({
      code: "EXPRESSION",
      message: 'cannot add "a" and "b": expected numbers',
      hint: 'to join strings, write a template such as "${a}${b}", or use join()',
    });
  });

  it("refuses to divide by zero", () => {
    expect(errorOf(() => value("1 / 0")).message).toBe("cannot divide 1 by 0: division by zero");
    expect(errorOf(() => value("1 % 0")).message).toBe(
      "cannot take the remainder of 1 divided by 0: division by zero",
    );
  });
});

describe("comparison and equality", () => {
  it("orders numbers, converting numeric strings", () => {
    expect(value("1 < 2")).toBe(true);
    expect(value("2 <= 2")).toBe(true);
    expect(value("3 > 4")).toBe(false);
    expect(value('"10" >= 9')).toBe(true);
  });

  it("refuses to order values that are not numbers", () => {
    expect(errorOf(() => value('"a" < "b"')).message).toBe(
      'cannot compare "a" < "b": expected numbers',
    );
  });

  it("compares structurally and without conversion", () => {
    expect(value("[1, { a = [2] }] == [1, { a = [2] }]")).toBe(true);
    expect(value("{ a = 1, b = 2 } == { b = 2, a = 1 }")).toBe(true);
    expect(value("{ a = 1 } == { a = 1, b = 2 }")).toBe(false);
    expect(value('1 == "1"')).toBe(false);
    expect(value("null == null")).toBe(true);
    expect(value("local.nothing != null")).toBe(false);
    expect(value("[1, 2] != [2, 1]")).toBe(true);
  });
});

describe("logic", () => {
  it("applies &&, || and ! to bools and to the strings true and false", () => {
    expect(value("true && false")).toBe(false);
    expect(value("false || true")).toBe(true);
    expect(value("!false")).toBe(true);
    expect(value("local.t && true")).toBe(true);
  });

  it("skips the right operand once the left one decides", () => {
    expect(value("local.nothing != null && local.nothing.x")).toBe(false);
    expect(value("local.nothing == null || local.nothing.x")).toBe(true);
  });

  it("rejects operands that are not bools", () => {
    expect(errorOf(() => value('"yes" && true')).message).toBe(
      'cannot apply "&&" to "yes": expected a bool',
    );
    expect(errorOf(() => value("false || 1")).message).toBe(
      'cannot apply "||" to 1: expected a bool',
    );
    expect(errorOf(() => value("!null")).message).toBe('cannot apply "!" to null: expected a bool');
  });
});

describe("precedence", () => {
  it("binds * / % tighter than + -, and those tighter than comparisons", () => {
    expect(value("1 + 2 * 3")).toBe(7);
    expect(value("(1 + 2) * 3")).toBe(9);
    expect(value("10 - 4 - 3")).toBe(3);
    expect(value("12 / 3 / 2")).toBe(2);
    expect(value("1 + 2 > 2 * 1")).toBe(true);
    expect(value("2 + 6 % 4")).toBe(4);
  });

  it("binds comparisons tighter than equality, equality tighter than && and && than ||", () => {
    expect(value("1 < 2 == 3 < 4")).toBe(true);
    expect(value("true || false && false")).toBe(true);
    expect(value("(true || false) && false")).toBe(false);
    expect(value("1 == 1 && 2 != 3")).toBe(true);
  });

  it("binds unary operators tighter than binary ones", () => {
    expect(value("-2 * 3")).toBe(-6);
    expect(value("!true == false")).toBe(true);
    expect(value("-local.n + 1")).toBe(-3);
  });

  it("gives the conditional the lowest precedence and nests it to the right", () => {
    expect(value("1 + 1 == 2 ? 10 : 20")).toBe(10);
    expect(value("false ? 1 : true ? 2 : 3")).toBe(2);
    expect(value("true ? false ? 1 : 2 : 3")).toBe(2);
  });
});

describe("conditional", () => {
  it("evaluates only the branch it takes", () => {
    expect(value("true ? 1 : local.missing")).toBe(1);
    expect(value('"false" ? 1 : 2')).toBe(2);
  });

  it("requires a bool condition", () => {
    expect(errorOf(() => value('"maybe" ? 1 : 2')).message).toBe(
      'cannot use "maybe" as a condition: expected a bool',
    );
    expect(errorOf(() => value("local.nothing ? 1 : 2")).message).toBe(
      "cannot use null as a condition: expected a bool",
    );
  });
});
