/**
 * The functions that describe the command being run and the machine: get_platform,
 * get_terraform_command, get_terraform_cli_args, terragrunt's lists of commands that need
 * vars, locking, input or parallelism, get_default_retryable_errors and
 * get_terragrunt_source_cli_flag.
 */
import { describe, expect, it } from "vitest";

import { writeTree } from "../../helpers/tree.js";
import { failure, resolveUnit } from "./unit.js";

/** The inputs of a unit whose inputs are `body`, resolved for `plan -lock=false`. */
async function inputsOf(body: string) {
  const root = writeTree({ "unit/terragrunt.hcl": `inputs = {\n${body}\n}\n` });
  const { config } = await resolveUnit(root, "unit", { terraformCommand: "plan", terraformArgs: ["-lock=false"] });
  return config.inputs;
}

describe("command and platform functions", () => {
  it("get_platform names the operating system as Go does", async () => {
    const expected = process.platform === "win32" ? "windows" : process.platform;

    expect(await inputsOf("  platform = get_platform()")).toEqual({ platform: expected });
  });

  it("get_terraform_command and get_terraform_cli_args give the command being run", async () => {
    expect(await inputsOf("  command = get_terraform_command()\n  args = get_terraform_cli_args()")).toEqual({
      command: "plan",
      args: ["plan", "-lock=false"],
    });
  });

  it("the command lists can decide whether the command being run takes an argument", async () => {
    const body = "  lock = contains(get_terraform_commands_that_need_locking(), get_terraform_command())\n"
      + "  input = contains(get_terraform_commands_that_need_input(), \"console\")";

    expect(await inputsOf(body)).toEqual({ lock: true, input: false });
  });

  it("terragrunt's four command lists are returned in terragrunt's order", async () => {
    const body = [
      "  vars        = get_terraform_commands_that_need_vars()",
      "  locking     = get_terraform_commands_that_need_locking()",
      "  input       = get_terraform_commands_that_need_input()",
      "  parallelism = get_terraform_commands_that_need_parallelism()",
    ].join("\n");

    expect(await inputsOf(body)).toEqual({
      vars: ["apply", "console", "destroy", "import", "plan", "push", "refresh"],
      locking: ["apply", "destroy", "import", "plan", "refresh", "taint", "untaint"],
      input: ["apply", "import", "init", "plan", "refresh"],
      parallelism: ["apply", "plan", "destroy"],
    });
  });

  it("get_default_retryable_errors is a list of patterns that terraform's transient errors match", async () => {
    const inputs = await inputsOf("  errors = get_default_retryable_errors()") as { errors: unknown[] };

    expect(inputs.errors.length).toBeGreaterThan(0);
    for (const error of inputs.errors) expect(typeof error).toBe("string");
    expect(inputs.errors).toContain("(?s).*TLS handshake timeout.*");
  });

  it("get_default_retryable_errors can be extended with a unit's own patterns", async () => {
    const root = writeTree({
      "unit/terragrunt.hcl": [
        "locals {",
        "  retryable = concat(get_default_retryable_errors(), [\"(?s).*my flaky provider.*\"])",
        "}",
        "inputs = { extended = length(local.retryable) > 1, last = local.retryable[length(local.retryable) - 1] }",
        "",
      ].join("\n"),
    });

    const { config } = await resolveUnit(root, "unit");

    expect(config.inputs).toEqual({ extended: true, last: "(?s).*my flaky provider.*" });
  });

  it("get_terragrunt_source_cli_flag is empty: terrace takes no --source flag", async () => {
    expect(await inputsOf("  source = get_terragrunt_source_cli_flag()")).toEqual({ source: "" });
  });

  it.each([
    ["get_platform", "get_platform(1)", "get_platform: expected 0 arguments, got 1"],
    ["get_terraform_command", 'get_terraform_command("x", "y")', "get_terraform_command: expected 0 arguments, got 2"],
    [
      "get_terraform_commands_that_need_vars",
      'get_terraform_commands_that_need_vars("plan")',
      "get_terraform_commands_that_need_vars: expected 0 arguments, got 1",
    ],
  ])("%s refuses arguments", async (_name, call, message) => {
    const root = writeTree({ "unit/terragrunt.hcl": `locals {\n  x = ${call}\n}\n` });

    expect(await failure(root, "unit")).toEqual({
      code: "FUNCTION_CALL",
      where: "unit/terragrunt.hcl:2",
      message,
      hint: undefined,
    });
  });
});
