/**
 * The SDK's Node version warning, seen as a user sees it: on the stderr of a real Node process
 * that loads terrace's built STS module (dist/, compiled by the global setup).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

import { repoRoot } from "../helpers/tree.js";

const STS_MODULE = pathToFileURL(join(repoRoot, "dist", "auth", "sts.js")).href;
const NODE_MAJOR = Number(process.versions.node.split(".")[0]);

/** Runs an ES module script in a fresh node; its stderr. */
function stderrOf(script: string, env: Record<string, string> = {}): string {
  const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _set, ...inherited } = process.env;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: repoRoot,
    env: { ...inherited, AWS_REGION: "us-east-1", ...env },
    encoding: "utf8",
  });
  expect(child.status, child.stderr).toBe(0);
  return child.stderr;
}

const WITH_TERRACE = `
  import { sdkGateway } from ${JSON.stringify(STS_MODULE)};
  sdkGateway(process.env);
  process.emitWarning("terrace's own warning");
  process.emitWarning("an old option", "DeprecationWarning");
`;

describe("the SDK's Node version warning", () => {
  it.runIf(NODE_MAJOR < 22)("is printed by the SDK on this Node when nothing silences it", () => {
    const stderr = stderrOf(`
      import { STSClient } from "@aws-sdk/client-sts";
      new STSClient({});
    `);
    expect(stderr).toContain("NodeVersionSupportWarning");
  });

  it("stays out of a process that uses terrace's STS module, while other warnings show", () => {
    const stderr = stderrOf(WITH_TERRACE);

    expect(stderr).not.toContain("NodeVersionSupportWarning");
    expect(stderr).toContain("Warning: terrace's own warning");
    expect(stderr).toContain("DeprecationWarning: an old option");
  });

  it("stays out even when the SDK's own switch is set to show it", () => {
    const stderr = stderrOf(WITH_TERRACE, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "false" });

    expect(stderr).not.toContain("NodeVersionSupportWarning");
    expect(stderr).toContain("Warning: terrace's own warning");
  });

  it("leaves the environment that terrace hands to terraform as it was", () => {
    const stderr = stderrOf(`
      import { sdkGateway } from ${JSON.stringify(STS_MODULE)};
      sdkGateway(process.env);
      console.error("switch:", process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ?? "unset");
    `);

    expect(stderr.trim()).toBe("switch: unset");
  });
});
