import { afterEach, describe, expect, it } from 'vitest';
import { adrPaths, chooseAdrFolder, placeAdr } from '../../src/core/commands/adr-placement.js';
import { adrPathsOf } from '../../src/github/default-branch-adrs.js';
import { fetchPullRequestDocuments } from '../../src/github/fetch-documents.js';
import type { GitHubDouble } from '../github-double/index.js';
import { config, octokitFor, paramsFor, REPO, startDouble } from './double-octokit.js';

// Issue 9, section 1, on the App's surfaces: layouts that only a listing shows (ADRs kept at the
// repository root, an RFC repository's text/ folder, generated twins) classify the same in a pull
// request review, the base branch's ADR listing, the reminder sweep and /adr new as in the CLI.

const adr = (n: number): string => `# ${n}. Decision ${n}\n\n## Status\n\nAccepted\n\n## Context\n\nBecause.\n`;
const rfc = (n: number): string => `# RFC ${n}\n\n## Summary\n\nA change.\n`;

describe('fetchPullRequestDocuments with layouts only a listing shows', () => {
  let double: GitHubDouble;
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    expect(double.unhandled).toEqual([]);
    await double.close();
  });

  it('reviews an ADR added beside the ADRs kept at the root, with one tree read for the layout and the index', async () => {
    double = await startDouble({ 'adr-001-start.md': adr(1), 'adr-002-runtime.md': adr(2), 'adr-003-config.md': adr(3) });
    double.state.seedPullRequest(REPO, { number: 7, branch: 'root-adr', changes: { 'adr-004-modules.md': adr(4), 'notes.md': '# Notes\n' } });

    const result = await fetchPullRequestDocuments(octokitFor(double), paramsFor(double, 7));

    expect(result.files.map((f) => [f.path, f.kind])).toEqual([['adr-004-modules.md', 'adr']]);
    expect(result.index.map((e) => e.path)).toEqual([
      'adr-001-start.md',
      'adr-002-runtime.md',
      'adr-003-config.md',
      'docs/adr/0001-use-postgres.md',
      'docs/adr/0002-use-kafka.md',
    ]);
    expect(double.requestsFor('git/get-tree')).toHaveLength(1);
  });

  it('leaves a lone ADR-named file at the root alone, and reads no tree for paths the layout cannot change', async () => {
    double = await startDouble();
    double.state.seedPullRequest(REPO, { number: 7, branch: 'lone', changes: { 'adr-001-idea.md': adr(1) } });
    const lone = await fetchPullRequestDocuments(octokitFor(double), paramsFor(double, 7));
    expect(lone.files).toEqual([]);
    expect(double.requestsFor('git/get-tree')).toHaveLength(1);

    double.state.seedPullRequest(REPO, { number: 8, branch: 'docs', changes: { 'README.md': '# Changed\n', 'docs/guide/setup.md': '# Setup\n' } });
    const before = double.requestsFor('git/get-tree').length;
    const plain = await fetchPullRequestDocuments(octokitFor(double), paramsFor(double, 8));
    expect(plain.files).toEqual([]);
    expect(double.requestsFor('git/get-tree')).toHaveLength(before);
  });

  it('reviews an RFC added to the text/ folder of an RFC repository as a design doc', async () => {
    double = await startDouble({ '0000-template.md': '# Title\n', 'text/0001-a.md': rfc(1), 'text/0002-b.md': rfc(2), 'text/0003-c.md': rfc(3) });
    double.state.seedPullRequest(REPO, { number: 7, branch: 'rfc', changes: { 'text/0004-d.md': rfc(4) } });
    const result = await fetchPullRequestDocuments(octokitFor(double), paramsFor(double, 7));
    expect(result.files.map((f) => [f.path, f.kind])).toEqual([['text/0004-d.md', 'design-doc']]);
  });

  it('reviews a generated record once: x.md, not the x.src.md it is built from', async () => {
    double = await startDouble({ 'design/cache.md': '# Cache\n', 'design/cache.src.md': '# Cache\n' });
    double.state.seedPullRequest(REPO, {
      number: 7,
      branch: 'regen',
      changes: { 'design/cache.src.md': '# Cache v2\n', 'design/cache.md': '# Cache v2\n' },
    });
    const result = await fetchPullRequestDocuments(octokitFor(double), paramsFor(double, 7));
    expect(result.files.map((f) => f.path)).toEqual(['design/cache.md']);
  });
});

describe('the base branch listing, the reminder sweep and /adr new', () => {
  const paths = ['README.md', 'adr-001-start.md', 'adr-002-runtime.md', 'adr-003-config.md', 'notes/adr-001-idea.md', 'text/0001-a.md'];

  it('the sweep lists the ADRs kept at the root', () => {
    const tree = { commit: 'c0ffee', blobs: new Map(paths.map((p) => [p, 'sha'])) };
    expect(adrPathsOf(tree, config(), [])).toEqual(['adr-001-start.md', 'adr-002-runtime.md', 'adr-003-config.md']);
  });

  it('/adr new numbers a new record at the root after them, as a root file', () => {
    const listing = { paths, adrDirs: [] };
    expect(adrPaths(listing, config())).toEqual(['adr-001-start.md', 'adr-002-runtime.md', 'adr-003-config.md']);
    expect(chooseAdrFolder(listing, config())).toBe('.');
    expect(placeAdr('.', 'Use modules', [1, 2, 3])).toEqual({ number: 4, path: '0004-use-modules.md', branch: 'adr/0004-use-modules' });
    // The new name joins the cluster: with it, the root holds four ADRs.
    expect(adrPaths({ paths: [...paths, '0004-use-modules.md'], adrDirs: [] }, config())).toContain('0004-use-modules.md');
  });
});
