/**
 * The syntax tree of HCL expressions and templates.
 *
 * Nodes are plain objects tagged by `kind`, so the evaluator dispatches with one switch. A tree
 * is never changed after parsing: the parse cache hands the same tree to every file whose text
 * parsed to it.
 */

/** A value that can be written as a literal: the leaves of the tree. */
export type Primitive = null | boolean | number | string;

/** The binary operators, from `||` (binds loosest) to `*` `/` `%` (bind tightest). */
export type BinaryOp =
  | "||"
  | "&&"
  | "=="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "+"
  | "-"
  | "*"
  | "/"
  | "%";

/** A number, a bool, null, or a quoted string without interpolations. */
export interface LiteralExpr {
  readonly kind: "literal";
  readonly value: Primitive;
}

/** A quoted string with interpolations or directives, such as `"a-${b}"`. */
export interface TemplateExpr {
  readonly kind: "template";
  readonly template: Template;
}

/** A top-level name (`local`) or a for-expression variable. */
export interface VariableExpr {
  readonly kind: "variable";
  readonly name: string;
}

/** `object.name`. */
export interface AttrExpr {
  readonly kind: "attr";
  readonly object: Expression;
  readonly name: string;
}

/** `object[key]`, and the legacy form `object.0`. */
export interface IndexExpr {
  readonly kind: "index";
  readonly object: Expression;
  readonly key: Expression;
}

/** `source[*].each` or `source.*.each`: `each` is evaluated once per element of `source`. */
export interface SplatExpr {
  readonly kind: "splat";
  readonly source: Expression;
  readonly each: Expression;
}

/** Stands for the current element inside the `each` of a splat. */
export interface SplatItemExpr {
  readonly kind: "splat-item";
}

/** `name(args)`, or `name(args...)` when `expand` says the last argument is spread. */
export interface CallExpr {
  readonly kind: "call";
  readonly name: string;
  readonly args: readonly Expression[];
  readonly expand: boolean;
}

/** `-operand` or `!operand`. */
export interface UnaryExpr {
  readonly kind: "unary";
  readonly op: "-" | "!";
  readonly operand: Expression;
}

/** `left op right`. */
export interface BinaryExpr {
  readonly kind: "binary";
  readonly op: BinaryOp;
  readonly left: Expression;
  readonly right: Expression;
}

/** `condition ? then : otherwise`. */
export interface ConditionalExpr {
  readonly kind: "conditional";
  readonly condition: Expression;
  readonly then: Expression;
  readonly otherwise: Expression;
}

/** `[a, b]`. */
export interface TupleExpr {
  readonly kind: "tuple";
  readonly items: readonly Expression[];
}

/** One `key = value` of an object constructor; a bare name key is already a string literal. */
export interface ObjectItem {
  readonly key: Expression;
  readonly value: Expression;
}

/** `{ a = 1, (k) = 2 }`, its items in source order; a later duplicate key wins. */
export interface ObjectExpr {
  readonly kind: "object";
  readonly items: readonly ObjectItem[];
}

/**
 * `[for k, v in collection : value if condition]`, or with `key` set the object form
 * `{for k, v in collection : key => value... if condition}` (`group` when `...` is present).
 */
export interface ForExpr {
  readonly kind: "for";
  readonly keyVar: string | undefined;
  readonly valueVar: string;
  readonly collection: Expression;
  readonly key: Expression | undefined;
  readonly value: Expression;
  readonly group: boolean;
  readonly condition: Expression | undefined;
}

/** Any node of an expression tree. */
export type Expression =
  | LiteralExpr
  | TemplateExpr
  | VariableExpr
  | AttrExpr
  | IndexExpr
  | SplatExpr
  | SplatItemExpr
  | CallExpr
  | UnaryExpr
  | BinaryExpr
  | ConditionalExpr
  | TupleExpr
  | ObjectExpr
  | ForExpr;

/** `${expr}` inside a template. */
export interface InterpolationPart {
  readonly kind: "interpolation";
  readonly expr: Expression;
}

/** `%{if condition}then%{else}otherwise%{endif}`. */
export interface IfPart {
  readonly kind: "if";
  readonly condition: Expression;
  readonly then: readonly TemplatePart[];
  readonly otherwise: readonly TemplatePart[];
}

/** `%{for k, v in collection}body%{endfor}`. */
export interface ForPart {
  readonly kind: "for";
  readonly keyVar: string | undefined;
  readonly valueVar: string;
  readonly collection: Expression;
  readonly body: readonly TemplatePart[];
}

/** A piece of a template: literal text (escapes decoded, strip markers applied) or a node. */
export type TemplatePart = string | InterpolationPart | IfPart | ForPart;

/** A parsed template text. */
export interface Template {
  readonly parts: readonly TemplatePart[];
  /**
   * Set when the text is exactly one `${expr}` and nothing else: the template then yields the
   * expression's value as it is (a list stays a list) instead of a string.
   */
  readonly single: Expression | undefined;
}
