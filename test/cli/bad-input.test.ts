/**
 * A bad tree stops run-all before the first terraform process: the error names the file and
 * line, and the fake terraform's log stays empty.
 */
import { describe, expect, it } from "vitest";

import { FakeTree } from "../helpers/fake-terraform.js";

describe.concurrent("run-all on a bad tree", () => {
  it.each([
    {
      name: "a dependency cycle",
      fixture: "test/fixtures/graph/cycle",
      error: "c/terragrunt.hcl:3: dependency cycle: a -> b -> c -> a",
      hint: "a unit cannot depend on itself through others; remove one of these dependencies",
    },
    {
      name: "a dependency block naming a missing directory",
      fixture: "test/fixtures/graph/missing-dependency",
      error: 'app/terragrunt.hcl:5: dependency "cache": no unit at cache',
      hint: "paths are taken from the unit's directory; cache needs a terragrunt.hcl",
    },
    {
      name: "a dependencies.paths entry naming a missing directory",
      fixture: "test/fixtures/graph/missing-path",
      error: "app/terragrunt.hcl:4: dependencies.paths: no unit at gone",
      hint: "paths are taken from the unit's directory; gone needs a terragrunt.hcl",
    },
    {
      name: "an error in the inputs of a unit that would run last",
      fixture: "test/fixtures/run/bad-function",
      error: 'broken/terragrunt.hcl:6: unknown function "uppper"',
      hint: 'did you mean "upper"?',
    },
  ])("reports $name and starts no terraform", async ({ fixture, error, hint }) => {
    const tree = FakeTree.copy(fixture);

    const result = await tree.terrace(["run-all", "apply", "--non-interactive"]);

    expect(result).toEqual({ exitCode: 1, stdout: "", stderr: `error: ${tree.root}/${error}\nhint: ${hint}\n` });
    expect(tree.calls()).toEqual([]);
  });

  it("reports an HCL syntax error in any unit at its line and starts no terraform", async () => {
    const tree = FakeTree.copy("test/fixtures/run/bad-syntax");

    const result = await tree.terrace(["run-all", "plan"]);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^error: ${tree.root}/broken/terragrunt\\.hcl:6: `));
    expect(tree.calls()).toEqual([]);
  });

  it("names files relative to the directory terrace was started in", async () => {
    const tree = FakeTree.copy("test/fixtures/graph/cycle");

    const result = await tree.spawn(["run-all", "plan"]).result;

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe("error: c/terragrunt.hcl:3: dependency cycle: a -> b -> c -> a\n"
      + "hint: a unit cannot depend on itself through others; remove one of these dependencies\n");
    expect(tree.calls()).toEqual([]);
  });

  it("says so when the working dir holds no unit", async () => {
    const tree = FakeTree.copy("test/fixtures/graph/layers/vpc");

    const result = await tree.terrace(["run-all", "plan", "--exclude-dir", "x", "--config", "other.hcl"]);

    expect(result.stderr).toBe(`error: no units under ${tree.root}\n`
      + "hint: a unit is a directory with a other.hcl; check --working-dir\n");
  });
});
