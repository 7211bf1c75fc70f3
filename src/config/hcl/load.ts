/**
 * Loads HCL native syntax into the model by joining two views of the same text.
 *
 * The outline (`outline.ts`) knows what hcl2json drops: declaration order, lines, and which
 * names are blocks. hcl2json knows the values. Each outlined body is matched against its
 * JSON object: an attribute takes the value under its name; a block walks its type and
 * labels down the JSON (`{"type": {"label": [body, ...]}}`), and the n-th block with the
 * same type and labels takes the n-th body of that list, since hcl2json keeps repeated
 * blocks in order. A JSON key that no outlined item claims means the outline misread the
 * text; that is a terrace bug and fails loudly rather than dropping configuration.
 */

import { parse } from "@cdktf/hcl2json";

import { aliasConflictingBlocks } from "./aliases.js";
import type { Attribute, Block, Body, RawValue } from "./model.js";
import { outlineHcl } from "./outline.js";
import type { OutlineAttribute, OutlineBlock, OutlineBody } from "./outline.js";
import { hclSyntaxError } from "./syntax-error.js";

type JsonObject = { [key: string]: RawValue };

/** Parses HCL native syntax into a body; syntax errors become `HCL_SYNTAX` errors. */
export async function parseNativeHcl(path: string, text: string): Promise<Body> {
  const outline = outlineHcl(text);
  const { text: converted, aliases } = aliasConflictingBlocks(text, outline);

  let json: unknown;
  try {
    json = await parse(path, converted);
  } catch (failure) {
    throw hclSyntaxError(path, failure);
  }
  if (!isJsonObject(json)) throw mismatch(path, 1, "the file");
  return new BodyMerger(path, aliases).merge(outline, json);
}

class BodyMerger {
  constructor(
    private readonly path: string,
    private readonly aliases: ReadonlyMap<OutlineBlock, string>,
  ) {}

  /** Merges one body; `line` is where the body's block starts, for the bug report. */
  merge(outline: OutlineBody, json: JsonObject, line = 1): Body {
    this.checkAllKeysClaimed(outline, json, line);
    const attributes = outline.attributes.map((attribute) => this.attribute(attribute, json));

    // hcl2json lists repeated blocks in order; count how many of each path were taken.
    const taken = new Map<string, number>();
    const blocks = outline.blocks.map((block) => {
      const key = this.keyOf(block);
      const path = [key, ...block.labels].join("\u0000");
      const index = taken.get(path) ?? 0;
      taken.set(path, index + 1);
      return this.block(block, json[key], index);
    });
    return { attributes, blocks };
  }

  private attribute(outline: OutlineAttribute, json: JsonObject): Attribute {
    if (!Object.hasOwn(json, outline.name)) throw mismatch(this.path, outline.line, outline.name);
    const value = json[outline.name] ?? null;
    const attribute: Attribute = { name: outline.name, value, line: outline.line };

    if (outline.keyLines && isJsonObject(value)) {
      const keyLines = Object.entries(outline.keyLines).filter(([key]) =>
        Object.hasOwn(value, key),
      );
      if (keyLines.length > 0) attribute.keyLines = Object.fromEntries(keyLines);
    }
    return attribute;
  }

  private block(outline: OutlineBlock, json: RawValue | undefined, index: number): Block {
    let node = json;
    for (const label of outline.labels) {
      node = isJsonObject(node) && Object.hasOwn(node, label) ? node[label] : undefined;
    }
    const bodies = Array.isArray(node) ? node : [node];
    const body = bodies[index];
    if (!isJsonObject(body)) throw mismatch(this.path, outline.line, outline.type);

    return {
      type: outline.type,
      labels: outline.labels,
      body: this.merge(outline.body, body, outline.line),
      line: outline.line,
    };
  }

  private checkAllKeysClaimed(outline: OutlineBody, json: JsonObject, line: number): void {
    const claimed = new Set(outline.attributes.map((attribute) => attribute.name));
    for (const block of outline.blocks) claimed.add(this.keyOf(block));
    for (const key of Object.keys(json)) {
      if (!claimed.has(key)) throw mismatch(this.path, line, key);
    }
  }

  private keyOf(block: OutlineBlock): string {
    return this.aliases.get(block) ?? block.type;
  }
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The outline and hcl2json disagree: a terrace bug, reported with a stack trace. */
function mismatch(path: string, line: number, name: string): Error {
  return new Error(
    `${path}:${line}: the HCL outline and hcl2json disagree about "${name}"; ` +
      "this is a bug in terrace's HCL loader",
  );
}
