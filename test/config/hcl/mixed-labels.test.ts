import { describe, expect, it } from "vitest";

import { parseHcl } from "../../../src/config/hcl/index.js";
import { attribute, parseFixture } from "./fixtures.js";

describe("parseHcl on blocks that hcl2json cannot key apart", () => {
  it("reads a bare include beside a named one, the bare one with no labels", async () => {
    const file = await parseFixture("mixed-include.hcl");

    expect(file.body.blocks.map(({ type, labels, line }) => ({ type, labels, line }))).toEqual([
      { type: "include", labels: [], line: 1 },
      { type: "include", labels: ["env"], line: 5 },
    ]);
    const [bare, named] = file.body.blocks;
    expect(bare && attribute(bare.body, "path")).toEqual({
      name: "path",
      value: "${find_in_parent_folders()}",
      line: 2,
    });
    expect(named && attribute(named.body, "expose").line).toBe(7);
  });

  it("keeps the original text in the file", async () => {
    const file = await parseFixture("mixed-include.hcl");

    expect(file.text.startsWith("include {\n")).toBe(true);
  });

  it("reads blocks of one type with different label counts inside a block", async () => {
    const text = [
      "terraform {",
      "  hook { a = 1 }",
      '  hook "x" { a = 2 }',
      '  hook "x" "y" { a = 3 }',
      "  hook { a = 4 }",
      "}",
      "",
    ].join("\n");

    const file = await parseHcl("/u/terragrunt.hcl", text);

    const hooks = file.body.blocks[0]?.body.blocks ?? [];
    expect(hooks.map((hook) => [hook.type, hook.labels, hook.body.attributes[0]?.value])).toEqual([
      ["hook", [], 1],
      ["hook", ["x"], 2],
      ["hook", ["x", "y"], 3],
      ["hook", [], 4],
    ]);
  });

  it("keeps both a block and an attribute that share a name", async () => {
    const file = await parseHcl("/u/terragrunt.hcl", "x {\n  a = 1\n}\nx = 2\n");

    expect(file.body.attributes).toEqual([{ name: "x", value: 2, line: 4 }]);
    expect(file.body.blocks).toEqual([
      {
        type: "x",
        labels: [],
        line: 1,
        body: { attributes: [{ name: "a", value: 1, line: 2 }], blocks: [] },
      },
    ]);
  });

  it("reports syntax errors at their original line when a block was renamed", async () => {
    const text = 'include {\n  path = "a"\n}\ninclude "x" {\n  path = "b\n}\n';

    await expect(parseHcl("/u/terragrunt.hcl", text)).rejects.toMatchObject({
      code: "HCL_SYNTAX",
      location: { file: "/u/terragrunt.hcl", line: 5 },
    });
  });
});
