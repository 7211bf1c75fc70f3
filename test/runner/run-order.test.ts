import { describe, expect, it } from "vitest";

import { FakeTree, maxConcurrent, type FakeCall } from "../helpers/fake-terraform.js";

const SLOW = { sleep: 0.2 };
/** Long enough for every fake started together to be running at once, even on a busy machine. */
const OVERLAP = { sleep: 0.5 };

/** The stack fixture (network <- db <- app, and an unrelated cache) with slow applies. */
function stack(command: string): FakeTree {
  const tree = FakeTree.copy("test/fixtures/run/stack");
  for (const unit of ["network", "db", "app", "cache"]) tree.behave(unit, { [command]: SLOW });
  return tree;
}

/** True when `first` ended before `second` started. */
function before(first: FakeCall, second: FakeCall): boolean {
  return first.ended <= second.started;
}

describe.concurrent("run-all order", () => {
  it("runs up commands dependencies first, and unrelated units alongside", async () => {
    const tree = stack("apply").behave("network", { apply: OVERLAP });

    const result = await tree.terrace(["run-all", "apply", "--non-interactive"]);

    expect(result.exitCode).toBe(0);
    const apply = (unit: string) => tree.call(unit, "apply");
    expect(before(apply("network"), apply("db"))).toBe(true);
    expect(before(apply("db"), apply("app"))).toBe(true);
    expect(apply("cache").started).toBeLessThan(apply("network").ended);
  });

  it("runs destroy dependents first", async () => {
    const tree = stack("destroy");

    const result = await tree.terrace(["run-all", "destroy", "--non-interactive"]);

    expect(result.exitCode).toBe(0);
    const destroy = (unit: string) => tree.call(unit, "destroy");
    expect(before(destroy("app"), destroy("db"))).toBe(true);
    expect(before(destroy("db"), destroy("network"))).toBe(true);
  });

  it("walks the graph backwards for plan -destroy too", async () => {
    const tree = stack("plan");

    await tree.terrace(["run-all", "plan", "-destroy"]);

    expect(tree.startOrder("plan").filter((unit) => unit !== "cache")).toEqual(["app", "db", "network"]);
  });

  it("passes -auto-approve and -input=false to apply and destroy, and the user's arguments in order", async () => {
    const tree = FakeTree.copy("test/fixtures/run/priority");
    const one = ["--include-dir", "a-alone"];

    await tree.terrace(["apply-all", "-lock=false", "--non-interactive", ...one]);
    await tree.terrace(["destroy-all", "--non-interactive", "-refresh=false", ...one]);
    await tree.terrace(["run-all", "plan", "-out", "tfplan", "--parallelism", "2", ...one]);
    await tree.terrace(["output-all", "-json", ...one]);

    expect(tree.calls().map((call) => call.argv.join(" "))).toEqual([
      "apply -lock=false -auto-approve -input=false",
      "destroy -refresh=false -auto-approve -input=false",
      "plan -out tfplan -input=false",
      "output -json",
    ]);
  });

  it("initialises a unit that has no .terraform yet, once, before its command", async () => {
    const tree = FakeTree.copy("test/fixtures/run/wide", { initialised: false });

    await tree.terrace(["run-all", "validate"]);
    await tree.terrace(["validate-all"]);

    const u1 = tree.calls().filter((call) => call.unit === "u1").map((call) => call.argv.join(" "));
    expect(u1).toEqual(["init -input=false", "validate", "validate"]);
  });

  it("starts the unit heading the longest remaining path first, then breaks ties alphabetically", async () => {
    const tree = FakeTree.copy("test/fixtures/run/priority");

    await tree.terrace(["run-all", "plan", "--parallelism", "1"]);

    expect(tree.startOrder("plan")).toEqual(["z-base", "z-middle", "a-alone", "z-top"]);
  });
});

// Not concurrent with other tests: counting overlaps needs the fakes to start promptly.
describe("run-all parallelism", () => {
  it("runs every ready unit at once by default", async () => {
    const tree = FakeTree.copy("test/fixtures/run/wide");
    for (const unit of ["u1", "u2", "u3", "u4", "u5"]) tree.behave(unit, { plan: OVERLAP });

    await tree.terrace(["run-all", "plan"]);

    expect(maxConcurrent(tree.calls("plan"))).toBe(5);
  });

  it("runs at most --parallelism units at once", async () => {
    const tree = FakeTree.copy("test/fixtures/run/wide");
    for (const unit of ["u1", "u2", "u3", "u4", "u5"]) tree.behave(unit, { plan: OVERLAP });

    const result = await tree.terrace(["run-all", "plan", "--parallelism", "2"]);

    expect(result.exitCode).toBe(0);
    expect(tree.calls("plan")).toHaveLength(5);
    expect(maxConcurrent(tree.calls())).toBe(2);
  });
});
