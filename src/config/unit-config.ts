/**
 * The configuration of a unit, resolved and checked: the entry point of the config layer.
 *
 * `ConfigResolver.resolve` loads the unit's file and everything it includes or reads (each
 * file parsed once per resolver), checks names before evaluating anything, evaluates and
 * merges, then checks each file's values against the schema and the role rules, so that an
 * error names the file and line that is wrong rather than the unit that inherited it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";

import type { SourceLocation } from "../errors.js";
import { settle } from "./files.js";
import { ResolveContext, resolveOptions, type ResolveOptions } from "./resolve/context.js";
import { dependencyBlocks, type DependencyBlock } from "./resolve/dependency.js";
import { childPointer, pointerPrefixes } from "./resolve/pointer.js";
import { resolveConfig, type Layer, type ResolvedConfig } from "./resolve/unit.js";
import { checkRoleSettings, roleSettingsOf, ROLE_SETTINGS, type RoleSettingName, type Resolved } from "./validate/role.js";
import { checkNames, checkValues } from "./validate/schema.js";
import type { ValueObject } from "./value.js";
import { summarise, type UnitSummary } from "./summary.js";

/** The role settings a unit's files declare, each with its origin. */
export type RoleSettings = Partial<Record<RoleSettingName, Resolved<string | number>>>;

/** A unit's final configuration. */
export interface UnitConfig {
  /** Absolute directory of the unit. */
  dir: string;
  configPath: string;
  /** The merged configuration, role settings under terrace's names, durations in seconds. */
  config: ValueObject;
  role: RoleSettings;
  dependencies: DependencyBlock[];
  /** Every file the unit's own file includes. */
  includedFiles: string[];
  /** The file and line that set the value at a JSON pointer. */
  origin(pointer: string): SourceLocation | undefined;
}

/** Resolves units; one resolver per run, so that files are parsed once. */
export class ConfigResolver {
  readonly context: ResolveContext;
  private readonly units = new Map<string, ResolvedConfig>();

  constructor(options: Partial<ResolveOptions> = {}) {
    this.context = new ResolveContext(resolveOptions(options));
  }

  /**
   * Resolves the unit in `dir`. `fresh` evaluates it anew rather than reusing what an earlier
   * call computed: a run resolves a unit again once its dependencies' outputs are known.
   */
  async resolve(dir: string, options: { fresh?: boolean } = {}): Promise<UnitConfig> {
    const configPath = this.configPathOf(dir);
    if (options.fresh === true) this.units.delete(configPath);
    return settle(() => this.resolveLoaded(dir, configPath));
  }

  /** What the graph needs of the unit in `dir`, without evaluating its inputs. */
  async summarise(dir: string): Promise<UnitSummary> {
    const configPath = this.configPathOf(dir);
    return settle(() => summarise(dir, this.evaluation(dir, configPath)));
  }

  /** The unit's config file: `terragrunt.hcl`, or `terragrunt.hcl.json` when only that exists. */
  configPathOf(dir: string): string {
    const configPath = join(dir, this.context.options.configName);
    const json = `${configPath}.json`;
    return !existsSync(configPath) && existsSync(json) ? json : configPath;
  }

  /**
   * The unit's evaluation, kept for the run: members computed for the summary are not
   * computed again when the whole configuration is resolved.
   */
  private evaluation(dir: string, configPath: string): ResolvedConfig {
    let resolved = this.units.get(configPath);
    if (resolved === undefined) {
      checkNames(this.context.files.get(configPath).body, configPath);
      resolved = resolveConfig(this.context, configPath, dir, (file) => checkNames(file.body, file.path));
      this.units.set(configPath, resolved);
    }
    return resolved;
  }

  private resolveLoaded(dir: string, configPath: string): UnitConfig {
    const resolved = this.evaluation(dir, configPath);
    for (const layer of resolved.layers) checkLayer(layer);

    const merging = resolved.layers.filter((layer) => layer.include?.strategy !== "no_merge");
    const role = roleSettingsOf(merging.map((layer) => ({
      value: layer.scope.value(),
      locate: (name: string) => layer.scope.origins.get(childPointer("", name)),
    })));
    return {
      dir,
      configPath,
      config: withRoleSettings(resolved.value(), role),
      role,
      dependencies: dependencyBlocks(resolved.layers),
      includedFiles: resolved.layers.slice(1).map((layer) => layer.scope.file.path),
      origin: (pointer) => {
        const name = pointer.slice(1);
        return name in ROLE_SETTINGS ? role[name as RoleSettingName]?.origin : resolved.origin(pointer);
      },
    };
  }
}

function checkLayer(layer: Layer): void {
  const value = layer.scope.value();
  const { origins } = layer.scope;
  checkValues(value, (pointer) => {
    for (const prefix of pointerPrefixes(pointer)) {
      const origin = origins.get(prefix);
      if (origin !== undefined) return origin;
    }
    return layer.scope.location(1);
  });
  checkRoleSettings(value, (name) => origins.get(childPointer("", name)));
}

/** The merged config with role settings under terrace's names only. */
function withRoleSettings(config: ValueObject, role: RoleSettings): ValueObject {
  const result: ValueObject = { ...config };
  for (const [name, alias] of Object.entries(ROLE_SETTINGS)) {
    if (alias !== undefined) delete result[alias];
    const setting = role[name as RoleSettingName];
    if (setting !== undefined) result[name] = setting.value;
  }
  return result;
}
