/**
 * adr-placeholders: template leftovers (`[Date]`, `{date}`, `<!-- optional -->`,
 * TODO/TBD) are reported once per line, at most ten per record (option
 * `maxFindings`) so a raw template does not bury the review; the last finding
 * counts the rest.
 * Placeholders that other checks already report as such (an unfilled title or
 * status) are left to them.
 */
import { z } from 'zod';
import type { Located } from '../document/model.js';
import { isPlaceholderTitle } from './adr-title.js';
import { defineRule } from '../rule-helpers/define-rule.js';

/** A placeholder quoted short enough for a one-line message. */
function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 50 ? `${oneLine.slice(0, 47)}…` : oneLine;
}

export const adrPlaceholders = defineRule(
  {
    id: 'adr-placeholders',
    description: 'An ADR has no template leftovers.',
    help: 'Template guidance left in a record (`[Date]`, `{title}`, `<!-- optional -->`, TODO/TBD) reads as unfinished work: fill it in or delete it.',
    appliesTo: ['adr'],
    defaultSeverity: 'warn',
    scope: 'document',
    messages: {
      placeholder: 'Template placeholder{{plural}} {{names}} left in: fill in or delete{{more}}',
    },
    options: z.strictObject({
      /** Findings per record before the rest are summarised in the last one. */
      maxFindings: z.number().int().min(1).max(1000).default(10),
    }),
  },
  ({ doc }, report, _source, { maxFindings }) => {
    const reportedElsewhere = new Set<number>();
    if (doc.title && isPlaceholderTitle(doc.title.value)) reportedElsewhere.add(doc.title.line);
    if (doc.status?.placeholder) reportedElsewhere.add(doc.status.line);
    // A front-matter date that is template guidance is an `adr-date` problem.
    for (const p of doc.problems) if (p.ruleId === 'adr-date') reportedElsewhere.add(p.line);
    const byLine = new Map<number, Located<string>[]>();
    for (const p of doc.placeholders) {
      if (reportedElsewhere.has(p.line)) continue;
      const list = byLine.get(p.line) ?? [];
      list.push(p);
      byLine.set(p.line, list);
    }
    const lines = [...byLine.entries()].sort((a, b) => a[0] - b[0]);
    const shown = lines.slice(0, maxFindings);
    const rest = lines.length - shown.length;
    shown.forEach(([line, found], i) => {
      const first = found[0]!;
      const names = found.map((p) => `\`${quote(p.value)}\``).join(', ');
      const plural = found.length > 1 ? 's' : '';
      const more = i === shown.length - 1 && rest > 0 ? ` (and ${rest} more line${rest > 1 ? 's' : ''} with placeholders)` : '';
      report('placeholder', { plural, names, more }, { line, column: first.column });
    });
  },
);
