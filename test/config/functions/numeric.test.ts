import { describe, expect, it } from "vitest";

import { call, errorMessage } from "./call.js";

describe("numeric functions", () => {
  it("abs, ceil and floor round and drop signs", () => {
    expect(call("abs", -12.4)).toBe(12.4);
    expect(call("ceil", 5.1)).toBe(6);
    expect(call("floor", -4.9)).toBe(-5);
    expect(call("floor", "4.9")).toBe(4);
  });

  it("log takes the base as its second argument", () => {
    expect(call("log", 16, 2)).toBe(4);
    expect(call("log", 1, 10)).toBe(0);
  });

  it("max and min take any number of numbers, also as strings", () => {
    expect(call("max", 12, 54, 3)).toBe(54);
    expect(call("min", 12, "-3", 3)).toBe(-3);
    expect(errorMessage("max")).toBe("max: expected at least 1 argument, got 0");
    expect(errorMessage("max", 1, [2])).toBe(
      "max: expected a number as the second argument, got [2]",
    );
  });

  it("parseint reads integers in bases from 2 to 62", () => {
    expect(call("parseint", "100", 10)).toBe(100);
    expect(call("parseint", "FF", 16)).toBe(255);
    expect(call("parseint", "-10", 2)).toBe(-2);
    expect(call("parseint", "zz", 36)).toBe(1295);
    expect(call("parseint", "Z", 62)).toBe(61);
    expect(errorMessage("parseint", "12", 2)).toBe(
      'parseint: cannot parse "12" as a base 2 integer',
    );
    expect(errorMessage("parseint", "", 10)).toBe('parseint: cannot parse "" as a base 10 integer');
    expect(errorMessage("parseint", "1", 1)).toBe("parseint: expected a base from 2 to 62, got 1");
  });

  it("pow raises and signum gives the sign", () => {
    expect(call("pow", 3, 2)).toBe(9);
    expect(call("pow", 4, 0.5)).toBe(2);
    expect(call("signum", -13)).toBe(-1);
    expect(call("signum", 0)).toBe(0);
    expect(call("signum", 344)).toBe(1);
  });
});
