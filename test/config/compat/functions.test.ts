/**
 * terragrunt's fixtures for locals, `read_terragrunt_config` and the path functions, resolved
 * by terrace. Expected values are those of integration_locals_test.go (TestLocalsParsing,
 * TestLocalsInInclude) and the read-config tests (TestReadTerragruntConfigFull, ...WithDefault,
 * ...FromDependency, ...WithOriginalTerragruntDir), with outputs of applied dependencies
 * standing in for terraform's.
 *
 * Not covered: read-config/iam_roles_multiple_modules/component1 and component2, whose
 * `iam_role` ("arn:aws:iam::component1:role/terragrunt") is no role ARN: terrace rejects it
 * while resolving, terragrunt only when STS refuses it.
 */
import { describe, expect, it } from "vitest";

import { corpus, fixture, present, resolveUnit } from "./corpus.js";

describe.runIf(present)("terragrunt fixtures: locals and functions", () => {
  it("locals/canonical evaluates locals that read a file and refer to each other", async () => {
    const { config } = await resolveUnit("locals/canonical");
    expect(config.inputs).toEqual({ data: "Hello world\n", answer: 42 });
    expect(config.locals).toEqual({ x: 2, file_contents: "Hello world\n", number_expression: 42 });
  });

  it("locals/local-in-include evaluates the root's locals from the unit, for the command being run", async () => {
    const { config } = await resolveUnit("locals/local-in-include/qa/my-app", {
      terraformCommand: "apply",
      terraformArgs: ["-auto-approve", "-no-color"],
    });
    expect(config.inputs).toEqual({
      parent_terragrunt_dir: fixture("locals/local-in-include"),
      terragrunt_dir: fixture("locals/local-in-include/qa/my-app"),
      terraform_command: "apply",
      terraform_cli_args: ["apply", "-auto-approve", "-no-color"],
    });
    expect(config.locals).toBeUndefined();
  });

  it("read-config/full reads every attribute of another file", async () => {
    const { config } = await resolveUnit("read-config/full");
    const inputs = config.inputs as Record<string, unknown>;
    expect(inputs.terraform_binary).toBe("terragrunt");
    expect(inputs.terraform_version_constraint).toBe("= 0.12.20");
    expect(inputs.terragrunt_version_constraint).toBe("= 0.23.18");
    expect(inputs.download_dir).toBe(".terragrunt-cache");
    expect(inputs.iam_role).toBe("TerragruntIAMRole");
    expect(inputs.prevent_destroy).toBe(true);
    expect(inputs.localstg).toEqual({ the_answer: 42 });
    expect(inputs.inputs).toEqual({ doc: "Emmett Brown" });
    expect(inputs.dependencies).toEqual({ paths: ["../../terragrunt"] });
  });

  it("read-config/full reads the blocks of another file with the values that file sets", async () => {
    const { config } = await resolveUnit("read-config/full");
    const inputs = config.inputs as Record<string, unknown>;
    expect(inputs.generate).toEqual({
      provider: {
        path: "provider.tf",
        if_exists: "overwrite_terragrunt",
        contents: 'provider "aws" {\n  region = "us-east-1"\n}\n',
      },
    });
    expect(inputs.remote_state).toEqual({
      backend: "local",
      generate: { path: "backend.tf", if_exists: "overwrite_terragrunt" },
      config: { path: "foo.tfstate" },
      encryption: { key_provider: "foo" },
    });
    expect(inputs.exclude).toEqual({ if: true, actions: ["all"], no_run: true });
    expect(inputs.terraformtg).toEqual({
      source: "./delorean",
      include_in_copy: ["time_machine.*"],
      exclude_from_copy: ["excluded_time_machine.*"],
      copy_terraform_lock_file: true,
      extra_arguments: {
        "var-files": {
          commands: ["apply", "plan"],
          required_var_files: ["extra.tfvars"],
          optional_var_files: ["optional.tfvars"],
          env_vars: { TF_VAR_custom_var: "I'm set in extra_arguments env_vars" },
        },
      },
      before_hook: {
        before_hook_1: { commands: ["apply", "plan"], execute: ["touch", "before.out"], run_on_error: true },
      },
      after_hook: {
        after_hook_1: { commands: ["apply", "plan"], execute: ["touch", "after.out"], run_on_error: true },
      },
    });
  });

  it("read-config/with_default returns the default for a file that does not exist", async () => {
    const { config } = await resolveUnit("read-config/with_default");
    expect(config.inputs).toEqual({ data: "default value" });
  });

  it("read-config/from_dependency reads a dependency whose inputs come from a file it reads", async () => {
    const dep = await resolveUnit("read-config/from_dependency/dep");
    expect(dep.config.inputs).toEqual({ foo: "hello world" });

    const { config } = await resolveUnit("read-config/from_dependency", {
      applied: { "read-config/from_dependency/dep": dep.config.inputs as Record<string, string> },
    });
    expect(config.inputs).toEqual({ bar: "hello world" });
  });

  it("read-config/with_original_terragrunt_dir gives the read file its own dir and the unit's original dir", async () => {
    const root = fixture("read-config/with_original_terragrunt_dir");
    const dep = await resolveUnit("read-config/with_original_terragrunt_dir/dep");
    expect(dep.config.inputs).toEqual({
      terragrunt_dir: `${root}/dep`,
      original_terragrunt_dir: `${root}/dep`,
      bar_terragrunt_dir: `${root}/foo`,
      bar_original_terragrunt_dir: `${root}/dep`,
    });

    const { config } = await resolveUnit("read-config/with_original_terragrunt_dir", {
      applied: { "read-config/with_original_terragrunt_dir/dep": dep.config.inputs as Record<string, string> },
    });
    expect(config.inputs).toEqual({
      terragrunt_dir: `${root}/foo`,
      original_terragrunt_dir: root,
      dep_terragrunt_dir: `${root}/dep`,
      dep_original_terragrunt_dir: `${root}/dep`,
      dep_bar_terragrunt_dir: `${root}/foo`,
      dep_bar_original_terragrunt_dir: `${root}/dep`,
    });
  });

  it("get-path/path_relative_from_include/lives/dev/base reads files beside the root and beside the unit", async () => {
    const { config } = await resolveUnit("get-path/path_relative_from_include/lives/dev/base");
    expect(config.inputs).toEqual({ organization_unit: "test", environment: "dev", tier: "base" });
    expect(config.terraform).toEqual({ source: "../../../modules//base" });
    expect(config.generate).toEqual({
      provider: {
        path: "terraform.tf",
        if_exists: "overwrite_terragrunt",
        contents: 'terraform {\n  backend "local" {\n    path = "dev-base.state"\n  }\n}\n',
      },
    });
  });

  it("get-path/path_relative_from_include/lives/dev/cluster adds its dependency's output to the root's inputs", async () => {
    const { config } = await resolveUnit("get-path/path_relative_from_include/lives/dev/cluster", {
      applied: { "get-path/path_relative_from_include/lives/dev/base": { some_output: "something" } },
    });
    expect(config.inputs).toEqual({
      organization_unit: "test",
      environment: "dev",
      tier: "cluster",
      some_input: "something",
    });
    expect((config.generate as { provider: { contents: string } }).provider.contents)
      .toBe('terraform {\n  backend "local" {\n    path = "dev-cluster.state"\n  }\n}\n');
  });
});

describe.runIf(!present)("terragrunt fixtures: locals and functions (absent)", () => {
  it(`is skipped: the fixtures are not at ${corpus}`, () => {
    expect(present).toBe(false);
  });
});
