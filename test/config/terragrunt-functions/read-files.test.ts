/**
 * read_tfvars_file, which returns a tfvars file (HCL or JSON) as a JSON string for
 * jsondecode; sops_decrypt_file, with a fake `sops` on the run's PATH; and mark_as_read,
 * which returns the path it is given.
 */
import { chmodSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { writeTree } from "../../helpers/tree.js";
import { failure, resolveUnit } from "./unit.js";

describe("read_tfvars_file", () => {
  it("returns an HCL tfvars file's values as a JSON string", async () => {
    const root = writeTree({
      "unit/terraform.tfvars": [
        'region = "eu-west-1"',
        "instance_count = 3",
        "enabled = true",
        'zones = ["a", "b"]',
        "tags = {",
        '  team = "platform"',
        "}",
        "",
      ].join("\n"),
      "unit/terragrunt.hcl": 'inputs = { raw = read_tfvars_file("terraform.tfvars") }\n',
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({
      raw: '{"region":"eu-west-1","instance_count":3,"enabled":true,"zones":["a","b"],"tags":{"team":"platform"}}',
    });
  });

  it("is decoded with jsondecode into inputs", async () => {
    const root = writeTree({
      "common.tfvars": 'region = "eu-west-1"\nsize = "small"\n',
      "unit/terragrunt.hcl": 'inputs = merge(jsondecode(read_tfvars_file("../common.tfvars")), { size = "large" })\n',
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ region: "eu-west-1", size: "large" });
  });

  it("reads a .tfvars.json file", async () => {
    const root = writeTree({
      "unit/prod.tfvars.json": JSON.stringify({ region: "eu-west-1", limits: { cpu: 2, memory: "4Gi" } }),
      "unit/terragrunt.hcl": 'inputs = jsondecode(read_tfvars_file("prod.tfvars.json"))\n',
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ region: "eu-west-1", limits: { cpu: 2, memory: "4Gi" } });
  });

  it("takes a relative path from the unit's directory when called in an included parent", async () => {
    const root = writeTree({
      "root.hcl": 'inputs = jsondecode(read_tfvars_file("unit.tfvars"))\n',
      "live/app/unit.tfvars": 'name = "app"\n',
      "live/app/terragrunt.hcl": 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n',
    });

    const { config } = await resolveUnit(root, "live/app");

    expect(config.inputs).toEqual({ name: "app" });
  });

  it("fails for a file that does not exist", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": 'locals {\n  vars = read_tfvars_file("missing.tfvars")\n}\n',
    });

    expect(await failure(root, "unit")).toEqual({
      code: "FILE_NOT_FOUND",
      where: "unit/terragrunt.hcl:2",
      message: `read_tfvars_file: no file at ${join(root, "unit/missing.tfvars")}`,
      hint: "check the path; it is taken from the unit's directory",
    });
  });

  it("fails at the tfvars file's line for a syntax error in it", async () => {
    const root = writeTree({
      "unit/bad.tfvars": 'region = "eu-west-1"\nsize = \n',
      "unit/terragrunt.hcl": 'locals {\n  vars = read_tfvars_file("bad.tfvars")\n}\n',
    });

    expect(await failure(root, "unit")).toEqual({
      code: "HCL_SYNTAX",
      where: "unit/bad.tfvars:2",
      message: "syntax error: Invalid expression; "
        + "Expected the start of an expression, but found an invalid expression token.",
      hint: "fix the syntax at this line; terrace reads HCL as terraform does",
    });
  });
});

describe("mark_as_read", () => {
  it("returns a relative path made absolute from the calling file's directory", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": 'inputs = { marked = mark_as_read("../shared/values.yaml") }\n',
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ marked: join(root, "shared/values.yaml") });
  });

  it("returns an absolute path unchanged", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": 'inputs = { marked = mark_as_read("/etc/terrace/values.yaml") }\n',
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ marked: "/etc/terrace/values.yaml" });
  });

  it("passes its path through to the function that reads the file", async () => {
    const root = writeTree({
      "shared/greeting.txt": "hello",
      "unit/terragrunt.hcl": 'inputs = { text = file(mark_as_read("../shared/greeting.txt")) }\n',
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ text: "hello" });
  });
});

/**
 * A stand-in for sops: given --decrypt and a file, it prints the file with its ENC[...]
 * markers removed, provided the run's environment holds a key.
 */
const FAKE_SOPS = [
  "#!/bin/sh",
  '[ "$1" = "--decrypt" ] || exit 2',
  '[ -n "$SOPS_AGE_KEY" ] || { echo "no key" >&2; exit 128; }',
  "sed 's/ENC\\[\\([^]]*\\)\\]/\\1/g' \"$2\"",
  "",
].join("\n");

/** A unit with an encrypted secrets file beside it and a fake sops in `bin/`. */
function sopsTree(): string {
  const root = writeTree({
    "bin/sops": FAKE_SOPS,
    "unit/secrets.yaml": "password: ENC[hunter2]\n",
    "unit/terragrunt.hcl": 'inputs = yamldecode(sops_decrypt_file("secrets.yaml"))\n',
  });
  chmodSync(join(root, "bin/sops"), 0o755);
  return root;
}

describe("sops_decrypt_file", () => {
  it("returns what sops decrypts, with sops run in the run's environment", async () => {
    const root = sopsTree();
    const env = { PATH: `${join(root, "bin")}:${process.env.PATH}`, SOPS_AGE_KEY: "AGE-SECRET-KEY-1" };

    const { config } = await resolveUnit(root, "unit", { env });

    expect(config.inputs).toEqual({ password: "hunter2" });
  });

  it("fails with the file's path when sops cannot decrypt it", async () => {
    const root = sopsTree();
    const env = { PATH: `${join(root, "bin")}:${process.env.PATH}` };

    expect(await failure(root, "unit", { env })).toEqual({
      code: "FUNCTION_CALL",
      where: "unit/terragrunt.hcl:1",
      message: `sops_decrypt_file: cannot decrypt ${join(root, "unit/secrets.yaml")}`,
      hint: "install sops and make sure its key is available to this shell",
    });
  });

  it("fails the same way when sops is not installed", async () => {
    const root = sopsTree();

    expect(await failure(root, "unit", { env: { PATH: join(root, "no-bin") } })).toEqual({
      code: "FUNCTION_CALL",
      where: "unit/terragrunt.hcl:1",
      message: `sops_decrypt_file: cannot decrypt ${join(root, "unit/secrets.yaml")}`,
      hint: "install sops and make sure its key is available to this shell",
    });
  });
});
