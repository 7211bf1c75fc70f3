/** get_env: the environment of the run, with and without a default. */
import { describe, expect, it } from "vitest";

import { writeTree } from "../../helpers/tree.js";
import { failure, resolveUnit } from "./unit.js";

describe("get_env", () => {
  it("returns the variable's value from the run's environment", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": 'inputs = { region = get_env("AWS_REGION") }\n' });

    const { config } = await resolveUnit(root, "unit", { env: { AWS_REGION: "eu-west-1" } });

    expect(config.inputs).toEqual({ region: "eu-west-1" });
  });

  it("returns the default when the variable is unset", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": 'inputs = { region = get_env("AWS_REGION", "us-east-1") }\n' });

    const { config } = await resolveUnit(root, "unit", { env: {} });

    expect(config.inputs).toEqual({ region: "us-east-1" });
  });

  it("prefers the variable's value over the default", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": 'inputs = { region = get_env("AWS_REGION", "us-east-1") }\n' });

    const { config } = await resolveUnit(root, "unit", { env: { AWS_REGION: "eu-west-1" } });

    expect(config.inputs).toEqual({ region: "eu-west-1" });
  });

  it("counts a variable set to the empty string as set", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": 'inputs = {\n  plain = get_env("SUFFIX")\n  with_default = get_env("SUFFIX", "-dev")\n}\n',
    });

    const { config } = await resolveUnit(root, "unit", { env: { SUFFIX: "" } });

    expect(config.inputs).toEqual({ plain: "", with_default: "" });
  });

  it("reads the run's environment, not terrace's own process environment", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": 'inputs = { path = get_env("PATH", "none") }\n' });

    const { config } = await resolveUnit(root, "unit", { env: {} });

    expect(config.inputs).toEqual({ path: "none" });
  });

  it("fails for an unset variable without a default, naming it and the fix", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": 'locals {\n  account = get_env("ACCOUNT_ID")\n}\n' });

    expect(await failure(root, "unit", { env: {} })).toEqual({
      code: "ENV_NOT_SET",
      where: "unit/terragrunt.hcl:2",
      message: "get_env: environment variable ACCOUNT_ID is not set",
      hint: 'set ACCOUNT_ID, or give get_env a default: get_env("ACCOUNT_ID", "value")',
    });
  });

  it("fails when called without a name", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": "locals {\n  x = get_env()\n}\n" });

    expect(await failure(root, "unit")).toEqual({
      code: "FUNCTION_CALL",
      where: "unit/terragrunt.hcl:2",
      message: "get_env: expected 1 to 2 arguments, got 0",
      hint: undefined,
    });
  });
});
