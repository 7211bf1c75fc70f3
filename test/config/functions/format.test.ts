import { describe, expect, it } from "vitest";

import { call, errorMessage } from "./call.js";

describe("format", () => {
  it("fills %s and %d from the values in order", () => {
    expect(call("format", "Hello, %s!", "Ander")).toBe("Hello, Ander!");
    expect(call("format", "There are %d lights", 4)).toBe("There are 4 lights");
    expect(call("format", "100%% sure")).toBe("100% sure");
  });

  it("applies widths, precisions and flags to numbers", () => {
    expect(call("format", "[%5.2f]", 3.14159)).toBe("[ 3.14]");
    expect(call("format", "[%06d] [%+d] [% d] [%-4d]", 42, 5, 5, 7)).toBe(
      "[000042] [+5] [ 5] [7   ]",
    );
    expect(call("format", "%x %X %o %b %#x", 255, 255, 8, 5, 255)).toBe("ff FF 10 101 0xff");
    expect(call("format", "%f", 1.5)).toBe("1.500000");
    expect(call("format", "%e", 1234.5678)).toBe("1.234568e+03");
    expect(call("format", "%g %g %.3g", 0.00001234, 100, 1234.5678)).toBe("1.234e-05 100 1.23e+03");
    expect(call("format", "%08.3f", -3.14159)).toBe("-003.142");
  });

  it("chooses a verb by type for %v and writes JSON for %#v", () => {
    expect(call("format", "%v %v %v %v", "s", 12345678, true, null)).toBe(
      "s 1.2345678e+07 true null",
    );
    expect(call("format", "%v", [1, "a"])).toBe('[1,"a"]');
    expect(call("format", "%v", { b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    expect(call("format", "%#v", "x")).toBe('"x"');
  });

  it("quotes with %q, truncates with a string precision and pads by characters", () => {
    expect(call("format", "%q", 'a"b')).toBe('"a\\"b"');
    expect(call("format", "%.3s", "abcdef")).toBe("abc");
    expect(call("format", "[%5s] [%-5s]", "é", "ab")).toBe("[    é] [ab   ]");
    expect(call("format", "%t", "true")).toBe("true");
  });

  it("picks values by index with [n] and continues after them", () => {
    expect(call("format", "%[2]s %[1]s %s", "a", "b")).toBe("b a b");
  });

  it("refuses values that do not fit the verb", () => {
    expect(errorMessage("format", "%d", 1.5)).toBe(
      'format: "%d" at offset 0 needs a whole number, got 1.5',
    );
    expect(errorMessage("format", "n=%d", "x")).toBe(
      'format: "%d" at offset 2 needs a number, got "x"',
    );
    expect(errorMessage("format", "%s", [1])).toBe(
      'format: "%s" at offset 0 needs a string, got [1]',
    );
    expect(errorMessage("format", "%s", null)).toBe('format: "%s" at offset 0 cannot format null');
    expect(errorMessage("format", "%z", 1)).toBe('format: unsupported verb "%z" at offset 0');
  });

  it("refuses too few and too many values", () => {
    expect(errorMessage("format", "%s and %s", "a")).toBe(
      'format: "%s" at offset 7 needs value 2, but 1 were given',
    );
    expect(errorMessage("format", "%s", "a", "b")).toBe(
      "format: got 2 values, but the format string uses only 1",
    );
  });
});

describe("formatlist", () => {
  it("formats once per element, repeating values that are not lists", () => {
    expect(call("formatlist", "Hello, %s!", ["Valentina", "Ander"])).toEqual([
      "Hello, Valentina!",
      "Hello, Ander!",
    ]);
    expect(call("formatlist", "%s=%s", "x", ["a", "b"])).toEqual(["x=a", "x=b"]);
  });

  it("gives an empty list for empty lists and one result without lists", () => {
    expect(call("formatlist", "%s", [])).toEqual([]);
    expect(call("formatlist", "hi")).toEqual(["hi"]);
  });

  it("requires the lists to have the same length", () => {
    expect(errorMessage("formatlist", "%s %s", ["a"], ["b", "c"])).toBe(
      "formatlist: the third argument has 2 elements, but the second has 1",
    );
  });
});
