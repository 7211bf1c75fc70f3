/**
 * The scheduler on a virtual clock: each task takes a whole number of ticks, and a tick ends
 * only once the scheduler has started everything it wants to start. Timelines read
 * "tick: tasks started then".
 */
import { describe, expect, it } from "vitest";

import { Scheduler, type Outcome } from "../../src/runner/scheduler.js";

interface Scenario {
  name: string;
  /** Each task with its duration in ticks; "fails" fails after one tick, "throws" rejects. */
  tasks: Record<string, number | "fails" | "throws">;
  /** "b -> a": b waits for a. */
  waits?: string[];
  parallelism?: number;
  ignoreDependencyErrors?: boolean;
  /** The tick at which stop() is called, before the tasks ending then finish. */
  stopAt?: number;
  timeline: string[];
  outcomes?: Record<string, string>;
}

const scenarios: Scenario[] = [
  {
    name: "a chain runs one task after another",
    tasks: { a: 1, b: 1, c: 1 }, waits: ["b -> a", "c -> b"],
    timeline: ["0: a", "1: b", "2: c"],
  },
  {
    name: "independent tasks start together",
    tasks: { a: 1, b: 2, c: 3 },
    timeline: ["0: a, b, c"],
  },
  {
    name: "a task starts as soon as what it waits for is done, not when the others are",
    tasks: { a: 1, b: 3, c: 1 }, waits: ["c -> a"],
    timeline: ["0: a, b", "1: c"],
  },
  {
    name: "a task waiting for several starts when the last of them is done",
    tasks: { a: 1, b: 3, c: 1 }, waits: ["c -> a", "c -> b"],
    timeline: ["0: a, b", "3: c"],
  },
  {
    name: "parallelism bounds how many tasks run at once",
    tasks: { a: 1, b: 2, c: 1, d: 1, e: 1 }, parallelism: 2,
    timeline: ["0: a, b", "1: c", "2: d, e"],
  },
  {
    name: "among ready tasks, the head of the longest remaining chain starts first",
    tasks: { a: 1, z1: 1, z2: 1, z3: 1 }, waits: ["z2 -> z1", "z3 -> z2"], parallelism: 1,
    timeline: ["0: z1", "1: z2", "2: a", "3: z3"],
  },
  {
    name: "a freed slot goes to the longer chain even when another task has waited longer",
    tasks: { a: 1, b: 1, m1: 1, m2: 1, m3: 1 }, waits: ["m2 -> m1", "m3 -> m2"], parallelism: 2,
    timeline: ["0: m1, a", "1: m2, b", "2: m3"],
  },
  {
    name: "ties go alphabetically",
    tasks: { c: 1, a: 1, b: 1 }, parallelism: 1,
    timeline: ["0: a", "1: b", "2: c"],
  },
  {
    name: "waits for tasks outside the run are ignored",
    tasks: { a: 1 }, waits: ["a -> excluded"],
    timeline: ["0: a"],
  },
  {
    name: "a failure makes its dependents exit early, naming it; unrelated tasks go on",
    tasks: { a: "fails", b: 1, c: 1, d: 2 }, waits: ["b -> a", "c -> b"],
    timeline: ["0: a, d"],
    outcomes: { a: "failed: a broke", b: "early exit: a", c: "early exit: b", d: "succeeded" },
  },
  {
    name: "a task exits early when any of the tasks it waits for fails",
    tasks: { a: "fails", b: 3, c: 1 }, waits: ["c -> b", "c -> a"],
    timeline: ["0: a, b"],
    outcomes: { a: "failed: a broke", b: "succeeded", c: "early exit: a" },
  },
  {
    name: "a task whose run rejects counts as failed",
    tasks: { a: "throws", b: 1 }, waits: ["b -> a"],
    timeline: ["0: a"],
    outcomes: { a: "failed: Error: a threw", b: "early exit: a" },
  },
  {
    name: "with ignoreDependencyErrors, dependents of a failure run anyway",
    tasks: { a: "fails", b: 1, c: 1, d: 2 }, waits: ["b -> a", "c -> b"], ignoreDependencyErrors: true,
    timeline: ["0: a, d", "1: b", "2: c"],
    outcomes: { a: "failed: a broke", b: "succeeded", c: "succeeded", d: "succeeded" },
  },
  {
    name: "after stop() nothing new starts, running tasks finish, the rest are not started",
    tasks: { a: 2, b: 2, c: 1, d: 1 }, waits: ["c -> a"], parallelism: 2, stopAt: 1,
    timeline: ["0: a, b"],
    outcomes: { a: "succeeded", b: "succeeded", c: "not started", d: "not started" },
  },
];

/** Runs a scenario on the virtual clock; returns the timeline and every outcome. */
async function simulate(scenario: Scenario) {
  const waits = new Map<string, string[]>(Object.keys(scenario.tasks).map((id) => [id, []]));
  for (const edge of scenario.waits ?? []) {
    const [from, to] = edge.split(" -> ") as [string, string];
    waits.get(from)?.push(to);
  }

  let now = 0;
  const started = new Map<number, string[]>();
  const running: { endsAt: number; end: () => void }[] = [];
  const scheduler = new Scheduler(
    [...waits].map(([id, waitsFor]) => ({ id, waitsFor })),
    {
      parallelism: scenario.parallelism ?? Number.MAX_SAFE_INTEGER,
      ignoreDependencyErrors: scenario.ignoreDependencyErrors ?? false,
      run: (id) => new Promise<Outcome>((resolve, reject) => {
        started.set(now, [...(started.get(now) ?? []), id]);
        const task = scenario.tasks[id];
        const end = task === "fails" ? () => resolve({ status: "failed", error: `${id} broke` })
          : task === "throws" ? () => reject(new Error(`${id} threw`))
          : () => resolve({ status: "succeeded" });
        running.push({ endsAt: now + (typeof task === "number" ? task : 1), end });
      }),
    },
  );

  let done = false;
  const outcomes = scheduler.run().finally(() => (done = true));
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    if (done || running.length === 0) break;
    now = Math.min(...running.map((task) => task.endsAt));
    if (scenario.stopAt !== undefined && now >= scenario.stopAt) scheduler.stop();
    for (const task of running.filter((candidate) => candidate.endsAt === now)) {
      running.splice(running.indexOf(task), 1);
      task.end();
    }
  }

  const timeline = [...started].map(([tick, ids]) => `${tick}: ${ids.join(", ")}`);
  const described = Object.fromEntries([...(await outcomes)].map(([id, outcome]) => [id, outcomeText(outcome)]));
  return { timeline, outcomes: described };
}

/** An outcome as one short string. */
function outcomeText(outcome: Outcome): string {
  switch (outcome.status) {
    case "failed":
      return `failed: ${outcome.error}`;
    case "early exit":
      return `early exit: ${outcome.because}`;
    default:
      return outcome.status;
  }
}
describe("the scheduler", () => {
  it.each(scenarios)("$name", async (scenario) => {
    const result = await simulate(scenario);

    expect(result.timeline).toEqual(scenario.timeline);
    const everySucceeded = Object.fromEntries(Object.keys(scenario.tasks).map((id) => [id, "succeeded"]));
    expect(result.outcomes).toEqual(scenario.outcomes ?? everySucceeded);
  });

  it("reports tasks that exit early or never start through onSkip", async () => {
    const skipped: string[] = [];
    const scheduler = new Scheduler([{ id: "a", waitsFor: [] }, { id: "b", waitsFor: ["a"] }], {
      parallelism: 1,
      ignoreDependencyErrors: false,
      run: async () => ({ status: "failed", error: "no" }),
      onSkip: (id, outcome) => skipped.push(`${id}: ${outcomeText(outcome)}`),
    });

    await scheduler.run();

    expect(skipped).toEqual(["b: early exit: a"]);
  });
});
