/**
 * The errors an expression raises at evaluation time.
 *
 * They carry no location: the caller knows the file and line of the attribute being evaluated
 * and adds them with `error.at(location)`.
 */

import { TerraceError } from "../../errors.js";

/** A type, index or value problem in an expression. */
export function expressionError(message: string, hint?: string): TerraceError {
  return new TerraceError("EXPRESSION", message, { hint });
}

/**
 * True for the errors that `try()` and `can()` may swallow: user errors, except a cycle
 * between locals, which no fallback value can repair. A cycle error may be wrapped by the
 * locals it passed through, so its causes are checked too.
 */
export function isRecoverable(error: unknown): error is TerraceError {
  if (!(error instanceof TerraceError)) return false;
  for (let cause: unknown = error; cause instanceof TerraceError; cause = cause.cause) {
    if (cause.code === "LOCALS_CYCLE") return false;
  }
  return true;
}
