/**
 * Units whose source is a directory on disk: how the working copy is laid out, which files it
 * takes from the source and from the unit, and when it is rebuilt or reused.
 */
import {
  existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

import { listFiles } from "../../../src/config/functions/builtins/glob.js";
import { writeTree } from "../../helpers/tree.js";
import { failureOf, prepareUnit } from "./prepare-unit.js";

const MODULES = {
  "modules/app/main.tf": 'module "naming" {\n  source = "../naming"\n}\n',
  "modules/app/.terraform.lock.hcl": "# lock\n",
  "modules/app/.editorconfig": "root = true\n",
  "modules/app/.config/settings.json": "{}\n",
  "modules/app/docs/usage.md": "usage\n",
  "modules/app/terraform.tfstate": "{}\n",
  "modules/naming/main.tf": 'output "prefix" {\n  value = "app"\n}\n',
  "modules/.github/workflow.yml": "on: push\n",
};

/** A tree with the modules and one unit whose terragrunt.hcl is `config`, plus `unitFiles`. */
function tree(config: string, unitFiles: Record<string, string> = {}): string {
  const files: Record<string, string> = { ...MODULES, "live/unit/terragrunt.hcl": config };
  for (const [path, content] of Object.entries(unitFiles)) files[`live/unit/${path}`] = content;
  return writeTree(files);
}

function source(text: string, more = ""): string {
  return `terraform {\n  source = "${text}"\n${more}}\n`;
}

/** The files of a working copy whose run directory is `dir`, one level below its root. */
function copyFiles(dir: string): string[] {
  return listFiles(join(dir, "..")).sort();
}

describe.concurrent("a local source", () => {
  it("is copied whole, so that ../ paths of the module keep working, and terraform runs in its //subdir", async () => {
    const root = tree(source("../../modules//app"));

    const workdir = await prepareUnit(root, "live/unit");

    const cache = join(root, "live/unit/.terragrunt-cache");
    expect(relative(cache, workdir.dir)).toMatch(/^[0-9a-f]{20}\/app$/);
    expect(copyFiles(workdir.dir)).toEqual([
      ".terrace-source-version",
      "app/.terraform.lock.hcl",
      "app/docs/usage.md",
      "app/main.tf",
      "naming/main.tf",
    ]);
    expect(workdir).toMatchObject({ needsInit: true, refreshed: true, source: "../../modules//app", backendArgs: [] });
  });

  it("may be absolute or a file:// URL, and ignores a ?ref=", async () => {
    const root = tree("");
    const modules = join(root, "modules");
    const forms = [`${modules}//app`, `file://${modules}//app`, `../../modules//app?ref=v1.0.0`];

    for (const form of forms) {
      writeFileSync(join(root, "live/unit/terragrunt.hcl"), source(form));
      const workdir = await prepareUnit(root, "live/unit");
      expect(readFileSync(join(workdir.dir, "main.tf"), "utf8")).toBe(MODULES["modules/app/main.tf"]);
    }
  });

  it("without a //subdir runs terraform in its root", async () => {
    const root = tree(source("../../modules/naming"));

    const workdir = await prepareUnit(root, "live/unit");

    expect(listFiles(workdir.dir).sort()).toEqual([".terrace-source-version", "main.tf"]);
  });

  it("runs terraform in the //subdir it names even when that subdir's name is hidden", async () => {
    const root = tree(source("../../modules//.internal/app"));
    mkdirSync(join(root, "modules/.internal/app"), { recursive: true });
    writeFileSync(join(root, "modules/.internal/app/main.tf"), "# internal\n");

    const workdir = await prepareUnit(root, "live/unit");

    expect(listFiles(workdir.dir)).toEqual(["main.tf"]);
  });

  it("gets the unit's own files laid over it, except its config, hidden files and state files", async () => {
    const root = tree(source("../../modules//app"), {
      "inputs.auto.tfvars": 'name = "web"\n',
      "main.tf": "# the unit's main.tf wins\n",
      ".envrc": "export X=1\n",
      "scripts/check.sh": "#!/bin/sh\n",
      ".terragrunt-cache/old/main.tf": "# stale\n",
      ".terraform/terraform.tfstate": "{}\n",
      "terraform.tfstate": "{}\n",
      "state/app.tfstate": "{}\n",
    });

    const workdir = await prepareUnit(root, "live/unit");

    expect(listFiles(workdir.dir).sort()).toEqual([
      ".terraform.lock.hcl", "docs/usage.md", "inputs.auto.tfvars", "main.tf", "scripts/check.sh",
    ]);
    expect(readFileSync(join(workdir.dir, "main.tf"), "utf8")).toBe("# the unit's main.tf wins\n");
  });

  it("follows symbolic links, copying what they point at, but never around a loop", async () => {
    const root = tree(source("../../modules//app"), { "shared/common.tf": "# common\n" });
    symlinkSync("shared/common.tf", join(root, "live/unit/common.tf"));
    symlinkSync(".", join(root, "live/unit/loop"));

    const workdir = await prepareUnit(root, "live/unit");

    expect(lstatSync(join(workdir.dir, "common.tf")).isFile()).toBe(true);
    expect(readFileSync(join(workdir.dir, "common.tf"), "utf8")).toBe("# common\n");
    expect(listFiles(workdir.dir).sort()).toEqual([
      ".terraform.lock.hcl", "common.tf", "docs/usage.md", "main.tf", "shared/common.tf",
    ]);
  });

  it("leaves the lock file out when copy_terraform_lock_file = false", async () => {
    const root = tree(source("../../modules//app", "  copy_terraform_lock_file = false\n"));

    const workdir = await prepareUnit(root, "live/unit");

    expect(existsSync(join(workdir.dir, ".terraform.lock.hcl"))).toBe(false);
  });

  it("takes hidden files include_in_copy names, drops files exclude_from_copy names, exclude winning", async () => {
    const globs = '  include_in_copy = [".config", ".python-version", "**/.keep"]\n'
      + '  exclude_from_copy = ["docs", "**/.keep"]\n';
    const root = tree(source("../../modules//app", globs), { ".python-version": "3.12\n", "data/.keep": "" });

    const workdir = await prepareUnit(root, "live/unit");

    expect(listFiles(workdir.dir).sort()).toEqual([
      ".config/settings.json", ".python-version", ".terraform.lock.hcl", "main.tf",
    ]);
  });

  it("is reused while nothing changed, keeping what terraform put in it", async () => {
    const root = tree(source("../../modules//app"));
    const first = await prepareUnit(root, "live/unit");
    mkdirSync(join(first.dir, ".terraform"));
    writeFileSync(join(first.dir, ".terraform/marker"), "kept\n");

    const second = await prepareUnit(root, "live/unit");

    expect(second).toMatchObject({ dir: first.dir, refreshed: false });
    expect(readFileSync(join(second.dir, ".terraform/marker"), "utf8")).toBe("kept\n");
  });

  it("is rebuilt when a file of the source or of the unit changes, keeping terraform's state", async () => {
    const root = tree(source("../../modules//app"), { "extra.tf": "# one\n" });
    const first = await prepareUnit(root, "live/unit");
    writeFileSync(join(first.dir, "terraform.tfstate"), "{ state }\n");
    mkdirSync(join(first.dir, ".terraform"));

    writeFileSync(join(root, "modules/app/main.tf"), "# changed\n");
    rmSync(join(root, "modules/app/docs"), { recursive: true });
    const second = await prepareUnit(root, "live/unit");
    writeFileSync(join(root, "live/unit/extra.tf"), "# two\n");
    const third = await prepareUnit(root, "live/unit");

    expect([second.refreshed, third.refreshed]).toEqual([true, true]);
    expect(readFileSync(join(third.dir, "main.tf"), "utf8")).toBe("# changed\n");
    expect(readFileSync(join(third.dir, "extra.tf"), "utf8")).toBe("# two\n");
    expect(existsSync(join(third.dir, "docs"))).toBe(false);
    expect(readFileSync(join(third.dir, "terraform.tfstate"), "utf8")).toBe("{ state }\n");
    expect(existsSync(join(third.dir, ".terraform"))).toBe(true);
  });

  it("goes to download_dir, or to --download-dir over it", async () => {
    const root = tree(source("../../modules//app") + 'download_dir = "../cache"\n');

    const fromConfig = await prepareUnit(root, "live/unit");
    const fromFlag = await prepareUnit(root, "live/unit", { downloadDir: join(root, "flag-cache") });

    expect(fromConfig.dir.startsWith(join(root, "live/cache/"))).toBe(true);
    expect(fromFlag.dir.startsWith(join(root, "flag-cache/"))).toBe(true);
  });

  it("that does not exist fails at the line of terraform.source", async () => {
    const root = tree(`locals {\n  x = 1\n}\n${source("../../modulez//app")}`);

    const failure = await failureOf(root, prepareUnit(root, "live/unit"));

    expect(failure).toEqual({
      code: "FILE_NOT_FOUND",
      where: "live/unit/terragrunt.hcl:5",
      message: `terraform.source: "../../modulez//app" names no directory (${join(root, "modulez")})`,
      hint: `a relative source is taken from the unit's directory, ${join(root, "live/unit")}; check the path`,
    });
  });

  it("of a kind terrace cannot fetch fails at the line of terraform.source", async () => {
    const root = tree(source("tfr:///terraform-aws-modules/vpc/aws?version=5.0.0"));

    const failure = await failureOf(root, prepareUnit(root, "live/unit"));

    expect(failure).toEqual({
      code: "SCHEMA",
      where: "live/unit/terragrunt.hcl:2",
      message: 'terraform.source: "tfr:///terraform-aws-modules/vpc/aws?version=5.0.0" '
        + "is not a kind of source terrace can fetch",
      hint: "use a local path or a git URL (git::https://..., git::ssh://..., git@host:org/repo.git); "
        + "registry, S3, GCS and HTTP archive sources are not supported",
    });
  });
});

describe.concurrent("a unit without terraform.source", () => {
  it("runs terraform in its own directory", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": "inputs = {}\n", "unit/main.tf": "" });

    const workdir = await prepareUnit(root, "unit");

    expect(workdir).toEqual({
      dir: join(root, "unit"), needsInit: true, backendArgs: [], source: undefined, refreshed: false,
      initKey: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(existsSync(join(root, "unit/.terragrunt-cache"))).toBe(false);
  });
});
