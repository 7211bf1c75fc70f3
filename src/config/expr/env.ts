/**
 * The evaluation environment: the scope plus the variables that for expressions and splats
 * bind while they run.
 *
 * Bindings form a linked list, innermost first, so entering a for iteration costs one small
 * object and leaves the enclosing environment untouched for the next iteration.
 */

import type { Expression } from "./ast.js";
import type { Val } from "./convert.js";
import { closestName } from "./suggest.js";
import type { Scope } from "./scope.js";
import { TerraceError } from "../../errors.js";
import type { Value } from "../value.js";

/** One for-expression variable; `next` is the binding it shadows or encloses. */
export interface Binding {
  readonly name: string;
  readonly value: Value;
  readonly next: Binding | undefined;
}

/** Where a node is evaluated. */
export interface Env {
  readonly scope: Scope;
  readonly bindings: Binding | undefined;
  /** The element that the innermost splat is visiting. */
  readonly item: Val | undefined;
}

/** Evaluates one node; passed to the helpers so that they need not import the evaluator. */
export type Evaluate = (node: Expression, env: Env) => Val;

/** The root environment of `scope`. */
export function rootEnv(scope: Scope): Env {
  return { scope, bindings: undefined, item: undefined };
}

/** `env` with `name` bound to `value`. */
export function bind(env: Env, name: string, value: Value): Env {
  return { scope: env.scope, bindings: { name, value, next: env.bindings }, item: env.item };
}

/** The value of a variable: a for variable if one is bound, else the scope's. */
export function lookup(env: Env, name: string): Val {
  for (let binding = env.bindings; binding !== undefined; binding = binding.next) {
    if (binding.name === name) return binding.value;
  }
  const value = env.scope.variable(name);
  if (value === undefined) throw unknownVariable(env, name);
  return value;
}

/** Top-level names of a terragrunt file, offered as corrections when they exist in the scope. */
const COMMON_ROOTS = ["local", "include", "dependency", "feature", "values"];

function unknownVariable(env: Env, name: string): TerraceError {
  const bound: string[] = [];
  for (let binding = env.bindings; binding !== undefined; binding = binding.next) {
    bound.push(binding.name);
  }
  const closest = closestName(name, [...bound, ...COMMON_ROOTS]);
  const offered = closest !== undefined && (bound.includes(closest) || defines(env.scope, closest));
  const hint = offered ? `did you mean "${closest}"?` : undefined;
  return new TerraceError("UNKNOWN_VARIABLE", `unknown variable "${name}"`, { hint });
}

/** Whether the scope has `name`; a failure to compute it only means no suggestion. */
function defines(scope: Scope, name: string): boolean {
  try {
    return scope.variable(name) !== undefined;
  } catch {
    return false;
  }
}
