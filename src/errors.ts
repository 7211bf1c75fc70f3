/**
 * The one error type that terrace shows to users.
 *
 * A `TerraceError` is a user error: the CLI prints it as one line that names where the problem
 * is (`file:line`), what is wrong and what was expected, then a `hint:` line with the fix.
 * Anything else that escapes is a bug and gets a stack trace only with `--debug`.
 */

/** Where in a file a value or a problem sits. Lines count from 1. */
export interface SourceLocation {
  file: string;
  line: number;
}

/** Stable, machine-readable error codes; tests and reports match on these, not on messages. */
export type ErrorCode =
  | "HCL_SYNTAX"
  | "EXPRESSION"
  | "UNKNOWN_FUNCTION"
  | "FUNCTION_CALL"
  | "UNKNOWN_VARIABLE"
  | "LOCALS_CYCLE"
  | "INCLUDE"
  | "FILE_NOT_FOUND"
  | "PARENT_NOT_FOUND"
  | "ENV_NOT_SET"
  | "RUN_CMD"
  | "SCHEMA"
  | "UNKNOWN_ATTRIBUTE"
  | "IAM_ROLE"
  | "IAM_DURATION"
  | "DUPLICATE_SETTING"
  | "DEPENDENCY"
  | "DEPENDENCY_CYCLE"
  | "OUTPUTS_UNKNOWN"
  | "USAGE";

export interface TerraceErrorOptions {
  location?: SourceLocation;
  hint?: string;
  cause?: unknown;
  /** Further errors found in the same check, reported together with this one. */
  related?: TerraceError[];
}

/** A user-facing error with a stable code, an optional location and an optional hint. */
export class TerraceError extends Error {
  readonly code: ErrorCode;
  readonly location: SourceLocation | undefined;
  readonly hint: string | undefined;
  readonly related: readonly TerraceError[];

  constructor(code: ErrorCode, message: string, options: TerraceErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "TerraceError";
    this.code = code;
    this.location = options.location;
    this.hint = options.hint;
    this.related = options.related ?? [];
  }

  /** A copy of this error placed at `location`, unless it already names a place. */
  at(location: SourceLocation): TerraceError {
    if (this.location) return this;
    return new TerraceError(this.code, this.message, { location, hint: this.hint, cause: this });
  }
}

/** True for the errors that the CLI renders without a stack trace. */
export function isTerraceError(error: unknown): error is TerraceError {
  return error instanceof TerraceError;
}
