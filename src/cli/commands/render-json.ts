/** `terrace render-json`: print a unit's resolved configuration as JSON. */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";

import { originName, RunCredentials, type RoleOverrides } from "../../auth/index.js";
import { checkDuration, ConfigResolver, renderConfig, type RenderOverride } from "../../config/index.js";
import { UnitGraph } from "../../graph/graph.js";
import type { Output } from "../output.js";

export interface RenderJsonOptions {
  workingDir: string;
  configName: string;
  withMetadata: boolean;
  out: string | undefined;
  overrides: RoleOverrides;
  env: Readonly<Record<string, string | undefined>>;
}

/** Resolves the unit in the working directory and prints or writes its configuration. */
export async function renderJson(options: RenderJsonOptions, output: Output): Promise<number> {
  const resolver = new ConfigResolver({
    env: options.env,
    configName: options.configName,
    terraformCommand: "render-json",
  });
  let credentials: RunCredentials | undefined;
  resolver.context.options.awsIdentity = (role) => {
    credentials ??= new RunCredentials({ mode: "endpoint", overrides: options.overrides, env: options.env });
    return credentials.identity(role);
  };

  const dir = resolve(options.workingDir);
  // The unit's dependencies must exist and form no cycle, as for a run.
  await UnitGraph.build(process.cwd(), [dir], resolver);
  const unit = await resolver.resolve(dir);
  const rendered = renderConfig(unit, options.withMetadata, overridesToRender(options.overrides));
  const text = `${JSON.stringify(rendered, null, 2)}\n`;
  if (options.out === undefined) output.stdout(text);
  else await writeFile(resolve(options.workingDir, options.out), text);
  return 0;
}

/** Flags and environment variables win over the files; render shows them as the origin. */
function overridesToRender(overrides: RoleOverrides): Record<string, RenderOverride> {
  const result: Record<string, RenderOverride> = {};
  const fields: [keyof RoleOverrides, string][] = [
    ["roleArn", "iam_role"],
    ["duration", "iam_role_duration"],
    ["sessionName", "iam_role_session_name"],
    ["webIdentityToken", "iam_web_identity_token"],
    ["externalId", "iam_role_external_id"],
  ];
  for (const [field, name] of fields) {
    const override = overrides[field];
    if (override === undefined) continue;
    const value = field === "duration" ? checkDuration(override.value, name) : override.value;
    result[name] = { value, origin: originName(override.origin) };
  }
  return result;
}
