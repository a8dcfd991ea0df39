/**
 * Where a drafted Revisit Triggers section goes in a record, and the record
 * with it: where the record's format puts it (before MADR's "More
 * Information", else after the top-level section holding the consequences,
 * as Nygard's records end, else after the decision, else at the end), at the
 * depth of the record's own sections, in the record's own line endings.
 * Every other byte of the file stays as it was.
 */
import type { DecisionDoc, Section } from '../document/model.js';

/** The heading the drafted section gets (the name `new` writes, so the review knows it). */
export const REVISIT_HEADING = 'Revisit Triggers';

const CONSEQUENCE_KEYS = new Set(['consequences', 'positive-consequences', 'negative-consequences']);

/** The record's text with the section inserted, and the 1-based line its heading lands on. */
export function insertRevisitSection(source: string, doc: DecisionDoc, items: readonly string[]): { text: string; line: number } {
  // Split on LF only: a CRLF line keeps its CR, so untouched lines come back byte for byte.
  const lines = source.split('\n');
  const crlf = /\r\n/.test(source) && !/(^|[^\r])\n/.test(source);
  const cr = crlf ? '\r' : '';
  const depth = baseDepth(doc.sections);
  const end = endOfContent(lines);
  const at = Math.min(insertionIndex(doc.sections, depth, end), end);
  const prevBlank = at === 0 || lines[at - 1]!.trim() === '';
  const nextBlank = at >= end || lines[at]!.trim() === '';
  const block = [
    ...(prevBlank ? [] : ['']),
    `${'#'.repeat(depth)} ${REVISIT_HEADING}`,
    '',
    ...items.map((item) => `- ${item}`),
    ...(nextBlank ? [] : ['']),
  ].map((line) => line + cr);
  const before = lines.slice(0, at);
  if (at === lines.length && at > 0) {
    // The end of a file without a final newline: its last line gets one, the block's last line none.
    before[at - 1] += cr;
    block[block.length - 1] = block[block.length - 1]!.slice(0, block[block.length - 1]!.length - cr.length);
  }
  return { text: [...before, ...block, ...lines.slice(at)].join('\n'), line: at + (prevBlank ? 1 : 2) };
}

/** The depth of the record's top-level sections (`##` under a `#` title), 2 when it has none. */
function baseDepth(sections: readonly Section[]): number {
  const depths = sections.map((s) => s.depth).filter((d) => d >= 2);
  return depths.length > 0 ? Math.min(...depths) : 2;
}

/** 0-based index of the line the section goes before. */
function insertionIndex(sections: readonly Section[], depth: number, end: number): number {
  // A top-level More Information only: MADR 4's "### Confirmation" under Decision Outcome reads as one too.
  const more = sections.find((s) => s.key === 'more-information' && s.depth <= depth);
  if (more) return more.line - 1;
  const anchor = [...sections].reverse().find((s) => s.key !== null && CONSEQUENCE_KEYS.has(s.key)) ?? sections.find((s) => s.key === 'decision');
  if (anchor) {
    // The top-level section that holds the anchor: MADR puts Consequences under "Decision Outcome".
    const top = sections.find((s) => s.depth <= depth && s.line <= anchor.line && anchor.line <= s.endLine && s.depth >= 2) ?? anchor;
    return top.endLine;
  }
  return end;
}

/** The index past the last line, before the final newline's empty string. */
function endOfContent(lines: readonly string[]): number {
  return lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
}
