/**
 * Terraform's built-in functions, as terragrunt configs call them.
 *
 * `try` and `can` are absent on purpose: they must see their arguments unevaluated, so the
 * expression evaluator handles them as special forms.
 */
import type { FunctionTable, HclFunction } from "../types.js";
import { conversionFunctions } from "./conversion.js";
import { dateTimeFunctions } from "./datetime.js";
import { encodingFunctions } from "./encoding.js";
import { filesystemFunctions } from "./filesystem.js";
import { formatFunctions } from "./format.js";
import { hashFunctions } from "./hash.js";
import { networkFunctions } from "./ipnet.js";
import { listFunctions } from "./lists.js";
import { mapFunctions } from "./maps.js";
import { numericFunctions } from "./numeric.js";
import { regexFunctions } from "./regex.js";
import { setFunctions } from "./sets.js";
import { stringFunctions } from "./strings.js";

export { conversionFunctions } from "./conversion.js";
export { dateTimeFunctions } from "./datetime.js";
export { encodingFunctions } from "./encoding.js";
export { filesystemFunctions } from "./filesystem.js";
export { formatFunctions } from "./format.js";
export { hashFunctions } from "./hash.js";
export { networkFunctions } from "./ipnet.js";
export { listFunctions } from "./lists.js";
export { mapFunctions } from "./maps.js";
export { numericFunctions } from "./numeric.js";
export { regexFunctions } from "./regex.js";
export { setFunctions } from "./sets.js";
export { stringFunctions } from "./strings.js";

const categories: readonly FunctionTable[] = [
  numericFunctions,
  stringFunctions,
  formatFunctions,
  regexFunctions,
  listFunctions,
  mapFunctions,
  setFunctions,
  encodingFunctions,
  filesystemFunctions,
  hashFunctions,
  dateTimeFunctions,
  networkFunctions,
  conversionFunctions,
];

/** Every Terraform built-in function by name. */
export const builtinFunctions: FunctionTable = new Map<string, HclFunction>(
  categories.flatMap((category) => [...category]),
);
