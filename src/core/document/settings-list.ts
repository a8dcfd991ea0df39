/**
 * An "Options" heading over the options of an API or a tool (JSON fields,
 * configuration keys, flags: "- `max_bytes` (int): …") documents the design;
 * it does not list alternatives that were weighed. Read from the section's
 * blocks once, so the cost is linear in the section.
 */
import type { List, ListItem, RootContent } from 'mdast';

/** What this reads of a section's blocks (sections.ts's Block): taken by shape, so the two files do not import each other. */
interface BlockText {
  node: RootContent;
  text: string;
}

// Words that say the list documents settings: "fields of the JSON payload", "configuration keys".
const SETTINGS_WORDS =
  /\b(?:fields?|keys?|json|payload|parameters?|propert(?:y|ies)|flags?|settings?|attributes?|arguments?|config(?:uration)?)\b/i;
// A type note right after the name: "(int)", "(string, optional)", "(uint64[])".
const TYPE_NOTE = /^\s?\([\w[\]<>|,.? ]{1,40}\)/;

/** Whether a list item starts with a code span (`seq` is …) and gives it a type ((int)). */
function readItem(item: ListItem): { named: boolean; typed: boolean } {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return { named: false, typed: false };
  const [name, after] = first.children;
  if (!name || name.type !== 'inlineCode') return { named: false, typed: false };
  return { named: true, typed: after?.type === 'text' && TYPE_NOTE.test(after.value) };
}

/**
 * True when the blocks `from` up to `to` (exclusive) document settings: two or
 * more list items, at least half of them, start with a code span naming a
 * field, and the section gives types, a code block (the schema) or words such
 * as "JSON", "fields", "keys". A list of alternatives whose names are code
 * (`NNNN-slug.md` - …) has none of the three.
 */
export function listsSettings(blocks: readonly BlockText[], from: number, to: number): boolean {
  let items = 0;
  let named = 0;
  let typed = false;
  let schema = false;
  let words = false;
  for (let b = from; b < to; b += 1) {
    const block = blocks[b]!;
    const node = block.node;
    if (node.type === 'code') schema = true;
    else if (node.type === 'paragraph') words ||= SETTINGS_WORDS.test(block.text);
    else if (node.type === 'list') {
      for (const item of (node as List).children) {
        items += 1;
        const read = readItem(item);
        if (read.named) named += 1;
        typed ||= read.typed;
      }
    }
  }
  return named >= 2 && named * 2 >= items && (typed || schema || words);
}
