/**
 * When terraform needs `init` again: `needsInit` stays true until `markInitialised` records a
 * successful init, then turns true again when the working copy, the generated files or the
 * backend settings change, or when `.terraform` goes away.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { markInitialised } from "../../../src/runner/workdir/index.js";
import { writeTree } from "../../helpers/tree.js";
import { prepareUnit } from "./prepare-unit.js";

function config(bucket: string, more = ""): string {
  return 'terraform {\n  source = "../modules//app"\n}\n'
    + `remote_state {\n  backend = "s3"\n  config = {\n    bucket = "${bucket}"\n    key = "app"\n  }\n}\n${more}`;
}

describe.concurrent("needsInit", () => {
  it("is true for a new working copy and stays true until an init is recorded", async () => {
    const root = writeTree({ "modules/app/main.tf": "", "unit/terragrunt.hcl": config("a") });

    const first = await prepareUnit(root, "unit");
    const second = await prepareUnit(root, "unit");
    markInitialised(second);
    const third = await prepareUnit(root, "unit");

    expect([first.needsInit, second.needsInit, third.needsInit]).toEqual([true, true, false]);
    expect([first.refreshed, second.refreshed, third.refreshed]).toEqual([true, false, false]);
  });

  it("turns true when the backend settings change", async () => {
    const root = writeTree({ "modules/app/main.tf": "", "unit/terragrunt.hcl": config("a") });
    markInitialised(await prepareUnit(root, "unit"));

    writeFileSync(join(root, "unit/terragrunt.hcl"), config("b"));
    const changed = await prepareUnit(root, "unit");

    expect(changed).toMatchObject({ needsInit: true, refreshed: false });
    expect(changed.backendArgs).toContain("-backend-config=bucket=b");
  });

  it("turns true when the source changes", async () => {
    const root = writeTree({ "modules/app/main.tf": "", "unit/terragrunt.hcl": config("a") });
    markInitialised(await prepareUnit(root, "unit"));

    writeFileSync(join(root, "modules/app/main.tf"), 'module "x" {\n  source = "./x"\n}\n');

    expect(await prepareUnit(root, "unit")).toMatchObject({ needsInit: true, refreshed: true });
  });

  it("turns true when a generated file changes", async () => {
    const generate = (version: string) => `generate "versions" {\n  path = "versions.tf"\n  if_exists = "overwrite"\n`
      + `  contents = "terraform {\\n  required_version = \\">= ${version}\\"\\n}\\n"\n}\n`;
    const root = writeTree({ "unit/terragrunt.hcl": generate("1.5"), "unit/main.tf": "" });
    markInitialised(await prepareUnit(root, "unit"));
    const same = await prepareUnit(root, "unit");

    writeFileSync(join(root, "unit/terragrunt.hcl"), generate("1.6"));
    const changed = await prepareUnit(root, "unit");

    expect([same.needsInit, changed.needsInit]).toEqual([false, true]);
  });

  it("turns true when .terraform is removed", async () => {
    const root = writeTree({ "modules/app/main.tf": "", "unit/terragrunt.hcl": config("a") });
    const prepared = await prepareUnit(root, "unit");
    markInitialised(prepared);

    rmSync(join(prepared.dir, ".terraform"), { recursive: true });

    expect((await prepareUnit(root, "unit")).needsInit).toBe(true);
  });

  it("stays false in a unit's own directory while nothing terrace writes or passes changes", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": "inputs = {\n  a = 1\n}\n", "unit/main.tf": "" });
    markInitialised(await prepareUnit(root, "unit"));

    writeFileSync(join(root, "unit/terragrunt.hcl"), "inputs = {\n  a = 2\n}\n");
    writeFileSync(join(root, "unit/main.tf"), "# edited\n");

    expect((await prepareUnit(root, "unit")).needsInit).toBe(false);
  });
});
