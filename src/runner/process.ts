/**
 * One terraform process (or hook command): started in its own process group so that a
 * Ctrl-C on the terminal reaches terrace alone, which passes it on exactly once; output
 * delivered as whole lines; never rejects, always resolves to an exit code.
 */
import { constants } from "node:os";

import { execa } from "execa";

export type Stream = "stdout" | "stderr";

export interface ProcessOptions {
  command: string;
  args: readonly string[];
  cwd: string;
  /** The whole environment of the process; nothing is inherited besides it. */
  env: Readonly<Record<string, string>>;
  onLine(stream: Stream, line: string): void;
  /** Give the process terrace's own stdin (a single unit's prompts); no stdin otherwise. */
  interactive?: boolean;
}

export interface ProcessResult {
  exitCode: number;
  /** Set when the process could not start or was killed by a signal. */
  failure: string | undefined;
}

export interface RunningProcess {
  result: Promise<ProcessResult>;
  /** Asks the process to stop, as a Ctrl-C would: it may finish writing state first. */
  interrupt(): void;
  /** Stops the process at once. */
  kill(): void;
}

/** Starts a process; its output arrives line by line through `onLine`. */
export function startProcess(options: ProcessOptions): RunningProcess {
  const child = execa(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    detached: true,
    reject: false,
    buffer: false,
    stdin: options.interactive === true ? "inherit" : "ignore",
  });
  const done = Promise.all([
    forwardLines(child.stdout, (line) => options.onLine("stdout", line)),
    forwardLines(child.stderr, (line) => options.onLine("stderr", line)),
  ]);

  const result = child.then(async (outcome) => {
    await done;
    if (outcome.failed && outcome.exitCode === undefined) {
      if (outcome.signal !== undefined) {
        // The shell's convention: 128 plus the signal's number (130 for SIGINT, 137 for SIGKILL).
        const exitCode = 128 + (constants.signals[outcome.signal] ?? 0);
        return { exitCode, failure: `killed by ${outcome.signal}` };
      }
      const notFound = outcome.code === "ENOENT";
      return { exitCode: 127, failure: notFound ? `${options.command}: command not found` : outcome.shortMessage };
    }
    return { exitCode: outcome.exitCode ?? 1, failure: undefined };
  });

  return {
    result,
    interrupt: () => void child.kill("SIGINT"),
    kill: () => void child.kill("SIGKILL"),
  };
}

/** Calls `onLine` for each whole line of a stream, and for a last unterminated line at its end. */
function forwardLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): Promise<void> {
  if (stream === null) return Promise.resolve();
  return new Promise((resolve) => {
    let pending = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) onLine(line.endsWith("\r") ? line.slice(0, -1) : line);
    });
    stream.on("end", () => {
      if (pending !== "") onLine(pending);
      resolve();
    });
    stream.on("error", () => resolve());
  });
}
