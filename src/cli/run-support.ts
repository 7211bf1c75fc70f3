/**
 * What the commands that run terraform share: the run's credentials, built from the role
 * flags and the environment and closed when the command ends, and Ctrl-C/SIGTERM passed to
 * the run while it goes.
 */
import { RunCredentials } from "../auth/index.js";
import type { RunAll, RunResult } from "../runner/run-all.js";
import type { RunIo } from "./commands/run-all.js";
import { displayPath } from "./errors.js";
import { credentialMode, overridesOf } from "./role-flags.js";
import type { RunArgs } from "./run-args.js";

/** Runs `work` with the run's credentials, closing them (and their endpoint) afterwards. */
export async function withCredentials<T>(args: RunArgs, io: RunIo, work: (credentials: RunCredentials) => Promise<T>): Promise<T> {
  const credentials = new RunCredentials({
    mode: credentialMode(args.role.credentials, io.env),
    overrides: overridesOf(args.role, io.env),
    env: io.env,
    display: (file) => displayPath(file, process.cwd()),
    onProblem: (role, message) => io.output.stderr(`terrace: cannot renew the credentials of ${role}: ${message}\n`),
  });
  try {
    return await work(credentials);
  } finally {
    await credentials.close();
  }
}

/** Runs `run`, passing each SIGINT and SIGTERM to it as an interrupt. */
export async function runWithSignals(run: RunAll): Promise<RunResult> {
  const onSignal = () => run.interrupt();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await run.run();
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
