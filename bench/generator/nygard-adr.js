/**
 * Nygard / adr-tools style ADRs (`# 12. Title`, Date, Status, Context,
 * Decision, Consequences) with the variations real repos show: renamed
 * sections, decision before context, statuses in many forms, template
 * leftovers, occasional revisit triggers.
 */

import { bulletList, dayToDate, fillSection, formatDate, revisitTrigger } from './blocks.js';
import { paragraphLines, sentence, url, wrap } from './prose.js';

/** @typedef {import('./random.js').Random} Random */
/** @typedef {import('./plan.js').PlannedDoc} PlannedDoc */
/** @typedef {import('./plan.js').LinkContext} LinkContext */

/** The adr-tools template guidance, left in place by authors who forgot it. */
export const NYGARD_GUIDANCE = {
  status: 'What is the status, such as proposed, accepted, rejected, deprecated, superseded, etc.?',
  context: 'What is the issue that we\'re seeing that is motivating this decision or change?',
  decision: 'What is the change that we\'re proposing and/or doing?',
  consequences: 'What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated?',
};

/**
 * A status line in one of the forms of domain.md section 8 (no supersession).
 * @param {Random} r
 * @param {Date} date
 */
export function plainStatus(r, date) {
  return r.weighted([
    [40, () => 'Accepted'],
    [3, () => 'ACCEPTED'],
    [6, () => '**Accepted**'],
    [3, () => 'accepted'],
    [9, () => 'Proposed'],
    [3, () => `Accepted (PR #${r.int(40, 4000)})`],
    [4, () => `${formatDate(r, date)} accepted`],
    [3, () => 'Deprecated'],
    [2, () => 'Rejected'],
    [1, () => `Rejected in favour of ADR ${r.int(1, 120)}`],
    [1, () => `Reverted by [discussion](${url(r)})`],
    [2, () => 'Implemented'],
    [1, () => 'Pending'],
    [1, () => 'In review'],
    [1, () => 'On hold'],
    [1, () => 'Withdrawn'],
    [2, () => 'Draft'],
  ])();
}

/**
 * Link text and target for another ADR, in one of the usual styles.
 * @param {Random} r
 * @param {PlannedDoc} target
 * @param {string} link
 */
export function adrLink(r, target, link) {
  return r.chance(0.5)
    ? `[${target.number}. ${target.title}](${link})`
    : `[ADR-${String(target.number).padStart(4, '0')}](${link})`;
}

/**
 * Lines of one Nygard-style ADR.
 * @param {Random} r
 * @param {PlannedDoc} doc
 * @param {LinkContext} ctx
 * @returns {string[]}
 */
export function nygardAdr(r, doc, ctx) {
  const width = r.chance(0.45) ? r.pick([72, 80, 80, 100]) : 0;
  const date = dayToDate(doc.day);
  const num4 = String(doc.number).padStart(4, '0');
  const lines = [];

  lines.push(r.weighted([
    [70, `# ${doc.number}. ${doc.title}`],
    [10, `# ADR ${doc.number}: ${doc.title}`],
    [10, `# ADR-${num4}: ${doc.title}`],
    [10, `# ${doc.title}`],
  ]), '');

  const dateLine = doc.leftovers && r.chance(0.4)
    ? r.pick(['Date: [Date]', 'Date: {date}', 'Date: YYYY-MM-DD'])
    : r.weighted([
      [55, `Date: ${formatDate(r, date)}`],
      [5, `- Date: ${formatDate(r, date)}`],
      [10, `**Date:** ${formatDate(r, date)}`],
      [5, `Last updated: ${formatDate(r, date)}`],
      [25, ''],
    ]);
  if (dateLine) lines.push(dateLine, '');

  /** @type {string[]} */
  const status = [];
  if (doc.supersededBy) {
    const target = doc.supersededBy;
    status.push(`Superseded by ${adrLink(r, target, ctx.link(doc, target))}`);
    if (r.chance(0.3)) status.unshift('Accepted', '');
  } else if (doc.leftovers && r.chance(0.35)) {
    status.push(NYGARD_GUIDANCE.status);
  } else {
    status.push(plainStatus(r, date));
  }
  if (doc.supersedes && doc.backlink) {
    status.push('', `Supersedes ${adrLink(r, doc.supersedes, ctx.link(doc, doc.supersedes))}`);
  }
  const inlineStatus = !doc.supersededBy && !doc.supersedes && r.chance(0.06);
  if (inlineStatus) {
    lines.push(`Status: ${status[0]}`, '');
  }

  /**
   * @typedef {object} SectionPlan
   * @property {string} heading
   * @property {number} [weight]    share of the body budget
   * @property {string} [guidance]  the template sentence an author may leave in place
   * @property {boolean} [list]     written as a bullet list
   * @property {boolean} [split]    Positive / Negative / Neutral sub-sections
   * @property {string[]} [fixed]   literal content (the status)
   */
  /** @type {SectionPlan[]} */
  const sections = [];
  if (!inlineStatus) sections.push({ heading: 'Status', fixed: status });
  /** @type {SectionPlan} */
  const context = { heading: r.weighted([[80, 'Context'], [8, 'Background'], [6, 'Problem'], [6, 'Context and Problem Statement']]), weight: 0.4, guidance: NYGARD_GUIDANCE.context };
  /** @type {SectionPlan} */
  const decision = { heading: r.weighted([[85, 'Decision'], [8, 'Proposal'], [7, 'Approach']]), weight: 0.25, guidance: NYGARD_GUIDANCE.decision };
  /** @type {SectionPlan} */
  const consequences = { heading: r.weighted([[85, 'Consequences'], [15, 'Implications']]), weight: 0.25, guidance: NYGARD_GUIDANCE.consequences, split: r.chance(0.15) };
  const body = r.chance(0.08) ? [decision, context] : [context, decision];
  if (r.chance(0.25)) body.push({ heading: r.pick(['Alternatives', 'Options considered', 'Alternatives considered', 'Alternative Approaches']), weight: 0.15, list: true });
  if (r.chance(0.12)) body.push({ heading: 'Rationale', weight: 0.1 });
  body.push(consequences);
  sections.push(...body);

  const overhead = lines.length + sections.length * 2 + 4;
  const totalWeight = body.reduce((s, x) => s + (x.weight ?? 0), 0);
  const budget = Math.max(body.length * 2, doc.lines - overhead - status.length);
  const leftoverSection = doc.leftovers ? r.pick(body) : null;
  let revisitPending = doc.revisit;

  for (const s of sections) {
    lines.push(`## ${s.heading}`, '');
    if (s.fixed) {
      lines.push(...s.fixed, '');
      continue;
    }
    if (s === leftoverSection && s.guidance && r.chance(0.5)) {
      lines.push(s.guidance, '');
      continue;
    }
    const share = Math.max(1, Math.round((budget * (s.weight ?? 0.1)) / totalWeight));
    if (s.list) {
      lines.push(...bulletList(r, width, Math.max(2, Math.min(8, Math.round(share / 2)))), '');
    } else if (s.split) {
      lines.push(...paragraphLines(r, width, 'en', 1, 3), '');
      for (const sub of ['Positive', 'Negative', 'Neutral'].slice(0, r.int(2, 3))) {
        lines.push(`### ${sub}`, '', ...bulletList(r, width, Math.max(1, Math.round(share / 6))), '');
      }
    } else {
      lines.push(...fillSection(r, share, { width }), '');
    }
    if (s === leftoverSection && !s.guidance) lines.push(r.pick(['TODO: fill in', 'TBD', '<!-- optional -->']), '');
    if (s === consequences && revisitPending && r.chance(0.4)) {
      lines.push(...wrap(r.chance(0.5)
        ? `We will revisit this decision ${r.pick(['in 6 months', 'after 30 days', 'when the contract renews', 'if needed', 'later'])}. ${sentence(r)}`
        : `${sentence(r)} Revisit when: ${revisitTrigger(r)}`, width), '');
      revisitPending = false;
    }
  }
  if (revisitPending) {
    lines.push(`## ${r.pick(['When to revisit', 'Revisit triggers', 'Review date', 'Revisit'])}`, '');
    for (let i = r.int(1, 3); i > 0; i--) lines.push(`- ${revisitTrigger(r)}`);
    lines.push('');
  }
  return lines;
}
