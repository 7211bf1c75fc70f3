import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { ConfigResolver, type ResolveOptions } from "../../../src/config/index.js";
import { writeTree } from "../../helpers/tree.js";

/** Resolves `unit/` of a tree written from `files`. */
async function resolveTree(files: Record<string, string>, options: Partial<ResolveOptions> = {}) {
  const root = writeTree(files);
  return { root, unit: await new ConfigResolver({ env: {}, ...options }).resolve(join(root, "unit")) };
}

const ROOT = 'locals {\n  region = "eu-west-1"\n}\ninputs = {\n  from_root = "root"\n}\n';
const ENV = 'locals {\n  env = "prod"\n}\n';

describe("bare and named include blocks", () => {
  it("exposes a unit's only include, a bare one, at the top of include", async () => {
    const { unit } = await resolveTree({
      "root.hcl": ROOT,
      "unit/terragrunt.hcl": [
        'include {\n  path = "../root.hcl"\n  expose = true\n}',
        "inputs = {\n  r = include.locals.region\n}\n",
      ].join("\n"),
    });
    expect(unit.config.inputs).toEqual({ from_root: "root", r: "eu-west-1" });
  });

  it("keys a bare include beside named ones by the empty label", async () => {
    const { root, unit } = await resolveTree({
      "root.hcl": ROOT,
      "env.hcl": ENV,
      "unit/terragrunt.hcl": [
        'include {\n  path = "../root.hcl"\n  expose = true\n}',
        'include "env" {\n  path = "../env.hcl"\n  expose = true\n}',
        'inputs = {\n  r = "${include[""].locals.region}-${include.env.locals.env}"\n}\n',
      ].join("\n"),
    });
    expect(unit.config.inputs).toEqual({ from_root: "root", r: "eu-west-1-prod" });
    expect(unit.config.include).toEqual({
      "": { path: "../root.hcl", expose: true },
      env: { path: "../env.hcl", expose: true },
    });
    expect(unit.includedFiles).toEqual([join(root, "env.hcl"), join(root, "root.hcl")]);
  });

  it("does not lift an exposed bare include's members to the top when another include exists", async () => {
    const result = await resolveTree({
      "root.hcl": ROOT,
      "env.hcl": ENV,
      "unit/terragrunt.hcl": [
        'include {\n  path = "../root.hcl"\n  expose = true\n}',
        'include "env" {\n  path = "../env.hcl"\n}',
        "inputs = {\n  r = include.locals.region\n}\n",
      ].join("\n"),
    }).catch((error: unknown) => error);
    expect(result).toMatchObject({ code: "EXPRESSION", message: '"include.locals" is not defined' });
  });
});

describe("dependency blocks across includes of different strategies", () => {
  it("merges each include's block by that include's strategy, from the last include to the first", async () => {
    const { unit } = await resolveTree({
      "deep.hcl": 'dependency "vpc" {\n  config_path = ""\n'
        + '  mock_outputs = { list = ["deep"], a = "deep" }\n}\n',
      "shallow.hcl": 'dependency "vpc" {\n  config_path = ""\n'
        + '  mock_outputs = { list = ["shallow"], b = "shallow" }\n}\n',
      "vpc/terragrunt.hcl": "",
      "unit/terragrunt.hcl": [
        'include "shallow" {\n  path = "../shallow.hcl"\n}',
        'include "deep" {\n  path = "../deep.hcl"\n  merge_strategy = "deep"\n}',
        'dependency "vpc" {\n  config_path = "../vpc"\n  mock_outputs = { list = ["unit"] }\n}',
        "inputs = {\n  out = dependency.vpc.outputs\n}\n",
      ].join("\n"),
    });
    const merged = { list: ["deep", "unit"], a: "deep" };
    expect(unit.config.inputs).toEqual({ out: merged });
    expect((unit.config.dependency as Record<string, unknown>).vpc)
      .toEqual({ config_path: "../vpc", mock_outputs: merged });
  });
});

describe("resolver options", () => {
  it("reads dependency outputs from the outputs option given to the resolver", async () => {
    const { unit } = await resolveTree({
      "vpc/terragrunt.hcl": "",
      "unit/terragrunt.hcl": 'dependency "vpc" {\n  config_path = "../vpc"\n}\n'
        + "inputs = {\n  id = dependency.vpc.outputs.id\n}\n",
    }, { outputs: (block) => (block.name === "vpc" ? { id: "vpc-123" } : undefined) });
    expect(unit.config.inputs).toEqual({ id: "vpc-123" });
  });
});
