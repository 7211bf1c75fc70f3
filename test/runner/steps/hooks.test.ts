import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import type { Stream } from "../../../src/runner/process.js";
import { describeHookFailure, runHooks, type HookKind } from "../../../src/runner/steps/hooks.js";
import { resolveUnit } from "./resolve-unit.js";

/** A hook that appends its name and working directory to `log` in the unit. */
function appending(kind: string, name: string, commands: string, more = ""): string {
  return `  ${kind}_hook "${name}" {
    commands = ${commands}
    execute  = ["sh", "-c", "echo ${name} $(pwd) >> \\"$LOG\\"; echo out-${name}; echo err-${name} >&2"]
${more}  }
`;
}

async function run(kind: HookKind, hcl: string, command: string, failure?: { output: string }) {
  const { root, unit } = await resolveUnit({ "terragrunt.hcl": `terraform {\n${hcl}}\n` });
  const workdir = join(unit.dir, ".terragrunt-cache", "work");
  mkdirSync(workdir, { recursive: true });
  const log = join(root, "log");
  const lines: Array<[string, Stream, string]> = [];

  const result = await runHooks(kind, {
    config: unit.config,
    origin: unit.origin,
    command,
    workdir,
    unitDir: unit.dir,
    env: { PATH: process.env.PATH ?? "", LOG: log },
    onLine: (hook, stream, line) => void lines.push([hook, stream, line]),
    ...(failure === undefined ? {} : { failure }),
  });
  const logged = (() => {
    try {
      return readFileSync(log, "utf8").trim().split("\n");
    } catch {
      return [];
    }
  })();
  const where = (file: string) => file.slice(root.length + 1);
  return { result, lines, logged, unit, workdir, message: result.failure && describeHookFailure(result.failure, where) };
}

describe("hooks", () => {
  it("runs the hooks that name the command in declaration order, in terraform's working dir", async () => {
    const hcl = appending("before", "second", `["plan", "apply"]`)
      + appending("before", "skipped", `["apply"]`)
      + appending("before", "first", `["plan"]`)
      + appending("before", "off", `["plan"]`, "    if = false\n");
    const { result, logged, workdir } = await run("before", hcl, "plan");

    expect(result).toEqual({ ran: ["second", "first"], failure: undefined });
    expect(logged).toEqual([`second ${workdir}`, `first ${workdir}`]);
  });

  it("forwards each line with the hook's name, leaving out stdout when suppress_stdout is set", async () => {
    const hcl = appending("before", "loud", `["plan"]`) + appending("before", "quiet", `["plan"]`, "    suppress_stdout = true\n");
    const { lines } = await run("before", hcl, "plan");

    expect(lines).toEqual([
      [`before_hook "loud"`, "stdout", "out-loud"],
      [`before_hook "loud"`, "stderr", "err-loud"],
      [`before_hook "quiet"`, "stderr", "err-quiet"],
    ]);
  });

  it("runs a hook in its working_dir, taken from the unit's directory", async () => {
    const { logged, unit } = await run("before", appending("before", "here", `["plan"]`, `    working_dir = "."\n`), "plan");

    expect(logged).toEqual([`here ${unit.dir}`]);
  });

  it("runs after hooks after a failure only when run_on_error = true", async () => {
    const hcl = appending("after", "always", `["apply"]`, "    run_on_error = true\n") + appending("after", "on-success", `["apply"]`);

    expect((await run("after", hcl, "apply")).result.ran).toEqual(["always", "on-success"]);
    expect((await run("after", hcl, "apply", { output: "Error: boom" })).result.ran).toEqual(["always"]);
  });

  it("runs error hooks whose on_errors match the failed command's output", async () => {
    const hcl = appending("error", "any", `["apply"]`, `    on_errors = [".*"]\n`)
      + appending("error", "locks", `["apply"]`, `    on_errors = ["(?i)error acquiring the state lock"]\n`)
      + appending("error", "quota", `["apply"]`, `    on_errors = ["quota"]\n`);

    expect((await run("error", hcl, "apply", { output: "Error acquiring the state lock" })).result.ran)
      .toEqual(["any", "locks"]);
    expect((await run("error", hcl, "apply")).result.ran).toEqual([]);
  });

  it("reports a failed hook with its line and exit code, and runs later hooks only with run_on_error", async () => {
    const hcl = `  before_hook "lint" {\n    commands = ["plan"]\n    execute  = ["sh", "-c", "exit 3"]\n  }\n`
      + appending("before", "next", `["plan"]`)
      + appending("before", "cleanup", `["plan"]`, "    run_on_error = true\n");
    const { result, message } = await run("before", hcl, "plan");

    expect(result.ran).toEqual(["lint", "cleanup"]);
    expect(result.failure?.exitCode).toBe(3);
    expect(message).toBe(`before_hook "lint" (unit/terragrunt.hcl:2): sh exited with code 3`);
  });

  it("reports a hook command that does not exist", async () => {
    const hcl = `  after_hook "notify" {\n    commands = ["apply"]\n    execute  = ["no-such-notifier", "--all"]\n  }\n`;
    const { result, message } = await run("after", hcl, "apply");

    expect(result.failure?.exitCode).toBe(127);
    expect(message).toBe(`after_hook "notify" (unit/terragrunt.hcl:2): no-such-notifier: command not found`);
  });

  it("reports a working_dir that does not exist", async () => {
    const { message, unit } = await run("before", appending("before", "gone", `["plan"]`, `    working_dir = "gone"\n`), "plan");

    expect(message).toBe(`before_hook "gone" (unit/terragrunt.hcl:2): working_dir ${join(unit.dir, "gone")} does not exist`);
  });

  it("reports an invalid on_errors pattern at its line", async () => {
    const hcl = `  error_hook "bad" {\n    commands  = ["apply"]\n    execute   = ["true"]\n    on_errors = ["(unclosed"]\n  }\n`;
    const { message } = await run("error", hcl, "apply", { output: "Error" });

    expect(message).toBe(`error_hook "bad" (unit/terragrunt.hcl:5): "(unclosed" is not a valid regular expression: `
      + `/(unclosed/: Unterminated group; write a Go (RE2) regular expression; flags such as (?s), (?i) and (?m) `
      + `may only open the pattern`);
  });

  it("runs nothing for terragrunt's own stages", async () => {
    const hcl = appending("after", "config", `["read-config", "init-from-module"]`);

    expect((await run("after", hcl, "read-config")).result).toEqual({ ran: [], failure: undefined });
  });
});
