import { describe, expect, it } from "vitest";

import { FakeTree } from "../helpers/fake-terraform.js";
import { summaryOf } from "../helpers/terrace.js";

const VPC_OUTPUTS = { vpc_id: "vpc-123", subnets: ["subnet-a", "subnet-b"] };

/** The outputs fixture: vpc <- db <- app, where db and app read their dependencies' outputs. */
function outputsTree(): FakeTree {
  return FakeTree.copy("test/fixtures/run/outputs")
    .behave("vpc", { output: { json: VPC_OUTPUTS } })
    .behave("db", { output: { json: { url: "postgres://db.internal" } } });
}

describe.concurrent("dependency outputs", () => {
  it("reach dependents as inputs, read with terraform output -json after the dependency ran", async () => {
    const tree = outputsTree();

    const result = await tree.terrace(["run-all", "apply", "--non-interactive"]);

    expect(result.exitCode).toBe(0);
    expect(tree.call("db", "apply").tfVars).toEqual({ TF_VAR_vpc_id: "vpc-123" });
    expect(tree.call("app", "apply").tfVars).toEqual({
      TF_VAR_vpc_id: "vpc-123",
      TF_VAR_subnets: '["subnet-a","subnet-b"]',
      TF_VAR_db_url: "postgres://db.internal",
    });
    expect(tree.call("vpc", "output").argv).toEqual(["output", "-json"]);
    expect(tree.call("vpc", "output").started).toBeGreaterThanOrEqual(tree.call("vpc", "apply").ended);
  });

  it("are fetched once per dependency per run, however many units read them", async () => {
    const tree = outputsTree();

    await tree.terrace(["run-all", "plan"]);

    const fetched = tree.calls("output").map((call) => call.unit).sort();
    expect(fetched).toEqual(["db", "vpc"]);
  });

  it("are not fetched for a dependency whose outputs no input reads", async () => {
    const tree = FakeTree.copy("test/fixtures/run/stack");

    await tree.terrace(["run-all", "plan"]);

    expect(tree.calls("output")).toEqual([]);
  });

  it("are read from a dependency excluded from the run", async () => {
    const tree = outputsTree();

    await tree.terrace(["run-all", "plan", "--exclude-dir", "vpc"]);

    expect(tree.calls("plan").map((call) => call.unit).sort()).toEqual(["app", "db"]);
    expect(tree.call("db", "plan").tfVars).toEqual({ TF_VAR_vpc_id: "vpc-123" });
  });
});

// mocks: dep, and one dependent per rule, each passing `dependency.dep.outputs` as input `dep`.
const REAL = { id: "real", tags: { a: "1" } };
const MOCKS = { id: "mock", extra: "mocked", tags: { b: "2" } };

describe.concurrent("mock outputs", () => {
  it("combine with real outputs as mock_outputs_merge_strategy_with_state says", async () => {
    const tree = FakeTree.copy("test/fixtures/run/mocks").behave("dep", { output: { json: REAL } });

    const result = await tree.terrace(["run-all", "plan"]);

    expect(result.exitCode).toBe(0);
    const depOf = (unit: string) => JSON.parse(tree.call(unit, "plan").tfVars.TF_VAR_dep ?? "null") as unknown;
    expect(depOf("plain"), "without mocks").toEqual(REAL);
    expect(depOf("no-merge"), "no_merge").toEqual(REAL);
    expect(depOf("allowed"), "no strategy").toEqual(REAL);
    expect(depOf("shallow"), "shallow").toEqual({ id: "real", extra: "mocked", tags: { a: "1" } });
    expect(depOf("deep"), "deep_map_only").toEqual({ id: "real", extra: "mocked", tags: { a: "1", b: "2" } });
    expect(depOf("skip"), "skip_outputs").toEqual({ id: "mock" });
    expect(tree.calls("output").map((call) => call.unit)).toEqual(["dep"]);
  });

  it("stand in for a dependency without outputs when allowed for the command", async () => {
    const tree = FakeTree.copy("test/fixtures/run/mocks");

    await tree.terrace(["run-all", "plan", "--exclude-dir", "plain"]);

    for (const unit of ["allowed", "no-merge", "shallow", "deep"]) {
      expect(JSON.parse(tree.call(unit, "plan").tfVars.TF_VAR_dep ?? "null"), unit).toEqual(MOCKS);
    }
    expect(tree.calls("output").map((call) => call.unit)).toEqual(["dep"]);
  });

  it("are not used for a command outside mock_outputs_allowed_terraform_commands", async () => {
    const tree = FakeTree.copy("test/fixtures/run/mocks");

    const result = await tree.terrace(["run-all", "apply", "--non-interactive", "--include-dir", "allowed"]);

    expect(result.exitCode).toBe(1);
    expect(tree.calls("apply").map((call) => call.unit)).toEqual(["dep"]);
    expect(summaryOf(result.stderr)).toContain(
      `  failed      allowed     #.#s  allowed/terragrunt.hcl:1: dependency "dep" (../dep) has no outputs;`
        + ` apply ../dep first, or add mock_outputs allowed for "apply"`,
    );
  });

  it("are required when the dependency has no outputs: the error says to apply it first or add mocks", async () => {
    const tree = FakeTree.copy("test/fixtures/run/mocks");

    const result = await tree.terrace(["run-all", "plan", "--include-dir", "plain"]);

    expect(result.exitCode).toBe(1);
    expect(tree.calls("plan").map((call) => call.unit)).toEqual(["dep"]);
    expect(summaryOf(result.stderr)).toContain(
      `  failed      plain       #.#s  plain/terragrunt.hcl:1: dependency "dep" (../dep) has no outputs;`
        + ` apply ../dep first, or add mock_outputs allowed for "plan"`,
    );
  });

  it("are used without fetching anything under skip_outputs", async () => {
    const tree = FakeTree.copy("test/fixtures/run/mocks").behave("dep", { output: { json: REAL } });

    await tree.terrace(["run-all", "plan", "--include-dir", "skip"]);

    expect(tree.calls("output")).toEqual([]);
  });
});
