/**
 * Recursive-descent parser for HCL expressions.
 *
 * Precedence, loosest first: the conditional `? :` (right-associative), then the binary
 * levels `||`, `&&`, `== !=`, `< <= > >=`, `+ -`, `* / %` (all left-associative, parsed by
 * precedence climbing), then unary `-` and `!`, then a term followed by its traversal steps
 * (`.name`, `[key]`, `.0`, `.*`, `[*]`). Collections and for expressions live in
 * collections.ts, quoted strings and templates in template.ts; both call back into this class.
 */

import type { BinaryOp, Expression, SplatItemExpr } from "./ast.js";
import { parseObject, parseTuple } from "./collections.js";
import { TokenStream } from "./stream.js";
import { parseQuoted } from "./template.js";

const PRECEDENCE: ReadonlyMap<string, number> = new Map([
  ["||", 1],
  ["&&", 2],
  ["==", 3],
  ["!=", 3],
  ["<", 4],
  ["<=", 4],
  [">", 4],
  [">=", 4],
  ["+", 5],
  ["-", 5],
  ["*", 6],
  ["/", 6],
  ["%", 6],
]);

const SPLAT_ITEM: SplatItemExpr = { kind: "splat-item" };

/** Parses expressions from one text; templates and collections reuse the same instance. */
export class Parser extends TokenStream {
  /** A full expression, conditional included. */
  expression(): Expression {
    const condition = this.binary(1);
    if (!this.accept("?")) return condition;

    this.skipNewlines();
    const then = this.expression();
    this.skipNewlines();
    this.expect(":", "after the true result of a conditional");
    this.skipNewlines();
    const otherwise = this.expression();
    return { kind: "conditional", condition, then, otherwise };
  }

  /** A name, such as a for variable, or a syntax problem explaining what was expected. */
  identifier(why: string): string {
    const token = this.peek();
    if (token.type !== "ident") this.fail(`expected a name ${why}, found ${this.describeNext()}`);
    return this.next().text;
  }

  private binary(minimum: number): Expression {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      const precedence = token.type === "punct" ? PRECEDENCE.get(token.text) : undefined;
      if (precedence === undefined || precedence < minimum) return left;

      this.next();
      this.skipNewlines();
      const right = this.binary(precedence + 1);
      left = { kind: "binary", op: token.text as BinaryOp, left, right };
    }
  }

  private unary(): Expression {
    const token = this.peek();
    if (token.type !== "punct" || (token.text !== "-" && token.text !== "!")) {
      return this.traversals(this.term());
    }

    this.next();
    const operand = this.unary();
    if (token.text === "-" && operand.kind === "literal" && typeof operand.value === "number") {
      return { kind: "literal", value: -operand.value };
    }
    return { kind: "unary", op: token.text, operand };
  }

  private term(): Expression {
    const token = this.peek();
    switch (token.type) {
      case "number":
        this.next();
        return { kind: "literal", value: Number(token.text) };
      case "quote":
        this.next();
        return parseQuoted(this, token.end);
      case "ident":
        return this.name();
      case "punct":
        if (token.text === "(") return this.parenthesized();
        if (token.text === "[") return parseTuple(this);
        if (token.text === "{") return parseObject(this);
        break;
      default:
        break;
    }
    return this.missingExpression();
  }

  private missingExpression(): never {
    const after = this.previousText();
    if (after === undefined) this.fail(`expected an expression, found ${this.describeNext()}`);

    const found = this.peek().type === "end" ? "" : `, found ${this.describeNext()}`;
    this.fail(`expected an expression after ${JSON.stringify(after)}${found}`);
  }

  private parenthesized(): Expression {
    this.next();
    return this.withNewlines(false, () => {
      const inner = this.expression();
      this.expect(")", 'to close "("');
      return inner;
    });
  }

  private name(): Expression {
    const name = this.next().text;
    if (name === "true") return { kind: "literal", value: true };
    if (name === "false") return { kind: "literal", value: false };
    if (name === "null") return { kind: "literal", value: null };
    if (this.isPunct("(")) return this.call(name);
    if (name.includes("::")) {
      this.fail(`expected "(" after the function name ${JSON.stringify(name)}`);
    }
    return { kind: "variable", name };
  }

  private call(name: string): Expression {
    this.next();
    return this.withNewlines(false, () => {
      const args: Expression[] = [];
      let expand = false;
      while (!this.accept(")")) {
        args.push(this.expression());
        if (this.accept("...")) {
          expand = true;
          this.expect(")", `after the expanded last argument of ${name}()`);
          break;
        }
        if (this.accept(")")) break;
        if (!this.accept(",")) {
          const found = this.describeNext();
          this.fail(`expected "," or ")" after an argument of ${name}(), found ${found}`);
        }
      }
      return { kind: "call", name, args, expand };
    });
  }

  /** Applies the `.name`, `[key]` and splat steps that follow a term. */
  private traversals(term: Expression): Expression {
    let expr = term;
    for (;;) {
      if (this.accept(".")) {
        // Peek in integer mode even for the `*`, so that `.1.0` is not read as the number 1.0.
        if (this.peekInteger().text === "*") {
          this.next();
          expr = this.attributeSplat(expr);
        } else {
          expr = this.dotStep(expr);
        }
      } else if (this.accept("[")) {
        if (this.accept("*")) {
          this.expect("]", 'to close "[*"');
          // A full splat takes every following step, nested splats included, per element.
          return { kind: "splat", source: expr, each: this.traversals(SPLAT_ITEM) };
        }
        const object = expr;
        expr = this.withNewlines(false, () => {
          const key = this.expression();
          this.expect("]", 'to close "["');
          return { kind: "index", object, key };
        });
      } else {
        return expr;
      }
    }
  }

  /** `.name`, or the legacy index `.0`. */
  private dotStep(object: Expression): Expression {
    const token = this.peekInteger();
    if (token.type === "ident") {
      this.next();
      return { kind: "attr", object, name: token.text };
    }
    if (token.type === "number") {
      this.next();
      return { kind: "index", object, key: { kind: "literal", value: Number(token.text) } };
    }
    return this.fail(`expected an attribute name after ".", found ${this.describeNext()}`);
  }

  /** `.*` takes only the `.name` steps after it; a following `[i]` indexes the whole result. */
  private attributeSplat(source: Expression): Expression {
    let each: Expression = SPLAT_ITEM;
    while (this.accept(".")) each = this.dotStep(each);
    return { kind: "splat", source, each };
  }
}
