/**
 * The AWS identity functions of a configuration, through the CLI: a unit with an `iam_role`
 * sees its role's identity (here a role in another account than the source credentials), a
 * unit without one sees the source credentials'. STS is the local stub.
 */
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { FakeTree } from "../helpers/fake-terraform.js";
import { StsStub, USER_ARN } from "../helpers/sts-stub.js";
import { terraceProcess } from "../helpers/terrace.js";

const AUDIT = "arn:aws:iam::210987654321:role/terrace-audit";

/** What the functions return without a role: the stub's IAM user. */
const SOURCE_IDENTITY = { account: "123456789012", arn: USER_ARN, user_id: "AIDACKCEVSQ6C2EXAMPLE" };

let stub: StsStub;

beforeEach(async () => {
  stub = await StsStub.start();
});

afterEach(async () => {
  await stub.close();
});

/** What the functions return with the audit role, in the session terrace named. */
function auditIdentity(): Record<string, string> {
  const session = stub.calls("AssumeRole")[0]?.roleSessionName ?? "";
  return {
    account: "210987654321",
    arn: `arn:aws:sts::210987654321:assumed-role/terrace-audit/${session}`,
    user_id: `AROA3XFRBF535PLBIFPI4:${session}`,
  };
}

/** `terrace render-json` in one unit of `tree`. */
function render(tree: FakeTree, unit: string) {
  return terraceProcess(["render-json"], { cwd: join(tree.root, unit), env: stub.processEnv() });
}

describe("get_aws_account_id() and the other identity functions", () => {
  it("render the role's account in a unit with an iam_role, and the caller's without one", async () => {
    const tree = FakeTree.copy("test/fixtures/e2e/identity");

    const audit = await render(tree, "audit");
    const local = await render(tree, "local");

    expect(audit.stderr).toBe("");
    expect(audit.exitCode).toBe(0);
    const asked = stub.calls("AssumeRole").map((request) => [request.roleArn, request.durationSeconds]);
    expect(asked).toEqual([[AUDIT, 3600]]);
    expect(JSON.parse(audit.stdout)).toEqual({ iam_role: AUDIT, inputs: auditIdentity() });
    expect(local.exitCode).toBe(0);
    expect(JSON.parse(local.stdout)).toEqual({ inputs: SOURCE_IDENTITY });
  });

  it("reach each unit's terraform as the same values in a run", async () => {
    const tree = FakeTree.copy("test/fixtures/e2e/identity");

    const result = await tree.spawn(["run-all", "apply", "--non-interactive"], {
      env: stub.processEnv(),
    }).result;

    expect(result.exitCode).toBe(0);
    const { account, arn, user_id } = auditIdentity();
    expect(tree.call("audit", "apply").tfVars).toEqual({
      TF_VAR_account: account, TF_VAR_arn: arn, TF_VAR_user_id: user_id,
    });
    expect(tree.call("local", "apply").tfVars).toEqual({
      TF_VAR_account: "123456789012", TF_VAR_arn: USER_ARN, TF_VAR_user_id: "AIDACKCEVSQ6C2EXAMPLE",
    });
    expect(stub.calls("AssumeRole")).toHaveLength(1);
  });
});
