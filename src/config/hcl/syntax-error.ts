/**
 * Turns hcl2json's failures into `HCL_SYNTAX` errors that name the file and line.
 *
 * hcl2json rejects with an `Error` whose message lists HCL's diagnostics in one line:
 * `parse config: [<file>:<line>,<col>-<range>: <summary>; <detail> <file>:...]`. We keep the
 * first diagnostic, which is the one HCL found first, and add a hint for the common ones.
 */

import { TerraceError } from "../../errors.js";

const GENERIC_HINT = "fix the syntax at this line; terrace reads HCL as terraform does";

const HINTS: Record<string, string> = {
  "Invalid multi-line string":
    "close the quote on the same line; for text over several lines use a heredoc (<<EOT)",
  "Unterminated template string": "add the closing quote of the string",
  "Unclosed configuration block":
    "add the missing `}` of this block; check the braces of the blocks above it",
  "Missing newline after argument": "put each argument on its own line",
  "Missing newline after block definition": "put the closing `}` of a block on its own line",
  "Missing attribute separator": "separate object attributes with a comma or a newline",
  "Missing item separator": "separate list items with commas",
  "Attribute redefined": "set each argument once in a block; remove the repeated one",
  "Argument or block definition required":
    "start the line with `name = value` or a block header such as `include \"root\" {`",
  "Invalid block definition": "a block header has no `=`: write `type \"label\" {`",
  "Missing expression": "give the argument a value after `=`",
};

/** Builds the `HCL_SYNTAX` error for a failure of hcl2json on `path`. */
export function hclSyntaxError(path: string, failure: unknown): TerraceError {
  const message = (failure instanceof Error ? failure.message : String(failure)).replace(
    /^Error: /,
    "",
  );
  const diagnostic = firstDiagnostic(path, message);
  if (!diagnostic) {
    return new TerraceError("HCL_SYNTAX", `syntax error: ${message}`, {
      location: { file: path, line: 1 },
      hint: GENERIC_HINT,
      cause: failure,
    });
  }

  const { summary, detail } = diagnostic;
  const text = detail ? `${summary}; ${detail}` : summary;
  return new TerraceError("HCL_SYNTAX", `syntax error: ${text}`, {
    location: { file: path, line: diagnostic.line },
    hint: HINTS[summary] ?? GENERIC_HINT,
    cause: failure,
  });
}

interface Diagnostic {
  line: number;
  summary: string;
  detail: string;
}

/** Reads the first `<file>:<line>,<col>-<range>: <summary>; <detail>` of the list. */
function firstDiagnostic(path: string, message: string): Diagnostic | undefined {
  const range = String.raw`:(\d+),\d+-(?:\d+,)?\d+: `;
  const file = escapeRegExp(path);
  const pattern = new RegExp(`\\[${file}${range}(.*?)(?= ${file}${range}|\\]$)`, "s");
  const match = pattern.exec(message);
  if (!match) return undefined;

  const body = (match[2] ?? "").replace(/\s+/g, " ").trim();
  const split = body.indexOf("; ");
  return {
    line: Number(match[1]),
    summary: split < 0 ? body : body.slice(0, split),
    detail: split < 0 ? "" : body.slice(split + 2),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
