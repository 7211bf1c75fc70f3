/**
 * `--source` and `--source-map`: the rules on their own, as a table, then through
 * `prepareWorkdir` with a real git repository standing in for a remote one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { rewriteSource } from "../../../src/runner/workdir/rewrite-source.js";
import { SourceCache } from "../../../src/runner/workdir/index.js";
import { requireTool } from "../../helpers/integration.js";
import { writeTree } from "../../helpers/tree.js";
import { bareRepository } from "./git-repository.js";
import { failureOf, prepareUnit } from "./prepare-unit.js";

const REMOTE = "git::https://github.com/acme/modules.git";

function unitConfig(source: string): string {
  return `terraform {\n  source = "${source}"\n}\n`;
}

describe("rewriting a source", () => {
  it.each([
    ["--source replaces the source and keeps the unit's //subdir", `${REMOTE}//vpc?ref=v1`,
      { sourceOverride: "/home/me/modules" }, "/home/me/modules//vpc"],
    ["--source with its own //subdir is taken as it is", `${REMOTE}//vpc?ref=v1`,
      { sourceOverride: "/home/me/modules//other" }, "/home/me/modules//other"],
    ["--source wins over --source-map", `${REMOTE}//vpc?ref=v1`,
      { sourceOverride: "/o", sourceMap: { [REMOTE]: "/m" } }, "/o//vpc"],
    ["--source-map to a path keeps the subdir; the ref no longer matters", `${REMOTE}//vpc?ref=v1`,
      { sourceMap: { [REMOTE]: "/home/me/modules" } }, "/home/me/modules//vpc?ref=v1"],
    ["--source-map to another git URL keeps subdir and ref", `${REMOTE}//vpc?ref=v1`,
      { sourceMap: { [REMOTE]: "git::file:///mirror/modules.git" } }, "git::file:///mirror/modules.git//vpc?ref=v1"],
    ["--source-map matches with or without git::", `${REMOTE}//vpc?ref=v1`,
      { sourceMap: { "https://github.com/acme/modules.git": "/m" } }, "/m//vpc?ref=v1"],
    ["--source-map matches a prefix at a / only", "git::https://github.com/acme/modules-extra.git//vpc",
      { sourceMap: { "git::https://github.com/acme/modules": "/m" } },
      "git::https://github.com/acme/modules-extra.git//vpc"],
    ["--source-map of an organisation keeps the rest of the path", "git::https://github.com/acme/net.git//vpc?ref=v2",
      { sourceMap: { "https://github.com/acme": "git::file:///mirror" } }, "git::file:///mirror/net.git//vpc?ref=v2"],
    ["--source-map takes the longest matching key", `${REMOTE}//vpc`,
      { sourceMap: { "https://github.com/acme": "/org", [REMOTE]: "/repo" } }, "/repo//vpc"],
    ["--source-map to an address with a ref uses that ref", `${REMOTE}//vpc?ref=v1`,
      { sourceMap: { [REMOTE]: "git::file:///mirror/modules.git?ref=dev" } },
      "git::file:///mirror/modules.git//vpc?ref=dev"],
  ])("%s", (_rule, source, rewrite, expected) => {
    expect(rewriteSource(source, rewrite)).toBe(expected);
  });
});

describe.concurrent("a unit with a rewritten source", () => {
  it("is fetched from the bare repository --source-map points its git URL at", async (context) => {
    requireTool(context, "git", "the mapped source is a git repository");
    const repo = bareRepository({ "modules/app/main.tf": "# from the mirror\n" }, "v1.0.0");
    const root = writeTree({ "unit/terragrunt.hcl": unitConfig(`${REMOTE}//modules/app?ref=v1.0.0`) });
    const sources = new SourceCache();
    context.onTestFinished(() => sources.dispose());

    const workdir = await prepareUnit(root, "unit", { sources, sourceMap: { [REMOTE]: `git::${repo.url}` } });

    expect(readFileSync(join(workdir.dir, "main.tf"), "utf8")).toBe("# from the mirror\n");
    expect(workdir.source).toBe(`git::${repo.url}//modules/app?ref=v1.0.0`);
  });

  it("is copied from the local checkout --source names, in the unit's //subdir", async () => {
    const root = writeTree({
      "checkout/modules/app/main.tf": "# work in progress\n",
      "unit/terragrunt.hcl": unitConfig(`${REMOTE}//modules/app?ref=v1.0.0`),
    });

    const workdir = await prepareUnit(root, "unit", { sourceOverride: join(root, "checkout") });

    expect(readFileSync(join(workdir.dir, "main.tf"), "utf8")).toBe("# work in progress\n");
  });

  it("names both the written and the rewritten source when the rewritten one is missing", async () => {
    const source = `${REMOTE}//modules/app?ref=v1.0.0`;
    const root = writeTree({ "unit/terragrunt.hcl": unitConfig(source) });
    const nowhere = join(root, "nowhere");

    const failure = await failureOf(root, prepareUnit(root, "unit", { sourceMap: { [REMOTE]: nowhere } }));

    expect(failure.message).toBe(`terraform.source: "${source}" ("${nowhere}//modules/app?ref=v1.0.0" `
      + `after --source/--source-map) names no directory (${nowhere})`);
  });
});
