/**
 * The terraform part of a unit's turn, once its working directory is ready: init when needed,
 * the before hooks, the command with the unit's extra arguments (retried or forgiven as its
 * `errors` block says), the after hooks, and the error hooks when the command failed. A hook
 * that fails before terraform stops the unit; one that fails after a successful command fails
 * it; after a failed command, terraform's error is the one reported.
 */
import type { UnitConfig } from "../config/index.js";
import { displayPath, type GraphNode } from "../graph/graph.js";
import { runAllArguments } from "./commands.js";
import { startProcess } from "./process.js";
import { terraformArguments, terraformArgv } from "./steps/extra-arguments.js";
import { describeHookFailure, runHooks, type HookKind } from "./steps/hooks.js";
import { retryPolicy, runWithRetries } from "./steps/retry.js";
import type { UnitRunOptions, UnitRunResult } from "./unit-run.js";
import { markInitialised, type PreparedWorkdir } from "./workdir/index.js";

/** What the command step needs of the unit's turn so far. */
export interface CommandStep {
  node: GraphNode;
  unit: UnitConfig;
  workdir: PreparedWorkdir;
  binary: string;
  env: Record<string, string>;
  options: UnitRunOptions;
}

const NOT_STARTED: UnitRunResult = { exitCode: 130, error: undefined, notStarted: true };

/** Runs init (when needed), the hooks and the command; throws only for configuration errors. */
export async function runCommand(step: CommandStep): Promise<UnitRunResult> {
  const { unit, workdir, options } = step;
  const policy = retryPolicy(unit.config, unit.origin);
  const extra = terraformArguments({ config: unit.config, command: options.command, unitDir: unit.dir, origin: unit.origin });
  const env = { ...step.env, ...extra.env };

  if (options.interrupted()) return NOT_STARTED;
  if (options.command !== "init" && workdir.needsInit) {
    const initExtra = terraformArguments({ config: unit.config, command: "init", unitDir: unit.dir, origin: unit.origin });
    const argv = terraformArgv("init", initExtra.args, ["-input=false", ...workdir.backendArgs], workdir.dir);
    const init = await options.initLock.run(() => runTerraform(step, argv, { ...env, ...initExtra.env }));
    if (init.exitCode !== 0) return { exitCode: init.exitCode, error: `terraform init failed: ${init.error ?? ""}`.trim() };
    markInitialised(workdir);
    if (options.interrupted()) return NOT_STARTED;
  }

  const before = await hooks(step, "before", env);
  if (before !== undefined) return before;

  const userArgs = options.single === true ? [...options.args] : runAllArguments(options.command, options.args).slice(1);
  if (options.command === "init") userArgs.push(...workdir.backendArgs.filter((arg) => !userArgs.includes(arg)));
  const argv = terraformArgv(options.command, extra.args, userArgs, workdir.dir);
  const detailed = argv.includes("-detailed-exitcode");
  const { result, ignored } = await runWithRetries(
    () => options.command === "init"
      ? options.initLock.run(() => runTerraform(step, argv, env))
      : runTerraform(step, argv, env),
    policy,
    {
      sleep: (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000)),
      interrupted: options.interrupted,
      succeeded: (code) => code === 0 || (detailed && code === 2),
    },
  );
  const failed = result.error !== undefined && ignored === undefined;
  if (options.command === "init" && !failed) markInitialised(workdir);

  const after = await hooks(step, "after", env, failed ? result.output : undefined);
  if (failed) {
    await hooks(step, "error", env, result.output);
    return result;
  }
  if (after !== undefined) return after;
  return ignored === undefined ? result : { ...result, exitCode: 0, error: undefined };
}

/** Runs one kind of hooks; a failure becomes the unit's result. */
async function hooks(step: CommandStep, kind: HookKind, env: Record<string, string>, failedOutput?: string):
  Promise<UnitRunResult | undefined> {
  const { node, unit, workdir, options } = step;
  const { failure } = await runHooks(kind, {
    config: unit.config,
    origin: unit.origin,
    command: options.command,
    workdir: workdir.dir,
    unitDir: unit.dir,
    env,
    onLine: (_hook, stream, line) => options.events({ kind: "line", unit: node.path, stream, line }),
    ...(failedOutput === undefined ? {} : { failure: { output: failedOutput } }),
    track: options.track,
    interrupted: options.interrupted,
  });
  if (failure === undefined) return undefined;
  return { exitCode: failure.exitCode, error: describeHookFailure(failure, (file) => displayPath(options.workingDir, file)) };
}

/** One terraform process; its whole output is kept for the retry and error-hook rules. */
async function runTerraform(step: CommandStep, args: string[], env: Record<string, string>):
  Promise<UnitRunResult & { output: string }> {
  const { node, workdir, binary, options } = step;
  let firstError: string | undefined;
  const output: string[] = [];
  const process = startProcess({
    command: binary,
    args,
    cwd: workdir.dir,
    interactive: options.single === true,
    env,
    onLine: (stream, line) => {
      firstError ??= errorLine(line);
      output.push(line);
      // Auto-init is terrace's housekeeping: its output must not mix with the command's
      // stdout, which a user may parse (`terrace output -json`).
      const to = args[0] === "init" && options.command !== "init" ? "stderr" : stream;
      options.events({ kind: "line", unit: node.path, stream: to, line });
    },
  });
  options.track(process);
  const result = await process.result;
  options.track(undefined);

  const text = output.join("\n");
  if (result.exitCode === 0 || (result.exitCode === 2 && args.includes("-detailed-exitcode"))) {
    return { exitCode: result.exitCode, error: undefined, output: text };
  }
  const error = result.failure ?? firstError ?? `${binary} exited with code ${result.exitCode}`;
  return { exitCode: result.exitCode, error, output: text };
}

/**
 * The text of an `Error:` line as terraform prints it (`│ Error: ...`, coloured unless
 * -no-color, which terrace does not add), or undefined for any other line.
 */
function errorLine(line: string): string | undefined {
  const plain = line.replace(/\u001b\[[0-9;]*m/g, "");
  return /^(\S+\s+)?(│\s*)?Error:/.test(plain) ? plain.replace(/^│\s*/, "").trim() : undefined;
}
