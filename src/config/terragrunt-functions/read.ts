/**
 * Functions that read other files: `read_terragrunt_config`, `read_tfvars_file`,
 * `sops_decrypt_file`, and the `mark_as_read`.
 */
import { spawnSync } from "node:child_process";
import { isAbsolute, resolve } from "node:path";

import { TerraceError } from "../../errors.js";
import { evaluateRaw } from "../expr/index.js";
import type { HclFunction } from "../functions/types.js";
import { terragruntDir } from "../resolve/frame.js";
import type { ValueObject } from "../value.js";
import { arity, stringArg, type FunctionEnv } from "./env.js";

/** The file-reading functions bound to one evaluation. */
export function readFunctions(env: FunctionEnv, functions: () => ReadonlyMap<string, HclFunction>):
  Map<string, HclFunction> {
  const fromHere = (path: string): string =>
    isAbsolute(path) ? path : resolve(terragruntDir(env.frame), path);

  return new Map<string, HclFunction>([
    ["read_terragrunt_config", (args) => {
      arity("read_terragrunt_config", args, 1, 2);
      const path = fromHere(stringArg("read_terragrunt_config", args, 0));
      if (args.length === 2 && !env.context.files.exists(path)) return args[1] ?? null;
      return env.readConfig(path);
    }],
    ["read_tfvars_file", (args, context) => {
      arity("read_tfvars_file", args, 1);
      const path = fromHere(stringArg("read_tfvars_file", args, 0));
      if (!env.context.files.exists(path)) {
        throw new TerraceError("FILE_NOT_FOUND", `read_tfvars_file: no file at ${path}`, {
          hint: "check the path; it is taken from the unit's directory",
        });
      }
      const file = env.context.files.get(path);
      const values: ValueObject = {};
      const scope = { variable: () => undefined, functions: functions(), context };
      for (const attribute of file.body.attributes) {
        values[attribute.name] = evaluateRaw(attribute.value, scope);
      }
      return JSON.stringify(values);
    }],
    ["sops_decrypt_file", (args) => {
      arity("sops_decrypt_file", args, 1);
      const path = fromHere(stringArg("sops_decrypt_file", args, 0));
      const result = spawnSync("sops", ["--decrypt", path], {
        env: env.context.options.env as NodeJS.ProcessEnv,
        encoding: "utf8",
      });
      if (result.error !== undefined || result.status !== 0) {
        throw new TerraceError("FUNCTION_CALL", `sops_decrypt_file: cannot decrypt ${path}`, {
          hint: "install sops and make sure its key is available to this shell",
        });
      }
      return result.stdout;
    }],
    ["mark_as_read", (args) => {
      arity("mark_as_read", args, 1);
      return fromHere(stringArg("mark_as_read", args, 0));
    }],
  ]);
}
