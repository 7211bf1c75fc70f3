/**
 * Where an evaluation stands: which unit started it and which file's point of view the path
 * functions take. terragrunt evaluates an included parent file from the child's point of
 * view (`get_terragrunt_dir()` is the child's directory), and a file read with
 * `read_terragrunt_config` from its own.
 */
import { dirname } from "node:path";

/** The include that brought a parent file into a unit. */
export interface IncludeRef {
  label: string;
  /** Absolute path of the included file. */
  path: string;
}

export interface Frame {
  /** The config file whose point of view path functions take. */
  configPath: string;
  /** Directory of the unit that started the resolution. */
  originalDir: string;
  /** The unit's includes, for functions that take an include label. */
  includes: IncludeRef[];
  /** When evaluating an included file: the include that brought it in. */
  via: IncludeRef | undefined;
  /** Set when evaluation asked for the unit's directory; such results are not shared. */
  usage: { originalDir: boolean };
}

/** `get_terragrunt_dir()` of a frame. */
export function terragruntDir(frame: Frame): string {
  return dirname(frame.configPath);
}
