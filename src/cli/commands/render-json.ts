/** `terrace render-json`: print a unit's resolved configuration as JSON. */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";

import { ConfigResolver, renderConfig } from "../../config/index.js";
import type { Output } from "../output.js";

export interface RenderJsonOptions {
  workingDir: string;
  configName: string;
  withMetadata: boolean;
  out: string | undefined;
}

/** Resolves the unit in the working directory and prints or writes its configuration. */
export async function renderJson(options: RenderJsonOptions, output: Output): Promise<number> {
  const resolver = new ConfigResolver({
    configName: options.configName,
    terraformCommand: "render-json",
  });
  const unit = await resolver.resolve(resolve(options.workingDir));
  const text = `${JSON.stringify(renderConfig(unit, options.withMetadata), null, 2)}\n`;

  if (options.out === undefined) output.stdout(text);
  else await writeFile(resolve(options.workingDir, options.out), text);
  return 0;
}
