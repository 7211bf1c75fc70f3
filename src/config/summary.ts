/**
 * What the graph needs to know of a unit, computed without evaluating its inputs: its
 * dependencies (with the file and line naming each), its role settings, and the attributes
 * that decide whether it runs. Inputs may read dependency outputs, which exist only once the
 * dependencies have run, so the graph must be built from this part alone.
 */
import { resolve } from "node:path";

import { TerraceError, type SourceLocation } from "../errors.js";
import { dependencyBlocks } from "./resolve/dependency.js";
import { childPointer } from "./resolve/pointer.js";
import { roleValues, type Layer, type ResolvedConfig } from "./resolve/unit.js";
import { checkRoleSettings, roleSettingsOf } from "./validate/role.js";
import type { RoleSettings } from "./unit-config.js";
import { isObject, type Value, type ValueObject } from "./value.js";

/** An edge of the graph as a unit's files declare it. */
export interface DeclaredDependency {
  /** Absolute directory of the unit depended on. */
  dir: string;
  /** `dependency "name"`, or undefined for an entry of `dependencies.paths`. */
  name: string | undefined;
  location: SourceLocation;
}

/** The part of a unit's configuration that the graph and the run plan need. */
export interface UnitSummary {
  dir: string;
  configPath: string;
  dependencies: DeclaredDependency[];
  role: RoleSettings;
  skip: boolean;
  exclude: ValueObject | undefined;
  preventDestroy: boolean;
  source: string | undefined;
}

/** Summarises a resolved (not yet merged) config of the unit in `dir`. */
export function summarise(dir: string, resolved: ResolvedConfig): UnitSummary {
  const layers = resolved.layers.filter((layer) => layer.include?.strategy !== "no_merge");
  const roleLayers = layers.map((layer) => ({ value: roleValues(layer), locate: locator(layer) }));
  for (const layer of roleLayers) checkRoleSettings(layer.value, layer.locate);

  return {
    dir,
    configPath: resolved.configPath,
    dependencies: [...dependencyEdges(resolved.layers), ...pathEdges(dir, layers)],
    role: roleSettingsOf(roleLayers),
    skip: firstSet(layers, "skip") === true,
    exclude: asObject(firstSet(layers, "exclude")),
    preventDestroy: firstSet(layers, "prevent_destroy") === true,
    source: sourceOf(layers),
  };
}

function dependencyEdges(layers: Layer[]): DeclaredDependency[] {
  const edges: DeclaredDependency[] = [];
  for (const block of dependencyBlocks(layers)) {
    if (block.value.enabled === false) continue;
    if (block.dir === undefined) {
      throw new TerraceError("DEPENDENCY", `dependency "${block.name}" has no config_path`, {
        location: block.location,
        hint: "set config_path to the directory of the unit it depends on, or set enabled = false",
      });
    }
    edges.push({ dir: block.dir, name: block.name, location: block.location });
  }
  return edges;
}

function pathEdges(dir: string, layers: Layer[]): DeclaredDependency[] {
  const edges: DeclaredDependency[] = [];
  for (const layer of [...layers].reverse()) {
    const block = layer.scope.members.get("dependencies");
    if (!isObject(block) || !Array.isArray(block.paths)) continue;
    const location = layer.scope.origins.get("/dependencies/paths") ?? layer.scope.location(1);
    for (const path of block.paths) {
      if (typeof path !== "string") continue;
      const target = resolve(dir, path);
      if (!edges.some((edge) => edge.dir === target)) edges.push({ dir: target, name: undefined, location });
    }
  }
  return edges;
}

function locator(layer: Layer) {
  return (name: string) => layer.scope.origins.get(childPointer("", name));
}

function firstSet(layers: Layer[], name: string): Value | undefined {
  for (const layer of layers) {
    const member = layer.scope.members.get(name);
    if (member !== undefined && member !== null) return member as Value;
  }
  return undefined;
}

function sourceOf(layers: Layer[]): string | undefined {
  for (const layer of layers) {
    const terraform = layer.scope.members.get("terraform");
    if (isObject(terraform) && typeof terraform.source === "string") return terraform.source;
  }
  return undefined;
}

function asObject(value: Value | undefined): ValueObject | undefined {
  return isObject(value) ? value : undefined;
}
