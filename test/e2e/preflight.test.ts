/**
 * Preflight through the CLI: `terrace run-all` against a local STS that answers with AWS's
 * own errors. Every role is assumed before the first terraform process; each failure is one
 * `error: FILE:LINE: ...` line naming where the failing value is set, then a `hint:` line.
 * app/api shares no dependency with the network units, so only preflight keeps it from
 * starting when the network role fails.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { FakeTree } from "../helpers/fake-terraform.js";
import {
  STS_ERRORS, StsStub, USER_ARN, type StsAnswer, type StsRequest,
} from "../helpers/sts-stub.js";

const NETWORK = "arn:aws:iam::123456789012:role/terrace-network";
const APP = "arn:aws:iam::123456789012:role/terrace-app";

const MAX_SESSION_ERROR = `error: network/env.hcl:3: cannot assume ${NETWORK} for 43200 s `
  + "(duration set at network/env.hcl:3) for network/vpc, network/dns: ValidationError: "
  + "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";
const MAX_SESSION_HINT = "hint: lower the duration at network/env.hcl:3 to the role's "
  + "MaxSessionDuration, or raise it: "
  + "aws iam update-role --role-name terrace-network --max-session-duration 43200";

let stub: StsStub;

beforeEach(async () => {
  stub = await StsStub.start();
});

afterEach(async () => {
  await stub.close();
});

/** Fails AssumeRole for the roles named, lets everything else through. */
function failing(answers: Record<string, () => StsAnswer>): (request: StsRequest) => StsAnswer {
  return (request) => {
    const answer = request.action === "AssumeRole" ? answers[request.roleArn ?? ""] : undefined;
    return answer?.() ?? stub.success(request);
  };
}

/** Applies the two-roles tree; its result, its `error:` and `hint:` lines, and the tree. */
async function applyAll() {
  const tree = FakeTree.copy("test/fixtures/e2e/two-roles");
  const result = await tree.spawn(["run-all", "apply", "--non-interactive"], {
    env: stub.processEnv(),
  }).result;
  const problems = result.stderr.split("\n").filter((line) => /^(error|hint): /.test(line));
  return { result, problems, tree };
}

describe("preflight through the CLI", () => {
  it("stops before any terraform when a duration exceeds the role's MaxSessionDuration", async () => {
    stub.respond(failing({ [NETWORK]: STS_ERRORS.maxSessionDuration }));

    const { result, problems, tree } = await applyAll();

    expect(result.exitCode).toBe(1);
    expect(problems).toEqual([MAX_SESSION_ERROR, MAX_SESSION_HINT]);
    expect(tree.calls()).toEqual([]);
    expect(result.stdout).toBe("");
  });

  it("explains role chaining when the source credentials are themselves an assumed role", async () => {
    stub.callerArn = "arn:aws:sts::123456789012:assumed-role/ci-runner/gha-1234";
    stub.respond((request) => request.action === "AssumeRole" && (request.durationSeconds ?? 0) > 3600
      ? STS_ERRORS.roleChaining()
      : stub.success(request));

    const { result, problems, tree } = await applyAll();

    expect(result.exitCode).toBe(1);
    expect(problems).toEqual([
      `error: network/env.hcl:3: cannot assume ${NETWORK} for 43200 s `
        + "(duration set at network/env.hcl:3) for network/vpc, network/dns: ValidationError: "
        + "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by "
        + "role chaining.",
      "hint: your source credentials are an assumed role, and AWS caps chained sessions at "
        + "3600 s: set the duration at network/env.hcl:3 to 3600 or less, or start terrace with "
        + "credentials that are not an assumed role (a user, SSO, or instance credentials)",
    ]);
    expect(tree.calls()).toEqual([]);
  });

  it("reports every failing role together, each with its own location and hint", async () => {
    stub.respond(failing({
      [NETWORK]: STS_ERRORS.maxSessionDuration,
      [APP]: () => STS_ERRORS.accessDenied(APP),
    }));

    const { result, problems, tree } = await applyAll();

    expect(result.exitCode).toBe(1);
    expect(problems).toEqual([
      `error: app/env.hcl:2: cannot assume ${APP} for 3600 s (role set at app/env.hcl:2) `
        + `for app/api, app/web: AccessDenied: User: ${USER_ARN} is not authorized to perform: `
        + `sts:AssumeRole on resource: ${APP}`,
      "hint: the role's trust policy must allow your source identity to assume it "
        + `(sts:AssumeRole); check ${APP}, set at app/env.hcl:2`,
      MAX_SESSION_ERROR,
      MAX_SESSION_HINT,
    ]);
    expect(tree.calls()).toEqual([]);
    const asked = stub.calls("AssumeRole").map((request) => [request.roleArn, request.durationSeconds]);
    expect(asked.sort()).toEqual([[APP, 3600], [NETWORK, 43200]]);
  });
});

describe("a role that fails outside preflight", () => {
  it("is explained the same way when a unit reads the outputs of an excluded dependency", async () => {
    stub.respond(failing({ [NETWORK]: STS_ERRORS.maxSessionDuration }));
    const tree = FakeTree.copy("test/fixtures/e2e/two-roles");

    const result = await tree.spawn([
      "run-all", "apply", "--non-interactive", "--report", "report.json",
      "--exclude-dir", "network/vpc", "--exclude-dir", "network/dns",
    ], { env: stub.processEnv() }).result;

    expect(result.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(join(tree.root, "report.json"), "utf8")) as
      { units: { path: string; status: string; reason: string | null }[] };
    expect(report.units.find((unit) => unit.path === "app/web")).toMatchObject({
      status: "failed",
      reason: `network/env.hcl:3: cannot assume ${NETWORK} for 43200 s `
        + "(duration set at network/env.hcl:3) for the outputs of network/vpc: ValidationError: "
        + "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.; "
        + "lower the duration at network/env.hcl:3 to the role's MaxSessionDuration, or raise it: "
        + "aws iam update-role --role-name terrace-network --max-session-duration 43200",
    });
    expect(tree.calls().map((call) => `${call.unit} ${call.command}`)).toEqual(["app/api apply"]);
  });
});
