/**
 * One unit's turn in a run: resolve its configuration now that its dependencies' outputs
 * are known, prepare its environment, initialise terraform when the unit has never been
 * initialised, then run the command. Each step's failure ends the turn with one line that
 * says why.
 */
import { applyChanges, type Delivery, type RunCredentials } from "../auth/index.js";
import type { ConfigResolver, UnitConfig } from "../config/index.js";
import { isObject } from "../config/value.js";
import { TerraceError } from "../errors.js";
import { displayPath, type GraphNode } from "../graph/graph.js";
import type { EventSink } from "./events.js";
import type { InitLock } from "./init-lock.js";
import type { RunningProcess } from "./process.js";
import { runCommand } from "./unit-command.js";
import { unitEnvironment } from "./unit-env.js";
import { prepareWorkdir, type PreparedWorkdir, type SourceCache } from "./workdir/index.js";

export interface UnitRunOptions {
  resolver: ConfigResolver;
  /** The run's credentials: each unit's role, delivered to its processes. */
  credentials: RunCredentials;
  /** The run's working directory: errors name files relative to it. */
  workingDir: string;
  command: string;
  args: readonly string[];
  baseEnv: Readonly<Record<string, string | undefined>>;
  /** `--tf-path`; else the unit's `terraform_binary`; else `terraform`. */
  terraformPath: string | undefined;
  events: EventSink;
  /** Called with each process as it starts, so that a signal can reach it. */
  track(process: RunningProcess | undefined): void;
  /** True once the run is interrupted: from then on no process starts. */
  interrupted(): boolean;
  /** The run's module sources, fetched once per URL and ref. */
  sources: SourceCache;
  /** `--download-dir`, `--source` and `--source-map`. */
  workdir: { downloadDir?: string; sourceOverride?: string; sourceMap?: Record<string, string> };
  /** Serialises inits when providers go to a shared plugin cache. */
  initLock: InitLock;
  /** Told where the unit's terraform runs, so that its outputs are read from there. */
  prepared(workdir: string): void;
  /**
   * One unit on its own: terraform gets the user's arguments as they are and terrace's stdin,
   * so that it can ask its own questions; a run-all adds -auto-approve and -input=false.
   */
  single?: boolean;
}

/** How a unit's terraform ended. */
export interface UnitRunResult {
  exitCode: number;
  /** The first error line, when the unit failed. */
  error: string | undefined;
  /** The run was interrupted before the unit's command could start. */
  notStarted?: boolean;
  /** The role the unit ran as, its session length, and when its first credentials expire. */
  role?: { arn: string; duration: number; expiry: Date | undefined };
}

/** Runs the command in one unit; never throws. */
export async function runUnit(node: GraphNode, options: UnitRunOptions): Promise<UnitRunResult> {
  let unit: UnitConfig;
  try {
    unit = await options.resolver.resolve(node.dir, { fresh: true });
  } catch (error) {
    return { exitCode: 1, error: describe(error, options.workingDir) };
  }
  if (unit.config.prevent_destroy === true && (options.command === "destroy" || options.args.includes("-destroy"))) {
    return { exitCode: 1, error: "the unit is protected by prevent_destroy = true" };
  }

  const request = options.credentials.requestFor(unit.role);
  let delivery: Delivery;
  try {
    delivery = await options.credentials.deliver(request, node.path);
  } catch (error) {
    return { exitCode: 1, error: describe(error, options.workingDir) };
  }
  const role = request === undefined
    ? undefined
    : { arn: request.roleArn, duration: request.duration, expiry: delivery.expiry };

  let workdir: PreparedWorkdir;
  try {
    workdir = await prepareWorkdir({
      unitDir: unit.dir,
      configFile: unit.configPath,
      config: unit.config,
      origin: unit.origin,
      sources: options.sources,
      ...options.workdir,
    });
  } catch (error) {
    return { exitCode: 1, error: describe(error, options.workingDir) };
  }
  options.prepared(workdir.dir);

  const inputs = isObject(unit.config.inputs) ? unit.config.inputs : {};
  const env = applyChanges(unitEnvironment(options.baseEnv, inputs, { TF_IN_AUTOMATION: "1" }), delivery.changes);
  const binary = options.terraformPath
    ?? (typeof unit.config.terraform_binary === "string" ? unit.config.terraform_binary : "terraform");
  try {
    const result = await runCommand({ node, unit, workdir, binary, env, options });
    return role === undefined ? result : { ...result, role };
  } catch (error) {
    return { exitCode: 1, error: describe(error, options.workingDir) };
  }
}

/** A configuration error as one line: where (relative to the working dir), what, and the fix. */
function describe(error: unknown, workingDir: string): string {
  if (error instanceof TerraceError) {
    const { location } = error;
    const place = location ? `${displayPath(workingDir, location.file)}:${location.line}: ` : "";
    const hint = error.hint === undefined ? "" : `; ${error.hint}`;
    return `${place}${error.message}${hint}`;
  }
  return error instanceof Error ? error.message : String(error);
}
