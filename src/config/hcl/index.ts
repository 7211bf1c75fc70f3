/**
 * The HCL loader: turns a config file's text into the model of `model.ts`.
 *
 * Native syntax goes through hcl2json for values and through our own outline for order,
 * lines and the block/attribute distinction (`load.ts`); a path ending in `.json` is read
 * as HCL's JSON syntax (`json-syntax.ts`). Either way a syntax error is a `TerraceError`
 * with code `HCL_SYNTAX` at the offending line.
 */

import { parseJsonHcl } from "./json-syntax.js";
import { parseNativeHcl } from "./load.js";
import type { HclFile } from "./model.js";

export type { Attribute, Block, Body, HclFile, RawValue } from "./model.js";

/** Parses HCL native syntax (or HCL JSON syntax when the path ends in `.json`) into the model. */
export async function parseHcl(path: string, text: string): Promise<HclFile> {
  const body = path.endsWith(".json") ? parseJsonHcl(path, text) : await parseNativeHcl(path, text);
  return { path, text, body };
}
