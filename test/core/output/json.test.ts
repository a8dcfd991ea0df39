import { describe, expect, it } from 'vitest';
import { renderJson, toJsonReport } from '../../../src/core/output/json.js';
import { sampleReview } from './review-fixture.js';

describe('renderJson', () => {
  it('has the documented shape with sorted findings', () => {
    const report = toJsonReport(sampleReview(), { version: '1.2.3' });
    expect(Object.keys(report)).toEqual(['version', 'findings', 'conventions', 'coverage', 'skipped']);
    expect(report.version).toBe('1.2.3');
    expect(report.findings.map((f) => `${f.file}:${f.line}`)).toEqual([
      'docs/adr/0002-use-kafka.md:1',
      'docs/adr/0002-use-kafka.md:5',
      'docs/adr/0003-broken.md:2',
      'docs/design/search.md:1',
    ]);
    expect(Object.keys(report.findings[1]!)).toEqual(['ruleId', 'messageId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn']);
    // A finding no rule message wrote has no messageId.
    expect(Object.keys(report.findings[3]!)).toEqual(['ruleId', 'severity', 'message', 'file', 'line', 'column']);
    expect(report.coverage.map((c) => c.path)).toEqual(['docs/adr/0002-use-kafka.md', 'docs/design/search.md']);
    expect(report.skipped).toEqual([{ path: 'docs/adr/diagram.md', reason: 'binary file' }]);
  });

  it('is stable whatever the input order', () => {
    const a = sampleReview();
    const b = sampleReview();
    b.findings.reverse();
    b.coverage.reverse();
    expect(renderJson(b, { version: '1' })).toBe(renderJson(a, { version: '1' }));
    expect(JSON.parse(renderJson(a, { version: '1' }))).toEqual(toJsonReport(a, { version: '1' }));
  });
});
