import { describe, expect, it } from "vitest";

import { outlineHcl } from "../../../src/config/hcl/outline.js";

describe("outlineHcl", () => {
  it("outlines attributes and blocks with their labels, lines and offsets", () => {
    const outline = outlineHcl('a = 1\n\nb "x" y {\n  c = a == 1\n}\n');

    expect(outline).toEqual({
      attributes: [{ name: "a", line: 1 }],
      blocks: [
        {
          type: "b",
          labels: ["x", "y"],
          line: 3,
          offset: 7,
          body: { attributes: [{ name: "c", line: 4 }], blocks: [] },
        },
      ],
    });
  });

  it("steps over a heredoc inside an interpolation inside a string", () => {
    const text = 'a = "${trimspace(<<EOT\n} " {\nEOT\n)}"\nb = 2\n';

    expect(outlineHcl(text).attributes).toEqual([
      { name: "a", line: 1 },
      { name: "b", line: 5 },
    ]);
  });

  it("steps over an interpolation that runs over several heredoc lines", () => {
    const text = 'a = <<EOT\n${join(",", [\n"}",\n])}\nEOT\nb = 2\n';

    expect(outlineHcl(text).attributes.map((item) => item.name)).toEqual(["a", "b"]);
  });

  it("ends the attribute at the newline after a multi-line list or call", () => {
    const text = "a = [\n  1,\n  { b = 2 },\n]\nc = merge(\n  {},\n)\nd = 3\n";

    expect(outlineHcl(text).attributes).toEqual([
      { name: "a", line: 1 },
      { name: "c", line: 5 },
      { name: "d", line: 8 },
    ]);
  });

  it("finishes on arbitrary text, so invalid files reach hcl2json for their diagnostics", () => {
    const alphabet = ['{', '}', '[', ']', '(', ')', '"', "#", "/", "*", "<<EOT\n", "EOT\n", "\n"]
      .concat(["${", "%{", "$${", "\\", "=", ":", ",", "a", " ", "-", "for "]);
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };

    for (let round = 0; round < 2000; round++) {
      let text = "";
      for (let i = 0; i < 60; i++) text += alphabet[next() % alphabet.length];
      expect(() => outlineHcl(text)).not.toThrow();
    }
  });
});
