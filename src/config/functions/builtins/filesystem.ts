/**
 * Terraform's filesystem functions. Relative paths resolve against the directory of the
 * config that calls them, so a unit's `file("vars.json")` reads the unit's own file
 * wherever terrace was started from. `abspath` follows the same rule, for consistency.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { isObject } from "../../value.js";
import { defineFunction, functionTable } from "./args.js";
import { compareStrings } from "./convert.js";
import { globMatcher, listFiles } from "./glob.js";
import {
  baseName,
  directoryName,
  expandHome,
  readFileArgument,
  readTextArgument,
  resolvePath,
} from "./paths.js";

/** abspath, basename, dirname, file, filebase64, fileexists, fileset, pathexpand, templatefile. */
export const filesystemFunctions = functionTable([
  defineFunction("abspath", "path", (args, context) => resolve(context.baseDir, args.string(0))),
  defineFunction("basename", "path", (args) => baseName(args.string(0))),
  defineFunction("dirname", "path", (args) => directoryName(args.string(0))),
  defineFunction("file", "path", (args, context) => readTextArgument(args, 0, context)),
  defineFunction("filebase64", "path", (args, context) =>
    readFileArgument(args, 0, context).toString("base64"),
  ),
  defineFunction("fileexists", "path", (args, context) => {
    const path = resolvePath(context, args.string(0));
    try {
      if (statSync(path).isDirectory()) args.fail(`${path} is a directory, not a file`);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return false;
      throw error;
    }
  }),
  defineFunction("fileset", "path, pattern", (args, context) => {
    const root = resolvePath(context, args.string(0));
    const matches = globMatcher(args.string(1));
    return listFiles(root).filter(matches).sort(compareStrings);
  }),
  defineFunction("pathexpand", "path", (args) => expandHome(args.string(0))),
  defineFunction("templatefile", "path, variables", (args, context) => {
    const variables = args.value(1);
    if (!isObject(variables)) return args.expected(1, "a map of template variables");
    const text = readTextArgument(args, 0, context);
    return context.renderTemplate(text, variables);
  }),
]);
