/**
 * Terraform's hash and UUID functions, for strings (hashed as UTF-8) and for files.
 *
 * `uuid` is random on every call, as in Terraform; `uuidv5` is the name-based UUID of
 * RFC 4122, so the same namespace and name always give the same result.
 */
import { createHash, randomUUID } from "node:crypto";
import { defineFunction, functionTable, type Args, type FunctionEntry } from "./args.js";
import { readFileArgument } from "./paths.js";

type Algorithm = "md5" | "sha1" | "sha256" | "sha512";

/** The namespaces RFC 4122 predefines, by the names Terraform accepts for them. */
const NAMESPACES: Record<string, string> = {
  dns: "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
  url: "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
  oid: "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
  x500: "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function digest(algorithm: Algorithm, data: string | Buffer): Buffer {
  return createHash(algorithm).update(data).digest();
}

function uuidV5(args: Args): string {
  const given = args.string(0);
  const namespace = NAMESPACES[given] ?? given;
  if (!UUID.test(namespace)) {
    args.expected(0, 'a UUID or one of "dns", "url", "oid" and "x500"');
  }

  const namespaceBytes = Buffer.from(namespace.replaceAll("-", ""), "hex");
  const bytes = digest("sha1", Buffer.concat([namespaceBytes, Buffer.from(args.string(1))]));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString("hex");
  const groups = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20)];
  return [...groups, hex.slice(20)].join("-");
}

function stringHash(name: string, algorithm: Algorithm, encoding: "hex" | "base64"): FunctionEntry {
  return defineFunction(name, "string", (args) =>
    digest(algorithm, args.string(0)).toString(encoding),
  );
}

function fileHash(name: string, algorithm: Algorithm, encoding: "hex" | "base64"): FunctionEntry {
  return defineFunction(name, "path", (args, context) =>
    digest(algorithm, readFileArgument(args, 0, context)).toString(encoding),
  );
}

/** md5, sha1, sha256, sha512, base64sha256, base64sha512, their file forms, uuid, uuidv5. */
export const hashFunctions = functionTable([
  stringHash("md5", "md5", "hex"),
  stringHash("sha1", "sha1", "hex"),
  stringHash("sha256", "sha256", "hex"),
  stringHash("sha512", "sha512", "hex"),
  stringHash("base64sha256", "sha256", "base64"),
  stringHash("base64sha512", "sha512", "base64"),
  fileHash("filemd5", "md5", "hex"),
  fileHash("filesha1", "sha1", "hex"),
  fileHash("filesha256", "sha256", "hex"),
  fileHash("filesha512", "sha512", "hex"),
  fileHash("filebase64sha256", "sha256", "base64"),
  fileHash("filebase64sha512", "sha512", "base64"),
  defineFunction("uuid", "", () => randomUUID()),
  defineFunction("uuidv5", "namespace, name", uuidV5),
]);
