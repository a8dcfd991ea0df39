// What one `/adr backfill` costs GitHub, against the GitHub double, in process, for a log of
// 10, 100 and 1,000 accepted ADRs without revisit triggers: runAdrCommand (the App's own job)
// through a real @octokit/rest client. Run: `npm run bench:backfill`, or
// `node --import tsx bench/backfill-pull-request.ts [--sizes 10,100,1000]`.
// The peer, measured in the same run on the same log: the same records committed the way
// `/adr new` commits (createAdrPullRequest: a branch, one contents PUT per file, the pull request).
import { cpus, loadavg } from 'node:os';
import { Octokit } from '@octokit/rest';
import { CONFIG_PATH } from '../src/config/load.js';
import { planBackfill } from '../src/core/backfill/plan-backfill.js';
import type { CommandEvent } from '../src/commands/adr-command-event.js';
import { runAdrCommand, type AdrCommandDeps } from '../src/commands/adr-command.js';
import { createAdrPullRequest } from '../src/github/adr-pull-request.js';
import { checkRepoConfig } from '../src/github/repo-config.js';
import { builtinChecklists } from '../src/io/builtin-checklists.js';
import { loadBuiltinTemplates } from '../src/io/read-templates.js';
import { startGitHubDouble, type GitHubDouble } from '../test/github-double/index.js';

const args = process.argv.slice(2);
const sizesArg = args.indexOf('--sizes');
const SIZES = sizesArg === -1 ? [10, 100, 1000] : args[sizesArg + 1]!.split(',').map(Number);
const OWNER = 'bench';
const NAME = 'decisions';
const TODAY = '2026-12-06';

const RECORD = (n: number) =>
  `# ${n}. Publish order events ${n}\n\nDate: 2025-03-01\n\n## Status\n\nAccepted\n\n## Context\n\nCheckout sends 2,000 orders/s under peak load, and traffic doubles in December.\n\n## Decision\n\nWe will publish them to Kafka.\n\n## Consequences\n\nOne more cluster to run.\n`;

function logOf(n: number): Record<string, string> {
  const files: Record<string, string> = { 'README.md': '# Decisions\n' };
  for (let i = 1; i <= n; i += 1) files[`docs/adr/${String(i).padStart(4, '0')}-decision-${i}.md`] = RECORD(i);
  return files;
}

async function seeded(n: number): Promise<{ double: GitHubDouble; gh: Octokit }> {
  const double = await startGitHubDouble();
  double.state.addInstallation({ id: 1, account: OWNER });
  double.state.addRepo({ owner: OWNER, name: NAME, files: logOf(n) });
  double.state.setPermission(`${OWNER}/${NAME}`, 'maria', 'maintain');
  const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  return { double, gh: new Octokit({ baseUrl: double.url, auth: double.issueToken(1), log: quiet }) };
}

async function backfill(n: number): Promise<{ rest: number; graphql: number; ms: number }> {
  const { double, gh } = await seeded(n);
  const issue = double.state.addIssue(`${OWNER}/${NAME}`, { title: 'Backfill', body: '', user: 'maria' });
  const comment = double.state.addIssueComment(`${OWNER}/${NAME}`, issue.number, { body: '/adr backfill', user: 'maria' });
  const event: CommandEvent = {
    owner: OWNER,
    repo: NAME,
    defaultBranch: 'main',
    archived: false,
    issue: { number: issue.number, title: issue.title, body: '', htmlUrl: '', author: 'maria', assignees: [], isPullRequest: false },
    author: 'maria',
    source: { kind: 'comment', id: comment.id },
    text: '/adr backfill',
  };
  const log = { info: () => undefined, warn: () => undefined, error: (o: object) => console.error(o) };
  const deps: AdrCommandDeps = {
    gh: gh as unknown as AdrCommandDeps['gh'],
    log,
    loadConfig: async () => checkRepoConfig(null, CONFIG_PATH),
    appSlug: async () => double.state.app.slug,
    today: () => TODAY,
    vocabulary: () => builtinChecklists(),
    enqueueReview: async () => 'queued',
  };
  const started = performance.now();
  const outcome = await runAdrCommand(deps, event);
  const ms = performance.now() - started;
  if (outcome !== 'created') throw new Error(`backfill of ${n} ADRs ended ${outcome}`);
  const rest = double.requests.filter((r) => r.operationId !== 'graphql').length;
  const graphql = double.requests.length - rest;
  if (double.violations.length > 0) throw new Error(`OpenAPI violations: ${JSON.stringify(double.violations.slice(0, 2))}`);
  await double.close();
  return { rest, graphql, ms };
}

/** The peer: the same records, one contents PUT each (how `/adr new` writes its one or two files). */
async function contentsApi(n: number): Promise<{ rest: number; graphql: number; ms: number }> {
  const { double, gh } = await seeded(n);
  const files = Object.entries(logOf(n)).filter(([p]) => p.startsWith('docs/adr/'));
  const plan = planBackfill(files.map(([path, text]) => ({ path, text })), { today: TODAY, vocabulary: builtinChecklists() });
  const main = double.state.resolveRef(double.state.repo(`${OWNER}/${NAME}`), 'main')!;
  const blobs = double.state.objects.files(main);
  const started = performance.now();
  await createAdrPullRequest(gh as unknown as Parameters<typeof createAdrPullRequest>[0], {
    owner: OWNER,
    repo: NAME,
    base: { ref: 'main', sha: main },
    branch: 'adr/backfill-contents-api',
    files: plan.changes.map((c) => ({ path: c.path, content: c.after, sha: blobs.get(c.path)!, message: `Revisit triggers for ${c.path}` })),
    title: 'Revisit triggers',
    body: 'peer',
    draft: true,
  });
  const ms = performance.now() - started;
  const rest = double.requests.length;
  await double.close();
  return { rest, graphql: 0, ms };
}

loadBuiltinTemplates();
// One untimed run of each first: the double's OpenAPI description and the modules load once.
await backfill(10);
await contentsApi(10);
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join('/')}, ${cpus().length} CPUs`);
console.log('The peer is handed the drafted records and only writes them; the backfill also reads the log (its GraphQL batches).');
console.log('| ADRs | /adr backfill: REST + GraphQL requests | time | contents API peer: requests | time | requests, backfill / peer |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const n of SIZES) {
  const ours = await backfill(n);
  const peer = await contentsApi(n);
  const total = ours.rest + ours.graphql;
  console.log(
    `| ${n} | ${ours.rest} + ${ours.graphql} = ${total} | ${(ours.ms / 1000).toFixed(2)} s | ${peer.rest} | ${(peer.ms / 1000).toFixed(2)} s | ${(total / peer.rest).toFixed(3)} |`,
  );
}
