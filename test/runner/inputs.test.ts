import { describe, expect, it } from "vitest";

import { unitEnvironment } from "../../src/runner/unit-env.js";
import { FakeTree } from "../helpers/fake-terraform.js";

describe.concurrent("inputs", () => {
  it("reach terraform as TF_VAR_ variables: strings raw, other values as JSON", async () => {
    const tree = FakeTree.copy("test/fixtures/run/inputs");

    await tree.terrace(["run-all", "plan"]);

    expect(tree.call("typed", "plan").tfVars).toEqual({
      TF_VAR_name: "web",
      TF_VAR_quoted: 'say "hi"',
      TF_VAR_size: "3",
      TF_VAR_ratio: "1.5",
      TF_VAR_enabled: "true",
      TF_VAR_zones: '["a","b"]',
      TF_VAR_tags: '{"team":"core"}',
    });
  });

  it("give each unit its own environment", async () => {
    const tree = FakeTree.copy("test/fixtures/run/inputs");

    await tree.terrace(["run-all", "plan"]);

    expect(tree.call("other", "plan").tfVars).toEqual({ TF_VAR_name: "other", TF_VAR_only_other: "x" });
  });

  it("lose to a TF_VAR_ variable the user already set", async () => {
    const tree = FakeTree.copy("test/fixtures/run/inputs");

    await tree.terrace(["run-all", "plan"], { TF_VAR_name: "from-user" });

    expect(tree.call("typed", "plan").tfVars.TF_VAR_name).toBe("from-user");
    expect(tree.call("typed", "plan").tfVars.TF_VAR_size).toBe("3");
    expect(tree.call("other", "plan").tfVars).toEqual({ TF_VAR_name: "from-user", TF_VAR_only_other: "x" });
  });

  it("are added to a copy of the environment, never to terrace's own", () => {
    const base = { PATH: "/bin", TF_VAR_kept: "user" };

    const env = unitEnvironment(base, { kept: "input", added: 1 }, { TF_IN_AUTOMATION: "1" });

    expect(env).toEqual({ PATH: "/bin", TF_VAR_kept: "user", TF_VAR_added: "1", TF_IN_AUTOMATION: "1" });
    expect(base).toEqual({ PATH: "/bin", TF_VAR_kept: "user" });
  });
});
