/**
 * The arithmetic, comparison, equality and logical operators on plain values.
 *
 * Arithmetic and ordering work on numbers, converting numeric strings as HCL does; `==` is
 * structural and never converts, so `1 == "1"` is false, as in HCL.
 */

import type { BinaryOp } from "./ast.js";
import { deepEqual } from "../primitives.js";
import { show, toBool, toNumber } from "./convert.js";
import { expressionError } from "./problems.js";
import type { Value } from "../value.js";

type Arithmetic = "+" | "-" | "*" | "/" | "%";
type Ordering = "<" | "<=" | ">" | ">=";

/** The operators whose operands are always both evaluated: all but `&&` and `||`. */
export type StrictOp = Exclude<BinaryOp, "&&" | "||">;

/** Applies a binary operator other than `&&` and `||` to two evaluated operands. */
export function applyBinary(op: StrictOp, left: Value, right: Value): Value {
  switch (op) {
    case "==":
      return equals(left, right);
    case "!=":
      return !equals(left, right);
    case "<":
    case "<=":
    case ">":
    case ">=":
      return compare(op, left, right);
    default:
      return arithmetic(op, left, right);
  }
}

function arithmetic(op: Arithmetic, left: Value, right: Value): number {
  const a = toNumber(left);
  const b = toNumber(right);
  if (a === undefined || b === undefined) {
    const joinHint =
      op === "+" && typeof left === "string" && typeof right === "string"
        ? 'to join strings, write a template such as "${a}${b}", or use join()'
        : undefined;
    throw expressionError(`cannot ${describe(op, left, right)}: expected numbers`, joinHint);
  }

  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
    case "%":
      if (b === 0) throw expressionError(`cannot ${describe(op, left, right)}: division by zero`);
      return op === "/" ? a / b : a % b;
  }
}

function describe(op: Arithmetic, left: Value, right: Value): string {
  const a = show(left);
  const b = show(right);
  switch (op) {
    case "+":
      return `add ${a} and ${b}`;
    case "-":
      return `subtract ${b} from ${a}`;
    case "*":
      return `multiply ${a} by ${b}`;
    case "/":
      return `divide ${a} by ${b}`;
    case "%":
      return `take the remainder of ${a} divided by ${b}`;
  }
}

function compare(op: Ordering, left: Value, right: Value): boolean {
  const a = toNumber(left);
  const b = toNumber(right);
  if (a === undefined || b === undefined) {
    throw expressionError(`cannot compare ${show(left)} ${op} ${show(right)}: expected numbers`);
  }

  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
}

/** `-value`. */
export function negate(value: Value): number {
  const number = toNumber(value);
  if (number === undefined) {
    throw expressionError(`cannot negate ${show(value)}: expected a number`);
  }
  return -number;
}

/** The bool operand of `!`, `&&` or `||`. */
export function logicalOperand(op: "!" | "&&" | "||", value: Value): boolean {
  const bool = toBool(value);
  if (bool === undefined) {
    throw expressionError(`cannot apply "${op}" to ${show(value)}: expected a bool`);
  }
  return bool;
}

/** Structural equality: same kind, and for collections the same members, recursively. */
export const equals = deepEqual;
