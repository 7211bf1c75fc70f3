/**
 * `before_hook`, `after_hook` and `error_hook`: the hooks of one kind whose `commands` name the
 * terraform command run one at a time, in declaration order, each as `execute[0]` with the
 * rest as arguments, in `working_dir` (default: terraform's working directory) and with the
 * unit's environment. After hooks run once terraform succeeded, or also after a failure when
 * `run_on_error = true`; error hooks run after a failure whose output matches one of their
 * `on_errors` patterns. Once a hook fails, the later hooks run only when they set
 * `run_on_error = true`, and the first failure is the result. Nothing here throws: a hook's
 * problem, including a malformed hook block, is reported as a failure that names the hook.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";

import type { ValueObject } from "../../config/value.js";
import { isTerraceError, type SourceLocation } from "../../errors.js";
import { startProcess, type RunningProcess, type Stream } from "../process.js";
import {
  boolField, fieldOrigin, labeledBlocks, stringField, stringList, type LabeledBlock, type Origin,
} from "./config-fields.js";
import { compileGoRegex } from "./go-regex.js";

/** Which hooks: `before_hook`, `after_hook` or `error_hook`. */
export type HookKind = "before" | "after" | "error";

// Terragrunt's own stages, not terraform commands: terrace has no such stage to hook into.
const SPECIAL_COMMANDS = new Set(["init-from-module", "read-config"]);

/** What `runHooks` needs from the unit's run. */
export interface HookOptions {
  config: ValueObject;
  origin: Origin;
  /** The terraform sub-command being run. */
  command: string;
  /** Where terraform runs: the default working dir of a hook. */
  workdir: string;
  /** The unit's directory: a relative `working_dir` is taken from it. */
  unitDir: string;
  /** The unit's whole environment. */
  env: Readonly<Record<string, string>>;
  /** Each line a hook prints; stdout lines of a `suppress_stdout` hook are not passed on. */
  onLine(hook: string, stream: Stream, line: string): void;
  /** Set when terraform failed: its whole output, which error hooks match against. */
  failure?: { output: string };
  /** Called with each hook process as it starts and with undefined when it ends. */
  track?(process: RunningProcess | undefined): void;
  /** True once the run is interrupted: from then on no hook starts. */
  interrupted?(): boolean;
}

/** A hook that could not run or exited non-zero. */
export interface HookFailure {
  /** `before_hook "fmt"`. */
  hook: string;
  location: SourceLocation | undefined;
  /** What went wrong: `exited with code 3`, `tflint: command not found`. */
  reason: string;
  exitCode: number;
}

/** The hooks that ran, by name, and the first failure among them. */
export interface HooksResult {
  ran: string[];
  failure: HookFailure | undefined;
}

/** Runs the hooks of `kind` that apply to this command; never throws. */
export async function runHooks(kind: HookKind, options: HookOptions): Promise<HooksResult> {
  const ran: string[] = [];
  let failure: HookFailure | undefined;
  if (SPECIAL_COMMANDS.has(options.command)) return { ran, failure };
  if (kind === "error" && options.failure === undefined) return { ran, failure };

  for (const block of labeledBlocks(options.config, "terraform", `${kind}_hook`)) {
    if (options.interrupted?.() === true) break;
    const title = `${kind}_hook "${block.name}"`;
    const location = options.origin(block.pointer);
    try {
      if (!applies(kind, block, options, failure !== undefined)) continue;
      ran.push(block.name);
      const reason = await runHook(title, block, options);
      if (reason !== undefined) failure ??= { hook: title, location, ...reason };
    } catch (error) {
      if (!isTerraceError(error)) throw error;
      const message = error.message.replace(`${title}: `, "");
      const reason = error.hint === undefined ? message : `${message}; ${error.hint}`;
      failure ??= { hook: title, location: error.location ?? location, reason, exitCode: 1 };
    }
  }
  return { ran, failure };
}

/** The failure as one line: `before_hook "fmt" (terragrunt.hcl:12): exited with code 3`. */
export function describeHookFailure(
  failure: HookFailure,
  displayFile: (file: string) => string = (file) => file,
): string {
  const { location } = failure;
  const place = location === undefined ? "" : ` (${displayFile(location.file)}:${location.line})`;
  return `${failure.hook}${place}: ${failure.reason}`;
}

function applies(kind: HookKind, block: LabeledBlock, options: HookOptions, hookFailed: boolean): boolean {
  const { origin } = options;
  if (!stringList(block, "commands", origin).includes(options.command)) return false;
  if (kind !== "error" && !boolField(block, "if", true, origin)) return false;
  const runOnError = kind !== "error" && boolField(block, "run_on_error", false, origin);
  if (hookFailed && !runOnError) return false;
  if (kind === "after") return options.failure === undefined || runOnError;
  if (kind === "error") {
    const location = fieldOrigin(block, "on_errors", origin);
    const patterns = stringList(block, "on_errors", origin)
      .map((pattern) => compileGoRegex(pattern, location));
    return patterns.some((pattern) => pattern.test(options.failure?.output ?? ""));
  }
  return true;
}

async function runHook(
  title: string,
  block: LabeledBlock,
  options: HookOptions,
): Promise<{ reason: string; exitCode: number } | undefined> {
  const [command, ...args] = stringList(block, "execute", options.origin);
  if (command === undefined || command === "") {
    return { reason: "execute is empty; give the command and its arguments", exitCode: 1 };
  }
  const workingDir = stringField(block, "working_dir", options.origin);
  const suppressStdout = boolField(block, "suppress_stdout", false, options.origin);
  const cwd = workingDir === undefined ? options.workdir : resolve(options.unitDir, workingDir);
  // A missing cwd makes the spawn fail like a missing command would; say which it was.
  if (!existsSync(cwd)) return { reason: `working_dir ${cwd} does not exist`, exitCode: 1 };

  const process = startProcess({
    command,
    args,
    cwd,
    env: { ...options.env, TG_CTX_COMMAND: options.command, TG_CTX_HOOK_NAME: block.name },
    onLine: (stream, line) => {
      if (stream === "stdout" && suppressStdout) return;
      options.onLine(title, stream, line);
    },
  });
  options.track?.(process);
  const result = await process.result;
  options.track?.(undefined);

  if (result.failure !== undefined) return { reason: result.failure, exitCode: result.exitCode };
  if (result.exitCode !== 0) {
    return { reason: `${command} exited with code ${result.exitCode}`, exitCode: result.exitCode };
  }
  return undefined;
}
