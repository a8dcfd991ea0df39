// The App's GitHub cost and latency, against the GitHub double and the real App process
// (`node dist/main.js`, as `npm start`). Run: `npm run bench:app` (builds first), or
// `node --import tsx bench/app-review.ts [--deliveries 50] [--deadline-s 170]` after `npm run build`.
//   a. GitHub API requests per review of a pull request touching 1, 10 and 100 documents, by
//      operation, next to a naive peer measured in the same run (list the files, then one
//      contents read per document with @octokit/rest), and the ratio ours/naive.
//   b. With N deliveries in flight (N pull requests over several installations and repositories):
//      webhook ack latency and delivery-to-completed-check-run latency, p50/p99, and the load.
import { cpus, loadavg } from 'node:os';
import { Octokit } from '@octokit/rest';
import { buildDelivery, pullRequestPatch, sendDelivery } from '../test/github-double/index.js';
import type { RecordedRequest } from '../test/github-double/recording.js';
import { WEBHOOK_SECRET } from '../test/e2e/app-process.js';
import { isCompletion, isFor, isSummaryWrite, startReviewHarness, type ReviewHarness } from '../test/e2e/review-harness.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const DELIVERIES = arg('deliveries', 50);
const DEADLINE_S = arg('deadline-s', 170);
const INSTALLATIONS = 5;
const REPOS_PER_INSTALLATION = 2;

/** A clean ADR numbered `n` (few or no findings, so the review's cost is the reading, not the commenting). */
function adr(n: number): string {
  return `# ${n}. Use store ${n} for orders

Date: 2024-03-12
Deciders: Ana Lima, Bo Chen

## Status

Accepted

## Context

Orders are written by the checkout service and read by fulfilment (${n}).

## Options considered

- Store ${n} on the managed service
- Polling the orders table

## Decision

We will keep orders in store ${n} on the managed service, because consumers read at their own pace.

## Consequences

- Fulfilment reads without loading the database.
- We must run schema migrations with every release, which slows deploys down.

## Revisit triggers

- Revisit if volume exceeds 5,000 writes per second.
- Revisit by 2026-03-01.
`;
}

function docs(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= count; i += 1) files[`docs/adr/${String(i).padStart(4, '0')}-use-store-${i}.md`] = adr(i);
  return files;
}

function byOperation(requests: RecordedRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of requests) {
    const key = r.operationId ?? `${r.method} ${r.path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const fmt = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : `> ${DEADLINE_S} s`);

async function requestsPerReview(h: ReviewHarness): Promise<void> {
  console.log('a. GitHub API requests per review (one pull_request.opened each), ours vs naive');
  const rows: { n: number; ours: Map<string, number>; oursTotal: number; naive: number }[] = [];
  for (const n of [1, 10, 100]) {
    const { owner, installationId } = h.installation(`count-${n}`);
    h.github.state.addRepo({ owner, name: 'decisions', files: { 'README.md': '# Decisions\n' } });
    const repo = `${owner}/decisions`;
    h.github.state.seedPullRequest(repo, { number: 1, branch: 'adrs', changes: docs(n) });
    const before = h.lastSeq();
    await h.deliverPullRequest(repo, 1, 'opened');
    await h.requestAfter(before, (r) => isSummaryWrite(repo, r), 120_000);
    // Everything the App sent for this review (the runs are sequential): token, config, check run, reads, writes.
    const ours = h.github.requests.filter((r) => r.seq > before);

    // The naive peer: list the files, then GET contents once per document, with @octokit/rest.
    const naiveBefore = h.lastSeq();
    const octokit = new Octokit({ auth: h.github.issueToken(installationId), baseUrl: `${h.github.url}/api/v3` });
    const [o, name] = repo.split('/') as [string, string];
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: o, repo: name, pull_number: 1, per_page: 100 });
    const head = (await octokit.rest.pulls.get({ owner: o, repo: name, pull_number: 1 })).data.head.sha;
    for (const f of files) if (f.filename.endsWith('.md')) await octokit.rest.repos.getContent({ owner: o, repo: name, path: f.filename, ref: head });
    const naive = h.github.requests.filter((r) => r.seq > naiveBefore && isFor(repo, r)).length;
    rows.push({ n, ours: byOperation(ours), oursTotal: ours.length, naive });
  }
  const ops = [...new Set(rows.flatMap((r) => [...r.ours.keys()]))].sort();
  const width = Math.max(...ops.map((o) => o.length), 'operation'.length);
  console.log(`${'operation'.padEnd(width)}  ${rows.map((r) => `${r.n} doc${r.n === 1 ? ' ' : 's'}`.padStart(9)).join('')}`);
  for (const op of ops) console.log(`${op.padEnd(width)}  ${rows.map((r) => String(r.ours.get(op) ?? 0).padStart(9)).join('')}`);
  console.log(`${'ours, total'.padEnd(width)}  ${rows.map((r) => String(r.oursTotal).padStart(9)).join('')}`);
  console.log(`${'naive (list + 1 read/doc)'.padEnd(width)}  ${rows.map((r) => String(r.naive).padStart(9)).join('')}`);
  console.log(`${'ours / naive'.padEnd(width)}  ${rows.map((r) => (r.oursTotal / r.naive).toFixed(2).padStart(9)).join('')}`);
  console.log('(ours includes the installation token, the config reads, the check run and the summary comment; naive only reads)\n');
}

async function latencyInFlight(h: ReviewHarness): Promise<void> {
  console.log(
    `b. ${DELIVERIES} pull_request.opened deliveries in flight: ${INSTALLATIONS} installations x ${REPOS_PER_INSTALLATION} repositories, ` +
      `${Math.ceil(DELIVERIES / (INSTALLATIONS * REPOS_PER_INSTALLATION))} pull requests each (3 ADRs per pull request)`,
  );
  const targets: { repo: string; number: number }[] = [];
  const repos: string[] = [];
  for (let i = 0; i < INSTALLATIONS; i += 1) {
    const { owner } = h.installation(`tenant-${i}`);
    for (let j = 0; j < REPOS_PER_INSTALLATION; j += 1) {
      h.github.state.addRepo({ owner, name: `service-${j}`, files: { 'README.md': '# Service\n' } });
      repos.push(`${owner}/service-${j}`);
    }
  }
  for (let k = 0; k < DELIVERIES; k += 1) {
    const repo = repos[k % repos.length]!;
    const number = Math.floor(k / repos.length) + 1;
    h.github.state.seedPullRequest(repo, { number, branch: `adrs-${number}`, changes: docs(3) });
    targets.push({ repo, number });
  }
  const deliveries = targets.map((t) =>
    buildDelivery('pull_request', 'opened', pullRequestPatch(h.github.state, h.github.url, t.repo, t.number), { secret: WEBHOOK_SECRET }),
  );
  const load0 = loadavg();
  const before = h.lastSeq();
  const t0 = performance.now();
  const completed = targets.map((t) => {
    const sha = h.github.state.findPull(t.repo, t.number)!.head.sha;
    return h.github
      .waitForRequest((r) => r.seq > before && isCompletion(t.repo, r) && h.github.state.checkRuns.get(Number(r.path.split('/').pop()))?.headSha === sha, DEADLINE_S * 1000)
      .then(() => performance.now() - t0)
      .catch(() => Number.POSITIVE_INFINITY);
  });
  const acks = await Promise.all(
    deliveries.map(async (d) => {
      const start = performance.now();
      const res = await sendDelivery(h.app.webhookUrl, d, WEBHOOK_SECRET);
      if (res.status !== 200) throw new Error(`delivery answered ${res.status}`);
      return performance.now() - start;
    }),
  );
  const latencies = (await Promise.all(completed)).sort((a, b) => a - b);
  const load1 = loadavg();
  acks.sort((a, b) => a - b);
  const done = latencies.filter(Number.isFinite).length;
  console.log(`ack latency (webhook response):        p50 ${percentile(acks, 50).toFixed(1)} ms   p99 ${percentile(acks, 99).toFixed(1)} ms   (GitHub allows 10 s)`);
  console.log(`delivery -> completed check run:       p50 ${fmt(percentile(latencies, 50))}   p99 ${fmt(percentile(latencies, 99))}   (${done}/${DELIVERIES} completed within ${DEADLINE_S} s)`);
  console.log(`first / last completed check run:      ${fmt(latencies[0]!)} / ${fmt(latencies[done - 1] ?? Number.POSITIVE_INFINITY)}`);
  const writes = h.github.requests.filter((r) => r.seq > before && r.method !== 'GET');
  console.log(`write requests (POST/PATCH/DELETE, graphql included) in the window: ${writes.length}`);
  console.log(`machine: ${cpus().length} cores, load average 1/5/15 min before ${load0.map((l) => l.toFixed(2)).join('/')}, after ${load1.map((l) => l.toFixed(2)).join('/')}`);
  console.log(`double: ${h.github.violations.length} OpenAPI violations, ${h.github.unhandled.length} unhandled requests`);
}

const h = await startReviewHarness();
try {
  console.log(`design-review App benchmark: node ${process.version}, App process = node dist/main.js, GitHub double at ${h.github.url}\n`);
  await requestsPerReview(h);
  await latencyInFlight(h);
} finally {
  await h.close();
}
