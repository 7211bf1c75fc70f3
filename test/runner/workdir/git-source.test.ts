/**
 * Units whose source is a git repository, fetched with the real git from a bare repository on
 * disk: what lands in the working copy, where terraform runs, one clone per URL and ref for a
 * whole run, and the errors for a ref or a URL that cannot be fetched.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, type TestContext } from "vitest";

import { SourceCache } from "../../../src/runner/workdir/index.js";
import { requireTool } from "../../helpers/integration.js";
import { writeTree } from "../../helpers/tree.js";
import { bareRepository, loggingGit } from "./git-repository.js";
import { failureOf, prepareUnit } from "./prepare-unit.js";

const WHY = "git sources are fetched with the git command";

const MODULES = {
  "modules/app/main.tf": 'module "naming" {\n  source = "../naming"\n}\n',
  "modules/app/.hidden": "not copied\n",
  "modules/naming/main.tf": 'output "prefix" {\n  value = "app"\n}\n',
  "README.md": "modules\n",
};

/** A cache whose git calls are logged; disposed when the test ends. */
function loggedCache(context: TestContext) {
  requireTool(context, "git", WHY);
  const git = loggingGit();
  const sources = new SourceCache({ git: git.git, env: git.env });
  context.onTestFinished(() => sources.dispose());
  return { sources, clones: git.clones };
}

function unitConfig(source: string): string {
  return `terraform {\n  source = "${source}"\n}\n`;
}

describe.concurrent("a git source", () => {
  it("is cloned at its tag and copied whole, with terraform running in its //subdir", async (context) => {
    const { sources } = loggedCache(context);
    const repo = bareRepository(MODULES, "v1.0.0");
    const root = writeTree({
      "unit/terragrunt.hcl": unitConfig(`git::${repo.url}//modules/app?ref=v1.0.0`),
      "unit/inputs.auto.tfvars": 'name = "web"\n',
    });

    const workdir = await prepareUnit(root, "unit", { sources });

    expect(workdir.dir.startsWith(join(root, "unit", ".terragrunt-cache"))).toBe(true);
    expect(workdir.dir.endsWith("/modules/app")).toBe(true);
    expect(readdirSync(workdir.dir).sort()).toEqual(["inputs.auto.tfvars", "main.tf"]);
    const copyRoot = join(workdir.dir, "..", "..");
    expect(readFileSync(join(copyRoot, "modules/naming/main.tf"), "utf8")).toBe(MODULES["modules/naming/main.tf"]);
    expect(existsSync(join(copyRoot, "README.md"))).toBe(true);
    expect(existsSync(join(copyRoot, ".git"))).toBe(false);
    const source = `git::${repo.url}//modules/app?ref=v1.0.0`;
    expect(workdir).toMatchObject({ needsInit: true, refreshed: true, source });
  });

  it("follows a later tag or a branch when the ref says so", async (context) => {
    const { sources } = loggedCache(context);
    const repo = bareRepository(MODULES, "v1.0.0");
    repo.commit({ "modules/app/main.tf": "# v2\n" }, "v2.0.0");
    repo.branch("next");
    repo.commit({ "modules/app/main.tf": "# main\n" });
    const root = writeTree({
      "v1/terragrunt.hcl": unitConfig(`git::${repo.url}//modules/app?ref=v1.0.0`),
      "v2/terragrunt.hcl": unitConfig(`git::${repo.url}//modules/app?ref=v2.0.0`),
      "next/terragrunt.hcl": unitConfig(`git::${repo.url}//modules/app?ref=next`),
      "default/terragrunt.hcl": unitConfig(`git::${repo.url}//modules/app`),
    });

    const mainOf = async (unit: string) =>
      readFileSync(join((await prepareUnit(root, unit, { sources })).dir, "main.tf"), "utf8");

    expect(await mainOf("v1")).toBe(MODULES["modules/app/main.tf"]);
    expect(await mainOf("v2")).toBe("# v2\n");
    expect(await mainOf("next")).toBe("# v2\n");
    expect(await mainOf("default")).toBe("# main\n");
  });

  it("is checked out at a commit id by a full clone, since a commit is not a branch", async (context) => {
    const { sources, clones } = loggedCache(context);
    const repo = bareRepository(MODULES, "v1.0.0");
    const first = repo.commit({ "modules/app/main.tf": "# first\n" });
    repo.commit({ "modules/app/main.tf": "# second\n" });
    const root = writeTree({ "unit/terragrunt.hcl": unitConfig(`git::${repo.url}//modules/app?ref=${first}`) });

    const workdir = await prepareUnit(root, "unit", { sources });

    expect(readFileSync(join(workdir.dir, "main.tf"), "utf8")).toBe("# first\n");
    const target = clones()[0]?.split(" ").pop();
    expect(clones()).toEqual([
      `-c advice.detachedHead=false clone --quiet --depth 1 --branch ${first} -- ${repo.url} ${target}`,
      `-c advice.detachedHead=false clone --quiet --no-checkout -- ${repo.url} ${target}`,
    ]);
  });

  it("is cloned once for all units that ask for the same URL and ref, one after another", async (context) => {
    const { sources, clones } = loggedCache(context);
    const repo = bareRepository(MODULES, "v1.0.0");
    const source = `git::${repo.url}//modules/app?ref=v1.0.0`;
    const root = writeTree({
      "a/terragrunt.hcl": unitConfig(source),
      "b/terragrunt.hcl": unitConfig(source.replace("//modules/app", "//modules/naming")),
    });

    const a = await prepareUnit(root, "a", { sources });
    const b = await prepareUnit(root, "b", { sources });

    expect(clones()).toHaveLength(1);
    expect(readdirSync(a.dir)).toEqual(["main.tf"]);
    expect(readFileSync(join(b.dir, "main.tf"), "utf8")).toBe(MODULES["modules/naming/main.tf"]);
  });

  it("is cloned once when many units ask for it at the same time", async (context) => {
    const { sources, clones } = loggedCache(context);
    const repo = bareRepository(MODULES, "v1.0.0");
    const units = ["a", "b", "c", "d", "e", "f"];
    const root = writeTree(Object.fromEntries(units.map((unit) =>
      [`${unit}/terragrunt.hcl`, unitConfig(`git::${repo.url}//modules/app?ref=v1.0.0`)])));

    const workdirs = await Promise.all(units.map((unit) => prepareUnit(root, unit, { sources })));

    expect(clones()).toHaveLength(1);
    expect(new Set(workdirs.map((workdir) => workdir.dir)).size).toBe(units.length);
    for (const workdir of workdirs) expect(readdirSync(workdir.dir)).toEqual(["main.tf"]);
  });

  it("is cloned again for another ref of the same URL", async (context) => {
    const { sources, clones } = loggedCache(context);
    const repo = bareRepository(MODULES, "v1.0.0");
    repo.commit({ "modules/app/main.tf": "# v2\n" }, "v2.0.0");
    const root = writeTree({
      "a/terragrunt.hcl": unitConfig(`git::${repo.url}//modules/app?ref=v1.0.0`),
      "b/terragrunt.hcl": unitConfig(`git::${repo.url}//modules/app?ref=v2.0.0`),
    });

    await Promise.all([prepareUnit(root, "a", { sources }), prepareUnit(root, "b", { sources })]);

    expect(clones()).toHaveLength(2);
  });

  it("with a ref that does not exist fails at the line of terraform.source with git's reason", async (context) => {
    const { sources } = loggedCache(context);
    const repo = bareRepository(MODULES, "v1.0.0");
    const source = `git::${repo.url}//modules/app?ref=v9.9.9`;
    const root = writeTree({ "unit/terragrunt.hcl": `\n${unitConfig(source)}` });

    const failure = await failureOf(root, prepareUnit(root, "unit", { sources }));

    expect(failure).toEqual({
      code: "FILE_NOT_FOUND",
      where: "unit/terragrunt.hcl:3",
      message: `terraform.source: "${source}" cannot be fetched: Remote branch v9.9.9 not found in upstream origin`,
      hint: "check the URL and that the ref is a tag, branch or commit of the repository "
        + "(git ls-remote <url> lists them); a private repository needs credentials git can use without a prompt",
    });
  });

  it("with a URL that names no repository fails with git's reason, fetched once for every unit", async (context) => {
    const { sources, clones } = loggedCache(context);
    const missing = join(writeTree({}), "missing.git");
    const source = `git::file://${missing}//app?ref=v1`;
    const root = writeTree({ "a/terragrunt.hcl": unitConfig(source), "b/terragrunt.hcl": unitConfig(source) });

    const failures = await Promise.all(["a", "b"].map((unit) => failureOf(root, prepareUnit(root, unit, { sources }))));

    expect(failures.map((failure) => failure.where)).toEqual(["a/terragrunt.hcl:2", "b/terragrunt.hcl:2"]);
    expect(failures[0]?.message)
      .toBe(`terraform.source: "${source}" cannot be fetched: '${missing}' does not appear to be a git repository`);
    expect(clones()).toHaveLength(1);
  });

  it("never shows the password or token of a URL in an error", async (context) => {
    const { sources } = loggedCache(context);
    const root = writeTree({
      "a/terragrunt.hcl": unitConfig("git::https://deploy:s3cret@127.0.0.1:1/modules.git//app?ref=v1"),
      "b/terragrunt.hcl": unitConfig("git::https://ghp_token123@127.0.0.1:1/modules.git//app?ref=v1"),
    });

    const a = await failureOf(root, prepareUnit(root, "a", { sources }));
    const b = await failureOf(root, prepareUnit(root, "b", { sources }));

    expect(a.message.startsWith(
      'terraform.source: "git::https://deploy:***@127.0.0.1:1/modules.git//app?ref=v1" cannot be fetched: ',
    )).toBe(true);
    expect(b.message.startsWith(
      'terraform.source: "git::https://***@127.0.0.1:1/modules.git//app?ref=v1" cannot be fetched: ',
    )).toBe(true);
    expect(`${a.message}${b.message}`).not.toMatch(/s3cret|ghp_token123/);
  });

  it("without the //subdir it names fails at the line of terraform.source", async (context) => {
    const { sources } = loggedCache(context);
    const repo = bareRepository(MODULES, "v1.0.0");
    const root = writeTree({ "unit/terragrunt.hcl": unitConfig(`git::${repo.url}//modules/nope?ref=v1.0.0`) });

    const failure = await failureOf(root, prepareUnit(root, "unit", { sources }));

    expect(failure).toEqual({
      code: "FILE_NOT_FOUND",
      where: "unit/terragrunt.hcl:2",
      message: `terraform.source: "git::${repo.url}//modules/nope?ref=v1.0.0" has no directory modules/nope`,
      hint: "the part after // names a directory inside the source; "
        + "check its spelling and that it exists at that ref",
    });
  });
});

