/**
 * find_in_parent_folders: where the search starts (the parent of the current config's
 * directory, where "current" is the unit inside an included parent and the read file inside
 * read_terragrunt_config), what it looks for, and what happens when nothing is found.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { writeTree } from "../../helpers/tree.js";
import { failure, resolveUnit } from "./unit.js";

describe("find_in_parent_folders", () => {
  it("looks for terragrunt.hcl when given no name, skipping the unit's own file", async () => {
    const root = writeTree({
      "terragrunt.hcl": "",
      "live/unit/terragrunt.hcl": "inputs = { found = find_in_parent_folders() }\n",
    });

    const { config } = await resolveUnit(root, "live/unit");

    expect(config.inputs).toEqual({ found: join(root, "terragrunt.hcl") });
  });

  it("returns the nearest file of the given name above the unit", async () => {
    const root = writeTree({
      "root.hcl": "",
      "live/root.hcl": "",
      "live/prod/unit/terragrunt.hcl": 'inputs = { found = find_in_parent_folders("root.hcl") }\n',
    });

    const { config } = await resolveUnit(root, "live/prod/unit");

    expect(config.inputs).toEqual({ found: join(root, "live/root.hcl") });
  });

  it("does not look in the unit's own directory", async () => {
    const root = writeTree({
      "env.hcl": "",
      "unit/env.hcl": "",
      "unit/terragrunt.hcl": 'inputs = { found = find_in_parent_folders("env.hcl") }\n',
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ found: join(root, "env.hcl") });
  });

  it("finds a relative path such as _envcommon/vpc.hcl in a parent folder", async () => {
    const root = writeTree({
      "_envcommon/vpc.hcl": "",
      "live/prod/vpc/terragrunt.hcl": 'inputs = { found = find_in_parent_folders("_envcommon/vpc.hcl") }\n',
    });

    const { config } = await resolveUnit(root, "live/prod/vpc");

    expect(config.inputs).toEqual({ found: join(root, "_envcommon/vpc.hcl") });
  });

  it("searches from the unit's directory when called in an included parent", async () => {
    const root = writeTree({
      "region.hcl": "",
      "root.hcl": 'inputs = { region_file = find_in_parent_folders("region.hcl") }\n',
      "live/eu-west-1/region.hcl": "",
      "live/eu-west-1/app/terragrunt.hcl": 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n',
    });

    const { config } = await resolveUnit(root, "live/eu-west-1/app");

    expect(config.inputs).toEqual({ region_file: join(root, "live/eu-west-1/region.hcl") });
  });

  it("searches from the read file's directory when called in a file read by read_terragrunt_config", async () => {
    const root = writeTree({
      "marker.hcl": "",
      "live/marker.hcl": "",
      "common/settings/common.hcl": 'locals { marker = find_in_parent_folders("marker.hcl") }\n',
      "live/unit/terragrunt.hcl": [
        'locals { common = read_terragrunt_config("../../common/settings/common.hcl") }',
        "inputs = {",
        "  from_read_file = local.common.locals.marker",
        '  from_unit      = find_in_parent_folders("marker.hcl")',
        "}",
        "",
      ].join("\n"),
    });

    const { config } = await resolveUnit(root, "live/unit");

    expect(config.inputs).toEqual({
      from_read_file: join(root, "marker.hcl"),
      from_unit: join(root, "live/marker.hcl"),
    });
  });

  it("returns the fallback when no parent folder has the file", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl":
        'inputs = { found = find_in_parent_folders("terrace-test-absent.hcl", "no-such-file") }\n',
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ found: "no-such-file" });
  });

  it("prefers a file that exists over the fallback", async () => {
    const root = writeTree({
      "env.hcl": "",
      "unit/terragrunt.hcl": 'inputs = { found = find_in_parent_folders("env.hcl", "fallback") }\n',
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ found: join(root, "env.hcl") });
  });

  it("fails with the file it looked for and where it started when nothing is found", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": 'locals {\n  env = find_in_parent_folders("terrace-test-absent.hcl")\n}\n',
    });

    expect(await failure(root, "unit")).toEqual({
      code: "PARENT_NOT_FOUND",
      where: "unit/terragrunt.hcl:2",
      message: `find_in_parent_folders: no "terrace-test-absent.hcl" in any folder above ${join(root, "unit")}`,
      hint: "create terrace-test-absent.hcl in a parent folder, or pass a fallback as the second argument",
    });
  });

  it("returns each call's own fallback when a failed search is asked again", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": [
        "inputs = {",
        '  first  = find_in_parent_folders("terrace-test-absent.hcl", "first")',
        '  second = find_in_parent_folders("terrace-test-absent.hcl", "second")',
        "}",
        "",
      ].join("\n"),
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ first: "first", second: "second" });
  });
});
