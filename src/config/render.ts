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

/** The unit's configuration as a JSON value. */
export function renderConfig(unit: UnitConfig, withMetadata: boolean): ValueObject {
  if (!withMetadata) return unit.config;

  const result: ValueObject = {};
  for (const [key, value] of Object.entries(unit.config)) {
    const pointer = childPointer("", key);
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
