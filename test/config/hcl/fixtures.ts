/** Access to the HCL fixture files shared by the loader tests. */

import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { parseHcl } from "../../../src/config/hcl/index.js";
import type { Attribute, Block, Body, HclFile } from "../../../src/config/hcl/index.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/hcl");

/** The absolute path of a fixture under `test/fixtures/hcl/`. */
export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

/** Parses a fixture file as terrace would. */
export async function parseFixture(name: string): Promise<HclFile> {
  const path = fixturePath(name);
  return parseHcl(path, await readFile(path, "utf8"));
}

/** The blocks of a body as `type label...` strings, in model order. */
export function blockHeaders(body: Body): string[] {
  return body.blocks.map((block) => [block.type, ...block.labels].join(" "));
}

/** The only block of `type` in a body; fails the test if there is not exactly one. */
export function onlyBlock(body: Body, type: string): Block {
  const found = body.blocks.filter((block) => block.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type} block, found ${found.length}`);
  return found[0] as Block;
}

/** The attribute `name` of a body; fails the test if it is missing. */
export function attribute(body: Body, name: string): Attribute {
  const found = body.attributes.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`expected an attribute ${name}`);
  return found;
}
