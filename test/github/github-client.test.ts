import { Octokit } from '@octokit/rest';
import type { ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import { httpStatus, type GitHub } from '../../src/github/github-client.js';

// Compile-time: both clients are assignable to the adapters' parameter type.
const fromProbot = (octokit: ProbotOctokit): GitHub => octokit;
const fromRest = (octokit: Octokit): GitHub => octokit;

describe('GitHub client type', () => {
  it('accepts @octokit/rest and Probot clients', () => {
    const gh = fromRest(new Octokit());
    expect(typeof gh.rest.pulls.listFiles).toBe('function');
    expect(typeof fromProbot).toBe('function');
  });

  it('reads the status of request errors only', () => {
    expect(httpStatus(Object.assign(new Error('x'), { status: 422 }))).toBe(422);
    expect(httpStatus(new Error('x'))).toBeUndefined();
    expect(httpStatus(null)).toBeUndefined();
  });
});
