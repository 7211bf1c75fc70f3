/**
 * Argument checking shared by every built-in function, so that all of them count and type
 * their arguments the same way and word their errors alike.
 *
 * A function is declared with its parameter list written as a user would read it:
 * `"separator, list, more_lists..."`. Plain names are required, names in brackets are
 * optional and a trailing `...` takes any number more; the count check and the usage line
 * in every hint come from that one string. Inside the body, `Args` hands out arguments
 * already converted the way Terraform converts them ("5" is a number, 5 is a string), or
 * throws `<function>: expected <kind> as the <ordinal> argument, got <value>`.
 */
import { TerraceError } from "../../../errors.js";
import { isObject, type Value, type ValueObject } from "../../value.js";
import type { CallContext, HclFunction } from "../types.js";
import { asBool, asNumber, asString, describe } from "./convert.js";

/** The body of a built-in: arguments already counted, context for file access. */
export type FunctionBody = (args: Args, context: CallContext) => Value;

/** A named function ready to be placed in a function table. */
export type FunctionEntry = readonly [string, HclFunction];

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"];

/** "first", "second", ... for the argument at a zero-based position. */
export function ordinal(index: number): string {
  return ORDINALS[index] ?? `${index + 1}th`;
}

/** Throws the error every built-in uses, its message prefixed with the function name. */
export function functionError(name: string, message: string, hint?: string): never {
  throw new TerraceError("FUNCTION_CALL", `${name}: ${message}`, hint ? { hint } : {});
}

/** The evaluated arguments of one call, with typed accessors that check as they convert. */
export class Args {
  constructor(
    readonly name: string,
    readonly usage: string,
    private readonly values: readonly Value[],
  ) {}

  /** How many arguments the call has. */
  get count(): number {
    return this.values.length;
  }

  /** The argument as given (null when absent). */
  value(index: number): Value {
    return this.values[index] ?? null;
  }

  /** The arguments from `index` onwards, as given. */
  rest(index: number): Value[] {
    return this.values.slice(index);
  }

  /** Throws this function's error with `message` and an optional hint. */
  fail(message: string, hint?: string): never {
    return functionError(this.name, message, hint);
  }

  /** Throws the standard complaint that the argument at `index` is not `expected`. */
  expected(index: number, expected: string): never {
    const got = describe(this.value(index));
    return this.fail(
      `expected ${expected} as the ${ordinal(index)} argument, got ${got}`,
      `call it as ${this.usage}`,
    );
  }

  /** A string, converting numbers and bools. */
  string(index: number): string {
    return asString(this.value(index)) ?? this.expected(index, "a string");
  }

  /** A number, converting numeric strings. */
  number(index: number): number {
    return asNumber(this.value(index)) ?? this.expected(index, "a number");
  }

  /** A number without a fractional part. */
  integer(index: number): number {
    const number = asNumber(this.value(index));
    if (number === undefined || !Number.isInteger(number)) {
      return this.expected(index, "a whole number");
    }
    return number;
  }

  /** A bool, converting "true" and "false". */
  bool(index: number): boolean {
    return asBool(this.value(index)) ?? this.expected(index, "a bool");
  }

  /** A list, tuple or set. */
  list(index: number): Value[] {
    const value = this.value(index);
    return Array.isArray(value) ? value : this.expected(index, "a list");
  }

  /** A list whose elements all convert to strings. */
  stringList(index: number): string[] {
    const list = this.list(index);
    return list.map((item) => asString(item) ?? this.expected(index, "a list of strings"));
  }

  /** A map or object. */
  object(index: number): ValueObject {
    const value = this.value(index);
    return isObject(value) ? value : this.expected(index, "a map");
  }
}

interface Arity {
  min: number;
  max: number;
}

function arityOf(params: string): Arity {
  const names = params.split(",").map((name) => name.trim()).filter((name) => name !== "");
  const required = names.filter((name) => !name.startsWith("[") && !name.endsWith("..."));
  const variadic = names.some((name) => name.endsWith("..."));
  return { min: required.length, max: variadic ? Infinity : names.length };
}

function countText({ min, max }: Arity): string {
  const plural = (count: number) => `${count} argument${count === 1 ? "" : "s"}`;
  if (max === Infinity) return `at least ${plural(min)}`;
  if (min === max) return plural(min);
  if (max === min + 1) return `${min} or ${plural(max)}`;
  return `${min} to ${plural(max)}`;
}

/**
 * Declares a built-in function. `params` is the parameter list shown to users, e.g.
 * `"map, key, [default]"`; it fixes how many arguments the function accepts.
 */
export function defineFunction(name: string, params: string, body: FunctionBody): FunctionEntry {
  const arity = arityOf(params);
  const usage = `${name}(${params})`;
  const call: HclFunction = (values, context) => {
    if (values.length < arity.min || values.length > arity.max) {
      functionError(
        name,
        `expected ${countText(arity)}, got ${values.length}`,
        `call it as ${usage}`,
      );
    }
    return body(new Args(name, usage, values), context);
  };
  return [name, call];
}

/** A function table built from declared functions. */
export function functionTable(entries: readonly FunctionEntry[]): ReadonlyMap<string, HclFunction> {
  return new Map(entries);
}
