/**
 * Glob matching for `fileset`, with the pattern rules Terraform documents: `*` matches
 * within one path element, `**` across elements (and `**` followed by a slash also matches
 * no directory at all), `?` one character, `{a,b}` either alternative, and `[...]` or
 * `[^...]` a character class. A backslash makes the next character literal.
 *
 * The pattern is compiled to one regular expression over slash-separated relative paths,
 * and the directory tree is walked once. Symbolic links to directories are followed, but
 * each real directory is visited once, so a link cycle cannot make the walk endless.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";

function escapeLiteral(character: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(character) ? `\\${character}` : character;
}

/** The index of the `}` that closes the `{` at `open`, or -1. */
function closingBrace(pattern: string, open: number): number {
  let depth = 0;
  for (let index = open; index < pattern.length; index += 1) {
    if (pattern[index] === "\\") index += 1;
    else if (pattern[index] === "{") depth += 1;
    else if (pattern[index] === "}" && (depth -= 1) === 0) return index;
  }
  return -1;
}

function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < body.length; index += 1) {
    const character = body[index];
    if (character === "\\") index += 1;
    else if (character === "{") depth += 1;
    else if (character === "}") depth -= 1;
    else if (character === "," && depth === 0) {
      parts.push(body.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

function translate(pattern: string): string {
  let source = "";
  for (let index = 0; index < pattern.length; index += 1) {
    const character = pattern[index] ?? "";
    if (character === "*" && pattern[index + 1] === "*") {
      while (pattern[index + 1] === "*") index += 1;
      const atElementStart = index < 2 || pattern[index - 2] === "/";
      if (pattern[index + 1] === "/" && atElementStart) {
        source += "(?:.*/)?";
        index += 1;
      } else {
        source += ".*";
      }
    } else if (character === "*") {
      source += "[^/]*";
    } else if (character === "?") {
      source += "[^/]";
    } else if (character === "[") {
      const close = pattern.indexOf("]", index + 2);
      if (close < 0) {
        source += "\\[";
        continue;
      }
      const body = pattern.slice(index + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\");
      source += `(?!/)[${body}]`;
      index = close;
    } else if (character === "{" && closingBrace(pattern, index) > 0) {
      const close = closingBrace(pattern, index);
      const alternatives = splitAlternatives(pattern.slice(index + 1, close));
      source += `(?:${alternatives.map(translate).join("|")})`;
      index = close;
    } else if (character === "\\" && index + 1 < pattern.length) {
      index += 1;
      source += escapeLiteral(pattern[index] ?? "");
    } else {
      source += escapeLiteral(character);
    }
  }
  return source;
}

/** A matcher for slash-separated relative paths. */
export function globMatcher(pattern: string): (path: string) => boolean {
  const regexp = new RegExp(`^${translate(pattern.replace(/^\.\//, ""))}$`, "u");
  return (path) => regexp.test(path);
}

function isDirectory(directory: string, entry: Dirent): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(join(directory, entry.name)).isDirectory();
  } catch {
    return false;
  }
}

function isFile(directory: string, entry: Dirent): boolean {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(join(directory, entry.name)).isFile();
  } catch {
    return false;
  }
}

/** Every file under `root`, as slash-separated paths relative to it; [] if it is absent. */
export function listFiles(root: string): string[] {
  const files: string[] = [];
  const visited = new Set<string>();

  const walk = (directory: string, prefix: string): void => {
    let entries: Dirent[];
    try {
      const real = realpathSync(directory);
      if (visited.has(real)) return;
      visited.add(real);
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const relative = prefix + entry.name;
      if (isDirectory(directory, entry)) walk(join(directory, entry.name), `${relative}/`);
      else if (isFile(directory, entry)) files.push(relative);
    }
  };

  walk(root, "");
  return files;
}
