/**
 * The graph as text: DOT, as terragrunt's `graph-dependencies` prints it (edges from the
 * dependent to its dependency, paths relative to the working directory), or JSON.
 */
import type { UnitGraph } from "../graph/graph.js";

/** DOT: one line per unit, then one per edge, sorted. */
export function graphToDot(graph: UnitGraph): string {
  const nodes = [...graph.nodes.values()].sort((a, b) => a.path.localeCompare(b.path));
  const lines = ["digraph {"];
  for (const node of nodes) {
    lines.push(`\t${JSON.stringify(node.path)} ;`);
    for (const dependency of [...node.dependencies].sort()) {
      lines.push(`\t${JSON.stringify(node.path)} -> ${JSON.stringify(graph.node(dependency).path)};`);
    }
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** JSON: each unit with its dependencies and dependents, as relative paths. */
export function graphToJson(graph: UnitGraph): string {
  const units = [...graph.nodes.values()]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((node) => ({
      path: node.path,
      external: node.external,
      dependencies: node.dependencies.map((dir) => graph.node(dir).path).sort(),
      dependents: node.dependents.map((dir) => graph.node(dir).path).sort(),
    }));
  return `${JSON.stringify({ units }, null, 2)}\n`;
}
