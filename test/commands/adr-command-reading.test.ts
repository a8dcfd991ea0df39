// The /adr command job reads the author's permission before the text, and reads the text on the
// core pool (real worker threads): a text that cannot be read in time is no command for a stranger
// and a short "could not read" reply for a writer. Against the GitHub double (OpenAPI-validated).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builtinChecklists } from '../../src/io/builtin-checklists.js';
import { runAdrCommand, type AdrCommandDeps } from '../../src/commands/adr-command.js';
import { loadBuiltinTemplates } from '../../src/io/read-templates.js';
import { commandReadersInPool } from '../../src/commands/commands-in-pool.js';
import type { GitHubDouble } from '../github-double/index.js';
import { botLogin, octokitFor, REPO, startDouble } from '../github/double-octokit.js';
import { commentCommand } from './command-harness.js';
import { testCorePool } from '../helpers/core-pool.js';
import { checkRepoConfig } from '../../src/github/repo-config.js';
import { CONFIG_PATH } from '../../src/config/load.js';

/** `- x`, 30k lazy lines, then the command: seconds of micromark, far over the 1.5 s budget below (short texts need milliseconds, or some hundreds on a fresh thread of a loaded machine). */
const HOSTILE = `- x\n${'y\n'.repeat(30_000)}\n/adr help\n`;

const warnings: string[] = [];
const log = { info: () => undefined, warn: (_: object, msg?: string) => void warnings.push(msg ?? ''), error: () => undefined };
const pool = testCorePool({ threads: 1, commandTimeoutMs: 1_500 });

describe('/adr command text, read after the permission on the core pool', () => {
  let double: GitHubDouble;
  beforeAll(() => loadBuiltinTemplates());
  afterAll(() => pool.close());
  beforeEach(async () => {
    warnings.length = 0;
    double = await startDouble();
    double.state.setPermission(REPO, 'carol', 'write');
  });
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    await double.close();
  });

  function run(text: string, author: string, body = 'Context.') {
    const gh = octokitFor(double);
    const { issue, comment, event } = commentCommand(double, text, author, body);
    const deps: AdrCommandDeps = {
      ...commandReadersInPool(pool, log),
      gh: gh as unknown as AdrCommandDeps['gh'],
      log,
      loadConfig: async () => checkRepoConfig(null, CONFIG_PATH),
      appSlug: async () => double.state.app.slug,
      today: () => '2026-01-15',
      vocabulary: () => builtinChecklists(),
      sleep: async () => undefined,
      enqueueReview: async () => 'queued',
    };
    return { issue, comment, outcome: runAdrCommand(deps, event) };
  }

  const writes = () => double.requests.filter((r) => r.method !== 'GET');
  const repliesOn = (issueNumber: number) => double.state.commentsOn(REPO, issueNumber).filter((c) => c.user.login === botLogin(double));

  it('a stranger\'s text that cannot be read in time: the permission read, then nothing written', async () => {
    const { outcome } = run(HOSTILE, 'stranger');
    expect(await outcome).toBe('no-command');
    expect(double.requests.map((r) => r.operationId)).toContain('repos/get-collaborator-permission-level');
    expect(writes()).toEqual([]);
    expect(warnings).toEqual(['design-review: could not read the /adr command in time']);
  });

  it('a writer\'s text that cannot be read in time: a confused reaction and a reply saying to post the command on its own', async () => {
    const { issue, outcome } = run(HOSTILE, 'carol');
    expect(await outcome).toBe('failed');
    const [reply] = repliesOn(issue.number);
    expect(reply!.body).toContain('I could not read the command');
    expect(reply!.body).toContain('Post the `/adr` command in a short comment of its own');
    expect(double.state.reactions.map((r) => r.content)).toEqual(['confused']);
  });

  it('a command in a fence is no command: the config and permission reads, nothing written', async () => {
    const { outcome } = run('```\n/adr new Example\n```', 'carol');
    expect(await outcome).toBe('no-command');
    expect(writes()).toEqual([]);
  });

  it('an issue body that cannot be read in time still gives the record its plain lines as context', async () => {
    // An Options heading: reading its list takes the parse of the whole body.
    const body = `Orders drift apart.\n\n## Options\n\n- x\n${'y\n'.repeat(30_000)}`;
    const { outcome } = run('/adr new Use PostgreSQL', 'carol', body);
    expect(await outcome).toBe('created');
    expect(warnings).toEqual(['design-review: could not read the issue body in time; using its plain lines']);
    const pull = [...double.state.pulls.values()].find((p) => p.head.ref.startsWith('adr/'))!;
    const sha = double.state.resolveRef(double.state.repo(REPO), pull.head.ref)!;
    const object = double.state.objects.lookup(sha, 'docs/adr/0003-use-postgresql.md');
    expect(object?.type === 'blob' ? object.content.toString('utf8') : '').toContain('Orders drift apart.');
  });
});
