import { describe, expect, it } from 'vitest';
import { batches, findingsToAnnotations, toAnnotation } from '../../../src/core/publish/annotations.js';
import type { Finding } from '../../../src/core/finding.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'adr-status',
  severity: 'warning',
  message: 'Unexpected status `acepted`, expected one of proposed, accepted',
  file: 'docs/adr/0002-use-kafka.md',
  ...over,
});

describe('toAnnotation', () => {
  it('maps severity to level, rule id to title and defaults the line to 1', () => {
    expect(toAnnotation(finding({ severity: 'error' }))).toEqual({
      path: 'docs/adr/0002-use-kafka.md',
      start_line: 1,
      end_line: 1,
      annotation_level: 'failure',
      message: 'Unexpected status `acepted`, expected one of proposed, accepted',
      title: 'adr-status',
    });
    expect(toAnnotation(finding()).annotation_level).toBe('warning');
  });

  it('keeps columns on a one-line annotation', () => {
    const a = toAnnotation(finding({ line: 5, column: 1, endLine: 5, endColumn: 8 }));
    expect(a).toMatchObject({ start_line: 5, end_line: 5, start_column: 1, end_column: 8 });
    expect(toAnnotation(finding({ line: 5, column: 3 }))).toMatchObject({ start_column: 3, end_column: 3 });
  });

  it('drops columns when the annotation spans lines, as GitHub requires', () => {
    const a = toAnnotation(finding({ line: 5, column: 1, endLine: 9, endColumn: 4 }));
    expect(a).toMatchObject({ start_line: 5, end_line: 9 });
    expect(a).not.toHaveProperty('start_column');
    expect(a).not.toHaveProperty('end_column');
  });

  it('never ends before it starts', () => {
    expect(toAnnotation(finding({ line: 7, endLine: 3 }))).toMatchObject({ start_line: 7, end_line: 7 });
  });
});

describe('findingsToAnnotations and batches', () => {
  it('sends 120 findings as batches of 50, 50 and 20, errors first', () => {
    const findings = Array.from({ length: 120 }, (_, i) => finding({ line: i + 1, severity: i % 3 === 0 ? 'error' : 'warning' }));
    const sent = batches(findingsToAnnotations(findings));
    expect(sent.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(sent[0]!.slice(0, 40).every((a) => a.annotation_level === 'failure')).toBe(true);
    expect(sent.flat()).toHaveLength(120);
  });

  it('sends nothing for no findings and rejects a bad size', () => {
    expect(batches([])).toEqual([]);
    expect(() => batches([1], 0)).toThrow(RangeError);
  });
});
