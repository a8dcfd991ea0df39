// What telling a folder's convention costs a pull request review: the App's review job
// (reviewPullRequest, in this process, on the core pool of worker threads) against the GitHub
// double, for a pull request that edits one ADR of a folder of 90 ADRs (13 KB each, about the
// largest real decision log: 92 records, 1.2 MB). Run after `npm run build` (the pool runs the
// built worker): `node --import tsx bench/pr-folder-conventions.ts [--runs 5]`.
//   undated: no record of the folder has a date, so the edited ADR's adr-date finding makes the
//            review read and review the folder's 89 other records (with review.folderConventions
//            on, the default) to say that it is the folder's convention;
//   dated:   every record has its date, the edited one has no gap finding: nothing more is read;
//   off:     the undated folder with `review: { folderConventions: false }`.
// For each: the median wall time of the job, and the GitHub requests of one run by operation.
import { cpus } from 'node:os';
import { Octokit } from '@octokit/rest';
import { reviewPullRequest } from '../src/review/pull-request-review.js';
import type { JobLog } from '../src/shared/job-log.js';
import { loadBuiltinTemplates } from '../src/io/read-templates.js';
import { CorePool } from '../src/workers/core-pool.js';
import { readPoolSettings } from '../src/workers/pool-settings.js';
import { reviewInPool } from '../src/review/review-in-pool.js';
import { startGitHubDouble, type GitHubDouble } from '../test/github-double/index.js';
import { checkRepoConfig } from '../src/github/repo-config.js';
import { CONFIG_PATH } from '../src/config/load.js';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const RUNS = at === -1 ? 5 : Number(args[at + 1]);
const RECORDS = 90;
const EDITED = 45;
const TODAY = '2026-11-21';

/** An ADR of about 13 KB; `dated` gives it a decision date. */
function adr(n: number, dated: boolean, edit = ''): string {
  const context = Array.from(
    { length: 62 },
    (_, i) =>
      `Paragraph ${i + 1} of record ${n}: orders are written by the checkout service and read by fulfilment, billing and the ` +
      `reporting jobs; at peak the write rate reaches ${1000 + i * 10} per second and reads lag by up to ${i + 2} seconds.`,
  ).join('\n\n');
  return [
    `# ${n}. Use store ${n} for orders${edit}`,
    '',
    dated ? `Date: 2024-03-${String((n % 28) + 1).padStart(2, '0')}\n` : '',
    '## Status',
    '',
    'Accepted',
    '',
    '## Context',
    '',
    context,
    '',
    '## Considered options',
    '',
    `- Store ${n} on the managed service`,
    '- Polling the orders table',
    '',
    '## Decision',
    '',
    `We will keep orders in store ${n} on the managed service, because consumers read at their own pace.`,
    '',
    '## Consequences',
    '',
    '- Fulfilment reads without loading the database.',
    '- We must run schema migrations with every release, which slows deploys down.',
    '',
    '## Revisit triggers',
    '',
    '- Revisit if volume exceeds 5,000 writes per second.',
    '- Revisit by 2027-03-01.',
    '',
  ].join('\n');
}

const pathOf = (n: number) => `docs/adr/${String(n).padStart(4, '0')}-use-store-${n}.md`;

interface Scenario {
  name: string;
  dated: boolean;
  config: unknown;
}

const SCENARIOS: Scenario[] = [
  { name: 'undated', dated: false, config: null },
  { name: 'dated', dated: true, config: null },
  { name: 'off', dated: false, config: { review: { folderConventions: false } } },
];

// The folder step's own time (read + review of the folder's records), from the job's log line.
let folderMs: number[] = [];
const log: JobLog = { info: (obj) => void ('ms' in obj && typeof obj.ms === 'number' && folderMs.push(obj.ms)), warn: (obj, msg) => console.warn('warn:', msg, obj), error: (obj, msg) => console.error('error:', msg, obj) };

async function measure(double: GitHubDouble, pool: CorePool, s: Scenario): Promise<{ ms: number[]; folderMs: number[]; ops: Map<string, number>; note: boolean }> {
  folderMs = [];
  const owner = `bench-${s.name}`;
  const { id } = double.state.addInstallation({ account: owner });
  const files: Record<string, string> = { 'README.md': '# Decisions\n' };
  for (let n = 1; n <= RECORDS; n += 1) files[pathOf(n)] = adr(n, s.dated);
  double.state.addRepo({ owner, name: 'decisions', installationId: id, files });
  const repo = `${owner}/decisions`;
  const gh = new Octokit({ baseUrl: double.url, auth: double.issueToken(id), log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } });
  const deps = { gh, log, loadConfig: async () => checkRepoConfig(s.config, CONFIG_PATH), appSlug: async () => double.state.app.slug, reviewFiles: reviewInPool(pool) };
  const ms: number[] = [];
  let ops = new Map<string, number>();
  let note = false;
  for (let run = 1; run <= RUNS; run += 1) {
    double.state.seedPullRequest(repo, { number: run, branch: `edit-${run}`, changes: { [pathOf(EDITED)]: adr(EDITED, s.dated, ` (edit ${run})`) } });
    const before = double.requests.length;
    const t0 = performance.now();
    const { outcome } = await reviewPullRequest(deps, { owner, repo: 'decisions', pullNumber: run }, () => TODAY);
    ms.push(performance.now() - t0);
    if (outcome !== 'reviewed') throw new Error(`${s.name}: review ended ${outcome}`);
    ops = new Map();
    for (const r of double.requests.slice(before)) ops.set(r.operationId ?? `${r.method} ${r.path}`, (ops.get(r.operationId ?? `${r.method} ${r.path}`) ?? 0) + 1);
    const comment = [...double.state.issueComments.values()].find((c) => c.repo.toLowerCase() === repo && c.issueNumber === run);
    note = comment?.body.includes("looks like the folder's convention") ?? false;
  }
  return { ms: ms.sort((a, b) => a - b), folderMs: folderMs.sort((a, b) => a - b), ops, note };
}

loadBuiltinTemplates();
const pool = new CorePool(readPoolSettings(process.env), new URL('../dist/workers/core-tasks.js', import.meta.url));
const double = await startGitHubDouble();
try {
  console.log(`pull request editing ADR ${EDITED} of ${RECORDS} in docs/adr (${(adr(1, false).length / 1024).toFixed(1)} KB each); ${RUNS} runs each; node ${process.version}, ${cpus().length} cores, ${pool.settings.threads} review threads`);
  const results = new Map<string, Awaited<ReturnType<typeof measure>>>();
  // A warm-up pull request so the first scenario does not pay for starting the threads.
  await measure(double, pool, { name: 'warm-up', dated: true, config: null });
  for (const s of SCENARIOS) results.set(s.name, await measure(double, pool, s));
  const ops = [...new Set([...results.values()].flatMap((r) => [...r.ops.keys()]))].sort();
  const width = Math.max(...ops.map((o) => o.length), 'median wall time'.length);
  console.log(`${''.padEnd(width)}  ${SCENARIOS.map((s) => s.name.padStart(9)).join('')}`);
  for (const op of ops) console.log(`${op.padEnd(width)}  ${SCENARIOS.map((s) => String(results.get(s.name)!.ops.get(op) ?? 0).padStart(9)).join('')}`);
  const total = (name: string) => [...results.get(name)!.ops.values()].reduce((a, b) => a + b, 0);
  console.log(`${'requests, total'.padEnd(width)}  ${SCENARIOS.map((s) => String(total(s.name)).padStart(9)).join('')}`);
  const median = (ms: number[]) => ms[Math.floor(ms.length / 2)]!;
  console.log(`${'median wall time'.padEnd(width)}  ${SCENARIOS.map((s) => `${Math.round(median(results.get(s.name)!.ms))} ms`.padStart(9)).join('')}`);
  console.log(`${'min / max'.padEnd(width)}  ${SCENARIOS.map((s) => { const m = results.get(s.name)!.ms; return `${Math.round(m[0]!)}/${Math.round(m[m.length - 1]!)}`.padStart(9); }).join('')}`);
  console.log(`${'of which folder step'.padEnd(width)}  ${SCENARIOS.map((s) => { const m = results.get(s.name)!.folderMs; return (m.length === 0 ? '-' : `${Math.round(median(m))} ms`).padStart(9); }).join('')}`);
  console.log(`${'folder note in summary'.padEnd(width)}  ${SCENARIOS.map((s) => String(results.get(s.name)!.note).padStart(9)).join('')}`);
  console.log(`double: ${double.violations.length} OpenAPI violations, ${double.unhandled.length} unhandled requests`);
} finally {
  await double.close();
  await pool.close();
}
