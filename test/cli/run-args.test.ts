import { describe, expect, it } from "vitest";

import { parseRunArgs, type RunArgs } from "../../src/cli/run-args.js";
import { FakeTree } from "../helpers/fake-terraform.js";
import { terraceMain } from "../helpers/terrace.js";

describe.concurrent("run-all arguments", () => {
  it.each<[string, string[], Partial<RunArgs>]>([
    ["terrace's own spellings", [
      "apply", "--working-dir", "live", "--parallelism=3", "--non-interactive", "--ignore-dependency-errors",
      "--include-dir", "a/*", "--include-dir=b", "--exclude-dir", "c", "--strict-include",
      "--include-external-dependencies", "--report", "run.json", "--tf-path", "/opt/tofu",
    ], {
      command: "apply", workingDir: "live", parallelism: 3, nonInteractive: true, ignoreDependencyErrors: true,
      includeDirs: ["a/*", "b"], excludeDirs: ["c"], strictInclude: true, includeExternal: true,
      report: "run.json", tfPath: "/opt/tofu", terraformArgs: [],
    }],
    ["terragrunt's old --terragrunt-* spellings", [
      "plan", "--terragrunt-working-dir", "live", "--terragrunt-parallelism", "2",
      "--terragrunt-non-interactive", "--terragrunt-ignore-dependency-errors",
      "--terragrunt-include-dir=a", "--terragrunt-exclude-dir", "c", "--terragrunt-strict-include",
      "--terragrunt-include-external-dependencies", "--terragrunt-tfpath", "/opt/tofu", "--terragrunt-config", "x.hcl",
    ], {
      command: "plan", workingDir: "live", parallelism: 2, nonInteractive: true, ignoreDependencyErrors: true,
      includeDirs: ["a"], excludeDirs: ["c"], strictInclude: true, includeExternal: true, tfPath: "/opt/tofu",
      configName: "x.hcl",
    }],
    ["terragrunt's newer --queue-* spellings", [
      "plan", "--queue-include-dir", "a", "--queue-exclude-dir", "c", "--queue-strict-include",
      "--queue-include-external", "--queue-ignore-errors",
    ], {
      includeDirs: ["a"], excludeDirs: ["c"], strictInclude: true, includeExternal: true, ignoreDependencyErrors: true,
    }],
    ["terraform's arguments, in order, around terrace's flags", [
      "plan", "-out", "tfplan", "--parallelism", "1", "-lock=false", "--", "--non-interactive",
    ], {
      command: "plan", terraformArgs: ["-out", "tfplan", "-lock=false", "--non-interactive"], nonInteractive: false,
    }],
  ])("accepts %s", (_name, argv, expected) => {
    expect(parseRunArgs(argv, undefined, {})).toMatchObject(expected);
  });

  it("takes defaults from terragrunt's environment variables", () => {
    const args = parseRunArgs(["plan"], undefined, {
      TG_PARALLELISM: "4", TG_NON_INTERACTIVE: "true", TERRAGRUNT_TFPATH: "/opt/tf",
    });

    expect(args).toMatchObject({ parallelism: 4, nonInteractive: true, tfPath: "/opt/tf" });
  });

  it.each([
    [["plan", "--parallelism", "0"], "--parallelism 0 is not a positive whole number"],
    [["plan", "--parallelism=many"], "--parallelism many is not a positive whole number"],
    [["plan", "--include-dir"], "--include-dir needs a value"],
  ])("refuses %j", (argv, message) => {
    expect(() => parseRunArgs(argv, undefined, {})).toThrow(message);
  });
});

describe.concurrent("run-all on the command line", () => {
  it("refuses commands that act on one unit at a time, before any terraform starts", async () => {
    const tree = FakeTree.copy("test/fixtures/run/stack");

    for (const command of ["import", "taint", "untaint", "console", "force-unlock"]) {
      const result = await tree.terrace(["run-all", command, "--non-interactive"]);

      expect(result.exitCode, command).toBe(1);
      expect(result.stderr).toBe(
        `error: run-all ${command} is not supported: it acts on one unit at a time\n`
          + `hint: run terrace ${command} in the unit's directory instead\n`,
      );
    }
    expect(tree.calls()).toEqual([]);
  });

  it("asks for a command when none is given", async () => {
    const result = await terraceMain(["run-all"]);

    expect(result).toEqual({
      exitCode: 1,
      stdout: "",
      stderr: "error: run-all needs a terraform command\nhint: for example: terrace run-all plan\n",
    });
  });

  it("takes terrace's flags before the command too", async () => {
    const tree = FakeTree.copy("test/fixtures/run/wide");

    const result = await terraceMain(["--working-dir", tree.root, "run-all", "validate"], tree.env());

    expect(result.exitCode).toBe(0);
    expect(tree.calls("validate")).toHaveLength(5);
  });

  it("accepts run --all as terragrunt's newer spelling", async () => {
    const tree = FakeTree.copy("test/fixtures/run/wide");

    await tree.terrace(["run", "--all", "validate"]);

    expect(tree.calls("validate")).toHaveLength(5);
  });

  it("prints its help for --help, and runs nothing", async () => {
    const tree = FakeTree.copy("test/fixtures/run/wide");

    const result = await tree.terrace(["run-all", "apply", "--help"]);

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Usage: terrace run-all COMMAND \[terraform arguments\] \[flags\]\n/);
    expect(result.stdout).toContain("  --parallelism N                   run at most N units at once\n");
    expect(tree.calls()).toEqual([]);
  });
});
