/**
 * Typed reads of the resolved configuration for the run steps: labeled blocks in declaration
 * order, and string lists and maps checked where they are read, so that a wrong type is
 * reported at the line that set it rather than as a failure later in the run.
 */
import type { SourceLocation } from "../../errors.js";
import { TerraceError } from "../../errors.js";
import { childPointer } from "../../config/resolve/pointer.js";
import { isObject, typeName, type Value, type ValueObject } from "../../config/value.js";

/** The file and line that set the value at a JSON pointer, as `UnitConfig.origin` gives it. */
export type Origin = (pointer: string) => SourceLocation | undefined;

/** One labeled block (`extra_arguments "common"`), with the pointer it lives at. */
export interface LabeledBlock {
  name: string;
  pointer: string;
  body: ValueObject;
}

/** The blocks under `section/kind` (e.g. `terraform`, `before_hook`), in declaration order. */
export function labeledBlocks(config: ValueObject, section: string, kind: string): LabeledBlock[] {
  const parent = config[section];
  const blocks = isObject(parent) ? parent[kind] : undefined;
  if (!isObject(blocks)) return [];
  const base = childPointer(childPointer("", section), kind);
  return Object.entries(blocks)
    .filter((entry): entry is [string, ValueObject] => isObject(entry[1]))
    .map(([name, body]) => ({ name, pointer: childPointer(base, name), body }));
}

/** The place of `key` in `block`, or of the block itself when the key has no recorded line. */
export function fieldOrigin(block: LabeledBlock, key: string, origin: Origin): SourceLocation | undefined {
  return origin(childPointer(block.pointer, key)) ?? origin(block.pointer);
}

/** `block.key` as a list of strings; an unset or null key is an empty list. */
export function stringList(block: LabeledBlock, key: string, origin: Origin): string[] {
  const value = block.body[key];
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value as string[];
  throw wrongType(block, key, "a list of strings", value, origin);
}

/** `block.key` as a map of strings; numbers and bools are written as terraform would read them. */
export function stringMap(block: LabeledBlock, key: string, origin: Origin): Record<string, string> {
  const value = block.body[key];
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw wrongType(block, key, "a map of strings", value, origin);
  const result: Record<string, string> = {};
  for (const [name, item] of Object.entries(value)) {
    if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") {
      throw wrongType(block, key, "a map of strings", value, origin);
    }
    result[name] = String(item);
  }
  return result;
}

/** `block.key` as a bool, `fallback` when unset or null. */
export function boolField(block: LabeledBlock, key: string, fallback: boolean, origin: Origin): boolean {
  const value = block.body[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value === "boolean") return value;
  throw wrongType(block, key, "a bool", value, origin);
}

/** `block.key` as a string, undefined when unset or null. */
export function stringField(block: LabeledBlock, key: string, origin: Origin): string | undefined {
  const value = block.body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  throw wrongType(block, key, "a string", value, origin);
}

/** How a labeled block is named in messages: `extra_arguments "common"`. */
export function blockTitle(block: LabeledBlock): string {
  const kind = block.pointer.split("/").at(-2) ?? "";
  return `${kind} "${block.name}"`;
}

function wrongType(
  block: LabeledBlock, key: string, expected: string, value: Value, origin: Origin,
): TerraceError {
  const wrong = `${typeName(value)} ${JSON.stringify(value)}`;
  return new TerraceError("SCHEMA", `${blockTitle(block)}: ${key} is ${wrong}`, {
    location: fieldOrigin(block, key, origin),
    hint: `${key} must be ${expected}`,
  });
}
