/**
 * Traversal steps: `value.name` and `value[key]`, on plain values and on lazy objects.
 *
 * A lazy object is asked for the one member a step names, so `local.a` computes `a` and
 * nothing else. When a member is missing and the step was reached by static names from a
 * root variable, the error names that whole path (`"local.nope" is not defined`), which is
 * how a user wrote it; the path is rebuilt from the tree only on that error path.
 */

import type { Expression } from "./ast.js";
import { formatNumber, kindOf, show, toNumber, toText, type Val } from "./convert.js";
import { expressionError } from "./problems.js";
import { closestName } from "./suggest.js";
import { TerraceError } from "../../errors.js";
import { isObject, LazyObject, type Value } from "../value.js";

/** `target.name`; `source` is the expression that produced `target`, for messages. */
export function getAttribute(target: Val, name: string, source: Expression): Val {
  if (target instanceof LazyObject) {
    const member = target.get(name);
    if (member === undefined) throw missingMember(source, name, target.keys(), ".");
    return member;
  }
  if (isObject(target)) {
    const member = target[name];
    if (member === undefined || !Object.hasOwn(target, name)) {
      throw missingMember(source, name, Object.keys(target), ".");
    }
    return member;
  }

  const path = staticPath(source);
  let hint: string | undefined;
  if (Array.isArray(target)) hint = `to take "${name}" from every element, write [*].${name}`;
  else if (target === null && path !== undefined) {
    hint = `${path} is null; try(${path}.${name}, <fallback>) gives a fallback value`;
  }
  throw expressionError(
    `cannot get attribute "${name}" of ${valueOf(target)}: expected an object`,
    hint,
  );
}

/** `target[key]`: a whole number (or numeric string) for a tuple, a string for an object. */
export function getIndex(target: Val, key: Value, source: Expression): Val {
  if (Array.isArray(target)) return tupleElement(target, key);

  if (target instanceof LazyObject || isObject(target)) {
    const name = toText(key);
    if (name === undefined) {
      throw expressionError(`cannot index an object with ${show(key)}: expected a string`);
    }
    const member = target instanceof LazyObject ? target.get(name) : ownMember(target, name);
    if (member === undefined) {
      const names = target instanceof LazyObject ? target.keys() : Object.keys(target);
      throw missingMember(source, name, names, "[");
    }
    return member;
  }

  const hint = typeof target === "string" ? "substr() takes part of a string" : undefined;
  throw expressionError(`cannot index ${valueOf(target)}: expected a tuple or an object`, hint);
}

function tupleElement(tuple: readonly Value[], key: Value): Value {
  const index = toNumber(key);
  if (index === undefined) {
    throw expressionError(`cannot index a tuple with ${show(key)}: expected a number`);
  }
  if (!Number.isInteger(index)) {
    throw expressionError(`cannot index a tuple with ${show(key)}: expected a whole number`);
  }
  const element = tuple[index];
  if (element === undefined || index < 0) {
    const count = tuple.length === 1 ? "1 element" : `${tuple.length} elements`;
    throw expressionError(`index ${formatNumber(index)} out of range for a tuple of ${count}`);
  }
  return element;
}

function ownMember(object: Record<string, Value>, name: string): Value | undefined {
  return Object.hasOwn(object, name) ? object[name] : undefined;
}

function valueOf(target: Val): string {
  if (target === null || Array.isArray(target)) return kindOf(target);
  return `${kindOf(target)} ${show(target)}`;
}

function missingMember(
  source: Expression,
  name: string,
  names: readonly string[],
  step: "." | "[",
): TerraceError {
  const path = staticPath(source);
  const closest = closestName(name, names);
  const spell = (member: string): string =>
    path !== undefined && step === "." ? `"${path}.${member}"` : JSON.stringify(member);

  const hint = closest === undefined ? undefined : `did you mean ${spell(closest)}?`;
  if (path === undefined) {
    const what = step === "." ? "attribute" : "key";
    return expressionError(`object has no ${what} ${spell(name)}`, hint);
  }
  if (step === "[") return expressionError(`"${path}" has no key ${spell(name)}`, hint);
  return expressionError(`${spell(name)} is not defined`, hint);
}

/**
 * The expression as a user would name it (`dependency.vpc.outputs`), when it is a variable
 * followed only by static steps; undefined otherwise.
 */
export function staticPath(expr: Expression): string | undefined {
  switch (expr.kind) {
    case "variable":
      return expr.name;
    case "attr": {
      const object = staticPath(expr.object);
      return object === undefined ? undefined : `${object}.${expr.name}`;
    }
    case "index": {
      const object = staticPath(expr.object);
      if (object === undefined || expr.key.kind !== "literal") return undefined;
      const key = expr.key.value;
      if (typeof key === "number") return `${object}[${formatNumber(key)}]`;
      return typeof key === "string" ? `${object}[${JSON.stringify(key)}]` : undefined;
    }
    default:
      return undefined;
  }
}
