/**
 * read_terragrunt_config: another file parsed and resolved from its own point of view, its
 * locals, attributes, blocks and dependencies returned as an object; defaults for missing
 * files; nested reads and read cycles; and one parse per file however many units read it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { tempDir, writeTree } from "../../helpers/tree.js";
import { failure, lines, resolver, resolveUnit } from "./unit.js";

describe("read_terragrunt_config", () => {
  it("takes a relative path from the directory of the file that calls it", async () => {
    const root = writeTree({
      "live/env.hcl": 'locals { environment = "prod" }\n',
      "live/app/terragrunt.hcl": 'inputs = { environment = read_terragrunt_config("../env.hcl").locals.environment }\n',
    });

    const { config } = await resolveUnit(root, "live/app");

    expect(config.inputs).toEqual({ environment: "prod" });
  });

  it("takes a relative path from the unit's directory when called in an included parent", async () => {
    const root = writeTree({
      "root.hcl": 'inputs = { environment = read_terragrunt_config("../env.hcl").locals.environment }\n',
      "live/env.hcl": 'locals { environment = "prod" }\n',
      "live/app/terragrunt.hcl": 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n',
    });

    const { config } = await resolveUnit(root, "live/app");

    expect(config.inputs).toEqual({ environment: "prod" });
  });

  it("accepts an absolute path, as find_in_parent_folders returns", async () => {
    const root = writeTree({
      "account.hcl": 'locals { account_id = "111111111111" }\n',
      "live/app/terragrunt.hcl":
        'inputs = { account_id = read_terragrunt_config(find_in_parent_folders("account.hcl")).locals.account_id }\n',
    });

    const { config } = await resolveUnit(root, "live/app");

    expect(config.inputs).toEqual({ account_id: "111111111111" });
  });

  it("returns the read file's locals, attributes and blocks, evaluated", async () => {
    const root = writeTree({
      "common.hcl": [
        'locals {\n  region = "eu-west-1"\n  zones  = ["${local.region}a", "${local.region}b"]\n}',
        'iam_role = "arn:aws:iam::111111111111:role/deploy"',
        'terraform {\n  source = "git::https://example.com/modules.git//vpc?ref=v1.2.0"\n}',
        'generate "provider" {',
        '  path      = "provider.tf"',
        '  if_exists = "overwrite"',
        '  contents  = "# ${local.region}"',
        "}",
        "inputs = {\n  region = local.region\n}",
        "",
      ].join("\n"),
      "unit/terragrunt.hcl": 'locals {\n  common = read_terragrunt_config("../common.hcl")\n}\n',
    });

    const { config } = await resolveUnit(root, "unit");

    expect((config.locals as { common: unknown }).common).toEqual({
      locals: { region: "eu-west-1", zones: ["eu-west-1a", "eu-west-1b"] },
      iam_role: "arn:aws:iam::111111111111:role/deploy",
      terraform: { source: "git::https://example.com/modules.git//vpc?ref=v1.2.0" },
      generate: { provider: { path: "provider.tf", if_exists: "overwrite", contents: "# eu-west-1" } },
      inputs: { region: "eu-west-1" },
      dependency: {},
    });
  });

  it("returns the read file's dependencies with their outputs, here their mocks", async () => {
    const root = writeTree({
      "vpc/terragrunt.hcl": "",
      "common/deps.hcl": [
        'dependency "vpc" {',
        '  config_path  = "../vpc"',
        '  mock_outputs = { vpc_id = "vpc-mock" }',
        "}",
        "",
      ].join("\n"),
      "app/terragrunt.hcl": lines(
        'locals { deps = read_terragrunt_config("../common/deps.hcl") }',
        "inputs = { vpc_id = local.deps.dependency.vpc.outputs.vpc_id }",
      ),
    });

    const { config } = await resolveUnit(root, "app");

    expect(config.inputs).toEqual({ vpc_id: "vpc-mock" });
  });

  it("reads a unit's file with what it includes merged in", async () => {
    const root = writeTree({
      "root.hcl": 'inputs = { owner = "platform", region = "eu-west-1" }\n',
      "vpc/terragrunt.hcl": lines(
        'include "root" {',
        '  path = find_in_parent_folders("root.hcl")',
        "}",
        'inputs = { cidr = "10.0.0.0/16" }',
      ),
      "app/terragrunt.hcl": 'inputs = { vpc = read_terragrunt_config("../vpc/terragrunt.hcl").inputs }\n',
    });

    const { config } = await resolveUnit(root, "app");

    expect(config.inputs).toEqual({ vpc: { owner: "platform", region: "eu-west-1", cidr: "10.0.0.0/16" } });
  });

  it("returns the default for a file that does not exist", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": [
        'locals {\n  overrides = read_terragrunt_config("overrides.hcl", { inputs = { size = "small" } })\n}',
        "inputs = local.overrides.inputs",
        "",
      ].join("\n"),
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ size: "small" });
  });

  it("reads the file, not the default, when the file exists", async () => {
    const root = writeTree({
      "unit/overrides.hcl": 'inputs = { size = "large" }\n',
      "unit/terragrunt.hcl": [
        'locals {\n  overrides = read_terragrunt_config("overrides.hcl", { inputs = { size = "small" } })\n}',
        "inputs = local.overrides.inputs",
        "",
      ].join("\n"),
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ size: "large" });
  });

  it("fails for a file that does not exist when no default is given", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": 'locals {\n  env = read_terragrunt_config("../env.hcl")\n}\n',
    });

    expect(await failure(root, "unit")).toEqual({
      code: "FILE_NOT_FOUND",
      where: "unit/terragrunt.hcl:2",
      message: `${join(root, "env.hcl")}: no such file`,
      hint: "check the path; relative paths are taken from the directory of the file that names them",
    });
  });

  it("reads files that read further files, each from its own directory", async () => {
    const root = writeTree({
      "account.hcl": 'locals { account_id = "111111111111" }\n',
      "prod/env.hcl": [
        'locals {\n  account = read_terragrunt_config("../account.hcl")\n  environment = "prod"\n}',
        "",
      ].join("\n"),
      "prod/app/terragrunt.hcl": [
        'locals { env = read_terragrunt_config("../env.hcl") }',
        "inputs = {",
        "  environment = local.env.locals.environment",
        "  account_id  = local.env.locals.account.locals.account_id",
        "}",
        "",
      ].join("\n"),
    });

    const { config } = await resolveUnit(root, "prod/app");

    expect(config.inputs).toEqual({ environment: "prod", account_id: "111111111111" });
  });

  it("reports files that read each other as a cycle, naming both reads", async () => {
    const root = writeTree({
      "a.hcl": 'locals {\n  b = read_terragrunt_config("b.hcl")\n}\n',
      "b.hcl": 'locals {\n  a = read_terragrunt_config("a.hcl")\n}\n',
      "unit/terragrunt.hcl": 'locals {\n  a = read_terragrunt_config("../a.hcl")\n}\n',
    });
    const a = join(root, "a.hcl");
    const b = join(root, "b.hcl");

    expect(await failure(root, "unit")).toEqual({
      code: "LOCALS_CYCLE",
      where: "b.hcl:2",
      message: `cycle: read_terragrunt_config("${a}") -> locals -> local.b -> `
        + `read_terragrunt_config("${b}") -> locals -> local.a -> read_terragrunt_config("${a}")`,
      hint: "break the cycle: one of these values must not depend on the others",
    });
  });

  it("parses a file that several units read once per run", async () => {
    const root = writeTree({
      "common.hcl": 'locals { owner = "platform" }\n',
      "a/terragrunt.hcl": 'inputs = { owner = read_terragrunt_config("../common.hcl").locals.owner }\n',
      "b/terragrunt.hcl": 'inputs = { owner = read_terragrunt_config("../common.hcl").locals.owner }\n',
      "c/terragrunt.hcl": 'inputs = { owner = read_terragrunt_config("../common.hcl").locals.owner }\n',
    });
    const run = resolver();

    const units = [];
    for (const unit of ["a", "b", "c"]) units.push(await run.resolve(join(root, unit)));

    expect(units.map((unit) => unit.config.inputs)).toEqual([
      { owner: "platform" }, { owner: "platform" }, { owner: "platform" },
    ]);
    expect(run.context.files.parseCount).toBe(4);
  });

  it("evaluates a file that several units read once per run", async () => {
    const counter = join(tempDir(), "runs");
    const root = writeTree({
      // --terragrunt-no-cache: only a second evaluation of the file could run it twice.
      "common.hcl": lines(
        "locals {",
        `  stamp = run_cmd("--terragrunt-no-cache", "sh", "-c", "echo run >> ${counter}; echo x")`,
        "}",
      ),
      "a/terragrunt.hcl": 'inputs = { stamp = read_terragrunt_config("../common.hcl").locals.stamp }\n',
      "b/terragrunt.hcl": 'inputs = { stamp = read_terragrunt_config("../common.hcl").locals.stamp }\n',
    });
    const run = resolver({ env: { PATH: process.env.PATH } });

    const a = await run.resolve(join(root, "a"));
    const b = await run.resolve(join(root, "b"));

    expect([a.config.inputs, b.config.inputs]).toEqual([{ stamp: "x" }, { stamp: "x" }]);
    expect(readFileSync(counter, "utf8")).toBe("run\n");
  });
});
