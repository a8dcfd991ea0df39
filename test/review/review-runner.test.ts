// The runner with a real Probot (App id and key) against the GitHub double: a serializable job
// becomes a full review, logged with the delivery id, with the delivery header on every request.
import { Probot } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSlugOnce } from '../../src/app/app-slug.js';
import { createMetrics } from '../../src/shared/metrics.js';
import { createReviewRunner, jobLogBindings } from '../../src/review/review-runner.js';
import { loadBuiltinTemplates } from '../../src/io/read-templates.js';
import type { ReviewJob } from '../../src/queue/review-queue.js';
import { startGitHubDouble, type GitHubDouble } from '../github-double/index.js';
import { appPrivateKey } from '../e2e/app-process.js';
import { recordingLogger } from '../helpers/recording-logger.js';
import { testCorePool } from '../helpers/core-pool.js';
import { reviewInPool } from '../../src/review/review-in-pool.js';

const ADR = `# 1. Use PostgreSQL

Date: 2024-03-12

## Status

Accepted

## Context

We need transactions across orders and payments.

## Options considered

- PostgreSQL
- DynamoDB

## Decision

We will use PostgreSQL, because it gives transactions.

## Consequences

- Schema migrations slow deploys down.

## Revisit triggers

- Revisit by 2026-03-01.
`;

let github: GitHubDouble;

beforeAll(async () => {
  loadBuiltinTemplates();
  github = await startGitHubDouble();
  github.state.addInstallation({ id: 42, account: 'acme' });
  github.state.addRepo({ owner: 'acme', name: 'runner', installationId: 42, files: { '.github/design-review.yml': 'rules:\n  adr-status: error\n' } });
  github.state.seedPullRequest('acme/runner', { number: 3, branch: 'adr-1', changes: { 'docs/adr/0001-use-postgresql.md': ADR } });
});

const pool = testCorePool({ threads: 1 });
const reviewFiles = reviewInPool(pool);

afterAll(async () => {
  await github?.close();
  await pool.close();
});

describe('jobLogBindings', () => {
  it("binds the delivery as Probot's context.log does (`id`), plus the job's event and pull request", () => {
    const job: ReviewJob = { deliveryId: 'd-9', event: 'check_run.rerequested', installationId: 7, owner: 'acme', repo: 'runner', pullNumber: 3 };
    expect(jobLogBindings(job)).toEqual({ name: 'event', id: 'd-9', event: 'check_run.rerequested', installation: 7, pull: 'acme/runner#3' });
  });
});

describe('createReviewRunner', () => {
  it('reviews the pull request of a job with the installation token, its config and the delivery id', async () => {
    const log = recordingLogger();
    const probot = new Probot({ appId: github.state.app.id, privateKey: appPrivateKey(), baseUrl: github.url, log });
    const metrics = createMetrics();
    const run = createReviewRunner({ probot, appSlug: appSlugOnce(probot), metrics, reviewFiles });
    const job: ReviewJob = { deliveryId: 'delivery-runner-1', event: 'pull_request.opened', installationId: 42, owner: 'acme', repo: 'runner', pullNumber: 3 };

    await run(job);

    const runs = [...github.state.checkRuns.values()].filter((r) => r.repo.toLowerCase() === 'acme/runner');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed' });
    const repoRequests = github.requests.filter((r) => r.path.includes('/repos/acme/runner/'));
    expect(repoRequests.length).toBeGreaterThan(0);
    expect(repoRequests.map((r) => r.headers['x-github-delivery'])).toEqual(repoRequests.map(() => 'delivery-runner-1'));
    // The config was read through the App (adr-status: error is a valid key, so the review went on).
    expect(repoRequests.some((r) => r.path.endsWith('/contents/.github%2Fdesign-review.yml'))).toBe(true);
    const finished = log.lines.find((l) => l.msg === 'design-review: review finished');
    expect(finished?.fields).toMatchObject({ id: 'delivery-runner-1', pull: 'acme/runner#3', outcome: 'reviewed' });
    const counted = await metrics.registry.getSingleMetricAsString('design_review_github_requests_total');
    expect(counted).toMatch(/method="GET"\} [1-9]/);
    expect(await metrics.registry.getSingleMetricAsString('design_review_review_duration_seconds')).toMatch(/_count\{outcome="reviewed"\} 1/);
    expect(github.violations).toEqual([]);
  });

  it("reviews as of the App's clock: the core gets the date of the injected now", async () => {
    const probot = new Probot({ appId: github.state.app.id, privateKey: appPrivateKey(), baseUrl: github.url, log: recordingLogger() });
    const days: string[] = [];
    const seeing: typeof reviewFiles = (files, options) => {
      days.push(options.today);
      return reviewFiles(files, options);
    };
    const run = createReviewRunner({ probot, appSlug: appSlugOnce(probot), metrics: createMetrics(), reviewFiles: seeing, now: () => new Date('2031-02-03T23:59:00Z') });
    await run({ deliveryId: 'delivery-runner-clock', event: 'pull_request.opened', installationId: 42, owner: 'acme', repo: 'runner', pullNumber: 3 });
    expect(days).toEqual(['2031-02-03']);
    expect(github.violations).toEqual([]);
  });

  it('fails with the error of the review, counted as an error', async () => {
    const probot = new Probot({ appId: github.state.app.id, privateKey: appPrivateKey(), baseUrl: github.url, log: recordingLogger() });
    const metrics = createMetrics();
    const run = createReviewRunner({ probot, appSlug: appSlugOnce(probot), metrics, reviewFiles });
    await expect(run({ deliveryId: 'd-missing', event: 'pull_request.opened', installationId: 42, owner: 'acme', repo: 'runner', pullNumber: 99 })).rejects.toThrow();
    expect(await metrics.registry.getSingleMetricAsString('design_review_review_duration_seconds')).toMatch(/_count\{outcome="error"\} 1/);
  });
});
