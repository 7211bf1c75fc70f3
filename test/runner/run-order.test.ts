import { describe, expect, it } from "vitest";

import { FakeTree, maxConcurrent, type FakeCall } from "../helpers/fake-terraform.js";

const SLOW = { sleep: 0.2 };

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

describe("run-all order", () => {
  it("runs up commands dependencies first, and unrelated units alongside", async () => {
    const tree = stack("apply");

    const result = await tree.terrace(["run-all", "apply", "--non-interactive"]);

    expect(result.exitCode).toBe(0);
    const [network, db, app, cache] = ["network", "db", "app", "cache"].map((unit) => tree.call(unit, "apply"));
    expect(before(network!, db!)).toBe(true);
    expect(before(db!, app!)).toBe(true);
    expect(cache!.started).toBeLessThan(network!.ended);
  });

  it("runs destroy dependents first", async () => {
    const tree = stack("destroy");

    const result = await tree.terrace(["run-all", "destroy", "--non-interactive"]);

    expect(result.exitCode).toBe(0);
    const [network, db, app] = ["network", "db", "app"].map((unit) => tree.call(unit, "destroy"));
    expect(before(app!, db!)).toBe(true);
    expect(before(db!, network!)).toBe(true);
  });

  it("walks the graph backwards for plan -destroy too", async () => {
    const tree = stack("plan");

    await tree.terrace(["run-all", "plan", "-destroy"]);

    expect(tree.startOrder("plan").filter((unit) => unit !== "cache")).toEqual(["app", "db", "network"]);
  });

  it("passes -auto-approve and -input=false to apply and destroy, and the user's arguments in order", async () => {
    const tree = FakeTree.copy("test/fixtures/run/wide");

    await tree.terrace(["apply-all", "-lock=false", "--non-interactive"]);
    await tree.terrace(["destroy-all", "--non-interactive", "-refresh=false"]);
    await tree.terrace(["run-all", "plan", "-out", "tfplan", "--parallelism", "2"]);
    await tree.terrace(["output-all", "-json"]);

    const argvOf = (command: string) => [...new Set(tree.calls(command).map((call) => call.argv.join(" ")))];
    expect(argvOf("apply")).toEqual(["apply -lock=false -auto-approve -input=false"]);
    expect(argvOf("destroy")).toEqual(["destroy -refresh=false -auto-approve -input=false"]);
    expect(argvOf("plan")).toEqual(["plan -out tfplan -input=false"]);
    expect(argvOf("output")).toEqual(["output -json"]);
  });

  it("initialises a unit that has no .terraform yet, once, before its command", async () => {
    const tree = FakeTree.copy("test/fixtures/run/wide", { initialised: false });

    await tree.terrace(["run-all", "validate"]);
    await tree.terrace(["validate-all"]);

    const u1 = tree.calls().filter((call) => call.unit === "u1").map((call) => call.argv.join(" "));
    expect(u1).toEqual(["init -input=false", "validate", "validate"]);
  });

  it("runs every ready unit at once by default", async () => {
    const tree = FakeTree.copy("test/fixtures/run/wide");
    for (const unit of ["u1", "u2", "u3", "u4", "u5"]) tree.behave(unit, { plan: SLOW });

    await tree.terrace(["run-all", "plan"]);

    expect(maxConcurrent(tree.calls("plan"))).toBe(5);
  });

  it("runs at most --parallelism units at once", async () => {
    const tree = FakeTree.copy("test/fixtures/run/wide");
    for (const unit of ["u1", "u2", "u3", "u4", "u5"]) tree.behave(unit, { plan: SLOW });

    const result = await tree.terrace(["run-all", "plan", "--parallelism", "2"]);

    expect(result.exitCode).toBe(0);
    expect(tree.calls("plan")).toHaveLength(5);
    expect(maxConcurrent(tree.calls())).toBe(2);
  });

  it("starts the unit heading the longest remaining path first, then breaks ties alphabetically", async () => {
    const tree = FakeTree.copy("test/fixtures/run/priority");

    await tree.terrace(["run-all", "plan", "--parallelism", "1"]);

    expect(tree.startOrder("plan")).toEqual(["z-base", "z-middle", "a-alone", "z-top"]);
  });
});
