import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { readBranchTree, readDefaultBranchAdrs, treeFingerprint, adrPathsOf } from '../../src/github/default-branch-adrs.js';
import { readBranchHead } from '../../src/github/branch-head.js';
import { listLabelledIssues } from '../../src/github/reminder-issues.js';
import { sweepRepository } from '../../src/reminders/reminder-sweep.js';
import type { GitHubDouble } from '../github-double/index.js';
import { adrText, baseFiles, DUE_ADR, issuesOf, REPO, startSweepDouble, sweepDeps } from '../reminders/reminder-sweep-harness.js';

const TARGET = { owner: 'acme', repo: 'decisions' };
const config = configSchema.parse({});

describe('reminder adapters on the double', () => {
  let double: GitHubDouble;
  afterEach(async () => {
    expect(double.violations).toEqual([]);
    await double.close();
  });

  it('reads every ADR of the default branch with one tree read and one GraphQL query per 50 files, CODEOWNERS in the first batch', async () => {
    const files: Record<string, string> = { 'CODEOWNERS': '* @root\n', 'docs/CODEOWNERS': '* @docs\n', 'docs/adr/template.md': '# Template\n', 'src/a.ts': '' };
    for (let i = 1; i <= 120; i++) files[`docs/adr/${String(i).padStart(4, '0')}-d.md`] = adrText(`${i}. D`);
    double = await startSweepDouble(files);
    const gh = sweepDeps(double).gh;
    const head = await readBranchHead(gh, TARGET, 'main');
    if (head.kind !== 'moved') throw new Error('expected the head');
    const tree = await readBranchTree(gh, TARGET, head.sha);
    const read = await readDefaultBranchAdrs(gh, TARGET, tree, config);
    expect(read.adrs).toHaveLength(120);
    expect(read.adrs[0]).toMatchObject({ path: 'docs/adr/0001-d.md', blobSha: expect.stringMatching(/^[0-9a-f]{40}$/) });
    expect(read.codeowners).toMatchObject({ path: 'CODEOWNERS', text: '* @root\n' });
    expect(double.requests.map((r) => r.operationId)).toEqual(['git/get-ref', 'git/get-tree', 'graphql', 'graphql', 'graphql']);
    expect(read.fingerprint).toBe(treeFingerprint(tree, adrPathsOf(tree, config, [])));
  });

  it('lists an ADR that vanished between the listing and the read as unreadable, and keeps its reminder open', async () => {
    double = await startSweepDouble();
    const gh = sweepDeps(double).gh;
    const head = await readBranchHead(gh, TARGET, 'main');
    if (head.kind !== 'moved') throw new Error('expected the head');
    const tree = await readBranchTree(gh, TARGET, head.sha);
    tree.blobs!.set('docs/adr/0009-gone.md', '0'.repeat(40));
    const read = await readDefaultBranchAdrs(gh, TARGET, tree, config);
    expect(read.unreadable).toEqual([{ path: 'docs/adr/0009-gone.md', reason: expect.stringMatching(/no longer a file/) }]);
    expect(read.adrs.map((a) => a.path)).not.toContain('docs/adr/0009-gone.md');

    // In a sweep: the due ADR's blob comes back null (deleted mid-sweep); its open reminder is not closed as removed.
    const deps = sweepDeps(double);
    const first = await sweepRepository(deps, TARGET);
    expect(first.created).toHaveLength(1);
    double.state.commit(REPO, { files: { 'docs/adr/0003-use-kafka.md': adrText('3. Use Kafka', { triggers: ['Revisit by 2027-02-01'] }) } });
    const blob = (text: string) => ({ text, byteSize: text.length, isBinary: false, isTruncated: false });
    const files = baseFiles();
    double.failNext({
      operationId: 'graphql',
      status: 200,
      body: { data: { repository: { f0: blob(files['.github/CODEOWNERS']!), f1: null, f2: blob(files['docs/adr/0002-use-mysql.md']!), f3: blob(adrText('3. Use Kafka', { triggers: ['Revisit by 2027-02-01'] })) } } },
    });
    const second = await sweepRepository({ ...deps, today: () => '2026-06-16' }, TARGET);
    expect(second).toMatchObject({ outcome: 'swept', closed: [] });
    expect(issuesOf(double)[0]!.state).toBe('open');
    expect(deps.logged.some((l) => l.fields['file'] === DUE_ADR && /skipped: no longer a file/.test(l.msg))).toBe(true);
  });

  it('lists labelled issues open and closed over every page, without pull requests, merging several labels', async () => {
    double = await startSweepDouble();
    for (let i = 0; i < 105; i++) double.state.addIssue(REPO, { title: `r${i}`, labels: ['adr-revisit'], state: i % 2 ? 'closed' : 'open' });
    double.state.addIssue(REPO, { title: 'both', labels: ['adr-revisit', 'decisions'] });
    double.state.addIssue(REPO, { title: 'other', labels: ['decisions'] });
    double.state.addIssue(REPO, { title: 'unlabelled' });
    double.state.seedPullRequest(REPO, { number: 900, branch: 'x', changes: { 'a.md': 'a' }, labels: ['adr-revisit'] });
    const issues = await listLabelledIssues(sweepDeps(double).gh, TARGET, ['adr-revisit', 'decisions']);
    expect(issues).toHaveLength(107);
    expect(issues.filter((i) => i.state === 'closed')).toHaveLength(52);
    expect(issues.map((i) => i.title)).not.toContain('unlabelled');
    expect(issues.map((i) => i.number)).not.toContain(900);
    expect(double.requestsFor('issues/list-for-repo').map((r) => r.query['labels'])).toEqual(['adr-revisit', 'adr-revisit', 'decisions']);
  });
});
