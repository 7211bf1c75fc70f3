/**
 * The functions that describe where a config sits: path_relative_to_include,
 * path_relative_from_include, get_terragrunt_dir, get_parent_terragrunt_dir and
 * get_original_terragrunt_dir, from the unit's file, from an included parent and from a file
 * read with read_terragrunt_config.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { writeTree } from "../../helpers/tree.js";
import { failure, lines, resolver, resolveUnit } from "./unit.js";

const INCLUDE_ROOT = 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n';

describe("path_relative_to_include and path_relative_from_include", () => {
  it("give the unit's path below the root and back, when called in the included root", async () => {
    const root = writeTree({
      "root.hcl": [
        "inputs = {",
        '  key  = "${path_relative_to_include()}/terraform.tfstate"',
        "  back = path_relative_from_include()",
        "}",
        "",
      ].join("\n"),
      "live/prod/app/terragrunt.hcl": INCLUDE_ROOT,
    });

    const { config } = await resolveUnit(root, "live/prod/app");

    expect(config.inputs).toEqual({ key: "live/prod/app/terraform.tfstate", back: "../../.." });
  });

  it("answer for the include that brought the parent in, whatever label the parent passes", async () => {
    const root = writeTree({
      "root.hcl": 'inputs = { to_root = path_relative_to_include("env") }\n',
      "live/env.hcl": "",
      "live/app/terragrunt.hcl": `${INCLUDE_ROOT}include "env" {\n  path = "../env.hcl"\n}\n`,
    });

    const { config } = await resolveUnit(root, "live/app");

    expect(config.inputs).toEqual({ to_root: "live/app" });
  });

  it("take the only include without a label when called in the unit's own file", async () => {
    const root = writeTree({
      "root.hcl": "",
      "live/app/terragrunt.hcl": INCLUDE_ROOT + lines(
        "inputs = {",
        "  to   = path_relative_to_include()",
        "  from = path_relative_from_include()",
        "}",
      ),
    });

    const { config } = await resolveUnit(root, "live/app");

    expect(config.inputs).toEqual({ to: "live/app", from: "../.." });
  });

  it("take the include named by the label when the unit has several", async () => {
    const root = writeTree({
      "root.hcl": "",
      "live/env.hcl": "",
      "live/prod/app/terragrunt.hcl": [
        INCLUDE_ROOT,
        'include "env" {\n  path = find_in_parent_folders("env.hcl")\n}',
        "inputs = {",
        '  to_root   = path_relative_to_include("root")',
        '  to_env    = path_relative_to_include("env")',
        '  from_root = path_relative_from_include("root")',
        '  from_env  = path_relative_from_include("env")',
        "}",
        "",
      ].join("\n"),
    });

    const { config } = await resolveUnit(root, "live/prod/app");

    expect(config.inputs).toEqual({
      to_root: "live/prod/app",
      to_env: "prod/app",
      from_root: "../../..",
      from_env: "../..",
    });
  });

  it("return . in a unit without includes", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": lines(
        "inputs = {",
        "  to   = path_relative_to_include()",
        "  from = path_relative_from_include()",
        "}",
      ),
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ to: ".", from: "." });
  });

  it("return . for a parent in the unit's own directory", async () => {
    const root = writeTree({
      "unit/common.hcl": "inputs = { to = path_relative_to_include(), from = path_relative_from_include() }\n",
      "unit/terragrunt.hcl": 'include {\n  path = "common.hcl"\n}\n',
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ to: ".", from: "." });
  });

  it("require a label in a unit with several includes", async () => {
    const root = writeTree({
      "root.hcl": "",
      "live/env.hcl": "",
      "live/app/terragrunt.hcl": [
        INCLUDE_ROOT,
        'include "env" {\n  path = "../env.hcl"\n}',
        "inputs = {",
        "  key = path_relative_to_include()",
        "}",
        "",
      ].join("\n"),
    });

    expect(await failure(root, "live/app")).toEqual({
      code: "FUNCTION_CALL",
      where: "live/app/terragrunt.hcl:9",
      message: "path_relative_to_include: this file has 2 include blocks; name the one you mean",
      hint: 'pass the include\'s label, e.g. path_relative_to_include("root")',
    });
  });

  it("name the labels that exist when given one that does not", async () => {
    const root = writeTree({
      "root.hcl": "",
      "live/env.hcl": "",
      "live/app/terragrunt.hcl": [
        INCLUDE_ROOT,
        'include "env" {\n  path = "../env.hcl"\n}',
        'locals {\n  up = path_relative_from_include("region")\n}',
        "",
      ].join("\n"),
    });

    expect(await failure(root, "live/app")).toEqual({
      code: "FUNCTION_CALL",
      where: "live/app/terragrunt.hcl:9",
      message: 'path_relative_from_include: no include block labeled "region"',
      hint: 'labels in this file: "root", "env"',
    });
  });
});

describe("get_terragrunt_dir", () => {
  it("is the unit's directory in the unit's own file", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": "inputs = { dir = get_terragrunt_dir() }\n" });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ dir: join(root, "unit") });
  });

  it("is the unit's directory, not the parent's, inside an included parent", async () => {
    const root = writeTree({
      "root.hcl": "inputs = { dir = get_terragrunt_dir() }\n",
      "live/app/terragrunt.hcl": INCLUDE_ROOT,
    });

    const { config } = await resolveUnit(root, "live/app");

    expect(config.inputs).toEqual({ dir: join(root, "live/app") });
  });

  it("is the read file's directory inside read_terragrunt_config", async () => {
    const root = writeTree({
      "common/vars.hcl": "locals { dir = get_terragrunt_dir() }\n",
      "unit/terragrunt.hcl": [
        'locals { vars = read_terragrunt_config("../common/vars.hcl") }',
        "inputs = { read = local.vars.locals.dir, own = get_terragrunt_dir() }",
        "",
      ].join("\n"),
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ read: join(root, "common"), own: join(root, "unit") });
  });
});

describe("get_parent_terragrunt_dir", () => {
  it("is the included root's directory, in the root and in the unit", async () => {
    const root = writeTree({
      "root.hcl": "locals { parent = get_parent_terragrunt_dir() }\ninputs = { in_root = local.parent }\n",
      "live/app/terragrunt.hcl": `${INCLUDE_ROOT}locals { parent = get_parent_terragrunt_dir() }\n`,
    });

    const { config } = await resolveUnit(root, "live/app");

    expect(config.inputs).toEqual({ in_root: root });
    expect(config.locals).toEqual({ parent: root });
  });

  it("is the directory of the include named by the label", async () => {
    const root = writeTree({
      "root.hcl": "",
      "live/env.hcl": "",
      "live/app/terragrunt.hcl": [
        INCLUDE_ROOT,
        'include "env" {\n  path = "../env.hcl"\n}',
        'inputs = { root = get_parent_terragrunt_dir("root"), env = get_parent_terragrunt_dir("env") }',
        "",
      ].join("\n"),
    });

    const { config } = await resolveUnit(root, "live/app");

    expect(config.inputs).toEqual({ root, env: join(root, "live") });
  });

  it("is the unit's own directory when it includes nothing", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": "inputs = { parent = get_parent_terragrunt_dir() }\n" });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ parent: join(root, "unit") });
  });
});

describe("get_original_terragrunt_dir", () => {
  it("is the unit's directory in the unit, in its root and in a file it reads", async () => {
    const root = writeTree({
      "root.hcl": "inputs = { in_root = get_original_terragrunt_dir() }\n",
      "common/vars.hcl": "locals {\n  original = get_original_terragrunt_dir()\n  own      = get_terragrunt_dir()\n}\n",
      "live/app/terragrunt.hcl": [
        INCLUDE_ROOT,
        'locals { vars = read_terragrunt_config("../../common/vars.hcl") }',
        "inputs = {",
        "  in_unit      = get_original_terragrunt_dir()",
        "  in_read      = local.vars.locals.original",
        "  read_own_dir = local.vars.locals.own",
        "}",
        "",
      ].join("\n"),
    });

    const { config } = await resolveUnit(root, "live/app");

    expect(config.inputs).toEqual({
      in_root: join(root, "live/app"),
      in_unit: join(root, "live/app"),
      in_read: join(root, "live/app"),
      read_own_dir: join(root, "common"),
    });
  });

  it("gives each unit of a run its own directory from a file they both read", async () => {
    const root = writeTree({
      "common/vars.hcl": "locals { original = get_original_terragrunt_dir() }\n",
      "a/terragrunt.hcl": 'inputs = { dir = read_terragrunt_config("../common/vars.hcl").locals.original }\n',
      "b/terragrunt.hcl": 'inputs = { dir = read_terragrunt_config("../common/vars.hcl").locals.original }\n',
    });
    const run = resolver();

    const a = await run.resolve(join(root, "a"));
    const b = await run.resolve(join(root, "b"));

    expect(a.config.inputs).toEqual({ dir: join(root, "a") });
    expect(b.config.inputs).toEqual({ dir: join(root, "b") });
  });
});
