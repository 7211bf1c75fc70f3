/**
 * A small scope for the expression tests: plain variables, a handful of functions defined
 * here, and lazy objects that record which members were computed.
 */

import type { Scope } from "../../../src/config/expr/index.js";
import type { HclFunction } from "../../../src/config/functions/types.js";
import { TerraceError } from "../../../src/errors.js";
import { isObject, LazyObject, type Value } from "../../../src/config/value.js";

const upper: HclFunction = ([text]) => {
  if (typeof text !== "string") throw new Error(`expected a string, got ${JSON.stringify(text)}`);
  return text.toUpperCase();
};

const length: HclFunction = ([value]) => {
  if (Array.isArray(value)) return value.length;
  if (isObject(value)) return Object.keys(value).length;
  return String(value).length;
};

const concat: HclFunction = (args) => args.flatMap((arg) => (Array.isArray(arg) ? arg : [arg]));

const strict: HclFunction = () => {
  throw new TerraceError("FUNCTION_CALL", "strict: always fails");
};

/** The functions every test scope offers. */
export const FUNCTIONS: ReadonlyMap<string, HclFunction> = new Map([
  ["upper", upper],
  ["length", length],
  ["concat", concat],
  ["strict", strict],
  ["args", (args: Value[]) => args],
]);

/** A scope with the given top-level variables. */
export function scopeOf(variables: Record<string, Value | LazyObject> = {}): Scope {
  return {
    variable: (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined),
    functions: FUNCTIONS,
    context: { baseDir: "/units/app", renderTemplate: () => null },
  };
}

/** A lazy object over `members` that records, in `computed`, each member it computes. */
export function lazyOf(members: Record<string, () => Value | LazyObject>): {
  object: LazyObject;
  computed: string[];
} {
  const computed: string[] = [];
  const object = new LazyObject(
    (key) => {
      const member = Object.hasOwn(members, key) ? members[key] : undefined;
      if (member === undefined) return undefined;
      computed.push(key);
      return member();
    },
    () => Object.keys(members),
  );
  return { object, computed };
}

/** The error `run` throws, for asserting its code, message and hint together. */
export function errorOf(run: () => unknown): { code: string; message: string; hint?: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof TerraceError)) throw error;
    const shown: { code: string; message: string; hint?: string } = {
      code: error.code,
      message: error.message,
    };
    if (error.hint !== undefined) shown.hint = error.hint;
    return shown;
  }
  throw new Error("expected an error, but there was none");
}
