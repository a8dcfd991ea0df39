import { isEnglish } from '../rule-helpers/english-text.js';
import { defineRule } from '../rule-helpers/define-rule.js';

/**
 * A design for a running system should address each Well-Architected pillar,
 * or set it aside with a reason (domain.md section 2). Reads the pillar
 * coverage computed before the rules run. A change to a language, library,
 * API, format or process has no pillars (coverage.ts says why), so nothing is
 * reported on it. One finding per document names every pillar left open:
 * those never addressed and those set aside with a bare "N/A".
 */
export const designPillars = defineRule(
  {
    id: 'design-pillars',
    description: 'A system design addresses each Well-Architected pillar or marks it not applicable with a reason.',
    help:
      'Use the six Well-Architected pillars (operational excellence, security, reliability, performance efficiency, ' +
      'cost optimization, sustainability) as a review checklist once a design for a running system exists. Each ' +
      'pillar surfaces a trade-off; say how the design handles it, or write "<Pillar>: not applicable — <reason>". ' +
      'Designs that change a language, library, API, file format or process are not asked (set `design-kind: system` ' +
      'in the front matter to ask anyway).',
    appliesTo: ['design-doc'],
    // Off by default: on the real-record corpus its findings were right too rarely to be said unasked
    // (hand audit in bench/real-corpus/AUDIT.md; README, Rules). The coverage report still shows what it checks.
    defaultSeverity: 'off',
    scope: 'document',
    messages: {
      'missing-pillars': 'Missing Well-Architected {{noun}} ({{count}} of {{total}}): {{names}}: say how the design handles each, or write "<Pillar>: not applicable — <why it does not apply here>"',
      'bare-not-applicable': 'Unexpected bare "{{evidence}}" without a reason for {{marked}}: say how the design handles each, or write "<Pillar>: not applicable — <why it does not apply here>"',
      'missing-pillars-and-bare':
        'Missing Well-Architected {{noun}} ({{count}} of {{total}}): {{names}}; unexpected bare "{{evidence}}" without a reason for {{marked}}: say how the design handles each, or write "<Pillar>: not applicable — <why it does not apply here>"',
    },
  },
  (ctx, report) => {
    if (!isEnglish(ctx.doc) || ctx.coverage.design?.kind === 'change') return;
    const pillars = ctx.coverage.pillars;
    const missing = pillars.filter((p) => p.state === 'missing' && p.line === undefined);
    const bare = pillars.filter((p) => p.state === 'missing' && p.line !== undefined);
    if (missing.length === 0 && bare.length === 0) return;
    const data = {
      noun: missing.length === 1 ? 'pillar' : 'pillars',
      count: missing.length,
      total: pillars.length,
      names: missing.map((p) => p.name).join(', '),
      evidence: bare[0]?.evidence ?? 'N/A',
      marked: bare.map((p) => `${p.name} (line ${p.line})`).join(', '),
    };
    // Point at the bare "N/A" when that is all there is to fix; otherwise at the title.
    const line = missing.length === 0 ? bare[0]!.line! : (ctx.doc.title?.line ?? 1);
    report(bare.length === 0 ? 'missing-pillars' : missing.length === 0 ? 'bare-not-applicable' : 'missing-pillars-and-bare', data, { line });
  },
);
