/**
 * Arguments of the commands that run terraform (`run-all COMMAND`, `apply-all`, ...). terrace's
 * own flags, in terrace's or terragrunt's spelling, are taken out; everything else, in order,
 * is terraform's. `--` ends terrace's flags.
 */
import { resolve } from "node:path";

import { TerraceError } from "../errors.js";
import { ROLE_FLAG_ALIASES, type RoleFlags } from "./role-flags.js";

export interface RunArgs {
  command: string;
  terraformArgs: string[];
  workingDir: string;
  configName: string;
  parallelism: number;
  nonInteractive: boolean;
  ignoreDependencyErrors: boolean;
  includeDirs: string[];
  excludeDirs: string[];
  strictInclude: boolean;
  includeExternal: boolean;
  report: string | undefined;
  tfPath: string | undefined;
  debug: boolean;
  help: boolean;
  role: RoleFlags;
  downloadDir: string | undefined;
  source: string | undefined;
  /** `--source-map FROM=TO`, repeatable. */
  sourceMap: string[];
}

type FlagName = Exclude<keyof RunArgs, "command" | "terraformArgs" | "role"> | `role.${keyof RoleFlags}`;

type BooleanFlag = "nonInteractive" | "ignoreDependencyErrors" | "strictInclude" | "includeExternal" | "debug" | "help";
type StringFlag = "workingDir" | "configName" | "report" | "tfPath" | "downloadDir" | "source";

/** Each flag with its aliases and whether it takes a value. */
const FLAGS: { name: FlagName; spellings: string[]; value: boolean }[] = [
  { name: "workingDir", spellings: ["--working-dir", "--terragrunt-working-dir"], value: true },
  { name: "configName", spellings: ["--config", "--terragrunt-config"], value: true },
  { name: "parallelism", spellings: ["--parallelism", "--terragrunt-parallelism"], value: true },
  { name: "nonInteractive", spellings: ["--non-interactive", "--terragrunt-non-interactive"], value: false },
  {
    name: "ignoreDependencyErrors",
    spellings: ["--ignore-dependency-errors", "--terragrunt-ignore-dependency-errors", "--queue-ignore-errors"],
    value: false,
  },
  { name: "includeDirs", spellings: ["--include-dir", "--terragrunt-include-dir", "--queue-include-dir"], value: true },
  { name: "excludeDirs", spellings: ["--exclude-dir", "--terragrunt-exclude-dir", "--queue-exclude-dir"], value: true },
  { name: "strictInclude", spellings: ["--strict-include", "--terragrunt-strict-include", "--queue-strict-include"], value: false },
  {
    name: "includeExternal",
    spellings: ["--include-external-dependencies", "--terragrunt-include-external-dependencies", "--queue-include-external"],
    value: false,
  },
  { name: "report", spellings: ["--report", "--report-file"], value: true },
  { name: "tfPath", spellings: ["--tf-path", "--terragrunt-tfpath"], value: true },
  { name: "downloadDir", spellings: ["--download-dir", "--terragrunt-download-dir"], value: true },
  { name: "source", spellings: ["--source", "--terragrunt-source"], value: true },
  { name: "sourceMap", spellings: ["--source-map", "--terragrunt-source-map"], value: true },
  { name: "debug", spellings: ["--debug", "--terragrunt-debug"], value: false },
  ...roleFlagSpellings(),
  { name: "help", spellings: ["--help", "-h"], value: false },
];

/** True for a flag of terrace's, in any spelling, that takes the next argument as its value. */
export function takesValue(arg: string): boolean {
  return FLAGS.some((flag) => flag.value && flag.spellings.includes(arg));
}

/** Parses `argv` after the command name; `command` is the terraform command when known. */
export function parseRunArgs(argv: readonly string[], command: string | undefined,
  env: Readonly<Record<string, string | undefined>>): RunArgs {
  const args: RunArgs = {
    command: command ?? "",
    terraformArgs: [],
    workingDir: process.cwd(),
    configName: "terragrunt.hcl",
    parallelism: Number.MAX_SAFE_INTEGER,
    nonInteractive: env.TF_INPUT === "false" || env.TF_INPUT === "0" || isTrue(env.TG_NON_INTERACTIVE)
      || isTrue(env.TERRAGRUNT_NON_INTERACTIVE),
    ignoreDependencyErrors: false,
    includeDirs: [],
    excludeDirs: [],
    strictInclude: false,
    includeExternal: false,
    report: undefined,
    tfPath: env.TG_TF_PATH ?? env.TERRAGRUNT_TFPATH,
    debug: false,
    help: false,
    role: {},
    downloadDir: env.TG_DOWNLOAD_DIR ?? env.TERRAGRUNT_DOWNLOAD,
    source: env.TG_SOURCE ?? env.TERRAGRUNT_SOURCE,
    sourceMap: [],
  };
  if (env.TG_PARALLELISM !== undefined) args.parallelism = parallelism(env.TG_PARALLELISM);

  let passThrough = false;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    if (passThrough) {
      args.terraformArgs.push(arg);
      continue;
    }
    if (arg === "--") {
      passThrough = true;
      continue;
    }
    const [spelling, inline] = splitFlag(arg);
    const flag = FLAGS.find((candidate) => candidate.spellings.includes(spelling));
    if (flag === undefined) {
      if (args.command === "") args.command = arg;
      else args.terraformArgs.push(arg);
      continue;
    }
    if (!flag.value) {
      (args[flag.name as BooleanFlag] as boolean) = true;
      continue;
    }
    const value = inline ?? argv[(index += 1)];
    if (value === undefined) {
      throw new TerraceError("USAGE", `${spelling} needs a value`, { hint: `write ${spelling} VALUE` });
    }
    setValue(args, flag.name, value);
  }
  return args;
}

function setValue(args: RunArgs, name: FlagName, value: string): void {
  if (name.startsWith("role.")) args.role[name.slice(5) as keyof RoleFlags] = value;
  else if (name === "parallelism") args.parallelism = parallelism(value);
  else if (name === "includeDirs" || name === "excludeDirs" || name === "sourceMap") args[name].push(value);
  else (args[name as StringFlag] as string) = value;
}

function parallelism(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw new TerraceError("USAGE", `--parallelism ${value} is not a positive whole number`, {
      hint: "give the number of units that may run at once, e.g. --parallelism 4",
    });
  }
  return count;
}

/** The role flags, under terrace's names and terragrunt's. */
function roleFlagSpellings(): { name: FlagName; spellings: string[]; value: boolean }[] {
  const fields: [keyof RoleFlags, string][] = [
    ["iamRole", "--iam-role"],
    ["iamRoleDuration", "--iam-role-duration"],
    ["iamRoleSessionName", "--iam-role-session-name"],
    ["iamWebIdentityToken", "--iam-web-identity-token"],
    ["iamRoleExternalId", "--iam-role-external-id"],
    ["credentials", "--credentials"],
  ];
  return fields.map(([field, flag]) => ({
    name: `role.${field}` as FlagName,
    spellings: [flag, ...Object.keys(ROLE_FLAG_ALIASES).filter((alias) => ROLE_FLAG_ALIASES[alias] === flag)],
    value: true,
  }));
}

function splitFlag(arg: string): [string, string | undefined] {
  const equals = arg.indexOf("=");
  if (!arg.startsWith("--") || equals < 0) return [arg, undefined];
  return [arg.slice(0, equals), arg.slice(equals + 1)];
}

function isTrue(value: string | undefined): boolean {
  return value === "true" || value === "1";
}

/** The `--download-dir`, `--source` and `--source-map` settings of a run, paths made absolute. */
export function workdirSettings(args: RunArgs): { downloadDir?: string; sourceOverride?: string; sourceMap?: Record<string, string> } {
  const sourceMap: Record<string, string> = {};
  for (const entry of args.sourceMap) {
    const separator = entry.indexOf("=");
    if (separator <= 0) {
      throw new TerraceError("USAGE", `--source-map ${entry} is not FROM=TO`, {
        hint: "map a module URL to another, e.g. --source-map git::https://example.com/modules.git=/src/modules",
      });
    }
    sourceMap[entry.slice(0, separator)] = absoluteIfLocal(entry.slice(separator + 1));
  }
  return {
    ...(args.downloadDir === undefined ? {} : { downloadDir: resolve(args.downloadDir) }),
    ...(args.source === undefined ? {} : { sourceOverride: absoluteIfLocal(args.source) }),
    ...(args.sourceMap.length === 0 ? {} : { sourceMap }),
  };
}

/** A local path from the command line is taken from the current directory, not the unit's. */
function absoluteIfLocal(source: string): string {
  return /^[a-z][\w+.-]*::|^[a-z][\w+.-]*:\/\/|^git@/i.test(source) ? source : resolve(source);
}
