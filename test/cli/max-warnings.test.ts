// `design-review check --max-warnings N`: ESLint's flag and meaning. The exit codes and the
// streams are checked on the built binary; the other cases run the same `main` in-process,
// where a run costs no Node start-up (the file stays fast on a loaded machine).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../../src/cli/check-command.js';
import { main } from '../../src/cli/main.js';
import { makeRepo, removeRepo, runCli, type CliResult } from './cli-harness.js';
import { CLEAN_ADR } from './fixtures.js';

const TODAY = ['--today', '2026-06-01'];

/** An ADR that is complete enough for no error, but leaves a few warnings (no options, no triggers, no trade-off). */
const WARNINGS_ONLY_ADR = `# 1. Use Redis for sessions

Date: 2026-01-01

## Status

Accepted

## Context

Sessions are lost on every deploy.

## Decision

Keep sessions in Redis.

## Consequences

Sessions survive deploys.
`;

interface JsonFinding {
  severity: string;
}

/** `design-review ...args` in `cwd`, in this process: the CLI's own `main`, with stdout and stderr captured. */
async function runInProcess(args: string[], cwd: string): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    cwd,
    stdout: { write: (s: string) => out.push(s), isTTY: false },
    stderr: { write: (s: string) => err.push(s), isTTY: false },
  } as unknown as CommandIo;
  const code = await main(['node', 'design-review', ...args], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('design-review check --max-warnings', () => {
  let repo: string;
  let clean: string;
  /** The warnings the report shows, counted from the JSON report of a run without a limit. */
  let warnings: number;
  let plainJson: string;

  beforeAll(async () => {
    [repo, clean] = await Promise.all([
      makeRepo({ 'docs/adr/0001-use-redis-for-sessions.md': WARNINGS_ONLY_ADR }),
      makeRepo({ 'docs/adr/0001-use-postgresql.md': CLEAN_ADR }),
    ]);
    const plain = await runInProcess(['check', '--format', 'json', ...TODAY], repo);
    expect(plain.code).toBe(0);
    plainJson = plain.stdout;
    const findings = (JSON.parse(plain.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    warnings = findings.filter((f) => f.severity === 'warning').length;
    expect(warnings).toBeGreaterThanOrEqual(2);
  });

  afterEach(() => {
    process.exitCode = 0;
  });

  afterAll(async () => {
    await Promise.all([removeRepo(repo), removeRepo(clean)]);
  });

  describe('the binary', () => {
    it('exits 1 above the limit with --format json: stdout the same valid report, the reason on stderr', async () => {
      const run = await runCli(['check', '--format', 'json', '--max-warnings', String(warnings - 1), ...TODAY], repo);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(plainJson);
      expect(run.stderr).toBe(`design-review: ${warnings} warnings, more than --max-warnings ${warnings - 1}\n`);
    });

    it('exits 0 with -1, no limit', async () => {
      const run = await runCli(['check', '--max-warnings', '-1', ...TODAY], repo);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
    });

    it('exits 2 on a count that is not a whole number of -1 or more, saying what to pass', async () => {
      const run = await runCli(['check', '--max-warnings', 'ten', ...TODAY], repo);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        "design-review: option '--max-warnings <count>' argument 'ten' is invalid. expected a whole number of -1 or more: " +
          'the most warnings that still pass (0: any warning fails; -1, the default: no limit), e.g. --max-warnings 10.\n',
      );
    });
  });

  it('passes below and at the limit, saying nothing about warnings', async () => {
    for (const limit of [warnings + 1, warnings]) {
      const run = await runInProcess(['check', '--no-color', '--max-warnings', String(limit), ...TODAY], repo);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain(`0 errors, ${warnings} warnings`);
    }
  });

  it('fails one above the limit and says why on stderr; the text report is unchanged', async () => {
    const unlimited = await runInProcess(['check', '--no-color', ...TODAY], repo);
    const above = await runInProcess(['check', '--no-color', '--max-warnings', String(warnings - 1), ...TODAY], repo);
    expect(above.code).toBe(1);
    expect(above.stderr).toBe(`design-review: ${warnings} warnings, more than --max-warnings ${warnings - 1}\n`);
    expect(above.stdout).toBe(unlimited.stdout);
  });

  it('with --format sarif: exit 1, the same SARIF on stdout', async () => {
    const plain = await runInProcess(['check', '--format', 'sarif', ...TODAY], repo);
    const limited = await runInProcess(['check', '--format', 'sarif', '--max-warnings', '0', ...TODAY], repo);
    expect(limited.code).toBe(1);
    expect(limited.stdout).toBe(plain.stdout);
    expect((JSON.parse(limited.stdout) as { runs: { results: unknown[] }[] }).runs[0]!.results).toHaveLength(warnings);
    expect(limited.stderr).toBe(`design-review: ${warnings} warnings, more than --max-warnings 0\n`);
  });

  it('judges a cached run as a fresh one, cold and warm', async () => {
    const withLimit = (limit: number) => ['check', '--format', 'json', '--cache', '--cache-location', 'limit.cache', '--max-warnings', String(limit), ...TODAY];
    const cold = await runInProcess(withLimit(warnings - 1), repo);
    const warm = await runInProcess(withLimit(warnings - 1), repo);
    for (const run of [cold, warm]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(plainJson);
      expect(run.stderr).toBe(`design-review: ${warnings} warnings, more than --max-warnings ${warnings - 1}\n`);
    }
    expect((await runInProcess(withLimit(warnings), repo)).code).toBe(0);
  });

  it('-1 sets no limit, also written --max-warnings=-1, and is the default', async () => {
    for (const args of [['--max-warnings=-1'], ['--max-warnings', '-1'], []]) {
      const run = await runInProcess(['check', ...args, ...TODAY], repo);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
    }
  });

  it('0 passes a run without warnings', async () => {
    const run = await runInProcess(['check', '--max-warnings', '0', ...TODAY], clean);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('leaves error findings failing the run, whatever the limit', async () => {
    const strict = await makeRepo({
      '.github/design-review.yml': 'rules:\n  adr-options: error\n',
      'docs/adr/0001-use-redis-for-sessions.md': WARNINGS_ONLY_ADR,
    });
    try {
      const run = await runInProcess(['check', '--format', 'json', '--max-warnings', '1000', ...TODAY], strict);
      expect((JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.severity === 'error')).toHaveLength(1);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
    } finally {
      await removeRepo(strict);
    }
  });

  it.each([['abc'], ['-2'], ['1.5'], ['1e3'], ['0x10'], ['+3'], ['']])('refuses %j with exit 2 and says what to pass', async (value) => {
    const run = await runInProcess(['check', '--max-warnings', value, ...TODAY], repo);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`design-review: option '--max-warnings <count>' argument '${value}' is invalid.`);
    expect(run.stderr).toContain('expected a whole number of -1 or more');
    expect(run.stderr).toContain('e.g. --max-warnings 10');
  });

  it('refuses the flag without a value', async () => {
    const run = await runInProcess(['check', '--max-warnings'], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'--max-warnings <count>' argument missing");
  });
});
