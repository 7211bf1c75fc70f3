/**
 * How credentials reach terraform, seen from inside the terraform process: the fake terraform
 * logs the names of its AWS_* variables and the fingerprint of the access key an AWS SDK
 * would use there (fetched from terrace's endpoint when one is given), never a value. STS is
 * the local stub, which records the credentials it issued for each role.
 */
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { FakeTree, fingerprint, type FakeCall } from "../helpers/fake-terraform.js";
import { StsStub } from "../helpers/sts-stub.js";

const NETWORK = "arn:aws:iam::123456789012:role/terrace-network";
const APP = "arn:aws:iam::123456789012:role/terrace-app";
const UNITS = [
  ["network/vpc", NETWORK], ["network/dns", NETWORK], ["app/api", APP], ["app/web", APP],
];

/** The variables through which an AWS SDK could find credentials other than terrace's. */
const CREDENTIAL_SOURCES = new RegExp("^AWS_(ACCESS_KEY|SECRET|SESSION_TOKEN|SECURITY_TOKEN"
  + "|PROFILE|DEFAULT_PROFILE|CONTAINER_|ROLE_|WEB_IDENTITY)");

const ENDPOINT_VARIABLES = ["AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_CREDENTIALS_FULL_URI"];
const STATIC_VARIABLES = [
  "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SECURITY_TOKEN", "AWS_SESSION_TOKEN",
];

let stub: StsStub;

beforeEach(async () => {
  stub = await StsStub.start();
});

afterEach(async () => {
  await stub.close();
});

/** The two-roles tree, where network/vpc has an output that app/web reads. */
function twoRoles(): FakeTree {
  return FakeTree.copy("test/fixtures/e2e/two-roles")
    .behave("network/vpc", { output: { json: { vpc_id: "vpc-0a1b2c3d" } } });
}

/**
 * terrace's own environment: the stub's static source keys, plus a session token and a
 * profile that must not reach terraform either.
 */
function terraceEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...stub.processEnv(),
    AWS_SESSION_TOKEN: "source-session",
    AWS_DEFAULT_PROFILE: "source-profile",
    FAKE_TF_CREDENTIALS: "1",
    ...extra,
  };
}

/** Applies the two-roles tree with `flags`; the tree, once terrace succeeded. */
async function applyAll(flags: string[], env = terraceEnv()): Promise<FakeTree> {
  const tree = twoRoles();
  const result = await tree.spawn(["run-all", "apply", "--non-interactive", ...flags], { env }).result;
  expect(result.stderr).toMatch(/\(4 succeeded\)/);
  expect(result.exitCode).toBe(0);
  return tree;
}

/** The fingerprint of the one key the stub issued for `role`. */
function keyOf(role: string): string {
  const issued = stub.issuedFor(role);
  expect(issued).toHaveLength(1);
  return fingerprint(issued[0]?.accessKeyId ?? "");
}

function credentialVariables(call: FakeCall): string[] {
  return call.awsEnv.filter((name) => CREDENTIAL_SOURCES.test(name));
}

describe("credential delivery to terraform", () => {
  it("gives terraform the endpoint variables by default, and none of terrace's own", async () => {
    const tree = await applyAll([]);

    for (const [unit = "", role = ""] of UNITS) {
      const apply = tree.call(unit, "apply");
      expect(credentialVariables(apply)).toEqual(ENDPOINT_VARIABLES);
      expect(apply.awsEnv).toEqual(expect.arrayContaining(["AWS_REGION", "AWS_DEFAULT_REGION"]));
      expect(apply.credential).toBe(keyOf(role));
    }
  });

  it("gives terraform the role's static keys with --credentials env, and no endpoint", async () => {
    const tree = await applyAll(["--credentials", "env"]);

    for (const [unit = "", role = ""] of UNITS) {
      const apply = tree.call(unit, "apply");
      expect(credentialVariables(apply)).toEqual(STATIC_VARIABLES);
      expect(apply.credential).toBe(keyOf(role));
    }
  });

  it("takes the mode from TERRACE_CREDENTIALS when no flag is given", async () => {
    const tree = await applyAll([], terraceEnv({ TERRACE_CREDENTIALS: "env" }));

    expect(credentialVariables(tree.call("app/web", "apply"))).toEqual(STATIC_VARIABLES);
  });
});

describe("dependency outputs", () => {
  it.each([
    ["the endpoint", []],
    ["static keys", ["--credentials", "env"]],
  ])("are read with the dependency's own role, delivered as %s", async (_mode, flags) => {
    const tree = await applyAll(flags);

    const output = tree.call("network/vpc", "output");
    expect(output.argv).toEqual(["output", "-json"]);
    expect(output.credential).toBe(keyOf(NETWORK));
    expect(output.credential).not.toBe(keyOf(APP));
    const web = tree.call("app/web", "apply");
    expect(web.tfVars.TF_VAR_vpc_id).toBe("vpc-0a1b2c3d");
    expect(web.credential).toBe(keyOf(APP));
  });

  it("are read with the dependency's own role by a single-unit command too", async () => {
    const tree = twoRoles();

    const result = await tree.spawn(
      ["--working-dir", join(tree.root, "app/web"), "apply", "-auto-approve"],
      { env: terraceEnv() },
    ).result;

    expect(result.exitCode).toBe(0);
    expect(tree.calls().map((call) => [call.unit, call.command])).toEqual([
      ["network/vpc", "output"],
      ["app/web", "apply"],
    ]);
    expect(tree.call("network/vpc", "output").credential).toBe(keyOf(NETWORK));
    expect(tree.call("app/web", "apply").credential).toBe(keyOf(APP));
    expect(tree.call("app/web", "apply").tfVars.TF_VAR_vpc_id).toBe("vpc-0a1b2c3d");
  });
});
