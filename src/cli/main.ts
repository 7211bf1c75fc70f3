/**
 * terrace's command line: parses arguments, runs a command, renders its errors, returns the
 * exit code. Commands live in `commands/`; this file only wires them to flags.
 */
import { readFileSync } from "node:fs";

import { Command, CommanderError, Option } from "commander";

import { graph } from "./commands/graph.js";
import { renderJson } from "./commands/render-json.js";
import { RUN_ALL_ALIASES, runAll, type RunIo } from "./commands/run-all.js";
import { runSingle, TERRAFORM_COMMANDS } from "./commands/single.js";
import { parseRunArgs, takesValue } from "./run-args.js";
import { overridesOf, ROLE_FLAG_ALIASES, type RoleFlags } from "./role-flags.js";
import { EXIT_FAILURE, formatError } from "./errors.js";
import { processOutput, type Output } from "./output.js";

const packageJson = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
) as { version: string };

/** Options every command takes, with terragrunt's spellings as hidden aliases. */
interface GlobalOptions extends RoleFlags {
  workingDir: string;
  config: string;
  debug: boolean;
}

/**
 * Runs terrace with `argv` (without the node and script paths); resolves to the exit code.
 * `env` is the environment that run-all reads and hands to terraform.
 */
export async function main(
  argv: string[],
  output: Output = processOutput,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const program = buildProgram(output, env);
  let exitCode = 0;
  try {
    const run = runCommandOf(argv);
    if (run !== undefined) return await runAll(parseRunArgs(run.rest, run.command, env), processIo(output, env));
    const single = singleCommandOf(argv);
    if (single !== undefined) return await runSingle(parseRunArgs(single, undefined, env), processIo(output, env));
    await program.parseAsync(normaliseLegacyFlags(argv), { from: "user" });
    exitCode = (program.getOptionValue("exitCode") as number | undefined) ?? 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const debug = argv.includes("--debug");
    for (const line of formatError(error, process.cwd(), debug)) output.stderr(`${line}\n`);
    return EXIT_FAILURE;
  }
  return exitCode;
}

function buildProgram(output: Output, env: Readonly<Record<string, string | undefined>>): Command {
  const program = new Command("terrace")
    .description("Run terraform across a tree of terragrunt units, each with its own AWS role.")
    .version(packageJson.version, "-v, --version")
    .option("--working-dir <dir>", "directory of the unit, or of the tree of units", process.cwd())
    .option("--config <name>", "file name of a unit's configuration", "terragrunt.hcl")
    .option("--debug", "show stack traces for internal errors", false)
    .option("--iam-role <arn>", "role to assume for every unit (over iam_role)")
    .option("--iam-role-duration <duration>", "session length: seconds, or 90m, 4h, 1h30m (over iam_role_duration)")
    .option("--iam-role-session-name <name>", "STS session name (over iam_role_session_name)")
    .option("--iam-web-identity-token <token>", "OIDC token, or a file holding one, for AssumeRoleWithWebIdentity")
    .option("--iam-role-external-id <id>", "external ID the role's trust policy requires")
    .option("--credentials <mode>", "how terraform gets credentials: endpoint (renewed, default) or env")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => output.stdout(text),
      writeErr: (text) => output.stderr(text),
    })
    .showHelpAfterError("hint: run terrace --help for the commands and their flags");

  program
    .command("render-json")
    .description("print the unit's resolved configuration as JSON")
    .option("--with-metadata", "add the file and line that set each value", false)
    .addOption(new Option("--out <file>", "write to a file instead of stdout"))
    .action(async (options: { withMetadata: boolean; out?: string }) => {
      const global = program.opts<GlobalOptions>();
      const code = await renderJson({
        workingDir: global.workingDir,
        configName: global.config,
        withMetadata: options.withMetadata,
        out: options.out,
        overrides: overridesOf(global, env),
        env,
      }, output);
      program.setOptionValue("exitCode", code);
    });

  program
    .command("graph")
    .alias("graph-dependencies")
    .description("print the dependency graph of the units (DOT; --format json for JSON)")
    .option("--format <format>", "dot or json", "dot")
    .action(async (options: { format: string }) => {
      const global = program.opts<GlobalOptions>();
      const code = await graph({ workingDir: global.workingDir, configName: global.config, format: options.format }, output);
      program.setOptionValue("exitCode", code);
    });

  program
    .command("run-all <command> [args...]")
    .description("run a terraform command in every unit, in dependency order (see terrace run-all --help)");
  for (const [alias, command] of Object.entries(RUN_ALL_ALIASES)) {
    program.command(alias).description(`run-all ${command}`);
  }
  return program;
}

/** `run-all CMD ...`, an alias such as `apply-all ...`, or `run --all CMD ...`; else undefined. */
function runCommandOf(argv: string[]): { command: string | undefined; rest: string[] } | undefined {
  // The command is the first argument that is neither a flag nor a flag's value:
  // `terrace --working-dir live run-all plan` runs in live.
  let index = 0;
  while (argv[index]?.startsWith("-") === true) index += takesValue(argv[index] as string) ? 2 : 1;
  const name = argv[index];
  if (name === undefined) return undefined;
  const before = argv.slice(0, index);
  const after = argv.slice(index + 1);
  if (name === "run-all") return { command: undefined, rest: [...before, ...after] };
  if (name === "run" && after.includes("--all")) {
    return { command: undefined, rest: [...before, ...after.filter((arg) => arg !== "--all")] };
  }
  const aliased = RUN_ALL_ALIASES[name];
  return aliased === undefined ? undefined : { command: aliased, rest: [...before, ...after] };
}

/** A terraform command for the unit of the working directory (`terrace plan ...`); else undefined. */
function singleCommandOf(argv: string[]): string[] | undefined {
  let index = 0;
  while (argv[index]?.startsWith("-") === true) index += takesValue(argv[index] as string) ? 2 : 1;
  const name = argv[index];
  return name !== undefined && TERRAFORM_COMMANDS.has(name) ? argv : undefined;
}

function processIo(output: Output, env: Readonly<Record<string, string | undefined>>): RunIo {
  return {
    output,
    env,
    stdin: process.stdin,
    stderr: process.stderr,
    // Output captured by a caller is no terminal, whatever this process's stderr is.
    stderrIsTerminal: output === processOutput && process.stderr.isTTY === true,
  };
}

/** terragrunt's flag names, old and new, mapped onto terrace's. */
const LEGACY_FLAGS: Record<string, string> = {
  "--terragrunt-working-dir": "--working-dir",
  "--terragrunt-config": "--config",
  "--terragrunt-json-out": "--out",
  "--json-out": "--out",
  "--terragrunt-debug": "--debug",
  ...ROLE_FLAG_ALIASES,
};

/** Rewrites terragrunt's flag names, in both `--flag value` and `--flag=value` forms. */
export function normaliseLegacyFlags(argv: string[]): string[] {
  return argv.map((arg) => {
    const [name, ...value] = arg.split("=");
    const replacement = name === undefined ? undefined : LEGACY_FLAGS[name];
    if (replacement === undefined) return arg;
    return value.length > 0 ? `${replacement}=${value.join("=")}` : replacement;
  });
}
