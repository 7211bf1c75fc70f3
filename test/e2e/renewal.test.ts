/**
 * Credentials that run out while terraform runs are renewed under it. The local STS issues
 * credentials that live three seconds and refuses a call signed with an expired key, as STS
 * does; a real terraform applies a unit whose local-exec runs one botocore client that calls
 * GetCallerIdentity five times over eight seconds. The stub answers each call with the key
 * that signed it, so the client's output shows which credentials each call used.
 *
 * botocore refreshes container credentials that have less than fifteen minutes left before
 * each call, so with three-second credentials every call fetches from terrace's endpoint,
 * which renews them; static keys (`--credentials env`) cannot be renewed, and the same client
 * fails once they expire. The two tests mostly wait, so they run side by side, each with its
 * own stub.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, it, type TestContext } from "vitest";

import { requirePythonModule, requireTool } from "../helpers/integration.js";
import { terraceProcess, type CliResult } from "../helpers/terrace.js";
import { copyFixture } from "../helpers/tree.js";
import { callerIdentityAnswer, STS_ERRORS, StsStub, type StsRequest } from "../helpers/sts-stub.js";

const BATCH = "arn:aws:iam::123456789012:role/terrace-batch";
const LIFETIME = 3;
const WHY = "this test renews credentials under a real terraform whose local-exec runs botocore";

/** What one apply of the renewal unit left: terrace's result, the client's calls, the stub. */
interface Applied {
  result: CliResult;
  root: string;
  stub: StsStub;
  /** GetCallerIdentity calls refused because their key had expired. */
  refused: StsRequest[];
}

/** Applies the renewal unit against a stub of short-lived credentials, with `flags`. */
async function applyWithExpiringCredentials(
  context: TestContext,
  flags: string[],
): Promise<Applied> {
  requireTool(context, "terraform", WHY);
  requirePythonModule(context, "botocore", WHY);
  const stub = await StsStub.start();
  const refused: StsRequest[] = [];
  stub.respond((request) => {
    if (request.action === "AssumeRole") return stub.success(request, LIFETIME);
    const issued = stub.issued.find((credentials) => credentials.accessKeyId === request.accessKeyId);
    // terrace's own call, signed with the source keys.
    if (issued === undefined) return stub.success(request);
    if (issued.expiration.getTime() <= Date.now()) {
      refused.push(request);
      return STS_ERRORS.expiredToken();
    }
    const arn = "arn:aws:sts::123456789012:assumed-role/terrace-batch/batch";
    return callerIdentityAnswer(arn, request.accessKeyId);
  });
  try {
    const root = copyFixture("test/fixtures/e2e/renewal");
    const result = await terraceProcess(["run-all", "apply", "--non-interactive", ...flags], {
      cwd: root,
      env: stub.processEnv(),
    });
    return { result, root, stub, refused };
  } finally {
    await stub.close();
  }
}

describe.concurrent("renewal under a running terraform", () => {
  it("keeps one terraform's AWS client working past its first credentials' expiry", async (context) => {
    const { expect } = context;
    const { result, root, stub, refused } = await applyWithExpiringCredentials(context, []);

    expect(result.stderr).toMatch(/Run summary: 1 units? in [\d.]+s \(1 succeeded\)/);
    expect(result.exitCode).toBe(0);
    const calls = JSON.parse(readFileSync(join(root, "batch", "calls.json"), "utf8")) as
      { at: number; user_id: string }[];
    expect(calls).toHaveLength(5);

    const issued = stub.issuedFor(BATCH);
    const keys = calls.map((call) => call.user_id);
    const issuedKeys = new Set(issued.map((credentials) => credentials.accessKeyId));
    expect(keys.filter((key) => !issuedKeys.has(key))).toEqual([]);
    expect(new Set(keys).size).toBeGreaterThanOrEqual(2);
    // The first credentials terrace got had run out before the client's last call succeeded.
    const first = issued[0]?.expiration.getTime() ?? Infinity;
    expect((calls.at(-1)?.at ?? 0) * 1000).toBeGreaterThan(first);
    expect(refused).toEqual([]);
  }, 60_000);

  it("leaves the same client with expired keys under --credentials env", async (context) => {
    const { expect } = context;
    const flags = ["--credentials", "env"];
    const { result, refused } = await applyWithExpiringCredentials(context, flags);

    expect(result.exitCode).toBe(1);
    expect(result.stderr)
      .toContain("botocore.exceptions.ClientError: An error occurred (ExpiredToken)");
    expect(refused.length).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
