import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../../src/core/output/terminal.js';
import { stripAnsi } from '../../../src/core/output/ansi.js';
import { cleanReview, sampleReview } from './review-fixture.js';

describe('renderTerminal', () => {
  it('prints a block per file with aligned rows, summary and coverage', () => {
    const text = renderTerminal(sampleReview(), { color: false });
    const lines = text.split('\n');
    const header = lines.indexOf('docs/adr/0002-use-kafka.md');
    expect(header).toBeGreaterThanOrEqual(0);
    expect(lines[header + 1]).toMatch(/^ {2}1:1 {2}warning {2}Missing revisit triggers.* {2}adr-revisit-triggers$/);
    expect(lines[header + 2]).toMatch(/^ {2}5:1 {2}error {4}Unexpected status .* {2}adr-status$/);
    // The rule id column is aligned.
    expect(lines[header + 1]!.indexOf('adr-revisit-triggers')).toBe(lines[header + 2]!.indexOf('adr-status'));
    expect(lines[header + 3]).toBe('  1 error, 1 warning');
    expect(lines[header + 4]).toBe('  questions: 1/2 answered, unanswered: options');
    expect(lines[header + 5]).toBe('  triggers: none');
  });

  it('shows pillar coverage for design docs', () => {
    const text = renderTerminal(sampleReview(), { color: false });
    expect(text).toContain(
      '  pillars: 4/6 addressed (operational-excellence, security, reliability, performance-efficiency), 1 n/a (cost-optimization), 1 missing: sustainability',
    );
    expect(text).toContain('  questions: 4/5 answered, unanswered: trade-offs');
    expect(text).toContain('  triggers: 3 (2 threshold, 1 date), 1 due');
  });

  it('orders files, lists skipped files and ends with totals', () => {
    const text = renderTerminal(sampleReview(), { color: false });
    expect(text.indexOf('docs/adr/0002-use-kafka.md')).toBeLessThan(text.indexOf('docs/adr/0003-broken.md'));
    expect(text.indexOf('docs/adr/0003-broken.md')).toBeLessThan(text.indexOf('docs/design/search.md'));
    expect(text).toMatch(/skipped\n {2}docs\/adr\/diagram\.md {2}binary file\n/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('✖ 4 problems (2 errors, 2 warnings) in 3 files; 4 files reviewed, 1 skipped');
    // Clean ADRs get no block.
    expect(text).not.toContain('0001-record');
  });

  it('says so when there are no problems', () => {
    expect(renderTerminal(cleanReview(), { color: false })).toBe('✔ no problems in 1 file reviewed\n');
  });

  it('colours only when asked', () => {
    const plain = renderTerminal(sampleReview(), { color: false });
    const colored = renderTerminal(sampleReview(), { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(colored).toContain('\u001b[31m');
    expect(stripAnsi(colored)).toBe(plain);
  });

  it('shows whole-file findings at 0:0 and keeps multi-line messages on one row', () => {
    const review = cleanReview();
    review.findings.push({ ruleId: 'read-error', severity: 'error', message: 'Cannot read\nthe file', file: 'missing.md' });
    const text = renderTerminal(review, { color: false });
    expect(text).toContain('missing.md\n  0:0  error  Cannot read the file  read-error\n  1 error, 0 warnings\n');
  });
});
