/**
 * Credentials never leave terrace except towards terraform's SDK: after a run with `--debug`
 * and `--report`, in either delivery mode, none of the keys the local STS issued appears in
 * terrace's output, the report, any file of the tree, or the arguments of any terraform
 * process (the fake terraform logs its argv). A failing unit is part of the run, so that
 * error paths are covered too.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { FakeTree } from "../helpers/fake-terraform.js";
import { StsStub } from "../helpers/sts-stub.js";

let stub: StsStub;

beforeEach(async () => {
  stub = await StsStub.start();
});

afterEach(async () => {
  await stub.close();
});

/** Every value the stub handed out, named by what it is (the name is what a failure shows). */
function issuedSecrets(): { what: string; value: string }[] {
  return stub.issued.flatMap((credentials, index) => [
    { what: `access key #${index}`, value: credentials.accessKeyId },
    { what: `secret key #${index}`, value: credentials.secretAccessKey },
    { what: `session token #${index}`, value: credentials.sessionToken },
  ]);
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((path) => statSync(join(root, path)).isFile());
}

describe("secrets", () => {
  it.each([
    ["the endpoint", []],
    ["static keys", ["--credentials", "env"]],
  ])("stay out of output, report, files and arguments when delivered through %s", async (_mode, flags) => {
    const tree = FakeTree.copy("test/fixtures/e2e/two-roles")
      .behave("network/vpc", { output: { json: { vpc_id: "vpc-0a1b2c3d" } } })
      .behave("network/dns", { apply: { exit: 1, stderr: ["Error: zone is locked"] } });

    const result = await tree.spawn(
      ["run-all", "apply", "--non-interactive", "--debug", "--report", "report.json", ...flags],
      { env: { ...stub.processEnv(), FAKE_TF_CREDENTIALS: "1" } },
    ).result;

    expect(result.exitCode).toBe(1);
    const calls = tree.calls();
    expect(calls.map((call) => `${call.unit} ${call.command}`).sort())
      .toEqual(["app/api apply", "app/web apply", "network/dns apply", "network/vpc apply", "network/vpc output"]);
    const secrets = issuedSecrets();
    expect(secrets).toHaveLength(6);

    const places: [string, string][] = [
      ["stdout", result.stdout],
      ["stderr", result.stderr],
      ...calls.map((call): [string, string] => [`argv of ${call.unit} ${call.command}`, call.argv.join(" ")]),
      ...filesUnder(tree.root).map((path): [string, string] => [path, readFileSync(join(tree.root, path), "latin1")]),
    ];
    expect(places.map(([name]) => name)).toEqual(expect.arrayContaining(["report.json", "fake-terraform.log"]));
    const leaks = places.flatMap(([name, text]) =>
      secrets.filter((secret) => text.includes(secret.value)).map((secret) => `${secret.what} in ${name}`));
    expect(leaks).toEqual([]);
  });
});
