import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { ConfigResolver } from "../../../src/config/index.js";
import { TerraceError } from "../../../src/errors.js";
import { writeTree } from "../../helpers/tree.js";

/** Resolves `unit/terragrunt.hcl` of a tree and returns the error it fails with. */
async function failure(files: Record<string, string>, env: Record<string, string> = {}) {
  const root = writeTree(files);
  const resolver = new ConfigResolver({ env });
  const error = await resolver.resolve(join(root, "unit")).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TerraceError)) throw new Error(`expected a TerraceError, got ${String(error)}`);
  const file = error.location === undefined ? undefined : error.location.file.slice(root.length + 1);
  return { code: error.code, where: `${file}:${error.location?.line}`, message: error.message, hint: error.hint };
}

describe("bad configuration", () => {
  it("reports an HCL syntax error at its line", async () => {
    const result = await failure({ "unit/terragrunt.hcl": 'inputs = {\n  a = "x\n}\n' });
    expect(result.code).toBe("HCL_SYNTAX");
    expect(result.where).toBe("unit/terragrunt.hcl:2");
    expect(result.hint).toBeDefined();
  });

  it("reports a missing included file at the include block", async () => {
    const result = await failure({
      "unit/terragrunt.hcl": '\ninclude "root" {\n  path = "../nope.hcl"\n}\n',
    });
    expect(result).toMatchObject({ code: "INCLUDE", where: "unit/terragrunt.hcl:2" });
    expect(result.message).toMatch(/^include "root": no such file .*nope\.hcl$/);
  });

  it("reports find_in_parent_folders finding nothing", async () => {
    const result = await failure({
      "unit/terragrunt.hcl": 'include "root" {\n  path = find_in_parent_folders("missing-root.hcl")\n}\n',
    });
    expect(result).toMatchObject({ code: "PARENT_NOT_FOUND", where: "unit/terragrunt.hcl:2" });
    expect(result.message).toMatch(/^find_in_parent_folders: no "missing-root\.hcl" in any folder above /);
    expect(result.hint).toBe("create missing-root.hcl in a parent folder, or pass a fallback as the second argument");
  });

  it("reports get_env of an unset variable without a default", async () => {
    const result = await failure({ "unit/terragrunt.hcl": 'inputs = {\n  a = get_env("TERRACE_TEST_UNSET")\n}\n' });
    expect(result).toEqual({
      code: "ENV_NOT_SET",
      where: "unit/terragrunt.hcl:2",
      message: "get_env: environment variable TERRACE_TEST_UNSET is not set",
      hint: 'set TERRACE_TEST_UNSET, or give get_env a default: get_env("TERRACE_TEST_UNSET", "value")',
    });
  });

  it("reports a locals cycle with the chain of locals", async () => {
    const result = await failure({
      "unit/terragrunt.hcl": "locals {\n  a = local.b\n  b = local.c\n  c = local.a\n}\ninputs = { x = local.a }\n",
    });
    expect(result.code).toBe("LOCALS_CYCLE");
    expect(result.message).toBe("cycle: local.a -> local.b -> local.c -> local.a");
    expect(result.where).toBe("unit/terragrunt.hcl:4");
  });

  it("reports an unknown function with its line", async () => {
    const result = await failure({ "unit/terragrunt.hcl": "\n\ninputs = { a = uppper(\"x\") }\n" });
    expect(result).toMatchObject({ code: "UNKNOWN_FUNCTION", where: "unit/terragrunt.hcl:3" });
    expect(result.message).toBe('unknown function "uppper"');
    expect(result.hint).toBe('did you mean "upper"?');
  });

  it("reports an unknown attribute and suggests the known name", async () => {
    const result = await failure({
      "unit/terragrunt.hcl": 'inputs = {}\niam_rol = "arn:aws:iam::123456789012:role/x"\n',
    });
    expect(result).toEqual({
      code: "UNKNOWN_ATTRIBUTE",
      where: "unit/terragrunt.hcl:2",
      message: 'unknown attribute "iam_rol"',
      hint: 'did you mean "iam_role"?',
    });
  });

  it("reports an iam_role that is not a role ARN", async () => {
    const result = await failure({ "unit/terragrunt.hcl": 'iam_role = "deploy"\n' });
    expect(result).toMatchObject({
      code: "IAM_ROLE",
      where: "unit/terragrunt.hcl:1",
      message: 'iam_role = "deploy" is not a role ARN; expected arn:aws:iam::<12-digit account>:role/<name>',
    });
  });

  it.each([
    ["120", "iam_role_duration = 120 is out of range; expected 900 to 43200 seconds (15 minutes to 12 hours)"],
    ["50000", "iam_role_duration = 50000 is out of range; expected 900 to 43200 seconds (15 minutes to 12 hours)"],
    ['"four hours"', 'iam_role_duration = "four hours" is not a duration; expected seconds or a string such as "4h" or "1h30m"'],
  ])("reports iam_role_duration = %s in the file that sets it", async (duration, message) => {
    const result = await failure({
      "env.hcl": `\niam_role_duration = ${duration}\n`,
      "unit/terragrunt.hcl": 'include "env" {\n  path = find_in_parent_folders("env.hcl")\n}\n',
    });
    expect(result).toMatchObject({ code: "IAM_DURATION", where: "env.hcl:2", message });
  });

  it("reports both spellings of the duration in one file", async () => {
    const result = await failure({
      "unit/terragrunt.hcl": 'iam_role_duration = "2h"\niam_assume_role_duration = 7200\n',
    });
    expect(result).toEqual({
      code: "DUPLICATE_SETTING",
      where: "unit/terragrunt.hcl:2",
      message: "iam_role_duration and iam_assume_role_duration are both set in this file",
      hint: "iam_assume_role_duration is terragrunt's name for iam_role_duration; keep one of the two",
    });
  });
});

describe("durations", () => {
  it.each([
    ["3600", 3600],
    ['"4h"', 14_400],
    ['"90m"', 5400],
    ['"1h30m"', 5400],
    ['"43200"', 43_200],
  ])("accepts iam_role_duration = %s as %i seconds", async (text, seconds) => {
    const root = writeTree({ "unit/terragrunt.hcl": `iam_role_duration = ${text}\n` });
    const unit = await new ConfigResolver().resolve(join(root, "unit"));
    expect(unit.config.iam_role_duration).toBe(seconds);
  });
});
