import { join, relative } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { RunCredentials, type RoleUse } from "../../src/auth/index.js";
import { preflight, type PreflightFailure } from "../../src/auth/preflight.js";
import { roleOverrides, flagOverride, type RoleOverrides } from "../../src/auth/settings.js";
import { ConfigResolver, type RoleSettings } from "../../src/config/index.js";
import { TerraceError } from "../../src/errors.js";
import { copyFixture } from "../helpers/tree.js";
import { STS_ERRORS, StsStub, USER_ARN, type StsAnswer, type StsRequest } from "../helpers/sts-stub.js";

const DEPLOY = "arn:aws:iam::123456789012:role/deploy";
const AUDIT = "arn:aws:iam::123456789012:role/audit";
const BILLING = "arn:aws:iam::123456789012:role/billing";
const UNITS = ["app", "db", "audit", "billing"];

let root: string;
const roles = new Map<string, RoleSettings>();
let stub: StsStub;

beforeAll(async () => {
  root = copyFixture("test/fixtures/auth/preflight");
  const resolver = new ConfigResolver();
  for (const unit of UNITS) roles.set(unit, (await resolver.resolve(join(root, unit))).role);
});

beforeEach(async () => {
  stub = await StsStub.start();
  stub.useForSdk();
});

afterEach(async () => {
  await stub.close();
});

function credentials(overrides: RoleOverrides = {}): RunCredentials {
  return new RunCredentials({
    mode: "endpoint",
    overrides,
    env: process.env,
    display: (file) => relative(root, file),
    broker: { sleep: async () => undefined },
  });
}

function usesOf(run: RunCredentials): RoleUse[] {
  return UNITS.map((unit) => {
    const request = run.requestFor(roles.get(unit) ?? {});
    if (request === undefined) throw new Error(`${unit} has no role`);
    return { path: unit, request };
  });
}

/** Fails the roles named in `failing` with the answer given, and lets the others through. */
function failing(answers: Record<string, () => StsAnswer>): (request: StsRequest) => StsAnswer {
  return (request) => answers[request.roleArn ?? ""]?.() ?? stub.success(request);
}

async function failuresOf(run: RunCredentials): Promise<PreflightFailure[]> {
  return preflight(run.broker, usesOf(run), (file) => relative(root, file));
}

function shown(failure: TerraceError) {
  return { code: failure.code, message: failure.message, location: failure.location, hint: failure.hint };
}

describe("preflight", () => {
  it("assumes each distinct role once, with the duration its units ask for", async () => {
    const run = credentials();

    await run.preflight(usesOf(run));

    expect(stub.calls("AssumeRole").map((call) => [call.roleArn, call.durationSeconds])).toEqual([
      [DEPLOY, 14400],
      [AUDIT, 3600],
      [BILLING, 7200],
    ]);
  });

  it("explains a duration above the role's MaxSessionDuration, with where it is set and the IAM fix", async () => {
    stub.respond(failing({ [DEPLOY]: STS_ERRORS.maxSessionDuration }));

    const failures = await failuresOf(credentials());

    expect(failures.map(shown)).toEqual([{
      code: "IAM_ROLE",
      message: `cannot assume ${DEPLOY} for 14400 s (duration set at account.hcl:2) for app, db: `
        + "ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
      location: { file: join(root, "account.hcl"), line: 2 },
      hint: "lower the duration at account.hcl:2 to the role's MaxSessionDuration, "
        + "or raise it: aws iam update-role --role-name deploy --max-session-duration 14400",
    }]);
    expect(failures[0]?.units).toEqual(["app", "db"]);
  });

  it("names the flag that set a duration too long for the role", async () => {
    stub.respond(failing({ [AUDIT]: STS_ERRORS.maxSessionDuration }));
    const run = credentials(roleOverrides({ duration: flagOverride("--iam-role-duration", "3h") }, {}));

    const failures = await failuresOf(run);

    expect(failures.map(shown)).toEqual([{
      code: "IAM_ROLE",
      message: `cannot assume ${AUDIT} for 10800 s (duration set at --iam-role-duration) for audit: `
        + "ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
      location: undefined,
      hint: "lower the duration at --iam-role-duration to the role's MaxSessionDuration, "
        + "or raise it: aws iam update-role --role-name audit --max-session-duration 10800",
    }]);
  });

  it("explains role chaining when the source credentials are an assumed role", async () => {
    stub.callerArn = "arn:aws:sts::123456789012:assumed-role/ci-runner/build-17";
    stub.respond((request) => (request.durationSeconds ?? 0) > 3600
      ? STS_ERRORS.roleChaining()
      : stub.success(request));

    const failures = await failuresOf(credentials());

    const chaining = "your source credentials are an assumed role, and AWS caps chained sessions at 3600 s: "
      + "set the duration at %s to 3600 or less, or start terrace with credentials that are not an "
      + "assumed role (a user, SSO, or instance credentials)";
    const message = "ValidationError: The requested DurationSeconds exceeds the 1 hour session limit "
      + "for roles assumed by role chaining.";
    expect(failures.map(shown)).toEqual([
      {
        code: "IAM_ROLE",
        message: `cannot assume ${DEPLOY} for 14400 s (duration set at account.hcl:2) for app, db: ${message}`,
        location: { file: join(root, "account.hcl"), line: 2 },
        hint: chaining.replace("%s", "account.hcl:2"),
      },
      {
        code: "IAM_ROLE",
        message: `cannot assume ${BILLING} for 7200 s (duration set at billing/terragrunt.hcl:2) `
          + `for billing: ${message}`,
        location: { file: join(root, "billing/terragrunt.hcl"), line: 2 },
        hint: chaining.replace("%s", "billing/terragrunt.hcl:2"),
      },
    ]);
  });

  it("explains AccessDenied with the role and where it is set", async () => {
    stub.respond(failing({ [AUDIT]: () => STS_ERRORS.accessDenied(AUDIT) }));

    const failures = await failuresOf(credentials());

    expect(failures.map(shown)).toEqual([{
      code: "IAM_ROLE",
      message: `cannot assume ${AUDIT} for 3600 s (role set at audit/terragrunt.hcl:1) for audit: `
        + `AccessDenied: User: ${USER_ARN} is not authorized to perform: sts:AssumeRole on resource: ${AUDIT}`,
      location: { file: join(root, "audit/terragrunt.hcl"), line: 1 },
      hint: "the role's trust policy must allow your source identity to assume it (sts:AssumeRole); "
        + `check ${AUDIT}, set at audit/terragrunt.hcl:1`,
    }]);
  });

  it("reports expired source credentials for every role, without asking STS for any", async () => {
    stub.respond(() => STS_ERRORS.expiredToken());

    const failures = await failuresOf(credentials());

    const expired = "ExpiredToken: The security token included in the request is expired";
    const hint = "your source credentials have expired or are not valid: "
      + "log in again (aws sso login, or new keys), then rerun";
    expect(failures.map((failure) => [failure.message, failure.hint])).toEqual([
      [`cannot assume ${DEPLOY} for 14400 s (role set at account.hcl:1) for app, db: ${expired}`, hint],
      [`cannot assume ${AUDIT} for 3600 s (role set at audit/terragrunt.hcl:1) for audit: ${expired}`, hint],
      [`cannot assume ${BILLING} for 7200 s (role set at billing/terragrunt.hcl:1) for billing: ${expired}`,
        hint],
    ]);
    expect(stub.calls("AssumeRole")).toEqual([]);
  });

  it("reports expired source credentials that STS refuses only on AssumeRole", async () => {
    stub.respond((request) => request.action === "AssumeRole"
      ? STS_ERRORS.expiredToken()
      : stub.success(request));

    const failures = await failuresOf(credentials());

    expect(failures.map((failure) => failure.units)).toEqual([["app", "db"], ["audit"], ["billing"]]);
    expect(failures[0]?.hint).toBe("your source credentials have expired or are not valid: "
      + "log in again (aws sso login, or new keys), then rerun");
  });

  it("throws every failure together as one error, each with its units", async () => {
    stub.respond(failing({
      [DEPLOY]: STS_ERRORS.maxSessionDuration,
      [AUDIT]: () => STS_ERRORS.accessDenied(AUDIT),
    }));
    const run = credentials();

    const error = await run.preflight(usesOf(run)).then(() => undefined, (caught: unknown) => caught);

    expect(error).toBeInstanceOf(TerraceError);
    const thrown = error as TerraceError;
    expect(thrown.code).toBe("IAM_ROLE");
    expect(thrown.location).toEqual({ file: join(root, "account.hcl"), line: 2 });
    expect([thrown, ...thrown.related].map((failure) => failure.message)).toEqual([
      `cannot assume ${DEPLOY} for 14400 s (duration set at account.hcl:2) for app, db: `
        + "ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
      `cannot assume ${AUDIT} for 3600 s (role set at audit/terragrunt.hcl:1) for audit: `
        + `AccessDenied: User: ${USER_ARN} is not authorized to perform: sts:AssumeRole on resource: ${AUDIT}`,
    ]);
    expect(thrown.hint).toBe("lower the duration at account.hcl:2 to the role's MaxSessionDuration, "
      + "or raise it: aws iam update-role --role-name deploy --max-session-duration 14400");
  });

  it("passes once throttled calls go through", async () => {
    let throttled = 0;
    stub.respond((request) => request.action === "AssumeRole" && throttled++ < 2
      ? STS_ERRORS.throttling()
      : stub.success(request));
    const run = credentials();

    await run.preflight(usesOf(run));

    expect(stub.calls("AssumeRole")).toHaveLength(3 + 2);
  });

  it("asks nothing of STS for a run without roles", async () => {
    await credentials().preflight([]);
    expect(stub.requests).toEqual([]);
  });
});
