import { describe, expect, it } from "vitest";

import { parseHcl } from "../../../src/config/hcl/index.js";
import { attribute, blockHeaders, onlyBlock, parseFixture } from "./fixtures.js";

describe("parseHcl on HCL JSON syntax", () => {
  it("reads terragrunt's block types as blocks in written order, skipping comments", async () => {
    const file = await parseFixture("terragrunt.hcl.json");

    expect(blockHeaders(file.body)).toEqual([
      "include root",
      "terraform",
      "locals",
      "dependency vpc",
      "dependency db",
    ]);
    expect(file.body.attributes.map((item) => item.name)).toEqual(["inputs"]);
  });

  it("reads nested hook blocks of terraform in written order with their lines", async () => {
    const file = await parseFixture("terragrunt.hcl.json");

    const terraform = onlyBlock(file.body, "terraform");
    expect(terraform.line).toBe(8);
    expect(attribute(terraform.body, "source")).toEqual({
      name: "source",
      value: "../modules//app",
      line: 9,
    });
    expect(terraform.body.blocks.map(({ labels, line }) => [labels, line])).toEqual([
      [["zeta"], 11],
      [["alpha"], 12],
    ]);
  });

  it("gives object attributes key lines and keeps their values as written", async () => {
    const file = await parseFixture("terragrunt.hcl.json");

    expect(attribute(file.body, "inputs")).toEqual({
      name: "inputs",
      value: { name: "app", "10": "numeric keys keep their written place" },
      line: 22,
      keyLines: { name: 23, "10": 24 },
    });
  });

  it("reads an include holding a path as a bare include", async () => {
    const text = [
      "{",
      '  "include": { "path": "../root.hcl" },',
      '  "generate": { "x": [{ "path": "a" }, { "path": "b" }] }',
      "}",
      "",
    ].join("\n");

    const file = await parseHcl("/u/terragrunt.hcl.json", text);

    expect(file.body.blocks).toEqual([
      {
        type: "include",
        labels: [],
        line: 2,
        body: { attributes: [{ name: "path", value: "../root.hcl", line: 2 }], blocks: [] },
      },
      {
        type: "generate",
        labels: ["x"],
        line: 3,
        body: { attributes: [{ name: "path", value: "a", line: 3 }], blocks: [] },
      },
      {
        type: "generate",
        labels: ["x"],
        line: 3,
        body: { attributes: [{ name: "path", value: "b", line: 3 }], blocks: [] },
      },
    ]);
  });

  it("rejects invalid JSON with the line of the problem", async () => {
    const text = '{\n  "locals": {\n    "a": 1,\n  }\n}\n';

    await expect(parseHcl("/u/terragrunt.hcl.json", text)).rejects.toMatchObject({
      code: "HCL_SYNTAX",
      message: 'syntax error: invalid JSON: expected a property name, found "}"',
      location: { file: "/u/terragrunt.hcl.json", line: 4 },
    });
  });

  it("rejects a block type whose value is not an object", async () => {
    const text = '{\n  "dependency": {\n    "vpc": "../vpc"\n  }\n}\n';

    await expect(parseHcl("/u/terragrunt.hcl.json", text)).rejects.toMatchObject({
      code: "HCL_SYNTAX",
      message: 'syntax error: "dependency" must be an object, found a string',
      location: { line: 3 },
    });
  });
});
