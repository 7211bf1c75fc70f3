import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { FakeTree } from "../helpers/fake-terraform.js";
import { terraceMain } from "../helpers/terrace.js";

/** Runs terrace in the tree's `app` unit with the fake terraform. */
function inUnit(tree: FakeTree, argv: string[]) {
  return terraceMain([...argv, "--working-dir", join(tree.root, "app")], tree.env());
}

describe.concurrent("a terraform command in one unit", () => {
  it("passes the user's arguments as they are and returns terraform's exit code", async () => {
    const tree = FakeTree.write({ "app/terragrunt.hcl": 'inputs = { name = "app" }\n' })
      .behave("app", { plan: { exit: 2, stdout: ["Plan: 1 to add"] } });

    const result = await inUnit(tree, ["plan", "-detailed-exitcode", "-lock=false"]);

    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("Plan: 1 to add\n");
    expect(tree.call("app", "plan").argv).toEqual(["plan", "-detailed-exitcode", "-lock=false"]);
    expect(tree.call("app", "plan").tfVars).toEqual({ TF_VAR_name: "app" });
  });

  it("reads its dependencies' outputs from terraform", async () => {
    const tree = FakeTree.write({
      "vpc/terragrunt.hcl": "",
      "app/terragrunt.hcl": 'dependency "vpc" {\n  config_path = "../vpc"\n}\ninputs = { vpc = dependency.vpc.outputs.id }\n',
    }).behave("vpc", { output: { json: { id: "vpc-123" } } });

    const result = await inUnit(tree, ["apply"]);

    expect(result.exitCode).toBe(0);
    expect(tree.call("app", "apply").tfVars).toEqual({ TF_VAR_vpc: "vpc-123" });
    expect(tree.calls("apply").map((call) => call.unit)).toEqual(["app"]);
  });

  it("skips a unit with skip = true without starting terraform", async () => {
    const tree = FakeTree.write({ "app/terragrunt.hcl": "skip = true\n" });

    const result = await inUnit(tree, ["apply"]);

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(`terrace: skipping ${join(tree.root, "app")}: skip = true\n`);
    expect(tree.calls()).toEqual([]);
  });

  it("skips a unit whose exclude block has no_run for the command", async () => {
    const tree = FakeTree.write({
      "app/terragrunt.hcl": 'exclude {\n  if      = true\n  actions = ["plan"]\n  no_run  = true\n}\n',
    });

    const planned = await inUnit(tree, ["plan"]);
    const applied = await inUnit(tree, ["apply"]);

    expect(planned.stderr).toBe(`terrace: skipping ${join(tree.root, "app")}: its exclude block (no_run) covers plan\n`);
    expect(tree.calls().map((call) => call.command)).toEqual(["apply"]);
    expect(applied.exitCode).toBe(0);
  });

  it("refuses to destroy a unit with prevent_destroy = true", async () => {
    const tree = FakeTree.write({ "app/terragrunt.hcl": "prevent_destroy = true\n" });

    const result = await inUnit(tree, ["destroy"]);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("terrace: the unit is protected by prevent_destroy = true");
    expect(tree.calls("destroy")).toEqual([]);
  });

  it("says there is no unit when the directory holds no terragrunt.hcl", async () => {
    const tree = FakeTree.write({ "app/main.tf": "" });

    const result = await inUnit(tree, ["plan"]);

    expect(result.exitCode).toBe(1);
    expect(result.stderr.split("\n")[0]).toBe(`error: no terragrunt.hcl in ${join(tree.root, "app")}`);
    expect(tree.calls()).toEqual([]);
  });
});
