import { describe, expect, it } from "vitest";

import { FakeTree, maxConcurrent } from "../helpers/fake-terraform.js";

/** Three independent units, never initialised, whose inits and applies take a while. */
function slowTree(): FakeTree {
  const tree = FakeTree.write({
    "a/terragrunt.hcl": "",
    "b/terragrunt.hcl": "",
    "c/terragrunt.hcl": "",
  }, { initialised: false });
  for (const unit of ["a", "b", "c"]) tree.behave(unit, { init: { sleep: 0.3 }, apply: { sleep: 1 } });
  return tree;
}

describe("inits and a shared plugin cache", () => {
  it("runs inits one at a time when TF_PLUGIN_CACHE_DIR is set, and applies in parallel", async () => {
    const tree = slowTree();

    const result = await tree.terrace(["run-all", "apply", "--non-interactive"], { TF_PLUGIN_CACHE_DIR: tree.root });

    expect(result.exitCode).toBe(0);
    expect(tree.calls("init")).toHaveLength(3);
    expect(maxConcurrent(tree.calls("init"))).toBe(1);
    expect(maxConcurrent(tree.calls("apply"))).toBeGreaterThan(1);
  });

  it("runs inits in parallel without a shared plugin cache", async () => {
    const tree = slowTree();

    const result = await tree.terrace(["run-all", "apply", "--non-interactive"], { TF_PLUGIN_CACHE_DIR: "" });

    expect(result.exitCode).toBe(0);
    expect(maxConcurrent(tree.calls("init"))).toBeGreaterThan(1);
  });
});
