/**
 * Planning a run before anything starts: discover the units, build and check the graph,
 * apply the filters, and resolve every unit that will run, so that a bad configuration
 * anywhere stops the run before the first terraform process.
 *
 * Inputs that read a dependency's outputs cannot be evaluated before the dependency has run;
 * during planning they see the dependency's `mock_outputs`, and a unit whose inputs need
 * outputs that have no mocks is checked up to that point.
 */
import { existsSync } from "node:fs";

import type { RunCredentials } from "../auth/index.js";
import { ConfigResolver } from "../config/index.js";
import { TerraceError } from "../errors.js";
import { discoverUnits } from "../graph/discover.js";
import { excludedUnits, type ExclusionReason, type FilterOptions } from "../graph/filter.js";
import { UnitGraph, type GraphNode } from "../graph/graph.js";

export interface PlanOptions {
  /** Answers the AWS identity functions of the configuration. */
  credentials?: RunCredentials;
  workingDir: string;
  configName: string;
  command: string;
  args: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  filters: Omit<FilterOptions, "command">;
}

/** A checked run: the graph, the units that will run and the ones excluded. */
export interface RunPlan {
  graph: UnitGraph;
  resolver: ConfigResolver;
  /** Units that run, in the order they would run one at a time. */
  units: GraphNode[];
  excluded: ReadonlyMap<string, ExclusionReason>;
}

/** Discovers, checks and filters the units of a run. */
export async function planRun(options: PlanOptions): Promise<RunPlan> {
  const resolver = resolverFor(options);
  const dirs = await discoverUnits(options.workingDir, options.configName);
  if (dirs.length === 0) {
    throw new TerraceError("USAGE", `no units under ${options.workingDir}`, {
      hint: `a unit is a directory with a ${options.configName}; check --working-dir`,
    });
  }
  const graph = await UnitGraph.build(options.workingDir, dirs, resolver);
  const excluded = await excludedUnits(graph, { ...options.filters, command: options.command });
  const units = runOrder(graph, excluded);
  await checkConfigurations(resolver, units);
  return { graph, resolver, units, excluded };
}

/**
 * The plan of a command in one unit (`terrace plan` in a unit's directory): that unit alone,
 * its dependencies in the graph for their outputs, and the same checks as a run.
 */
export async function planUnit(options: Omit<PlanOptions, "filters">): Promise<RunPlan> {
  const resolver = resolverFor(options);
  if (!existsSync(resolver.configPathOf(options.workingDir))) {
    throw new TerraceError("USAGE", `no ${options.configName} in ${options.workingDir}`, {
      hint: "run this in a unit's directory, pass --working-dir, or use run-all for a tree of units",
    });
  }
  const graph = await UnitGraph.build(options.workingDir, [options.workingDir], resolver);
  return { graph, resolver, units: [graph.node(options.workingDir)], excluded: new Map() };
}

/** Resolves each unit with mocks for outputs; any error but missing outputs stops the run. */
async function checkConfigurations(resolver: ConfigResolver, units: GraphNode[]): Promise<void> {
  resolver.context.options.outputs = (block) => {
    if (block.value.mock_outputs !== undefined || block.value.skip_outputs === true) return undefined;
    throw new TerraceError("OUTPUTS_UNKNOWN", "outputs are not known before the run");
  };
  try {
    for (const unit of units) {
      // Not fresh: what the graph already computed (includes, dependency blocks, role settings)
      // is reused; only the rest of the unit is evaluated now, with mocks for outputs.
      await resolver.resolve(unit.dir).catch((error: unknown) => {
        if (error instanceof TerraceError && error.code === "OUTPUTS_UNKNOWN") return;
        throw error;
      });
    }
  } finally {
    delete resolver.context.options.outputs;
  }
}

function resolverFor(options: Omit<PlanOptions, "filters">): ConfigResolver {
  const resolver = new ConfigResolver({
    env: options.env,
    configName: options.configName,
    terraformCommand: options.command,
    terraformArgs: options.args,
  });
  const { credentials } = options;
  if (credentials !== undefined) resolver.context.options.awsIdentity = (role) => credentials.identity(role);
  return resolver;
}

/** Units that run, dependencies first, ties alphabetical. */
function runOrder(graph: UnitGraph, excluded: ReadonlyMap<string, ExclusionReason>): GraphNode[] {
  const order: GraphNode[] = [];
  const placed = new Set<string>();
  const visit = (node: GraphNode): void => {
    if (placed.has(node.dir)) return;
    placed.add(node.dir);
    for (const dependency of [...node.dependencies].sort()) visit(graph.node(dependency));
    if (!excluded.has(node.dir)) order.push(node);
  };
  for (const node of [...graph.nodes.values()].sort((a, b) => a.path.localeCompare(b.path))) visit(node);
  return order;
}
