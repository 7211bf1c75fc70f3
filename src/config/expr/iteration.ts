/**
 * For expressions and splats: the constructs that evaluate a node once per element.
 *
 * Tuples are visited in order with their index as the key; objects in lexical order of their
 * keys, as HCL does, so that results do not depend on how a map was built.
 */

import type { ForExpr, SplatExpr } from "./ast.js";
import { force, setMember, show, toBool, toText, type Val } from "./convert.js";
import { bind, type Env, type Evaluate } from "./env.js";
import { expressionError } from "./problems.js";
import { isObject, type Value, type ValueObject } from "../value.js";

/** Calls `visit` with each element of a tuple or object and its index or key. */
export function forEachElement(
  collection: Value,
  visit: (key: number | string, value: Value) => void,
): void {
  if (Array.isArray(collection)) {
    collection.forEach((value, index) => visit(index, value));
  } else if (isObject(collection)) {
    for (const key of Object.keys(collection).sort()) visit(key, collection[key] ?? null);
  } else {
    throw expressionError(`cannot iterate over ${show(collection)}: expected a tuple or an object`);
  }
}

/** `[for ...]` gives a tuple, `{for ...}` an object. */
export function evaluateFor(node: ForExpr, env: Env, evaluate: Evaluate): Value {
  const collection = force(evaluate(node.collection, env));
  const tuple: Value[] = [];
  const object: ValueObject = {};

  forEachElement(collection, (key, value) => {
    let inner = bind(env, node.valueVar, value);
    if (node.keyVar !== undefined) inner = bind(inner, node.keyVar, key);
    if (node.condition !== undefined && !condition(evaluate(node.condition, inner))) return;

    if (node.key === undefined) {
      tuple.push(force(evaluate(node.value, inner)));
    } else {
      const name = objectKey(evaluate(node.key, inner));
      addMember(object, name, force(evaluate(node.value, inner)), node.group);
    }
  });
  return node.key === undefined ? tuple : object;
}

function condition(value: Val): boolean {
  const forced = force(value);
  const bool = toBool(forced);
  if (bool === undefined) {
    throw expressionError(
      `cannot use ${show(forced)} as a for expression condition: expected a bool`,
    );
  }
  return bool;
}

function objectKey(value: Val): string {
  const forced = force(value);
  const key = toText(forced);
  if (key === undefined) {
    throw expressionError(`cannot use ${show(forced)} as an object key: expected a string`);
  }
  return key;
}

function addMember(object: ValueObject, key: string, value: Value, group: boolean): void {
  const existing = Object.hasOwn(object, key) ? object[key] : undefined;
  if (!group) {
    if (existing !== undefined) {
      throw expressionError(
        `duplicate key ${JSON.stringify(key)} in a for expression`,
        'write "..." after the value to group the values that share a key into a tuple',
      );
    }
    setMember(object, key, value);
  } else if (Array.isArray(existing)) {
    existing.push(value);
  } else {
    setMember(object, key, [value]);
  }
}

/**
 * `source[*].each`: null gives an empty tuple and any value that is not a tuple is treated
 * as a tuple of one, as HCL does.
 */
export function evaluateSplat(node: SplatExpr, env: Env, evaluate: Evaluate): Value {
  const source = evaluate(node.source, env);
  if (source === null) return [];

  const items: readonly Val[] = Array.isArray(source) ? source : [source];
  return items.map((item) =>
    force(evaluate(node.each, { scope: env.scope, bindings: env.bindings, item })),
  );
}
