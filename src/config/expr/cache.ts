/**
 * The parse entry points, each with a cache keyed by the text.
 *
 * A tree of units repeats the same expressions in every unit (`${include.root.locals.env}`,
 * `${get_terragrunt_dir()}`), so each distinct text is parsed once per process and the tree
 * is shared. A text that fails to parse caches its error, which is thrown again as is. The
 * caches are not bounded: their size follows the number of distinct texts in the tree, which
 * a single run reads anyway.
 */

import type { Expression, Template } from "./ast.js";
import { SyntaxIssue } from "./lexer.js";
import { Parser } from "./parser.js";
import { parseTemplateText } from "./template.js";
import { TerraceError } from "../../errors.js";

const templates = new Map<string, Template | TerraceError>();
const expressions = new Map<string, Expression | TerraceError>();

/** Parses a template text as hcl2json gives it (`"hi ${local.a}"`, `"${x + 1}"`); cached. */
export function parseTemplate(text: string): Template {
  let entry = templates.get(text);
  if (entry === undefined) {
    entry = attempt(text, "template", (p) => parseTemplateText(p));
    templates.set(text, entry);
  }
  if (entry instanceof TerraceError) throw entry;
  return entry;
}

/** Parses a bare expression (`local.a + 1`, without `${ }`); cached. */
export function parseExpression(text: string): Expression {
  let entry = expressions.get(text);
  if (entry === undefined) {
    entry = attempt(text, "expression", (p) => {
      const expr = p.expression();
      if (p.peek().type !== "end") {
        p.fail(`expected the end of the expression, found ${p.describeNext()}`);
      }
      return expr;
    });
    expressions.set(text, entry);
  }
  if (entry instanceof TerraceError) throw entry;
  return entry;
}

function attempt<T>(
  text: string,
  kind: "template" | "expression",
  parse: (p: Parser) => T,
): T | TerraceError {
  try {
    return parse(new Parser(text));
  } catch (error) {
    if (!(error instanceof SyntaxIssue)) throw error;
    const message = `syntax error in ${kind} ${excerpt(text, error.offset)}: ${error.detail}`;
    return new TerraceError("EXPRESSION", message, { hint: error.hint });
  }
}

const EXCERPT_LENGTH = 80;

/** The text in quotes; for a long text only the part around `offset`, to keep messages short. */
function excerpt(text: string, offset: number): string {
  if (text.length <= EXCERPT_LENGTH) return JSON.stringify(text);
  const half = EXCERPT_LENGTH / 2;
  const start = Math.max(0, Math.min(offset - half, text.length - EXCERPT_LENGTH));
  const end = Math.min(text.length, start + EXCERPT_LENGTH);
  const before = start > 0 ? "..." : "";
  const after = end < text.length ? "..." : "";
  return JSON.stringify(`${before}${text.slice(start, end)}${after}`);
}
