/**
 * Compatibility with public configurations no one here wrote: every unit of
 * terragrunt-infrastructure-live-example resolves, and the qa mysql unit resolves to what
 * terragrunt gives. The corpus sits in ../shared beside the repository where it exists.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";

import fg from "fast-glob";
import { describe, expect, it } from "vitest";

import { ConfigResolver } from "../../src/config/index.js";
import { repoRoot } from "../helpers/tree.js";

const corpus = join(repoRoot, "..", "shared", "corpus", "terragrunt-infrastructure-live-example");
const present = existsSync(corpus);

describe.runIf(present)("terragrunt-infrastructure-live-example", () => {
  it("resolves every unit", async () => {
    const units = fg.sync("**/terragrunt.hcl", { cwd: corpus }).map((file) => join(corpus, file, ".."));
    expect(units.length).toBeGreaterThanOrEqual(6);
    const resolver = new ConfigResolver({ env: {} });
    for (const unit of units) {
      const config = await resolver.resolve(unit);
      expect(config.config.remote_state, unit).toBeDefined();
    }
  });

  it("resolves the qa mysql unit as terragrunt does", async () => {
    const unit = await new ConfigResolver({ env: {} }).resolve(join(corpus, "non-prod/us-east-1/qa/mysql"));
    const config = unit.config as {
      inputs: Record<string, unknown>;
      remote_state: { config: Record<string, unknown> };
      terraform: { source: string };
    };
    expect(config.inputs.name).toBe("mysql_qa");
    expect(config.inputs.aws_region).toBe("us-east-1");
    expect(config.remote_state.config.bucket).toBe("terragrunt-example-tf-state-non-prod-us-east-1");
    expect(config.remote_state.config.key).toBe("non-prod/us-east-1/qa/mysql/tf.tfstate");
    expect(config.terraform.source).toBe(
      "git::git@github.com:gruntwork-io/terragrunt-infrastructure-modules-example.git//modules/mysql?ref=v0.8.0",
    );
  });
});

describe.runIf(!present)("terragrunt-infrastructure-live-example (absent)", () => {
  it(`is skipped: the corpus is not at ${corpus}`, () => {
    expect(present).toBe(false);
  });
});
