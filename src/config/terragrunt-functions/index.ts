/**
 * The function table of one evaluation: Terraform's built-ins plus terragrunt's functions
 * bound to the evaluation's frame.
 */
import { builtinFunctions } from "../functions/builtins/index.js";
import type { FunctionTable, HclFunction } from "../functions/types.js";
import { awsFunctions } from "./aws.js";
import type { FunctionEnv } from "./env.js";
import { pathFunctions } from "./paths.js";
import { processFunctions } from "./process.js";
import { readFunctions } from "./read.js";
import { terraformFunctions } from "./terraform.js";

export type { FunctionEnv } from "./env.js";
export { DEFAULT_RETRYABLE_ERRORS } from "./terraform.js";

/** Every function an HCL file can call, bound to `env`. */
export function functionTable(env: FunctionEnv): FunctionTable {
  const own = new Map<string, HclFunction>();
  const table = new LayeredFunctions(own, builtinFunctions);
  const parts = [
    awsFunctions(env),
    pathFunctions(env),
    processFunctions(env),
    terraformFunctions(env),
    readFunctions(env, () => table),
  ];
  for (const part of parts) for (const [name, fn] of part) own.set(name, fn);
  return table;
}

/**
 * terragrunt's functions over Terraform's built-ins, without copying the ~150 built-ins into
 * a new map for every file evaluated.
 */
class LayeredFunctions implements ReadonlyMap<string, HclFunction> {
  constructor(
    private readonly own: ReadonlyMap<string, HclFunction>,
    private readonly base: ReadonlyMap<string, HclFunction>,
  ) {}

  get(name: string): HclFunction | undefined {
    return this.own.get(name) ?? this.base.get(name);
  }

  has(name: string): boolean {
    return this.own.has(name) || this.base.has(name);
  }

  get size(): number {
    return [...this.keys()].length;
  }

  *entries(): MapIterator<[string, HclFunction]> {
    yield* this.own.entries();
    for (const entry of this.base.entries()) if (!this.own.has(entry[0])) yield entry;
  }

  *keys(): MapIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): MapIterator<HclFunction> {
    for (const [, fn] of this.entries()) yield fn;
  }

  forEach(callback: (fn: HclFunction, name: string, map: ReadonlyMap<string, HclFunction>) => void): void {
    for (const [name, fn] of this.entries()) callback(fn, name, this);
  }

  [Symbol.iterator](): MapIterator<[string, HclFunction]> {
    return this.entries();
  }
}
