/**
 * Sections in one linear pass over the top-level blocks: each heading owns
 * the blocks up to the next heading of the same or lower depth. Plain text and
 * its line map are computed once per block and joined per section, never by
 * re-walking the tree.
 */
import type { Root, RootContent } from 'mdast';
import type { Section } from './model.js';
import { normalizeHeading, sectionKeyFor } from './headings.js';
import { plainTextWithLines } from './plain-text.js';
import { listsSettings } from './settings-list.js';

/** A top-level block with its plain text, computed once. */
export interface Block {
  node: RootContent;
  text: string;
  /** Source line of each line of `text`. */
  textLines: number[];
  line: number;
  column: number;
  endLine: number;
  /** False for headings and for content that is only template guidance, comments or TODO. */
  meaningful: boolean;
}

/** A section and the range of blocks it owns: heading at `start`, content `start + 1` up to `end` (exclusive). */
export interface SectionSpan {
  section: Section;
  start: number;
  end: number;
}

/** Plain text and position of each top-level block of the tree (front matter excluded). */
export function indexBlocks(tree: Root): Block[] {
  const blocks: Block[] = [];
  for (const node of tree.children) {
    if (node.type === 'yaml' || (node.type as string) === 'toml' || node.type === 'definition') continue;
    const { text, lines } = plainTextWithLines(node);
    blocks.push({
      node,
      text,
      textLines: lines,
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
      endLine: node.position?.end.line ?? 1,
      meaningful: node.type !== 'heading' && isMeaningful(node, text),
    });
  }
  return blocks;
}

function isMeaningful(node: RootContent, text: string): boolean {
  if (node.type === 'html') return /\S/.test(node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, ''));
  if (node.type === 'thematicBreak') return false;
  if (node.type === 'code' || node.type === 'table') return true;
  return !isGuidanceOnly(text);
}

/** Text without this can match none of `isGuidanceOnly`'s replacements (braces, brackets, markers, N/A). */
const REMOVABLE = /[{[]|TODO|TBD|TBA|FIXME|[Nn]\s?\/\s?[Aa]|[Nn]\.[Aa]/;

/**
 * True when text is only template guidance: bracketed or braced hints,
 * TODO/TBD/N.A. markers, punctuation; or it starts with TODO/TBD.
 */
export function isGuidanceOnly(text: string): boolean {
  if (/^\s*(?:TODO|TBD|TBA|FIXME)\b/.test(text)) return true;
  // Most text has nothing the replacements below would remove: skip building four copies of it.
  if (!REMOVABLE.test(text)) return !/[\p{L}\p{N}]/u.test(text);
  const rest = text
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/\[[^[\]]*\]/g, ' ')
    .replace(/\b(?:TODO|TBD|TBA|FIXME)\b/g, ' ')
    .replace(/\bN\s?\/\s?A\b|\bN\.A\.?/gi, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/** The key of a section's heading, read with what the section holds where the heading alone is ambiguous. */
function keyOf(heading: string, blocks: Block[], start: number, end: number): Section['key'] {
  const key = sectionKeyFor(heading);
  // A bare "Options" over an API's settings (`- \`seq\` is …`) documents the design; it weighs no alternatives.
  if (key === 'options' && normalizeHeading(heading) === 'options' && listsSettings(blocks, start + 1, end)) return null;
  return key;
}

/** Build every section (each heading, with its key, text and emptiness) from the blocks. */
export function buildSections(blocks: Block[]): SectionSpan[] {
  // meaningfulBefore[i] = number of meaningful blocks among blocks[0..i), so emptiness is O(1) per section.
  const meaningfulBefore = new Uint32Array(blocks.length + 1);
  for (let i = 0; i < blocks.length; i += 1) {
    meaningfulBefore[i + 1] = meaningfulBefore[i]! + (blocks[i]!.meaningful ? 1 : 0);
  }
  const spans: SectionSpan[] = [];
  // Open sections, innermost last; a heading closes every open one of the same or lower depth.
  const open: { start: number; depth: number }[] = [];
  const close = (start: number, end: number): void => {
    const block = blocks[start]!;
    const heading = block.node as Extract<RootContent, { type: 'heading' }>;
    const parts: string[] = [];
    const textLines: number[] = [];
    for (let i = start + 1; i < end; i += 1) {
      const { text, textLines: lines } = blocks[i]!;
      if (text === '') continue;
      parts.push(text);
      for (const line of lines) textLines.push(line);
    }
    const headingText = block.text.trim();
    spans[indexOfSpan.get(start)!] = {
      start,
      end,
      section: {
        heading: headingText,
        key: keyOf(headingText, blocks, start, end),
        depth: heading.depth,
        line: block.line,
        column: block.column,
        endLine: end > start + 1 ? blocks[end - 1]!.endLine : block.endLine,
        text: parts.join('\n'),
        empty: meaningfulBefore[end]! - meaningfulBefore[start + 1]! === 0,
        textLines,
      },
    };
  };
  // Sections are listed in heading order although they close in a different order.
  const indexOfSpan = new Map<number, number>();
  for (let i = 0; i < blocks.length; i += 1) {
    const node = blocks[i]!.node;
    if (node.type !== 'heading') continue;
    while (open.length > 0 && open[open.length - 1]!.depth >= node.depth) close(open.pop()!.start, i);
    indexOfSpan.set(i, indexOfSpan.size);
    spans.push(undefined as unknown as SectionSpan);
    open.push({ start: i, depth: node.depth });
  }
  while (open.length > 0) close(open.pop()!.start, blocks.length);
  return spans;
}
