/**
 * get_aws_account_id, get_aws_caller_identity_arn and get_aws_caller_identity_user_id, with
 * a fake identity hook in place of STS: which role each call is made for, and the error when
 * the command resolves configuration without AWS at all.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import type { AwsIdentity, RoleSettings } from "../../../src/config/index.js";
import { writeTree } from "../../helpers/tree.js";
import { failure, lines, resolver } from "./unit.js";

const ROLE = "arn:aws:iam::222222222222:role/deploy";

const IDENTITY_INPUTS = [
  "inputs = {",
  "  account = get_aws_account_id()",
  "  arn     = get_aws_caller_identity_arn()",
  "  user_id = get_aws_caller_identity_user_id()",
  "}",
  "",
].join("\n");

/** Resolves `unit` with a fake identity hook; returns the inputs and each role it was asked for. */
async function withIdentity(root: string, unit: string) {
  const asked: (RoleSettings | undefined)[] = [];
  const run = resolver();
  run.context.options.awsIdentity = (role): AwsIdentity => {
    asked.push(role);
    const arn = role?.iam_role?.value;
    const account = arn === undefined ? "111111111111" : String(arn).split(":")[4] as string;
    return {
      account,
      arn: `arn:aws:sts::${account}:assumed-role/deploy/terrace`,
      userId: `AROAEXAMPLE:${account}`,
    };
  };
  const { config } = await run.resolve(join(root, unit));
  return { inputs: config.inputs, asked };
}

describe("AWS identity functions", () => {
  it("answer for the reading unit's role inside a file read with read_terragrunt_config", async () => {
    const root = writeTree({
      "common.hcl": "locals {\n  account = get_aws_account_id()\n}\n",
      "a/terragrunt.hcl": 'iam_role = "arn:aws:iam::222222222222:role/a"\n'
        + 'locals {\n  common = read_terragrunt_config("../common.hcl")\n}\ninputs = { account = local.common.locals.account }\n',
      "b/terragrunt.hcl": 'iam_role = "arn:aws:iam::333333333333:role/b"\n'
        + 'locals {\n  common = read_terragrunt_config("../common.hcl")\n}\ninputs = { account = local.common.locals.account }\n',
    });
    const run = resolver();
    run.context.options.awsIdentity = (role): AwsIdentity => {
      const account = String(role?.iam_role?.value ?? "arn:aws:iam::111111111111:role/none").split(":")[4] as string;
      return { account, arn: `arn:aws:sts::${account}:assumed-role/x/y`, userId: "AROA:y" };
    };

    const a = await run.resolve(join(root, "a"));
    const b = await run.resolve(join(root, "b"));

    expect(a.config.inputs).toEqual({ account: "222222222222" });
    expect(b.config.inputs).toEqual({ account: "333333333333" });
  });

  it("answer with the identity of the unit's role, passing the unit's role settings", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": `iam_role = "${ROLE}"\niam_role_duration = "2h"\n${IDENTITY_INPUTS}`,
    });

    const { inputs, asked } = await withIdentity(root, "unit");

    expect(inputs).toEqual({
      account: "222222222222",
      arn: "arn:aws:sts::222222222222:assumed-role/deploy/terrace",
      user_id: "AROAEXAMPLE:222222222222",
    });
    const settings = {
      iam_role: { value: ROLE, origin: undefined },
      iam_role_duration: { value: 7200, origin: undefined },
    };
    expect(asked).toEqual([settings, settings, settings]);
  });

  it("use the role that an included root sets for the unit", async () => {
    const root = writeTree({
      "root.hcl": `iam_role = "${ROLE}"\n`,
      "unit/terragrunt.hcl": lines(
        'include "root" {',
        '  path = find_in_parent_folders("root.hcl")',
        "}",
        "inputs = { account = get_aws_account_id() }",
      ),
    });

    const { inputs, asked } = await withIdentity(root, "unit");

    expect(inputs).toEqual({ account: "222222222222" });
    expect(asked).toEqual([{ iam_role: { value: ROLE, origin: undefined } }]);
  });

  it("pass no role for a unit without role settings, so the source credentials answer", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": "inputs = { account = get_aws_account_id() }\n" });

    const { inputs, asked } = await withIdentity(root, "unit");

    expect(inputs).toEqual({ account: "111111111111" });
    // An empty set of settings, not undefined: a --iam-role flag may still name a role for it.
    expect(asked).toEqual([{}]);
  });

  it("pass undefined while the role itself is built from get_aws_account_id()", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": [
        'iam_role = "arn:aws:iam::${get_aws_account_id()}:role/deploy"',
        "inputs = { account = get_aws_account_id() }",
        "",
      ].join("\n"),
    });

    const { inputs, asked } = await withIdentity(root, "unit");

    expect(asked).toEqual([
      undefined,
      { iam_role: { value: "arn:aws:iam::111111111111:role/deploy", origin: undefined } },
    ]);
    expect(inputs).toEqual({ account: "111111111111" });
  });

  it("pass undefined while the role is built from a local that calls get_aws_account_id()", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": [
        "locals {",
        "  account = get_aws_account_id()",
        "}",
        'iam_role = "arn:aws:iam::${local.account}:role/deploy"',
        "inputs = { role = get_aws_caller_identity_arn() }",
        "",
      ].join("\n"),
    });

    const { inputs, asked } = await withIdentity(root, "unit");

    expect(asked).toEqual([
      undefined,
      { iam_role: { value: "arn:aws:iam::111111111111:role/deploy", origin: undefined } },
    ]);
    expect(inputs).toEqual({ role: "arn:aws:sts::111111111111:assumed-role/deploy/terrace" });
  });

  it("still report a cycle among the locals that the role settings use", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": [
        "locals {",
        "  a = local.b",
        "  b = local.a",
        "}",
        "iam_role_session_name = local.a",
        "inputs = { account = get_aws_account_id() }",
        "",
      ].join("\n"),
    });
    const run = resolver();
    run.context.options.awsIdentity = () => ({ account: "111111111111", arn: "arn", userId: "id" });

    expect(await failure(root, "unit", run)).toEqual({
      code: "LOCALS_CYCLE",
      where: "unit/terragrunt.hcl:3",
      message: "cycle: local.a -> local.b -> local.a",
      hint: "break the cycle: one of these values must not depend on the others",
    });
  });

  it.each(["get_aws_account_id", "get_aws_caller_identity_arn", "get_aws_caller_identity_user_id"])(
    "%s fails when the command resolves configuration without AWS",
    async (name) => {
      const root = writeTree({ "unit/terragrunt.hcl": `locals {\n  x = ${name}()\n}\n` });

      expect(await failure(root, "unit")).toEqual({
        code: "FUNCTION_CALL",
        where: "unit/terragrunt.hcl:2",
        message: `${name}: AWS credentials are not available here`,
        hint: "this command resolves configuration without AWS; use render-json or run-all, which ask STS",
      });
    },
  );

  it("refuse arguments", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": 'locals {\n  x = get_aws_account_id("us-east-1")\n}\n' });

    expect(await failure(root, "unit")).toEqual({
      code: "FUNCTION_CALL",
      where: "unit/terragrunt.hcl:2",
      message: "get_aws_account_id: expected 0 arguments, got 1",
      hint: undefined,
    });
  });
});
