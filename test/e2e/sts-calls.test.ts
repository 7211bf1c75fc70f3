/**
 * How often a run asks STS: once for the source identity and once per distinct role request,
 * however many units share it, while every unit's terraform fetches its credentials from
 * terrace. STS is the local stub, terraform the fake.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { FakeTree, fingerprint } from "../helpers/fake-terraform.js";
import { StsStub } from "../helpers/sts-stub.js";

const ROLES = ["terrace-network", "terrace-app"];
const UNITS_PER_ROLE = 6;

let stub: StsStub;

beforeEach(async () => {
  stub = await StsStub.start();
});

afterEach(async () => {
  await stub.close();
});

function roleArn(name: string): string {
  return `arn:aws:iam::123456789012:role/${name}`;
}

/** Six units under each role's directory, which sets the role and a two-hour session. */
function manyUnits(): FakeTree {
  const files: Record<string, string> = {};
  for (const role of ROLES) {
    files[`${role}/account.hcl`] =
      `iam_role          = "${roleArn(role)}"\niam_role_duration = "2h"\n`;
    for (let index = 1; index <= UNITS_PER_ROLE; index += 1) {
      files[`${role}/unit-${index}/terragrunt.hcl`] =
        'include "account" {\n  path = find_in_parent_folders("account.hcl")\n}\n';
    }
  }
  return FakeTree.write(files);
}

describe("STS calls of a run", () => {
  it("assumes each distinct role once for twelve units that share two roles", async () => {
    const tree = manyUnits();

    const result = await tree.spawn(["run-all", "apply", "--non-interactive"], {
      env: { ...stub.processEnv(), FAKE_TF_CREDENTIALS: "1" },
    }).result;

    expect(result.exitCode).toBe(0);
    expect(stub.calls("GetCallerIdentity")).toHaveLength(1);
    const assumed = stub.calls("AssumeRole");
    expect(assumed.map((request) => [request.roleArn, request.durationSeconds]).sort()).toEqual([
      [roleArn("terrace-app"), 7200],
      [roleArn("terrace-network"), 7200],
    ]);
    expect(assumed[0]?.roleSessionName).toMatch(/^terrace-[\w+=,.@-]+-\d+$/);
    expect(assumed[1]?.roleSessionName).toBe(assumed[0]?.roleSessionName);
    expect(stub.requests).toHaveLength(3);

    // Every terraform fetched credentials from terrace, and got its role's one set.
    const applies = tree.calls("apply");
    expect(applies).toHaveLength(ROLES.length * UNITS_PER_ROLE);
    for (const apply of applies) {
      const role = roleArn(apply.unit.split("/")[0] ?? "");
      expect(apply.credential).toBe(fingerprint(stub.issuedFor(role)[0]?.accessKeyId ?? ""));
    }
  });
});
