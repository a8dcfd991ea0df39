import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, removeRepo, runCli } from './cli-harness.js';
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
    const due = await runCli(['triggers', '--today', '2026-07-10'], repo);
    expect(due.stdout.split('\n')[0]).toMatch(/^docs\/adr\/0001-use-postgresql\.md:\d+ .*2026-07-10 {2}DUE {2}Calendar/);
    const overdue = await runCli(['triggers', '--today', '2026-08-01'], repo);
    expect(overdue.stdout.split('\n')[0]).toMatch(/2026-07-10 {2}OVERDUE {2}Calendar/);
    expect(overdue.stdout).toContain('3 triggers, 1 due (today 2026-08-01)');
    expect(overdue.code).toBe(0);
  });

  it('writes JSON with the state of each trigger', async () => {
    const result = await runCli(['triggers', 'docs/adr', '--format', 'json', '--today', '2026-08-01'], repo);
    const report = JSON.parse(result.stdout) as { today: string; triggers: { file: string; due?: string; state: string; kind: string }[] };
    expect(report.today).toBe('2026-08-01');
    expect(report.triggers[0]).toMatchObject({ file: 'docs/adr/0001-use-postgresql.md', due: '2026-07-10', state: 'overdue', kind: 'date' });
    expect(report.triggers.slice(1).every((t) => t.state === 'undated')).toBe(true);
  });

  it('rejects a bad --today (exit 2)', async () => {
    const result = await runCli(['triggers', '--today', '01/08/2026'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--today/);
  });
});
