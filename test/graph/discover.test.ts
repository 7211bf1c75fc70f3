import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

import { discoverUnits, matchDirs } from "../../src/graph/discover.js";
import { copyFixture } from "../helpers/tree.js";

/** Adds files to a copied tree. */
function addFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

const relativeTo = (root: string) => (dir: string) => relative(root, dir) || ".";

describe("discovery", () => {
  it("finds every directory holding a terragrunt.hcl, sorted", async () => {
    const root = copyFixture("test/fixtures/graph/layers");

    const units = await discoverUnits(root, "terragrunt.hcl");

    expect(units.map(relativeTo(root))).toEqual(["app", "db", "tools", "vpc"]);
  });

  it("skips .git, .terraform, .terragrunt-cache and node_modules at any depth", async () => {
    const root = copyFixture("test/fixtures/graph/layers");
    addFiles(root, {
      ".git/modules/x/terragrunt.hcl": "",
      "app/.terraform/modules/m/terragrunt.hcl": "",
      "db/.terragrunt-cache/abc/def/terragrunt.hcl": "",
      "node_modules/pkg/terragrunt.hcl": "",
      "tools/node_modules/pkg/terragrunt.hcl": "",
    });

    const units = await discoverUnits(root, "terragrunt.hcl");

    expect(units.map(relativeTo(root))).toEqual(["app", "db", "tools", "vpc"]);
  });

  it("searches other hidden directories, as terragrunt does", async () => {
    const root = copyFixture("test/fixtures/graph/layers");
    addFiles(root, { ".ops/bastion/terragrunt.hcl": "inputs = {}\n" });

    const units = await discoverUnits(root, "terragrunt.hcl");

    expect(units.map(relativeTo(root))).toContain(".ops/bastion");
  });

  it("finds units written as terragrunt.hcl.json, and a unit at the working dir itself", async () => {
    const root = copyFixture("test/fixtures/graph/layers");
    addFiles(root, { "json/terragrunt.hcl.json": "{}", "terragrunt.hcl": "inputs = {}\n" });

    const units = await discoverUnits(root, "terragrunt.hcl");

    expect(units.map(relativeTo(root))).toEqual([".", "app", "db", "json", "tools", "vpc"]);
  });

  it("looks for another file name under --config", async () => {
    const root = copyFixture("test/fixtures/graph/layers");
    addFiles(root, { "other/unit.hcl": "inputs = {}\n" });

    const units = await discoverUnits(root, "unit.hcl");

    expect(units.map(relativeTo(root))).toEqual(["other"]);
  });

  it("matches directory globs relative to the working dir, and absolute ones", async () => {
    const root = copyFixture("test/fixtures/graph/layers");

    const cases: [string[], string[]][] = [
      [["app"], ["app"]],
      [["./db/"], ["db"]],
      [["*b"], ["db"]],
      [["{app,vpc}"], ["app", "vpc"]],
      [[join(root, "tools")], ["tools"]],
      [[], []],
    ];
    for (const [globs, expected] of cases) {
      const matched = await matchDirs(root, globs);
      expect([...matched].map(relativeTo(root)).sort(), globs.join(" ")).toEqual(expected);
    }
  });
});
