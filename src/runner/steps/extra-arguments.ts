/**
 * `terraform.extra_arguments`: each block whose `commands` name the command contributes, in
 * declaration order, its `arguments`, then `-var-file=` for each required var file and for each
 * optional one that exists, and its `env_vars` (a later block's value wins). Var-file paths are
 * taken from the unit's directory and passed as absolute paths, because terraform runs in the
 * working copy, not in the unit. The result goes right after the sub-command, ahead of the
 * user's arguments, so that a user's `-var` on the command line still has the last word.
 */
import { existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";

import type { ValueObject } from "../../config/value.js";
import { TerraceError } from "../../errors.js";
import {
  blockTitle, fieldOrigin, labeledBlocks, stringList, stringMap, type LabeledBlock, type Origin,
} from "./config-fields.js";

/** What `terraformArguments` reads. */
export interface ExtraArgumentsOptions {
  /** The unit's resolved configuration. */
  config: ValueObject;
  /** The terraform sub-command (`plan`, `init` for auto-init too). */
  command: string;
  /** The unit's directory: relative var-file paths are taken from it. */
  unitDir: string;
  origin: Origin;
}

/** The arguments and environment that a unit's extra_arguments add to one command. */
export interface ExtraArguments {
  args: string[];
  env: Record<string, string>;
}

// Boolean flags of `terraform init`: a word after any other flag without `=` is its value.
const INIT_BOOLEAN_FLAGS = new Set([
  "-backend", "-get", "-input", "-lock", "-upgrade", "-reconfigure", "-migrate-state",
  "-force-copy", "-no-color", "-ignore-remote-version", "-json",
]);

/**
 * The extra arguments and environment for `command`. Throws a TerraceError at the block's line
 * for a missing required var file, and for `-from-module` or a directory given to init.
 */
export function terraformArguments(options: ExtraArgumentsOptions): ExtraArguments {
  const { config, command, unitDir, origin } = options;
  const args: string[] = [];
  let env: Record<string, string> = {};

  for (const block of labeledBlocks(config, "terraform", "extra_arguments")) {
    if (!stringList(block, "commands", origin).includes(command)) continue;
    const own = stringList(block, "arguments", origin);
    if (command === "init") refuseInitSource(block, own, origin);
    args.push(...own);

    for (const file of stringList(block, "required_var_files", origin)) {
      const path = fromUnit(unitDir, file);
      if (!existsSync(path)) throw missingVarFile(block, file, path, origin);
      args.push(`-var-file=${path}`);
    }
    for (const file of stringList(block, "optional_var_files", origin)) {
      const path = fromUnit(unitDir, file);
      if (existsSync(path)) args.push(`-var-file=${path}`);
    }
    env = { ...env, ...stringMap(block, "env_vars", origin) };
  }
  return { args, env };
}

/**
 * The whole argument list of terraform: the sub-command, the extra arguments, then the user's.
 * For `apply` of a saved plan (the last user argument is a file in `workdir`) the extra
 * `-var`/`-var-file` arguments are left out, since terraform refuses variables with a plan.
 */
export function terraformArgv(
  command: string,
  extra: readonly string[],
  userArgs: readonly string[],
  workdir: string,
): string[] {
  const last = userArgs.at(-1);
  const savedPlan = command === "apply" && last !== undefined && !last.startsWith("-")
    && existsSync(resolve(workdir, last));
  const kept = savedPlan ? extra.filter((arg) => !/^-var(-file)?=/.test(arg)) : extra;
  return [command, ...kept, ...userArgs];
}

function fromUnit(unitDir: string, file: string): string {
  return isAbsolute(file) ? file : join(unitDir, file);
}

function missingVarFile(block: LabeledBlock, file: string, path: string, origin: Origin): TerraceError {
  const shown = file === path ? file : `${file} (${path})`;
  const message = `${blockTitle(block)}: required var file ${shown} does not exist`;
  return new TerraceError("FILE_NOT_FOUND", message, {
    location: fieldOrigin(block, "required_var_files", origin),
    hint: "create the file, or list it under optional_var_files if the unit may run without it",
  });
}

/** Init's source is the unit's own business: extra arguments may not replace it. */
function refuseInitSource(block: LabeledBlock, args: readonly string[], origin: Origin): void {
  const title = blockTitle(block);
  const fail = (what: string) => new TerraceError("SCHEMA", `${title}: init arguments include ${what}`, {
    location: fieldOrigin(block, "arguments", origin),
    hint: "terrace copies the module into the working copy itself; set terraform.source instead",
  });

  args.forEach((arg, index) => {
    if (arg === "-from-module" || arg.startsWith("-from-module=")) throw fail(JSON.stringify(arg));
    if (arg.startsWith("-")) return;
    const previous = args[index - 1];
    const isValue = previous !== undefined && previous.startsWith("-") && !previous.includes("=")
      && !INIT_BOOLEAN_FLAGS.has(previous);
    if (!isValue) throw fail(`the directory ${JSON.stringify(arg)}`);
  });
}
