/**
 * Trade-offs accepted (domain.md section 5): the items or paragraphs of a
 * trade-offs section, plus sentences anywhere that state one ("we give up X
 * in exchange for Y", "at the cost of", "trade-off:").
 */
import type { List } from 'mdast';
import type { Located } from './model.js';
import type { DocWalk } from './doc-walk.js';
import { plainText } from './plain-text.js';
import type { Block, SectionSpan } from './sections.js';
import { isGuidanceOnly } from './sections.js';
import { linesBefore, sentences } from './text-place.js';

const STATEMENT = /\bin exchange for\b|\bat the (?:cost|expense) of\b|\btrade-?offs?\s*(?:accepted\s*)?:|\bwe give up\b|\bin return for\b/i;

/** Every trade-off statement: section items first, then inline sentences elsewhere, in document order. */
export function readTradeOffs(blocks: Block[], spans: SectionSpan[], walk: DocWalk): Located<string>[] {
  const out: Located<string>[] = [];
  const inSection = new Uint8Array(blocks.length);
  for (const span of spans) {
    if (span.section.key !== 'trade-offs') continue;
    for (let b = span.start; b < span.end; b += 1) {
      if (inSection[b]) continue;
      inSection[b] = 1;
      const block = blocks[b]!;
      if (b === span.start || block.node.type === 'heading') continue;
      if (block.node.type === 'list') {
        for (const item of (block.node as List).children) {
          const text = collapse(plainText(item));
          if (text !== '' && !isGuidanceOnly(text)) {
            out.push({ value: text, line: item.position?.start.line ?? block.line, column: item.position?.start.column ?? block.column });
          }
        }
      } else if (block.meaningful && block.node.type !== 'code') {
        out.push({ value: collapse(block.text), line: block.line, column: block.column });
      }
    }
  }
  for (const p of walk.paragraphs) {
    if (inSection[p.block] || !STATEMENT.test(p.text)) continue;
    for (const s of sentences(p.text)) {
      if (!STATEMENT.test(s.text)) continue;
      const offset = linesBefore(p.text, s.index);
      out.push({ value: collapse(s.text), line: p.line + offset, column: offset === 0 ? p.column + s.index : 1 });
    }
  }
  out.sort((a, b) => a.line - b.line || a.column - b.column);
  return out;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
