/**
 * Ctrl-C and SIGTERM sent to a real terrace process running the fake terraform. The signal
 * goes to terrace alone, as `kill PID` would send it; terrace passes it on.
 */
import { describe, expect, it } from "vitest";

import { FakeTree } from "../helpers/fake-terraform.js";
import { summaryOf } from "../helpers/terrace.js";

/** The stack fixture where network and cache (ready at once) apply for long and say so. */
function longApplies(extra: Record<string, unknown> = {}): FakeTree {
  const tree = FakeTree.copy("test/fixtures/run/stack");
  for (const unit of ["network", "cache"]) {
    tree.behave(unit, { apply: { sleep: 20, stdout: [`${unit} applying as {pid}`] }, ...extra });
  }
  return tree;
}

/** True while a process with this id exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.concurrent("signals", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "the first %s reaches each running terraform once, lets it finish, starts nothing new, exits 130",
    async (signal) => {
      const tree = longApplies();
      const terrace = tree.spawn(["run-all", "apply", "--non-interactive"]);
      await terrace.waitFor("stdout", /\[network\] network applying/);
      await terrace.waitFor("stdout", /\[cache\] cache applying/);

      const sentAt = Date.now();
      terrace.signal(signal);
      const result = await terrace.result;

      expect(result.exitCode).toBe(130);
      expect(result.stderr).toContain(
        "terrace: interrupted; waiting for running units to stop (press Ctrl-C again to stop them now)\n",
      );
      const calls = tree.calls();
      expect(calls.map((call) => `${call.unit} ${call.command} ${call.interrupts} ${call.exitCode}`).sort())
        .toEqual(["cache apply 1 130", "network apply 1 130"]);
      expect(calls.every((call) => call.started < sentAt)).toBe(true);
      expect(summaryOf(result.stderr)).toEqual([
        "Run summary: 4 units in #.#s (2 failed, 2 not started)",
        "  failed      cache      #.#s  terraform exited with code 130",
        "  failed      network    #.#s  terraform exited with code 130",
        "  not started app              the run was interrupted",
        "  not started db               the run was interrupted",
      ]);
    },
  );

  it("starts no terraform after the interrupt, even for a unit that was fetching outputs then", async () => {
    const tree = FakeTree.copy("test/fixtures/run/slow-outputs")
      .behave("dep", { output: { sleep: 1, json: { id: "dep-1" } } })
      .behave("worker", { apply: { sleep: 20, stdout: ["worker applying"] } });
    const terrace = tree.spawn(["run-all", "apply", "--non-interactive", "--exclude-dir", "dep"]);
    await terrace.waitFor("stdout", /\[worker\] worker applying/);

    const sentAt = Date.now();
    terrace.signal("SIGINT");
    const result = await terrace.result;

    expect(result.exitCode).toBe(130);
    expect(tree.call("dep", "output").ended).toBeGreaterThan(sentAt);
    expect(tree.calls().map((call) => `${call.unit} ${call.command}`).sort()).toEqual(["dep output", "worker apply"]);
    expect(summaryOf(result.stderr)).toEqual([
      "Run summary: 3 units in #.#s (1 failed, 1 not started, 1 excluded)",
      "  failed      worker    #.#s  terraform exited with code 130",
      "  not started reader          the run was interrupted",
      "  excluded    dep             --exclude-dir",
    ]);
  });

  it("a second SIGINT stops the running processes at once", async () => {
    const tree = longApplies({ interrupt: { delay: 20 } });
    const terrace = tree.spawn(["run-all", "apply", "--non-interactive"]);
    await terrace.waitFor("stdout", /\[network\] network applying as \d+/);
    await terrace.waitFor("stdout", /\[cache\] cache applying as \d+/);
    const pids = [...terrace.stdout.matchAll(/applying as (\d+)/g)].map((match) => Number(match[1]));

    terrace.signal("SIGINT");
    await terrace.waitFor("stderr", /terrace: interrupted;/);
    terrace.signal("SIGINT");
    const result = await terrace.result;

    expect(result.exitCode).toBe(130);
    expect(result.stderr).toContain("terrace: interrupted again; stopping running units now\n");
    expect(summaryOf(result.stderr).slice(1, 3)).toEqual([
      "  failed      cache      #.#s  killed by SIGKILL",
      "  failed      network    #.#s  killed by SIGKILL",
    ]);
    expect(pids).toHaveLength(2);
    expect(pids.filter(alive)).toEqual([]);
    expect(tree.calls()).toEqual([]);
  });
});
