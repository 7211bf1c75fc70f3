/**
 * get_repo_root, get_path_from_repo_root and get_path_to_repo_root in a real git repository,
 * made with `git init` in the test's tree, and outside any repository.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { writeTree } from "../../helpers/tree.js";
import { failure, resolveUnit } from "./unit.js";

const REPO_INPUTS = [
  "inputs = {",
  "  root = get_repo_root()",
  "  from = get_path_from_repo_root()",
  "  to   = get_path_to_repo_root()",
  "}",
  "",
].join("\n");

/** Writes `files` and makes the tree a git repository. */
function gitTree(files: Record<string, string>): string {
  const root = writeTree(files);
  execFileSync("git", ["init", "--quiet", root]);
  return root;
}

describe("repository functions", () => {
  it("give the repository's root and the paths between it and the unit", async () => {
    const root = gitTree({ "live/prod/app/terragrunt.hcl": REPO_INPUTS });

    const { config } = await resolveUnit(root, "live/prod/app");

    expect(config.inputs).toEqual({ root, from: "live/prod/app", to: "../../.." });
  });

  it("give . for both paths in a unit at the repository's root", async () => {
    const root = gitTree({ "terragrunt.hcl": REPO_INPUTS });

    const { config } = await resolveUnit(root, ".");

    expect(config.inputs).toEqual({ root, from: ".", to: "." });
  });

  it("take the unit's point of view inside an included parent", async () => {
    const root = gitTree({
      "root.hcl": 'inputs = { key = "${get_path_from_repo_root()}/terraform.tfstate" }\n',
      "live/app/terragrunt.hcl": 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n',
    });

    const { config } = await resolveUnit(root, "live/app");

    expect(config.inputs).toEqual({ key: "live/app/terraform.tfstate" });
  });

  it("find the innermost repository when one is nested in another", async () => {
    const root = gitTree({ "modules/inner/app/terragrunt.hcl": REPO_INPUTS });
    execFileSync("git", ["init", "--quiet", join(root, "modules/inner")]);

    const { config } = await resolveUnit(root, "modules/inner/app");

    expect(config.inputs).toEqual({ root: join(root, "modules/inner"), from: "app", to: ".." });
  });

  it.each(["get_repo_root", "get_path_from_repo_root", "get_path_to_repo_root"])(
    "%s fails outside a git repository",
    async (name) => {
      const root = writeTree({ "unit/terragrunt.hcl": `locals {\n  x = ${name}()\n}\n` });

      expect(await failure(root, "unit")).toEqual({
        code: "FUNCTION_CALL",
        where: "unit/terragrunt.hcl:2",
        message: `${name}: ${join(root, "unit")} is not inside a git repository`,
        hint: "run terrace inside a git checkout, or avoid the repository functions here",
      });
    },
  );
});
