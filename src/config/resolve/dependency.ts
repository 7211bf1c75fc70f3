/**
 * The `dependency` and `feature` variables of a unit: blocks merged across the unit's files,
 * computed on first reference. A dependency's `outputs` come from the run's outputs provider
 * (terraform output of the dependency) or, where allowed, from its `mock_outputs`.
 */
import { dirname, resolve } from "node:path";

import { TerraceError, type SourceLocation } from "../../errors.js";
import { isObject, LazyObject, type Value, type ValueObject } from "../value.js";
import type { ResolveContext } from "./context.js";
import { LazyMembers } from "./lazy.js";
import { deepMerge } from "./merge.js";
import { childPointer } from "./pointer.js";
import type { Layer } from "./unit.js";

/** A dependency block merged across files, and where it was declared. */
export interface DependencyBlock {
  name: string;
  /** Absolute directory of the unit depended on; undefined without a `config_path`. */
  dir: string | undefined;
  value: ValueObject;
  location: SourceLocation;
}

/** `dependency.<name>`: each block merged across layers, with its `outputs`. */
export function dependencyNamespace(context: ResolveContext, layers: Layer[]): LazyObject {
  const names = labelsOf(layers, "dependency");
  const members = new LazyMembers(context.stack, () => names, (name) => {
    const block = mergedBlock(layers, "dependency", name);
    if (block === undefined) return undefined;
    return { ...block.value, outputs: outputsOf(context, block) };
  }, (name) => `dependency.${name}`);
  return members.object;
}

/** `feature.<name>`: each feature flag with its `value` (its default). */
export function featureNamespace(context: ResolveContext, layers: Layer[]): LazyObject {
  const names = labelsOf(layers, "feature");
  const members = new LazyMembers(context.stack, () => names, (name) => {
    const block = mergedBlock(layers, "feature", name);
    if (block === undefined) return undefined;
    return { ...block.value, value: block.value.default ?? null };
  }, (name) => `feature.${name}`);
  return members.object;
}

/** Every dependency block of a resolved unit, merged across its files. */
export function dependencyBlocks(layers: Layer[]): DependencyBlock[] {
  const result: DependencyBlock[] = [];
  for (const name of labelsOf(layers, "dependency")) {
    const block = mergedBlock(layers, "dependency", name);
    if (block !== undefined) result.push(block);
  }
  return result;
}

function labelsOf(layers: Layer[], type: string): string[] {
  const labels = new Set<string>();
  for (const layer of [...layers].reverse()) {
    if (layer.include?.strategy === "no_merge") continue;
    for (const block of layer.scope.blocks(type)) labels.add(block.labels[0] ?? "");
  }
  return [...labels];
}

/**
 * The block of that label merged across layers as terragrunt does: starting from the highest
 * precedence (the unit), each include in turn, by its own strategy, either yields to what is
 * merged so far (shallow) or has it deep-merged over its own block (deep). The location is
 * that of the highest-precedence block.
 */
function mergedBlock(layers: Layer[], type: string, label: string): DependencyBlock | undefined {
  let result: DependencyBlock | undefined;
  for (const layer of layers) {
    const strategy = layer.include?.strategy;
    if (strategy === "no_merge") continue;
    const block = layer.scope.blocks(type).find((candidate) => candidate.labels[0] === label);
    if (block === undefined) continue;
    if (result !== undefined && strategy !== "deep") continue;

    const evaluated = layer.scope.evaluateBlock(block, childPointer(`/${type}`, label));
    const value = result === undefined ? evaluated : deepMerge(evaluated, result.value);
    const location = result?.location ?? layer.scope.location(block.line);
    result = { name: label, dir: targetDir(layers, value), value, location };
  }
  return result;
}

/** `config_path` is taken from the unit's directory, wherever the block was declared. */
function targetDir(layers: Layer[], block: ValueObject): string | undefined {
  const path = block.config_path;
  const unit = layers[0];
  if (typeof path !== "string" || path === "" || unit === undefined) return undefined;
  return resolve(dirname(unit.scope.frame.configPath), path.replace(/\/?terragrunt\.hcl(\.json)?$/, "") || ".");
}

function outputsOf(context: ResolveContext, block: DependencyBlock): Value {
  const provided = context.options.outputs?.(block);
  if (provided !== undefined) return provided;

  const mocks = block.value.mock_outputs;
  if (isObject(mocks)) return mocks;
  if (block.value.skip_outputs === true || block.value.enabled === false) return {};
  const target = typeof block.value.config_path === "string" ? block.value.config_path : "the dependency";
  throw new TerraceError("DEPENDENCY",
    `dependency "${block.name}" has no outputs yet and no mock_outputs`, {
      location: block.location,
      hint: `apply ${target} first, or add mock_outputs to the dependency block`,
    });
}
