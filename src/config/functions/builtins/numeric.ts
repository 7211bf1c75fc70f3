/**
 * Terraform's numeric functions. Every number argument also accepts a decimal string,
 * because Terraform converts "5" to 5 wherever a number is wanted.
 */
import { defineFunction, functionTable, type Args } from "./args.js";

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The value of one digit character in `base`, or -1 when it is not a digit there. */
function digitValue(character: string, base: number): number {
  const folded = base <= 36 ? character.toLowerCase() : character;
  const value = DIGITS.indexOf(folded);
  return value >= 0 && value < base ? value : -1;
}

function parseInteger(args: Args): number {
  const text = args.string(0);
  const base = args.integer(1);
  if (base < 2 || base > 62) {
    args.fail(`expected a base from 2 to 62, got ${base}`);
  }

  const negative = text.startsWith("-");
  const characters = Array.from(/^[+-]/.test(text) ? text.slice(1) : text);
  if (characters.length === 0 || characters.some((c) => digitValue(c, base) < 0)) {
    args.fail(`cannot parse ${JSON.stringify(text)} as a base ${base} integer`);
  }

  let result = 0n;
  for (const character of characters) {
    result = result * BigInt(base) + BigInt(digitValue(character, base));
  }
  return Number(negative ? -result : result);
}

function extreme(args: Args, pick: (numbers: number[]) => number): number {
  const numbers = args.rest(0).map((_, index) => args.number(index));
  return pick(numbers);
}

/** abs, ceil, floor, log, max, min, parseint, pow, signum. */
export const numericFunctions = functionTable([
  defineFunction("abs", "number", (args) => Math.abs(args.number(0))),
  defineFunction("ceil", "number", (args) => Math.ceil(args.number(0))),
  defineFunction("floor", "number", (args) => Math.floor(args.number(0))),
  defineFunction("log", "number, base", (args) => {
    const number = args.number(0);
    const base = args.number(1);
    return Math.log(number) / Math.log(base);
  }),
  defineFunction("max", "number, more_numbers...", (args) =>
    extreme(args, (numbers) => Math.max(...numbers)),
  ),
  defineFunction("min", "number, more_numbers...", (args) =>
    extreme(args, (numbers) => Math.min(...numbers)),
  ),
  defineFunction("parseint", "string, base", parseInteger),
  defineFunction("pow", "base, exponent", (args) => Math.pow(args.number(0), args.number(1))),
  defineFunction("signum", "number", (args) => Math.sign(args.number(0)) + 0),
]);
