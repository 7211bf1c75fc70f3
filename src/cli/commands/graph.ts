/** `terrace graph`: the dependency graph of the units under the working directory. */
import { resolve } from "node:path";

import { ConfigResolver } from "../../config/index.js";
import { TerraceError } from "../../errors.js";
import { discoverUnits } from "../../graph/discover.js";
import { UnitGraph } from "../../graph/graph.js";
import { graphToDot, graphToJson } from "../../report/graph-output.js";
import type { Output } from "../output.js";

export interface GraphOptions {
  workingDir: string;
  configName: string;
  format: string;
}

/** Prints the graph as DOT or JSON. */
export async function graph(options: GraphOptions, output: Output): Promise<number> {
  if (options.format !== "dot" && options.format !== "json") {
    throw new TerraceError("USAGE", `--format ${options.format} is not known; expected dot or json`, {
      hint: "use --format dot (the default) or --format json",
    });
  }
  const workingDir = resolve(options.workingDir);
  const resolver = new ConfigResolver({ configName: options.configName, terraformCommand: "graph" });
  const units = await discoverUnits(workingDir, options.configName);
  const built = await UnitGraph.build(workingDir, units, resolver);
  output.stdout(options.format === "dot" ? graphToDot(built) : graphToJson(built));
  return 0;
}
