/**
 * `terrace run-all COMMAND` and its aliases: plan the run, show what will run and ask before
 * changing anything, run it with signals passed on, then print the summary and write the
 * report.
 */
import { resolve } from "node:path";

import type { RunCredentials } from "../../auth/index.js";
import { writeReport } from "../../report/report-file.js";
import { checkRunAllCommand, directionOf, needsConfirmation } from "../../runner/commands.js";
import { planRun } from "../../runner/plan.js";
import { RunAll } from "../../runner/run-all.js";
import type { Output } from "../output.js";
import { confirm } from "../prompt.js";
import { workdirSettings, type RunArgs } from "../run-args.js";
import { RUN_ALL_HELP } from "../run-help.js";
import { RunView } from "../run-view.js";
import { runWithSignals, withCredentials } from "../run-support.js";

/** What the run command needs from the process it runs in. */
export interface RunIo {
  output: Output;
  env: Readonly<Record<string, string | undefined>>;
  stdin: NodeJS.ReadableStream;
  stderr: NodeJS.WritableStream;
  stderrIsTerminal: boolean;
}

export async function runAll(args: RunArgs, io: RunIo): Promise<number> {
  if (args.help) {
    io.output.stdout(RUN_ALL_HELP);
    return 0;
  }
  checkRunAllCommand(args.command);
  const workingDir = resolve(args.workingDir);
  return withCredentials(args, io, (credentials) => planAndRun(args, io, workingDir, credentials));
}

async function planAndRun(args: RunArgs, io: RunIo, workingDir: string, credentials: RunCredentials): Promise<number> {
  const plan = await planRun({
    credentials,
    workingDir,
    configName: args.configName,
    command: args.command,
    args: args.terraformArgs,
    env: io.env,
    filters: {
      includeDirs: args.includeDirs,
      excludeDirs: args.excludeDirs,
      strictInclude: args.strictInclude,
      includeExternal: args.includeExternal,
    },
  });

  const down = directionOf(args.command, args.terraformArgs) === "down";
  const order = down ? [...plan.units].reverse() : plan.units;
  const view = new RunView({
    output: io.output,
    interactive: io.stderrIsTerminal,
    colour: io.stderrIsTerminal && io.env.NO_COLOR === undefined && io.env.TERM !== "dumb",
    plain: args.parallelism === 1,
    total: plan.units.length,
  });
  view.say(down
    ? "The following units will run, dependents first:"
    : "The following units will run, dependencies first:");
  for (const unit of order) view.say(`  - ${unit.path}`);

  // Every role is assumed once, with its duration, before anything is asked or started.
  const uses = plan.units.flatMap((unit) => {
    const request = credentials.requestFor(unit.summary.role);
    return request === undefined ? [] : [{ path: unit.path, request }];
  });
  await credentials.preflight(uses);

  if (needsConfirmation(args.command) && !args.nonInteractive) {
    const question = `Run 'terraform ${args.command}' in each of these ${order.length} units?`;
    if (!(await confirm(question, io.stdin, io.stderr))) {
      view.say("terrace: nothing was run");
      return 0;
    }
  }

  const run = new RunAll(plan, {
    command: args.command,
    args: args.terraformArgs,
    parallelism: args.parallelism,
    ignoreDependencyErrors: args.ignoreDependencyErrors,
    terraformPath: args.tfPath,
    env: io.env,
    events: view.sink,
    credentials,
    workdir: workdirSettings(args),
  });
  const started = Date.now();
  const result = await runWithSignals(run);
  view.summary(result.results, Date.now() - started);
  if (args.report !== undefined) await writeReport(resolve(args.report), result.results, args.command);
  return result.exitCode;
}

/** The aliases terragrunt users type: `apply-all` is `run-all apply`. */
export const RUN_ALL_ALIASES: Record<string, string> = {
  "apply-all": "apply",
  "plan-all": "plan",
  "destroy-all": "destroy",
  "output-all": "output",
  "validate-all": "validate",
};

