/**
 * A terraform command in one unit (`terrace plan`, `terrace apply`, any command terraform
 * knows): the unit's configuration resolved, its dependencies' outputs read, its role assumed
 * and delivered, then terraform with the user's arguments as given. terraform's output is
 * passed through unprefixed and its exit code is terrace's.
 */
import { resolve } from "node:path";

import type { UnitSummary } from "../../config/index.js";
import { actionMatches } from "../../graph/filter.js";
import { planUnit } from "../../runner/plan.js";
import { RunAll } from "../../runner/run-all.js";
import { workdirSettings, type RunArgs } from "../run-args.js";
import { RunView } from "../run-view.js";
import { runWithSignals, withCredentials } from "../run-support.js";
import type { RunIo } from "./run-all.js";

/** terraform's commands, run in the unit of the working directory. */
export const TERRAFORM_COMMANDS = new Set([
  "init", "validate", "plan", "apply", "destroy", "console", "fmt", "force-unlock", "get", "import",
  "login", "logout", "metadata", "output", "providers", "refresh", "show", "state", "taint", "test",
  "untaint", "workspace",
]);

export async function runSingle(args: RunArgs, io: RunIo): Promise<number> {
  const workingDir = resolve(args.workingDir);
  return withCredentials(args, io, async (credentials) => {
    const plan = await planUnit({
      workingDir,
      configName: args.configName,
      command: args.command,
      args: args.terraformArgs,
      env: io.env,
      credentials,
    });
    const [unit] = plan.units;
    const skipped = unit === undefined ? undefined : skipReason(unit.summary, args.command);
    if (skipped !== undefined) {
      io.output.stderr(`terrace: skipping ${workingDir}: ${skipped}\n`);
      return 0;
    }
    const request = unit === undefined ? undefined : credentials.requestFor(unit.summary.role);
    if (unit !== undefined && request !== undefined) await credentials.preflight([{ path: unit.path, request }]);

    const view = new RunView({ output: io.output, interactive: false, colour: false, plain: true, total: 1 });
    const run = new RunAll(plan, {
      command: args.command,
      args: args.terraformArgs,
      parallelism: 1,
      ignoreDependencyErrors: false,
      terraformPath: args.tfPath,
      env: io.env,
      events: view.sink,
      credentials,
      single: true,
      workdir: workdirSettings(args),
    });
    const { results, exitCode } = await runWithSignals(run);
    const result = results.find((candidate) => candidate.dir === workingDir);
    if (result?.status === "failed" && result.reason !== undefined && result.startedAt !== undefined) {
      view.say(`terrace: ${result.reason}`);
    }
    return result?.exitCode ?? exitCode;
  });
}

/** Why a unit does not run on its own: `skip = true`, or an `exclude` block with `no_run`. */
function skipReason(summary: UnitSummary, command: string): string | undefined {
  if (summary.skip) return "skip = true";
  const block = summary.exclude;
  if (block?.if === true && block.no_run === true && actionMatches(block.actions, command)) {
    return `its exclude block (no_run) covers ${command}`;
  }
  return undefined;
}
