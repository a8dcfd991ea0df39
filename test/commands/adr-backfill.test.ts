// `/adr backfill` against the GitHub double (every request checked against GitHub's OpenAPI
// description): one pull request, one commit through the Git Data API, idempotent on a second
// run, updated with the records added since, and requests flat in the number of ADRs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAdrCommand, type AdrCommandDeps } from '../../src/commands/adr-command.js';
import { CONFIG_PATH } from '../../src/config/load.js';
import { BACKFILL_BRANCH } from '../../src/github/backfill-pull-request.js';
import { checkRepoConfig } from '../../src/github/repo-config.js';
import { builtinChecklists } from '../../src/io/builtin-checklists.js';
import { loadBuiltinTemplates } from '../../src/io/read-templates.js';
import type { GitHubDouble } from '../github-double/index.js';
import { botLogin, octokitFor, REPO, startDouble } from '../github/double-octokit.js';
import { commentCommand } from './command-harness.js';
import { commandReadersInPool } from '../../src/commands/commands-in-pool.js';
import { testCorePool } from '../helpers/core-pool.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/backfill', name), 'utf8');
const errors: string[] = [];
const log = { info: () => undefined, warn: () => undefined, error: (obj: object, msg?: string) => void errors.push(`${msg ?? ''} ${String((obj as { err?: unknown }).err ?? '')}`) };
const TODAY = '2026-12-06';

/** The double's two records' paths: a log given to `startDouble` replaces them. */
const DEFAULT_PATHS = ['docs/adr/0001-use-postgres.md', 'docs/adr/0002-use-kafka.md'];

/** A log of `n` accepted records without triggers, numbered from 1, in docs/adr (the first two at the double's own paths). */
function log_(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  const text = fixture('nygard-numbers.md');
  for (let i = 1; i <= n; i += 1) files[DEFAULT_PATHS[i - 1] ?? `docs/adr/${String(i).padStart(4, '0')}-decision-${i}.md`] = text.replace('# 2. Publish', `# ${i}. Publish`);
  return files;
}

const pool = testCorePool({ threads: 2, documentTimeoutMs: 1_500 });

describe('/adr backfill', () => {
  let double: GitHubDouble;
  beforeAll(() => loadBuiltinTemplates());
  afterAll(() => pool.close());
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  async function run(text = '/adr backfill', author = 'maria', extra: Partial<AdrCommandDeps> = {}) {
    const { issue, event } = commentCommand(double, text, author, 'Please.');
    const deps: AdrCommandDeps = {
      gh: octokitFor(double) as unknown as AdrCommandDeps['gh'],
      log,
      loadConfig: async () => checkRepoConfig(null, CONFIG_PATH),
      appSlug: async () => double.state.app.slug,
      today: () => TODAY,
      vocabulary: () => builtinChecklists(),
      sleep: async () => undefined,
      enqueueReview: async () => 'queued',
      ...extra,
    };
    const since = double.requests.length;
    const outcome = await runAdrCommand(deps, event);
    const reply = double.state.commentsOn(REPO, issue.number).find((c) => c.user.login === botLogin(double));
    return { outcome, reply: reply?.body ?? '', requests: double.requests.slice(since) };
  }

  const backfillPulls = () => [...double.state.pulls.values()].filter((p) => p.head.ref === BACKFILL_BRANCH);
  const fileAt = (ref: string, path: string) => {
    const object = double.state.objects.lookup(double.state.resolveRef(double.state.repo(REPO), ref)!, path);
    return object?.type === 'blob' ? object.content.toString('utf8') : undefined;
  };

  it('opens one pull request with one commit drafting every accepted record, and says what it did', async () => {
    double = await startDouble({
      [DEFAULT_PATHS[0]!]: fixture('superseded.md'),
      [DEFAULT_PATHS[1]!]: fixture('nygard-numbers.md'),
      'docs/adr/0004-keep-logs.md': fixture('crlf-no-final-newline.md'),
    });
    double.state.setPermission(REPO, 'maria', 'maintain');
    const { outcome, reply, requests } = await run();
    expect(outcome).toBe('created');
    const [pull] = backfillPulls();
    expect(pull).toBeDefined();
    expect(pull!.draft).toBe(true);
    const issue = double.state.findIssue(REPO, pull!.number)!;
    expect(issue.title).toBe('Revisit triggers for 2 ADRs');
    const body = issue.body ?? '';
    expect(body).toContain('| ADR-0002 | Publish order events to Kafka | Scale: sustained load above 2,000 orders/s for a week; Performance: p99 latency above 200 ms for a week; Cost: spend above $4k a month; Calendar: revisit by 2027-03-01 |  |');
    expect(body).toContain('| ADR-0004 | Keep logs for 30 days | Compliance (TODO); Calendar: revisit by 2027-04-01 | 1 TODO |');
    expect(body).toContain('- `docs/adr/0001-use-postgres.md`: status superseded');
    expect(body.trimEnd().endsWith('<!-- design-review:backfill -->')).toBe(true);
    expect(pull!.files.map((f) => f.filename).sort()).toEqual([DEFAULT_PATHS[1], 'docs/adr/0004-keep-logs.md']);
    expect(fileAt(BACKFILL_BRANCH, 'docs/adr/0004-keep-logs.md')!.endsWith('\r\n- Calendar: revisit by 2027-04-01.')).toBe(true);
    expect(fileAt(BACKFILL_BRANCH, DEFAULT_PATHS[0]!)).toBe(fixture('superseded.md'));
    expect(reply).toContain(`/pull/${pull!.number}) as a draft: `);
    expect(reply).toContain('a Revisit Triggers section drafted for 2 ADRs from their own text, in one commit on `adr/backfill-revisit-triggers`. 1 condition is a TODO');
    const ops = requests.map((r) => r.operationId);
    expect(ops.filter((o) => o === 'git/create-tree')).toHaveLength(1);
    expect(ops.filter((o) => o === 'git/create-commit')).toHaveLength(1);
    expect(ops).not.toContain('repos/create-or-update-file-contents');
  });

  it('a second run with nothing new changes nothing; after a new ADR it updates the same pull request and names the record', async () => {
    double = await startDouble(log_(2));
    double.state.setPermission(REPO, 'maria', 'write');
    await run();
    const [pull] = backfillPulls();
    const head = pull!.head.sha;

    const again = await run();
    expect(again.outcome).toBe('existing');
    expect(again.reply).toContain(`/pull/${pull!.number}) is up to date`);
    expect(again.reply).toContain('is up to date: it drafts Revisit Triggers for 2 records');
    expect(again.requests.map((r) => r.operationId)).not.toContain('git/create-commit');
    expect(backfillPulls()[0]!.head.sha).toBe(head);

    double.state.commit(REPO, { files: { 'docs/adr/0003-decision-3.md': log_(3)['docs/adr/0003-decision-3.md']! } });
    const third = await run();
    expect(third.outcome).toBe('existing');
    expect(third.reply).toMatch(new RegExp(`^Updated \\[#\u200b${pull!.number}\\]\\(.*/pull/${pull!.number}\\)`));
    expect(third.reply).toContain('it now drafts Revisit Triggers for 3 records, 1 of them new since the last run: `docs/adr/0003-decision-3.md`');
    expect(backfillPulls()).toHaveLength(1);
    expect(double.state.findIssue(REPO, pull!.number)!.title).toBe('Revisit triggers for 3 ADRs');
    expect(backfillPulls()[0]!.files.map((f) => f.filename)).toHaveLength(3);
  });

  it('after the pull request merges, a new run covers only what is still missing', async () => {
    double = await startDouble(log_(2));
    double.state.setPermission(REPO, 'maria', 'write');
    await run();
    const [pull] = backfillPulls();
    // Merge: the branch's records land on main, the pull request closes as merged.
    const merged = Object.fromEntries(Object.keys(log_(2)).map((path) => [path, fileAt(BACKFILL_BRANCH, path)!]));
    double.state.commit(REPO, { files: merged });
    double.state.findIssue(REPO, pull!.number)!.state = 'closed';
    pull!.merged = true;

    const nothing = await run();
    expect(nothing.outcome).toBe('replied');
    expect(nothing.reply).toContain('Nothing to backfill on `main`: every accepted ADR says when to revisit it (2 records)');

    double.state.commit(REPO, { files: { 'docs/adr/0003-decision-3.md': log_(3)['docs/adr/0003-decision-3.md']! } });
    const next = await run();
    expect(next.outcome).toBe('created');
    const open = backfillPulls().filter((p) => !p.merged);
    expect(open).toHaveLength(1);
    expect(open[0]!.files.map((f) => f.filename)).toEqual(['docs/adr/0003-decision-3.md']);
  });

  it('a user who may not write gets the polite refusal and nothing is written', async () => {
    double = await startDouble(log_(2));
    double.state.setPermission(REPO, 'reader', 'read');
    const { outcome, reply, requests } = await run('/adr backfill', 'reader');
    expect(outcome).toBe('denied');
    expect(reply).toContain('@reader');
    expect(requests.filter((r) => r.method !== 'GET' && r.operationId !== 'graphql' && r.operationId !== 'issues/create-comment')).toEqual([]);
    expect(backfillPulls()).toEqual([]);
  });

  it('makes as many requests for 1,000 ADRs as for 10, but for one GraphQL batch per 50 records', async () => {
    const counts: Record<number, { rest: number; graphql: number }> = {};
    // The records are planned on the core pool, as in the App: parsing a thousand of them here would
    // block this thread for seconds, and Octokit would then reuse a socket the double had closed.
    const { planRecords } = commandReadersInPool(pool, log);
    for (const n of [10, 100, 1000]) {
      double = await startDouble(log_(n));
      double.state.setPermission(REPO, 'maria', 'write');
      const { outcome, requests } = await run('/adr backfill', 'maria', { planRecords });
      expect(outcome, errors.join('\n')).toBe('created');
      counts[n] = { rest: requests.filter((r) => r.operationId !== 'graphql').length, graphql: requests.filter((r) => r.operationId === 'graphql').length };
      if (n !== 1000) await double.close();
    }
    console.info(`/adr backfill requests (REST + GraphQL): ${Object.entries(counts).map(([n, c]) => `${n} ADRs: ${c.rest} + ${c.graphql}`).join('; ')}`);
    expect(counts[100]!.rest).toBe(counts[10]!.rest);
    expect(counts[1000]!.rest).toBe(counts[10]!.rest);
    expect([counts[10]!.graphql, counts[100]!.graphql, counts[1000]!.graphql]).toEqual([1, 2, 20]);
  }, 120_000);

  it('leaves a record that cannot be read in time alone, saying so, and drafts the others', async () => {
    // One list item and 30,000 lazy continuation lines: seconds of micromark, over the 1.5 s budget.
    const hostile = `${fixture('nygard-numbers.md')}\n- x\n${'y\n'.repeat(30_000)}`;
    double = await startDouble({ ...log_(2), 'docs/adr/0003-hostile.md': hostile });
    double.state.setPermission(REPO, 'maria', 'write');
    const { outcome } = await run('/adr backfill', 'maria', { planRecords: commandReadersInPool(pool, log).planRecords });
    expect(outcome).toBe('created');
    const [pull] = backfillPulls();
    expect(pull!.files.map((f) => f.filename)).toEqual(DEFAULT_PATHS);
    expect(double.state.findIssue(REPO, pull!.number)!.body).toContain('- `docs/adr/0003-hostile.md`: not read: it took longer than 1.5 s to read and was stopped (timeout)');
  }, 60_000);
});
