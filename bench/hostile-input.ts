// Issue 13's stalls, measured on the real App process (`node dist/main.js`) and the GitHub double:
// for each hostile input, how long the webhook took to answer, how /healthz answered while the
// App worked on it (probed every 50 ms from the delivery until that work ended), and how long an
// unrelated delivery sent 0.3 s later waited for its own result. Run after `npm run build`:
//   node --import tsx bench/hostile-input.ts [--app-root DIR] [--only NAME,NAME] [--timeout-s 120]
// `--app-root` runs another checkout's build (e.g. a `git worktree` of an older commit, built with
// its own `npm ci && npm run build`) against the same double and inputs, to measure "before".
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { buildDelivery, issueCommentPatch, sendDelivery } from '../test/github-double/index.js';
import { WEBHOOK_SECRET } from '../test/e2e/app-process.js';
import { isCompletion, isSummaryWrite, startReviewHarness, type ReviewHarness } from '../test/e2e/review-harness.js';
import { KAFKA_CLEAN } from '../test/e2e/review-fixtures.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? undefined : args[at + 1];
};
const appRoot = option('app-root') === undefined ? undefined : `${resolve(option('app-root')!)}/`;
const only = option('only');
const TIMEOUT_MS = Number(option('timeout-s') ?? 120) * 1000;

const LAZY_LINES = `- x\n${'y\n'.repeat(32_757)}`;

/** An ADR whose Status section holds `status`. */
function adrWithStatus(status: string): string {
  return `# 2. Use Kafka\n\nDate: 2024-03-12\n\n## Status\n\n${status}\n\n## Context\n\nWe need events.\n`;
}

type Attack =
  | { name: string; kind: 'comment'; body: string; what: string }
  | { name: string; kind: 'pull'; document: string; what: string };

const ATTACKS: Attack[] = [
  { name: 'comment-command-first', kind: 'comment', body: `/adr help\n\n${LAZY_LINES}`.slice(0, 65_536), what: '65 KB comment: /adr help, a blank line, `- x`, 32,757 lazy lines' },
  { name: 'comment-list-first', kind: 'comment', body: `${LAZY_LINES.slice(0, 65_500)}\n\n/adr help\n`, what: '65 KB comment: the same list, then /adr help' },
  { name: 'comment-brackets', kind: 'comment', body: `/adr help\n${'['.repeat(32_000)}${']'.repeat(32_000)}`, what: '64 KB comment: /adr help, 32k `[`, 32k `]`' },
  { name: 'fork-lazy-list', kind: 'pull', document: `- x\n${'y\n'.repeat(40_000)}`, what: 'ADR: `- x` and 40k lazy lines (80 KB)' },
  { name: 'heading-dots', kind: 'pull', document: `# 1${'.'.repeat(200_000)}x\n`, what: 'ADR heading `# 1`, 200k `.` and an `x`' },
  { name: 'status-brackets', kind: 'pull', document: adrWithStatus('['.repeat(200_000)), what: 'ADR status of 200k `[`' },
  { name: 'status-pipes', kind: 'pull', document: adrWithStatus(`[${'|'.repeat(200_000)}`), what: 'ADR status `[` and 200k pipes' },
  { name: 'superseded-link', kind: 'pull', document: adrWithStatus(`Superseded by [x](${'a'.repeat(200_000)}`), what: 'ADR status `Superseded by [x](` and 200k `a`' },
];

interface Result {
  name: string;
  what: string;
  ack: { ms: number; status: string };
  workMs: number;
  health: number[];
  /** /healthz requests that failed (a connection reset while the server was blocked). */
  probeErrors: number;
  bystanderMs: number;
  /** Why the unrelated delivery got no result, if it got none. */
  bystanderLost: string | undefined;
  outcome: string;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function until<T>(probe: () => T | undefined | false, timeoutMs: number): Promise<T | undefined> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (performance.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function run(h: ReviewHarness, attack: Attack, index: number): Promise<Result> {
  // Every attack and its bystander on installations of their own.
  const target = h.installation(`hostile-${index}`);
  const repo = `${target.owner}/hostile-${index}`;
  h.github.state.addRepo({ owner: target.owner, name: `hostile-${index}`, files: { 'README.md': '# x\n' } });
  const by = h.installation(`bystander-${index}`);
  const byRepo = `${by.owner}/bystander-${index}`;
  h.github.state.addRepo({ owner: by.owner, name: `bystander-${index}`, files: { 'README.md': '# y\n' } });
  h.github.state.setPermission(byRepo, 'carol', 'write');
  const bot = h.github.state.app.bot.login;
  const outputAt = h.app.output().length;

  let send: () => Promise<Response>;
  let done: () => string | undefined;
  // The App's last step for the attack (its summary comment): the next attack starts after it, so the
  // double's work on one attack's comments does not slow the next one down.
  let settled: () => boolean = () => true;
  let sendBystander: () => Promise<Response>;
  let bystanderDone: () => boolean;
  if (attack.kind === 'comment') {
    const issue = h.github.state.addIssue(repo, { title: 'Q', body: 'Context.', user: 'alice' });
    const comment = h.github.state.addIssueComment(repo, issue.number, { body: attack.body, user: 'stranger' });
    const delivery = buildDelivery('issue_comment', 'created', issueCommentPatch(h.github.state, h.github.url, comment.id), { secret: WEBHOOK_SECRET });
    send = () => sendDelivery(h.app.webhookUrl, delivery, WEBHOOK_SECRET);
    done = () => {
      if (h.github.state.commentsOn(repo, issue.number).some((c) => c.user.login === bot)) return 'replied';
      if (h.app.output().slice(outputAt).includes('could not read the /adr command in time')) return 'dropped (parse over budget)';
      return undefined;
    };
    const byIssue = h.github.state.addIssue(byRepo, { title: 'Q', body: 'Context.', user: 'carol' });
    const byComment = h.github.state.addIssueComment(byRepo, byIssue.number, { body: '/adr help', user: 'carol' });
    const byDelivery = buildDelivery('issue_comment', 'created', issueCommentPatch(h.github.state, h.github.url, byComment.id), { secret: WEBHOOK_SECRET });
    sendBystander = () => sendDelivery(h.app.webhookUrl, byDelivery, WEBHOOK_SECRET);
    bystanderDone = () => h.github.state.commentsOn(byRepo, byIssue.number).some((c) => c.user.login === bot);
  } else {
    const path = 'docs/adr/0002-use-kafka.md';
    h.github.state.seedPullRequest(repo, { number: 1, branch: 'adr', changes: { [path]: attack.document } });
    const seq = h.lastSeq();
    send = () => h.deliverPullRequest(repo, 1, 'opened');
    done = () => {
      const completion = h.github.requests.find((r) => r.seq > seq && isCompletion(repo, r));
      if (completion === undefined) return undefined;
      const body = completion.body as { conclusion: string; output?: { annotations?: { message: string }[] } };
      const skipped = body.output?.annotations?.find((a) => a.message.startsWith('Not reviewed'));
      return `check run ${body.conclusion}${skipped ? `: ${skipped.message.replace(/^Not reviewed: \S+ /, '').slice(0, 60)}…` : ''}`;
    };
    settled = () => h.github.requests.some((r) => r.seq > seq && isSummaryWrite(repo, r));
    h.github.state.seedPullRequest(byRepo, { number: 1, branch: 'adr', changes: { 'docs/adr/0002-use-kafka.md': KAFKA_CLEAN } });
    const bySeq = h.lastSeq();
    sendBystander = () => h.deliverPullRequest(byRepo, 1, 'opened');
    bystanderDone = () => h.github.requests.some((r) => r.seq > bySeq && isCompletion(byRepo, r));
  }

  const health: number[] = [];
  let probeErrors = 0;
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const started = performance.now();
      // A kept-alive socket the blocked server closes meanwhile resets: counted, with the time it took to fail.
      await fetch(`${h.app.url}/healthz`)
        .then((r) => r.text())
        .catch(() => (probeErrors += 1));
      health.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  const started = performance.now();
  const acked = send().then(
    (r) => ({ ms: performance.now() - started, status: String(r.status) }),
    (error: unknown) => ({ ms: performance.now() - started, status: `failed (${(error as { cause?: { code?: string } }).cause?.code ?? String(error)})` }),
  );
  await new Promise((r) => setTimeout(r, 300));
  const byStarted = performance.now();
  let bystanderLost: string | undefined;
  void sendBystander().then(
    (r) => void (r.status === 200 || (bystanderLost = `delivery answered ${r.status}`)),
    (error: unknown) => void (bystanderLost = `delivery failed: ${(error as { cause?: { code?: string } }).cause?.code ?? String(error)}`),
  );
  const bystander = until(() => bystanderDone() || bystanderLost !== undefined, TIMEOUT_MS).then(() => performance.now() - byStarted);
  const outcome = (await until(done, TIMEOUT_MS)) ?? `not finished after ${TIMEOUT_MS / 1000} s`;
  const workMs = performance.now() - started;
  probing = false;
  await prober;
  const bystanderMs = await bystander;
  await until(settled, TIMEOUT_MS);
  return { name: attack.name, what: attack.what, ack: await acked, workMs, health, probeErrors, bystanderMs, bystanderLost: bystanderLost ?? (bystanderDone() ? undefined : 'no result'), outcome };
}

const h = await startReviewHarness({ extraEnv: { REVIEW_CONCURRENCY: '4', LOG_LEVEL: 'warn' }, ...(appRoot === undefined ? {} : { appRoot }) });
console.log(`App: ${appRoot ?? 'this checkout'}; load average before: ${loadavg()[0]!.toFixed(2)}`);
const results: Result[] = [];
try {
  for (const [i, attack] of ATTACKS.entries()) {
    if (only !== undefined && !only.split(',').includes(attack.name)) continue;
    const result = await run(h, attack, i);
    results.push(result);
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `${result.name.padEnd(22)} ack ${s(result.ack.ms).padStart(8)} ${result.ack.status}  work ${s(result.workMs).padStart(8)}  /healthz p50 ${percentile(result.health, 50).toFixed(0).padStart(5)} ms max ${percentile(result.health, 100).toFixed(0).padStart(6)} ms (${String(result.health.length).padStart(3)} probes, ${result.probeErrors} failed)  bystander ${result.bystanderLost ?? s(result.bystanderMs).padStart(8)}  ${result.outcome}`,
    );
  }
} finally {
  await h.close();
}
console.log(`load average after: ${loadavg()[0]!.toFixed(2)}`);
console.log('\n| input | webhook answer | work | /healthz during it (p50 / max, failed) | unrelated delivery to its result | outcome |\n|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.what} | ${(r.ack.ms / 1000).toFixed(2)} s (${r.ack.status}) | ${(r.workMs / 1000).toFixed(1)} s | ${percentile(r.health, 50).toFixed(0)} / ${percentile(r.health, 100).toFixed(0)} ms, ${r.probeErrors} | ${r.bystanderLost ?? `${(r.bystanderMs / 1000).toFixed(1)} s`} | ${r.outcome} |`);
}
