/**
 * Dependency outputs during a run: `terraform output -json` of the dependency, fetched once
 * per dependency per run (after it has run, when it is part of the run), combined with its
 * `mock_outputs` as terragrunt combines them.
 *
 * Outputs are fetched asynchronously while configuration is evaluated synchronously, so a
 * first request throws `Pending`; the resolver fetches and evaluates again.
 */
import { TerraceError } from "../errors.js";
import { Pending } from "../config/files.js";
import type { DependencyBlock } from "../config/index.js";
import { isObject, type Value, type ValueObject } from "../config/value.js";

/** Fetches a unit's outputs: an object of output values, or null when it has none. */
export type OutputFetcher = (dir: string) => Promise<ValueObject | null>;

/** Outputs of the run's dependencies; `forget` a unit once it has run again. */
export class DependencyOutputs {
  private readonly fetched = new Map<string, ValueObject | null>();
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly fetch: OutputFetcher, private readonly command: string) {}

  /** The outputs `dependency.<name>.outputs` evaluates to. */
  outputsOf(block: DependencyBlock): Value {
    const mocks = isObject(block.value.mock_outputs) ? block.value.mock_outputs : undefined;
    if (block.value.enabled === false || block.value.skip_outputs === true || block.dir === undefined) {
      return mocks ?? {};
    }
    const dir = block.dir;
    if (!this.fetched.has(dir)) throw new Pending(() => this.load(dir));

    const outputs = this.fetched.get(dir) ?? null;
    if (outputs !== null) return withMocks(outputs, mocks, block.value);
    if (mocks !== undefined && this.mocksAllowed(block.value)) return mocks;
    const path = typeof block.value.config_path === "string" ? block.value.config_path : dir;
    throw new TerraceError("DEPENDENCY", `dependency "${block.name}" (${path}) has no outputs`, {
      location: block.location,
      hint: `apply ${path} first, or add mock_outputs allowed for "${this.command}"`,
    });
  }

  /** Drops what is known of a unit's outputs, so that the next request fetches them again. */
  forget(dir: string): void {
    this.fetched.delete(dir);
  }

  private load(dir: string): Promise<void> {
    let loading = this.inFlight.get(dir);
    if (loading === undefined) {
      loading = this.fetch(dir).then((outputs) => {
        this.fetched.set(dir, outputs);
        this.inFlight.delete(dir);
      });
      this.inFlight.set(dir, loading);
    }
    return loading;
  }

  private mocksAllowed(block: ValueObject): boolean {
    const allowed = block.mock_outputs_allowed_terraform_commands;
    return !Array.isArray(allowed) || allowed.length === 0 || allowed.includes(this.command);
  }
}

/** Real outputs combined with mocks by `mock_outputs_merge_strategy_with_state`. */
function withMocks(outputs: ValueObject, mocks: ValueObject | undefined, block: ValueObject): ValueObject {
  if (mocks === undefined) return outputs;
  const strategy = block.mock_outputs_merge_strategy_with_state
    ?? (block.mock_outputs_merge_with_state === true ? "shallow" : "no_merge");
  if (strategy === "shallow") return { ...mocks, ...outputs };
  if (strategy === "deep_map_only") return deepMergeMaps(mocks, outputs);
  return outputs;
}

/** Maps merge recursively; lists and scalars come from the state. */
function deepMergeMaps(mocks: ValueObject, outputs: ValueObject): ValueObject {
  const result: ValueObject = { ...mocks };
  for (const [key, value] of Object.entries(outputs)) {
    const mock = result[key];
    result[key] = isObject(mock) && isObject(value) ? deepMergeMaps(mock, value) : value;
  }
  return result;
}

