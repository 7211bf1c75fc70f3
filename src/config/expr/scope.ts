/**
 * What an expression can see: the top-level variables, the functions, and the call context.
 */

import type { CallContext, FunctionTable } from "../functions/types.js";
import type { LazyObject, Value } from "../value.js";

/** The names, functions and context that expressions are evaluated against. */
export interface Scope {
  /** A top-level variable (`local`, `include`, `dependency`, ...); undefined when there is none. */
  variable(name: string): Value | LazyObject | undefined;
  functions: FunctionTable;
  context: CallContext;
}
