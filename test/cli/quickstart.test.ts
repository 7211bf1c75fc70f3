/**
 * End to end with the real terraform on fixtures/quickstart (network <- db <- app, built-in
 * terraform_data resources, no provider downloads): apply, outputs passed from unit to unit,
 * destroy, and a failure in the middle of the graph.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { requireTool } from "../helpers/integration.js";
import { summaryOf, terraceProcess } from "../helpers/terrace.js";
import { copyFixture, repoRoot } from "../helpers/tree.js";

const WHY = "the quickstart end-to-end tests apply real units";

interface State {
  resources: { type: string; name: string; instances: { attributes: Record<string, unknown> }[] }[];
}

/** The `input` of a terraform_data resource in a unit's local state. */
function stateInput(root: string, unit: string, name: string): unknown {
  const state = JSON.parse(readFileSync(join(root, unit, "terraform.tfstate"), "utf8")) as State;
  const resource = state.resources.find((candidate) => candidate.name === name);
  return (resource?.instances[0]?.attributes.input as { value?: unknown } | undefined)?.value;
}

/** Resources left in a unit's local state. */
function resourceCount(root: string, unit: string): number {
  return (JSON.parse(readFileSync(join(root, unit, "terraform.tfstate"), "utf8")) as State).resources.length;
}

/** A unit's outputs as `terraform output -json` gives them, values only. */
function outputsOf(root: string, unit: string): Record<string, unknown> {
  const text = execFileSync("terraform", ["output", "-json"], {
    cwd: join(root, unit), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"],
  });
  const outputs = JSON.parse(text) as Record<string, { value: unknown }>;
  return Object.fromEntries(Object.entries(outputs).map(([name, output]) => [name, output.value]));
}

/** Where in `text` a unit's line containing `needle` first appears. */
function lineIndex(text: string, unit: string, needle: string): number {
  const line = text.split("\n")
    .findIndex((candidate) => candidate.startsWith(`[${unit}]`) && candidate.includes(needle));
  if (line < 0) throw new Error(`no line of ${unit} with ${needle}`);
  return line;
}

describe.concurrent("the quickstart with the real terraform", () => {
  it("applies dependencies first, passes outputs to dependents, then destroys dependents first", async (context) => {
    requireTool(context, "terraform", WHY);
    const root = copyFixture("fixtures/quickstart");

    const applied = await terraceProcess(["run-all", "apply", "--non-interactive"], { cwd: root });

    expect(applied.exitCode, applied.stderr).toBe(0);
    const networkId = outputsOf(root, "network").network_id;
    expect(networkId).toMatch(/^net-[0-9a-f]{40}$/);
    expect(stateInput(root, "db", "db")).toBe(`postgres@${networkId}`);
    expect(stateInput(root, "app", "app")).toBe(`quickstart app on ${networkId} using postgres.quickstart.internal`);
    expect(outputsOf(root, "app")).toEqual({ url: "https://app.quickstart.example" });
    expect(applied.stdout).toContain(`app deployed in ${networkId} with postgres.quickstart.internal`);
    expect(summaryOf(applied.stderr)[0]).toBe("Run summary: 3 units in #.#s (3 succeeded)");

    const destroyed = await terraceProcess(["destroy-all", "--non-interactive"], { cwd: root });

    expect(destroyed.exitCode, destroyed.stderr).toBe(0);
    const done = (unit: string) => lineIndex(destroyed.stdout, unit, "Destroy complete!");
    expect(done("app")).toBeLessThan(done("db"));
    expect(done("db")).toBeLessThan(done("network"));
    expect(["network", "db", "app"].map((unit) => resourceCount(root, unit))).toEqual([0, 0, 0]);
  });

  it("makes the dependents of a unit whose terraform fails exit early", async (context) => {
    requireTool(context, "terraform", WHY);
    const root = copyFixture("fixtures/quickstart");
    cpSync(join(repoRoot, "test/fixtures/e2e/db-fails"), root, { recursive: true });

    const result = await terraceProcess(["run-all", "apply", "--non-interactive"], { cwd: root });

    expect(result.exitCode).toBe(1);
    expect(summaryOf(result.stderr)).toEqual([
      "Run summary: 3 units in #.#s (1 failed, 1 early exit, 1 succeeded)",
      "  failed      db         #.#s  Error: local-exec provisioner error",
      "  early exit  app              dependency db did not succeed",
      "  succeeded   network    #.#s",
    ]);
    expect(resourceCount(root, "network")).toBe(1);
    expect(existsSync(join(root, "app", "terraform.tfstate"))).toBe(false);
  });
});
