/**
 * Terraform's encoding functions: base64, gzip, CSV, JSON, YAML, URL query escaping and
 * text in other character encodings.
 *
 * Base64 input is checked strictly (standard alphabet, padding required, line breaks
 * ignored), as Go's decoder does, because a lenient decoder silently turns a truncated
 * secret into different bytes. Decoded text must be valid UTF-8; other bytes belong in
 * `textdecodebase64` or `filebase64`.
 */
import { gzipSync } from "node:zlib";
import type { Value, ValueObject } from "../../value.js";
import { defineFunction, functionTable, type Args } from "./args.js";
import { describe } from "./convert.js";
import { CsvError, readCsv } from "./csv.js";
import { encodeJson } from "./json-text.js";
import { decodeText, encodeText, EncodingError } from "./text-encoding.js";
import { lineOf, readYaml, YamlError } from "./yaml-read.js";
import { writeYaml } from "./yaml-write.js";

const ENCODING_HINT = 'encodings are named like "UTF-8", "UTF-16LE" or "windows-1252"';
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function base64Bytes(args: Args, index: number): Buffer {
  const text = args.string(index);
  const compact = text.replace(/[\r\n]/g, "");
  if (!BASE64.test(compact)) args.expected(index, "a base64 string");
  return Buffer.from(compact, "base64");
}

function base64Decode(args: Args): string {
  const bytes = base64Bytes(args, 0);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return args.fail(
      `the bytes decoded from ${describe(args.value(0))} are not valid UTF-8`,
      'use textdecodebase64(string, "<encoding>") for text in other encodings',
    );
  }
}

function csvDecode(args: Args): ValueObject[] {
  const text = args.string(0);
  let records: string[][];
  try {
    records = readCsv(text);
  } catch (error) {
    if (error instanceof CsvError) return args.fail(`cannot read the CSV: ${error.message}`);
    throw error;
  }
  const [header, ...rows] = records;
  if (header === undefined) return args.fail("the CSV has no header line");
  return rows.map((row) => {
    const object: ValueObject = {};
    header.forEach((name, index) => {
      object[name] = row[index] ?? "";
    });
    return object;
  });
}

function jsonDecode(args: Args): Value {
  const text = args.string(0);
  try {
    return JSON.parse(text) as Value;
  } catch (error) {
    const reason = (error as Error).message;
    return args.fail(`cannot parse ${describe(text)} as JSON: ${reason}`);
  }
}

function yamlDecode(args: Args): Value {
  const text = args.string(0);
  try {
    return readYaml(text);
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    return args.fail(`cannot read the YAML: line ${lineOf(text, error.offset)}: ${error.message}`);
  }
}

function withEncoding<T>(args: Args, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
    return args.fail(error.message, ENCODING_HINT);
  }
}

/** Go's query escaping: letters, digits and `-_.~` stay, space becomes `+`. */
function urlEncode(text: string): string {
  let result = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const character = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(character)) result += character;
    else if (character === " ") result += "+";
    else result += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return result;
}

/** base64decode, base64encode, base64gzip, csvdecode, jsondecode, jsonencode, ... */
export const encodingFunctions = functionTable([
  defineFunction("base64decode", "string", base64Decode),
  defineFunction("base64encode", "string", (args) =>
    Buffer.from(args.string(0), "utf8").toString("base64"),
  ),
  defineFunction("base64gzip", "string", (args) =>
    gzipSync(Buffer.from(args.string(0), "utf8")).toString("base64"),
  ),
  defineFunction("csvdecode", "string", csvDecode),
  defineFunction("jsondecode", "string", jsonDecode),
  defineFunction("jsonencode", "value", (args) => {
    const text = encodeJson(args.value(0));
    return text ?? args.fail(`cannot encode ${describe(args.value(0))}: JSON has no infinity`);
  }),
  defineFunction("textdecodebase64", "string, encoding", (args) => {
    const bytes = base64Bytes(args, 0);
    return withEncoding(args, () => decodeText(bytes, args.string(1)));
  }),
  defineFunction("textencodebase64", "string, encoding", (args) =>
    withEncoding(args, () => encodeText(args.string(0), args.string(1)).toString("base64")),
  ),
  defineFunction("urlencode", "string", (args) => urlEncode(args.string(0))),
  defineFunction("yamldecode", "string", yamlDecode),
  defineFunction("yamlencode", "value", (args) => writeYaml(args.value(0))),
]);
