/**
 * terragrunt's path functions. They take the point of view of the frame's config file: the
 * unit's own file even while evaluating an included parent, and the read file inside
 * `read_terragrunt_config`.
 */
import { dirname, join, relative, resolve } from "node:path";

import { TerraceError } from "../../errors.js";
import type { HclFunction } from "../functions/types.js";
import { terragruntDir, type Frame, type IncludeRef } from "../resolve/frame.js";
import { arity, stringArg, type FunctionEnv } from "./env.js";

/** terragrunt gives up after this many parent folders. */
const MAX_FOLDERS = 100;

/** The path functions bound to one evaluation. */
export function pathFunctions(env: FunctionEnv): Map<string, HclFunction> {
  const { frame } = env;
  return new Map<string, HclFunction>([
    ["find_in_parent_folders", (args) => findInParentFolders(env, args)],
    ["get_terragrunt_dir", (args) => {
      arity("get_terragrunt_dir", args, 0);
      return terragruntDir(frame);
    }],
    ["get_original_terragrunt_dir", (args) => {
      arity("get_original_terragrunt_dir", args, 0);
      frame.usage.originalDir = true;
      return frame.originalDir;
    }],
    ["get_parent_terragrunt_dir", (args) => {
      arity("get_parent_terragrunt_dir", args, 0, 1);
      const include = selectInclude(frame, args, "get_parent_terragrunt_dir");
      return include === undefined ? terragruntDir(frame) : dirname(include.path);
    }],
    ["path_relative_to_include", (args) => {
      arity("path_relative_to_include", args, 0, 1);
      const include = selectInclude(frame, args, "path_relative_to_include");
      if (include === undefined) return ".";
      return relative(dirname(include.path), terragruntDir(frame)) || ".";
    }],
    ["path_relative_from_include", (args) => {
      arity("path_relative_from_include", args, 0, 1);
      const include = selectInclude(frame, args, "path_relative_from_include");
      if (include === undefined) return ".";
      return relative(terragruntDir(frame), dirname(include.path)) || ".";
    }],
  ]);
}

function findInParentFolders(env: FunctionEnv, args: Parameters<HclFunction>[0]): string {
  arity("find_in_parent_folders", args, 0, 2);
  const name = args.length > 0 ? stringArg("find_in_parent_folders", args, 0) : "";
  const target = name === "" ? "terragrunt.hcl" : name;
  const start = terragruntDir(env.frame);
  const key = `${start}\0${target}`;

  let found = env.context.parentFolders.get(key);
  if (found === undefined) {
    found = searchUpwards(start, target, env.context.exists);
    env.context.parentFolders.set(key, found);
  }
  if (found !== null) return found;
  if (args.length === 2) return stringArg("find_in_parent_folders", args, 1);

  throw new TerraceError("PARENT_NOT_FOUND",
    `find_in_parent_folders: no "${target}" in any folder above ${start}`, {
      hint: `create ${target} in a parent folder, or pass a fallback as the second argument`,
    });
}

/** The first `<parent>/<name>` that exists, starting at the parent of `start`. */
function searchUpwards(start: string, name: string, exists: (path: string) => boolean): string | null {
  let previous = resolve(start);
  for (let level = 0; level < MAX_FOLDERS; level += 1) {
    const current = dirname(previous);
    if (current === previous) return null;
    const candidate = join(current, name);
    if (exists(candidate)) return candidate;
    previous = current;
  }
  return null;
}

/**
 * The include a label-taking function refers to: while evaluating a parent, the include that
 * brought it in; in the unit's own file, the labeled one, or the only one.
 */
function selectInclude(frame: Frame, args: Parameters<HclFunction>[0], name: string):
  IncludeRef | undefined {
  if (frame.via !== undefined) return frame.via;
  if (frame.includes.length === 0) return undefined;
  if (args.length === 0) {
    if (frame.includes.length === 1) return frame.includes[0];
    throw new TerraceError("FUNCTION_CALL",
      `${name}: this file has ${frame.includes.length} include blocks; name the one you mean`, {
        hint: `pass the include's label, e.g. ${name}("root")`,
      });
  }
  const label = stringArg(name, args, 0);
  const include = frame.includes.find((candidate) => candidate.label === label);
  if (include !== undefined) return include;
  throw new TerraceError("FUNCTION_CALL", `${name}: no include block labeled "${label}"`, {
    hint: `labels in this file: ${frame.includes.map((i) => `"${i.label}"`).join(", ")}`,
  });
}
