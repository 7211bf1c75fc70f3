/** The question before run-all apply and destroy, answered on the stdin of a real terrace. */
import { describe, expect, it } from "vitest";

import { FakeTree } from "../helpers/fake-terraform.js";

const APPLY_QUESTION = [
  "The following units will run, dependencies first:",
  "  - network",
  "  - db",
  "  - app",
  "  - cache",
  "Run 'terraform apply' in each of these 4 units? (y/n) ",
].join("\n");

describe.concurrent("confirmation", () => {
  it("lists the units in order and applies them after y", async () => {
    const tree = FakeTree.copy("test/fixtures/run/stack");

    const result = await tree.spawn(["run-all", "apply"], { input: "y\n" }).result;

    expect(result.exitCode).toBe(0);
    expect(result.stderr.startsWith(APPLY_QUESTION)).toBe(true);
    const applies = tree.calls("apply").map((call) => call.argv.join(" "));
    expect(applies).toEqual(Array(4).fill("apply -auto-approve -input=false"));
  });

  it.each([["n\n"], [""]])("runs nothing after %j", async (input) => {
    const tree = FakeTree.copy("test/fixtures/run/stack");

    const result = await tree.spawn(["apply-all"], { input }).result;

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(`${APPLY_QUESTION}terrace: nothing was run\n`);
    expect(tree.calls()).toEqual([]);
  });

  it("lists dependents first before destroy", async () => {
    const tree = FakeTree.copy("test/fixtures/run/stack");

    const result = await tree.spawn(["run-all", "destroy"], { input: "yes\n" }).result;

    expect(result.stderr).toMatch(new RegExp(`^${[
      "The following units will run, dependents first:",
      "  - cache",
      "  - app",
      "  - db",
      "  - network",
      "Run 'terraform destroy' in each of these 4 units\\? \\(y/n\\) ",
    ].join("\n")}`));
    expect(tree.calls("destroy")).toHaveLength(4);
  });

  it("is not asked with --non-interactive, nor for commands that change nothing", async () => {
    const tree = FakeTree.copy("test/fixtures/run/stack");

    const applied = await tree.terrace(["run-all", "apply", "--terragrunt-non-interactive"]);
    const planned = await tree.terrace(["run-all", "plan"]);

    expect(applied.stderr).not.toContain("(y/n)");
    expect(planned.stderr).not.toContain("(y/n)");
    expect(tree.calls("apply")).toHaveLength(4);
    expect(tree.calls("plan")).toHaveLength(4);
  });
});
