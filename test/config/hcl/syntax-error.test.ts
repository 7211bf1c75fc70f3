import { describe, expect, it } from "vitest";

import { TerraceError } from "../../../src/errors.js";
import { parseHcl } from "../../../src/config/hcl/index.js";
import { fixturePath, parseFixture } from "./fixtures.js";

async function failure(promise: Promise<unknown>): Promise<TerraceError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof TerraceError)) {
    throw new Error(`expected a TerraceError, got ${String(error)}`);
  }
  return error;
}

describe("parseHcl on invalid native syntax", () => {
  it("reports the first diagnostic with its summary, detail, line and a hint", async () => {
    const error = await failure(parseFixture("broken.hcl"));

    expect(error.code).toBe("HCL_SYNTAX");
    expect(error.message).toBe(
      "syntax error: Invalid multi-line string; Quoted strings may not be split over multiple " +
        "lines. To produce a multi-line string, either use the \\n escape to represent a newline " +
        'character or use the "heredoc" multi-line template syntax.',
    );
    expect(error.location).toEqual({ file: fixturePath("broken.hcl"), line: 3 });
    expect(error.hint).toBe(
      "close the quote on the same line; for text over several lines use a heredoc (<<EOT)",
    );
  });

  it("gives the generic hint for a diagnostic without a specific one", async () => {
    const error = await failure(parseHcl("/u/terragrunt.hcl", "a = 1\nb = 1 +\n"));

    expect(error.message).toBe(
      "syntax error: Invalid expression; Expected the start of an expression, but found an " +
        "invalid expression token.",
    );
    expect(error.location).toEqual({ file: "/u/terragrunt.hcl", line: 2 });
    expect(error.hint).toBe("fix the syntax at this line; terrace reads HCL as terraform does");
  });

  it("finds the diagnostic when the path holds regular-expression characters", async () => {
    const path = "/units/app (v2)/[eu]+.hcl";

    const error = await failure(parseHcl(path, "locals {\n  a = 1\n"));

    expect(error.message).toBe(
      "syntax error: Unclosed configuration block; There is no closing brace for this block " +
        "before the end of the file. This may be caused by incorrect brace nesting elsewhere " +
        "in this file.",
    );
    expect(error.location).toEqual({ file: path, line: 1 });
  });

  it("names the repeated argument of a redefined attribute", async () => {
    const error = await failure(parseHcl("/u/terragrunt.hcl", "a = 1\n\na = 2\n"));

    expect(error.message).toBe(
      'syntax error: Attribute redefined; The argument "a" was already set at ' +
        "/u/terragrunt.hcl:1,1-2. Each argument may be set only once.",
    );
    expect(error.location?.line).toBe(3);
  });
});
