/**
 * Credentials never leave terrace except towards terraform's SDK: after a run with `--debug`
 * and `--report`, in either delivery mode, none of the keys the local STS issued appears in
 * terrace's output, the report, any file of the tree, or the arguments of any terraform
 * process (the fake terraform logs its argv). A failing unit is part of the run, so that
 * error paths are covered too. render-json, which shows role settings, never shows a web
 * identity token either.
 */
import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { FakeTree } from "../helpers/fake-terraform.js";
import { filesUnder, leaksIn, type Place, type Secret } from "../helpers/leaks.js";
import { StsStub } from "../helpers/sts-stub.js";
import { terraceMain } from "../helpers/terrace.js";
import { writeTree } from "../helpers/tree.js";

const ROLE = "arn:aws:iam::123456789012:role/terrace-ci";

let stub: StsStub;

beforeEach(async () => {
  stub = await StsStub.start();
});

afterEach(async () => {
  await stub.close();
});

/** Every value the stub handed out. */
function issuedSecrets(): Secret[] {
  return stub.issued.flatMap((credentials, index) => [
    { what: `access key #${index}`, value: credentials.accessKeyId },
    { what: `secret key #${index}`, value: credentials.secretAccessKey },
    { what: `session token #${index}`, value: credentials.sessionToken },
  ]);
}

describe("secrets", () => {
  it.each([
    ["the endpoint", []],
    ["static keys", ["--credentials", "env"]],
  ])("stay out of output, report, files and arguments with credentials as %s", async (_mode, flags) => {
    const tree = FakeTree.copy("test/fixtures/e2e/two-roles")
      .behave("network/vpc", { output: { json: { vpc_id: "vpc-0a1b2c3d" } } })
      .behave("network/dns", { apply: { exit: 1, stderr: ["Error: zone is locked"] } });

    const result = await tree.spawn(
      ["run-all", "apply", "--non-interactive", "--debug", "--report", "report.json", ...flags],
      { env: { ...stub.processEnv(), FAKE_TF_CREDENTIALS: "1" } },
    ).result;

    expect(result.exitCode).toBe(1);
    const calls = tree.calls();
    expect(calls.map((call) => `${call.unit} ${call.command}`).sort()).toEqual([
      "app/api apply", "app/web apply", "network/dns apply", "network/vpc apply", "network/vpc output",
    ]);
    const secrets = issuedSecrets();
    expect(secrets).toHaveLength(6);

    const places: Place[] = [
      ["stdout", result.stdout],
      ["stderr", result.stderr],
      ...calls.map((call): Place => [`argv of ${call.unit} ${call.command}`, call.argv.join(" ")]),
      ...filesUnder(tree.root),
    ];
    expect(places.map(([name]) => name))
      .toEqual(expect.arrayContaining(["report.json", "fake-terraform.log"]));
    expect(leaksIn(secrets, places)).toEqual([]);
  });

  it("stay out of render-json, which shows a web identity token's file but not a token", async () => {
    const token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJl";
    const root = writeTree({
      "inline/terragrunt.hcl": `iam_role = "${ROLE}"\niam_web_identity_token = "${token}"\n`,
      "from-file/terragrunt.hcl":
        `iam_role = "${ROLE}"\niam_web_identity_token = "\${get_terragrunt_dir()}/token.jwt"\n`,
      "from-file/token.jwt": `${token}\n`,
    });
    const render = async (unit: string, argv: string[] = []) => {
      const dir = join(root, unit);
      const result = await terraceMain(
        ["render-json", "--with-metadata", ...argv, "--working-dir", dir],
      );
      expect(result.stderr).toBe("");
      return (JSON.parse(result.stdout) as Record<string, unknown>).iam_web_identity_token;
    };

    expect(await render("inline")).toEqual({
      value: "(hidden: web identity token)",
      metadata: { found_in_file: join(root, "inline/terragrunt.hcl"), line: 2 },
    });
    expect(await render("from-file")).toEqual({
      value: join(root, "from-file/token.jwt"),
      metadata: { found_in_file: join(root, "from-file/terragrunt.hcl"), line: 2 },
    });
    expect(await render("from-file", ["--iam-web-identity-token", token])).toEqual({
      value: "(hidden: web identity token)",
      metadata: { found_in_file: "--iam-web-identity-token" },
    });
  });
});
