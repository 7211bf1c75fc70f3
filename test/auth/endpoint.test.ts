import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { CredentialBroker } from "../../src/auth/broker.js";
import { CredentialEndpoint } from "../../src/auth/endpoint.js";
import { sdkGateway } from "../../src/auth/sts.js";
import { FakeClock, MINUTE, requestFor, roleArn } from "../helpers/roles.js";
import { STS_ERRORS, StsStub } from "../helpers/sts-stub.js";

let stub: StsStub;
let clock: FakeClock;
let endpoint: CredentialEndpoint;
let problems: [string, string][];

beforeEach(async () => {
  stub = await StsStub.start();
  stub.useForSdk();
  clock = new FakeClock();
  stub.now = clock.now;
  problems = [];
  const broker = new CredentialBroker(sdkGateway(process.env), { now: clock.now, attempts: 1 });
  endpoint = await CredentialEndpoint.start(broker, (path, message) => void problems.push([path, message]));
});

afterEach(async () => {
  await endpoint.close();
  await stub.close();
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

async function fetchCredentials(url: string, authorization?: string, method = "GET"): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: authorization === undefined ? {} : { authorization },
  });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    status: response.status,
    headers,
    body: await response.json() as Record<string, unknown>,
  };
}

describe("the container credentials endpoint", () => {
  it("listens on loopback with a random path per unit and a random token per run", () => {
    const first = new URL(endpoint.urlFor(requestFor("app")));
    const second = new URL(endpoint.urlFor(requestFor("app")));

    expect(first.hostname).toBe("127.0.0.1");
    expect(first.pathname).toMatch(/^\/credentials\/[0-9a-f]{32}$/);
    expect(second.port).toBe(first.port);
    expect(second.pathname).not.toBe(first.pathname);
    expect(endpoint.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it("serves a role's credentials as the JSON the AWS SDKs read, with an ISO expiry", async () => {
    const answer = await fetchCredentials(endpoint.urlFor(requestFor("app")), endpoint.token);

    const issued = stub.issued[0];
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.body).toEqual({
      AccessKeyId: issued?.accessKeyId,
      SecretAccessKey: issued?.secretAccessKey,
      Token: issued?.sessionToken,
      Expiration: issued?.expiration.toISOString(),
    });
    expect(answer.body.Expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(stub.calls("AssumeRole")).toMatchObject([{ roleArn: roleArn("app"), durationSeconds: 3600 }]);
  });

  it("answers 403 to a request without the run's token", async () => {
    const answer = await fetchCredentials(endpoint.urlFor(requestFor("app")));

    expect({ status: answer.status, body: answer.body })
      .toEqual({ status: 403, body: { message: "forbidden" } });
    expect(stub.calls("AssumeRole")).toEqual([]);
  });

  it.each([
    ["a wrong token of the right length", "0".repeat(64)],
    ["a shorter token", "secret"],
    ["the token with a Bearer prefix", "Bearer TOKEN"],
  ])("answers 403 to %s", async (_, token) => {
    const url = endpoint.urlFor(requestFor("app"));
    const answer = await fetchCredentials(url, token.replace("TOKEN", endpoint.token));

    expect(answer.status).toBe(403);
    expect(stub.calls("AssumeRole")).toEqual([]);
  });

  it("answers 404 for a path it did not hand out", async () => {
    const url = new URL(endpoint.urlFor(requestFor("app")));
    url.pathname = "/credentials/0123456789abcdef0123456789abcdef";

    const answer = await fetchCredentials(url.href, endpoint.token);

    expect({ status: answer.status, body: answer.body })
      .toEqual({ status: 404, body: { message: "not found" } });
  });

  it("answers 404 to anything but GET", async () => {
    const answer = await fetchCredentials(endpoint.urlFor(requestFor("app")), endpoint.token, "POST");
    expect(answer.status).toBe(404);
  });

  it("serves renewed credentials once the old ones are within ten minutes of expiry", async () => {
    const url = endpoint.urlFor(requestFor("app"));

    const first = await fetchCredentials(url, endpoint.token);
    clock.advance(49 * MINUTE);
    const still = await fetchCredentials(url, endpoint.token);
    clock.advance(2 * MINUTE);
    const renewed = await fetchCredentials(url, endpoint.token);
    clock.advance(55 * MINUTE);
    const again = await fetchCredentials(url, endpoint.token);

    expect(still.body).toEqual(first.body);
    expect(renewed.body.AccessKeyId).toBe(stub.issued[1]?.accessKeyId);
    expect(renewed.body.Expiration).toBe(new Date(clock.now() - 55 * MINUTE + 60 * MINUTE).toISOString());
    expect(again.body.AccessKeyId).toBe(stub.issued[2]?.accessKeyId);
    expect(stub.calls("AssumeRole")).toHaveLength(3);
    expect(endpoint.served).toBe(4);
  });

  it("answers 500 with STS's message when the role cannot be assumed, and reports the problem", async () => {
    stub.respond((request) => request.action === "AssumeRole"
      ? STS_ERRORS.accessDenied(roleArn("app"))
      : stub.success(request));

    const answer = await fetchCredentials(endpoint.urlFor(requestFor("app")), endpoint.token);

    const message = "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: sts:AssumeRole "
      + "on resource: arn:aws:iam::123456789012:role/app";
    expect({ status: answer.status, body: answer.body })
      .toEqual({ status: 500, body: { code: "AssumeRoleFailed", message } });
    expect(problems).toEqual([[roleArn("app"), message]]);
  });
});
