import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { terraformArgv, terraformArguments } from "../../../src/runner/steps/extra-arguments.js";
import { failureOf, resolveUnit } from "./resolve-unit.js";

const TWO_BLOCKS = `terraform {
  extra_arguments "common" {
    commands           = ["plan", "apply"]
    arguments          = ["-lock-timeout=20m"]
    env_vars           = { TF_LOG = "info", REGION = "eu-west-1" }
    required_var_files = ["\${get_terragrunt_dir()}/common.tfvars"]
    optional_var_files = ["absent.tfvars", "env.tfvars"]
  }
  extra_arguments "plan_only" {
    commands  = ["plan"]
    arguments = ["-compact-warnings"]
    env_vars  = { REGION = "us-east-1" }
  }
}
`;

describe("extra_arguments", () => {
  it("adds each matching block's arguments, then its required and existing optional var files, in order", async () => {
    const { unit } = await resolveUnit({ "terragrunt.hcl": TWO_BLOCKS, "common.tfvars": "", "env.tfvars": "" });
    const extra = terraformArguments({ config: unit.config, command: "plan", unitDir: unit.dir, origin: unit.origin });

    expect(extra.args).toEqual([
      "-lock-timeout=20m",
      `-var-file=${join(unit.dir, "common.tfvars")}`,
      `-var-file=${join(unit.dir, "env.tfvars")}`,
      "-compact-warnings",
    ]);
    expect(extra.env).toEqual({ TF_LOG: "info", REGION: "us-east-1" });
  });

  it("adds nothing for a command that no block lists", async () => {
    const { unit } = await resolveUnit({ "terragrunt.hcl": TWO_BLOCKS, "common.tfvars": "" });
    const extra = terraformArguments({ config: unit.config, command: "output", unitDir: unit.dir, origin: unit.origin });

    expect(extra).toEqual({ args: [], env: {} });
  });

  it("puts the extra arguments after the sub-command and before the user's", () => {
    expect(terraformArgv("plan", ["-lock-timeout=20m", "-var-file=/u/a.tfvars"], ["-out=tfplan", "-var=x=1"], "/tmp"))
      .toEqual(["plan", "-lock-timeout=20m", "-var-file=/u/a.tfvars", "-out=tfplan", "-var=x=1"]);
  });

  it("leaves variables out when apply is given a saved plan file", async () => {
    const { unit } = await resolveUnit({ "terragrunt.hcl": "", "tfplan": "" });

    expect(terraformArgv("apply", ["-lock-timeout=1m", "-var-file=/u/a.tfvars", "-var=x=1"], ["tfplan"], unit.dir))
      .toEqual(["apply", "-lock-timeout=1m", "tfplan"]);
  });

  it("names the block, its line and the missing file when a required var file does not exist", async () => {
    const { root, unit } = await resolveUnit({ "terragrunt.hcl": TWO_BLOCKS });
    const failure = failureOf(root, () =>
      terraformArguments({ config: unit.config, command: "apply", unitDir: unit.dir, origin: unit.origin }));

    expect(failure).toEqual({
      code: "FILE_NOT_FOUND",
      where: "unit/terragrunt.hcl:6",
      message: `extra_arguments "common": required var file ${join(unit.dir, "common.tfvars")} does not exist`,
      hint: "create the file, or list it under optional_var_files if the unit may run without it",
    });
  });

  it("takes a relative var file from the unit's directory and shows both forms when it is missing", async () => {
    const hcl = `terraform {\n  extra_arguments "x" {\n    commands = ["plan"]\n`
      + `    required_var_files = ["vars/dev.tfvars"]\n  }\n}\n`;
    const { root, unit } = await resolveUnit({ "terragrunt.hcl": hcl });
    const failure = failureOf(root, () =>
      terraformArguments({ config: unit.config, command: "plan", unitDir: unit.dir, origin: unit.origin }));
    expect(failure.message).toBe(
      `extra_arguments "x": required var file vars/dev.tfvars (${join(unit.dir, "vars/dev.tfvars")}) does not exist`,
    );

    writeFileSync(join(unit.dir, "dev.tfvars"), "");
    const args = terraformArguments({
      config: { terraform: { extra_arguments: { x: { commands: ["plan"], required_var_files: ["dev.tfvars"] } } } },
      command: "plan", unitDir: unit.dir, origin: unit.origin,
    }).args;
    expect(args).toEqual([`-var-file=${join(unit.dir, "dev.tfvars")}`]);
  });

  it.each([
    [`["-from-module=git::https://example.com/m.git"]`, `"-from-module=git::https://example.com/m.git"`],
    [`["-upgrade", "modules/vpc"]`, `the directory "modules/vpc"`],
  ])("refuses init arguments %s", async (argumentsHcl, named) => {
    const hcl = `terraform {\n  extra_arguments "init" {\n    commands  = ["init"]\n    arguments = ${argumentsHcl}\n  }\n}\n`;
    const { root, unit } = await resolveUnit({ "terragrunt.hcl": hcl });
    const failure = failureOf(root, () =>
      terraformArguments({ config: unit.config, command: "init", unitDir: unit.dir, origin: unit.origin }));

    expect(failure).toEqual({
      code: "SCHEMA",
      where: "unit/terragrunt.hcl:4",
      message: `extra_arguments "init": init arguments include ${named}`,
      hint: "terrace copies the module into the working copy itself; set terraform.source instead",
    });
  });

  it("accepts an init flag followed by its value as a separate word", async () => {
    const hcl = `terraform {\n  extra_arguments "init" {\n    commands  = ["init"]\n`
      + `    arguments = ["-plugin-dir", "/opt/plugins", "-upgrade"]\n  }\n}\n`;
    const { unit } = await resolveUnit({ "terragrunt.hcl": hcl });
    const extra = terraformArguments({ config: unit.config, command: "init", unitDir: unit.dir, origin: unit.origin });

    expect(extra.args).toEqual(["-plugin-dir", "/opt/plugins", "-upgrade"]);
  });
});
