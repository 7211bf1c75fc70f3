/**
 * The HCL native-syntax expression language: parsing (cached by text) and evaluation of the
 * templates and expressions that hcl2json leaves in a file's values.
 */

export type { Expression, Template } from "./ast.js";
export { parseExpression, parseTemplate } from "./cache.js";
export { evaluateExpression, evaluateRaw, evaluateTemplate } from "./evaluate.js";
export { templateFunctions, templateReferences, type Reference } from "./references.js";
export type { Scope } from "./scope.js";
