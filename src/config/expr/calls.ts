/**
 * Function calls, including the two special forms `try` and `can`.
 *
 * `try` and `can` must see their arguments unevaluated, since catching an argument's error is
 * their whole purpose, so the evaluator handles them itself instead of the function table.
 * Every other call evaluates its arguments first, spreading the last one for `f(list...)`.
 */

import type { CallExpr } from "./ast.js";
import { force, show } from "./convert.js";
import type { Env, Evaluate } from "./env.js";
import { expressionError, isRecoverable } from "./problems.js";
import { closestName } from "./suggest.js";
import { TerraceError } from "../../errors.js";
import type { Value } from "../value.js";

/** Evaluates a call node. */
export function evaluateCall(node: CallExpr, env: Env, evaluate: Evaluate): Value {
  if (node.name === "try") return evaluateTry(node, env, evaluate);
  if (node.name === "can") return evaluateCan(node, env, evaluate);

  const fn = env.scope.functions.get(node.name);
  if (fn === undefined) throw unknownFunction(node.name, env);

  const args = node.args.map((arg) => force(evaluate(arg, env)));
  if (node.expand) spreadLast(args, node.name);

  try {
    return fn(args, env.scope.context);
  } catch (error) {
    // Only real errors are wrapped: anything else (a request to fetch a file first) passes.
    if (error instanceof TerraceError || !(error instanceof Error)) throw error;
    throw new TerraceError("FUNCTION_CALL", `${node.name}: ${error.message}`, { cause: error });
  }
}

/** `f(a, list...)`: the elements of the last argument become arguments of their own. */
function spreadLast(args: Value[], name: string): void {
  const last = args.pop();
  if (!Array.isArray(last)) {
    const value = last === undefined ? "nothing" : show(last);
    throw expressionError(
      `cannot expand ${value} into the arguments of ${name}(): expected a tuple`,
    );
  }
  args.push(...last);
}

/** The first argument that evaluates without error; if none does, the last argument's error. */
function evaluateTry(node: CallExpr, env: Env, evaluate: Evaluate): Value {
  if (node.args.length === 0) throw expressionError("try() needs at least one argument");
  if (node.expand) throw expressionError('try() does not accept "..." after its last argument');

  let failure: unknown;
  for (const arg of node.args) {
    try {
      return force(evaluate(arg, env));
    } catch (error) {
      if (!isRecoverable(error)) throw error;
      failure = error;
    }
  }
  throw failure;
}

/** True when the argument evaluates without error. */
function evaluateCan(node: CallExpr, env: Env, evaluate: Evaluate): boolean {
  const [arg] = node.args;
  if (arg === undefined || node.args.length > 1) {
    throw expressionError(`can() takes exactly one argument, got ${node.args.length}`);
  }
  if (node.expand) throw expressionError('can() does not accept "..." after its argument');

  try {
    force(evaluate(arg, env));
    return true;
  } catch (error) {
    if (!isRecoverable(error)) throw error;
    return false;
  }
}

function unknownFunction(name: string, env: Env): TerraceError {
  const closest = closestName(name, [...env.scope.functions.keys(), "try", "can"]);
  const hint =
    closest === undefined
      ? "check the name against the functions of terragrunt and of Terraform"
      : `did you mean "${closest}"?`;
  return new TerraceError("UNKNOWN_FUNCTION", `unknown function "${name}"`, { hint });
}
