import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { ConfigResolver } from "../../../src/config/index.js";
import { copyFixture } from "../../helpers/tree.js";

async function resolveFixture(tree: string, unit: string) {
  const root = copyFixture(`test/fixtures/config/${tree}`);
  const config = await new ConfigResolver().resolve(join(root, unit));
  return { root, config: config.config, unit: config };
}

describe("include merge strategies", () => {
  it("shallow merge lets the unit's inputs win key by key and keeps the root's other keys", async () => {
    const { config } = await resolveFixture("merge", "shallow");
    expect(config.inputs).toEqual({
      region: "eu-west-1",
      tags: { tier: "app" },
      zones: ["b"],
      name: "app",
    });
  });

  it("shallow merge replaces hooks of the same name in place and appends new ones", async () => {
    const { config } = await resolveFixture("merge", "shallow");
    const terraform = config.terraform as Record<string, Record<string, { execute: string[] }>>;
    expect(Object.keys(terraform.before_hook ?? {})).toEqual(["first", "second", "third"]);
    expect(terraform.before_hook?.first?.execute).toEqual(["echo", "child-first"]);
    expect((config.terraform as { source: string }).source)
      .toBe("git::https://example.com/modules.git//vpc?ref=v1.0.0");
  });

  it("shallow merge replaces a dependency block whole and concatenates dependencies paths", async () => {
    const { config } = await resolveFixture("merge", "shallow");
    expect(config.dependency).toEqual({
      vpc: { config_path: "../vpc", mock_outputs: { vpc_id: "vpc-child" } },
    });
    expect(config.dependencies).toEqual({ paths: ["../base", "../other"] });
  });

  it("deep merge merges maps recursively and concatenates lists", async () => {
    const { config } = await resolveFixture("merge", "deep");
    expect(config.inputs).toEqual({
      region: "eu-west-1",
      tags: { owner: "platform", tier: "app" },
      zones: ["a", "b"],
      name: "app",
    });
    expect(config.dependency).toEqual({
      vpc: {
        config_path: "../vpc",
        mock_outputs: { vpc_id: "vpc-child", subnets: ["s-root"] },
      },
    });
  });

  it("no_merge keeps only the unit's own configuration", async () => {
    const { config } = await resolveFixture("merge", "no_merge");
    expect(config.inputs).toEqual({ tags: { tier: "app" }, zones: ["b"], name: "app" });
    expect(config.iam_role).toBeUndefined();
    expect(config.remote_state).toBeUndefined();
  });

  it("evaluates the included file from the unit's point of view", async () => {
    const { config } = await resolveFixture("merge", "shallow");
    expect(config.generate).toEqual({
      provider: {
        path: "provider.tf",
        if_exists: "overwrite_terragrunt",
        contents: "# provider for shallow",
      },
    });
  });

  it("gives the last include precedence over earlier ones and the unit over all", async () => {
    const { config, unit } = await resolveFixture("multiple", "unit");
    expect(config.inputs).toEqual({ a: "first", b: "second", c: "unit" });
    expect(config.iam_role_duration).toBe(7200);
    expect(config.iam_assume_role_duration).toBeUndefined();
    expect(unit.role.iam_role_duration?.origin?.line).toBe(1);
    expect(unit.role.iam_role_duration?.origin?.file).toMatch(/second\.hcl$/);
  });

  it("exposes an include's locals and inputs to the unit", async () => {
    const { config } = await resolveFixture("expose", "unit");
    expect(config.inputs).toEqual({
      from_root: "acme-prod",
      name: "acme-prod-unit",
      root_sees: "acme-prod",
      relative: "unit",
    });
  });
});
