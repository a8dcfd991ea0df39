import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/schema.js';
import { toJsonReport } from '../../../src/core/output/json.js';
import { coverageLines, renderTerminal } from '../../../src/core/output/terminal.js';
import { planPublication } from '../../../src/core/publish/plan-publication.js';
import type { DocCoverage } from '../../../src/core/coverage-model.js';
import type { Review } from '../../../src/core/review-model.js';
import { loadBuiltinTemplates } from '../../../src/io/read-templates.js';
import { builtinChecklists, TODAY } from '../../helpers/review-options.js';
import { designCoverage, sampleReview } from './review-fixture.js';

const REASON =
  'it reads as a change to a language, library, API, file format or process, not a running system: ' +
  '0 system signals (none) against 3 change signals (syntax, grammar, "Drawbacks" heading)';

/** The sample's design doc, read as a change: no pillars, and the reason. */
function changeCoverage(path: string): DocCoverage {
  return { ...designCoverage(path), design: { kind: 'change', source: 'signals', reason: REASON }, pillars: [] };
}

/** The sample's design doc, read as a system design, with one pillar only mentioned. */
function systemCoverage(path: string): DocCoverage {
  const coverage = designCoverage(path);
  return {
    ...coverage,
    design: { kind: 'system', source: 'signals', reason: 'it reads as a design for a running system: 6 system signals (aws, deploy, …)' },
    pillars: coverage.pillars.map((p) => (p.id === 'sustainability' ? { ...p, state: 'mentioned', line: 40, evidence: 'idle' } : p)),
  };
}

function reviewWith(coverage: DocCoverage): Review {
  const review = sampleReview();
  review.coverage = review.coverage.map((c) => (c.path === coverage.path ? coverage : c));
  review.findings = review.findings.filter((f) => f.ruleId !== 'design-pillars');
  return review;
}

const PATH = 'docs/design/search.md';

describe('terminal coverage of a design doc', () => {
  it('says the pillars do not apply to a change, and why, instead of listing six missing', () => {
    const lines = coverageLines(changeCoverage(PATH));
    expect(lines[0]).toBe(`pillars: not applicable (${REASON})`);
    expect(lines.join('\n')).not.toContain('missing');
    expect(renderTerminal(reviewWith(changeCoverage(PATH)), { color: false })).toContain(`  pillars: not applicable (${REASON})`);
  });

  it('lists a pillar that is only mentioned apart from the addressed and missing ones', () => {
    expect(coverageLines(systemCoverage(PATH))[0]).toBe(
      'pillars: 4/6 addressed (operational-excellence, security, reliability, performance-efficiency), ' +
        '1 mentioned (sustainability), 1 n/a (cost-optimization)',
    );
  });
});

describe('JSON coverage of a design doc', () => {
  it('carries the design kind, its source and the reason', () => {
    const report = toJsonReport(reviewWith(changeCoverage(PATH)), { version: '0.0.0' });
    const entry = report.coverage.find((c) => c.path === PATH)!;
    expect(entry.design).toEqual({ kind: 'change', source: 'signals', reason: REASON });
    expect(entry.pillars).toEqual([]);
    // ADRs have no design kind.
    expect(report.coverage.find((c) => c.kind === 'adr')).not.toHaveProperty('design');
  });
});

describe('summary of a design doc', () => {
  beforeAll(() => {
    loadBuiltinTemplates();
  });

  const summaryOf = (review: Review): string =>
    planPublication({
      review,
      changed: review.documents.map((d) => ({ path: d.path, status: 'modified', patch: '@@ -1,2 +1,2 @@\n a\n-b\n+B' })),
      config: configSchema.parse({}),
      headSha: 'abc123',
      repoUrl: 'https://github.com/acme/shop',
      today: TODAY,
      checklists: builtinChecklists(),
    }).checkRun.summary;

  it('replaces the pillar table of a change with one sentence that says why and how to ask for the pillars', () => {
    const summary = summaryOf(reviewWith(changeCoverage(PATH)));
    expect(summary).toContain('_Well-Architected pillars not applicable: it reads as a change to a language, library, API, file format or process');
    expect(summary).toContain('set design-kind: system in the front matter');
    expect(summary).not.toContain('| Pillar | Status | Evidence |');
    expect(summary).not.toContain('❌ missing');
  });

  it('keeps the pillar table of a system design, with a mentioned pillar marked apart', () => {
    const summary = summaryOf(reviewWith(systemCoverage(PATH)));
    expect(summary).toContain('_Reviewed as a design for a running system: 6 system signals');
    expect(summary).toContain('| Pillar | Status | Evidence |');
    expect(summary).toMatch(/\| Sustainability \| 🟡 mentioned, not addressed \| \[line 40\]\(.*search\.md#L40\): idle \|/);
  });
});
