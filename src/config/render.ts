/**
 * `render-json`: a unit's resolved configuration as JSON, optionally with the file and line
 * that set each value (`--with-metadata`), in the shape terragrunt's render-json uses: each
 * value wrapped as `{ "metadata": { "found_in_file": ... }, "value": ... }`, per key for maps
 * of inputs, locals and labeled blocks.
 */
import type { SourceLocation } from "../errors.js";
import { childPointer } from "./resolve/pointer.js";
import type { UnitConfig } from "./unit-config.js";
import { isObject, type Value, type ValueObject } from "./value.js";

/** Top-level entries whose members carry their own metadata. */
const PER_KEY = new Set(["inputs", "locals", "dependency", "generate", "feature"]);

/** A top-level value set from outside the files (a flag, an environment variable). */
export interface RenderOverride {
  value: Value;
  /** The flag or variable that set it. */
  origin: string;
}

/** The unit's configuration as a JSON value, with `overrides` applied over the files' values. */
export function renderConfig(
  unit: UnitConfig,
  withMetadata: boolean,
  overrides: Readonly<Record<string, RenderOverride>> = {},
): ValueObject {
  const config: ValueObject = { ...unit.config };
  // The include blocks are how the configuration was assembled, not part of it.
  delete config.include;
  for (const [key, override] of Object.entries(overrides)) config[key] = override.value;
  if (!withMetadata) return config;

  const result: ValueObject = {};
  for (const [key, value] of Object.entries(config)) {
    const pointer = childPointer("", key);
    const override = overrides[key];
    if (override !== undefined) {
      result[key] = { metadata: { found_in_file: override.origin }, value };
      continue;
    }
    if (PER_KEY.has(key) && isObject(value)) {
      const members: ValueObject = {};
      for (const [member, memberValue] of Object.entries(value)) {
        members[member] = wrap(memberValue, unit.origin(childPointer(pointer, member)));
      }
      result[key] = members;
    } else {
      result[key] = wrap(value, unit.origin(pointer));
    }
  }
  return result;
}

function wrap(value: Value, origin: SourceLocation | undefined): ValueObject {
  const metadata: ValueObject = origin === undefined
    ? { found_in_file: null }
    : { found_in_file: origin.file, line: origin.line };
  return { metadata, value };
}
