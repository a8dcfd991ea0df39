import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFile, runKey } from '../../src/cli/check-cache.js';
import { reviewOptions } from '../helpers/review-options.js';
import { makeRepo, removeRepo, runCli, runCliInProcess } from './cli-harness.js';
import { ADR_WITH_FINDINGS, CLEAN_ADR } from './fixtures.js';

const TODAY = ['--today', '2026-11-21'];
const CACHE = '.design-review-cache';

interface CachedEntry {
  result: { findings: { message: string }[] };
}

/**
 * Rewrite every cached finding of `path` to say `marker`. A run whose output
 * then shows the marker took that file's result from the cache; one that
 * does not reviewed the file again.
 */
async function plant(cacheFile: string, path: string, marker: string): Promise<void> {
  const contents = deserialize(await readFile(cacheFile)) as { entries: Map<string, CachedEntry> };
  const entry = contents.entries.get(path);
  if (!entry || entry.result.findings.length === 0) throw new Error(`no cached findings for ${path}`);
  for (const f of entry.result.findings) f.message = marker;
  await writeFile(cacheFile, serialize(contents));
}

describe('design-review check --cache', () => {
  let repo: string | undefined;
  afterEach(async () => {
    if (repo) await removeRepo(repo);
    repo = undefined;
  });

  const twoRecords = () =>
    makeRepo({
      'docs/adr/0001-use-postgresql.md': CLEAN_ADR,
      'docs/adr/0002-use-kafka.md': ADR_WITH_FINDINGS,
    });

  it('gives the same output with and without a cache, cold and warm, in every format, and writes the cache file', async () => {
    repo = await twoRecords();
    for (const format of ['text', 'json', 'sarif']) {
      const plain = await runCliInProcess(['check', '--format', format, ...TODAY], repo);
      const cold = await runCliInProcess(['check', '--format', format, '--cache', '--cache-location', `${format}.cache`, ...TODAY], repo);
      expect(existsSync(join(repo, `${format}.cache`))).toBe(true);
      const warm = await runCliInProcess(['check', '--format', format, '--cache', '--cache-location', `${format}.cache`, ...TODAY], repo);
      expect(cold.stdout).toBe(plain.stdout);
      expect(warm.stdout).toBe(plain.stdout);
      expect([cold.code, warm.code]).toEqual([plain.code, plain.code]);
      expect(warm.stderr).toBe('');
    }
  });

  it('gives the same output when the files are reviewed in worker threads (over 40 files)', async () => {
    const files: Record<string, string> = {};
    for (let n = 1; n <= 45; n++) {
      const id = String(n).padStart(4, '0');
      files[`docs/adr/${id}-record-${n}.md`] = (n % 2 === 0 ? ADR_WITH_FINDINGS : CLEAN_ADR).replace(/^# \d+\./, `# ${n}.`);
    }
    repo = await makeRepo(files);
    const plain = await runCli(['check', '--format', 'json', ...TODAY], repo);
    const cold = await runCli(['check', '--format', 'json', '--cache', ...TODAY], repo);
    await plant(join(repo, CACHE), 'docs/adr/0002-record-2.md', 'PLANTED IN THE CACHE');
    const warm = await runCli(['check', '--format', 'json', '--cache', ...TODAY], repo);
    expect(cold.stdout).toBe(plain.stdout);
    // Every other file's findings as without a cache; the planted one's come from the cache.
    type Report = { findings: { file: string; message: string }[] };
    const others = (r: Report) => r.findings.filter((f) => f.file !== 'docs/adr/0002-record-2.md');
    const [p, w] = [JSON.parse(plain.stdout) as Report, JSON.parse(warm.stdout) as Report];
    expect(others(w)).toEqual(others(p));
    expect(w.findings.filter((f) => f.message === 'PLANTED IN THE CACHE').map((f) => f.file)).toContain('docs/adr/0002-record-2.md');
  });

  it('reuses an unchanged file and reviews a changed one again', async () => {
    repo = await twoRecords();
    await runCliInProcess(['check', '--cache', ...TODAY], repo);
    await plant(join(repo, CACHE), 'docs/adr/0002-use-kafka.md', 'PLANTED IN THE CACHE');
    const reused = await runCliInProcess(['check', '--cache', ...TODAY], repo);
    expect(reused.stdout).toContain('PLANTED IN THE CACHE');

    await writeFile(join(repo, 'docs/adr/0002-use-kafka.md'), `${ADR_WITH_FINDINGS}\nOne more line.\n`);
    const changed = await runCliInProcess(['check', '--cache', ...TODAY], repo);
    expect(changed.stdout).not.toContain('PLANTED IN THE CACHE');
    expect(changed.stdout).toContain('adr-status');
  });

  it('reuses nothing when the run key changes: another --today, another config', async () => {
    repo = await twoRecords();
    await runCliInProcess(['check', '--cache', ...TODAY], repo);
    await plant(join(repo, CACHE), 'docs/adr/0002-use-kafka.md', 'PLANTED IN THE CACHE');
    const otherDay = await runCliInProcess(['check', '--cache', '--today', '2026-11-22'], repo);
    expect(otherDay.stdout).not.toContain('PLANTED IN THE CACHE');

    await runCliInProcess(['check', '--cache', ...TODAY], repo);
    await plant(join(repo, CACHE), 'docs/adr/0002-use-kafka.md', 'PLANTED IN THE CACHE');
    await mkdir(join(repo, '.github'), { recursive: true });
    await writeFile(join(repo, '.github/design-review.yml'), 'rules:\n  adr-options: off\n');
    const otherConfig = await runCliInProcess(['check', '--cache', ...TODAY], repo);
    expect(otherConfig.stdout).not.toContain('PLANTED IN THE CACHE');
    expect(otherConfig.stdout).not.toContain('adr-options');
  });

  it('recomputes cross-file findings: a cached record gets the duplicate number a new one brings', async () => {
    repo = await twoRecords();
    await runCliInProcess(['check', '--cache', ...TODAY], repo);
    await writeFile(join(repo, 'docs/adr/0001-use-mysql.md'), CLEAN_ADR.replace('PostgreSQL', 'MySQL'));
    const warm = await runCliInProcess(['check', '--format', 'json', '--cache', ...TODAY], repo);
    const plain = await runCliInProcess(['check', '--format', 'json', ...TODAY], repo);
    expect(warm.stdout).toBe(plain.stdout);
    expect(warm.stdout).toContain('Duplicate ADR number 1');
  });

  it('ignores a corrupt or foreign cache file with a warning, gives the right output, and rewrites it', async () => {
    repo = await twoRecords();
    const plain = await runCliInProcess(['check', '--format', 'json', ...TODAY], repo);
    for (const junk of [Buffer.from('not a cache at all'), serialize({ magic: 'something-else' }), serialize({ magic: 'design-review-cache', format: 999 })]) {
      await writeFile(join(repo, CACHE), junk);
      const run = await runCliInProcess(['check', '--format', 'json', '--cache', ...TODAY], repo);
      expect(run.stdout).toBe(plain.stdout);
      expect(run.stderr).toMatch(/^design-review: ignoring the cache file .*\.design-review-cache: .+; it will be rewritten\n$/);
      const again = await runCliInProcess(['check', '--format', 'json', '--cache', ...TODAY], repo);
      expect(again.stderr).toBe('');
      expect(again.stdout).toBe(plain.stdout);
    }
  });

  it('puts the cache where --cache-location says: a file, or a folder for it', async () => {
    repo = await twoRecords();
    await runCliInProcess(['check', '--cache', '--cache-location', 'tmp/review.cache', ...TODAY], repo);
    expect(existsSync(join(repo, 'tmp/review.cache'))).toBe(true);
    await runCliInProcess(['check', '--cache', '--cache-location', 'cache-dir/', ...TODAY], repo);
    expect(existsSync(join(repo, 'cache-dir', CACHE))).toBe(true);
    expect(existsSync(join(repo, CACHE))).toBe(false);
    const bad = await runCliInProcess(['check', '--cache', '--cache-strategy', 'metadata', ...TODAY], repo);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Allowed choices are content");
  });

  it('warns and still reports when the cache cannot be written', async () => {
    repo = await twoRecords();
    await writeFile(join(repo, 'blocker'), 'a file where the cache folder would go');
    const plain = await runCliInProcess(['check', '--format', 'json', ...TODAY], repo);
    const run = await runCliInProcess(['check', '--format', 'json', '--cache', '--cache-location', 'blocker/sub/cache', ...TODAY], repo);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.stderr).toMatch(/^design-review: cannot write the cache file .*blocker\/sub\/cache \(\w+\); the next run reviews every file again\n$/);
  });
});

describe('the cache key and place', () => {
  it('changes the run key with the version, the config, the checklists (patterns included), the day and the index', () => {
    const base = reviewOptions();
    const key = runKey('1.0.0', base);
    expect(runKey('1.0.0', reviewOptions())).toBe(key);
    expect(runKey('1.0.1', base)).not.toBe(key);
    expect(runKey('1.0.0', reviewOptions({ rules: { 'adr-options': 'off' } }))).not.toBe(key);
    expect(runKey('1.0.0', { ...base, today: '2026-11-22' })).not.toBe(key);
    expect(runKey('1.0.0', { ...base, index: [{ path: 'docs/adr/0009-x.md', kind: 'adr', number: 9, supersedes: [], supersededBy: [] }] })).not.toBe(key);
    const withPattern = (re: RegExp) => ({ ...base, checklists: { ...base.checklists, extra: re } as typeof base.checklists });
    expect(runKey('1.0.0', withPattern(/cost/i))).not.toBe(runKey('1.0.0', withPattern(/price/i)));
  });

  it('resolves --cache-location: default file, a named file, a folder that exists, a path ending in a slash', async () => {
    const repo = await makeRepo({ 'docs/adr/0001-use-postgresql.md': CLEAN_ADR });
    try {
      expect(await cacheFile(undefined, repo)).toBe(join(repo, CACHE));
      expect(await cacheFile('out/review.cache', repo)).toBe(join(repo, 'out/review.cache'));
      expect(await cacheFile('docs', repo)).toBe(join(repo, 'docs', CACHE));
      expect(await cacheFile('later/', repo)).toBe(join(repo, 'later', CACHE));
    } finally {
      await removeRepo(repo);
    }
  });
});
