/**
 * Static analysis of template texts: the variables they read and the functions they call.
 *
 * A reference is a root name plus the static steps after it, up to the first step that is
 * computed or a splat: `local.m[local.k].x` reads `local.m` and `local.k`. Names bound by an
 * enclosing for expression or `%{for}` directive are not references. Both analyses walk the
 * cached tree, so they cost no parsing for a text that is also evaluated.
 */

import type { Expression, TemplatePart } from "./ast.js";
import { parseTemplate } from "./cache.js";
import { formatNumber } from "./convert.js";

/** A variable read: `dependency.vpc.outputs.id` is root `dependency`, path vpc, outputs, id. */
export interface Reference {
  root: string;
  path: string[];
}

/**
 * The variable references (`local.a`, `include.root.locals`, `dependency.vpc.outputs.id`) a
 * template text contains, as root name plus the chain of static attribute/index names after
 * it, excluding for-expression iterator variables. Each distinct reference appears once, in
 * order of first appearance. A text that does not parse throws its syntax error.
 */
export function templateReferences(text: string): Reference[] {
  const found = new Map<string, Reference>();
  for (const [child, bound] of partChildren(parseTemplate(text).parts)) {
    collectReferences(child, bound, found);
  }
  return [...found.values()];
}

/**
 * The names of functions a template text calls (for error reporting and analysis), `try` and
 * `can` included, each once, in order of first appearance.
 */
export function templateFunctions(text: string): string[] {
  const found = new Set<string>();
  const visit = (node: Expression): void => {
    if (node.kind === "call") found.add(node.name);
    for (const [child] of children(node)) visit(child);
  };
  for (const [child] of partChildren(parseTemplate(text).parts)) visit(child);
  return [...found];
}

type Child = readonly [Expression, readonly string[]];

function collectReferences(
  node: Expression,
  bound: readonly string[],
  found: Map<string, Reference>,
): void {
  if (node.kind !== "variable" && node.kind !== "attr" && node.kind !== "index") {
    for (const [child, names] of children(node)) {
      collectReferences(child, names.length === 0 ? bound : [...bound, ...names], found);
    }
    return;
  }

  // Walk down to the root of the chain, noting each step: a name, or a computed key.
  const steps: (string | Expression)[] = [];
  let base: Expression = node;
  while (base.kind === "attr" || base.kind === "index") {
    steps.unshift(base.kind === "attr" ? base.name : staticKey(base.key) ?? base.key);
    base = base.object;
  }

  if (base.kind === "variable") {
    if (!bound.includes(base.name)) {
      const end = steps.findIndex((step) => typeof step !== "string");
      const path = (end === -1 ? steps : steps.slice(0, end)) as string[];
      const reference = { root: base.name, path };
      found.set([base.name, ...path].join("\u0000"), reference);
    }
  } else {
    collectReferences(base, bound, found);
  }
  for (const step of steps) {
    if (typeof step !== "string") collectReferences(step, bound, found);
  }
}

function staticKey(key: Expression): string | undefined {
  if (key.kind !== "literal") return undefined;
  if (typeof key.value === "number") return formatNumber(key.value);
  return typeof key.value === "string" ? key.value : undefined;
}

/** The direct sub-expressions of a node, each with the for variables bound inside it. */
function children(node: Expression): readonly Child[] {
  switch (node.kind) {
    case "literal":
    case "variable":
    case "splat-item":
      return [];
    case "template":
      return partChildren(node.template.parts);
    case "attr":
      return [[node.object, []]];
    case "index":
      return [[node.object, []], [node.key, []]];
    case "splat":
      return [[node.source, []], [node.each, []]];
    case "call":
      return node.args.map((arg) => [arg, []]);
    case "unary":
      return [[node.operand, []]];
    case "binary":
      return [[node.left, []], [node.right, []]];
    case "conditional":
      return [[node.condition, []], [node.then, []], [node.otherwise, []]];
    case "tuple":
      return node.items.map((item) => [item, []]);
    case "object":
      return node.items.flatMap((item): Child[] => [[item.key, []], [item.value, []]]);
    case "for": {
      const names = node.keyVar === undefined ? [node.valueVar] : [node.keyVar, node.valueVar];
      const inner = [node.key, node.value, node.condition].filter((e) => e !== undefined);
      return [[node.collection, []], ...inner.map((expr): Child => [expr, names])];
    }
  }
}

function partChildren(parts: readonly TemplatePart[]): Child[] {
  return parts.flatMap((part): Child[] => {
    if (typeof part === "string") return [];
    switch (part.kind) {
      case "interpolation":
        return [[part.expr, []]];
      case "if":
        return [[part.condition, []], ...partChildren(part.then), ...partChildren(part.otherwise)];
      case "for": {
        const names = part.keyVar === undefined ? [part.valueVar] : [part.keyVar, part.valueVar];
        const body = partChildren(part.body).map(
          ([expr, own]): Child => [expr, [...names, ...own]],
        );
        return [[part.collection, []], ...body];
      }
    }
  });
}
