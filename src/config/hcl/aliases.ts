/**
 * Renames blocks that hcl2json cannot convert, so that every block survives the conversion.
 *
 * hcl2json keys a body's JSON by name, so within one body it fails on blocks of one type
 * with different label counts (a bare `include {}` beside `include "root" {}`) and silently
 * drops a block whose type is also an attribute name there. Terragrunt accepts the first
 * (a bare include is the include named ""), and a block must not vanish unseen.
 *
 * The fix works on a copy of the text: in each body, the blocks of the first label count
 * met keep their type, and each other group (one label count of one type, or all blocks
 * of a type that is also an attribute) gets an alias of the same length as the type, unused
 * in that body, written over the type keyword. Equal lengths keep every line and column
 * where it was, so hcl2json's diagnostics still point into the original text.
 */

import type { OutlineBlock, OutlineBody } from "./outline.js";

/** The text to give hcl2json and, per renamed block, the key its JSON appears under. */
export interface AliasedText {
  text: string;
  aliases: Map<OutlineBlock, string>;
}

/** Renames the blocks of `outline` that hcl2json could not convert as they are. */
export function aliasConflictingBlocks(text: string, outline: OutlineBody): AliasedText {
  const aliases = new Map<OutlineBlock, string>();
  collectAliases(outline, aliases);
  if (aliases.size === 0) return { text, aliases };

  const renames = [...aliases].sort(([a], [b]) => a.offset - b.offset);
  const parts: string[] = [];
  let cursor = 0;
  for (const [block, alias] of renames) {
    parts.push(text.slice(cursor, block.offset), alias);
    cursor = block.offset + block.type.length;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(""), aliases };
}

function collectAliases(body: OutlineBody, aliases: Map<OutlineBlock, string>): void {
  const taken = new Set<string>(body.attributes.map((attribute) => attribute.name));
  for (const block of body.blocks) taken.add(block.type);

  const attributeNames = new Set(body.attributes.map((attribute) => attribute.name));
  const keptLabelCount = new Map<string, number>();
  const groupAlias = new Map<string, string>();
  for (const block of body.blocks) {
    const kept = keptLabelCount.get(block.type);
    if (kept === undefined && !attributeNames.has(block.type)) {
      keptLabelCount.set(block.type, block.labels.length);
    } else if (kept !== block.labels.length) {
      const group = `${block.type} ${block.labels.length}`;
      let alias = groupAlias.get(group);
      if (alias === undefined) {
        alias = freeName(block.type.length, taken);
        taken.add(alias);
        groupAlias.set(group, alias);
      }
      aliases.set(block, alias);
    }
    collectAliases(block.body, aliases);
  }
}

const FIRST = "_abcdefghijklmnopqrstuvwxyz";
const REST = `${FIRST}0123456789`;

/**
 * The first identifier of `length` characters not in `taken`, counting `___`, `__a`, ...
 * A body holds few names, so the search ends after a few steps.
 */
function freeName(length: number, taken: ReadonlySet<string>): string {
  for (let n = 0; ; n++) {
    let rest = n;
    let name = "";
    for (let i = length - 1; i > 0; i--) {
      name = (REST[rest % REST.length] ?? "_") + name;
      rest = Math.floor(rest / REST.length);
    }
    if (rest >= FIRST.length) break;
    name = (FIRST[rest] ?? "_") + name;
    if (!taken.has(name)) return name;
  }
  throw new Error(`no free ${length}-character block name left in this body`);
}
