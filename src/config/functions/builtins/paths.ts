/**
 * Path handling shared by the filesystem and file-hash functions.
 *
 * Relative paths resolve against the directory of the config that calls the function
 * (`context.baseDir`), and a leading `~` means the home directory, as in Terraform. The
 * `dirname` and `basename` rules are Go's, which Terraform exposes: `dirname("foo")` is
 * ".", `basename("/a/b/")` is "b", and an empty path is ".".
 */
import { readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { posix, resolve } from "node:path";
import type { CallContext } from "../types.js";
import type { Args } from "./args.js";

/** `path` with a leading `~` or `~/` replaced by the home directory. */
export function expandHome(path: string): string {
  if (path === "~") return homedir();
  if (path.startsWith("~/")) return posix.join(homedir(), path.slice(2));
  return path;
}

/** The absolute path a path argument names, from the calling config's directory. */
export function resolvePath(context: CallContext, path: string): string {
  return resolve(context.baseDir, expandHome(path));
}

/** Go's path cleaning: no repeated or trailing slashes, `.` and `..` resolved, "" is ".". */
export function cleanPath(path: string): string {
  if (path === "") return ".";
  const normal = posix.normalize(path);
  return normal.length > 1 && normal.endsWith("/") ? normal.slice(0, -1) : normal;
}

/** Go's `filepath.Dir`: everything before the last slash, cleaned. */
export function directoryName(path: string): string {
  const slash = path.lastIndexOf("/");
  if (slash < 0) return ".";
  return cleanPath(path.slice(0, slash + 1));
}

/** Go's `filepath.Base`: the last element, ignoring trailing slashes. */
export function baseName(path: string): string {
  if (path === "") return ".";
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed === "") return "/";
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/**
 * The bytes of the file named by argument `index`. A missing file, a directory or an
 * unreadable file is this function's error naming the resolved path.
 */
export function readFileArgument(args: Args, index: number, context: CallContext): Buffer {
  const path = resolvePath(context, args.string(index));
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      return args.fail(`no file at ${path}`, "paths are relative to the directory of the config");
    }
    return args.fail(`cannot read ${path}: ${code ?? String(error)}`);
  }
  if (!isFile) return args.fail(`${path} is a directory, not a file`);

  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return args.fail(`cannot read ${path}: ${code ?? String(error)}`);
  }
}

/** The text of the file named by argument `index`, which must be valid UTF-8. */
export function readTextArgument(args: Args, index: number, context: CallContext): string {
  const bytes = readFileArgument(args, index, context);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const path = resolvePath(context, args.string(index));
    return args.fail(
      `${path} is not valid UTF-8 text`,
      "use filebase64() to read a binary file",
    );
  }
}
