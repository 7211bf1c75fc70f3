import { describe, expect, it } from "vitest";

import { templateFunctions, templateReferences } from "../../../src/config/expr/index.js";

describe("templateReferences", () => {
  it("lists each root with the static names after it", () => {
    const text = "${local.a} ${include.root.locals.env} ${dependency.vpc.outputs.id}";
    expect(templateReferences(text)).toEqual([
      { root: "local", path: ["a"] },
      { root: "include", path: ["root", "locals", "env"] },
      { root: "dependency", path: ["vpc", "outputs", "id"] },
    ]);
  });

  it("keeps literal indexes and stops at a computed one or a splat", () => {
    const text = '${local.m["k"].x[0]} ${local.m[local.i].y} ${dependency.all[*].outputs}';
    expect(templateReferences(text)).toEqual([
      { root: "local", path: ["m", "k", "x", "0"] },
      { root: "local", path: ["m"] },
      { root: "local", path: ["i"] },
      { root: "dependency", path: ["all"] },
    ]);
  });

  it("lists a reference once however often it appears", () => {
    expect(templateReferences("${local.a + local.a}-${local.a}")).toEqual([
      { root: "local", path: ["a"] },
    ]);
  });

  it("finds references in every kind of node", () => {
    const text =
      '%{if local.c}${f(local.arg...)}%{endif}${[for x in local.xs : { (local.k) = -x.v }]}' +
      '${local.p ? "${local.q}" : !local.r}';
    expect(templateReferences(text).map((r) => `${r.root}.${r.path.join(".")}`)).toEqual([
      "local.c",
      "local.arg",
      "local.xs",
      "local.k",
      "local.p",
      "local.q",
      "local.r",
    ]);
  });

  it("leaves out for-expression and directive variables", () => {
    const text =
      "${{ for k, v in local.map : k => v.id if v.on }}" +
      "%{for item in local.list}${item.name}${local.sep}%{endfor}";
    expect(templateReferences(text)).toEqual([
      { root: "local", path: ["map"] },
      { root: "local", path: ["list"] },
      { root: "local", path: ["sep"] },
    ]);
  });

  it("finds no references in a bare-name object key or plain text", () => {
    expect(templateReferences("${{ local = 1 }}")).toEqual([]);
    expect(templateReferences("just text $${local.a}")).toEqual([]);
  });
});

describe("templateFunctions", () => {
  it("lists the functions called, nested ones included, each once", () => {
    const text =
      '${merge(local.a, try(lookup(local.m, "k"), {}))} ${merge({}, {})} %{if can(x)}y%{endif}';
    expect(templateFunctions(text)).toEqual(["merge", "try", "lookup", "can"]);
  });

  it("lists nothing for a template without calls", () => {
    expect(templateFunctions("${local.a}")).toEqual([]);
  });
});
