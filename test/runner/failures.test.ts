import { describe, expect, it } from "vitest";

import { FakeTree } from "../helpers/fake-terraform.js";
import { summaryOf } from "../helpers/terrace.js";

/** The stack fixture (network <- db <- app, and an unrelated cache) where db's apply fails. */
function stackWithFailingDb(): FakeTree {
  return FakeTree.copy("test/fixtures/run/stack")
    .behave("db", { apply: { exit: 1, stderr: ["│ Error: db exploded", "│ more detail"] } });
}

describe.concurrent("a failed unit", () => {
  it("makes its dependents exit early, naming the reason, while unrelated units go on", async () => {
    const tree = stackWithFailingDb();

    const result = await tree.terrace(["run-all", "apply", "--non-interactive"]);

    expect(result.exitCode).toBe(1);
    expect(tree.calls("apply").map((call) => call.unit).sort()).toEqual(["cache", "db", "network"]);
    expect(summaryOf(result.stderr)).toEqual([
      "Run summary: 4 units in #.#s (1 failed, 1 early exit, 2 succeeded)",
      "  failed      db         #.#s  Error: db exploded",
      "  early exit  app              dependency db did not succeed",
      "  succeeded   cache      #.#s",
      "  succeeded   network    #.#s",
    ]);
  });

  it("lets dependents run anyway under --ignore-dependency-errors, and still exits non-zero", async () => {
    const tree = stackWithFailingDb();

    const result = await tree.terrace(["run-all", "apply", "--non-interactive", "--ignore-dependency-errors"]);

    expect(result.exitCode).toBe(1);
    expect(tree.calls("apply").map((call) => call.unit).sort()).toEqual(["app", "cache", "db", "network"]);
    expect(tree.call("app", "apply").started).toBeGreaterThanOrEqual(tree.call("db", "apply").ended);
  });

  it("in a destroy makes the units it depends on exit early", async () => {
    const tree = FakeTree.copy("test/fixtures/run/stack").behave("app", { destroy: { exit: 1 } });

    const result = await tree.terrace(["run-all", "destroy", "--non-interactive"]);

    expect(result.exitCode).toBe(1);
    expect(tree.calls("destroy").map((call) => call.unit).sort()).toEqual(["app", "cache"]);
    expect(summaryOf(result.stderr).slice(1, 4)).toEqual([
      "  failed      app        #.#s  terraform exited with code 1",
      "  early exit  db               dependent app did not succeed",
      "  early exit  network          dependent app did not succeed",
    ]);
  });

  it("is reported with the first error line terraform printed, colours removed", async () => {
    const tree = FakeTree.copy("test/fixtures/run/wide").behave("u1", {
      plan: {
        exit: 1,
        stderr: [
          "\u001b[31m╷\u001b[0m\u001b[0m",
          "\u001b[31m│\u001b[0m \u001b[0m\u001b[1m\u001b[31mError: \u001b[0m\u001b[0m\u001b[1mInvalid reference\u001b[0m",
        ],
      },
    });

    const result = await tree.terrace(["run-all", "plan"]);

    expect(summaryOf(result.stderr)[1]).toBe("  failed      u1    #.#s  Error: Invalid reference");
  });
});

describe.concurrent("the exit code", () => {
  it("is 0 when every unit succeeded", async () => {
    const tree = FakeTree.copy("test/fixtures/run/stack");

    expect((await tree.terrace(["run-all", "plan"])).exitCode).toBe(0);
  });

  it.each([
    { name: "0 when no unit has changes", plans: { u1: 0, u2: 0, u3: 0 }, exitCode: 0 },
    { name: "2 when any unit has changes", plans: { u1: 0, u2: 2, u3: 0 }, exitCode: 2 },
    { name: "1 when any unit failed, even if others have changes", plans: { u1: 2, u2: 1, u3: 2 }, exitCode: 1 },
  ])("with -detailed-exitcode is $name", async ({ plans, exitCode }) => {
    const tree = FakeTree.copy("test/fixtures/run/wide");
    for (const [unit, exit] of Object.entries(plans)) tree.behave(unit, { plan: { exit } });

    const result = await tree.terrace(["run-all", "plan", "-detailed-exitcode"]);

    expect(result.exitCode).toBe(exitCode);
  });

  it("is the exit code of the terrace process", async () => {
    const tree = FakeTree.copy("test/fixtures/run/wide").behave("u3", { plan: { exit: 2 } });

    const result = await tree.spawn(["plan-all", "-detailed-exitcode"]).result;

    expect(result.exitCode).toBe(2);
  });

  it("counts a plan with changes as a failure without -detailed-exitcode", async () => {
    const tree = FakeTree.copy("test/fixtures/run/wide").behave("u1", { plan: { exit: 2 } });

    expect((await tree.terrace(["run-all", "plan"])).exitCode).toBe(1);
  });
});
