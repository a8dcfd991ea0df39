// The reminder sweep's GitHub cost and wall time, against the GitHub double, in process: one
// installation of 100 repositories with 100 ADRs each, swept by sweepInstallation (the App's own
// function) through a real @octokit/rest client. Run: `npm run bench:sweep`, or
// `node --import tsx bench/reminder-sweep.ts [--repos 100] [--adrs 100]`.
//   1. first sweep: nothing cached, one ADR per repository due (one reminder issue each);
//   2. second sweep, nothing changed: what an ordinary day costs;
//   3. the naive peer, measured in the same run: per repository, list the ADR folder, read each
//      ADR with one contents request and list the issues, and nothing else (no writes).
import { cpus, loadavg } from 'node:os';
import { Octokit } from '@octokit/rest';
import { config } from '@probot/octokit-plugin-config';
import { CONFIG_PATH } from '../src/config/load.js';
import { loadRepoConfig } from '../src/github/repo-config.js';
import { MemorySweepCache } from '../src/reminders/sweep-cache.js';
import type { JobLog } from '../src/shared/job-log.js';
import { sweepInstallation, type RepoSweepResult, type SweepDeps } from '../src/reminders/reminder-sweep.js';
import type { GitHub } from '../src/github/github-client.js';
import { loadBuiltinTemplates } from '../src/io/read-templates.js';
import { startGitHubDouble, type GitHubDouble } from '../test/github-double/index.js';
import type { RecordedRequest } from '../test/github-double/recording.js';
import { dueAdr, isoDay, notDueAdr } from '../test/e2e/reminder-fixtures.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const REPOS = arg('repos', 100);
const ADRS = arg('adrs', 100);
const INSTALLATION = 1;
const OWNER = 'bench';

/** 100 ADRs: the first due yesterday, the others next year. */
function adrFiles(): Record<string, string> {
  const files: Record<string, string> = { 'README.md': '# Service\n' };
  for (let n = 1; n <= ADRS; n += 1) {
    const text = n === 1 ? dueAdr(n) : notDueAdr(n).replace(/^# \d+\. Use Kafka/, `# ${n}. Use store ${n}`);
    files[`docs/adr/${String(n).padStart(4, '0')}-decision-${n}.md`] = text;
  }
  return files;
}

/** Counts what the sweep logs at warn and error, so a sweep that silently fails shows. */
function countingLog(): JobLog & { warnings: number; errors: number; last?: string } {
  const log = {
    warnings: 0,
    errors: 0,
    last: undefined as string | undefined,
    info: () => undefined,
    warn: (_obj: object, msg?: string) => {
      log.warnings += 1;
      log.last = msg;
    },
    error: (obj: object, msg?: string) => {
      log.errors += 1;
      log.last = `${msg ?? ''} ${JSON.stringify(obj).slice(0, 300)}`;
    },
    child: () => log,
  };
  return log;
}

function since(github: GitHubDouble, seq: number): RecordedRequest[] {
  return github.requests.filter((r) => r.seq > seq);
}

function lastSeq(github: GitHubDouble): number {
  return github.requests.at(-1)?.seq ?? 0;
}

function byOperation(requests: readonly RecordedRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(r.operationId ?? `${r.method} ${r.path}`, (counts.get(r.operationId ?? `${r.method} ${r.path}`) ?? 0) + 1);
  return counts;
}

function tally(results: RepoSweepResult[]): string {
  const outcomes = new Map<string, number>();
  for (const r of results) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
  const created = results.reduce((n, r) => n + r.created.length, 0);
  return `${[...outcomes].map(([o, n]) => `${n} ${o}`).join(', ')}; ${created} issues created`;
}

/** The naive peer: per repository, list docs/adr, one contents read per ADR, list the issues. */
async function naiveSweep(octokit: Octokit): Promise<number> {
  let read = 0;
  for (let r = 0; r < REPOS; r += 1) {
    const repo = `service-${r}`;
    const { data: listing } = await octokit.rest.repos.getContent({ owner: OWNER, repo, path: 'docs/adr' });
    for (const entry of Array.isArray(listing) ? listing : []) {
      if (entry.type !== 'file' || !entry.name.endsWith('.md')) continue;
      await octokit.rest.repos.getContent({ owner: OWNER, repo, path: entry.path });
      read += 1;
    }
    await octokit.paginate(octokit.rest.issues.listForRepo, { owner: OWNER, repo, state: 'all', labels: 'adr-revisit', per_page: 100 });
  }
  return read;
}

const github = await startGitHubDouble();
try {
  console.log(`design-review reminder sweep benchmark: node ${process.version}, ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join('/')}`);
  console.log(`one installation, ${REPOS} repositories x ${ADRS} ADRs (one due per repository, today ${isoDay(0)}), GitHub double in process at ${github.url}\n`);
  const seeding = performance.now();
  github.state.addInstallation({ id: INSTALLATION, account: OWNER });
  const files = adrFiles();
  for (let r = 0; r < REPOS; r += 1) github.state.addRepo({ owner: OWNER, name: `service-${r}`, installationId: INSTALLATION, files });
  console.log(`seeded ${REPOS * ADRS} ADRs in ${((performance.now() - seeding) / 1000).toFixed(1)} s\n`);

  // As the App does at load: the reminder issue template is rendered from the built-in templates.
  loadBuiltinTemplates();
  const ConfigOctokit = Octokit.plugin(config);
  // Quiet: the absent config files answer 404, which Octokit would print once per repository.
  const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  const octokit = new ConfigOctokit({ auth: github.issueToken(INSTALLATION), baseUrl: `${github.url}/api/v3`, log: quiet });
  const log = countingLog();
  const deps: SweepDeps = {
    gh: octokit as unknown as GitHub,
    log,
    today: () => isoDay(0),
    loadConfig: (target) => loadRepoConfig(octokit, { ...target, path: CONFIG_PATH }),
    appSlug: async () => github.state.app.slug,
    cache: new MemorySweepCache({ ttlMs: 24 * 60 * 60 * 1000, maxEntries: 50_000 }),
  };

  const rows: { name: string; ms: number; requests: RecordedRequest[]; note: string }[] = [];
  for (const name of ['first sweep', 'second sweep, nothing changed']) {
    const before = lastSeq(github);
    const t0 = performance.now();
    const results = await sweepInstallation(deps);
    rows.push({ name, ms: performance.now() - t0, requests: since(github, before), note: tally(results) });
  }
  const before = lastSeq(github);
  const t0 = performance.now();
  const naiveReads = await naiveSweep(new Octokit({ auth: github.issueToken(INSTALLATION), baseUrl: `${github.url}/api/v3`, log: quiet }));
  const naive = { name: 'naive (list + 1 read/ADR + issues)', ms: performance.now() - t0, requests: since(github, before), note: `${naiveReads} ADRs read, reads only` };

  const ops = [...new Set(rows.flatMap((r) => [...byOperation(r.requests).keys()]))].sort();
  const width = Math.max(...ops.map((o) => o.length), naive.name.length, 'operation'.length);
  console.log(`${'requests by operation'.padEnd(width)}  ${rows.map((_, i) => `sweep ${i + 1}`.padStart(9)).join('')}`);
  for (const op of ops) console.log(`${op.padEnd(width)}  ${rows.map((r) => String(byOperation(r.requests).get(op) ?? 0).padStart(9)).join('')}`);
  console.log('');
  console.log(`${''.padEnd(width)}  ${'wall'.padStart(9)}  ${'requests'.padStart(9)}  ${'writes'.padStart(7)}  ${'ours/naive requests'.padStart(20)}  ${'ours/naive wall'.padStart(16)}`);
  for (const row of [...rows, naive]) {
    const writes = row.requests.filter((r) => r.method !== 'GET' && !(r.method === 'POST' && r.path.endsWith('/graphql'))).length;
    const ratio = row === naive ? '' : (row.requests.length / naive.requests.length).toFixed(3);
    const wallRatio = row === naive ? '' : (row.ms / naive.ms).toFixed(3);
    console.log(
      `${row.name.padEnd(width)}  ${`${(row.ms / 1000).toFixed(2)} s`.padStart(9)}  ${String(row.requests.length).padStart(9)}  ${String(writes).padStart(7)}  ${ratio.padStart(20)}  ${wallRatio.padStart(16)}   ${row.note}`,
    );
  }
  console.log(`\nsweep log: ${log.warnings} warnings, ${log.errors} errors${log.last === undefined ? '' : ` (last: ${log.last})`}`);
  console.log(`double: ${github.violations.length} OpenAPI violations, ${github.unhandled.length} unhandled requests; load after ${loadavg().map((l) => l.toFixed(2)).join('/')}`);
  if (github.violations.length > 0 || log.errors > 0) process.exitCode = 1;
} finally {
  await github.close();
}
