/**
 * Terragrunt's error patterns are Go (RE2) regular expressions. Most read the same in
 * JavaScript; the differences that appear in real lists are handled here: leading flag groups
 * such as `(?s)` or `(?is)` become RegExp flags, `(?P<name>` becomes `(?<name>`, and `\A` / `\z`
 * become input anchors. Matching is unanchored, as Go's MatchString is.
 */
import { TerraceError, type SourceLocation } from "../../errors.js";

const GO_FLAGS: Record<string, string> = { s: "s", i: "i", m: "m" };

/** `pattern` as a RegExp; a TerraceError at `location` when it is not a valid pattern. */
export function compileGoRegex(pattern: string, location: SourceLocation | undefined): RegExp {
  let body = pattern;
  const flags = new Set<string>();
  for (let group = /^\(\?([a-zA-Z]+)\)/.exec(body); group !== null; group = /^\(\?([a-zA-Z]+)\)/.exec(body)) {
    for (const flag of group[1] ?? "") {
      const translated = GO_FLAGS[flag];
      if (translated === undefined) throw invalid(pattern, `the flag (?${flag}) is not supported`, location);
      flags.add(translated);
    }
    body = body.slice(group[0].length);
  }
  body = body.replaceAll("(?P<", "(?<").replaceAll("\\A", "(?<![\\s\\S])")
    .replaceAll("\\z", "(?![\\s\\S])");

  try {
    return new RegExp(body, [...flags].join(""));
  } catch (error) {
    const reason = error instanceof Error
      ? error.message.replace(/^Invalid regular expression: /, "")
      : String(error);
    throw invalid(pattern, reason, location);
  }
}

function invalid(pattern: string, reason: string, location: SourceLocation | undefined): TerraceError {
  const message = `${JSON.stringify(pattern)} is not a valid regular expression: ${reason}`;
  return new TerraceError("SCHEMA", message, {
    location,
    hint: "write a Go (RE2) regular expression; flags such as (?s), (?i) and (?m) may only open the pattern",
  });
}
