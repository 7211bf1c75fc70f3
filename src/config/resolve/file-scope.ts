/**
 * Evaluation of one HCL file from one frame: its locals, its attributes and its blocks, each
 * computed on first use, with the file and line of every value recorded by JSON pointer.
 *
 * The result has the shape `render-json` prints: attributes under their names, an unlabeled
 * block as an object (`terraform`), labeled blocks as an object keyed by label (`dependency`,
 * `generate`, `before_hook`), nested blocks likewise inside their parent block.
 */
import { dirname } from "node:path";

import { TerraceError, type SourceLocation } from "../../errors.js";
import { evaluateRaw, evaluateTemplate, type Scope } from "../expr/index.js";
import type { CallContext, FunctionTable } from "../functions/types.js";
import type { Attribute, Block, Body, HclFile, RawValue } from "../hcl/model.js";
import { isObject, type Value, type ValueObject } from "../value.js";
import type { Frame } from "./frame.js";
import { LazyMembers, type EvaluationStack, type Member } from "./lazy.js";
import { childPointer } from "./pointer.js";

/** The variables a file sees besides its own locals; each may be absent. */
export interface Namespaces {
  include?: () => Member;
  dependency?: () => Member;
  feature?: () => Member;
}

/** Blocks that may appear at most once per body. */
const SINGLE_BLOCKS = new Set([
  "terraform", "remote_state", "dependencies", "exclude", "errors", "engine", "catalog", "locals",
]);

/** One file evaluated from one frame. */
export class FileScope implements Scope {
  readonly context: CallContext;
  readonly locals: LazyMembers;
  /** Top-level attributes and block groups of the file, computed on first use. */
  readonly members: LazyMembers;
  /** File and line of every value set by this file, by JSON pointer. */
  readonly origins = new Map<string, SourceLocation>();
  private readonly localAttributes = new Map<string, Attribute>();
  private readonly topLevel = new Map<string, Attribute | Block[]>();
  private whole: ValueObject | undefined;

  constructor(
    readonly file: HclFile,
    readonly frame: Frame,
    readonly functions: FunctionTable,
    private readonly namespaces: Namespaces,
    stack: EvaluationStack,
  ) {
    this.context = {
      baseDir: dirname(file.path),
      renderTemplate: (text, variables) => evaluateTemplate(text, templateScope(this, variables)),
    };
    this.indexBody(file.body);

    const localNames = [...this.localAttributes.keys()];
    this.locals = new LazyMembers(stack, () => localNames, (name) => this.evaluateLocal(name),
      (name) => `local.${name}`);
    const names = [...this.topLevel.keys()];
    this.members = new LazyMembers(stack, () => names, (name) => this.evaluateMember(name),
      (name) => name);
  }

  variable(name: string): Member | undefined {
    switch (name) {
      case "local":
        return this.locals.object;
      case "include":
        return this.namespaces.include?.();
      case "dependency":
        return this.namespaces.dependency?.();
      case "feature":
        return this.namespaces.feature?.();
      default:
        return undefined;
    }
  }

  /** Names of the file's top-level attributes and block types, in declaration order. */
  memberNames(): string[] {
    return [...this.topLevel.keys()];
  }

  /** The file's blocks of one type, in declaration order. */
  blocks(type: string): Block[] {
    const entry = this.topLevel.get(type);
    return Array.isArray(entry) ? entry : [];
  }

  /** The file's top-level attribute of that name. */
  attribute(name: string): Attribute | undefined {
    const entry = this.topLevel.get(name);
    return entry !== undefined && !Array.isArray(entry) ? entry : undefined;
  }

  /** Evaluates a raw value set at `line`; errors are placed at that line of this file. */
  evaluate(raw: RawValue, line: number): Value {
    try {
      return evaluateRaw(raw, this);
    } catch (error) {
      if (error instanceof TerraceError) throw error.at({ file: this.file.path, line });
      throw error;
    }
  }

  /** Evaluates a block's body into an object, recording origins under `pointer`. */
  evaluateBlock(block: Block, pointer: string): ValueObject {
    this.origins.set(pointer, this.location(block.line));
    return this.evaluateBody(block.body, pointer);
  }

  /** Every member computed: the file's whole configuration. */
  value(): ValueObject {
    return (this.whole ??= this.members.object.force());
  }

  location(line: number): SourceLocation {
    return { file: this.file.path, line };
  }

  private indexBody(body: Body): void {
    for (const attribute of body.attributes) this.topLevel.set(attribute.name, attribute);
    for (const block of body.blocks) {
      if (block.type === "locals") {
        if (this.topLevel.has("locals")) throw this.duplicateBlock(block);
        for (const local of block.body.attributes) this.localAttributes.set(local.name, local);
      }
      const group = this.topLevel.get(block.type);
      if (group !== undefined && !Array.isArray(group)) throw this.duplicateBlock(block);
      if (group === undefined) this.topLevel.set(block.type, [block]);
      else group.push(block);
    }
  }

  private evaluateLocal(name: string): Value | undefined {
    const attribute = this.localAttributes.get(name);
    if (attribute === undefined) return undefined;
    const value = this.evaluate(attribute.value, attribute.line);
    this.origins.set(childPointer("/locals", name), this.location(attribute.line));
    return value;
  }

  private evaluateMember(name: string): Member | undefined {
    const entry = this.topLevel.get(name);
    if (entry === undefined) return undefined;
    const pointer = childPointer("", name);
    if (!Array.isArray(entry)) return this.evaluateAttribute(entry, pointer);
    if (name === "locals") {
      this.origins.set(pointer, this.location(entry[0]?.line ?? 1));
      return this.locals.object.force();
    }
    return this.evaluateBlocks(entry, pointer);
  }

  private evaluateAttribute(attribute: Attribute, pointer: string): Value {
    const value = this.evaluateWithKeyLines(attribute);
    this.origins.set(pointer, this.location(attribute.line));
    if (attribute.keyLines && isObject(value)) {
      for (const [key, line] of Object.entries(attribute.keyLines)) {
        this.origins.set(childPointer(pointer, key), this.location(line));
      }
    }
    return value;
  }

  /** An object literal key by key, so that an error names the line of its key. */
  private evaluateWithKeyLines(attribute: Attribute): Value {
    const { value: raw, keyLines } = attribute;
    if (keyLines === undefined || !isObject(raw)) return this.evaluate(raw, attribute.line);
    const result: ValueObject = {};
    for (const [key, member] of Object.entries(raw)) {
      Object.assign(result, this.evaluate({ [key]: member }, keyLines[key] ?? attribute.line));
    }
    return result;
  }

  /**
   * Blocks of one type: one unlabeled block as an object, labeled ones keyed by label. A bare
   * block beside labeled ones of its type (`include {}` next to `include "env" {}`) is keyed
   * by the empty label, as terragrunt relabels a bare include.
   */
  private evaluateBlocks(blocks: Block[], pointer: string): ValueObject {
    const first = blocks[0];
    if (first === undefined) return {};
    const labeled = blocks.some((block) => block.labels.length > 0);
    if (!labeled || SINGLE_BLOCKS.has(first.type)) {
      if (blocks.length > 1) throw this.duplicateBlock(blocks[1] as Block);
      return this.evaluateBlock(first, pointer);
    }

    const result: ValueObject = {};
    for (const block of blocks) {
      const label = block.labels.join(".");
      if (label in result) throw this.duplicateBlock(block);
      result[label] = this.evaluateBlock(block, childPointer(pointer, label));
    }
    return result;
  }

  private evaluateBody(body: Body, pointer: string): ValueObject {
    const result: ValueObject = {};
    for (const attribute of body.attributes) {
      result[attribute.name] = this.evaluateAttribute(attribute, childPointer(pointer, attribute.name));
    }
    const groups = new Map<string, Block[]>();
    for (const block of body.blocks) {
      const group = groups.get(block.type);
      if (group === undefined) groups.set(block.type, [block]);
      else group.push(block);
    }
    for (const [type, blocks] of groups) {
      result[type] = this.evaluateBlocks(blocks, childPointer(pointer, type));
    }
    return result;
  }

  private duplicateBlock(block: Block): TerraceError {
    const name = [block.type, ...block.labels.map((label) => `"${label}"`)].join(" ");
    return new TerraceError("SCHEMA", `duplicate block ${name}: only one is allowed per file`, {
      location: this.location(block.line),
      hint: "merge the two blocks into one, or give labeled blocks distinct labels",
    });
  }
}

/** The scope of a template file rendered by `templatefile`: its variables and functions only. */
function templateScope(parent: FileScope, variables: Record<string, Value>): Scope {
  return {
    variable: (name) => (name in variables ? variables[name] : undefined),
    functions: parent.functions,
    context: parent.context,
  };
}
