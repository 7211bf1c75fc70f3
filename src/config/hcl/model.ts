/**
 * The shape of a parsed HCL file as the rest of terrace sees it.
 *
 * hcl2json gives values but no positions, sorts keys, and cannot tell `generate "x" {}` from
 * `generate = { x = {} }`. This model restores what it drops: declaration order of blocks
 * and attributes, the line of each, and whether a name was an attribute or a block.
 */

/**
 * A value as hcl2json leaves it: JSON whose strings are HCL templates, not yet evaluated.
 * `"${local.x}"` is an expression; `"plain"` is a literal; `"$${x}"` is the literal `${x}`.
 * Object keys are templates too.
 */
export type RawValue = null | boolean | number | string | RawValue[] | { [key: string]: RawValue };

export interface Attribute {
  name: string;
  value: RawValue;
  /** Line of the attribute's name. */
  line: number;
  /** For an object literal value: the line of each of its top-level keys, by raw key text. */
  keyLines?: Record<string, number>;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  /** Line of the block's type keyword. */
  line: number;
}

/** The contents of a file or of a block, in declaration order. */
export interface Body {
  attributes: Attribute[];
  blocks: Block[];
}

export interface HclFile {
  /** Absolute path. */
  path: string;
  text: string;
  body: Body;
}
