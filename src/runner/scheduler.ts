/**
 * The run queue: starts each unit as soon as everything it waits for has finished, at most
 * `parallelism` at a time.
 *
 * Direction is decided by the caller through `waitsFor`: for apply and plan a unit waits for
 * its dependencies; for destroy it waits for its dependents, so the graph is walked backwards
 * and nothing is destroyed while something still uses it.
 *
 * Among ready units, the one heading the longest chain of units still to run starts first:
 * starting the critical path early shortens the whole run when slots are scarce. Ties go
 * alphabetically, so runs are repeatable.
 *
 * A failed unit makes every unit that waits for it, directly or not, exit early without
 * starting; unrelated units go on. With `ignoreDependencyErrors` a unit starts once what it
 * waits for has finished, successfully or not. `stop()` starts nothing new; units already
 * running finish.
 */

/** How a unit's turn ended. */
export type Outcome =
  | { status: "succeeded" }
  | { status: "failed"; error: string }
  | { status: "early exit"; because: string }
  | { status: "not started" };

export interface Task {
  id: string;
  /** Tasks that must finish first; ids outside the run are ignored. */
  waitsFor: readonly string[];
}

export interface SchedulerOptions {
  parallelism: number;
  ignoreDependencyErrors: boolean;
  /** Runs a task; resolves to its outcome ("succeeded" or "failed"). */
  run(id: string): Promise<Outcome>;
  /** Told when a task exits early or will not start. */
  onSkip?(id: string, outcome: Outcome): void;
}

/** Runs tasks in dependency order; resolves to every task's outcome. */
export class Scheduler {
  private readonly outcomes = new Map<string, Outcome>();
  private readonly running = new Set<string>();
  private readonly waitsFor = new Map<string, string[]>();
  private readonly unblocks = new Map<string, string[]>();
  private readonly priority = new Map<string, number>();
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(tasks: readonly Task[], private readonly options: SchedulerOptions) {
    const ids = new Set(tasks.map((task) => task.id));
    for (const task of tasks) {
      this.waitsFor.set(task.id, task.waitsFor.filter((id) => ids.has(id)));
      this.unblocks.set(task.id, []);
    }
    for (const [id, waits] of this.waitsFor) for (const other of waits) this.unblocks.get(other)?.push(id);
    for (const id of ids) this.priorityOf(id);
  }

  /** Starts nothing new from now on. */
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  async run(): Promise<Map<string, Outcome>> {
    while (this.outcomes.size < this.waitsFor.size) {
      if (this.stopped) break;
      this.skipBlocked();
      for (const id of this.ready()) {
        if (this.running.size >= Math.max(1, this.options.parallelism)) break;
        this.start(id);
      }
      if (this.outcomes.size === this.waitsFor.size) break;
      if (this.running.size === 0 && this.ready().length === 0) break;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    while (this.running.size > 0) await new Promise<void>((resolve) => (this.wake = resolve));
    for (const id of this.waitsFor.keys()) {
      if (!this.outcomes.has(id)) this.finish(id, { status: "not started" }, true);
    }
    return this.outcomes;
  }

  private start(id: string): void {
    this.running.add(id);
    this.options.run(id).then(
      (outcome) => this.settle(id, outcome),
      (error: unknown) => this.settle(id, { status: "failed", error: String(error) }),
    );
  }

  private settle(id: string, outcome: Outcome): void {
    this.running.delete(id);
    this.outcomes.set(id, outcome);
    this.wake?.();
  }

  /** Tasks not started whose waits are all over, best first. */
  private ready(): string[] {
    const ready = [...this.waitsFor].filter(([id, waits]) =>
      !this.outcomes.has(id) && !this.running.has(id) && waits.every((other) => this.outcomes.has(other)));
    return ready
      .map(([id]) => id)
      .sort((a, b) => (this.priority.get(b) ?? 0) - (this.priority.get(a) ?? 0) || a.localeCompare(b));
  }

  /** Marks tasks whose wait ended in a failure as exiting early, unless told to ignore that. */
  private skipBlocked(): void {
    if (this.options.ignoreDependencyErrors) return;
    let changed = true;
    while (changed) {
      changed = false;
      for (const [id, waits] of this.waitsFor) {
        if (this.outcomes.has(id) || this.running.has(id)) continue;
        const failed = waits.find((other) => {
          const status = this.outcomes.get(other)?.status;
          return status === "failed" || status === "early exit";
        });
        if (failed === undefined) continue;
        this.finish(id, { status: "early exit", because: failed }, true);
        changed = true;
      }
    }
  }

  private finish(id: string, outcome: Outcome, skipped: boolean): void {
    this.outcomes.set(id, outcome);
    if (skipped) this.options.onSkip?.(id, outcome);
  }

  /** Length of the longest chain of tasks that wait, directly or not, for `id`. */
  private priorityOf(id: string): number {
    const known = this.priority.get(id);
    if (known !== undefined) return known;
    const above = (this.unblocks.get(id) ?? []).map((other) => this.priorityOf(other));
    const value = 1 + Math.max(0, ...above);
    this.priority.set(id, value);
    return value;
  }
}
