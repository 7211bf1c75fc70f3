/**
 * Parsing of tuple and object constructors and of for expressions.
 *
 * An object's items are separated by commas or newlines, so its body is parsed with newlines
 * significant; a tuple's elements and a for expression ignore them. `[for` and `{for` start a
 * for expression only when a name follows `for`, which keeps `[for]` a tuple holding the
 * variable `for`, as in HCL.
 */

import type { Expression, ObjectItem } from "./ast.js";
import type { Parser } from "./parser.js";

/** `[a, b,]` or `[for ...]`; the next token is the `[`. */
export function parseTuple(p: Parser): Expression {
  p.next();
  return p.withNewlines(false, () => {
    if (startsFor(p)) return parseFor(p, "]");

    const items: Expression[] = [];
    while (!p.accept("]")) {
      items.push(p.expression());
      if (p.accept("]")) break;
      if (!p.accept(",")) {
        p.fail(`expected "," or "]" after a tuple element, found ${p.describeNext()}`);
      }
    }
    return { kind: "tuple", items };
  });
}

/** `{ a = 1, "b" = 2, (c) = 3, d: 4 }` or `{for ...}`; the next token is the `{`. */
export function parseObject(p: Parser): Expression {
  p.next();
  if (p.withNewlines(false, () => startsFor(p))) {
    return p.withNewlines(false, () => parseFor(p, "}"));
  }

  return p.withNewlines(true, () => {
    const items: ObjectItem[] = [];
    for (;;) {
      p.skipNewlines();
      if (p.accept("}")) return { kind: "object", items };

      const key = objectKey(p);
      if (!p.accept("=") && !p.accept(":")) {
        p.fail(`expected "=" after an object key, found ${p.describeNext()}`);
      }
      p.skipNewlines();
      items.push({ key, value: p.expression() });

      const separator = p.peek();
      if (separator.type === "newline" || p.isPunct(",")) {
        p.next();
      } else if (!p.isPunct("}")) {
        p.fail(`expected a newline, "," or "}" after an object item, found ${p.describeNext()}`);
      }
    }
  });
}

/** A bare name before `=` or `:` is the key itself; `(name)` or any other form is evaluated. */
function objectKey(p: Parser): Expression {
  const token = p.peek();
  if (token.type === "ident" && !token.text.includes("::")) {
    const after = p.peekSecond();
    if (after.type === "punct" && (after.text === "=" || after.text === ":")) {
      p.next();
      return { kind: "literal", value: token.text };
    }
  }
  return p.expression();
}

function startsFor(p: Parser): boolean {
  return p.isKeyword("for") && p.peekSecond().type === "ident";
}

/** `k, v in collection` or `v in collection`: the head shared by for expressions and `%{for}`. */
export function parseForHead(p: Parser): {
  keyVar: string | undefined;
  valueVar: string;
  collection: Expression;
} {
  const first = p.identifier('after "for"');
  let keyVar: string | undefined;
  let valueVar = first;
  if (p.accept(",")) {
    keyVar = first;
    valueVar = p.identifier('after ","');
    if (keyVar === valueVar) p.fail(`the key and value variables are both named "${keyVar}"`);
  }
  if (!p.isKeyword("in")) {
    p.fail(`expected "in" after the for variables, found ${p.describeNext()}`);
  }
  p.next();
  return { keyVar, valueVar, collection: p.expression() };
}

/** The rest of a for expression after its opening bracket; `close` tells which form. */
function parseFor(p: Parser, close: "]" | "}"): Expression {
  p.next();
  const { keyVar, valueVar, collection } = parseForHead(p);
  p.expect(":", "after the collection of a for expression");

  let key: Expression | undefined;
  if (close === "}") {
    key = p.expression();
    p.expect("=>", "after the key of an object for expression");
  }
  const value = p.expression();
  const group = close === "}" && p.accept("...");

  let condition: Expression | undefined;
  if (p.isKeyword("if")) {
    p.next();
    condition = p.expression();
  }
  p.expect(close, "to close the for expression");
  return { kind: "for", keyVar, valueVar, collection, key, value, group, condition };
}
