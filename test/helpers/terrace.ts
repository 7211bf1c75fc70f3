/**
 * Running the CLI in tests: in this process through `main` (fast; no signals, no stdin), or as
 * a real `node bin/terrace.js` process built by the global setup (signals, exit codes, prompts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

import { main } from "../../src/cli/main.js";
import { repoRoot } from "./tree.js";

/** What a terrace run printed, and how it ended. */
export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `main(argv)` here with output captured, in this process's environment plus `env`.
 * Nothing global changes, so tests that use it may run concurrently.
 */
export async function terraceMain(argv: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const output = {
    stdout: (text: string) => void stdout.push(text),
    stderr: (text: string) => void stderr.push(text),
  };
  const exitCode = await main(argv, output, { ...process.env, ...env });
  return { exitCode, stdout: stdout.join(""), stderr: stderr.join("") };
}

export interface SpawnOptions {
  cwd: string;
  /** Added to this process's environment. */
  env?: Record<string, string>;
  /** Written to stdin, which is then closed; without it stdin is closed at once. */
  input?: string;
}

/** terrace as a child process, its output collected as it comes. */
export class TerraceProcess {
  stdout = "";
  stderr = "";
  readonly result: Promise<CliResult>;
  private readonly child: ChildProcess;
  private readonly waiters: (() => void)[] = [];

  constructor(argv: string[], options: SpawnOptions) {
    this.child = spawn(process.execPath, [join(repoRoot, "bin", "terrace.js"), ...argv], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: "pipe",
    });
    this.child.stdout?.setEncoding("utf8").on("data", (text: string) => this.collect("stdout", text));
    this.child.stderr?.setEncoding("utf8").on("data", (text: string) => this.collect("stderr", text));
    this.child.stdin?.end(options.input ?? "");
    this.result = new Promise((resolve, reject) => {
      this.child.on("error", reject);
      this.child.on("close", (code, signal) => {
        for (const wake of this.waiters.splice(0)) wake();
        resolve({ exitCode: code ?? (signal === null ? -1 : 128), stdout: this.stdout, stderr: this.stderr });
      });
    });
  }

  /** Resolves once `pattern` has appeared in the stream; rejects if the process ends first. */
  async waitFor(stream: "stdout" | "stderr", pattern: RegExp): Promise<void> {
    while (!pattern.test(this[stream])) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`terrace ended before ${stream} matched ${pattern}:\n${this.stdout}\n${this.stderr}`);
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Sends a signal to terrace alone (not to its process group), as `kill PID` would. */
  signal(name: NodeJS.Signals): void {
    this.child.kill(name);
  }

  private collect(stream: "stdout" | "stderr", text: string): void {
    this[stream] += text;
    for (const wake of this.waiters.splice(0)) wake();
  }
}

/** Runs terrace as a process to its end. */
export function terraceProcess(argv: string[], options: SpawnOptions): Promise<CliResult> {
  return new TerraceProcess(argv, options).result;
}

/** The run summary at the end of terrace's stderr, one string per line, durations as "#.#s". */
export function summaryOf(stderr: string): string[] {
  const start = stderr.lastIndexOf("Run summary:");
  if (start < 0) throw new Error(`no run summary in:\n${stderr}`);
  return stderr.slice(start).trimEnd().split("\n").map((line) => line.replace(/\d+\.\ds/g, "#.#s"));
}
