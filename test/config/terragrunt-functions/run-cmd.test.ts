/**
 * run_cmd: real commands started in the calling config's directory, their output, their
 * failures, and the run-wide cache keyed by directory and arguments. Commands that count
 * their runs append a line to a file in the test's tree.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { tempDir, writeTree } from "../../helpers/tree.js";
import { failure, lines, resolver, resolveUnit } from "./unit.js";

const ENV = { PATH: process.env.PATH };

/** A file outside the tree that counted commands append a line to each time they run. */
function counterFile(): string {
  return join(tempDir(), "runs");
}

/** A run_cmd call that appends to `counter` each time it runs, and prints `value`. */
function counted(counter: string, value: string, flags: string[] = []): string {
  const words = [...flags, "sh", "-c", `echo run >> ${counter}; echo ${value}`];
  return `run_cmd(${words.map((word) => JSON.stringify(word)).join(", ")})`;
}

/** How many times the counted commands ran. */
function runs(counter: string): number {
  return readFileSync(counter, "utf8").split("\n").filter(Boolean).length;
}

describe("run_cmd", () => {
  it("returns the command's output without its trailing newline", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": lines(
        "inputs = {",
        '  one = run_cmd("echo", "hello")',
        '  two = run_cmd("printf", "a\\nb\\n\\n")',
        "}",
      ),
    });

    const { config } = await resolveUnit(root, "unit", { env: ENV });

    expect(config.inputs).toEqual({ one: "hello", two: "a\nb\n" });
  });

  it("runs in the directory of the unit's file", async () => {
    const root = writeTree({ "live/app/terragrunt.hcl": 'inputs = { cwd = run_cmd("pwd") }\n' });

    const { config } = await resolveUnit(root, "live/app", { env: ENV });

    expect(config.inputs).toEqual({ cwd: join(root, "live/app") });
  });

  it("runs in the unit's directory when called in an included parent", async () => {
    const root = writeTree({
      "root.hcl": 'inputs = { cwd = run_cmd("pwd") }\n',
      "live/app/terragrunt.hcl": 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\n',
    });

    const { config } = await resolveUnit(root, "live/app", { env: ENV });

    expect(config.inputs).toEqual({ cwd: join(root, "live/app") });
  });

  it("runs in the read file's directory when called in a file read by read_terragrunt_config", async () => {
    const root = writeTree({
      "common/cwd.hcl": 'locals { cwd = run_cmd("pwd") }\n',
      "unit/terragrunt.hcl": 'inputs = { cwd = read_terragrunt_config("../common/cwd.hcl").locals.cwd }\n',
    });

    const { config } = await resolveUnit(root, "unit", { env: ENV });

    expect(config.inputs).toEqual({ cwd: join(root, "common") });
  });

  it("gives the command the run's environment", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": 'inputs = { greeting = run_cmd("sh", "-c", "echo $GREETING") }\n' });

    const { config } = await resolveUnit(root, "unit", { env: { ...ENV, GREETING: "hi" } });

    expect(config.inputs).toEqual({ greeting: "hi" });
  });

  it("accepts --terragrunt-quiet and still returns the output", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": 'inputs = { secret = run_cmd("--terragrunt-quiet", "echo", "s3cr3t") }\n',
    });

    const { config } = await resolveUnit(root, "unit", { env: ENV });

    expect(config.inputs).toEqual({ secret: "s3cr3t" });
  });

  it("runs a command once for the same directory and arguments within a run", async () => {
    const counter = counterFile();
    const root = writeTree({
      "unit/terragrunt.hcl": `inputs = {\n  a = ${counted(counter, "x")}\n  b = ${counted(counter, "x")}\n}\n`,
    });
    const unit = join(root, "unit");
    const run = resolver({ env: ENV });

    const first = await run.resolve(unit);
    const again = await run.resolve(unit, { fresh: true });

    expect([first.config.inputs, again.config.inputs]).toEqual([{ a: "x", b: "x" }, { a: "x", b: "x" }]);
    expect(runs(counter)).toBe(1);
  });

  it("runs a command once for two units that call it from the same file's directory", async () => {
    const counter = counterFile();
    const root = writeTree({
      // get_original_terragrunt_dir() makes the read file's result per unit, so each unit
      // evaluates it and calls run_cmd again, from common/.
      "common/cmd.hcl": lines(
        "locals {",
        "  unit  = get_original_terragrunt_dir()",
        `  value = ${counted(counter, "shared")}`,
        "}",
      ),
      "a/terragrunt.hcl": 'inputs = { value = read_terragrunt_config("../common/cmd.hcl").locals.value }\n',
      "b/terragrunt.hcl": 'inputs = { value = read_terragrunt_config("../common/cmd.hcl").locals.value }\n',
    });
    const run = resolver({ env: ENV });

    const a = await run.resolve(join(root, "a"));
    const b = await run.resolve(join(root, "b"));

    expect([a.config.inputs, b.config.inputs]).toEqual([{ value: "shared" }, { value: "shared" }]);
    expect(runs(counter)).toBe(1);
  });

  it("runs a command again for a unit in another directory", async () => {
    const counter = counterFile();
    const root = writeTree({
      "a/terragrunt.hcl": `inputs = { value = ${counted(counter, "v")} }\n`,
      "b/terragrunt.hcl": `inputs = { value = ${counted(counter, "v")} }\n`,
    });
    const run = resolver({ env: ENV });

    await run.resolve(join(root, "a"));
    await run.resolve(join(root, "b"));

    expect(runs(counter)).toBe(2);
  });

  it("shares one run across directories with --terragrunt-global-cache", async () => {
    const counter = counterFile();
    const call = counted(counter, "global", ["--terragrunt-global-cache"]);
    const root = writeTree({
      "a/terragrunt.hcl": `inputs = { value = ${call} }\n`,
      "b/terragrunt.hcl": `inputs = { value = ${call} }\n`,
    });
    const run = resolver({ env: ENV });

    const a = await run.resolve(join(root, "a"));
    const b = await run.resolve(join(root, "b"));

    expect([a.config.inputs, b.config.inputs]).toEqual([{ value: "global" }, { value: "global" }]);
    expect(runs(counter)).toBe(1);
  });

  it("runs the command every time with --terragrunt-no-cache", async () => {
    const counter = counterFile();
    const call = counted(counter, "fresh", ["--terragrunt-no-cache"]);
    const root = writeTree({ "unit/terragrunt.hcl": `inputs = {\n  a = ${call}\n  b = ${call}\n}\n` });

    const { config } = await resolveUnit(root, "unit", { env: ENV });

    expect(config.inputs).toEqual({ a: "fresh", b: "fresh" });
    expect(runs(counter)).toBe(2);
  });

  it("runs the command again in a new run", async () => {
    const counter = counterFile();
    const root = writeTree({ "unit/terragrunt.hcl": `inputs = { value = ${counted(counter, "v")} }\n` });

    await resolveUnit(root, "unit", { env: ENV });
    await resolveUnit(root, "unit", { env: ENV });

    expect(runs(counter)).toBe(2);
  });

  it("fails with the command, its exit code and the first line of its stderr", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": lines(
        "locals {",
        '  x = run_cmd("sh", "-c", "echo no credentials >&2; echo more >&2; exit 3")',
        "}",
      ),
    });

    expect(await failure(root, "unit", { env: ENV })).toEqual({
      code: "RUN_CMD",
      where: "unit/terragrunt.hcl:2",
      message: 'run_cmd: "sh -c echo no credentials >&2; echo more >&2; exit 3" failed: exit code 3: no credentials',
      hint: `run the command by hand in ${join(root, "unit")} to see why it fails`,
    });
  });

  it("fails for a command that does not exist", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": 'locals {\n  x = run_cmd("terrace-no-such-command")\n}\n' });

    expect(await failure(root, "unit", { env: ENV })).toEqual({
      code: "RUN_CMD",
      where: "unit/terragrunt.hcl:2",
      message: 'run_cmd: "terrace-no-such-command" failed: terrace-no-such-command: command not found',
      hint: `run the command by hand in ${join(root, "unit")} to see why it fails`,
    });
  });

  it("refuses --terragrunt-global-cache together with --terragrunt-no-cache", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl":
        'locals {\n  x = run_cmd("--terragrunt-global-cache", "--terragrunt-no-cache", "echo", "x")\n}\n',
    });

    expect(await failure(root, "unit", { env: ENV })).toEqual({
      code: "RUN_CMD",
      where: "unit/terragrunt.hcl:2",
      message: "run_cmd: --terragrunt-global-cache and --terragrunt-no-cache cannot be combined",
      hint: "keep one of the two flags",
    });
  });

  it("fails when given only flags and no command", async () => {
    const root = writeTree({ "unit/terragrunt.hcl": 'locals {\n  x = run_cmd("--terragrunt-quiet")\n}\n' });

    expect(await failure(root, "unit", { env: ENV })).toEqual({
      code: "RUN_CMD",
      where: "unit/terragrunt.hcl:2",
      message: "run_cmd: expected a command to run",
      hint: 'pass the command and its arguments: run_cmd("echo", "hello")',
    });
  });
});
