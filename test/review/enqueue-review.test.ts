import { describe, expect, it } from 'vitest';
import { reviewJobs, reviewTargets } from '../../src/review/enqueue-review.js';
import { pullRequestKey, reviewJobId } from '../../src/queue/review-queue.js';

const repository = { name: 'decisions', owner: { login: 'acme' } };

describe('reviewTargets', () => {
  it('reviews pull_request deliveries, but an edit only when the base changed', () => {
    expect(reviewTargets('pull_request', { action: 'opened', repository, pull_request: { number: 5 } })).toEqual([{ owner: 'acme', repo: 'decisions', pullNumber: 5 }]);
    expect(reviewTargets('pull_request', { action: 'edited', repository, pull_request: { number: 5 }, changes: {} })).toEqual([]);
    expect(reviewTargets('pull_request', { action: 'edited', repository, pull_request: { number: 5 }, changes: { base: { ref: { from: 'main' } } } })).toHaveLength(1);
  });

  it('reviews re-requested checks of ours only, once per pull request', () => {
    expect(reviewTargets('check_run', { repository, check_run: { name: 'CI', pull_requests: [{ number: 1 }] } })).toEqual([]);
    expect(reviewTargets('check_run', { repository, check_run: { name: 'Design review', pull_requests: [{ number: 1 }] } })).toHaveLength(1);
    expect(reviewTargets('check_suite', { repository, check_suite: { pull_requests: [{ number: 1 }, { number: 2 }, { number: 1 }] } }).map((t) => t.pullNumber)).toEqual([1, 2]);
  });

  it('finds the pull request of a re-run fork check, which GitHub lists without pull requests, by our external_id', () => {
    const rerun = (check_run: { name?: string; external_id?: string | null; pull_requests?: { number: number }[] }) =>
      reviewTargets('check_run', { action: 'rerequested', repository, check_run });
    expect(rerun({ name: 'Design review', external_id: '17', pull_requests: [] })).toEqual([{ owner: 'acme', repo: 'decisions', pullNumber: 17 }]);
    // Listed pull requests win over external_id.
    expect(rerun({ name: 'Design review', external_id: '17', pull_requests: [{ number: 3 }] }).map((t) => t.pullNumber)).toEqual([3]);
    // Another check, or anything but a plain decimal number, names no pull request.
    expect(rerun({ name: 'CI', external_id: '17', pull_requests: [] })).toEqual([]);
    for (const external_id of [null, undefined, '', 'pr-17', '17.0', '1e3', ' 17', '-17', '0', '017', '0x11', '99999999999999999999']) {
      expect(rerun({ name: 'Design review', external_id, pull_requests: [] })).toEqual([]);
    }
    // Only a re-request: other check_run actions never carry a review.
    expect(reviewTargets('check_run', { action: 'completed', repository, check_run: { name: 'Design review', external_id: '17', pull_requests: [] } })).toEqual([]);
  });
});

describe('reviewJobs', () => {
  it('makes one plain-JSON job per pull request, with ids that a redelivery repeats', () => {
    const targets = reviewTargets('check_suite', { repository, check_suite: { pull_requests: [{ number: 1 }, { number: 2 }] } });
    const jobs = reviewJobs({ id: 'guid-1', event: 'check_suite.rerequested', installationId: 42 }, targets);
    expect(jobs).toEqual([
      { deliveryId: 'guid-1', event: 'check_suite.rerequested', installationId: 42, owner: 'acme', repo: 'decisions', pullNumber: 1 },
      { deliveryId: 'guid-1', event: 'check_suite.rerequested', installationId: 42, owner: 'acme', repo: 'decisions', pullNumber: 2 },
    ]);
    expect(JSON.parse(JSON.stringify(jobs))).toEqual(jobs);
    expect(jobs.map(reviewJobId)).toEqual(['guid-1#1', 'guid-1#2']);
    expect(jobs.map(reviewJobId)).not.toContainEqual(expect.stringContaining(':'));
    expect(pullRequestKey({ owner: 'Acme', repo: 'Decisions', pullNumber: 1 })).toBe('acme/decisions#1');
  });

  it('makes no job without an installation to authenticate as', () => {
    expect(reviewJobs({ id: 'guid-2', event: 'pull_request.opened', installationId: undefined }, [{ owner: 'acme', repo: 'decisions', pullNumber: 1 }])).toEqual([]);
  });
});
