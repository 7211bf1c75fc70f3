/**
 * The parts of a unit's resolved configuration that shape its working directory, read into
 * typed settings. The schema has already checked the types, so a value of the wrong type can
 * only be absent here; defaults follow terragrunt (`comment_prefix = "# "`, signature on,
 * `copy_terraform_lock_file = true`, `if_disabled = "skip"`).
 */
import { childPointer } from "../../config/resolve/pointer.js";
import { isObject, type Value, type ValueObject } from "../../config/value.js";

/** What a generate block does when its file already exists. */
export type IfExists = "overwrite" | "overwrite_terragrunt" | "skip" | "error";

/** What a disabled generate block does with a file of its path. */
export type IfDisabled = "remove" | "remove_terragrunt" | "skip";

/** One `generate` block (or member of a `generate` attribute map). */
export interface GenerateSetting {
  label: string;
  path: string;
  ifExists: IfExists;
  contents: string;
  commentPrefix: string;
  signature: boolean;
  disabled: boolean;
  ifDisabled: IfDisabled;
  /** The JSON pointer of the block, for its origin. */
  pointer: string;
}

/** The `remote_state` block. */
export interface RemoteStateSetting {
  backend: string;
  config: ValueObject;
  generate: { path: string; ifExists: IfExists } | undefined;
  disableInit: boolean;
}

/** Everything `prepareWorkdir` reads from a unit's configuration. */
export interface WorkdirSettings {
  source: string | undefined;
  includeInCopy: string[];
  excludeFromCopy: string[];
  copyLockFile: boolean;
  generate: GenerateSetting[];
  remoteState: RemoteStateSetting | undefined;
  downloadDir: string | undefined;
}

const IF_EXISTS: readonly IfExists[] = ["overwrite", "overwrite_terragrunt", "skip", "error"];
const IF_DISABLED: readonly IfDisabled[] = ["remove", "remove_terragrunt", "skip"];

/** The working-directory settings of a resolved configuration. */
export function workdirSettings(config: ValueObject): WorkdirSettings {
  const terraform = isObject(config.terraform) ? config.terraform : {};
  return {
    source: text(terraform.source),
    includeInCopy: strings(terraform.include_in_copy),
    excludeFromCopy: strings(terraform.exclude_from_copy),
    copyLockFile: terraform.copy_terraform_lock_file !== false,
    generate: generateSettings(config.generate),
    remoteState: remoteStateSetting(config.remote_state),
    downloadDir: text(config.download_dir),
  };
}

function generateSettings(value: Value | undefined): GenerateSetting[] {
  if (!isObject(value)) return [];
  const blocks: GenerateSetting[] = [];
  for (const [label, block] of Object.entries(value)) {
    if (!isObject(block)) continue;
    blocks.push({
      label,
      path: text(block.path) ?? label,
      ifExists: oneOf(block.if_exists, IF_EXISTS, "error"),
      contents: text(block.contents) ?? "",
      commentPrefix: text(block.comment_prefix) ?? "# ",
      signature: block.disable_signature !== true,
      disabled: block.disable === true,
      ifDisabled: oneOf(block.if_disabled, IF_DISABLED, "skip"),
      pointer: childPointer("/generate", label),
    });
  }
  return blocks;
}

function remoteStateSetting(value: Value | undefined): RemoteStateSetting | undefined {
  if (!isObject(value)) return undefined;
  const backend = text(value.backend);
  if (backend === undefined) return undefined;
  const generate = isObject(value.generate) ? value.generate : {};
  const path = text(generate.path);
  const ifExists = oneOf(generate.if_exists, IF_EXISTS, "error");
  return {
    backend,
    config: isObject(value.config) ? value.config : {},
    generate: path === undefined ? undefined : { path, ifExists },
    disableInit: value.disable_init === true,
  };
}

function text(value: Value | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function strings(value: Value | undefined): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string");
}

function oneOf<T extends string>(value: Value | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}
