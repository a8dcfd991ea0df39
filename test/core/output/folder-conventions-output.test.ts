import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/core/finding.js';
import { toJsonReport } from '../../../src/core/output/json.js';
import { FINGERPRINT_KEY, toSarif } from '../../../src/core/output/sarif.js';
import { renderTerminal } from '../../../src/core/output/terminal.js';
import type { FolderConvention } from '../../../src/core/review/folder-conventions.js';
import type { Review } from '../../../src/core/review-model.js';
import { allRules } from '../../../src/core/rule-set/preset.js';
import { doc } from './review-fixture.js';

const rules = allRules.map((r) => r.meta);

/** A folded review: `count` of `total` ADRs of docs/decisions lack a date, reported once; one ADR has its own finding. */
function folded(count: number, total: number, folder = 'docs/decisions'): { review: Review; conventions: FolderConvention[] } {
  const paths = Array.from({ length: total }, (_, i) => `${folder}/${String(i + 1).padStart(4, '0')}-choice.md`);
  const convention: FolderConvention = {
    ruleId: 'adr-date',
    severity: 'warning',
    folder,
    kind: 'adr',
    count,
    total,
    files: paths.slice(0, count),
  };
  const findings: Finding[] = [
    { ruleId: 'adr-date', severity: 'warning', message: `${count} of ${total} ADRs in ${folder} have no decision date, which looks like the folder's convention`, file: folder },
    { ruleId: 'adr-status', severity: 'error', message: 'Unexpected status `sleeping`', file: paths[0]!, line: 5, column: 1 },
  ];
  return { review: { findings, coverage: [], documents: paths.map((p) => doc(p)), skipped: [] }, conventions: [convention] };
}

describe('folder conventions in the JSON report', () => {
  it('lists each convention after the findings, and keeps its one finding among them', () => {
    const { review, conventions } = folded(12, 14);
    const report = toJsonReport(review, { version: '1.0.0', conventions });
    expect(Object.keys(report)).toEqual(['version', 'findings', 'conventions', 'coverage', 'skipped']);
    expect(report.findings.map((f) => f.file)).toEqual(['docs/decisions', 'docs/decisions/0001-choice.md']);
    expect(report.conventions).toEqual([
      { ruleId: 'adr-date', severity: 'warning', folder: 'docs/decisions', kind: 'adr', count: 12, total: 14, files: conventions[0]!.files },
    ]);
  });

  it('has an empty conventions array when there is none', () => {
    const { review } = folded(12, 14);
    expect(toJsonReport(review, { version: '1.0.0' }).conventions).toEqual([]);
  });
});

describe('folder conventions in SARIF', () => {
  it('puts the result on the first record with the gap, line 1, lists the records and keeps them all in properties', () => {
    const { review, conventions } = folded(12, 14);
    const run = toSarif(review, { version: '1.0.0', rules, conventions }).runs[0]!;
    const result = run.results.find((r) => r.ruleId === 'adr-date')!;
    expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe('adr-date');
    expect(result.level).toBe('warning');
    expect(result.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'docs/decisions/0001-choice.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } } },
    ]);
    expect(result.message.text).toBe(
      "12 of 14 ADRs in docs/decisions have no decision date, which looks like the folder's convention\n" +
        'Records: 0001-choice.md, 0002-choice.md, 0003-choice.md, 0004-choice.md, 0005-choice.md, 0006-choice.md, ' +
        '0007-choice.md, 0008-choice.md, 0009-choice.md, 0010-choice.md, and 2 more',
    );
    expect(result.properties).toEqual({ folder: 'docs/decisions', count: 12, total: 14, files: conventions[0]!.files });
    // The record's own finding is an ordinary result.
    const status = run.results.find((r) => r.ruleId === 'adr-status')!;
    expect(status.properties).toBeUndefined();
    expect(status.locations[0]!.physicalLocation.region.startLine).toBe(5);
  });

  it('keeps one fingerprint for a folder and rule while records are added, and tells folders apart', () => {
    const print = (count: number, total: number, folder?: string) => {
      const { review, conventions } = folded(count, total, folder);
      return toSarif(review, { version: '1.0.0', rules, conventions }).runs[0]!.results.find((r) => r.ruleId === 'adr-date')!.partialFingerprints[FINGERPRINT_KEY];
    };
    expect(print(12, 14)).toMatch(/^[0-9a-f]{32}$/);
    expect(print(13, 15)).toBe(print(12, 14));
    expect(print(12, 14, 'services/docs/adr')).not.toBe(print(12, 14));
  });

  it('without conventions, a finding on a folder is an ordinary result (no guessing)', () => {
    const { review } = folded(12, 14);
    const result = toSarif(review, { version: '1.0.0', rules }).runs[0]!.results.find((r) => r.ruleId === 'adr-date')!;
    expect(result.properties).toBeUndefined();
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toBe('docs/decisions');
  });
});

describe('folder conventions in the terminal', () => {
  it('heads the folder block with the folder and counts folders apart from files in the totals', () => {
    const { review, conventions } = folded(12, 14);
    const text = renderTerminal(review, { color: false, conventions });
    const lines = text.split('\n');
    expect(lines[0]).toBe('docs/decisions/');
    expect(lines[1]).toMatch(/^ {2}0:0 {2}warning {2}12 of 14 ADRs in docs\/decisions have no decision date.* {2}adr-date$/);
    expect(lines).toContain('docs/decisions/0001-choice.md');
    expect(lines.at(-2)).toBe('✖ 2 problems (1 error, 1 warning) in 1 file and 1 folder; 14 files reviewed');
  });
});
