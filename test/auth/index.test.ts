import { execFileSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { applyChanges, PreflightFailure, RunCredentials, type Identity } from "../../src/auth/index.js";
import type { CredentialMode } from "../../src/auth/delivery.js";
import { Pending } from "../../src/config/files.js";
import type { RoleSettings } from "../../src/config/index.js";
import { requestFor, roleArn } from "../helpers/roles.js";
import { STS_ERRORS, StsStub, USER_ARN } from "../helpers/sts-stub.js";

let stub: StsStub;
let run: RunCredentials;

beforeEach(async () => {
  stub = await StsStub.start();
  stub.useForSdk();
});

afterEach(async () => {
  await run.close();
  await stub.close();
});

function credentials(mode: CredentialMode = "endpoint"): RunCredentials {
  run = new RunCredentials({ mode, overrides: {}, env: process.env });
  return run;
}

function settings(name: string, session?: string): RoleSettings {
  return {
    iam_role: { value: roleArn(name), origin: { file: "/units/terragrunt.hcl", line: 1 } },
    ...(session === undefined ? {} : { iam_role_session_name: { value: session, origin: undefined } }),
  };
}

/** The identity once STS has answered: the first ask throws `Pending`, as for the evaluator. */
async function identityOf(credentials: RunCredentials, role: RoleSettings | undefined): Promise<Identity> {
  try {
    return credentials.identity(role);
  } catch (pending) {
    if (!(pending instanceof Pending)) throw pending;
    await pending.settle();
    return credentials.identity(role);
  }
}

describe("run credentials", () => {
  it("delivers a unit's role through the loopback endpoint with the run's token", async () => {
    const delivery = await credentials().deliver(requestFor("app"));

    const url = delivery.changes.AWS_CONTAINER_CREDENTIALS_FULL_URI ?? "";
    const token = delivery.changes.AWS_CONTAINER_AUTHORIZATION_TOKEN ?? "";
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/credentials\/[0-9a-f]{32}$/);
    expect(delivery.changes).toMatchObject({ AWS_ACCESS_KEY_ID: undefined, AWS_REGION: "us-east-1" });
    expect(delivery.expiry).toEqual(stub.issued[0]?.expiration);

    const response = await fetch(url, { headers: { authorization: token } });
    const served = await response.json() as { AccessKeyId: string };
    expect(served.AccessKeyId).toBe(stub.issued[0]?.accessKeyId);
    expect(stub.calls("AssumeRole")).toHaveLength(1);
  });

  it("starts one endpoint per run and gives each unit its own path", async () => {
    const runCredentials = credentials();

    const first = await runCredentials.deliver(requestFor("app"));
    const second = await runCredentials.deliver(requestFor("db"));

    const [a, b] = [first, second].map(({ changes }) => changes.AWS_CONTAINER_CREDENTIALS_FULL_URI ?? "");
    expect(new URL(b ?? "").port).toBe(new URL(a ?? "").port);
    expect(new URL(b ?? "").pathname).not.toBe(new URL(a ?? "").pathname);
    expect(second.changes.AWS_CONTAINER_AUTHORIZATION_TOKEN)
      .toBe(first.changes.AWS_CONTAINER_AUTHORIZATION_TOKEN);
  });

  it("delivers static keys in env mode", async () => {
    const delivery = await credentials("env").deliver(requestFor("app"));

    const issued = stub.issued[0];
    expect(delivery.changes).toMatchObject({
      AWS_ACCESS_KEY_ID: issued?.accessKeyId,
      AWS_SECRET_ACCESS_KEY: issued?.secretAccessKey,
      AWS_SESSION_TOKEN: issued?.sessionToken,
      AWS_SECURITY_TOKEN: issued?.sessionToken,
      AWS_PROFILE: undefined,
    });
    expect(delivery.expiry).toEqual(issued?.expiration);
  });

  it("changes nothing and asks nothing of STS for a unit without a role", async () => {
    expect(await credentials().deliver(undefined)).toEqual({ changes: {}, expiry: undefined });
    expect(stub.requests).toEqual([]);
  });

  it("keeps the served credentials out of everything but the endpoint's HTTP body", async () => {
    const written: string[] = [];
    const capture = (text: unknown) => {
      written.push(String(text));
      return true;
    };
    vi.spyOn(process.stdout, "write").mockImplementation(capture);
    vi.spyOn(process.stderr, "write").mockImplementation(capture);
    const runCredentials = credentials();

    const delivery = await runCredentials.deliver(requestFor("app"));
    const url = delivery.changes.AWS_CONTAINER_CREDENTIALS_FULL_URI ?? "";
    const token = delivery.changes.AWS_CONTAINER_AUTHORIZATION_TOKEN ?? "";
    const response = await fetch(url, { headers: { authorization: token } });
    const headers: string[] = [];
    response.headers.forEach((value, name) => void headers.push(`${name}: ${value}`));
    const body = await response.text();
    const printEnv = "process.stdout.write(JSON.stringify(process.env))";
    const childEnv = execFileSync(process.execPath, ["-e", printEnv], {
      env: applyChanges(process.env as Record<string, string>, delivery.changes),
      encoding: "utf8",
    });
    vi.restoreAllMocks();

    const issued = stub.issued[0];
    const secrets = [issued?.accessKeyId, issued?.secretAccessKey, issued?.sessionToken] as string[];
    const elsewhere = {
      changes: JSON.stringify(delivery.changes),
      headers: headers.join("\n"),
      childEnv,
      parentEnv: JSON.stringify(process.env),
      output: written.join(""),
    };
    for (const secret of secrets) {
      expect(body).toContain(secret);
      for (const [place, text] of Object.entries(elsewhere)) {
        expect({ place, leaked: text.includes(secret) }).toEqual({ place, leaked: false });
      }
    }
  });

  it("explains a role it cannot assume as preflight does, naming the unit that needed it", async () => {
    const app = roleArn("app");
    stub.respond((request) => request.action === "AssumeRole"
      ? STS_ERRORS.accessDenied(app)
      : stub.success(request));

    const failure = await credentials().deliver(requestFor("app"), "the outputs of app")
      .then(() => undefined, (error: unknown) => error);

    expect(failure).toBeInstanceOf(PreflightFailure);
    expect((failure as PreflightFailure).message).toBe(`cannot assume ${app} for 3600 s `
      + "(role set at default) for the outputs of app: AccessDenied: "
      + `User: ${USER_ARN} is not authorized to perform: sts:AssumeRole on resource: ${app}`);
  });

  it("answers a unit's identity once STS has, throwing Pending before", async () => {
    const runCredentials = credentials();

    expect(() => runCredentials.identity(settings("app"))).toThrow(Pending);
    const identity = await identityOf(runCredentials, settings("app"));

    expect(identity.arn).toMatch(/^arn:aws:sts::123456789012:assumed-role\/app\/terrace-.+-\d+$/);
    expect(identity.account).toBe("123456789012");
    expect(runCredentials.identity(settings("app"))).toBe(identity);
  });

  it("answers the source identity for a unit without a role", async () => {
    const identity = await identityOf(credentials(), undefined);
    expect(identity).toEqual({ account: "123456789012", arn: USER_ARN, userId: "AIDACKCEVSQ6C2EXAMPLE" });
  });

  it("tells apart the identities of one role assumed under two session names", async () => {
    const runCredentials = credentials();

    const first = await identityOf(runCredentials, settings("app", "team-a"));
    const second = await identityOf(runCredentials, settings("app", "team-b"));

    expect([first.arn, second.arn]).toEqual([
      "arn:aws:sts::123456789012:assumed-role/app/team-a",
      "arn:aws:sts::123456789012:assumed-role/app/team-b",
    ]);
  });
});
