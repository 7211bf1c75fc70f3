/**
 * Resolution of one config file with its includes into its final configuration.
 *
 * Order, as terragrunt's: the unit's include paths first (they may use functions only), then
 * each included file evaluated from the unit's point of view, then the unit's own file, whose
 * locals, dependency blocks and exposed includes are computed when first referenced; then the
 * merge, from the last include to the first, with the unit over all of them. Every value
 * keeps the file and line it came from.
 */

import { TerraceError, type SourceLocation } from "../../errors.js";
import { functionTable } from "../terragrunt-functions/index.js";
import { LazyObject, type Value, type ValueObject } from "../value.js";
import type { ResolveContext } from "./context.js";
import { dependencyNamespace, featureNamespace } from "./dependency.js";
import { FileScope, type Namespaces } from "./file-scope.js";
import type { Frame } from "./frame.js";
import type { HclFile } from "../hcl/model.js";
import type { RoleSettings } from "../unit-config.js";
import { roleSettingsOf, ROLE_SETTINGS } from "../validate/role.js";
import { checkSingleLevel, hasValueAt, readInclude, type Include } from "./include.js";
import type { Member } from "./lazy.js";
import { mergeConfig } from "./merge.js";
import { pointerKeys, pointerPrefixes } from "./pointer.js";

/** One file of a resolved config: the unit's own file, or one of its includes. */
export interface Layer {
  scope: FileScope;
  /** The include that brought the file in; undefined for the unit's own file. */
  include: Include | undefined;
}

/** A config file resolved with its includes. */
export interface ResolvedConfig {
  configPath: string;
  /** The merged configuration: every value of every file, evaluated on first call. */
  value(): ValueObject;
  /** The unit's file first, then its includes from the last to the first: precedence order. */
  layers: Layer[];
  /** Each dependency block merged across files, with its `outputs`. */
  dependencies: LazyObject;
  /** True when the result depends on which unit asked for it. */
  perUnit: boolean;
  /** The file and line that set the value at a JSON pointer, after merging. */
  origin(pointer: string): SourceLocation | undefined;
}

const READS = {};

/**
 * Resolves `configPath` for the unit in `originalDir`; throws `Pending` for unloaded files.
 * `onFile` sees each included file before anything in it is evaluated. `unitRoles`, set for a
 * file read by `read_terragrunt_config`, gives the role settings of the unit that reads it:
 * the identity functions answer for the unit, as terragrunt's do.
 */
export function resolveConfig(
  context: ResolveContext,
  configPath: string,
  originalDir: string,
  onFile?: (file: HclFile) => void,
  unitRoles?: () => RoleSettings | undefined,
): ResolvedConfig {
  const file = context.files.get(configPath);
  const frame: Frame = { configPath, originalDir, includes: [], via: undefined, usage: { originalDir: false } };
  const includes: Include[] = [];
  const parents = new Map<Include, FileScope>();

  let dependencies: LazyObject | undefined;
  const namespaces: Namespaces = {
    include: () => includeNamespace(includes, parents),
    dependency: () => dependencies as LazyObject,
    feature: () => featureNamespace(context, layers()),
  };
  const scopeFor = (fileFrame: Frame, fileNamespaces: Namespaces, target = file): FileScope =>
    new FileScope(target, fileFrame, functionTable({
      frame: fileFrame,
      context,
      readConfig: (path) => readConfig(context, path, fileFrame, roleSettings),
      roleSettings,
    }), fileNamespaces, context.stack);

  const roles = new UnitRoles(() => layers());
  const roleSettings = unitRoles ?? (() => roles.current());
  const unit = scopeFor(frame, namespaces);
  for (const block of unit.blocks("include")) includes.push(readInclude(unit, block));
  frame.includes = includes;

  for (const include of includes) {
    const parentFile = loadIncluded(context, include, unit);
    onFile?.(parentFile);
    const parentFrame: Frame = { ...frame, via: include };
    const parent = scopeFor(parentFrame, { dependency: namespaces.dependency, feature: namespaces.feature }, parentFile);
    checkSingleLevel(parent, include, unit);
    parents.set(include, parent);
  }
  const layers = (): Layer[] => [
    { scope: unit, include: undefined },
    ...[...includes].reverse().map((include) => ({ scope: parents.get(include) as FileScope, include })),
  ];
  dependencies = dependencyNamespace(context, layers());

  let merged: ValueObject | undefined;
  return {
    configPath,
    value: () => (merged ??= mergeLayers(layers())),
    layers: layers(),
    dependencies,
    get perUnit() {
      return frame.usage.originalDir;
    },
    origin: (pointer) => originOf(layers(), pointer),
  };
}

function loadIncluded(context: ResolveContext, include: Include, from: FileScope): HclFile {
  try {
    return context.files.get(include.path);
  } catch (error) {
    if (!(error instanceof TerraceError) || error.code !== "FILE_NOT_FOUND") throw error;
    const name = include.label === "" ? "include" : `include "${include.label}"`;
    throw new TerraceError("INCLUDE", `${name}: no such file ${include.path}`, {
      location: from.location(include.line),
      hint: "check the include path; find_in_parent_folders(\"root.hcl\") finds a file above the unit",
    });
  }
}

/**
 * `include.<label>` for exposed includes. As in terragrunt, a unit whose only include is a
 * bare one sees that file's members at the top (`include.locals`); beside named includes a
 * bare one is `include[""]`.
 */
function includeNamespace(includes: Include[], parents: Map<Include, FileScope>): Member {
  const [only] = includes;
  if (includes.length === 1 && only !== undefined && only.label === "") {
    const scope = only.expose ? parents.get(only) : undefined;
    return new LazyObject((key) => scope?.members.get(key), () => scope?.memberNames() ?? []);
  }

  const exposed = includes.filter((include) => include.expose);
  return new LazyObject(
    (key) => {
      const include = exposed.find((candidate) => candidate.label === key);
      return include === undefined ? undefined : parents.get(include)?.members.object;
    },
    () => exposed.map((include) => include.label),
  );
}

function mergeLayers(layers: Layer[]): ValueObject {
  const [unit, ...parents] = layers;
  let merged = unit?.scope.value() ?? {};
  parents.forEach((layer, index) => {
    const higher = layers.slice(0, index + 1);
    merged = mergeConfig(layer.scope.value(), merged, layer.include?.strategy ?? "shallow",
      (label, side) => side === "parent"
        ? layer.scope.origins.get(`/generate/${label}`)
        : originOf(higher, `/generate/${label}`));
  });
  return merged;
}

/** The origin of a merged value: the first layer, by precedence, that sets it. */
function originOf(layers: Layer[], pointer: string): SourceLocation | undefined {
  const keys = pointerKeys(pointer);
  for (const layer of layers) {
    if (layer.include?.strategy === "no_merge") continue;
    if (!hasValueAt(layer.scope.value(), keys)) continue;
    for (const prefix of pointerPrefixes(pointer)) {
      const origin = layer.scope.origins.get(prefix);
      if (origin !== undefined) return origin;
    }
  }
  return undefined;
}

/** `read_terragrunt_config`: another file resolved from its own point of view, memoised. */
function readConfig(
  context: ResolveContext,
  path: string,
  caller: Frame,
  unitRoles: () => RoleSettings | undefined,
): Value {
  const shared = context.readConfigs.get(path);
  const cached = shared ?? context.readConfigs.get(`${path}\0${caller.originalDir}`);
  if (cached !== undefined) {
    if (cached.perUnit) caller.usage.originalDir = true;
    return cached.value;
  }

  context.stack.enter(READS, path, `read_terragrunt_config("${path}")`);
  try {
    const resolved = resolveConfig(context, path, caller.originalDir, undefined, unitRoles);
    const value: ValueObject = { ...resolved.value(), dependency: resolved.dependencies.force() };
    const key = resolved.perUnit ? `${path}\0${caller.originalDir}` : path;
    context.readConfigs.set(key, { value, perUnit: resolved.perUnit });
    if (resolved.perUnit) caller.usage.originalDir = true;
    return value;
  } finally {
    context.stack.leave();
  }
}

/**
 * The unit's role settings for the identity functions, computed once; undefined while being
 * computed, so that a role ARN built with `get_aws_account_id()` sees the source identity.
 */
class UnitRoles {
  private settings: RoleSettings | undefined;
  private computing = false;

  constructor(private readonly layers: () => Layer[]) {}

  current(): RoleSettings | undefined {
    if (this.settings !== undefined || this.computing) return this.settings;
    this.computing = true;
    try {
      this.settings = roleSettingsOf(this.layers()
        .filter((layer) => layer.include?.strategy !== "no_merge")
        .map((layer) => ({ value: roleValues(layer), locate: () => undefined })));
      return this.settings;
    } finally {
      this.computing = false;
    }
  }
}

/** The role settings one file sets, under whichever spelling it uses. */
export function roleValues(layer: Layer): ValueObject {
  const value: ValueObject = {};
  for (const [name, alias] of Object.entries(ROLE_SETTINGS)) {
    for (const key of alias === undefined ? [name] : [name, alias]) {
      const member = layer.scope.members.get(key);
      if (member !== undefined) value[key] = member as Value;
    }
  }
  return value;
}
