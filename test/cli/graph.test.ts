import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { terraceMain } from "../helpers/terrace.js";
import { copyFixture } from "../helpers/tree.js";

const LAYERS_DOT = `digraph {
\t"app" ;
\t"app" -> "db";
\t"app" -> "vpc";
\t"db" ;
\t"db" -> "vpc";
\t"tools" ;
\t"vpc" ;
}
`;

describe.concurrent("terrace graph", () => {
  it("prints DOT with edges from dependent to dependency, paths relative to the working dir", async () => {
    const root = copyFixture("test/fixtures/graph/layers");

    const result = await terraceMain(["graph", "--working-dir", root]);

    expect(result).toEqual({ exitCode: 0, stdout: LAYERS_DOT, stderr: "" });
  });

  it("answers to terragrunt's names for the command and its flag", async () => {
    const root = copyFixture("test/fixtures/graph/layers");

    const result = await terraceMain(["graph-dependencies", "--terragrunt-working-dir", root]);

    expect(result.stdout).toBe(LAYERS_DOT);
  });

  it("prints JSON with --format json, external dependencies marked", async () => {
    const root = copyFixture("test/fixtures/graph/external");

    const result = await terraceMain(["graph", "--format", "json", "--working-dir", join(root, "live")]);

    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      units: [
        { path: "../shared/vpc", external: true, dependencies: [], dependents: ["app"] },
        { path: "app", external: false, dependencies: ["../shared/vpc"], dependents: [] },
      ],
    });
  });

  it("refuses an unknown format", async () => {
    const root = copyFixture("test/fixtures/graph/layers");

    const result = await terraceMain(["graph", "--format", "yaml", "--working-dir", root]);

    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "error: --format yaml is not known; expected dot or json\n"
        + "hint: use --format dot (the default) or --format json\n",
    });
  });

  it("reports a cycle instead of a graph", async () => {
    const root = copyFixture("test/fixtures/graph/cycle");

    const result = await terraceMain(["graph", "--working-dir", root]);

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `error: ${root}/c/terragrunt.hcl:3: dependency cycle: a -> b -> c -> a\n`
        + "hint: a unit cannot depend on itself through others; remove one of these dependencies\n",
    );
  });
});
