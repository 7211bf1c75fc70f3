/**
 * `terrace render-json`: the unit's resolved configuration on stdout or in a file, with the
 * file and line of each value on request, flags shown as the origin of what they override,
 * and a bad configuration reported in two lines, with no stack trace.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { terraceMain, terraceProcess } from "../helpers/terrace.js";
import { tempDir, writeTree } from "../helpers/tree.js";

/** A unit that includes a root: values from both files, on known lines. */
function tree(): string {
  return writeTree({
    "root.hcl": [
      "terraform {",
      '  source = "git::https://example.com/modules.git//app?ref=v1.0.0"',
      "}",
      "",
      "inputs = {",
      '  region = "eu-west-1"',
      "}",
      "",
    ].join("\n"),
    "live/app/terragrunt.hcl": [
      'include "root" {',
      '  path = find_in_parent_folders("root.hcl")',
      "}",
      "",
      "locals {",
      '  name = "app"',
      "}",
      "",
      "inputs = {",
      "  name = local.name",
      "}",
      "",
    ].join("\n"),
  });
}

/** `terrace render-json` for the unit in `dir`, run in this process. */
function renderJson(dir: string, ...flags: string[]) {
  return terraceMain(["render-json", "--working-dir", dir, ...flags]);
}

const RENDERED = {
  inputs: { region: "eu-west-1", name: "app" },
  terraform: { source: "git::https://example.com/modules.git//app?ref=v1.0.0" },
  locals: { name: "app" },
};

describe("render-json", () => {
  it("prints the unit's merged configuration as JSON, without its include blocks", async () => {
    const root = tree();

    const result = await renderJson(join(root, "live/app"));

    expect(result).toEqual({ exitCode: 0, stdout: `${JSON.stringify(RENDERED, null, 2)}\n`, stderr: "" });
  });

  it("wraps each value with the file and line that set it under --with-metadata", async () => {
    const root = tree();
    const rootFile = join(root, "root.hcl");
    const unitFile = join(root, "live/app/terragrunt.hcl");

    const result = await renderJson(join(root, "live/app"), "--with-metadata");

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      inputs: {
        region: { metadata: { found_in_file: rootFile, line: 6 }, value: "eu-west-1" },
        name: { metadata: { found_in_file: unitFile, line: 10 }, value: "app" },
      },
      terraform: {
        metadata: { found_in_file: rootFile, line: 1 },
        value: { source: "git::https://example.com/modules.git//app?ref=v1.0.0" },
      },
      locals: {
        name: { metadata: { found_in_file: unitFile, line: 6 }, value: "app" },
      },
    });
  });

  it("writes the JSON to the --out file, taken from the working dir, and prints nothing", async () => {
    const root = tree();

    const result = await renderJson(join(root, "live/app"), "--out", "rendered.json");

    expect(result).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    const written = readFileSync(join(root, "live/app/rendered.json"), "utf8");
    expect(written).toBe(`${JSON.stringify(RENDERED, null, 2)}\n`);
  });

  it("writes to an absolute --out path as given", async () => {
    const root = tree();
    const out = join(tempDir(), "app.json");

    const result = await renderJson(join(root, "live/app"), "--out", out);

    expect(result).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(RENDERED);
    expect(existsSync(join(root, "live/app", out))).toBe(false);
  });

  it("accepts terragrunt's --json-out for --out", async () => {
    const root = tree();

    const result = await renderJson(join(root, "live/app"), "--json-out", "tg.json");

    expect(result).toEqual({ exitCode: 0, stdout: "", stderr: "" });
    expect(JSON.parse(readFileSync(join(root, "live/app/tg.json"), "utf8"))).toEqual(RENDERED);
  });

  it("shows a role duration given by --iam-role-duration in seconds, with the flag as its origin", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": 'iam_role = "arn:aws:iam::123456789012:role/deploy"\niam_role_duration = 3600\n',
    });
    const unitFile = join(root, "unit/terragrunt.hcl");

    const plain = await renderJson(join(root, "unit"), "--iam-role-duration", "2h");
    const withMetadata = await renderJson(join(root, "unit"), "--iam-role-duration", "2h", "--with-metadata");

    expect(plain.exitCode).toBe(0);
    expect(JSON.parse(plain.stdout)).toEqual({
      iam_role: "arn:aws:iam::123456789012:role/deploy",
      iam_role_duration: 7200,
    });
    expect(JSON.parse(withMetadata.stdout)).toEqual({
      iam_role: {
        metadata: { found_in_file: unitFile, line: 1 },
        value: "arn:aws:iam::123456789012:role/deploy",
      },
      iam_role_duration: { metadata: { found_in_file: "--iam-role-duration" }, value: 7200 },
    });
  });

  it("fails in two lines, with no stack trace, for an error in the unit's file", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": 'inputs = {\n  a = 1\n  b = uppper("x")\n}\n' });

    const result = await renderJson(join(root, "unit"));

    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: `error: ${join(root, "unit/terragrunt.hcl")}:3: unknown function "uppper"\n`
        + 'hint: did you mean "upper"?\n',
    });
  });

  it("names the file below the directory terrace runs in relative to it", async () => {
    const root = writeTree({
      "root.hcl": 'locals {\n  account = get_env("TERRACE_TEST_ACCOUNT_ID")\n}\n',
      "live/app/terragrunt.hcl": 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n',
    });

    const result = await terraceProcess(["render-json", "--working-dir", "live/app"], { cwd: root });

    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "error: root.hcl:2: get_env: environment variable TERRACE_TEST_ACCOUNT_ID is not set\n"
        + "hint: set TERRACE_TEST_ACCOUNT_ID, or give get_env a default: "
        + 'get_env("TERRACE_TEST_ACCOUNT_ID", "value")\n',
    });
  });

  it("refuses an --iam-role-duration that STS would refuse, before reading the unit", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": 'inputs = { a = uppper("x") }\n' });

    const result = await renderJson(join(root, "unit"), "--iam-role-duration", "10m");

    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: 'error: --iam-role-duration = "10m" is out of range; '
        + "expected 900 to 43200 seconds (15 minutes to 12 hours)\n"
        + "hint: STS grants role sessions of 15 minutes to 12 hours, within the role's MaxSessionDuration\n",
    });
  });
});
