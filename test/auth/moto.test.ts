/**
 * terrace's STS calls and credential delivery against a real STS and IAM endpoint (moto_server),
 * with the AWS CLI as the client that terraform's local-exec would run.
 */
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";

import { applyChanges, RunCredentials, type CredentialMode } from "../../src/auth/index.js";
import { sdkGateway } from "../../src/auth/sts.js";
import { onPath, requireTool } from "../helpers/integration.js";
import { awsCli, Moto } from "../helpers/moto.js";
import { requestFor } from "../helpers/roles.js";
import { pointSdkAt } from "../helpers/sts-stub.js";

const NEEDS = "these tests assume roles on a real STS endpoint (pip install 'moto[server]' awscli)";

let moto: Moto | undefined;

beforeAll(async () => {
  if (onPath("moto_server") === undefined || onPath("aws") === undefined) return;
  moto = await Moto.start();
  await Promise.all([moto.createRole("network"), moto.createRole("deploy")]);
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

/** moto, with this process's SDK pointed at it for the current test; skips without the tools. */
function useMoto(context: TestContext): Moto {
  requireTool(context, "moto_server", NEEDS);
  requireTool(context, "aws", NEEDS);
  if (moto === undefined) throw new Error("moto_server did not start");
  pointSdkAt(moto.url);
  return moto;
}

/** The identity the AWS CLI sees in a unit's environment, delivered in `mode`. */
async function cliIdentity(context: TestContext, mode: CredentialMode): Promise<string> {
  const server = useMoto(context);
  // The parent's static keys are moto's default user, and its profile does not exist: only
  // the delivered role lets the CLI be anyone else. AWS CLI v1 reads AWS_DEFAULT_REGION alone.
  const parent = {
    ...process.env,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    AWS_PROFILE: "no-such-profile",
    AWS_DEFAULT_REGION: "us-east-1",
  };
  const run = new RunCredentials({ mode, overrides: {}, env: parent });
  try {
    const delivery = await run.deliver(requestFor("deploy", { sessionName: "unit-app" }));
    const env = applyChanges(parent as Record<string, string>, delivery.changes);
    expect(env.AWS_ENDPOINT_URL).toBe(server.url);
    const identity = await awsCli(["sts", "get-caller-identity"], env) as { Arn: string };
    return identity.Arn;
  } finally {
    await run.close();
  }
}

describe("against moto_server", () => {
  it("assumes a role for the duration asked, with the assumed-role identity", async (context) => {
    useMoto(context);
    const gateway = sdkGateway(process.env);

    const before = Date.now();
    const [network, deploy] = await Promise.all([
      gateway.assumeRole(requestFor("network", { duration: 900, sessionName: "run-1" })),
      gateway.assumeRole(requestFor("deploy", { duration: 7200, sessionName: "run-1" })),
    ]);
    const after = Date.now();

    expect(network.identity).toMatchObject({
      account: "123456789012",
      arn: "arn:aws:sts::123456789012:assumed-role/network/run-1",
    });
    expect(deploy.identity.arn).toBe("arn:aws:sts::123456789012:assumed-role/deploy/run-1");
    for (const [assumed, seconds] of [[network, 900], [deploy, 7200]] as const) {
      expect(assumed.credentials.expiration.getTime()).toBeGreaterThanOrEqual(before + seconds * 1000 - 1000);
      expect(assumed.credentials.expiration.getTime()).toBeLessThanOrEqual(after + seconds * 1000 + 1000);
      expect(assumed.credentials.accessKeyId).toMatch(/^ASIA/);
    }
  });

  it("reads the identity of the source credentials", async (context) => {
    useMoto(context);
    const identity = await sdkGateway(process.env).callerIdentity();
    expect(identity.account).toBe("123456789012");
  });

  it("gives the AWS CLI the role through the endpoint even when the parent has static keys", async (context) => {
    expect(await cliIdentity(context, "endpoint"))
      .toBe("arn:aws:sts::123456789012:assumed-role/deploy/unit-app");
  });

  it("gives the AWS CLI the role as static keys in env mode", async (context) => {
    expect(await cliIdentity(context, "env")).toBe("arn:aws:sts::123456789012:assumed-role/deploy/unit-app");
  });
});
