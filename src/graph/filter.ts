/**
 * Which units of the graph a run includes, and why each other unit is excluded.
 *
 * terragrunt's rules: `--include-dir` globs select units plus, unless `--strict-include`,
 * their dependencies; `--exclude-dir` globs drop units (not their dependencies); units outside
 * the working directory run only with `--include-external-dependencies`; `skip = true` and a
 * matching `exclude` block drop a unit, `exclude_dependencies` its dependencies too.
 */
import { matchDirs } from "./discover.js";
import type { UnitGraph } from "./graph.js";

export interface FilterOptions {
  includeDirs: readonly string[];
  excludeDirs: readonly string[];
  strictInclude: boolean;
  includeExternal: boolean;
  /** The terraform command, matched against `exclude.actions`. */
  command: string;
}

/** Why a unit does not run. */
export type ExclusionReason =
  | "not in --include-dir"
  | "--exclude-dir"
  | "external dependency"
  | "skip = true"
  | "exclude block"
  | "dependency of an excluded unit";

/** Units excluded from the run, with their reasons; every other unit runs. */
export async function excludedUnits(graph: UnitGraph, options: FilterOptions): Promise<Map<string, ExclusionReason>> {
  const excluded = new Map<string, ExclusionReason>();
  const nodes = [...graph.nodes.values()];

  if (options.includeDirs.length > 0 || options.strictInclude) {
    const selected = await matchDirs(graph.workingDir, options.includeDirs);
    if (!options.strictInclude) {
      for (const dir of [...selected]) for (const dependency of dependenciesOf(graph, dir)) selected.add(dependency);
    }
    for (const node of nodes) if (!selected.has(node.dir)) excluded.set(node.dir, "not in --include-dir");
  }
  const dropped = await matchDirs(graph.workingDir, options.excludeDirs);
  for (const dir of dropped) if (graph.nodes.has(dir)) excluded.set(dir, "--exclude-dir");

  for (const node of nodes) {
    if (node.external && !options.includeExternal && !excluded.has(node.dir)) {
      excluded.set(node.dir, "external dependency");
    }
    if (node.summary.skip) excluded.set(node.dir, "skip = true");
    const block = node.summary.exclude;
    if (block !== undefined && block.if === true && actionMatches(block.actions, options.command)) {
      excluded.set(node.dir, "exclude block");
      if (block.exclude_dependencies === true) {
        for (const dependency of dependenciesOf(graph, node.dir)) {
          if (!excluded.has(dependency)) excluded.set(dependency, "dependency of an excluded unit");
        }
      }
    }
  }
  return excluded;
}

/** True when an `exclude` block's `actions` name `command` (or `all`, `all_except_output`). */
export function actionMatches(actions: unknown, command: string): boolean {
  if (!Array.isArray(actions)) return false;
  return actions.some((action) =>
    action === "all" || action === command || (action === "all_except_output" && command !== "output"));
}

/** Every unit `dir` depends on, directly or not. */
export function dependenciesOf(graph: UnitGraph, dir: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...graph.node(dir).dependencies];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...graph.node(next).dependencies);
  }
  return seen;
}
