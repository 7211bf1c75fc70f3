/**
 * What one resolution run shares between units: parsed files, memoised lookups and the
 * command terrace was asked to run (some functions return it).
 */
import { existsSync } from "node:fs";

import { FileCache } from "../files.js";
import type { Value } from "../value.js";
import type { RoleSettings } from "../unit-config.js";
import type { DependencyBlock } from "./dependency.js";
import { EvaluationStack } from "./lazy.js";

/** Settings of a resolution run. */
export interface ResolveOptions {
  /** Environment seen by `get_env()` and `run_cmd()`. */
  env: Readonly<Record<string, string | undefined>>;
  /** The terraform command being run (`plan`, `apply`, ...); empty for render and graph. */
  terraformCommand: string;
  /** The terraform arguments after the command. */
  terraformArgs: readonly string[];
  /** File name of a unit's config. */
  configName: string;
  /**
   * A dependency's real outputs, or undefined to fall back to its mocks. Unset while only
   * resolving (render-json, graph), where mocks stand in for outputs.
   */
  outputs?: (dependency: DependencyBlock) => Value | undefined;
  /**
   * The AWS identity a unit sees in `get_aws_account_id()` and friends: its role's, or the
   * source credentials' when `role` is undefined. May throw `Pending` while STS answers.
   */
  awsIdentity?: (role: RoleSettings | undefined) => AwsIdentity;
}

/** An AWS identity as the identity functions return it. */
export interface AwsIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** Run-wide caches; one per run, shared by every unit. */
export class ResolveContext {
  readonly files = new FileCache();
  /** `run_cmd` results by directory and arguments. */
  readonly runCmd = new Map<string, string>();
  /** `find_in_parent_folders` results by start directory and name. */
  readonly parentFolders = new Map<string, string | null>();
  /** Git repository roots by directory. */
  readonly repoRoots = new Map<string, string | null>();
  /** `read_terragrunt_config` results: by path, or by path and unit when they depend on it. */
  readonly readConfigs = new Map<string, ReadConfigResult>();
  /** The members being computed right now, across files, for cycle reports. */
  readonly stack = new EvaluationStack();

  private readonly existing = new Map<string, boolean>();

  constructor(readonly options: ResolveOptions) {}

  /** Whether a path exists, asked of the disk once per run: units share most parent folders. */
  readonly exists = (path: string): boolean => {
    let known = this.existing.get(path);
    if (known === undefined) {
      known = existsSync(path);
      this.existing.set(path, known);
    }
    return known;
  };
}

/** A memoised `read_terragrunt_config` result. */
export interface ReadConfigResult {
  value: Value;
  /** True when the result used `get_original_terragrunt_dir()` and so depends on the unit. */
  perUnit: boolean;
}

/** Options with terragrunt's defaults, for callers that set only a few. */
export function resolveOptions(partial: Partial<ResolveOptions> = {}): ResolveOptions {
  return {
    env: partial.env ?? process.env,
    terraformCommand: partial.terraformCommand ?? "",
    terraformArgs: partial.terraformArgs ?? [],
    configName: partial.configName ?? "terragrunt.hcl",
    ...(partial.outputs === undefined ? {} : { outputs: partial.outputs }),
    ...(partial.awsIdentity === undefined ? {} : { awsIdentity: partial.awsIdentity }),
  };
}
