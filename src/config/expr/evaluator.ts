/**
 * The tree walker: evaluates a parsed expression or template against an environment.
 *
 * Nodes yield `Val`, which may still be a lazy object, so that a chain such as
 * `include.root.locals.region` asks each lazy object for one member only. A value is forced to
 * plain data where it is used whole: as an operand, an argument, an element, a collection to
 * iterate, or a result handed back to the caller.
 *
 * `&&` and `||` skip their right operand when the left one decides the result, and a
 * conditional evaluates only the branch it takes, so guards such as
 * `local.x != null && local.x.enabled` work.
 */

import type {
  BinaryExpr,
  ConditionalExpr,
  Expression,
  ObjectExpr,
  Template,
  TemplatePart,
} from "./ast.js";
import { evaluateCall } from "./calls.js";
import { force, setMember, show, toBool, toText, type Val } from "./convert.js";
import { bind, lookup, type Env } from "./env.js";
import { evaluateFor, evaluateSplat, forEachElement } from "./iteration.js";
import { applyBinary, logicalOperand, negate } from "./operators.js";
import { expressionError } from "./problems.js";
import { getAttribute, getIndex } from "./traverse.js";
import { LazyObject, type Value, type ValueObject } from "../value.js";

/** The value of `node` in `env`; lazy objects stay lazy until something uses them whole. */
export function evaluateNode(node: Expression, env: Env): Val {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "template":
      return evaluateTemplateIn(node.template, env);
    case "variable":
      return lookup(env, node.name);
    case "attr":
      return getAttribute(evaluateNode(node.object, env), node.name, node.object);
    case "index": {
      const object = evaluateNode(node.object, env);
      return getIndex(object, force(evaluateNode(node.key, env)), node.object);
    }
    case "splat":
      return evaluateSplat(node, env, evaluateNode);
    case "splat-item":
      return env.item ?? null;
    case "call":
      return evaluateCall(node, env, evaluateNode);
    case "unary": {
      const operand = force(evaluateNode(node.operand, env));
      return node.op === "-" ? negate(operand) : !logicalOperand("!", operand);
    }
    case "binary":
      return evaluateBinary(node, env);
    case "conditional":
      return evaluateConditional(node, env);
    case "tuple":
      return node.items.map((item) => force(evaluateNode(item, env)));
    case "object":
      return evaluateObject(node, env);
    case "for":
      return evaluateFor(node, env, evaluateNode);
  }
}

/** A template's value: the expression's own value for `${x}` alone, else the joined text. */
export function evaluateTemplateIn(template: Template, env: Env): Val {
  if (template.single !== undefined) return evaluateNode(template.single, env);
  return render(template.parts, env);
}

function evaluateBinary(node: BinaryExpr, env: Env): Value {
  const left = force(evaluateNode(node.left, env));
  if (node.op !== "&&" && node.op !== "||") {
    return applyBinary(node.op, left, force(evaluateNode(node.right, env)));
  }

  const decided = logicalOperand(node.op, left);
  if (node.op === "&&" ? !decided : decided) return decided;
  return logicalOperand(node.op, force(evaluateNode(node.right, env)));
}

function evaluateConditional(node: ConditionalExpr, env: Env): Val {
  const taken = condition(evaluateNode(node.condition, env));
  return evaluateNode(taken ? node.then : node.otherwise, env);
}

function condition(value: Val): boolean {
  const forced = force(value);
  const bool = toBool(forced);
  if (bool === undefined) {
    throw expressionError(`cannot use ${show(forced)} as a condition: expected a bool`);
  }
  return bool;
}

function evaluateObject(node: ObjectExpr, env: Env): ValueObject {
  const object: ValueObject = {};
  for (const item of node.items) {
    const key = force(evaluateNode(item.key, env));
    const name = toText(key);
    if (name === undefined) {
      throw expressionError(`cannot use ${show(key)} as an object key: expected a string`);
    }
    setMember(object, name, force(evaluateNode(item.value, env)));
  }
  return object;
}

function render(parts: readonly TemplatePart[], env: Env): string {
  let text = "";
  for (const part of parts) {
    if (typeof part === "string") {
      text += part;
    } else if (part.kind === "interpolation") {
      text += interpolate(evaluateNode(part.expr, env));
    } else if (part.kind === "if") {
      const taken = condition(evaluateNode(part.condition, env));
      text += render(taken ? part.then : part.otherwise, env);
    } else {
      forEachElement(force(evaluateNode(part.collection, env)), (key, value) => {
        const inner = bind(env, part.valueVar, value);
        const { keyVar } = part;
        text += render(part.body, keyVar === undefined ? inner : bind(inner, keyVar, key));
      });
    }
  }
  return text;
}

function interpolate(value: Val): string {
  const text = value instanceof LazyObject ? undefined : toText(value);
  if (text !== undefined) return text;

  const hint =
    value === null
      ? "coalesce() or a conditional can give a default when the value is null"
      : "jsonencode() or join() turn a collection into a string";
  const expected = "expected a string, number or bool";
  throw expressionError(`cannot use ${show(value)} in a string template: ${expected}`, hint);
}
