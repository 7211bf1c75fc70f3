/**
 * Loads HCL's JSON syntax (`terragrunt.hcl.json`) into the model.
 *
 * JSON cannot say whether `"terraform": {...}` is a block or an object attribute; HCL
 * decides with the schema of the reader, so this module carries terragrunt's: the block
 * types below, with their label counts and nested block types. Every other key is an
 * attribute. Following the HCL JSON specification, a block type's value is a body object
 * or an array of them; a labeled type's value is an object keyed by label (or an array of
 * such objects) whose values are bodies, one object level per label. A `//` key in a body
 * is a comment. Keys are taken in written order; lines are those of the keys.
 */

import { TerraceError } from "../../errors.js";
import { readJson } from "./json-reader.js";
import type { JsonSource } from "./json-reader.js";
import type { Attribute, Block, Body, RawValue } from "./model.js";

interface BlockSpec {
  labels: number;
  /** The block may also be written bare, recognised by this attribute holding a non-object. */
  bareWhenHas?: string;
  nested?: Readonly<Record<string, BlockSpec>>;
}

const NAMED: BlockSpec = { labels: 1 };
const PLAIN: BlockSpec = { labels: 0 };

const TERRAGRUNT_BLOCKS: Readonly<Record<string, BlockSpec>> = {
  locals: PLAIN,
  include: { labels: 1, bareWhenHas: "path" },
  dependency: NAMED,
  dependencies: PLAIN,
  terraform: {
    labels: 0,
    nested: { extra_arguments: NAMED, before_hook: NAMED, after_hook: NAMED, error_hook: NAMED },
  },
  remote_state: PLAIN,
  generate: NAMED,
  exclude: PLAIN,
  errors: { labels: 0, nested: { retry: NAMED, ignore: NAMED } },
  feature: NAMED,
  engine: PLAIN,
  catalog: PLAIN,
};

type JsonObject = { [key: string]: RawValue };

/** Parses HCL JSON syntax into a body; bad JSON or a misshapen block is `HCL_SYNTAX`. */
export function parseJsonHcl(path: string, text: string): Body {
  const source = readJson(path, text);
  if (!isJsonObject(source.value)) {
    throw shapeError(path, 1, "the file must hold a JSON object at the top level");
  }
  return new JsonBodyReader(path, source).body(source.value, TERRAGRUNT_BLOCKS);
}

class JsonBodyReader {
  constructor(
    private readonly path: string,
    private readonly source: JsonSource,
  ) {}

  body(object: JsonObject, blockTypes: Readonly<Record<string, BlockSpec>>): Body {
    const body: Body = { attributes: [], blocks: [] };
    for (const [key, line] of this.keysOf(object)) {
      if (key === "//") continue;
      const value = object[key] ?? null;
      const spec = Object.hasOwn(blockTypes, key) ? blockTypes[key] : undefined;
      if (spec) body.blocks.push(...this.blocks(key, spec, value, line));
      else body.attributes.push(this.attribute(key, value, line));
    }
    return body;
  }

  private attribute(name: string, value: RawValue, line: number): Attribute {
    const attribute: Attribute = { name, value, line };
    if (isJsonObject(value)) {
      const keyLines = Object.fromEntries(this.keysOf(value));
      if (Object.keys(keyLines).length > 0) attribute.keyLines = keyLines;
    }
    return attribute;
  }

  /** The blocks that one block-type key stands for, in written order. */
  private blocks(type: string, spec: BlockSpec, value: RawValue, line: number): Block[] {
    const blocks: Block[] = [];
    const visit = (node: RawValue, labels: string[], nodeLine: number): void => {
      if (Array.isArray(node)) {
        for (const item of node) visit(item, labels, this.startOf(item, nodeLine));
        return;
      }
      if (!isJsonObject(node)) {
        throw shapeError(this.path, nodeLine, `"${type}" must be an object, found ${kind(node)}`);
      }
      if (labels.length === spec.labels || (labels.length === 0 && isBare(spec, node))) {
        const body = this.body(node, spec.nested ?? {});
        blocks.push({ type, labels, body, line: nodeLine });
        return;
      }
      for (const [label, labelLine] of this.keysOf(node)) {
        visit(node[label] ?? null, [...labels, label], labelLine);
      }
    };
    visit(value, [], line);
    return blocks;
  }

  /** Keys of an object in written order with their lines. */
  private keysOf(object: JsonObject): Iterable<[string, number]> {
    return this.source.keys.get(object) ?? Object.keys(object).map((key) => [key, 1]);
  }

  private startOf(node: RawValue, fallback: number): number {
    return typeof node === "object" && node !== null
      ? (this.source.starts.get(node) ?? fallback)
      : fallback;
  }
}

/** A bare block of a type that is usually labeled: `"include": {"path": "..."}`. */
function isBare(spec: BlockSpec, node: JsonObject): boolean {
  const key = spec.bareWhenHas;
  return key !== undefined && Object.hasOwn(node, key) && !isJsonObject(node[key] ?? null);
}

function isJsonObject(value: RawValue): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kind(value: RawValue): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

function shapeError(path: string, line: number, problem: string): TerraceError {
  return new TerraceError("HCL_SYNTAX", `syntax error: ${problem}`, {
    location: { file: path, line },
    hint: "in HCL JSON a block is an object of attributes, and a labeled block is keyed by label",
  });
}
