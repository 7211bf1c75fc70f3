/**
 * Evaluation entry points: a text (template or bare expression) or a whole hcl2json value.
 *
 * Each parses through the cache, so evaluating the same text again costs only the walk.
 * Results are plain values: any lazy object is forced before it is returned.
 */

import { parseExpression, parseTemplate } from "./cache.js";
import { force, formatNumber, setMember, show } from "./convert.js";
import { rootEnv } from "./env.js";
import { evaluateNode, evaluateTemplateIn } from "./evaluator.js";
import { expressionError } from "./problems.js";
import type { Scope } from "./scope.js";
import type { RawValue } from "../hcl/model.js";
import type { Value, ValueObject } from "../value.js";

/** The value of a template text: `"${x}"` alone gives x's own value, anything else a string. */
export function evaluateTemplate(text: string, scope: Scope): Value {
  return force(evaluateTemplateIn(parseTemplate(text), rootEnv(scope)));
}

/** The value of a bare expression text such as `local.a + 1`. */
export function evaluateExpression(text: string, scope: Scope): Value {
  return force(evaluateNode(parseExpression(text), rootEnv(scope)));
}

/**
 * Evaluates a RawValue from hcl2json: strings as templates, arrays and objects element by
 * element, object keys as templates (a key must evaluate to a string, number or bool).
 */
export function evaluateRaw(raw: RawValue, scope: Scope): Value {
  if (typeof raw === "string") return evaluateTemplate(raw, scope);
  if (raw === null || typeof raw !== "object") return raw;
  if (Array.isArray(raw)) return raw.map((item) => evaluateRaw(item, scope));

  const object: ValueObject = {};
  for (const [rawKey, rawValue] of Object.entries(raw)) {
    setMember(object, evaluateKey(rawKey, scope), evaluateRaw(rawValue, scope));
  }
  return object;
}

function evaluateKey(rawKey: string, scope: Scope): string {
  const key = evaluateTemplate(rawKey, scope);
  if (typeof key === "string") return key;
  if (typeof key === "number") return formatNumber(key);
  if (typeof key === "boolean") return key ? "true" : "false";
  throw expressionError(`cannot use ${show(key)} as an object key: expected a string`);
}
