/**
 * How errors reach the user: a `TerraceError` as one line that names the file and line, then
 * its `hint:` line; anything else as an internal error, with the stack only under `--debug`.
 */
import { relative } from "node:path";

import { isTerraceError } from "../errors.js";

/** Exit code for configuration and usage errors, and for failed runs. */
export const EXIT_FAILURE = 1;

/** The lines to print for an error. */
export function formatError(error: unknown, cwd: string, debug: boolean): string[] {
  if (isTerraceError(error)) {
    return [error, ...error.related].flatMap((each) => {
      const place = each.location ? `${displayPath(each.location.file, cwd)}:${each.location.line}: ` : "";
      const lines = [`error: ${place}${each.message}`];
      if (each.hint !== undefined) lines.push(`hint: ${each.hint}`);
      if (debug && each.stack !== undefined) lines.push(each.stack);
      return lines;
    });
  }

  const message = error instanceof Error ? error.message : String(error);
  const lines = [`error: internal error: ${message}`];
  if (debug && error instanceof Error && error.stack !== undefined) lines.push(error.stack);
  else lines.push("hint: this is a bug in terrace; rerun with --debug and report the stack trace");
  return lines;
}

/** A path as the user would type it from `cwd`: relative when it lies below, else absolute. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === "" ? "." : rel.startsWith("..") ? path : rel;
}
