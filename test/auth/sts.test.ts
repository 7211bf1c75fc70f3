import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { sdkGateway, StsError, type AssumeRoleInput } from "../../src/auth/sts.js";
import { STS_ERRORS, stsError, StsStub, USER_ARN } from "../helpers/sts-stub.js";

const DEPLOY = "arn:aws:iam::123456789012:role/deploy";

let stub: StsStub;

beforeEach(async () => {
  stub = await StsStub.start();
  stub.useForSdk();
});

afterEach(async () => {
  await stub.close();
});

function assume(input: Partial<AssumeRoleInput> = {}) {
  return sdkGateway(process.env).assumeRole({
    roleArn: DEPLOY,
    sessionName: "terrace-dev-1",
    duration: 7200,
    externalId: undefined,
    webIdentityToken: undefined,
    ...input,
  });
}

async function failure(work: Promise<unknown>): Promise<StsError> {
  const error = await work.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(StsError);
  return error as StsError;
}

describe("the SDK gateway", () => {
  it("sends AssumeRole as a signed Query API form with the role, duration, session name and external ID", async () => {
    await assume({ externalId: "ext-42" });

    expect(stub.requests).toEqual([{
      action: "AssumeRole",
      version: "2011-06-15",
      contentType: "application/x-www-form-urlencoded",
      roleArn: DEPLOY,
      durationSeconds: 7200,
      roleSessionName: "terrace-dev-1",
      externalId: "ext-42",
      webIdentityToken: undefined,
      signed: true,
      accessKeyId: "test",
    }]);
  });

  it("returns the credentials STS issued, their expiry, and the assumed-role identity", async () => {
    const assumed = await assume();

    expect(assumed.credentials).toEqual(stub.issued[0]);
    expect(assumed.identity).toEqual({
      account: "123456789012",
      arn: "arn:aws:sts::123456789012:assumed-role/deploy/terrace-dev-1",
      userId: "AROA3XFRBF535PLBIFPI4:terrace-dev-1",
    });
  });

  it("uses AssumeRoleWithWebIdentity, unsigned, when a web identity token is given", async () => {
    const assumed = await assume({ webIdentityToken: "eyJhbGciOi.token" });

    expect(stub.requests).toMatchObject([{
      action: "AssumeRoleWithWebIdentity",
      roleArn: DEPLOY,
      durationSeconds: 7200,
      roleSessionName: "terrace-dev-1",
      webIdentityToken: "eyJhbGciOi.token",
      signed: false,
    }]);
    expect(assumed.identity.arn).toBe("arn:aws:sts::123456789012:assumed-role/deploy/terrace-dev-1");
  });

  it("reads the identity of the source credentials with GetCallerIdentity", async () => {
    const identity = await sdkGateway(process.env).callerIdentity();

    expect(identity).toEqual({ account: "123456789012", arn: USER_ARN, userId: "AIDACKCEVSQ6C2EXAMPLE" });
    expect(stub.requests).toMatchObject([{ action: "GetCallerIdentity", version: "2011-06-15", signed: true }]);
  });

  it("reports the region of the STS calls", async () => {
    expect(await sdkGateway(process.env).region()).toBe("us-east-1");
  });

  it("makes one HTTP request per call and leaves retries to the broker", async () => {
    stub.respond(() => STS_ERRORS.throttling());
    await failure(assume());
    expect(stub.requests).toHaveLength(1);
  });

  it.each([
    ["MaxSessionDuration", STS_ERRORS.maxSessionDuration(), "ValidationError",
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", false],
    ["role chaining", STS_ERRORS.roleChaining(), "ValidationError",
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.", false],
    ["AccessDenied", STS_ERRORS.accessDenied(DEPLOY), "AccessDenied",
      `User: ${USER_ARN} is not authorized to perform: sts:AssumeRole on resource: ${DEPLOY}`, false],
    ["Throttling", STS_ERRORS.throttling(), "Throttling", "Rate exceeded", true],
    ["ExpiredToken", STS_ERRORS.expiredToken(), "ExpiredToken",
      "The security token included in the request is expired", false],
    ["a server error", stsError(500, "InternalFailure", "An internal error occurred.", "Receiver"),
      "InternalFailure", "An internal error occurred.", true],
    ["a 503 with an unknown code", stsError(503, "SlowDown", "Please slow down.", "Receiver"),
      "SlowDown", "Please slow down.", true],
  ])("maps %s to an StsError with STS's code and message", async (_, answer, code, message, retryable) => {
    stub.queue(answer);

    const error = await failure(assume());

    expect({ code: error.code, message: error.message, retryable: error.retryable })
      .toEqual({ code, message, retryable });
  });

  it("maps a refused connection to a retryable StsError", async () => {
    await stub.close();

    const error = await failure(sdkGateway(process.env).callerIdentity());

    expect(error.code).toBe("ECONNREFUSED");
    expect(error.retryable).toBe(true);
  });

  it("refuses an answer without credentials", async () => {
    stub.queue({
      status: 200,
      body: '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">'
        + "<AssumeRoleResult></AssumeRoleResult>"
        + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>"
        + "</AssumeRoleResponse>",
    });

    const error = await failure(assume());

    expect({ code: error.code, message: error.message, retryable: error.retryable })
      .toEqual({ code: "IncompleteResponse", message: "STS returned no credentials", retryable: false });
  });
});
