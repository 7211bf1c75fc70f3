/** `terrace render-json`: print a unit's resolved configuration as JSON. */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";

import { originName, RunCredentials, tokenIsFile, type RoleOverrides } from "../../auth/index.js";
import {
  checkDuration, ConfigResolver, renderConfig, type RenderOverride, type UnitConfig,
} from "../../config/index.js";
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
  const overrides = overridesToRender(options.overrides);
  const rendered = renderConfig(withoutToken(unit), options.withMetadata, overrides);
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
    const value = shownOverride(field, name, override.value);
    result[name] = { value, origin: originName(override.origin) };
  }
  return result;
}

/** An override's value as render shows it: a duration in seconds, a token hidden. */
function shownOverride(field: keyof RoleOverrides, name: string, value: string): string | number {
  if (field === "duration") return checkDuration(value, name);
  if (field === "webIdentityToken") return shownToken(value);
  return value;
}

/**
 * A web identity token is a credential, so render-json shows a file that holds one by its path
 * but never a token itself; where it was set still shows.
 */
function shownToken(value: string): string {
  return tokenIsFile(value) ? value : "(hidden: web identity token)";
}

/** The unit with its web identity token, if any, as render shows it. */
function withoutToken(unit: UnitConfig): UnitConfig {
  const token = unit.config.iam_web_identity_token;
  if (typeof token !== "string") return unit;
  return { ...unit, config: { ...unit.config, iam_web_identity_token: shownToken(token) } };
}
