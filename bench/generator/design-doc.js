/**
 * Long design docs and RFCs: front matter (YAML, sometimes TOML), metadata,
 * a table of contents, many sections with sub-sections, lists, code blocks,
 * tables (in some docs an appendix of a few hundred rows), links to ADRs,
 * footnotes and link reference definitions.
 */

import { dayToDate, fillSection, formatDate, isoDate, people, revisitTrigger, table } from './blocks.js';
import { paragraphLines, slugify, url, wrap } from './prose.js';
import { DOMAINS } from './words.js';

/** @typedef {import('./random.js').Random} Random */
/** @typedef {import('./plan.js').PlannedDoc} PlannedDoc */
/** @typedef {import('./plan.js').LinkContext} LinkContext */

/** Section lists per template family: [heading, weight]. */
/** @type {Record<'google' | 'generic' | 'rfc', Array<[string, number]>>} */
const FAMILIES = {
  google: [
    ['Context and Scope', 2], ['Goals and Non-Goals', 1], ['Overview', 2], ['Detailed Design', 8],
    ['APIs', 3], ['Data Storage', 3], ['Alternatives Considered', 3], ['Cross-cutting Concerns', 2],
    ['Security', 2], ['Privacy', 1], ['Observability', 2], ['Rollout Plan', 2], ['Open Questions', 1],
  ],
  generic: [
    ['Summary', 1], ['Background', 2], ['Problem Statement', 2], ['Requirements', 2], ['Proposal', 6],
    ['Architecture', 5], ['Data Model', 3], ['API', 3], ['Failure Modes', 2], ['Performance', 2],
    ['Cost', 1], ['Testing Strategy', 2], ['Rollout and Rollback', 2], ['Alternatives', 3],
    ['Risks', 1], ['Timeline', 1], ['Open Questions', 1],
  ],
  rfc: [
    ['Summary', 1], ['Motivation', 3], ['Guide-level explanation', 5], ['Reference-level explanation', 9],
    ['Drawbacks', 2], ['Rationale and alternatives', 3], ['Prior art', 2], ['Unresolved questions', 1],
    ['Future possibilities', 1],
  ],
};

const SUBHEADINGS = [
  'Request flow', 'Write path', 'Read path', 'Schema', 'Failure handling', 'Capacity', 'Caching',
  'Backfill', 'Migration', 'Authentication', 'Authorisation', 'Multi-tenancy', 'Metrics', 'Alerting',
  'Rate limiting', 'Retries and timeouts', 'Idempotency', 'Consistency', 'Deployment', 'Configuration',
  'Limits', 'Example', 'Edge cases', 'Compatibility', 'Cost model', 'Phase 1', 'Phase 2', 'Phase 3',
];

const anchor = (/** @type {string} */ h) => h.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');

/**
 * Lines of one design doc or RFC.
 * @param {Random} r
 * @param {PlannedDoc} doc
 * @param {LinkContext} ctx
 * @returns {string[]}
 */
export function designDoc(r, doc, ctx) {
  const isRfc = doc.kind === 'rfc';
  const width = r.chance(0.35) ? r.pick([80, 100, 120]) : 0;
  const date = dayToDate(doc.day);
  const family = isRfc ? FAMILIES.rfc : r.chance(0.45) ? FAMILIES.google : FAMILIES.generic;
  const sections = family.filter(([h]) => ['Summary', 'Motivation', 'Detailed Design', 'Proposal', 'Reference-level explanation'].includes(h) || r.chance(0.85));
  const status = r.pick(['Draft', 'In review', 'Approved', 'Implemented', 'Accepted', 'Superseded', 'Abandoned']);
  const lines = [];

  const frontMatter = r.chance(isRfc ? 0.3 : 0.5);
  if (frontMatter && r.chance(0.08)) {
    lines.push('+++', `title = "${doc.title}"`, `date = ${isoDate(date)}`, `authors = ["${people(r, 1, 2).split(', ').join('", "')}"]`, 'draft = false', '+++', '');
  } else if (frontMatter) {
    lines.push('---', `title: "${doc.title}"`);
    if (r.chance(0.4)) lines.push('type: design-doc');
    lines.push(`authors: [${people(r, 1, 3)}]`);
    if (r.chance(0.7)) lines.push(`status: ${status.toLowerCase()}`);
    lines.push(`created: ${isoDate(date)}`);
    if (r.chance(0.4)) lines.push(`updated: ${isoDate(dayToDate(doc.day + r.int(3, 200)))}`);
    if (r.chance(0.5)) lines.push('tags:', ...r.sample(DOMAINS, r.int(1, 3)).map((t) => `  - ${t}`));
    lines.push('---', '');
  }

  if (isRfc) {
    lines.push(r.chance(0.5) ? `# RFC ${doc.number}: ${doc.title}` : `# ${doc.title}`, '');
    lines.push(`- Feature Name: \`${slugify(doc.title).replace(/-/g, '_')}\``,
      `- Start Date: ${formatDate(r, date)}`,
      `- RFC PR: [acme/rfcs#${doc.number}](https://github.com/acme/rfcs/pull/${doc.number})`);
    const issue = r.int(100, 9000);
    if (r.chance(0.6)) lines.push(`- Tracking Issue: [acme/platform#${issue}](https://github.com/acme/platform/issues/${issue})`);
    lines.push('');
  } else {
    lines.push(`# ${doc.title}`, '');
    if (!frontMatter || r.chance(0.3)) {
      if (r.chance(0.5)) {
        lines.push('| Author(s) | Reviewers | Status | Last updated |', '|---|---|---|---|',
          `| ${people(r, 1, 2)} | ${people(r, 1, 3)} | ${status} | ${formatDate(r, date)} |`, '');
      } else {
        lines.push(`**Authors:** ${people(r, 1, 3)}  `, `**Status:** ${doc.leftovers ? '[Draft | In review | Approved]' : status}  `, `**Last updated:** ${formatDate(r, date)}`, '');
      }
    }
  }

  const related = [];
  for (let i = r.int(0, 3); i > 0; i--) {
    const adr = ctx.randomAdr(r, doc);
    if (adr) related.push(`[ADR-${String(adr.number).padStart(4, '0')}: ${adr.title}](${ctx.link(doc, adr)})`);
  }
  if (related.length) lines.push(`Related decisions: ${related.join(', ')}`, '');

  if (r.chance(0.3)) {
    lines.push('## Table of contents', '', ...sections.map(([h]) => `- [${h}](#${anchor(h)})`), '');
  }

  const footnote = r.chance(0.12);
  const refDefs = r.chance(0.3) ? r.int(2, 6) : 0;
  const bigRows = doc.bigTableRows ?? 0;
  const overhead = lines.length + sections.length * 2 + bigRows + (bigRows ? 6 : 0) + refDefs + 4;
  const budget = Math.max(sections.length * 4, doc.lines - overhead);
  const totalWeight = sections.reduce((s, [, w]) => s + w, 0);

  for (const [heading, weight] of sections) {
    lines.push(`## ${heading}`, '');
    const share = Math.max(3, Math.round((budget * weight) / totalWeight));
    if (heading === 'Goals and Non-Goals') {
      lines.push('### Goals', '', ...fillSection(r, Math.max(3, share / 2), { width }), '', '### Non-Goals', '', ...fillSection(r, Math.max(2, share / 2 - 6), { width }), '');
      continue;
    }
    lines.push(...fillSection(r, share, { width, rich: true, subheadings: SUBHEADINGS }), '');
    if (refDefs && heading === sections[0][0]) lines.push(`See the [earlier discussion][1] and [the capacity numbers][${refDefs}].`, '');
    if (footnote && heading === sections[1][0]) lines.push(...wrap(`${paragraphLines(r, 0)[0]} This was measured on a single region.[^bench]`, width), '');
    if (doc.leftovers && r.chance(0.15)) lines.push(r.pick(['TODO: fill in the numbers from the load test.', 'TBD', '<!-- optional -->', '{describe the rollback plan}']), '');
    if (doc.revisit && heading.startsWith('Rollout')) {
      lines.push('### When to revisit', '', ...Array.from({ length: r.int(1, 3) }, () => `- ${revisitTrigger(r)}`), '');
    }
  }

  if (bigRows) {
    lines.push('## Appendix A: inventory', '', ...paragraphLines(r, width, 'en', 1, 2), '', ...table(r, bigRows), '');
  }
  if (footnote) lines.push('[^bench]: Load test run with k6 against staging, see the linked dashboard.', '');
  if (refDefs) {
    for (let i = 1; i <= refDefs; i++) lines.push(`[${i}]: ${url(r)}`);
    lines.push('');
  }
  return lines;
}
