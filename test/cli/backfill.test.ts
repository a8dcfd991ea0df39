import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, removeRepo, runCli, runCliInProcess } from './cli-harness.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/backfill', name), 'utf8');

describe('design-review backfill', () => {
  let repo: string;
  const files = () => ({
    'docs/adr/0001-use-mysql.md': fixture('superseded.md'),
    'docs/adr/0002-publish-order-events.md': fixture('nygard-numbers.md'),
    'docs/adr/0004-keep-logs.md': fixture('crlf-no-final-newline.md'),
  });
  beforeAll(async () => {
    repo = await makeRepo(files());
  });
  afterAll(async () => {
    await removeRepo(repo);
  });
  const read = (path: string) => readFileSync(join(repo, path), 'utf8');

  it('--dry-run prints a unified diff git applies, writes nothing, and reports on stderr', async () => {
    const result = await runCli(['backfill', '--dry-run', '--today', '2026-12-06'], repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--- a/docs/adr/0002-publish-order-events.md\n+++ b/docs/adr/0002-publish-order-events.md\n');
    expect(result.stdout).toContain('+- Performance: p99 latency above 200 ms for a week.\n');
    expect(result.stdout).not.toContain('0001-use-mysql.md');
    expect(result.stderr).toBe(
      [
        'docs/adr/0002-publish-order-events.md:25  would draft Scale, Performance, Cost, Calendar',
        'docs/adr/0004-keep-logs.md:21  would draft Compliance, Calendar (1 TODO to fill)',
        'docs/adr/0001-use-mysql.md  skipped: status superseded',
        '',
        '2 records would get a Revisit Triggers section (1 TODO to fill), 1 skipped, 0 already say when to revisit',
        '',
      ].join('\n'),
    );
    expect(read('docs/adr/0002-publish-order-events.md')).toBe(fixture('nygard-numbers.md'));
    execFileSync('git', ['apply', '--check', '-'], { cwd: repo, input: result.stdout });
  });

  it('writes the sections, keeping a CRLF record CRLF and every other byte, and a second run changes nothing', async () => {
    const first = await runCli(['backfill', '--today', '2026-12-06'], repo);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2 records got a Revisit Triggers section (1 TODO to fill), 1 skipped, 0 already say when to revisit');
    const crlf = read('docs/adr/0004-keep-logs.md');
    expect(crlf.startsWith(fixture('crlf-no-final-newline.md'))).toBe(true);
    expect(crlf.replace(/\r\n/g, '')).not.toContain('\n');
    expect(crlf.endsWith('- Calendar: revisit by 2027-04-01.')).toBe(true);
    expect(read('docs/adr/0001-use-mysql.md')).toBe(fixture('superseded.md'));
    const written = read('docs/adr/0002-publish-order-events.md');

    const second = await runCli(['backfill', '--today', '2027-06-01'], repo);
    expect(second.stdout).toContain('0 records got a Revisit Triggers section, 1 skipped, 2 already say when to revisit');
    expect(read('docs/adr/0002-publish-order-events.md')).toBe(written);

    // The review flags the TODO left to fill, and nothing about the drafted triggers otherwise.
    const check = await runCliInProcess(['check', '--format', 'json', '--today', '2026-12-06'], repo);
    const findings = (JSON.parse(check.stdout) as { findings: { ruleId: string; file: string; line: number }[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'adr-revisit-triggers')).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'adr-placeholders').map((f) => `${f.file}:${f.line}`)).toEqual(['docs/adr/0004-keep-logs.md:23']);
  });

  it('backfills only the paths named', async () => {
    const other = await makeRepo(files());
    try {
      const result = await runCliInProcess(['backfill', 'docs/adr/0004-keep-logs.md', '--today', '2026-12-06'], other);
      expect(result.stdout).toContain('1 record got a Revisit Triggers section (1 TODO to fill), 0 skipped, 0 already say when to revisit');
      expect(readFileSync(join(other, 'docs/adr/0002-publish-order-events.md'), 'utf8')).toBe(fixture('nygard-numbers.md'));
    } finally {
      await removeRepo(other);
    }
  });
});
