/**
 * Trade-off analysis ADRs (domain.md section 5): a metadata table, options
 * with a weighted decision matrix, recommendation, trade-offs accepted,
 * revisit triggers and a decision record. Weights sometimes do not add up,
 * as in real documents.
 */

import { bulletList, dayToDate, fillSection, formatDate, people, revisitTrigger } from './blocks.js';
import { paragraphLines, sentence, wrap } from './prose.js';
import { CONCERNS, TECH } from './words.js';
import { plainStatus } from './nygard-adr.js';

/** @typedef {import('./random.js').Random} Random */
/** @typedef {import('./plan.js').PlannedDoc} PlannedDoc */
/** @typedef {import('./plan.js').LinkContext} LinkContext */

const CRITERIA = ['Performance', 'Cost', 'Team expertise', 'Time to implement', 'Maintainability', 'Risk', 'Scalability', 'Operational overhead', 'Security', 'Vendor lock-in'];

/**
 * Weights in percent for `n` criteria; usually summing to 100, sometimes not.
 * @param {Random} r
 * @param {number} n
 */
function weights(r, n) {
  const raw = Array.from({ length: n }, () => r.int(1, 6));
  const sum = raw.reduce((a, b) => a + b, 0);
  const pct = raw.map((w) => Math.round((w * 20) / sum) * 5);
  const diff = 100 - pct.reduce((a, b) => a + b, 0);
  if (!r.chance(0.12)) pct[0] += diff;
  return pct.map((p) => Math.max(5, p));
}

/**
 * Lines of one trade-off template ADR.
 * @param {Random} r
 * @param {PlannedDoc} doc
 * @param {LinkContext} ctx
 * @returns {string[]}
 */
export function tradeOffAdr(r, doc, ctx) {
  const width = r.chance(0.3) ? 80 : 0;
  const date = dayToDate(doc.day);
  const num4 = String(doc.number).padStart(4, '0');
  const oneWay = r.chance(0.5);
  const options = r.sample(TECH, r.int(2, 4));
  const criteria = r.sample(CRITERIA, r.int(4, 7));
  const w = weights(r, criteria.length);
  const status = doc.supersededBy
    ? `Superseded by [ADR-${String(doc.supersededBy.number).padStart(4, '0')}](${ctx.link(doc, doc.supersededBy)})`
    : plainStatus(r, date);

  const lines = [`# ADR-${num4}: ${doc.title}`, ''];
  lines.push('| Field | Value |', '|---|---|',
    `| Status | ${status} |`,
    `| Date | ${doc.leftovers && r.chance(0.5) ? '[Date]' : formatDate(r, date)} |`,
    `| Deciders | ${people(r, 2, 4)} |`,
    `| Decision type | ${oneWay ? 'Type 1 (one-way door)' : 'Type 2 (two-way door)'} |`, '');

  const fixed = 40 + options.length * 4 + criteria.length;
  const free = Math.max(6, doc.lines - fixed);

  lines.push('## Context', '', ...fillSection(r, Math.round(free * 0.35), { width }), '');
  if (r.chance(0.5)) lines.push('### Constraints', '', ...bulletList(r, width, r.int(2, 5)), '');

  lines.push('## Options considered', '');
  for (const [i, o] of options.entries()) {
    lines.push(`### Option ${String.fromCharCode(65 + i)}: ${o}`, '', ...paragraphLines(r, width, 'en', 1, 3), '');
    if (r.chance(0.5)) lines.push(`- Pros: ${sentence(r)}`, `- Cons: ${sentence(r)}`, '');
  }

  lines.push('### Decision matrix', '', `Scores from 1 (poor) to 5 (excellent).${r.chance(0.5) ? ' Weights reflect what matters for this decision.' : ''}`, '');
  lines.push(`| Criterion | Weight | ${options.join(' | ')} |`, `|---|---:|${options.map(() => '---:').join('|')}|`);
  const scores = options.map(() => criteria.map(() => r.int(1, 5)));
  for (const [i, c] of criteria.entries()) {
    lines.push(`| ${c} | ${w[i]}% | ${scores.map((s) => s[i]).join(' | ')} |`);
  }
  const totals = scores.map((s) => (s.reduce((acc, x, i) => acc + x * w[i], 0) / 100).toFixed(2));
  lines.push(`| **Weighted total** | ${w.reduce((a, b) => a + b, 0)}% | ${totals.map((t) => `**${t}**`).join(' | ')} |`, '');
  const best = totals.indexOf(totals.reduce((a, b) => (Number(b) > Number(a) ? b : a)));

  lines.push('## Recommendation', '', ...wrap(`We recommend **${options[best]}**. ${sentence(r)} ${sentence(r)}`, width), '');
  lines.push(...fillSection(r, Math.round(free * 0.2), { width }), '');

  lines.push('## Trade-offs accepted', '');
  if (doc.leftovers && r.chance(0.3)) {
    lines.push('- No significant downsides.', '');
  } else {
    for (let i = r.int(2, 4); i > 0; i--) lines.push(`- We give up ${r.pick(CONCERNS)} in exchange for ${r.pick(CONCERNS)}.`);
    lines.push('');
  }
  lines.push('## Risks and mitigations', '', ...bulletList(r, width, r.int(1, 4)), '');
  lines.push(...fillSection(r, Math.round(free * 0.15), { width }), '');

  if (doc.revisit) {
    lines.push('## Revisit triggers', '');
    for (let i = r.int(1, 4); i > 0; i--) lines.push(`- ${revisitTrigger(r)}`);
    lines.push('');
  } else if (doc.leftovers) {
    lines.push('## Revisit triggers', '', 'TBD', '');
  }

  lines.push('## Decision record', '',
    `- Date: ${formatDate(r, date)}`,
    `- Participants: ${people(r, 2, 5)}`,
    `- Status: ${status.replace(/^\*\*|\*\*$/g, '')}`, '');
  return lines;
}
