import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";

import { runAll } from "../../src/cli/commands/run-all.js";
import { parseRunArgs } from "../../src/cli/run-args.js";
import { FakeTree } from "../helpers/fake-terraform.js";

/** The wide fixture (five independent units) where u1 and u2 print on both streams. */
function talkativeTree(): FakeTree {
  return FakeTree.copy("test/fixtures/run/wide")
    .behave("u1", { plan: { stdout: ["u1 one", "u1 two", "u1 three"], stderr: ["u1 warning"] } })
    .behave("u2", { plan: { stdout: ["u2 one", "u2 two", "u2 three"] } });
}

/** Runs terrace's run-all as on a terminal (stderr is a TTY); returns what it printed. */
async function onTerminal(tree: FakeTree, argv: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const fullEnv = { ...process.env, ...tree.env(env) };
  const exitCode = await runAll(parseRunArgs([...argv, "--working-dir", tree.root], undefined, fullEnv), {
    output: { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) },
    env: fullEnv,
    stdin: Readable.from([]),
    stderr: new PassThrough(),
    stderrIsTerminal: true,
  });
  return { exitCode, stdout, stderr };
}

describe.concurrent("run output", () => {
  it("prefixes each line with the unit's path, stdout on stdout and stderr on stderr", async () => {
    const tree = talkativeTree();

    const result = await tree.terrace(["run-all", "plan"]);

    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.filter((line) => line.startsWith("[u1] "))).toEqual(["[u1] u1 one", "[u1] u1 two", "[u1] u1 three"]);
    expect(lines.filter((line) => line.startsWith("[u2] "))).toEqual(["[u2] u2 one", "[u2] u2 two", "[u2] u2 three"]);
    expect(lines).toHaveLength(6);
    expect(result.stderr).toContain("[u1] u1 warning\n");
  });

  it("prints lines without prefixes at --parallelism 1", async () => {
    const tree = talkativeTree();

    const result = await tree.terrace(["run-all", "plan", "--parallelism", "1"]);

    expect(result.stdout).toBe("u1 one\nu1 two\nu1 three\nu2 one\nu2 two\nu2 three\n");
  });

  it("has no colour when piped", async () => {
    const tree = talkativeTree();

    const result = await tree.spawn(["run-all", "plan"]).result;

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("[u1] u1 one\n");
    expect(result.stdout + result.stderr).not.toContain("\u001b[");
  });

  it("colours prefixes on a terminal and draws a live count of units", async () => {
    const tree = talkativeTree();

    const result = await onTerminal(tree, ["plan", "--exclude-dir", "u2"]);

    expect(result.stdout).toBe(
      "\u001b[36m[u1]\u001b[0m u1 one\n\u001b[36m[u1]\u001b[0m u1 two\n\u001b[36m[u1]\u001b[0m u1 three\n",
    );
    expect(result.stderr).toContain("\r\u001b[2K4 done, 0 running, 0 waiting, 0 failed");
  });

  it("has no colour on a terminal under NO_COLOR", async () => {
    const tree = talkativeTree();

    const result = await onTerminal(tree, ["plan", "--exclude-dir", "u2"], { NO_COLOR: "1" });

    expect(result.stdout).toBe("[u1] u1 one\n[u1] u1 two\n[u1] u1 three\n");
  });

  it("lists the units in run order before running, and ends with a summary of each unit", async () => {
    const tree = FakeTree.copy("test/fixtures/run/stack");

    const result = await tree.terrace(["run-all", "plan", "--exclude-dir", "cache"]);

    expect(result.stderr.replace(/\d+\.\ds/g, "#.#s")).toBe([
      "The following units will run, dependencies first:",
      "  - network",
      "  - db",
      "  - app",
      "",
      "Run summary: 4 units in #.#s (3 succeeded, 1 excluded)",
      "  succeeded   app        #.#s",
      "  succeeded   db         #.#s",
      "  succeeded   network    #.#s",
      "  excluded    cache            --exclude-dir",
      "",
    ].join("\n"));
  });
});

describe.concurrent("--report", () => {
  it("writes each unit's path, status, exit code, times, role, session duration and expiry", async () => {
    const tree = FakeTree.copy("test/fixtures/run/stack")
      .behave("db", { apply: { exit: 1, stderr: ["Error: boom"] } });
    const report = join(tree.root, "report.json");

    const result = await tree.terrace(["run-all", "apply", "--non-interactive", "--report", report]);

    expect(result.exitCode).toBe(1);
    const written = JSON.parse(readFileSync(report, "utf8")) as { command: string; units: Record<string, unknown>[] };
    expect(written.command).toBe("apply");
    const byPath = Object.fromEntries(written.units.map((unit) => [unit.path, unit]));
    expect(written.units.map((unit) => unit.path)).toEqual(["app", "cache", "db", "network"]);
    expect(byPath.db).toMatchObject({ status: "failed", reason: "Error: boom", exit_code: 1 });
    expect(byPath.network).toMatchObject({ status: "succeeded", reason: null, exit_code: 0 });
    expect(byPath.app).toEqual({
      path: "app", status: "early exit", reason: "dependency db did not succeed", exit_code: null,
      started_at: null, ended_at: null, role: null, session_duration: null, credential_expiry: null,
    });
    const network = byPath.network as { started_at: string; ended_at: string };
    expect(Date.parse(network.started_at)).toBeLessThanOrEqual(Date.parse(network.ended_at));
    expect(Object.keys(byPath.network ?? {})).toEqual([
      "path", "status", "reason", "exit_code", "started_at", "ended_at", "role", "session_duration",
      "credential_expiry",
    ]);
  });
});
