import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, removeRepo, runCli, runCliInProcess } from './cli-harness.js';

// The first test runs the binary; the others run the same main() in this process (0.8 s of CPU less each).
import { ADR_WITH_FINDINGS, CLEAN_ADR } from './fixtures.js';

describe('design-review triggers', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await makeRepo({
      'docs/adr/0001-use-postgresql.md': CLEAN_ADR,
      'docs/adr/0002-use-kafka.md': ADR_WITH_FINDINGS,
    });
  });
  afterAll(async () => {
    await removeRepo(repo);
  });

  it('lists triggers as file:line rows with category, kind and due date; nothing due before the date', async () => {
    const result = await runCli(['triggers', '--today', '2026-03-01'], repo);
    expect(result.code).toBe(0);
    const rows = result.stdout.split('\n').filter((l) => l.startsWith('docs/'));
    expect(rows.length).toBe(3);
    expect(rows.every((r) => /^docs\/adr\/0001-use-postgresql\.md:\d+ {2}/.test(r))).toBe(true);
    expect(result.stdout).toMatch(/calendar +date +2026-07-10 {2}Calendar: revisit by 2026-07-10\./);
    expect(result.stdout).not.toMatch(/DUE|OVERDUE/);
    expect(result.stdout).toContain('3 triggers, 0 due (today 2026-03-01)');
  });

  it('marks a trigger DUE on its date and OVERDUE after, listed first', async () => {
    const due = await runCliInProcess(['triggers', '--today', '2026-07-10'], repo);
    expect(due.stdout.split('\n')[0]).toMatch(/^docs\/adr\/0001-use-postgresql\.md:\d+ .*2026-07-10 {2}DUE {2}Calendar/);
    const overdue = await runCliInProcess(['triggers', '--today', '2026-08-01'], repo);
    expect(overdue.stdout.split('\n')[0]).toMatch(/2026-07-10 {2}OVERDUE {2}Calendar/);
    expect(overdue.stdout).toContain('3 triggers, 1 due (today 2026-08-01)');
    expect(overdue.code).toBe(0);
  });

  it('writes JSON with the state of each trigger', async () => {
    const result = await runCliInProcess(['triggers', 'docs/adr', '--format', 'json', '--today', '2026-08-01'], repo);
    const report = JSON.parse(result.stdout) as { today: string; triggers: { file: string; due?: string; state: string; kind: string }[] };
    expect(report.today).toBe('2026-08-01');
    expect(report.triggers[0]).toMatchObject({ file: 'docs/adr/0001-use-postgresql.md', due: '2026-07-10', state: 'overdue', kind: 'date' });
    expect(report.triggers.slice(1).every((t) => t.state === 'undated')).toBe(true);
  });

  it('rejects a bad --today (exit 2)', async () => {
    const result = await runCliInProcess(['triggers', '--today', '01/08/2026'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--today/);
  });
});

/** A short ADR with a status, a decision date and one revisit trigger. */
function record(title: string, status: string, date: string, trigger: string): string {
  return `# ${title}\n\nDate: ${date}\n\n## Status\n\n${status}\n\n## Context\n\nThe context.\n\n## Decision\n\nWe will do it.\n\n## Revisit triggers\n\n- ${trigger}\n`;
}

describe('design-review triggers: inactive records, impossible dates, recurring occurrences', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await makeRepo({
      'docs/adr/0003-superseded.md': record('3. Old queue', 'Superseded by [ADR-0005](0005-recurring.md)', '2024-01-10', 'Revisit by 2025-06-01'),
      'docs/adr/0004-impossible.md': record('4. Cache', 'Accepted', '2025-02-01', 'Calendar: revisit by 2027-02-30'),
      'docs/adr/0005-recurring.md': record('5. New queue', 'Accepted', '2025-01-15', 'Calendar: every 6 months'),
    });
  });
  afterAll(async () => {
    await removeRepo(repo);
  });

  it('text: a superseded record is INACTIVE, an impossible date INVALID with the fix, a recurring trigger shows its latest and next occurrences', async () => {
    const result = await runCliInProcess(['triggers', '--today', '2026-12-05'], repo);
    expect(result.code).toBe(0);
    const rows = result.stdout.split('\n');
    expect(rows[0]).toMatch(/^docs\/adr\/0005-recurring\.md:\d+ +calendar +recurring +2026-07-15, next 2027-01-15 +OVERDUE +Calendar: every 6 months$/);
    expect(rows[1]).toMatch(/^docs\/adr\/0004-impossible\.md:\d+ +calendar +date +- +INVALID +Calendar: revisit by 2027-02-30$/);
    expect(rows[2]).toMatch(/`2027-02-30` does not exist \(February 2027 has 28 days\).*such as 2027-02-28/);
    expect(rows[3]).toMatch(/^docs\/adr\/0003-superseded\.md:\d+ +calendar +date +- +INACTIVE +Revisit by 2025-06-01$/);
    expect(result.stdout).toContain('3 triggers, 1 due, 1 inactive, 1 invalid (today 2026-12-05)');
    expect(result.stdout).not.toMatch(/2025-07-15/);
  });

  it('JSON: the same states, with last/next and the reason', async () => {
    const result = await runCliInProcess(['triggers', '--format', 'json', '--today', '2026-12-05'], repo);
    const report = JSON.parse(result.stdout) as { triggers: Record<string, unknown>[] };
    const byFile = new Map(report.triggers.map((t) => [t.file, t]));
    expect(byFile.get('docs/adr/0005-recurring.md')).toMatchObject({ kind: 'recurring', state: 'overdue', due: '2026-07-15', last: '2026-07-15', next: '2027-01-15' });
    expect(byFile.get('docs/adr/0004-impossible.md')).toMatchObject({ kind: 'date', state: 'invalid' });
    expect(byFile.get('docs/adr/0004-impossible.md')!.reason).toMatch(/`2027-02-30` does not exist/);
    expect(byFile.get('docs/adr/0004-impossible.md')!.due).toBeUndefined();
    expect(byFile.get('docs/adr/0003-superseded.md')).toMatchObject({ state: 'inactive', reason: 'status superseded' });
    expect(byFile.get('docs/adr/0003-superseded.md')!.due).toBeUndefined();
  });

  it('check reports the impossible date at its line and column', async () => {
    const result = await runCliInProcess(['check', 'docs/adr/0004-impossible.md', '--format', 'json', '--today', '2026-12-05'], repo);
    const { findings } = JSON.parse(result.stdout) as { findings: { ruleId: string; line: number; column?: number; message: string }[] };
    const finding = findings.find((f) => f.ruleId === 'adr-revisit-triggers');
    expect(finding).toMatchObject({ line: 19, column: '- Calendar: revisit by '.length + 1 });
    expect(finding!.message).toMatch(/Revisit date `2027-02-30` does not exist .*YYYY-MM-DD, such as 2027-02-28/);
  });
});
