/**
 * The fake terraform (`test/fixtures/bin/terraform`) and the trees it runs in: a fixture copied
 * to a temp dir, each unit's behaviour written to its `fake.json`, and the log of every call
 * the fake received, read back as data.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, delimiter, dirname, join, relative } from "node:path";

import { terraceMain, TerraceProcess, type CliResult } from "./terrace.js";
import { copyFixture, repoRoot, writeTree } from "./tree.js";

/** The directory holding the fake `terraform`, to put first on PATH. */
export const FAKE_BIN = join(repoRoot, "test", "fixtures", "bin");

/** The fake terraform itself, for `--tf-path`. */
export const FAKE_TERRAFORM = join(FAKE_BIN, "terraform");

/** What the fake does for one command. */
export interface FakeBehaviour {
  /** Seconds to wait before exiting. */
  sleep?: number;
  exit?: number;
  stdout?: string[];
  stderr?: string[];
  /** For `output -json`: the output values. */
  json?: Record<string, unknown>;
}

/** One call of the fake, as it logged it. */
export interface FakeCall {
  /** The unit's path relative to the tree's root. */
  unit: string;
  command: string;
  argv: string[];
  tfVars: Record<string, string>;
  /** The names of the AWS_* variables it received, sorted; never their values. */
  awsEnv: string[];
  /** With FAKE_TF_CREDENTIALS=1: the `fingerprint` of the access key an SDK would have used. */
  credential?: string | null;
  pid: number;
  started: number;
  ended: number;
  interrupts: number;
  exitCode: number;
}

/** A fixture tree in a temp dir, run with the fake terraform. */
export class FakeTree {
  readonly log: string;

  private constructor(readonly root: string) {
    this.log = join(root, "fake-terraform.log");
  }

  /**
   * Copies `fixture` (relative to the repository root) to a fresh temp dir. Units are
   * `initialised` (given a `.terraform/`) unless told otherwise, so that the log holds the
   * commands under test and runs spend no time on `init`.
   */
  static copy(fixture: string, options: { initialised?: boolean } = {}): FakeTree {
    return FakeTree.at(copyFixture(fixture), options);
  }

  /** A tree of `files` (relative path → content) in a fresh temp dir, initialised as by `copy`. */
  static write(files: Record<string, string>, options: { initialised?: boolean } = {}): FakeTree {
    return FakeTree.at(writeTree(files), options);
  }

  /** A tree already in place at `root`, initialised as by `copy`. */
  static at(root: string, options: { initialised?: boolean }): FakeTree {
    if (options.initialised !== false) {
      for (const unit of readdirSync(root, { recursive: true, encoding: "utf8" })) {
        if (basename(unit) === "terragrunt.hcl") mkdirSync(join(root, dirname(unit), ".terraform"));
      }
    }
    return new FakeTree(root);
  }

  /** Sets what the fake does in `unit`, per command; `interrupt.delay` delays its SIGINT exit. */
  behave(unit: string, commands: Record<string, FakeBehaviour | { delay: number }>): this {
    writeFileSync(join(this.root, unit, "fake.json"), JSON.stringify(commands));
    return this;
  }

  /** The environment that puts the fake first on PATH and names its log. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { PATH: `${FAKE_BIN}${delimiter}${process.env.PATH ?? ""}`, FAKE_TF_LOG: this.log, ...extra };
  }

  /** Runs terrace in this process on the tree: `argv` plus `--working-dir`. */
  terrace(argv: string[], env: Record<string, string> = {}): Promise<CliResult> {
    return terraceMain([...argv, "--working-dir", this.root], this.env(env));
  }

  /** Starts terrace as a process in the tree's root. */
  spawn(argv: string[], options: { env?: Record<string, string>; input?: string } = {}): TerraceProcess {
    return new TerraceProcess(argv, { cwd: this.root, env: this.env(options.env), input: options.input });
  }

  /** Every call the fake logged, in the order they ended. */
  calls(command?: string): FakeCall[] {
    if (!existsSync(this.log)) return [];
    const calls = readFileSync(this.log, "utf8").trim().split("\n").filter((line) => line !== "")
      .map((line) => JSON.parse(line) as FakeCall & { cwd: string })
      .map(({ cwd, ...call }) => ({ ...call, unit: relative(this.root, cwd) }));
    return command === undefined ? calls : calls.filter((call) => call.command === command);
  }

  /** The one call of `command` in `unit`; fails when there is not exactly one. */
  call(unit: string, command: string): FakeCall {
    const found = this.calls(command).filter((call) => call.unit === unit);
    if (found.length !== 1) throw new Error(`expected one ${command} in ${unit}, found ${found.length}`);
    return found[0] as FakeCall;
  }

  /** Units in the order their `command` started. */
  startOrder(command: string): string[] {
    return this.calls(command).sort((a, b) => a.started - b.started).map((call) => call.unit);
  }
}

/** How the fake names an access key in its log without writing the key itself. */
export function fingerprint(accessKeyId: string): string {
  return createHash("sha256").update(accessKeyId).digest("hex").slice(0, 16);
}

/** The most calls that were running at the same moment. */
export function maxConcurrent(calls: readonly FakeCall[]): number {
  const edges = calls.flatMap((call) => [
    { at: call.started, change: 1 },
    { at: call.ended, change: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.change - b.change);
  let running = 0;
  let most = 0;
  for (const edge of edges) {
    running += edge.change;
    most = Math.max(most, running);
  }
  return most;
}
