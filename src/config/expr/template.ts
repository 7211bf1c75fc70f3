/**
 * Parsing of templates: hcl2json's string values, and quoted strings inside expressions.
 *
 * Two passes, as in HCL. The first reads the text into a flat list of literal runs and
 * `${...}` / `%{...}` sequences, handing each sequence's inside to the expression parser.
 * Strip markers (`${~`, `~}`) then trim the whitespace of the neighbouring literal run in that
 * flat list, which may sit on the far side of a directive (`%{ if x ~}\n  a`). The second pass
 * nests the `if` and `for` directives into parts.
 *
 * hcl2json has already decoded the backslash escapes of the outer text, so only quoted strings
 * met inside an expression decode `\n`, `\"`, `\u00e9` and the like. Both kinds keep `$${` and
 * `%%{` as escapes for a literal `${` and `%{`.
 */

import type { Expression, Template, TemplatePart } from "./ast.js";
import { parseForHead } from "./collections.js";
import { SyntaxIssue } from "./lexer.js";
import type { Parser } from "./parser.js";

type Sequence =
  | { kind: "interpolation"; expr: Expression }
  | { kind: "if"; condition: Expression }
  | { kind: "for"; keyVar: string | undefined; valueVar: string; collection: Expression }
  | { kind: "else" | "endif" | "endfor" };

type Item =
  | { kind: "text"; text: string }
  | (Sequence & { offset: number; stripBefore: boolean; stripAfter: boolean });

/** A whole template text, as hcl2json gives it. */
export function parseTemplateText(p: Parser): Template {
  return build(scan(p, 0, false).items);
}

/**
 * A quoted string whose opening quote ends at `start`; the stream continues after the closing
 * quote. `"${x}"` is just `x`, and a string without interpolations is a literal.
 */
export function parseQuoted(p: Parser, start: number): Expression {
  const { items, end } = scan(p, start, true);
  p.seek(end);

  const template = build(items);
  if (template.single) return template.single;
  if (template.parts.every((part) => typeof part === "string")) {
    return { kind: "literal", value: template.parts.join("") };
  }
  return { kind: "template", template };
}

function scan(p: Parser, start: number, quoted: boolean): { items: Item[]; end: number } {
  const text = p.text;
  const items: Item[] = [];
  let literal = "";
  let runStart = start;
  let at = start;
  const flush = (): void => {
    literal += text.slice(runStart, at);
    if (literal !== "") items.push({ kind: "text", text: literal });
    literal = "";
  };

  while (at < text.length) {
    const char = text.charAt(at);
    const following = text.charAt(at + 1);
    if ((char === "$" || char === "%") && following === "{") {
      flush();
      items.push(sequence(p, at));
      at = p.position;
      runStart = at;
    } else if ((char === "$" || char === "%") && following === char && text[at + 2] === "{") {
      // `$${` keeps one `$`; the `{` starts the next run.
      literal += text.slice(runStart, at + 1);
      at += 2;
      runStart = at;
    } else if (quoted && char === '"') {
      flush();
      return { items, end: at + 1 };
    } else if (quoted && char === "\\") {
      literal += text.slice(runStart, at);
      const escape = decodeEscape(text, at);
      literal += escape.value;
      at = escape.end;
      runStart = at;
    } else if (quoted && char === "\n") {
      throw new SyntaxIssue('unterminated string: expected a closing "', at);
    } else {
      at += 1;
    }
  }
  if (quoted) throw new SyntaxIssue('unterminated string: expected a closing "', at);
  flush();
  return { items, end: at };
}

/** Reads the `${...}` or `%{...}` that starts at `open`. */
function sequence(p: Parser, open: number): Item {
  const interpolation = p.text.charAt(open) === "$";
  const stripBefore = p.text.charAt(open + 2) === "~";
  p.seek(open + (stripBefore ? 3 : 2));

  return p.withNewlines(false, () => {
    const inside: Sequence = interpolation
      ? { kind: "interpolation", expr: p.expression() }
      : directive(p);
    const stripAfter = p.accept("~");
    p.expect("}", interpolation ? 'to close "${"' : 'to close "%{"');
    return { ...inside, offset: open, stripBefore, stripAfter };
  });
}

function directive(p: Parser): Sequence {
  const keyword = p.peek();
  if (keyword.type === "ident") {
    switch (keyword.text) {
      case "if":
        p.next();
        return { kind: "if", condition: p.expression() };
      case "for":
        p.next();
        return { kind: "for", ...parseForHead(p) };
      case "else":
      case "endif":
      case "endfor":
        p.next();
        return { kind: keyword.text };
      default:
        break;
    }
  }
  return p.fail(
    `expected "if", "for", "else", "endif" or "endfor" after "%{", found ${p.describeNext()}`,
  );
}

function decodeEscape(text: string, at: number): { value: string; end: number } {
  const letter = text.charAt(at + 1);
  const simple = SIMPLE_ESCAPES.get(letter);
  if (simple !== undefined) return { value: simple, end: at + 2 };

  const length = letter === "u" ? 4 : letter === "U" ? 8 : 0;
  const digits = text.slice(at + 2, at + 2 + length);
  const code = Number.parseInt(digits, 16);
  if (length > 0 && HEX.test(digits) && digits.length === length && code <= 0x10ffff) {
    return { value: String.fromCodePoint(code), end: at + 2 + length };
  }
  throw new SyntaxIssue(
    `invalid escape sequence "\\${letter}${digits}" in a string`,
    at,
    'write "\\\\" for a literal backslash',
  );
}

const SIMPLE_ESCAPES: ReadonlyMap<string, string> = new Map([
  ["n", "\n"],
  ["r", "\r"],
  ["t", "\t"],
  ['"', '"'],
  ["\\", "\\"],
]);
const HEX = /^[0-9a-fA-F]+$/;

function build(items: Item[]): Template {
  const first = items[0];
  const single = items.length === 1 && first?.kind === "interpolation" ? first.expr : undefined;
  applyStripMarkers(items);
  return { parts: nest(items), single };
}

function applyStripMarkers(items: Item[]): void {
  items.forEach((item, index) => {
    if (item.kind === "text") return;
    const before = items[index - 1];
    if (item.stripBefore && before?.kind === "text") {
      items[index - 1] = { kind: "text", text: before.text.trimEnd() };
    }
    const after = items[index + 1];
    if (item.stripAfter && after?.kind === "text") {
      items[index + 1] = { kind: "text", text: after.text.trimStart() };
    }
  });
}

/** Nests directives; `if` and `for` blocks end at the matching `else`, `endif` or `endfor`. */
function nest(items: readonly Item[]): TemplatePart[] {
  let index = 0;
  const block = (opener: Item | undefined, closers: readonly string[]) => {
    const parts: TemplatePart[] = [];
    for (let item = items[index]; item !== undefined; item = items[index]) {
      index += 1;
      switch (item.kind) {
        case "text":
          if (item.text !== "") parts.push(item.text);
          break;
        case "interpolation":
          parts.push({ kind: "interpolation", expr: item.expr });
          break;
        case "if": {
          const then = block(item, ["else", "endif"]);
          const otherwise = then.closer === "else" ? block(item, ["endif"]).parts : [];
          parts.push({ kind: "if", condition: item.condition, then: then.parts, otherwise });
          break;
        }
        case "for": {
          const { keyVar, valueVar, collection } = item;
          const body = block(item, ["endfor"]).parts;
          parts.push({ kind: "for", keyVar, valueVar, collection, body });
          break;
        }
        default:
          if (closers.includes(item.kind)) return { parts, closer: item.kind };
          throw misplaced(item, opener, closers);
      }
    }
    if (opener !== undefined) {
      const closer = closers[closers.length - 1] ?? "";
      throw new SyntaxIssue(
        `expected "%{${closer}}" to close "%{${opener.kind}}", found the end of the template`,
        opener.kind === "text" ? 0 : opener.offset,
      );
    }
    return { parts, closer: undefined };
  };
  return block(undefined, []).parts;
}

function misplaced(
  item: Item & { offset: number },
  opener: Item | undefined,
  closers: readonly string[],
): SyntaxIssue {
  const found = `"%{${item.kind}}"`;
  if (opener === undefined) {
    const opening = item.kind === "endfor" ? "for" : "if";
    return new SyntaxIssue(`${found} has no opening "%{${opening}}"`, item.offset);
  }
  const closer = closers[closers.length - 1] ?? "";
  return new SyntaxIssue(
    `expected "%{${closer}}" to close "%{${opener.kind}}", found ${found}`,
    item.offset,
  );
}
