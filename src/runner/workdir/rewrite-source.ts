/**
 * `--source` and `--source-map`, applied to a unit's `terraform.source` before it is fetched.
 *
 * `--source` replaces the whole address; when it names no `//subdir` of its own, the unit's
 * subdir is appended, as terragrunt does for a run over many units (each unit then runs its own
 * module out of the one checkout). `--source-map` replaces a prefix of the root: the longest
 * key that equals the root, or is followed in it by `/`, wins; a `git::` on either side is
 * ignored when matching. The unit's subdir is kept, and its query too unless the replacement
 * brings one. The replacement decides the kind of source: a plain path is copied, a `git::`
 * URL is cloned.
 */
import { joinSource, splitSource } from "./source-address.js";

/** The command-line settings that change where a unit's source comes from. */
export interface SourceRewrite {
  sourceOverride?: string | undefined;
  sourceMap?: Readonly<Record<string, string>> | undefined;
}

/** `source` with `--source` or else `--source-map` applied. */
export function rewriteSource(source: string, rewrite: SourceRewrite): string {
  const parts = splitSource(source);
  if (rewrite.sourceOverride !== undefined) {
    const override = splitSource(rewrite.sourceOverride);
    if (override.subdir !== "" || parts.subdir === "") return rewrite.sourceOverride;
    return joinSource({ ...override, subdir: parts.subdir });
  }

  const root = bare(parts.root);
  let match: { prefix: string; replacement: string } | undefined;
  for (const [key, replacement] of Object.entries(rewrite.sourceMap ?? {})) {
    const prefix = bare(splitSource(key).root);
    if (prefix === "") continue;
    const matches = root === prefix || root.startsWith(`${prefix}/`);
    if (matches && prefix.length > (match?.prefix.length ?? -1)) match = { prefix, replacement };
  }
  if (match === undefined) return source;

  const target = splitSource(match.replacement);
  return joinSource({
    root: `${target.root}${root.slice(match.prefix.length)}`,
    subdir: [target.subdir, parts.subdir].filter((part) => part !== "").join("/"),
    query: target.query === "" ? parts.query : target.query,
  });
}

function bare(root: string): string {
  return root.replace(/^git::/, "").replace(/\/+$/, "");
}
