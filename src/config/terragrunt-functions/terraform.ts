/**
 * Functions that describe the terraform command being run, with terragrunt's lists of which
 * commands need variables, locking, input or parallelism.
 */
import type { HclFunction } from "../functions/types.js";
import type { Value } from "../value.js";
import { arity, type FunctionEnv } from "./env.js";

const COMMAND_LISTS: Record<string, string[]> = {
  get_terraform_commands_that_need_vars: ["apply", "console", "destroy", "import", "plan", "push", "refresh"],
  get_terraform_commands_that_need_locking: ["apply", "destroy", "import", "plan", "refresh", "taint", "untaint"],
  get_terraform_commands_that_need_input: ["apply", "import", "init", "plan", "refresh"],
  get_terraform_commands_that_need_parallelism: ["apply", "plan", "destroy"],
};

/**
 * Errors that are worth retrying by default: network, TLS and registry hiccups. Returned by
 * `get_default_retryable_errors()` and used by the runner when a unit declares no list.
 */
export const DEFAULT_RETRYABLE_ERRORS: readonly string[] = [
  "(?s).*TLS handshake timeout.*",
  "(?s).*connection reset by peer.*",
  "(?s).*i/o timeout.*",
  "(?s).*Client\\.Timeout exceeded.*",
  "(?s).*429 Too Many Requests.*",
  "(?s).*could not query provider registry.*",
  "(?s).*Failed to query available provider packages.*",
  "(?s).*Could not download module.*",
  "NoSuchBucket: The specified bucket does not exist",
];

/** The terraform-command functions bound to one run. */
export function terraformFunctions(env: FunctionEnv): Map<string, HclFunction> {
  const { options } = env.context;
  const table = new Map<string, HclFunction>([
    ["get_terraform_command", (args) => {
      arity("get_terraform_command", args, 0);
      return options.terraformCommand;
    }],
    ["get_terraform_cli_args", (args) => {
      arity("get_terraform_cli_args", args, 0);
      // terragrunt's list starts with the command itself: ["apply", "-auto-approve"].
      const command = options.terraformCommand === "" ? [] : [options.terraformCommand];
      return [...command, ...options.terraformArgs];
    }],
    ["get_default_retryable_errors", (args) => {
      arity("get_default_retryable_errors", args, 0);
      return [...DEFAULT_RETRYABLE_ERRORS];
    }],
    ["get_terragrunt_source_cli_flag", (args) => {
      arity("get_terragrunt_source_cli_flag", args, 0);
      return "";
    }],
  ]);
  for (const [name, commands] of Object.entries(COMMAND_LISTS)) {
    table.set(name, (args): Value => {
      arity(name, args, 0);
      return [...commands];
    });
  }
  return table;
}
