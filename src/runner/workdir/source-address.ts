/**
 * Source addresses as terragrunt writes them (go-getter syntax): an optional forced getter
 * (`git::`), the root to download, then `//subdir` for the directory terraform runs in, then a
 * `?query`. The root is downloaded whole so that a module's `../` paths keep working.
 *
 * terrace fetches two kinds: local directories (a path taken from the unit's directory, an
 * absolute path or a `file://` URL; any `?ref=` is ignored) and git repositories (`git::` with
 * any URL git accepts, scp-style `git@host:org/repo.git`, and `github.com/...` or
 * `gitlab.com/...` shorthands, with `?ref=` and `?depth=`).
 */
import { posix, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { TerraceError, type SourceLocation } from "../../errors.js";

/** An address cut into its root, its `//subdir` (without slashes around it) and its query. */
export interface SourceParts {
  root: string;
  subdir: string;
  query: string;
}

/** A source on the local disk. */
export interface LocalSource {
  kind: "local";
  dir: string;
  subdir: string;
}

/** A git repository, at `ref` (tag, branch or commit) or at its default branch. */
export interface GitSource {
  kind: "git";
  url: string;
  ref: string | undefined;
  depth: number | undefined;
  subdir: string;
}

export type SourceAddress = LocalSource | GitSource;

const FORCED_GETTER = /^[A-Za-z0-9]+::/;
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const SCP_LIKE = /^[\w.-]+@[\w.-]+:(?!\/\/)/;
const SHORTHAND_HOST = /^(?:github\.com|gitlab\.com)\//i;
const USERINFO = /\b([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/@\s?#]+)@/g;

/** Cuts `text` into root, subdir and query; the `//` of a URL scheme is not a subdir mark. */
export function splitSource(text: string): SourceParts {
  const mark = text.indexOf("?");
  const query = mark < 0 ? "" : text.slice(mark + 1);
  const address = mark < 0 ? text : text.slice(0, mark);
  const forced = FORCED_GETTER.exec(address)?.[0].length ?? 0;
  const scheme = address.indexOf("://", forced);
  const slashes = address.indexOf("//", scheme < 0 ? forced : scheme + 3);
  if (slashes < 0) return { root: address, subdir: "", query };
  const subdir = address.slice(slashes + 2).replace(/^\/+|\/+$/g, "");
  return { root: address.slice(0, slashes), subdir, query };
}

/** The address made of `parts` again. */
export function joinSource(parts: SourceParts): string {
  const subdir = parts.subdir === "" ? "" : `//${parts.subdir}`;
  return `${parts.root}${subdir}${parts.query === "" ? "" : `?${parts.query}`}`;
}

/**
 * What `text` names; relative local paths are taken from `baseDir`. Errors are placed at
 * `location`, the line that set the source.
 */
export function parseSource(
  text: string,
  baseDir: string,
  location: SourceLocation | undefined,
): SourceAddress {
  const { root, subdir, query } = splitSource(text);
  const fail = (message: string, hint: string) =>
    new TerraceError("SCHEMA", `terraform.source: ${message}`, { location, hint });

  const normalized = posix.normalize(subdir || ".");
  if (posix.isAbsolute(subdir) || normalized === ".." || normalized.startsWith("../")) {
    throw fail(`the subdirectory "${subdir}" after // in ${quote(text)} leads outside the source`,
      "the part after // names a directory inside the downloaded source");
  }

  const url = gitUrl(root);
  if (url !== undefined) {
    const params = new URLSearchParams(query);
    const unknown = [...params.keys()].find((key) => key !== "ref" && key !== "depth");
    if (unknown !== undefined) {
      throw fail(`unknown parameter "${unknown}" in ${quote(text)}`,
        "terrace understands ?ref=<tag, branch or commit> and ?depth=<number of commits>");
    }
    const depth = params.get("depth");
    if (depth !== null && !/^[1-9][0-9]*$/.test(depth)) {
      throw fail(`depth "${depth}" in ${quote(text)} is not a positive whole number`,
        "write ?depth=1, or leave depth out");
    }
    const ref = params.get("ref") || undefined;
    return { kind: "git", url, ref, depth: depth === null ? undefined : Number(depth), subdir };
  }

  if (/^file:\/\//i.test(root)) {
    try {
      return { kind: "local", dir: fileURLToPath(root), subdir };
    } catch {
      throw fail(`${quote(text)} is not a file URL of this machine`,
        "write file:///absolute/path, or a plain path");
    }
  }
  if (FORCED_GETTER.test(root) || URL_SCHEME.test(root)) {
    throw fail(`${quote(text)} is not a kind of source terrace can fetch`,
      "use a local path or a git URL (git::https://..., git::ssh://..., git@host:org/repo.git); "
        + "registry, S3, GCS and HTTP archive sources are not supported");
  }
  return { kind: "local", dir: resolve(baseDir, root), subdir };
}

/** `text` with the secret part of any URL credentials replaced by `***`. */
export function maskCredentials(text: string): string {
  return text.replace(USERINFO, (_match, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(":");
    if (colon >= 0) return `${scheme}${userinfo.slice(0, colon)}:***@`;
    // Over HTTP a lone user name is usually a token (https://TOKEN@host); over SSH it is
    // the account (ssh://git@host) and harmless.
    return /^https?:\/\/$/i.test(scheme) ? `${scheme}***@` : `${scheme}${userinfo}@`;
  });
}

/** The address as messages show it: quoted, credentials masked. */
export function quote(text: string): string {
  return `"${maskCredentials(text)}"`;
}

function gitUrl(root: string): string | undefined {
  if (root.startsWith("git::")) return root.slice("git::".length);
  if (SCP_LIKE.test(root)) return root;
  if (SHORTHAND_HOST.test(root)) return `https://${root}${root.endsWith(".git") ? "" : ".git"}`;
  return undefined;
}
