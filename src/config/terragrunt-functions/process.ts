/**
 * Functions that look outside the configuration: environment variables, commands, the
 * platform and the git repository. Commands and repository lookups are memoised per run.
 */
import { spawnSync } from "node:child_process";
import { relative } from "node:path";

import { TerraceError } from "../../errors.js";
import type { HclFunction } from "../functions/types.js";
import { terragruntDir } from "../resolve/frame.js";
import { arity, stringArg, type FunctionEnv } from "./env.js";

const RUN_CMD_FLAGS = new Set(["--terragrunt-quiet", "--terragrunt-global-cache", "--terragrunt-no-cache"]);

/** `get_env`, `run_cmd`, `get_platform` and the repository functions, bound to one evaluation. */
export function processFunctions(env: FunctionEnv): Map<string, HclFunction> {
  return new Map<string, HclFunction>([
    ["get_env", (args) => getEnv(env, args)],
    ["run_cmd", (args) => runCmd(env, args)],
    ["get_platform", (args) => {
      arity("get_platform", args, 0);
      return process.platform === "win32" ? "windows" : process.platform;
    }],
    ["get_repo_root", (args) => {
      arity("get_repo_root", args, 0);
      return repoRoot(env, "get_repo_root");
    }],
    ["get_path_from_repo_root", (args) => {
      arity("get_path_from_repo_root", args, 0);
      return relative(repoRoot(env, "get_path_from_repo_root"), env.frame.originalDir) || ".";
    }],
    ["get_path_to_repo_root", (args) => {
      arity("get_path_to_repo_root", args, 0);
      return relative(env.frame.originalDir, repoRoot(env, "get_path_to_repo_root")) || ".";
    }],
  ]);
}

function getEnv(env: FunctionEnv, args: Parameters<HclFunction>[0]): string {
  arity("get_env", args, 1, 2);
  const name = stringArg("get_env", args, 0);
  const value = env.context.options.env[name];
  if (value !== undefined) return value;
  if (args.length === 2) return stringArg("get_env", args, 1);
  throw new TerraceError("ENV_NOT_SET", `get_env: environment variable ${name} is not set`, {
    hint: `set ${name}, or give get_env a default: get_env("${name}", "value")`,
  });
}

function runCmd(env: FunctionEnv, args: Parameters<HclFunction>[0]): string {
  const words = args.map((_, index) => stringArg("run_cmd", args, index));
  const flags = new Set<string>();
  while (words.length > 0 && RUN_CMD_FLAGS.has(words[0] as string)) flags.add(words.shift() as string);
  if (flags.has("--terragrunt-global-cache") && flags.has("--terragrunt-no-cache")) {
    throw new TerraceError("RUN_CMD",
      "run_cmd: --terragrunt-global-cache and --terragrunt-no-cache cannot be combined", {
        hint: "keep one of the two flags",
      });
  }
  const [command, ...rest] = words;
  if (command === undefined || command === "") {
    throw new TerraceError("RUN_CMD", "run_cmd: expected a command to run", {
      hint: 'pass the command and its arguments: run_cmd("echo", "hello")',
    });
  }

  const cwd = terragruntDir(env.frame);
  const key = `${flags.has("--terragrunt-global-cache") ? "" : cwd}\0${words.join("\0")}`;
  const cached = env.context.runCmd.get(key);
  if (cached !== undefined && !flags.has("--terragrunt-no-cache")) return cached;

  const result = spawnSync(command, rest, {
    cwd,
    env: env.context.options.env as NodeJS.ProcessEnv,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.error !== undefined || result.status !== 0) {
    const missing = (result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
    const reason = missing
      ? `${command}: command not found`
      : result.error?.message ?? `exit code ${result.status}: ${firstLine(result.stderr)}`;
    throw new TerraceError("RUN_CMD", `run_cmd: "${words.join(" ")}" failed: ${reason}`, {
      hint: `run the command by hand in ${cwd} to see why it fails`,
    });
  }
  const output = result.stdout.endsWith("\n") ? result.stdout.slice(0, -1) : result.stdout;
  if (!flags.has("--terragrunt-no-cache")) env.context.runCmd.set(key, output);
  return output;
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}

function repoRoot(env: FunctionEnv, name: string): string {
  const dir = env.frame.originalDir;
  let root = env.context.repoRoots.get(dir);
  if (root === undefined) {
    const result = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd: dir, encoding: "utf8" });
    root = result.status === 0 ? result.stdout.trim() : null;
    env.context.repoRoots.set(dir, root);
  }
  if (root !== null) return root;
  throw new TerraceError("FUNCTION_CALL", `${name}: ${dir} is not inside a git repository`, {
    hint: "run terrace inside a git checkout, or avoid the repository functions here",
  });
}
