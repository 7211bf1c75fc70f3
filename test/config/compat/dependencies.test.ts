/**
 * terragrunt's dependency fixtures: `mock_outputs` against the command being run, the edges
 * units declare (through includes too), missing dependency directories and cycles. What needs
 * terraform (outputs in state) stands in as outputs an applied unit would report.
 */
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { ConfigResolver } from "../../../src/config/index.js";
import type { ValueObject } from "../../../src/config/value.js";
import { TerraceError } from "../../../src/errors.js";
import { discoverUnits } from "../../../src/graph/discover.js";
import { UnitGraph } from "../../../src/graph/graph.js";
import { DependencyOutputs } from "../../../src/runner/outputs.js";
import { corpus, fixture, present, resolveUnit } from "./corpus.js";

/** Resolves a mock-outputs dependent as `command` would, with `source` applied or not. */
async function mockOutputsCase(dependent: string, command: string, source: ValueObject | null) {
  const outputs = new DependencyOutputs(async () => source, command);
  return resolveUnit(`get-output/mock-outputs/${dependent}`, {
    terraformCommand: command,
    outputs: (block) => outputs.outputsOf(block),
  });
}

/** The edges a unit declares, as [name, directory relative to the corpus]. */
async function edgesOf(path: string) {
  const summary = await new ConfigResolver({ env: {} }).summarise(fixture(path));
  return summary.dependencies.map((edge) => [edge.name ?? null, edge.dir.slice(corpus.length + 1)]);
}

/** The error building the graph of every unit under `path` fails with. */
async function graphError(path: string): Promise<TerraceError> {
  const workingDir = fixture(path);
  const units = await discoverUnits(workingDir, "terragrunt.hcl");
  const error = await UnitGraph.build(workingDir, units, new ConfigResolver({ env: {} }))
    .then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof TerraceError)) throw new Error(`expected a TerraceError, got ${String(error)}`);
  return error;
}

describe.runIf(present)("terragrunt fixtures: dependencies", () => {
  it("get-output/mock-outputs/dependent1 uses its mocks for any command while the source has no outputs", async () => {
    const { config } = await mockOutputsCase("dependent1", "apply", null);
    expect(config.inputs).toEqual({ the_answer: "0" });
  });

  it("get-output/mock-outputs/dependent2 refuses mocks allowed only for validate when applying", async () => {
    const error = await mockOutputsCase("dependent2", "apply", null).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TerraceError);
    expect((error as TerraceError).code).toBe("DEPENDENCY");
    expect((error as TerraceError).location)
      .toEqual({ file: fixture("get-output/mock-outputs/dependent2/terragrunt.hcl"), line: 1 });
  });

  it("get-output/mock-outputs/dependent2 uses its mocks for validate", async () => {
    const { config } = await mockOutputsCase("dependent2", "validate", null);
    expect(config.inputs).toEqual({ the_answer: "0" });
  });

  it("get-output/mock-outputs dependents read the real output once the source is applied", async () => {
    for (const dependent of ["dependent1", "dependent2"]) {
      const { config } = await mockOutputsCase(dependent, "apply", { the_answer: 42 });
      expect(config.inputs, dependent).toEqual({ the_answer: 42 });
    }
  });

  it("get-output/mock-outputs/dependent3 with skip_outputs uses its mocks even when the source is applied", async () => {
    const { config } = await mockOutputsCase("dependent3", "apply", { the_answer: 42 });
    expect(config.inputs).toEqual({ the_answer: "0" });
  });

  it("get-output/mock-outputs renders every dependent with its mocks", async () => {
    for (const dependent of ["dependent1", "dependent2", "dependent3"]) {
      const { config } = await resolveUnit(`get-output/mock-outputs/${dependent}`);
      expect(config.inputs, dependent).toEqual({ the_answer: "0" });
    }
  });

  it("multiinclude-dependency/main takes one dependency from each of its three includes", async () => {
    expect(await edgesOf("multiinclude-dependency/main")).toEqual([
      ["depa", "multiinclude-dependency/depa"],
      ["depb", "multiinclude-dependency/depb"],
      ["depc", "multiinclude-dependency/depc"],
    ]);
  });

  it("multiinclude-dependency draws main -> depa, depb and depc in the graph", async () => {
    const workingDir = fixture("multiinclude-dependency");
    const units = await discoverUnits(workingDir, "terragrunt.hcl");
    const graph = await UnitGraph.build(workingDir, units, new ConfigResolver({ env: {} }));
    expect(graph.node(join(workingDir, "main")).dependencies)
      .toEqual(["depa", "depb", "depc"].map((name) => join(workingDir, name)));
  });

  it("destroy-order declares b -> a and d -> c through dependencies blocks", async () => {
    expect(await edgesOf("destroy-order/app/module-b")).toEqual([[null, "destroy-order/app/module-a"]]);
    expect(await edgesOf("destroy-order/app/module-d")).toEqual([[null, "destroy-order/app/module-c"]]);
    for (const unit of ["module-a", "module-c", "module-e"]) {
      expect(await edgesOf(`destroy-order/app/${unit}`), unit).toEqual([]);
    }
    const { config } = await resolveUnit("destroy-order/app/module-b");
    expect(config).toMatchObject({ inputs: { name: "Module B" }, terraform: { source: "../../hello" } });
  });

  it("missing-dependencies/main declares a path that does not exist", async () => {
    expect(await edgesOf("missing-dependencies/main")).toEqual([
      [null, "missing-dependencies/hl3-release"],
      [null, "missing-dependencies/module-a"],
    ]);
    const error = await graphError("missing-dependencies");
    expect(error.code).toBe("DEPENDENCY");
    expect(error.message).toBe("dependencies.paths: no unit at hl3-release");
  });

  it("read-config/iam_roles_multiple_modules declares its dependencies from get_parent_terragrunt_dir()", async () => {
    expect(await edgesOf("read-config/iam_roles_multiple_modules")).toEqual([
      ["component1", "read-config/iam_roles_multiple_modules/component1"],
      ["component2", "read-config/iam_roles_multiple_modules/component2"],
    ]);
  });

  for (const [name, units] of [
    ["aa", ["foo"]],
    ["aba", ["foo", "bar"]],
    ["abca", ["foo", "bar"]],
    ["abcda", ["foo", "bar", "baz", "car"]],
  ] as const) {
    it(`get-output/cycle/${name} is a dependency cycle`, async () => {
      const error = await graphError(`get-output/cycle/${name}`);
      expect(error.code).toBe("DEPENDENCY_CYCLE");
      const cycle = error.message.replace(/^dependency cycle: /, "").split(" -> ");
      expect(cycle[0]).toBe(cycle[cycle.length - 1]);
      expect([...new Set(cycle)].sort()).toEqual([...units].sort());
    });
  }
});

describe.runIf(!present)("terragrunt fixtures: dependencies (absent)", () => {
  it(`is skipped: the fixtures are not at ${corpus}`, () => {
    expect(present).toBe(false);
  });
});
