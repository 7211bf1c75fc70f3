import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { ConfigResolver } from "../../src/config/index.js";
import { discoverUnits } from "../../src/graph/discover.js";
import { excludedUnits, type FilterOptions } from "../../src/graph/filter.js";
import { UnitGraph } from "../../src/graph/graph.js";
import { copyFixture } from "../helpers/tree.js";

interface Scenario {
  name: string;
  fixture: string;
  workingDir?: string;
  filters: Partial<FilterOptions>;
  runs: string[];
  excluded: Record<string, string>;
}

const LAYERS = "test/fixtures/graph/layers";
const EXTERNAL = "test/fixtures/graph/external";

// layers: vpc; db -> vpc; app -> db, vpc; tools. external: live/app -> shared/vpc.
const scenarios: Scenario[] = [
  {
    name: "without filters every unit runs",
    fixture: LAYERS, filters: {},
    runs: ["app", "db", "tools", "vpc"], excluded: {},
  },
  {
    name: "--include-dir selects a unit and, through its dependencies, what it needs",
    fixture: LAYERS, filters: { includeDirs: ["app"] },
    runs: ["app", "db", "vpc"], excluded: { tools: "not in --include-dir" },
  },
  {
    name: "--strict-include selects the matching units alone",
    fixture: LAYERS, filters: { includeDirs: ["app"], strictInclude: true },
    runs: ["app"],
    excluded: { db: "not in --include-dir", tools: "not in --include-dir", vpc: "not in --include-dir" },
  },
  {
    name: "--strict-include without --include-dir runs nothing",
    fixture: LAYERS, filters: { strictInclude: true },
    runs: [],
    excluded: {
      app: "not in --include-dir", db: "not in --include-dir",
      tools: "not in --include-dir", vpc: "not in --include-dir",
    },
  },
  {
    name: "--exclude-dir drops a unit but not its dependents",
    fixture: LAYERS, filters: { excludeDirs: ["db"] },
    runs: ["app", "tools", "vpc"], excluded: { db: "--exclude-dir" },
  },
  {
    name: "--exclude-dir wins over a dependency pulled in by --include-dir",
    fixture: LAYERS, filters: { includeDirs: ["app"], excludeDirs: ["vpc"] },
    runs: ["app", "db"], excluded: { tools: "not in --include-dir", vpc: "--exclude-dir" },
  },
  {
    name: "globs match several units",
    fixture: LAYERS, filters: { excludeDirs: ["{db,vpc}", "t*"] },
    runs: ["app"], excluded: { db: "--exclude-dir", tools: "--exclude-dir", vpc: "--exclude-dir" },
  },
  {
    name: "a dependency outside the working dir is excluded",
    fixture: EXTERNAL, workingDir: "live", filters: {},
    runs: ["app"], excluded: { "../shared/vpc": "external dependency" },
  },
  {
    name: "--include-external-dependencies runs it",
    fixture: EXTERNAL, workingDir: "live", filters: { includeExternal: true },
    runs: ["../shared/vpc", "app"], excluded: {},
  },
];

describe("filters", () => {
  it.each(scenarios)("$name", async (scenario) => {
    const root = join(copyFixture(scenario.fixture), scenario.workingDir ?? ".");
    const graph = await UnitGraph.build(root, await discoverUnits(root, "terragrunt.hcl"), new ConfigResolver());

    const excluded = await excludedUnits(graph, {
      includeDirs: [], excludeDirs: [], strictInclude: false, includeExternal: false, command: "apply",
      ...scenario.filters,
    });

    const pathOf = (dir: string) => graph.node(dir).path;
    const runs = [...graph.nodes.keys()].filter((dir) => !excluded.has(dir)).map(pathOf).sort();
    expect(runs).toEqual(scenario.runs);
    expect(Object.fromEntries([...excluded].map(([dir, reason]) => [pathOf(dir), reason]))).toEqual(scenario.excluded);
  });
});
