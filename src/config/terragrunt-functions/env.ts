/**
 * What terragrunt's functions need from the resolver: the frame they are called from, the
 * run's caches and settings, and a way to read another config file.
 */
import { TerraceError } from "../../errors.js";
import type { ResolveContext } from "../resolve/context.js";
import type { Frame } from "../resolve/frame.js";
import type { RoleSettings } from "../unit-config.js";
import type { Value } from "../value.js";

export interface FunctionEnv {
  frame: Frame;
  context: ResolveContext;
  /** `read_terragrunt_config`: the fully resolved config at an absolute path. */
  readConfig(path: string): Value;
  /** The role settings of the unit being resolved; undefined while they are being computed. */
  roleSettings(): RoleSettings | undefined;
}

/** Checks the argument count of a function that takes between `min` and `max` arguments. */
export function arity(name: string, args: Value[], min: number, max = min): void {
  if (args.length >= min && args.length <= max) return;
  const expected = min === max ? `${min}` : `${min} to ${max}`;
  throw new TerraceError("FUNCTION_CALL",
    `${name}: expected ${expected} argument${max === 1 ? "" : "s"}, got ${args.length}`);
}

/** The argument at `index` as a string; numbers and bools convert as HCL converts them. */
export function stringArg(name: string, args: Value[], index: number): string {
  const value = args[index];
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new TerraceError("FUNCTION_CALL",
    `${name}: expected a string as argument ${index + 1}, got ${JSON.stringify(value ?? null)}`);
}
