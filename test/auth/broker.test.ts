import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { CredentialBroker, type BrokerOptions } from "../../src/auth/broker.js";
import type { RoleRequest } from "../../src/auth/settings.js";
import {
  sdkGateway,
  StsError,
  type AssumedRole,
  type AssumeRoleInput,
  type StsGateway,
} from "../../src/auth/sts.js";
import { FakeClock, MINUTE, requestFor, roleArn } from "../helpers/roles.js";
import { STS_ERRORS, StsStub } from "../helpers/sts-stub.js";

let stub: StsStub;
let slept: number[];

beforeEach(async () => {
  stub = await StsStub.start();
  stub.useForSdk();
  slept = [];
});

afterEach(async () => {
  await stub.close();
});

/** A broker on the real SDK, talking to the stub, that sleeps in no time. */
function broker(options: BrokerOptions = {}): CredentialBroker {
  return new CredentialBroker(sdkGateway(process.env), {
    sleep: async (ms) => void slept.push(ms),
    ...options,
  });
}

async function failure(work: Promise<unknown>): Promise<StsError> {
  const error = await work.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(StsError);
  return error as StsError;
}

describe("the credential broker", () => {
  it("makes one STS call per distinct request for 50 concurrent asks over 3 roles", async () => {
    const brokered = broker();
    const roles = ["network", "app", "data"];

    const asks = Array.from({ length: 50 }, (_, index) =>
      brokered.assume(requestFor(roles[index % 3] as string)));
    const answers = await Promise.all(asks);

    expect(stub.calls("AssumeRole").map((call) => call.roleArn).sort()).toEqual(roles.map(roleArn).sort());
    expect(stub.calls("GetCallerIdentity")).toHaveLength(1);
    expect(brokered.calls).toBe(4);
    expect(new Set(answers.map((answer) => answer.credentials.accessKeyId)).size).toBe(3);
  });

  it("shares one in-flight call between asks made before STS answers", async () => {
    const gateway = new GatedGateway();
    const brokered = new CredentialBroker(gateway);

    const first = brokered.assume(requestFor("app"));
    await gateway.called(1);
    const second = brokered.assume(requestFor("app"));
    await new Promise((resolve) => setTimeout(resolve, 10));
    gateway.answer();

    expect(await second).toBe(await first);
    expect(gateway.assumed).toHaveLength(1);
  });

  it.each<[string, Partial<RoleRequest>]>([
    ["the duration", { duration: 7200 }],
    ["the session name", { sessionName: "other-session" }],
    ["the external ID", { externalId: "ext-1" }],
    ["the web identity token", { webIdentityToken: "eyJ.other" }],
  ])("asks STS again for a request that differs only in %s", async (_, difference) => {
    const brokered = broker();

    await brokered.assume(requestFor("app"));
    await brokered.assume(requestFor("app", difference));
    await brokered.assume(requestFor("app", difference));

    expect(stub.requests.filter((request) => request.action !== "GetCallerIdentity")).toHaveLength(2);
  });

  it("hands out credentials only while more than ten minutes of them are left", async () => {
    const clock = new FakeClock();
    stub.now = clock.now;
    const brokered = broker({ now: clock.now });

    // Three hours of asks, once a minute, with one-hour sessions.
    for (let minute = 0; minute <= 180; minute += 1) {
      const { credentials } = await brokered.assume(requestFor("app"));
      expect(credentials.expiration.getTime() - clock.now()).toBeGreaterThan(10 * MINUTE);
      clock.advance(MINUTE);
    }

    // One-hour sessions, renewed when ten minutes are left: at minutes 0, 50, 100 and 150.
    expect(stub.calls("AssumeRole")).toHaveLength(4);
  });

  it("renews with the first ask past the renewal point, and serves the cache before it", async () => {
    const clock = new FakeClock();
    stub.now = clock.now;
    const brokered = broker({ now: clock.now });

    const first = await brokered.assume(requestFor("app"));
    clock.advance(50 * MINUTE - 1000);
    const cached = await brokered.assume(requestFor("app"));
    clock.advance(2000);
    const [renewed, sharing] = await Promise.all([
      brokered.assume(requestFor("app")),
      brokered.assume(requestFor("app")),
    ]);

    expect(cached).toBe(first);
    expect(renewed.credentials.accessKeyId).not.toBe(first.credentials.accessKeyId);
    expect(sharing).toBe(renewed);
    expect(stub.calls("AssumeRole")).toHaveLength(2);
  });

  it("retries Throttling with a growing backoff until STS answers", async () => {
    stub.queue(STS_ERRORS.throttling(), STS_ERRORS.throttling(), STS_ERRORS.throttling());
    const brokered = broker({ backoff: 100 });

    const { credentials } = await brokered.sourceIdentity().then(() => brokered.assume(requestFor("app")));

    // The first answer was GetCallerIdentity's Throttling, so three calls for the source, then
    // one for the role.
    expect(stub.requests.map((request) => request.action)).toEqual([
      "GetCallerIdentity", "GetCallerIdentity", "GetCallerIdentity", "GetCallerIdentity", "AssumeRole",
    ]);
    expect(credentials.accessKeyId).toBe(stub.issued[0]?.accessKeyId);
    expect(slept).toHaveLength(3);
    expect(slept[0]).toBeGreaterThanOrEqual(50);
    expect(slept[0]).toBeLessThanOrEqual(100);
    expect(slept[1]).toBeGreaterThanOrEqual(100);
    expect(slept[1]).toBeLessThanOrEqual(200);
    expect(slept[2]).toBeGreaterThanOrEqual(200);
    expect(slept[2]).toBeLessThanOrEqual(400);
  });

  it("retries a throttled AssumeRole and counts every call", async () => {
    const brokered = broker();
    await brokered.sourceIdentity();
    stub.queue(STS_ERRORS.throttling(), STS_ERRORS.throttling());

    await brokered.assume(requestFor("app"));

    expect(stub.calls("AssumeRole")).toHaveLength(3);
    expect(brokered.calls).toBe(4);
  });

  it("does not retry AccessDenied", async () => {
    const brokered = broker();
    await brokered.sourceIdentity();
    stub.queue(STS_ERRORS.accessDenied(roleArn("app")));

    const error = await failure(brokered.assume(requestFor("app")));

    expect(error.code).toBe("AccessDenied");
    expect(stub.calls("AssumeRole")).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it("gives up after its attempts with STS's last error", async () => {
    const brokered = broker({ attempts: 3 });
    await brokered.sourceIdentity();
    stub.respond(() => STS_ERRORS.throttling());

    const error = await failure(brokered.assume(requestFor("app")));

    expect({ code: error.code, message: error.message })
      .toEqual({ code: "Throttling", message: "Rate exceeded" });
    expect(stub.calls("AssumeRole")).toHaveLength(3);
  });

  it("shares a failure with the asks in flight but asks STS again afterwards", async () => {
    const brokered = broker({ attempts: 1 });
    await brokered.sourceIdentity();
    stub.queue(STS_ERRORS.throttling());

    const failed = await Promise.allSettled([
      brokered.assume(requestFor("app")),
      brokered.assume(requestFor("app")),
    ]);
    const later = await brokered.assume(requestFor("app"));

    expect(failed.map((outcome) => outcome.status)).toEqual(["rejected", "rejected"]);
    expect(later.credentials.accessKeyId).toBe(stub.issued[0]?.accessKeyId);
    expect(stub.calls("AssumeRole")).toHaveLength(2);
  });

  it("serves the still-valid credentials while a renewal fails, then renews", async () => {
    const clock = new FakeClock();
    stub.now = clock.now;
    const brokered = broker({ now: clock.now, attempts: 2 });
    const first = await brokered.assume(requestFor("app"));

    clock.advance(55 * MINUTE);
    stub.queue(STS_ERRORS.throttling(), STS_ERRORS.throttling());
    const meanwhile = await brokered.assume(requestFor("app"));
    const renewed = await brokered.assume(requestFor("app"));

    expect(meanwhile).toBe(first);
    expect(renewed.credentials.expiration.getTime() - clock.now()).toBe(60 * MINUTE);
    expect(stub.calls("AssumeRole")).toHaveLength(4);
  });

  it("fails a renewal once the previous credentials have expired", async () => {
    const clock = new FakeClock();
    stub.now = clock.now;
    const brokered = broker({ now: clock.now, attempts: 2 });
    await brokered.assume(requestFor("app"));

    clock.advance(61 * MINUTE);
    stub.queue(STS_ERRORS.throttling(), STS_ERRORS.throttling());
    const error = await failure(brokered.assume(requestFor("app")));

    expect(error.code).toBe("Throttling");
  });
});

/** A gateway whose AssumeRole answers only when the test says so. */
class GatedGateway implements StsGateway {
  readonly assumed: AssumeRoleInput[] = [];
  private release: () => void = () => undefined;
  private readonly gate = new Promise<void>((resolve) => {
    this.release = resolve;
  });

  async callerIdentity() {
    return { account: "123456789012", arn: "arn:aws:iam::123456789012:user/dev", userId: "AIDA" };
  }

  async assumeRole(input: AssumeRoleInput): Promise<AssumedRole> {
    this.assumed.push(input);
    await this.gate;
    return {
      credentials: {
        accessKeyId: "ASIAGATED",
        secretAccessKey: "secret",
        sessionToken: "token",
        expiration: new Date(Date.now() + 3600_000),
      },
      identity: {
        account: "123456789012",
        arn: "arn:aws:sts::123456789012:assumed-role/app/s",
        userId: "AROA:s",
      },
    };
  }

  async region() {
    return "us-east-1";
  }

  answer(): void {
    this.release();
  }

  async called(times: number): Promise<void> {
    while (this.assumed.length < times) await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
