/**
 * Where records write their date besides a `Date:` field: a line under the
 * title that is only a date (`*2018-09-01*`), and the first dated entry of a
 * change log (`## Changelog`, `## Change log`, `## History`, `## Revision
 * history`), which is often the only date a record carries (cometbft, nats).
 */
import type { WrittenText } from './decision-date.js';
import { parseDateText } from './dates.js';
import { normalizeHeading } from './headings.js';
import type { Block, SectionSpan } from './sections.js';

const HISTORY_HEADING =
  /^(?:changelog|change log|change history|changes|history|revision history|revisions|release history|document history|version history|status history|historique|historique des modifications)$/;

/** True when a heading names a change log of the record. */
export function isHistoryHeading(heading: string): boolean {
  return HISTORY_HEADING.test(normalizeHeading(heading));
}

/**
 * A paragraph between the title and the first other heading whose whole text
 * is a date (emphasis and a trailing full stop allowed): the record's date
 * written without a label.
 */
export function dateLineUnderTitle(blocks: Block[]): WrittenText | undefined {
  let afterTitle = false;
  for (const block of blocks) {
    if (block.node.type === 'heading') {
      if (afterTitle || block.node.depth !== 1) return undefined;
      afterTitle = true;
      continue;
    }
    if (!afterTitle || block.node.type !== 'paragraph') continue;
    const text = block.text.trim();
    // Dates are short; skip the regexes on prose.
    if (text.length > 40) continue;
    const found = parseDateText(text);
    if (found && (found.iso || found.ambiguous) && text.replace(found.raw, '').replace(/[\s.,:;()*_-]/g, '') === '') {
      return { text, line: block.line, column: block.column };
    }
  }
  return undefined;
}

/**
 * The first dated entry of the first change-log section, in document order:
 * the first line that holds a readable date, else the first ambiguous one (so
 * `adr-date` can say why it cannot be read).
 */
export function firstHistoryEntry(spans: SectionSpan[], blocks: Block[]): WrittenText | undefined {
  const span = spans.find((s) => isHistoryHeading(s.section.heading));
  if (!span) return undefined;
  let ambiguous: WrittenText | undefined;
  for (let b = span.start + 1; b < span.end; b += 1) {
    const block = blocks[b]!;
    // Entries may be sub-headings (`### November 2nd 2018`), list items or table rows.
    if (block.node.type === 'code') continue;
    const lines = block.text.split('\n');
    for (let i = 0; i < lines.length; i += 1) {
      const found = parseDateText(lines[i]!);
      if (!found) continue;
      const place = { text: found.raw, line: block.textLines[i] ?? block.line, column: 1 };
      if (found.iso) return place;
      if (found.ambiguous) ambiguous ??= place;
    }
  }
  return ambiguous;
}
