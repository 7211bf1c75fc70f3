/** Which units run-all runs, chosen by flags in terrace's and terragrunt's spellings. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { FakeTree } from "../helpers/fake-terraform.js";
import { terraceMain } from "../helpers/terrace.js";

/** The units whose plan ran, sorted. */
function planned(tree: FakeTree): string[] {
  return tree.calls("plan").map((call) => call.unit).sort();
}

describe.concurrent("run-all filters", () => {
  it.each([
    { flags: [], runs: ["app", "db", "tools", "vpc"] },
    { flags: ["--include-dir", "app"], runs: ["app", "db", "vpc"] },
    { flags: ["--include-dir", "app", "--strict-include"], runs: ["app"] },
    { flags: ["--terragrunt-include-dir", "app", "--terragrunt-strict-include"], runs: ["app"] },
    { flags: ["--exclude-dir", "db", "--exclude-dir", "t*"], runs: ["app", "vpc"] },
    { flags: ["--terragrunt-exclude-dir", "db"], runs: ["app", "tools", "vpc"] },
  ])("with $flags runs $runs", async ({ flags, runs }) => {
    const tree = FakeTree.copy("test/fixtures/graph/layers");

    const result = await tree.terrace(["run-all", "plan", ...flags]);

    expect(result.exitCode).toBe(0);
    expect(planned(tree)).toEqual(runs);
  });

  it("never looks into .git, .terraform, .terragrunt-cache or node_modules", async () => {
    const tree = FakeTree.copy("test/fixtures/graph/layers");
    for (const dir of [".git/x", "app/.terraform/modules/m", "db/.terragrunt-cache/abc", "node_modules/pkg"]) {
      mkdirSync(join(tree.root, dir), { recursive: true });
      writeFileSync(join(tree.root, dir, "terragrunt.hcl"), "inputs = {}\n");
    }

    await tree.terrace(["run-all", "plan"]);

    expect(planned(tree)).toEqual(["app", "db", "tools", "vpc"]);
  });

  it.each([
    { flags: [], runs: ["live/app"] },
    { flags: ["--terragrunt-include-external-dependencies"], runs: ["live/app", "shared/vpc"] },
  ])("runs a dependency outside the working dir only when told to: $flags", async ({ flags, runs }) => {
    const tree = FakeTree.copy("test/fixtures/graph/external");

    const result = await terraceMain(
      ["run-all", "plan", "--terragrunt-working-dir", join(tree.root, "live"), ...flags],
      tree.env(),
    );

    expect(result.exitCode).toBe(0);
    expect(planned(tree)).toEqual(runs);
  });
});
