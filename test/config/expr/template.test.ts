import { describe, expect, it } from "vitest";

import { evaluateTemplate, parseTemplate } from "../../../src/config/expr/index.js";
import { errorOf, scopeOf } from "./scope.js";

const scope = scopeOf({
  local: {
    name: "app",
    n: 3,
    half: 0.5,
    on: true,
    list: ["a", "b"],
    map: { y: 2, x: 1 },
    none: null,
  },
});
const render = (text: string): unknown => evaluateTemplate(text, scope);

describe("plain text and interpolation", () => {
  it("returns text without sequences as it is, backslashes included", () => {
    expect(render("hello world")).toBe("hello world");
    expect(render('C:\\dir\\n "quoted"')).toBe('C:\\dir\\n "quoted"');
    expect(render("")).toBe("");
  });

  it("gives a lone interpolation's value unconverted", () => {
    expect(render("${local.list}")).toEqual(["a", "b"]);
    expect(render("${local.n}")).toBe(3);
    expect(render("${local.none}")).toBe(null);
  });

  it("converts every part to a string when there is more than one", () => {
    expect(render("${local.name}-${local.n}")).toBe("app-3");
    expect(render("x ${local.on} ${local.half} ${1e21} ${0.0000001} ${2.0}")).toBe(
      "x true 0.5 1000000000000000000000 0.0000001 2",
    );
    expect(render(" ${local.n}")).toBe(" 3");
  });

  it("keeps $${ and %%{ as literal ${ and %{", () => {
    expect(render("$${local.name} %%{if} $$ %% $x")).toBe("${local.name} %{if} $$ %% $x");
    expect(render('${"$${a}"}')).toBe("${a}");
  });

  it("nests templates inside quoted strings inside interpolations", () => {
    expect(render('${upper("x-${local.name}-${"}"}")}!')).toBe("X-APP-}!");
  });

  it("refuses null and collections inside a string", () => {
    expect(errorOf(() => render("a ${local.none}"))).toEqual({
      code: "EXPRESSION",
      message: "cannot use null in a string template: expected a string, number or bool",
      hint: "coalesce() or a conditional can give a default when the value is null",
    });
    expect(errorOf(() => render("a ${local.list}"))).toEqual({
      code: "EXPRESSION",
      message: 'cannot use ["a","b"] in a string template: expected a string, number or bool',
      hint: "jsonencode() or join() turn a collection into a string",
    });
  });
});

describe("directives", () => {
  it("chooses a branch with %{if} and %{else}", () => {
    expect(render("%{if local.on}yes%{else}no%{endif}")).toBe("yes");
    expect(render("%{ if !local.on }yes%{ else }no%{ endif }")).toBe("no");
    expect(render("[%{if false}hidden%{endif}]")).toBe("[]");
  });

  it("repeats a body with %{for} over tuples and objects", () => {
    expect(render("%{for item in local.list}<${item}>%{endfor}")).toBe("<a><b>");
    expect(render("%{for i, item in local.list}${i}=${item};%{endfor}")).toBe("0=a;1=b;");
    expect(render("%{for k, v in local.map}${k}=${v} %{endfor}")).toBe("x=1 y=2 ");
  });

  it("nests directives", () => {
    const text = "%{for x in [1, 2, 3]}%{if x != 2}${x}%{else}-%{endif}%{endfor}";
    expect(render(text)).toBe("1-3");
  });

  it("renders a heredoc as hcl2json gives it", () => {
    const text = "name: ${local.name}\n%{for x in local.list}- ${x}\n%{endfor}";
    expect(render(text)).toBe("name: app\n- a\n- b\n");
  });

  it("requires a bool for %{if} and a collection for %{for}", () => {
    expect(errorOf(() => render("%{if local.name}x%{endif}")).message).toBe(
      'cannot use "app" as a condition: expected a bool',
    );
    expect(errorOf(() => render("%{for x in local.name}x%{endfor}")).message).toBe(
      'cannot iterate over "app": expected a tuple or an object',
    );
  });

  it("reports unbalanced directives", () => {
    expect(errorOf(() => parseTemplate("%{if true}x")).message).toBe(
      'syntax error in template "%{if true}x": ' +
        'expected "%{endif}" to close "%{if}", found the end of the template',
    );
    expect(errorOf(() => parseTemplate("x%{endfor}")).message).toBe(
      'syntax error in template "x%{endfor}": "%{endfor}" has no opening "%{for}"',
    );
    expect(errorOf(() => parseTemplate("%{for x in y}%{endif}")).message).toBe(
      'syntax error in template "%{for x in y}%{endif}": ' +
        'expected "%{endfor}" to close "%{for}", found "%{endif}"',
    );
    expect(errorOf(() => parseTemplate("%{while x}")).message).toBe(
      'syntax error in template "%{while x}": ' +
        'expected "if", "for", "else", "endif" or "endfor" after "%{", found "while"',
    );
  });
});

describe("strip markers", () => {
  it("trims the whitespace, newlines included, next to a ~", () => {
    expect(render("a   ${~ local.name ~}  \n b")).toBe("aappb");
    expect(render("a \n${~local.n} b")).toBe("a3 b");
    expect(render("a ${local.n~}\n b")).toBe("a 3b");
  });

  it("trims across directives, the way templates lay out lists", () => {
    const text = "items:\n%{ for x in local.list ~}\n  - ${x}\n%{ endfor ~}\ndone";
    expect(render(text)).toBe("items:\n- a\n- b\ndone");
    const block = "%{~ if local.on ~}\n  on\n%{~ else ~}\n  off\n%{~ endif ~}\n";
    expect(render(`[${block}]`)).toBe("[on]");
  });

  it("returns a string when a stripped space was the only other part", () => {
    expect(render(" ${~local.n}")).toBe("3");
  });
});
