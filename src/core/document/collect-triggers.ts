/**
 * Revisit triggers gathered from the three places they are written: each item
 * or sentence of the revisit section, inline sentences elsewhere ("Revisit by
 * 2027-05-01"), and front matter (`revisit:` / `review-by:`). Reading one
 * trigger is revisit-triggers.ts's job; this module only finds the text.
 */
import type { List, ListItem, Table } from 'mdast';
import type { RevisitTrigger } from './model.js';
import type { DocWalk } from './doc-walk.js';
import type { FieldLine } from './field-lines.js';
import { findInlineTriggers, mayHoldInlineTrigger, parseTriggers, triggersFromFrontMatter } from './revisit-triggers.js';
import type { TriggerContext } from './revisit-triggers.js';
import { plainText } from './plain-text.js';
import type { Block, SectionSpan } from './sections.js';
import { startsWithPlaceholder } from './placeholders.js';
import { linesBefore, sentences } from './text-place.js';
import { sourceLocator } from './trigger-place.js';

/** Where to look for triggers. */
export interface TriggerSources {
  blocks: Block[];
  spans: SectionSpan[];
  walk: DocWalk;
  fields: FieldLine[];
  frontMatter: Record<string, unknown> | null;
  frontMatterLine?: number;
  /** The source lines, so a phrase inside a trigger (a vague wish, a second condition) is placed where it is written. */
  lines?: readonly string[];
}

/** Every revisit trigger of the document: section, then inline and field lines, then front matter. */
export function collectTriggers(src: TriggerSources, context: TriggerContext): RevisitTrigger[] {
  const { blocks, spans, walk } = src;
  const ctx: TriggerContext = src.lines && !context.locate ? { ...context, locate: sourceLocator(src.lines) } : context;
  const out: RevisitTrigger[] = [];
  const inRevisit = new Uint8Array(blocks.length);
  for (const span of spans) {
    if (span.section.key !== 'revisit') continue;
    for (let b = span.start + 1; b < span.end; b += 1) {
      if (inRevisit[b]) continue;
      inRevisit[b] = 1;
      const block = blocks[b]!;
      const node = block.node;
      if (node.type === 'list') fromList(node, ctx, out);
      else if (node.type === 'table') fromTable(node, ctx, out);
      else if (node.type === 'paragraph' || node.type === 'blockquote') {
        fromText(block, ctx, out);
      }
    }
  }
  for (const p of walk.paragraphs) {
    // The word test first: it is far cheaper than the placeholder test, and most paragraphs fail it.
    if (inRevisit[p.block] || !mayHoldInlineTrigger(p.text) || startsWithPlaceholder(p.text)) continue;
    out.push(...findInlineTriggers(p.text, { line: p.line, column: p.column }, ctx));
  }
  // `Review date: 2027-01-01` / `Revisit by: Q3 2027` field lines, outside a revisit section.
  for (const f of src.fields) {
    if (f.field !== 'revisit' || startsWithPlaceholder(f.value)) continue;
    if (out.some((t) => t.line === f.line)) continue;
    out.push(...parseTriggers(f.value, { line: f.line, column: f.column }, 'inline', ctx));
  }
  if (src.frontMatter) out.push(...triggersFromFrontMatter(src.frontMatter, src.frontMatterLine ?? 1, ctx));
  return out;
}

function fromList(list: List, ctx: TriggerContext, out: RevisitTrigger[]): void {
  for (const item of list.children) fromItem(item, ctx, out);
}

function fromItem(item: ListItem, ctx: TriggerContext, out: RevisitTrigger[]): void {
  const place = { line: item.position?.start.line ?? 1, column: item.position?.start.column ?? 1 };
  const own = item.children.filter((c) => c.type !== 'list');
  const nested = item.children.filter((c): c is List => c.type === 'list');
  const text = own.map((c) => plainText(c)).join(' ').replace(/\s+/g, ' ').trim();
  // "Scale:" heading a nested list is a group label, not a trigger.
  const isLabel = nested.length > 0 && (text === '' || /:$/.test(text));
  // "TODO: …" and "Scale: TODO: …" are template leftovers (adr-placeholders reports them), not triggers.
  if (text !== '' && !isLabel && !startsWithPlaceholder(text)) out.push(...parseTriggers(text, place, 'section', ctx));
  for (const list of nested) fromList(list, ctx, out);
}

function fromTable(table: Table, ctx: TriggerContext, out: RevisitTrigger[]): void {
  // Row 0 is the header ("Trigger | Threshold | Action").
  for (const row of table.children.slice(1)) {
    const text = row.children.map((c) => plainText(c).trim()).filter((t) => t !== '').join(' | ');
    if (text === '' || startsWithPlaceholder(text)) continue;
    out.push(...parseTriggers(text, { line: row.position?.start.line ?? 1, column: row.position?.start.column ?? 1 }, 'section', ctx));
  }
}

function fromText(block: Block, ctx: TriggerContext, out: RevisitTrigger[]): void {
  const { text, textLines } = block;
  // A paragraph that opens with TODO is template guidance throughout.
  if (startsWithPlaceholder(text)) return;
  for (const s of sentences(text)) {
    if (startsWithPlaceholder(s.text)) continue;
    const offset = linesBefore(text, s.index);
    // The block's line map skips the blank lines between a quote's paragraphs.
    const line = textLines[offset] ?? block.line + offset;
    out.push(...parseTriggers(s.text, { line, column: offset === 0 ? block.column + s.index : 1 }, 'section', ctx));
  }
}
