/**
 * The record of a successful `terraform init`: a key naming what the working directory held
 * at the time (its copy version or generated files, and its backend settings), kept in
 * `.terraform/terrace-init.json`. Living inside `.terraform`, it goes away with it, so a
 * missing `.terraform` always reads as "never initialised".
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const MARKER = join(".terraform", "terrace-init.json");

/** The key recorded by the last successful init in `dir`, if any. */
export function initialisedKey(dir: string): string | undefined {
  try {
    const record = JSON.parse(readFileSync(join(dir, MARKER), "utf8")) as { key?: unknown } | null;
    return typeof record?.key === "string" ? record.key : undefined;
  } catch {
    return undefined;
  }
}

/** Records that init succeeded in `dir` with what `key` names. */
export function recordInit(dir: string, key: string): void {
  // terraform creates .terraform only when it installs something; a module with no providers
  // to install (built-in resources only, local backend) has none after a successful init.
  mkdirSync(join(dir, ".terraform"), { recursive: true });
  writeFileSync(join(dir, MARKER), `${JSON.stringify({ key })}\n`);
}
