/**
 * The dependency graph of units: nodes from discovery, edges from each unit's `dependency`
 * blocks and `dependencies.paths`. Building it checks what must hold before anything runs:
 * every edge points at a unit, and there is no cycle.
 */
import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";

import type { ConfigResolver, UnitSummary } from "../config/index.js";
import { TerraceError } from "../errors.js";

/** A unit in the graph. */
export interface GraphNode {
  dir: string;
  /** Path relative to the working directory, with `/` separators; "." for the directory itself. */
  path: string;
  summary: UnitSummary;
  /** Units this one depends on (absolute directories), in declaration order. */
  dependencies: string[];
  /** Units that depend on this one. */
  dependents: string[];
  /** Outside the working directory, reached only as someone's dependency. */
  external: boolean;
}

/** The graph of a run. */
export class UnitGraph {
  private constructor(
    readonly workingDir: string,
    readonly nodes: ReadonlyMap<string, GraphNode>,
  ) {}

  /** Builds the graph of `units`, adding dependencies outside the working directory as external. */
  static async build(workingDir: string, units: readonly string[], resolver: ConfigResolver): Promise<UnitGraph> {
    const nodes = new Map<string, GraphNode>();
    const queue = units.map((dir) => ({ dir, external: false }));
    const configName = resolver.context.options.configName;

    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      if (nodes.has(item.dir)) continue;
      const summary = await resolver.summarise(item.dir);
      const node: GraphNode = {
        dir: item.dir,
        path: displayPath(workingDir, item.dir),
        summary,
        dependencies: [],
        dependents: [],
        external: item.external,
      };
      nodes.set(item.dir, node);

      for (const edge of summary.dependencies) {
        if (!isUnit(edge.dir, configName)) {
          const what = edge.name === undefined ? "dependencies.paths" : `dependency "${edge.name}"`;
          throw new TerraceError("DEPENDENCY", `${what}: no unit at ${displayPath(workingDir, edge.dir)}`, {
            location: edge.location,
            hint: `paths are taken from the unit's directory; ${displayPath(workingDir, edge.dir)} needs a ${configName}`,
          });
        }
        if (!node.dependencies.includes(edge.dir)) node.dependencies.push(edge.dir);
        if (!nodes.has(edge.dir)) queue.push({ dir: edge.dir, external: !isInside(workingDir, edge.dir) });
      }
    }

    for (const node of nodes.values()) {
      for (const dependency of node.dependencies) nodes.get(dependency)?.dependents.push(node.dir);
    }
    const graph = new UnitGraph(workingDir, nodes);
    graph.checkAcyclic();
    return graph;
  }

  node(dir: string): GraphNode {
    const node = this.nodes.get(dir);
    if (node === undefined) throw new Error(`no unit ${dir} in the graph`);
    return node;
  }

  /** Throws on the first cycle found, naming it as `a -> b -> a`. */
  private checkAcyclic(): void {
    const state = new Map<string, "visiting" | "done">();
    const path: string[] = [];
    const visit = (dir: string): void => {
      const seen = state.get(dir);
      if (seen === "done") return;
      if (seen === "visiting") {
        const cycle = [...path.slice(path.indexOf(dir)), dir].map((unit) => this.node(unit).path);
        const closing = this.node(path[path.length - 1] as string).summary.dependencies
          .find((edge) => edge.dir === dir);
        throw new TerraceError("DEPENDENCY_CYCLE", `dependency cycle: ${cycle.join(" -> ")}`, {
          location: closing?.location,
          hint: "a unit cannot depend on itself through others; remove one of these dependencies",
        });
      }
      state.set(dir, "visiting");
      path.push(dir);
      for (const dependency of this.node(dir).dependencies) visit(dependency);
      path.pop();
      state.set(dir, "done");
    };
    for (const dir of [...this.nodes.keys()].sort()) visit(dir);
  }
}

function isUnit(dir: string, configName: string): boolean {
  return existsSync(join(dir, configName)) || existsSync(join(dir, `${configName}.json`));
}

function isInside(parent: string, dir: string): boolean {
  const rel = relative(parent, dir);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep));
}

/** A unit's path as shown to users: relative to the working directory, `/`-separated. */
export function displayPath(workingDir: string, dir: string): string {
  const rel = relative(workingDir, dir);
  return rel === "" ? "." : rel.split(sep).join("/");
}
