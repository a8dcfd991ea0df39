import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/rest';
import { createActionOctokit, createInstallationOctokit, type ActionClient } from '../github/token-octokit.js';
import { loadRepoConfig } from '../github/repo-config.js';
import { readTokenLogin } from '../github/token-login.js';
import { httpStatus } from '../github/github-client.js';
import { MemorySweepCache, sweepInstallation, sweepRepository, type RepoSweepResult, type SweepCache, type SweepDeps } from '../reminders/reminder-sweep.js';
import { askOnce } from '../shared/ask-once.js';
import type { JobLog } from '../shared/job-log.js';
import { readCredentials, type AppCredentials, type Env, type TokenCredentials } from './app-credentials.js';
import type { CommandIo } from './check-command.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './cli-error.js';
import { FileSweepCache } from './sweep-state-file.js';
import { packageVersion } from '../io/package-version.js';
import { CONFIG_PATH } from '../config/load.js';
import { EXTENDS_ALLOW_VARIABLE, parseExtendsAllow, type ExtendsAllowList } from '../config/extends-allow.js';
import { parseMetricAllowList, QUERY_ALLOW_VARIABLE } from '../core/reminders/metric-allow-list.js';
import { loadBuiltinTemplates } from '../io/read-templates.js';
import { listInstallations, readAppSlug, readRepoInstallationId } from '../github/installations.js';

/**
 * `design-review remind`: the revisit-reminder sweep from the command line.
 * In a scheduled GitHub Actions workflow it sweeps the workflow's repository
 * with GITHUB_TOKEN; with a GitHub App's credentials it sweeps every
 * installation (or `--repo`), for an external cron. Steps: read credentials
 * (exit 2 naming what is missing), build the clients, sweep, print one line
 * per repository, exit 1 when a repository failed and 0 otherwise.
 * Its reminders are the issues its own account opened (`isOwnIssue`): with
 * App credentials `<slug>[bot]`, with a token whatever account GitHub says
 * the token is (GITHUB_TOKEN, an App's installation token, a personal token),
 * so any of them finds the reminders it opened on the runs before.
 */

/** Output formats of `remind`. */
export const REMIND_FORMATS = ['text', 'json'] as const;
export type RemindFormat = (typeof REMIND_FORMATS)[number];

/** Options of `remind`. */
export interface RemindFlags {
  today: string;
  dryRun: boolean;
  repo?: string;
  format: RemindFormat;
  /** File that keeps the sweep state between runs (cheap sweeps of unchanged repositories). */
  state?: string;
}


/** Run the sweep; returns the exit code. */
export async function runRemind(flags: RemindFlags, env: Env, io: CommandIo): Promise<number> {
  // Reminder and health issues render from templates/*.hbs.
  loadBuiltinTemplates();
  const target = flags.repo === undefined ? undefined : parseRepo(flags.repo);
  const credentials = readCredentials(target ? { ...env, GITHUB_REPOSITORY: env.GITHUB_REPOSITORY ?? flags.repo } : env);
  const fileCache = flags.state ? await FileSweepCache.open(flags.state) : undefined;
  const cache: SweepCache = fileCache ?? new MemorySweepCache();
  const log = stderrLog(io);
  const prometheus = prometheusSettings(env);
  const extendsAllow = extendsAllowSetting(env);
  const common = { log, today: () => flags.today, cache, dryRun: flags.dryRun, ...(prometheus ? { prometheus } : {}) };

  const results =
    credentials.mode === 'token'
      ? await sweepWithToken(credentials, target, common, extendsAllow, io)
      : await sweepAsApp(credentials, target, common, extendsAllow, io);

  if (fileCache && !flags.dryRun) await fileCache.save();
  print(results, flags, io);
  return results.some((r) => r.outcome === 'failed') ? EXIT_FINDINGS : EXIT_OK;
}

type CommonDeps = Pick<SweepDeps, 'log' | 'today' | 'cache' | 'dryRun' | 'prometheus'>;

async function sweepWithToken(credentials: TokenCredentials, target: { owner: string; repo: string } | undefined, common: CommonDeps, extendsAllow: ExtendsAllowList, io: CommandIo) {
  const gh = client(credentials.token, credentials.baseUrl, io);
  const repo = target ?? { owner: credentials.owner, repo: credentials.repo };
  // Which account the token writes as is asked from GitHub, not guessed from GITHUB_ACTIONS: a
  // workflow may hold an App's installation token (<slug>[bot]) as well as its own GITHUB_TOKEN
  // (github-actions[bot]). Asked only when the sweep lists issues, so an unchanged repository
  // still costs one request.
  const deps: SweepDeps = { ...common, gh, loadConfig: (t) => loadRepoConfig(gh, { ...t, path: CONFIG_PATH }, { extendsAllow }), ownLogin: askOnce(() => readTokenLogin(gh)) };
  const result = await sweepRepository(deps, repo);
  if (result.status === 401) throw new UsageError(`GitHub refused GITHUB_TOKEN for ${result.repo} (401): check the token and GITHUB_API_URL`);
  return [result];
}

async function sweepAsApp(credentials: AppCredentials, target: { owner: string; repo: string } | undefined, common: CommonDeps, extendsAllow: ExtendsAllowList, io: CommandIo) {
  const app = new Octokit({
    authStrategy: createAppAuth,
    auth: { appId: Number(credentials.appId), privateKey: credentials.privateKey },
    baseUrl: credentials.baseUrl,
    userAgent: `design-review-remind/${packageVersion()}`,
    log: quietLog(io),
  });
  let slug: string;
  try {
    slug = await readAppSlug(app);
  } catch (error) {
    throw credentialError(error, credentials.baseUrl);
  }
  const forInstallation = async (installationId: number): Promise<SweepDeps> => {
    // The client renews the installation token itself (tokens last an hour; a large
    // installation's sweep can outlast one). The first token is requested now so that an
    // installation that refuses one (suspended) is told apart before any repository is tried.
    const gh = createInstallationOctokit({
      app: { appId: Number(credentials.appId), privateKey: credentials.privateKey, installationId },
      baseUrl: credentials.baseUrl,
      userAgent: `design-review-remind/${packageVersion()}`,
      log: clientLog(io),
    });
    await gh.auth({ type: 'installation' });
    return { ...common, gh, loadConfig: (t) => loadRepoConfig(gh, { ...t, path: CONFIG_PATH }, { extendsAllow }), appSlug: async () => slug };
  };

  if (target) {
    let installationId: number;
    try {
      installationId = await readRepoInstallationId(app, target);
    } catch (error) {
      if (httpStatus(error) === 404) throw new UsageError(`the App is not installed on ${target.owner}/${target.repo} (or the repository does not exist)`);
      throw error;
    }
    return [await sweepRepository(await forInstallation(installationId), target)];
  }

  const installations = await listInstallations(app);
  const results: RepoSweepResult[] = [];
  for (const installation of installations) {
    const account = installation.account;
    let deps: SweepDeps;
    try {
      deps = await forInstallation(installation.id);
    } catch (error) {
      // A suspended or removed installation: GitHub refuses its token; the others go on.
      const status = httpStatus(error);
      const reason = `installation ${installation.id} (${account}) refused a token${status ? ` (HTTP ${status})` : ''}: suspended or removed`;
      common.log.warn({ installation: installation.id, status }, reason);
      results.push({ repo: `${account}/*`, outcome: 'skipped', created: [], closed: [], kept: 0, reason, ...(status ? { status } : {}) });
      continue;
    }
    results.push(...(await sweepInstallation(deps)));
  }
  return results;
}

function client(token: string, baseUrl: string, io: CommandIo): ActionClient {
  return createActionOctokit({ token, baseUrl, log: clientLog(io) });
}

function clientLog(io: CommandIo) {
  return { warn: (m: string) => void io.stderr.write(`design-review: ${m}\n`), request: () => undefined };
}

// Octokit's own log, without debug lines (they carry request options, headers included).
function quietLog(io: CommandIo) {
  return { debug: () => undefined, info: () => undefined, warn: (m: string) => void io.stderr.write(`design-review: ${m}\n`), error: () => undefined };
}

function credentialError(error: unknown, baseUrl: string): Error {
  const status = httpStatus(error);
  if (status === 401 || status === 403) return new UsageError(`GitHub refused the App credentials (HTTP ${status}): check APP_ID and PRIVATE_KEY`);
  if (status === 404) return new UsageError(`no App answers at ${baseUrl}: check APP_ID, GHE_HOST and GHE_PROTOCOL`);
  if (status === undefined) return new UsageError(`cannot sign in as the App: ${(error as Error).message.split('\n')[0]}`);
  return error as Error;
}

function parseRepo(text: string): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(text);
  if (!match) throw new UsageError(`--repo must be owner/name, got "${text.slice(0, 100)}"`);
  return { owner: match[1]!, repo: match[2]! };
}

function prometheusSettings(env: Env): SweepDeps['prometheus'] {
  const url = env.PROMETHEUS_URL?.trim();
  if (!url) return undefined;
  try {
    new URL(url);
  } catch {
    throw new UsageError('PROMETHEUS_URL is not a URL (expected e.g. http://prometheus:9090)');
  }
  // A bad allow-list stops the run: read as "allow everything" it would send what the operator meant to refuse.
  const { allow, problem } = parseMetricAllowList(env[QUERY_ALLOW_VARIABLE]);
  if (problem !== undefined) throw new UsageError(problem);
  const timeout = Number(env.PROMETHEUS_TIMEOUT_MS);
  return { url, ...(Number.isInteger(timeout) && timeout > 0 ? { timeoutMs: timeout } : {}), ...(allow ? { allow } : {}) };
}

// CONFIG_EXTENDS_ALLOW, as the App reads it; a bad entry stops the run rather than allowing less than meant.
function extendsAllowSetting(env: Env): ExtendsAllowList {
  const { allow, problems } = parseExtendsAllow(env[EXTENDS_ALLOW_VARIABLE]);
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  return allow;
}

/** Log lines on stderr, one per event, `repo: message`; structured fields other than the repository stay out of the text. */
function stderrLog(io: CommandIo): JobLog {
  const line = (level: string) => (obj: object, msg?: string) => {
    const repo = (obj as { repo?: unknown }).repo;
    io.stderr.write(`design-review: ${level === 'info' ? '' : `${level}: `}${typeof repo === 'string' ? `${repo}: ` : ''}${msg ?? ''}\n`);
  };
  return { info: line('info'), warn: line('warning'), error: line('error') };
}

function print(results: RepoSweepResult[], flags: RemindFlags, io: CommandIo): void {
  if (flags.format === 'json') {
    io.stdout.write(`${JSON.stringify({ today: flags.today, dryRun: flags.dryRun, results }, null, 2)}\n`);
    return;
  }
  for (const r of results) {
    const parts: string[] = [];
    if (r.created.length > 0) parts.push(`opened ${r.created.map((n) => `#${n}`).join(', ')}`);
    if (r.closed.length > 0) parts.push(`closed ${r.closed.map((n) => `#${n}`).join(', ')}`);
    if (r.kept > 0) parts.push(`${r.kept} kept open`);
    if (r.reason) parts.push(r.reason);
    io.stdout.write(`${r.repo}: ${r.outcome}${parts.length > 0 ? ` (${parts.join('; ')})` : ''}\n`);
    if (flags.dryRun) {
      for (const a of r.planned ?? []) {
        const what = [a.action, a.number !== undefined ? `#${a.number}` : '', a.path ?? '', a.occurrence ? `(${a.occurrence})` : '', a.reason ? `[${a.reason}]` : '', a.title ? `"${a.title}"` : '']
          .filter((p) => p !== '')
          .join(' ');
        const who = a.assignees && a.assignees.length > 0 ? ` → ${a.assignees.map((l) => `@${l}`).join(', ')}` : '';
        io.stdout.write(`  would ${what}${who}\n`);
      }
    }
  }
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  io.stdout.write(`${results.length} ${results.length === 1 ? 'repository' : 'repositories'}: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}${flags.dryRun ? ' (dry run: nothing written)' : ''}\n`);
}
