import { describe, expect, it } from 'vitest';
import { renderSarif, toSarif, SARIF_SCHEMA, FINGERPRINT_KEY, type DescribedRule } from '../../../src/core/output/sarif.js';
import { sampleReview } from './review-fixture.js';

const rules: DescribedRule[] = [
  { id: 'adr-status', description: 'ADRs state a known status.', help: 'Write a status word such as Accepted.', appliesTo: ['adr'], defaultSeverity: 'error', scope: 'document' },
  { id: 'adr-revisit-triggers', description: 'ADRs name revisit triggers.', help: 'Add concrete triggers.', appliesTo: ['adr'], defaultSeverity: 'warn', scope: 'document' },
  { id: 'design-pillars', description: 'Design docs address the pillars.', help: 'Address each pillar.', appliesTo: ['design-doc'], defaultSeverity: 'warn', scope: 'document' },
  { id: 'unused-rule', description: 'Off by default.', help: '', appliesTo: ['adr'], defaultSeverity: 'off', scope: 'repository' },
];

describe('toSarif', () => {
  const log = toSarif(sampleReview(), { version: '0.1.0', rules });
  const run = log.runs[0]!;

  it('has the SARIF 2.1.0 envelope GitHub code scanning requires', () => {
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('design-review');
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
  });

  it('describes every rule, plus any other id a result carries', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids.slice(0, 4)).toEqual(['adr-status', 'adr-revisit-triggers', 'design-pillars', 'unused-rule']);
    expect(ids).toContain('read-error');
    expect(ids).toContain('document-skipped');
    expect(ids).toContain('front-matter-invalid');
    const status = run.tool.driver.rules[0]!;
    expect(status).toMatchObject({
      name: 'AdrStatus',
      shortDescription: { text: 'ADRs state a known status.' },
      fullDescription: { text: 'Write a status word such as Accepted.' },
      help: { text: 'Write a status word such as Accepted.' },
      defaultConfiguration: { level: 'error' },
    });
    expect(status.helpUri).toMatch(/adr-status$/);
    expect(run.tool.driver.rules[3]!.defaultConfiguration.level).toBe('none');
    expect(run.tool.driver.rules[3]!.help.text).toBe('Off by default.');
  });

  it('gives every result a rule, a level, a message and a region with startLine', () => {
    expect(run.results).toHaveLength(4);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(['error', 'warning']).toContain(r.level);
      expect(r.message.text.length).toBeGreaterThan(0);
      const loc = r.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(r.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    }
    const status = run.results.find((r) => r.ruleId === 'adr-status')!;
    expect(status.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'docs/adr/0002-use-kafka.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 1, endLine: 5, endColumn: 8 },
    });
    const withSuggestion = run.results.find((r) => r.ruleId === 'adr-revisit-triggers')!;
    expect(withSuggestion.message.text).toContain('Suggestion:');
  });

  it('keeps fingerprints stable when lines move, distinct for repeated findings', () => {
    const moved = sampleReview();
    for (const f of moved.findings) f.line = (f.line ?? 0) + 10;
    const a = run.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    const b = toSarif(moved, { version: '0.1.0', rules }).runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(b).toEqual(a);

    const twice = sampleReview();
    twice.findings = [twice.findings[0]!, { ...twice.findings[0]!, line: 9 }];
    const prints = toSarif(twice, { version: '0', rules }).runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(2);
  });

  it('reports skipped files as notifications, encodes URIs and whole-file findings at line 1', () => {
    expect(run.invocations?.[0]?.toolExecutionNotifications[0]?.message.text).toBe('Skipped docs/adr/diagram.md: binary file');
    const review = sampleReview();
    review.findings = [{ ruleId: 'read-error', severity: 'error', message: 'Cannot read', file: 'docs/my adr#1.md' }];
    const result = toSarif(review, { version: '0', rules }).runs[0]!.results[0]!;
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('docs/my%20adr%231.md');
    expect(result.locations[0]!.physicalLocation.region).toEqual({ startLine: 1 });
  });

  it('renders parseable JSON', () => {
    expect(JSON.parse(renderSarif(sampleReview(), { version: '0', rules }))).toEqual(toSarif(sampleReview(), { version: '0', rules }));
  });
});
