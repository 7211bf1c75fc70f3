/**
 * Looking for credentials where they must never be: terrace's output, the files a run leaves,
 * the arguments of the processes it started. A failure names what leaked and where, never the
 * value itself, so that a failing test does not print a credential either.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** A credential value, and what it is ("secret key of ...") for the failure message. */
export interface Secret {
  what: string;
  value: string;
}

/** Text to search, and its name for the failure message. */
export type Place = [name: string, text: string];

/** Every file under `root`, each named by its path relative to `root`. */
export function filesUnder(root: string): Place[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((path) => statSync(join(root, path)).isFile())
    .map((path): Place => [path, readFileSync(join(root, path), "latin1")]);
}

/** "<what> in <place>" for each secret found in a place; empty when nothing leaked. */
export function leaksIn(secrets: readonly Secret[], places: readonly Place[]): string[] {
  return places.flatMap(([name, text]) => secrets
    .filter((secret) => text.includes(secret.value))
    .map((secret) => `${secret.what} in ${name}`));
}
