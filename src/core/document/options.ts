/**
 * Options considered: the list items (first line) or sub-headings of the
 * options section(s), MADR's "Considered Options" included; else the option
 * sub-headings of "Pros and Cons of the Options"; else the options of a
 * decision matrix.
 */
import type { List } from 'mdast';
import type { DecisionMatrix, OptionConsidered } from './model.js';
import { sectionKeyFor } from './headings.js';
import { plainText } from './plain-text.js';
import type { Block, SectionSpan } from './sections.js';
import { isGuidanceOnly } from './sections.js';

/** Every option named in the document, deduplicated by name, in document order. */
export function readOptions(blocks: Block[], spans: SectionSpan[], matrices: DecisionMatrix[]): OptionConsidered[] {
  const fromOptions = collect(blocks, spans, 'options');
  if (fromOptions.length > 0) return fromOptions;
  const fromProsCons = collect(blocks, spans, 'pros-cons');
  if (fromProsCons.length > 0) return fromProsCons;
  const out: OptionConsidered[] = [];
  const seen = new Set<string>();
  for (const matrix of matrices) {
    for (const name of matrix.options) {
      if (seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      out.push({ name, line: matrix.line, column: matrix.column });
    }
  }
  return out;
}

function collect(blocks: Block[], spans: SectionSpan[], key: 'options' | 'pros-cons'): OptionConsidered[] {
  const out: OptionConsidered[] = [];
  const seen = new Set<string>();
  const add = (raw: string, line: number, column: number): void => {
    const name = raw.split('\n')[0]!.replace(/\s+/g, ' ').trim();
    // "[option 1]" and "{title of option 1}" are the template's, not options.
    if (name === '' || isGuidanceOnly(name)) return;
    const id = name.toLowerCase();
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ name: name.length > 200 ? `${name.slice(0, 199)}…` : name, line, column });
  };
  for (const span of spans) {
    if (span.section.key !== key) continue;
    // Options are either sub-headings one level down or the items of the first list before any sub-heading.
    const subDepth = blocks.slice(span.start + 1, span.end).find((b) => b.node.type === 'heading');
    let listDone = false;
    for (let b = span.start + 1; b < span.end; b += 1) {
      const block = blocks[b]!;
      const node = block.node;
      if (node.type === 'heading') {
        // A sub-heading the review knows ("Pros and cons", "Decision") is structure, not an option.
        if (subDepth && subDepth.node.type === 'heading' && node.depth === subDepth.node.depth && sectionKeyFor(block.text) === null) {
          add(block.text, block.line, block.column);
        }
        listDone = true;
      } else if (node.type === 'list' && !listDone && !subDepth) {
        for (const item of (node as List).children) {
          const first = item.children[0];
          if (first) add(plainText(first), item.position?.start.line ?? block.line, item.position?.start.column ?? block.column);
        }
        listDone = true;
      }
    }
  }
  return out;
}
