/**
 * A run across the graph: the scheduler walks the plan's units in the command's direction,
 * each unit's turn is `runUnit`, and dependency outputs are fetched from terraform as units
 * need them. Signals: the first interrupt starts nothing new and passes one SIGINT to each
 * running terraform, so that it can write its state and release its lock; the second stops
 * them at once.
 */
import { applyChanges, type RunCredentials } from "../auth/index.js";
import { isObject, type ValueObject } from "../config/value.js";
import { displayPath } from "../graph/graph.js";
import { directionOf } from "./commands.js";
import type { EventSink, UnitResult } from "./events.js";
import { InitLock } from "./init-lock.js";
import { DependencyOutputs } from "./outputs.js";
import type { RunPlan } from "./plan.js";
import { startProcess, type RunningProcess } from "./process.js";
import { Scheduler, type Outcome, type Task } from "./scheduler.js";
import { runUnit, type UnitRunOptions, type UnitRunResult } from "./unit-run.js";
import { SourceCache } from "./workdir/index.js";
import { unitEnvironment } from "./unit-env.js";

export interface RunAllOptions {
  command: string;
  args: readonly string[];
  parallelism: number;
  ignoreDependencyErrors: boolean;
  terraformPath: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  events: EventSink;
  credentials: RunCredentials;
  /** One unit on its own: terraform gets the user's arguments unchanged, and terrace's stdin. */
  single?: boolean;
  /** `--download-dir`, `--source` and `--source-map`. */
  workdir?: UnitRunOptions["workdir"];
}

/** The results of a run, one per unit of the graph, and its exit code. */
export interface RunResult {
  results: UnitResult[];
  exitCode: number;
  interrupted: boolean;
}

export class RunAll {
  private readonly running = new Map<string, RunningProcess>();
  private scheduler: Scheduler | undefined;
  private interrupts = 0;
  private initLock = new InitLock(false);
  /** Where each unit's terraform ran: its outputs are read there. */
  private readonly workdirs = new Map<string, string>();
  /** Destroying: units wait for their dependents rather than their dependencies. */
  private readonly down: boolean;

  constructor(private readonly plan: RunPlan, private readonly options: RunAllOptions) {
    this.down = directionOf(options.command, options.args) === "down";
  }

  async run(): Promise<RunResult> {
    const { plan, options } = this;
    const outputs = new DependencyOutputs((dir) => this.fetchOutputs(dir), options.command);
    plan.resolver.context.options.outputs = (block) => outputs.outputsOf(block);

    const tasks: Task[] = plan.units.map((node) => ({
      id: node.dir,
      waitsFor: this.down ? node.dependents : node.dependencies,
    }));

    const sources = new SourceCache({ env: options.env });
    this.initLock = new InitLock(InitLock.sharedCache(options.env));
    try {
      return await this.schedule(tasks, outputs, sources);
    } finally {
      await sources.dispose();
    }
  }

  private async schedule(tasks: Task[], outputs: DependencyOutputs, sources: SourceCache): Promise<RunResult> {
    const { plan, options } = this;
    const results = new Map<string, UnitResult>();
    this.scheduler = new Scheduler(tasks, {
      parallelism: options.parallelism,
      ignoreDependencyErrors: options.ignoreDependencyErrors,
      run: async (dir) => {
        const node = plan.graph.node(dir);
        const startedAt = new Date();
        options.events({ kind: "start", unit: node.path });
        const result = await runUnit(node, {
          resolver: plan.resolver,
          credentials: options.credentials,
          workingDir: plan.graph.workingDir,
          command: options.command,
          args: options.args,
          baseEnv: options.env,
          terraformPath: options.terraformPath,
          events: options.events,
          track: (process) => this.track(dir, process),
          interrupted: () => this.interrupts > 0,
          single: options.single === true,
          sources,
          initLock: this.initLock,
          workdir: options.workdir ?? {},
          prepared: (workdir) => this.workdirs.set(dir, workdir),
        });
        outputs.forget(dir);
        if (result.notStarted === true) {
          this.record(results, dir, { status: "not started" }, undefined, undefined);
          return { status: "not started" };
        }
        const outcome: Outcome = result.error === undefined
          ? { status: "succeeded" }
          : { status: "failed", error: result.error };
        this.record(results, dir, outcome, result.exitCode, startedAt, result.role);
        return outcome;
      },
      onSkip: (dir, outcome) => this.record(results, dir, outcome, undefined, undefined),
    });
    await this.scheduler.run();

    for (const [dir, reason] of plan.excluded) {
      const node = plan.graph.node(dir);
      results.set(dir, { ...emptyResult(node.path, dir), status: "excluded", reason });
    }
    const ordered = [...plan.graph.nodes.keys()].sort().map((dir) => results.get(dir)).filter(isDefined);
    return { results: ordered, exitCode: this.exitCode(ordered), interrupted: this.interrupts > 0 };
  }

  /** The first call passes SIGINT to every running terraform; the second kills them. */
  interrupt(): void {
    this.interrupts += 1;
    this.options.events({ kind: "interrupt", count: this.interrupts });
    this.scheduler?.stop();
    for (const process of this.running.values()) {
      if (this.interrupts === 1) process.interrupt();
      else process.kill();
    }
  }

  private track(dir: string, process: RunningProcess | undefined): void {
    if (process === undefined) this.running.delete(dir);
    else this.running.set(dir, process);
  }

  private record(results: Map<string, UnitResult>, dir: string, outcome: Outcome,
    exitCode: number | undefined, startedAt: Date | undefined, role?: UnitRunResult["role"]): void {
    const node = this.plan.graph.node(dir);
    const result: UnitResult = {
      ...emptyResult(node.path, dir),
      status: outcome.status,
      reason: reasonOf(
        outcome,
        (other) => this.plan.graph.node(other).path,
        this.down ? "dependent" : "dependency",
      ),
      exitCode,
      startedAt,
      endedAt: startedAt === undefined ? undefined : new Date(),
      role: role?.arn,
      duration: role?.duration,
      credentialExpiry: role?.expiry,
    };
    results.set(dir, result);
    this.options.events({ kind: "finish", unit: node.path, result });
  }

  /**
   * terragrunt's aggregation: 130 after an interrupt; with -detailed-exitcode, 1 if any unit
   * failed, else 2 if any has changes, else 0; otherwise 1 if any unit failed or exited early.
   */
  private exitCode(results: UnitResult[]): number {
    if (this.interrupts > 0) return 130;
    const failed = results.some((result) => result.status === "failed" || result.status === "early exit");
    if (this.options.args.includes("-detailed-exitcode")) {
      if (failed) return 1;
      return results.some((result) => result.exitCode === 2) ? 2 : 0;
    }
    return failed ? 1 : 0;
  }

  /** A dependency's outputs are read with the dependency's own role. */
  private async credentialsOf(dir: string): Promise<Record<string, string | undefined>> {
    const node = this.plan.graph.nodes.get(dir);
    const summary = node?.summary ?? (await this.plan.resolver.summarise(dir));
    const { credentials } = this.options;
    const path = node?.path ?? displayPath(this.plan.graph.workingDir, dir);
    const delivery = await credentials.deliver(credentials.requestFor(summary.role), `the outputs of ${path}`);
    return delivery.changes;
  }

  /**
   * `terraform output -json` of a unit; null when it has none, or when terraform cannot read
   * its state (never initialised, never applied).
   */
  private async fetchOutputs(dir: string): Promise<ValueObject | null> {
    const lines: string[] = [];
    const env = applyChanges(unitEnvironment(this.options.env, {}), await this.credentialsOf(dir));
    const process = startProcess({
      command: this.options.terraformPath ?? "terraform",
      args: ["output", "-json"],
      cwd: this.workdirs.get(dir) ?? dir,
      env,
      onLine: (stream, line) => {
        if (stream === "stdout") lines.push(line);
      },
    });
    const result = await process.result;
    if (result.exitCode !== 0) return null;
    return outputValues(lines.join("\n"));
  }
}

/** `{name: {value, type, sensitive}}` from terraform into `{name: value}`; null when empty. */
function outputValues(text: string): ValueObject | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(parsed) || Object.keys(parsed).length === 0) return null;
  const values: ValueObject = {};
  for (const [name, output] of Object.entries(parsed)) {
    values[name] = isObject(output) && "value" in output ? (output.value ?? null) : null;
  }
  return values;
}

/** Why a unit did not succeed; `waitedFor` names what it waits for in this direction. */
function reasonOf(outcome: Outcome, pathOf: (dir: string) => string, waitedFor: string): string | undefined {
  switch (outcome.status) {
    case "failed":
      return outcome.error;
    case "early exit":
      return `${waitedFor} ${pathOf(outcome.because)} did not succeed`;
    case "not started":
      return "the run was interrupted";
    default:
      return undefined;
  }
}

function emptyResult(path: string, dir: string): UnitResult {
  return {
    path, dir, status: "not started", reason: undefined, exitCode: undefined,
    startedAt: undefined, endedAt: undefined, role: undefined, duration: undefined, credentialExpiry: undefined,
  };
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
