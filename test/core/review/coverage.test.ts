import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChecklistFiles } from '../../../src/core/checklists/load-checklists.js';
import type { Checklists } from '../../../src/core/checklists/types.js';
import type { DecisionDoc, RevisitTrigger, Section } from '../../../src/core/document/model.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { computeCoverage } from '../../../src/core/review/coverage.js';
import type { DocCoverage } from '../../../src/core/coverage-model.js';
import { buildCueIndex, firstHits } from '../../../src/core/rule-helpers/cue-search.js';
import { readBuiltinChecklistFiles } from '../../../src/io/read-checklists.js';
import { builtinChecklists, TODAY } from '../../helpers/review-options.js';

/** A small checklist literal, so the matching logic is tested apart from the real YAML. */
const small: Checklists = {
  pillars: [
    { id: 'security', name: 'Security', question: 'Protected?', practices: ['least privilege'], cues: ['least privilege', 'tls', 'on-call'] },
    { id: 'reliability', name: 'Reliability', question: 'Recovers?', practices: ['redundancy'], cues: ['multi-az', 'runbook'] },
    { id: 'cost-optimization', name: 'Cost optimization', question: 'Pay for need?', practices: ['budgets'], cues: ['cost estimate'] },
    { id: 'sustainability', name: 'Sustainability', question: 'Impact?', practices: ['right-sizing'], cues: ['carbon'] },
  ],
  questions: [
    { id: 'problem', text: 'What problem?', sections: ['context'], cues: ['the problem is'] },
    { id: 'options', text: 'What options?', sections: ['options'], cues: ['alternatives'] },
    { id: 'trade-offs', text: 'What trade-offs?', sections: ['trade-offs'], cues: ['we give up'] },
  ],
  rigor: { type1Cues: [], type2Cues: [], type1Requires: [] },
  mistakes: [],
  triggerCategories: [],
  concreteHint: '',
  vaguePhrases: [],
  concerns: [],
  custom: [],
  lenses: [],
};

function section(line: number, heading: string, text: string, extra: Partial<Section> = {}): Section {
  const lines = text.split('\n');
  return {
    heading,
    key: null,
    depth: 2,
    line,
    column: 1,
    endLine: line + 1 + lines.length,
    text,
    empty: text.trim() === '',
    // Heading, blank line, then the text: the source line of each text line is known.
    textLines: lines.map((_, i) => line + 2 + i),
    ...extra,
  };
}

function docWith(sections: Section[], extra: Partial<DecisionDoc> = {}): DecisionDoc {
  return {
    path: 'docs/design/x.md',
    kind: 'design-doc',
    lineCount: 100,
    // The pillar tests are about a running system; design-kind.test.ts tests the classification.
    frontMatter: { 'design-kind': 'system' },
    title: { value: 'Design: x', line: 1, column: 1 },
    participants: [],
    sections,
    options: [],
    matrices: [],
    tradeOffs: [],
    triggers: [],
    supersedes: [],
    supersededBy: [],
    language: 'en',
    placeholders: [],
    problems: [],
    ...extra,
  };
}

function pillar(coverage: DocCoverage, id: string) {
  return coverage.pillars.find((p) => p.id === id);
}

describe('computeCoverage: pillars (small checklist)', () => {
  it('marks a pillar addressed by a cue, with the line and the text as written', () => {
    const doc = docWith([section(3, 'Design', 'Clients connect over\nTLS 1.3 only, with least-privilege roles.')]);
    const security = pillar(computeCoverage(doc, small, TODAY), 'security');
    expect(security).toEqual({ id: 'security', name: 'Security', state: 'addressed', line: 6, evidence: 'TLS' });
  });

  it('matches cues on word boundaries, across hyphens and spaces, and in the plural', () => {
    const doc = docWith([section(3, 'Ops', 'Each service has runbooks and runs multi AZ.')]);
    expect(pillar(computeCoverage(doc, small, TODAY), 'reliability')?.state).toBe('addressed');
    const unrelated = docWith([section(3, 'Notes', 'Settles; stlsx; the multiazure portal; carbonara; depends on call volume.')]);
    const coverage = computeCoverage(unrelated, small, TODAY);
    expect(coverage.pillars.map((p) => p.state)).toEqual(['missing', 'missing', 'missing', 'missing']);
  });

  it('counts a non-empty section named after the pillar, not an empty one', () => {
    const named = docWith([section(3, '5. Cost optimisation', 'We reuse the existing cluster.')]);
    expect(pillar(computeCoverage(named, small, TODAY), 'cost-optimization')).toMatchObject({ state: 'addressed', line: 3 });
    const empty = docWith([section(3, 'Security', '', { empty: true })]);
    expect(pillar(computeCoverage(empty, small, TODAY), 'security')?.state).toBe('missing');
  });

  it('sets a pillar aside when it is marked not applicable with a reason', () => {
    const doc = docWith([
      section(3, 'Well-Architected', 'Sustainability: not applicable — batch job runs 5 min/day\nCost | N/A because it runs on the shared cluster'),
      section(8, 'Security', 'Not applicable.\nThe service only serves public, static files.'),
    ]);
    const coverage = computeCoverage(doc, small, TODAY);
    expect(pillar(coverage, 'sustainability')).toMatchObject({ state: 'not-applicable', line: 5, evidence: 'batch job runs 5 min/day' });
    expect(pillar(coverage, 'cost-optimization')).toMatchObject({ state: 'not-applicable', line: 6 });
    expect(pillar(coverage, 'security')).toMatchObject({ state: 'not-applicable', line: 10 });
  });

  it('keeps a bare N/A missing, pointing at the N/A', () => {
    const doc = docWith([
      section(3, 'Reliability', 'N/A', { empty: true }),
      section(7, 'Review', 'Sustainability: N/A for now.'),
    ]);
    const coverage = computeCoverage(doc, small, TODAY);
    expect(pillar(coverage, 'reliability')).toEqual({ id: 'reliability', name: 'Reliability', state: 'missing', line: 5, evidence: 'N/A' });
    expect(pillar(coverage, 'sustainability')).toMatchObject({ state: 'missing', line: 9 });
  });

  it('does not read prose that happens to say "not relevant" as a statement about a pillar', () => {
    const doc = docWith([section(3, 'Context', 'The cost of a rewrite is not relevant.')]);
    expect(pillar(computeCoverage(doc, small, TODAY), 'cost-optimization')).toEqual({
      id: 'cost-optimization',
      name: 'Cost optimization',
      state: 'missing',
    });
  });

  it('ignores template guidance: a section that is only guidance is not evidence', () => {
    const doc = docWith([section(3, 'Security', '{describe TLS and least privilege here}', { empty: true })]);
    expect(pillar(computeCoverage(doc, small, TODAY), 'security')?.state).toBe('missing');
  });
});

describe('computeCoverage: the five questions (small checklist)', () => {
  it('answers by a non-empty section, by two options, or by a cue', () => {
    const doc = docWith(
      [
        section(3, 'Background', 'Checkout waits on fulfilment.', { key: 'context' }),
        section(7, 'Trade-offs', '', { key: 'trade-offs', empty: true }),
      ],
      {
        options: [
          { name: 'Queue', line: 12, column: 3 },
          { name: 'Do nothing', line: 13, column: 3 },
        ],
      },
    );
    const questions = computeCoverage(doc, small, TODAY).questions;
    expect(questions).toEqual([
      { id: 'problem', text: 'What problem?', answered: true, line: 3 },
      { id: 'options', text: 'What options?', answered: true, line: 12 },
      { id: 'trade-offs', text: 'What trade-offs?', answered: false },
    ]);
    const byCue = docWith([section(3, 'Notes', 'We give up ordering in exchange for throughput.')]);
    expect(computeCoverage(byCue, small, TODAY).questions[2]).toMatchObject({ answered: true, line: 5 });
  });

  it('does not count a single option', () => {
    const doc = docWith([], { options: [{ name: 'Queue', line: 12, column: 3 }] });
    expect(computeCoverage(doc, small, TODAY).questions[1]?.answered).toBe(false);
  });
});

describe('computeCoverage: triggers', () => {
  it('counts triggers by kind and those due on or before today', () => {
    const t = (kind: RevisitTrigger['kind'], due?: string): RevisitTrigger => ({
      line: 20,
      column: 1,
      category: null,
      text: 'x',
      kind,
      source: 'section',
      ...(due ? { due } : {}),
    });
    const doc = docWith([], {
      triggers: [t('date', '2026-06-01'), t('date', TODAY), t('recurring', '2027-05-21'), t('threshold'), t('vague'), t('vague')],
    });
    expect(computeCoverage(doc, small, TODAY).triggers).toEqual({
      total: 6,
      byKind: { date: 2, duration: 0, recurring: 1, threshold: 1, vague: 2 },
      due: 2,
    });
  });

  it('counts triggers the parser reads from a real revisit section', () => {
    const source = [
      '# 3. Use SQS for order events',
      '',
      'Date: 2025-01-10',
      '',
      '## Status',
      '',
      'Accepted',
      '',
      '## When to revisit',
      '',
      '- Revisit on 2026-03-01.',
      '- Revisit when monthly spend exceeds $8,000/month.',
      '- Revisit later, when we grow.',
      '',
    ].join('\n');
    const { doc } = parseDecisionDoc(source, 'docs/decisions/0003-use-sqs.md', 'adr', builtinChecklists());
    const triggers = computeCoverage(doc, builtinChecklists(), TODAY).triggers;
    expect(triggers.total).toBe(doc.triggers.length);
    expect(triggers.byKind.date).toBeGreaterThanOrEqual(1);
    expect(triggers.due).toBe(doc.triggers.filter((tr) => tr.due !== undefined && tr.due <= TODAY).length);
    expect(triggers.due).toBeGreaterThanOrEqual(1);
  });
});

const lensChecklists = (): Checklists =>
  parseChecklistFiles([
    ...readBuiltinChecklistFiles(),
    { path: 'test/fixtures/checklists/example-lens.json', text: readFileSync('test/fixtures/checklists/example-lens.json', 'utf8') },
  ]);

function lensRisks(source: string, checklists: Checklists): Record<string, string> {
  const { doc } = parseDecisionDoc(source, 'docs/design/launch.md', 'design-doc', checklists);
  const lens = computeCoverage(doc, checklists, TODAY).lenses[0]!;
  return Object.fromEntries(lens.questions.map((q) => [q.id, q.risk]));
}

describe('computeCoverage: custom lenses', () => {
  const checklists = lensChecklists();

  it('evaluates the lens risk rules on the choices the doc mentions, and honours not applicable', () => {
    const source = [
      '# Launch readiness: order events relay',
      '',
      '## Reliability',
      '',
      'We deploy across multiple Availability Zones, and every client has',
      'timeouts and circuit breakers on every dependency call.',
      '',
      '## Security',
      '',
      'Not applicable: the relay handles only order ids, never customer data.',
      '',
    ].join('\n');
    const { doc } = parseDecisionDoc(source, 'docs/design/launch.md', 'design-doc', checklists);
    const lens = computeCoverage(doc, checklists, TODAY).lenses[0]!;
    expect(lens.lens).toBe('example-lens');
    expect(lens.questions).toEqual([
      { pillar: 'reliability', id: 'rel_recovery', title: expect.any(String), risk: 'MEDIUM', line: 5 },
      { pillar: 'security', id: 'sec_data', title: 'How is customer data protected?', risk: 'NOT_APPLICABLE' },
    ]);
  });

  it('reports UNANSWERED when no choice is mentioned, NONE when all are, HIGH for "none of these"', () => {
    expect(lensRisks('# Launch\n\n## Plan\n\nWe ship on Tuesday after the demo.\n', checklists)).toEqual({
      rel_recovery: 'UNANSWERED',
      sec_data: 'UNANSWERED',
    });
    const all = [
      '# Launch',
      '',
      '## Plan',
      '',
      'Deploy across multiple Availability Zones; circuit breakers on every dependency call;',
      'test disaster recovery against the stated RTO twice a year.',
      'KMS keys encrypt every table and we grant least privilege access to the data stores.',
      '',
    ].join('\n');
    expect(lensRisks(all, checklists)).toEqual({ rel_recovery: 'NONE', sec_data: 'NONE' });
    const none = '# Launch\n\n## Review\n\nREL_RECOVERY: none of these yet.\n\nKMS keys encrypt every table.\n';
    expect(lensRisks(none, checklists)).toEqual({ rel_recovery: 'HIGH', sec_data: 'MEDIUM' });
  });
});

describe('computeCoverage: built-in checklists', () => {
  const checklists = builtinChecklists();

  it('finds no pillar in a document about something unrelated', () => {
    const source = [
      '# Design: new onboarding copy',
      '',
      '## Background',
      '',
      'New users drop off on the third onboarding screen. Interviews show the',
      'wording confuses them: it talks about "workspaces" before they have one.',
      '',
      '## Proposal',
      '',
      'Rewrite the three screens in plain language, show a short animation of',
      'a workspace being created, and move the invite step to the end. Design',
      'will run an A/B experiment for two weeks with half of new sign-ups.',
      '',
      '## Open questions',
      '',
      'Should the animation play on call-to-action hover, or only once? Marketing',
      'would like the brand colours to be more prominent on the final screen.',
      '',
    ].join('\n');
    const { doc } = parseDecisionDoc(source, 'docs/design/onboarding.md', 'design-doc', checklists);
    const coverage = computeCoverage(doc, checklists, TODAY);
    expect(coverage.pillars.filter((p) => p.state !== 'missing')).toEqual([]);
  });

  it('covers every pillar of a full design doc', () => {
    const source = readFileSync('test/fixtures/docs/design-pillars/ok.md', 'utf8');
    const { doc } = parseDecisionDoc(source, 'docs/design/ok.md', 'design-doc', checklists);
    const coverage = computeCoverage(doc, checklists, TODAY);
    expect(coverage.pillars.map((p) => p.state)).toEqual(Array(6).fill('addressed'));
    expect(coverage.questions.every((q) => q.answered)).toBe(true);
    expect(coverage.kind).toBe('design-doc');
  });

  it('computes coverage for ADRs too', () => {
    const source = '# 1. Use PostgreSQL\n\n## Context\n\nWe need a primary database; data is encrypted at rest.\n';
    const { doc } = parseDecisionDoc(source, 'docs/decisions/0001-use-postgresql.md', 'adr', checklists);
    const coverage = computeCoverage(doc, checklists, TODAY);
    expect(coverage.kind).toBe('adr');
    expect(coverage.pillars.find((p) => p.id === 'security')?.state).toBe('addressed');
  });
});

describe('cue search', () => {
  it('compiles thousands of cues into one index and finds each owner once', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => ({ owner: `o${i}`, cues: [`cue phrase ${i}`, `alt-${i}`] }));
    const index = buildCueIndex(entries);
    const doc = docWith([section(3, 'Notes', 'see cue phrase 42 and ALT-2999, not cue phrase 4200x')]);
    expect([...firstHits(doc, index).keys()]).toEqual(['o42', 'o2999']);
  });
});

describe('computeCoverage: linear in document size', () => {
  const checklists = builtinChecklists();
  const paragraph =
    'The relay reads the outbox table and publishes each row to the queue; consumers acknowledge after ' +
    'processing. Nothing here mentions the practices the checklists look for, on purpose, so every cue is ' +
    'tried at every position of the text without an early exit.\n';

  function timed(doc: DecisionDoc): number {
    const start = performance.now();
    computeCoverage(doc, checklists, TODAY);
    return performance.now() - start;
  }

  it('handles 5 MB spread over many sections quickly', () => {
    const sections: Section[] = [];
    let size = 0;
    let line = 3;
    while (size < 5_000_000) {
      const text = paragraph.repeat(10);
      sections.push(section(line, `Part ${sections.length}`, text));
      line += 14;
      size += text.length;
    }
    expect(timed(docWith(sections))).toBeLessThan(2000);
  });

  it('handles 5 MB in one section and on one line', () => {
    const big = paragraph.repeat(Math.ceil(5_000_000 / paragraph.length));
    expect(timed(docWith([section(3, 'Everything', big)]))).toBeLessThan(2000);
    const oneLine = big.replace(/\n/g, ' ');
    expect(timed(docWith([section(3, 'Everything', oneLine)]))).toBeLessThan(2000);
  });
});

describe('computeCoverage: what real design docs write', () => {
  const checklists = builtinChecklists();
  const answered = (source: string): string[] => {
    const { doc } = parseDecisionDoc(source, 'docs/design/x.md', 'design-doc', checklists);
    return computeCoverage(doc, checklists, TODAY)
      .questions.filter((q) => q.answered)
      .map((q) => q.id);
  };

  it('answers the five questions from the headings of RFC templates', () => {
    const source = [
      '# Proposal: shorter cache keys',
      '',
      '## Motivation',
      '',
      'Keys are 200 bytes long and the cache holds a third fewer entries than it could.',
      '',
      '## Non-goals',
      '',
      'Changing the eviction policy.',
      '',
      '## Detailed design',
      '',
      'Hash the key parts into 16 bytes.',
      '',
      '## Rationale and alternatives',
      '',
      'Compressing keys keeps them readable in dumps, at twice the CPU per lookup.',
      '',
    ].join('\n');
    expect(answered(source)).toEqual(['problem', 'constraints', 'options', 'trade-offs', 'recommendation']);
  });

  it('does not count a template heading over guidance only, nor the title', () => {
    const source = [
      '# Proposal: shorter cache keys',
      '',
      '## Motivation',
      '',
      'Keys are 200 bytes long and the cache holds a third fewer entries than it could.',
      '',
      '## Alternatives',
      '',
      '<!-- What other designs were considered, and why were they rejected? -->',
      '',
    ].join('\n');
    expect(answered(source)).toEqual(['problem']);
  });

  it('reports a pillar named only in the row of a bare N/A as missing, pointing at the N/A', () => {
    const source = [
      '---',
      'design-kind: system',
      '---',
      '',
      '# Design: export job',
      '',
      '| Pillar | Notes |',
      '|---|---|',
      '| Sustainability | N/A |',
      '',
    ].join('\n');
    const { doc } = parseDecisionDoc(source, 'docs/design/x.md', 'design-doc', checklists);
    const pillar = computeCoverage(doc, checklists, TODAY).pillars.find((p) => p.id === 'sustainability');
    expect(pillar).toMatchObject({ state: 'missing', line: 9, evidence: 'N/A' });
  });

  it('calls a pillar mentioned when only a broad word of it appears', () => {
    const source = ['---', 'design-kind: system', '---', '', '# Design: export job', '', '## Notes', '', 'The job is cheap to run.', ''].join('\n');
    const { doc } = parseDecisionDoc(source, 'docs/design/x.md', 'design-doc', checklists);
    const pillars = computeCoverage(doc, checklists, TODAY).pillars;
    expect(pillars.find((p) => p.id === 'cost-optimization')).toMatchObject({ state: 'mentioned', line: 9, evidence: 'cheap' });
    expect(pillars.find((p) => p.id === 'security')?.state).toBe('missing');
  });
});
