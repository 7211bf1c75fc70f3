import type { Value } from "../value.js";

/** What a function may know about the place it is called from. */
export interface CallContext {
  /** Directory that relative paths in `file()`, `fileexists()`, ... are taken from. */
  baseDir: string;
  /** Renders a template text (file contents) with the given variables; used by `templatefile`. */
  renderTemplate(text: string, variables: Record<string, Value>): Value;
}

/**
 * A function callable from HCL. Arguments arrive evaluated (with `...` already expanded).
 * A bad argument throws a `TerraceError` with code `FUNCTION_CALL` whose message starts with
 * the function name and quotes the bad value; the evaluator adds the file and line.
 */
export type HclFunction = (args: Value[], context: CallContext) => Value;

export type FunctionTable = ReadonlyMap<string, HclFunction>;
