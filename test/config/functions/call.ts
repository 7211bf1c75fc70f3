/**
 * Calls built-in functions by name for the tests, the way the evaluator would: evaluated
 * arguments and a call context whose template renderer records what it was given.
 */
import { builtinFunctions } from "../../../src/config/functions/builtins/index.js";
import type { CallContext } from "../../../src/config/functions/types.js";
import type { Value } from "../../../src/config/value.js";
import { TerraceError } from "../../../src/errors.js";

/** A call context rooted at `baseDir`; templates render as "<text>|<variables as JSON>". */
export function contextAt(baseDir: string): CallContext {
  return {
    baseDir,
    renderTemplate: (text, variables) => `${text}|${JSON.stringify(variables)}`,
  };
}

/** Calls the built-in `name` with `args`, relative paths taken from `context`. */
export function callIn(context: CallContext, name: string, ...args: Value[]): Value {
  const fn = builtinFunctions.get(name);
  if (!fn) throw new Error(`no built-in function ${name}`);
  return fn(args, context);
}

/** Calls the built-in `name` from a config in /units/app. */
export function call(name: string, ...args: Value[]): Value {
  return callIn(contextAt("/units/app"), name, ...args);
}

/** The code, message and hint of the TerraceError that `run` throws. */
export function failure(run: () => unknown): { code: string; message: string; hint?: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof TerraceError)) throw error;
    const { code, message, hint } = error;
    return hint === undefined ? { code, message } : { code, message, hint };
  }
  throw new Error("expected a TerraceError, but the call succeeded");
}

/** The message of the TerraceError that calling `name` with `args` throws. */
export function errorMessage(name: string, ...args: Value[]): string {
  return failure(() => call(name, ...args)).message;
}
