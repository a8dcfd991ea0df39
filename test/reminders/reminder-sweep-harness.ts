// A GitHub double seeded with ADRs that come due, and sweep deps on a real @octokit/rest client.
import { Octokit } from '@octokit/rest';
import { config as configPlugin } from '@probot/octokit-plugin-config';
import { HEALTH_MARKER, reminderMarker } from '../../src/core/reminders/marker.js';
import { loadRepoConfig } from '../../src/github/repo-config.js';
import { MemorySweepCache, type SweepDeps } from '../../src/reminders/reminder-sweep.js';
import { startGitHubDouble, type GitHubDouble } from '../github-double/index.js';
import { loadBuiltinTemplates } from '../../src/io/read-templates.js';

export const INSTALLATION_ID = 42;
export const OWNER = 'acme';
export const NAME = 'decisions';
export const REPO = `${OWNER}/${NAME}`;
/** The day the tests pin as today. */
export const TODAY = '2026-06-15';

/** An ADR with front matter (status, date) and a "Revisit triggers" list. */
export function adrText(title: string, options: { status?: string; date?: string; triggers?: string[]; extraFront?: string[] } = {}): string {
  const front = [`status: ${options.status ?? 'accepted'}`, `date: ${options.date ?? '2025-01-10'}`, ...(options.extraFront ?? [])];
  const triggers = options.triggers ?? [];
  return [
    '---',
    ...front,
    '---',
    `# ${title}`,
    '',
    '## Context',
    '',
    'Orders need transactions.',
    '',
    '## Decision',
    '',
    'We will do it.',
    '',
    ...(triggers.length > 0 ? ['## Revisit triggers', '', ...triggers.map((t) => `- ${t}`), ''] : []),
  ].join('\n');
}

/** The ADRs most tests start from: one due, one superseded (due date passed), one due next year. */
export const DUE_ADR = 'docs/adr/0001-use-postgres.md';
export const SUPERSEDED_ADR = 'docs/adr/0002-use-mysql.md';
export const FUTURE_ADR = 'docs/adr/0003-use-kafka.md';
/** A second ADR already due (2026-05-01) in the identity tests: two reminders per sweep, plus the health issue. */
export const SECOND_DUE = 'docs/adr/0004-use-redis.md';

/** baseFiles with SECOND_DUE and the health issue on: what the whose-issues-are-ours tests sweep. */
export function identityFiles(): Record<string, string> {
  return { ...baseFiles(), [SECOND_DUE]: adrText('4. Use Redis', { triggers: ['Revisit by 2026-05-01'] }), '.github/design-review.yml': 'reminders:\n  healthIssue: true\n' };
}

/**
 * mallory's labelled issue with copied markers (the due ADR "reminded" for 2099, SECOND_DUE's real
 * occurrence, the health marker), and what it held, so a test can show the sweep never touched it.
 */
export function forgeMarkers(double: GitHubDouble) {
  const issue = double.state.addIssue(REPO, {
    title: 'Decision health',
    body: [
      reminderMarker({ path: DUE_ADR, occurrence: '2099-01-01', cause: 'calendar' }),
      reminderMarker({ path: SECOND_DUE, occurrence: '2026-05-01', cause: 'calendar' }),
      HEALTH_MARKER,
    ].join('\n'),
    user: 'mallory',
    labels: ['adr-revisit'],
  });
  return { issue, original: { title: issue.title, body: issue.body, state: issue.state, labels: [...issue.labels] } };
}

export function baseFiles(): Record<string, string> {
  return {
    [DUE_ADR]: adrText('1. Use PostgreSQL', { triggers: ['Revisit by 2026-06-01'] }),
    [SUPERSEDED_ADR]: adrText('2. Use MySQL', { status: 'superseded', triggers: ['Revisit by 2026-03-01'] }),
    [FUTURE_ADR]: adrText('3. Use Kafka', { triggers: ['Revisit by 2027-01-01'] }),
    '.github/CODEOWNERS': '/docs/adr/ @arch-alice\n',
    'README.md': '# Decisions\n',
  };
}

/** Starts a double with acme/decisions installed as installation 42; arch-alice can be assigned. `appSlug` names the double's App. */
export async function startSweepDouble(files: Record<string, string> = baseFiles(), appSlug?: string): Promise<GitHubDouble> {
  const double = await startGitHubDouble(appSlug === undefined ? undefined : { app: { slug: appSlug } });
  double.state.addInstallation({ id: INSTALLATION_ID, account: OWNER });
  double.state.addRepo({ owner: OWNER, name: NAME, files });
  double.state.setPermission(REPO, 'arch-alice', 'write');
  return double;
}

/** Log lines the sweep wrote. */
export interface Logged {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  msg: string;
}

const ConfigOctokit = Octokit.plugin(configPlugin);

/** Sweep deps on the double: a plain @octokit/rest client (no retries, so injected faults surface), config through Probot's loader. */
export function sweepDeps(double: GitHubDouble, options: { today?: string; logged?: Logged[]; cache?: MemorySweepCache; installationId?: number } = {}): SweepDeps & { logged: Logged[]; cache: MemorySweepCache } {
  // As the App, `remind` and the bench do before sweeping: issues render from templates/*.hbs.
  loadBuiltinTemplates();
  const logged = options.logged ?? [];
  const gh = new ConfigOctokit({
    baseUrl: double.url,
    auth: double.issueToken(options.installationId ?? INSTALLATION_ID),
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const write = (level: Logged['level']) => (fields: object, msg?: string) => void logged.push({ level, fields: fields as Record<string, unknown>, msg: msg ?? '' });
  const cache = options.cache ?? new MemorySweepCache();
  return {
    gh,
    log: { info: write('info'), warn: write('warn'), error: write('error') },
    today: () => options.today ?? TODAY,
    loadConfig: (target) => loadRepoConfig(gh, { ...target, path: '.github/design-review.yml' }),
    appSlug: async () => double.state.app.slug,
    cache,
    logged,
  };
}

/** Issues of the repository in the double, by number. */
export function issuesOf(double: GitHubDouble, repo = REPO) {
  return [...double.state.issues.values()].filter((i) => i.repo.toLowerCase() === repo.toLowerCase() && !i.isPullRequest).sort((a, b) => a.number - b.number);
}

/** GitHub requests (REST and GraphQL) the double recorded, as `METHOD operationId status`. */
export function requestSummary(double: GitHubDouble): string[] {
  return double.requests.map((r) => `${r.method} ${r.operationId ?? r.path} ${r.status}`);
}
