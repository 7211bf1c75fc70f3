import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { ConfigResolver } from "../../src/config/index.js";
import { TerraceError } from "../../src/errors.js";
import { discoverUnits } from "../../src/graph/discover.js";
import { UnitGraph } from "../../src/graph/graph.js";
import { copyFixture } from "../helpers/tree.js";

/** Discovers the units of a copied fixture (under `workingDir`, if given) and builds their graph. */
async function graphOf(fixture: string, workingDir = ".") {
  const root = copyFixture(fixture);
  const dir = join(root, workingDir);
  const graph = await UnitGraph.build(dir, await discoverUnits(dir, "terragrunt.hcl"), new ConfigResolver());
  return { root, graph };
}

/** The graph's edges as "dependent -> dependency" lines. */
function edges(graph: UnitGraph): string[] {
  return [...graph.nodes.values()]
    .flatMap((node) => node.dependencies.map((dir) => `${node.path} -> ${graph.node(dir).path}`))
    .sort();
}

/** The error building the graph of a fixture fails with, its file relative to the tree. */
async function failure(fixture: string) {
  const root = copyFixture(fixture);
  const error = await UnitGraph.build(root, await discoverUnits(root, "terragrunt.hcl"), new ConfigResolver())
    .then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof TerraceError)) throw new Error(`expected a TerraceError, got ${String(error)}`);
  return {
    code: error.code,
    where: `${error.location?.file.slice(root.length + 1)}:${error.location?.line}`,
    message: error.message,
    hint: error.hint,
  };
}

describe("the dependency graph", () => {
  it("takes edges from dependency blocks and from dependencies.paths", async () => {
    const { graph } = await graphOf("test/fixtures/graph/layers");

    expect(edges(graph)).toEqual(["app -> db", "app -> vpc", "db -> vpc"]);
  });

  it("knows each unit's dependents", async () => {
    const { graph, root } = await graphOf("test/fixtures/graph/layers");

    const dependents = (path: string) => graph.node(join(root, path)).dependents.map((dir) => graph.node(dir).path);
    expect(dependents("vpc").sort()).toEqual(["app", "db"]);
    expect(dependents("db")).toEqual(["app"]);
    expect(dependents("tools")).toEqual([]);
  });

  it("adds a dependency outside the working dir as an external unit", async () => {
    const { graph } = await graphOf("test/fixtures/graph/external", "live");

    const nodes = [...graph.nodes.values()].map((node) => ({ path: node.path, external: node.external }));
    expect(nodes.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: "../shared/vpc", external: true },
      { path: "app", external: false },
    ]);
    expect(edges(graph)).toEqual(["app -> ../shared/vpc"]);
  });

  it("reports a cycle as a -> b -> a with unit paths, at the edge that closes it", async () => {
    const error = await failure("test/fixtures/graph/cycle");

    expect(error).toEqual({
      code: "DEPENDENCY_CYCLE",
      where: "c/terragrunt.hcl:3",
      message: "dependency cycle: a -> b -> c -> a",
      hint: "a unit cannot depend on itself through others; remove one of these dependencies",
    });
  });

  it("reports a dependency block pointing at no unit, with the file and line naming it", async () => {
    const error = await failure("test/fixtures/graph/missing-dependency");

    expect(error).toEqual({
      code: "DEPENDENCY",
      where: "app/terragrunt.hcl:5",
      message: 'dependency "cache": no unit at cache',
      hint: "paths are taken from the unit's directory; cache needs a terragrunt.hcl",
    });
  });

  it("reports a dependencies.paths entry pointing at no unit, with the file and line naming it", async () => {
    const error = await failure("test/fixtures/graph/missing-path");

    expect(error).toEqual({
      code: "DEPENDENCY",
      where: "app/terragrunt.hcl:4",
      message: "dependencies.paths: no unit at gone",
      hint: "paths are taken from the unit's directory; gone needs a terragrunt.hcl",
    });
  });
});
