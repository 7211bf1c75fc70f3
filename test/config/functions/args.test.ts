import { describe, expect, it } from "vitest";

import { builtinFunctions } from "../../../src/config/functions/builtins/index.js";
import { call, errorMessage, failure } from "./call.js";

const TERRAFORM_BUILTINS = `
  abs ceil floor log max min parseint pow signum
  chomp endswith format formatlist indent join lower regex regexall replace split startswith
  strcontains strrev substr title trim trimprefix trimsuffix trimspace upper
  alltrue anytrue chunklist coalesce coalescelist compact concat contains distinct element
  flatten index keys length lookup matchkeys merge one range reverse setintersection setproduct
  setsubtract setunion slice sort sum transpose values zipmap
  base64decode base64encode base64gzip csvdecode jsondecode jsonencode textdecodebase64
  textencodebase64 urlencode yamldecode yamlencode
  abspath dirname pathexpand basename file fileexists fileset filebase64 templatefile
  filemd5 filesha1 filesha256 filesha512 filebase64sha256 filebase64sha512
  base64sha256 base64sha512 md5 sha1 sha256 sha512 uuid uuidv5
  timestamp formatdate timeadd timecmp
  cidrhost cidrnetmask cidrsubnet cidrsubnets
  tobool tolist tomap tonumber toset tostring sensitive nonsensitive issensitive
`.split(/\s+/).filter((name) => name !== "");

describe("the built-in function table", () => {
  it("has every Terraform built-in that terragrunt configs use", () => {
    const missing = TERRAFORM_BUILTINS.filter((name) => !builtinFunctions.has(name));
    expect(missing).toEqual([]);
  });

  it("leaves try and can to the evaluator", () => {
    expect(builtinFunctions.has("try")).toBe(false);
    expect(builtinFunctions.has("can")).toBe(false);
  });
});

describe("argument checking", () => {
  it("reports a wrong argument count with the usage as the hint", () => {
    expect(failure(() => call("join", ","))).toEqual({
      code: "FUNCTION_CALL",
      message: "join: expected at least 2 arguments, got 1",
      hint: "call it as join(separator, list, more_lists...)",
    });
    expect(errorMessage("upper")).toBe("upper: expected 1 argument, got 0");
    expect(errorMessage("lookup", {})).toBe("lookup: expected 2 or 3 arguments, got 1");
    expect(errorMessage("range")).toBe("range: expected 1 to 3 arguments, got 0");
    expect(errorMessage("timestamp", 1)).toBe("timestamp: expected 0 arguments, got 1");
  });

  it("names the argument by position and quotes the bad value", () => {
    expect(failure(() => call("element", "abc", 1))).toEqual({
      code: "FUNCTION_CALL",
      message: 'element: expected a list as the first argument, got "abc"',
      hint: "call it as element(list, index)",
    });
    expect(errorMessage("keys", [1, 2])).toBe(
      "keys: expected a map as the first argument, got [1, 2]",
    );
    expect(errorMessage("upper", null)).toBe(
      "upper: expected a string as the first argument, got null",
    );
    expect(errorMessage("substr", "abc", 1.5, 1)).toBe(
      "substr: expected a whole number as the second argument, got 1.5",
    );
  });

  it("converts numbers and bools to strings and numeric strings to numbers", () => {
    expect(call("upper", 5)).toBe("5");
    expect(call("upper", true)).toBe("TRUE");
    expect(call("abs", "-5")).toBe(5);
    expect(errorMessage("abs", "five")).toBe(
      'abs: expected a number as the first argument, got "five"',
    );
  });

  it("cuts long values short in messages", () => {
    const long = "x".repeat(100);
    expect(errorMessage("abs", long)).toBe(
      `abs: expected a number as the first argument, got "${"x".repeat(76)}...`,
    );
  });
});
