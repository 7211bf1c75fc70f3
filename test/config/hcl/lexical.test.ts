import { describe, expect, it } from "vitest";

import { parseHcl } from "../../../src/config/hcl/index.js";
import { attribute, blockHeaders, onlyBlock, parseFixture } from "./fixtures.js";

describe("parseHcl on text that looks like structure", () => {
  it("finds every item past comments, strings and heredocs that hold braces", async () => {
    const file = await parseFixture("text.hcl");

    expect(blockHeaders(file.body)).toEqual(["locals", "one_line x"]);
    expect(file.body.attributes.map(({ name, line }) => [name, line])).toEqual([["last", 23]]);
    const locals = onlyBlock(file.body, "locals");
    expect(locals.line).toBe(5);
    expect(locals.body.attributes.map(({ name, line }) => [name, line])).toEqual([
      ["braces", 6],
      ["nested", 7],
      ["escaped", 8],
      ["literal", 9],
      ["heredoc", 10],
      ["indented", 15],
      ["after", 18],
    ]);
  });

  it("keeps the strings' texts as hcl2json decodes them", async () => {
    const file = await parseFixture("text.hcl");

    const locals = onlyBlock(file.body, "locals").body;
    expect(attribute(locals, "braces").value).toBe("{ not a block } # not a comment // either");
    expect(attribute(locals, "escaped").value).toBe('quote " then { and \\ backslash');
    expect(attribute(locals, "literal").value).toBe("$${not.interpolated} %%{ not a directive }");
    expect(attribute(locals, "heredoc").value).toBe(
      "first line { with a brace\n# not a comment\n  EOT is only the end when alone\n",
    );
    expect(attribute(locals, "indented").value).toBe("value ${local.braces} }\n");
  });

  it("reads a single-line block whose value holds a closing brace", async () => {
    const file = await parseFixture("text.hcl");

    const block = onlyBlock(file.body, "one_line");
    expect(block.line).toBe(21);
    expect(block.body.attributes).toEqual([{ name: "value", value: "}", line: 21 }]);
  });

  it("steps over a heredoc inside a function call's object argument", async () => {
    const file = await parseFixture("text.hcl");

    expect(attribute(file.body, "last").value).toBe("${jsonencode({\n  x = <<EOT\n}\nEOT\n})}");
  });

  it("reads Windows line endings and a byte-order mark", async () => {
    const file = await parseHcl("/u/terragrunt.hcl", '\ufeffa = 1\r\nb {\r\n  c = "x"\r\n}\r\n');

    expect(file.body).toEqual({
      attributes: [{ name: "a", value: 1, line: 1 }],
      blocks: [
        {
          type: "b",
          labels: [],
          line: 2,
          body: { attributes: [{ name: "c", value: "x", line: 3 }], blocks: [] },
        },
      ],
    });
  });

  it("records plain and quoted object keys and skips computed ones", async () => {
    const text = [
      "inputs = {",
      '  plain = 1, "quoted key" = 2',
      '  "esc\\"aped" = 3',
      "  (local.computed) = 4",
      '  "${local.template}" = 5',
      "  colon : 6",
      "  nested = { inner = 7 }",
      "}",
      "",
    ].join("\n");

    const file = await parseHcl("/u/terragrunt.hcl", text);

    expect(attribute(file.body, "inputs").keyLines).toEqual({
      plain: 2,
      "quoted key": 2,
      'esc"aped': 3,
      colon: 6,
      nested: 7,
    });
  });

  it("records no key lines for an object built by a for expression", async () => {
    const text = "m = { for k, v in local.x : k => v }\nn = 1\n";

    const file = await parseHcl("/u/terragrunt.hcl", text);

    expect(file.body.attributes).toEqual([
      { name: "m", value: "${{ for k, v in local.x : k => v }}", line: 1 },
      { name: "n", value: 1, line: 2 },
    ]);
  });
});
