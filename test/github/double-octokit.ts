// A GitHub double with one installation, and Octokit clients pointed at it with its token.
import { Octokit } from '@octokit/rest';
import { configSchema, type Config } from '../../src/config/schema.js';
import type { FetchDocumentsParams } from '../../src/github/fetch-documents.js';
import { startGitHubDouble, type GitHubDouble } from '../github-double/index.js';

export const INSTALLATION_ID = 42;
export const OWNER = 'acme';
export const NAME = 'decisions';
export const REPO = `${OWNER}/${NAME}`;

export const ADR_1 = '# 1. Use PostgreSQL\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a database.\n\n## Decision\n\nPostgreSQL.\n';
export const ADR_2 = '# 2. Use Kafka\n\n## Status\n\nProposed\n';

/** Messages Octokit logged, by level, so tests can assert warnings and keep output quiet. */
export interface CapturedLog {
  warn: string[];
  info: string[];
}

/** Starts a double with acme/decisions (two ADRs and a README on main) installed as installation 42. */
export async function startDouble(files: Record<string, string> = {}): Promise<GitHubDouble> {
  const double = await startGitHubDouble();
  double.state.addInstallation({ id: INSTALLATION_ID, account: OWNER });
  double.state.addRepo({
    owner: OWNER,
    name: NAME,
    files: { 'docs/adr/0001-use-postgres.md': ADR_1, 'docs/adr/0002-use-kafka.md': ADR_2, 'README.md': '# Decisions\n', ...files },
  });
  return double;
}

/** A plain @octokit/rest client on the double (no retry or throttling plugins). */
export function octokitFor(double: GitHubDouble, log: CapturedLog = { warn: [], info: [] }): Octokit {
  return new Octokit({
    baseUrl: double.url,
    auth: double.issueToken(INSTALLATION_ID),
    log: {
      debug: () => undefined,
      info: (message: string) => void log.info.push(message),
      warn: (message: string) => void log.warn.push(message),
      error: (message: string) => void log.warn.push(message),
    },
  });
}

/** The bot login the double attributes the installation's writes to. */
export function botLogin(double: GitHubDouble): string {
  return double.state.app.bot.login;
}

/** The config after defaults, with overrides. */
export function config(input: Record<string, unknown> = {}): Config {
  return configSchema.parse(input);
}

/** The parameters `fetchPullRequestDocuments` takes for a pull request seeded in the double's REPO. */
export function paramsFor(double: GitHubDouble, number: number, overrides: Partial<FetchDocumentsParams> = {}): FetchDocumentsParams {
  const pull = double.state.findPull(REPO, number)!;
  const [headOwner, headRepo] = pull.head.repo.split('/') as [string, string];
  return {
    owner: OWNER,
    repo: NAME,
    pullNumber: number,
    head: { owner: headOwner, repo: headRepo, sha: pull.head.sha },
    base: { sha: pull.base.sha, ref: pull.base.ref },
    config: config(),
    ...overrides,
  };
}
