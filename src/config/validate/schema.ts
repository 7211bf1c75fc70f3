/**
 * The JSON Schema of a unit's configuration (`schemas/unit-config.schema.json`), used twice:
 * before evaluation, to catch unknown attribute and block names with a suggestion; after
 * evaluation, through ajv, to check each file's values, placing errors by JSON pointer.
 */
import { readFileSync } from "node:fs";

import AjvModule, { type ErrorObject, type ValidateFunction } from "ajv";

import { TerraceError, type SourceLocation } from "../../errors.js";
import type { Body } from "../hcl/model.js";
import type { ValueObject } from "../value.js";
import { closestName } from "./suggest.js";

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  $ref?: string;
  definitions?: Record<string, SchemaNode>;
}

const schemaUrl = new URL("../../../schemas/unit-config.schema.json", import.meta.url);
const schema = JSON.parse(readFileSync(schemaUrl, "utf8")) as SchemaNode;
const Ajv = AjvModule.default;
let validator: ValidateFunction | undefined;

/** Checks every attribute and block name of a file's body against the schema. */
export function checkNames(body: Body, file: string): void {
  checkBody(body, schema, file, "");
}

function checkBody(body: Body, node: SchemaNode, file: string, where: string): void {
  const properties = node.properties;
  if (properties === undefined || node.additionalProperties !== false) return;
  const known = Object.keys(properties);
  const entries = [
    ...body.attributes.map((attribute) => ({ name: attribute.name, line: attribute.line, body: undefined })),
    ...body.blocks.map((block) => ({ name: block.type, line: block.line, body: block.body })),
  ];
  for (const entry of entries) {
    const child = properties[entry.name];
    if (child === undefined) throw unknownName(entry.name, where, known, { file, line: entry.line });
    if (entry.body === undefined) continue;
    const blockSchema = deref(child);
    const labeled = blockSchema.additionalProperties;
    checkBody(entry.body, typeof labeled === "object" ? deref(labeled) : blockSchema, file,
      where === "" ? entry.name : `${where}.${entry.name}`);
  }
}

function deref(node: SchemaNode): SchemaNode {
  if (node.$ref === undefined) return node;
  const name = node.$ref.replace("#/definitions/", "");
  return schema.definitions?.[name] ?? node;
}

function unknownName(name: string, where: string, known: string[], location: SourceLocation): TerraceError {
  const suggestion = closestName(name, known);
  const place = where === "" ? "" : ` in ${where}`;
  return new TerraceError("UNKNOWN_ATTRIBUTE", `unknown attribute "${name}"${place}`, {
    location,
    hint: suggestion !== undefined
      ? `did you mean "${suggestion}"?`
      : `known names here: ${known.join(", ")}`,
  });
}

/** Checks a file's evaluated values; `locate` turns a JSON pointer into a file and line. */
export function checkValues(value: ValueObject, locate: (pointer: string) => SourceLocation | undefined): void {
  validator ??= new Ajv({ allErrors: false, strict: false }).compile(schema);
  if (validator(value)) return;
  const error = validator.errors?.[0];
  if (error === undefined) return;
  throw new TerraceError("SCHEMA", describe(error), {
    location: locate(error.instancePath),
    hint: hintFor(error),
  });
}

function describe(error: ErrorObject): string {
  const name = error.instancePath.slice(1).replaceAll("/", ".") || "configuration";
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "type":
      return `${name} has the wrong type: expected ${String(params.type)}`;
    case "enum":
      return `${name} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "required":
      return `${name} is missing "${String(params.missingProperty)}"`;
    case "additionalProperties":
      return `unknown attribute "${String(params.additionalProperty)}" in ${name}`;
    default:
      return `${name} ${error.message ?? "is not valid"}`;
  }
}

function hintFor(error: ErrorObject): string {
  if (error.keyword === "required") return "add the missing attribute to the block";
  return "see the configuration reference in terrace's README";
}
