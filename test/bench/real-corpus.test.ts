import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  extractionFilter,
  headingOutline,
  isCorpusFile,
  matchRepo,
  median,
  perRecord,
  perRule,
  findingKey,
  parseSample,
  parseVerdicts,
  renderSample,
  scanKeys,
  tallyVerdicts,
  seededSample,
  validateManifest,
  type Manifest,
  type ManifestRepo,
  type RepoFinding,
} from '../../bench/real-corpus/lib.js';

// The parts of bench/real-corpus that run without the fetched repositories:
// the committed manifest, the sampling, the aggregations. The corpus itself and
// the scan (build.js, report.js) are run by hand, not by `npm test`.

const MANIFEST_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'real-corpus', 'manifest.json');
const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as Manifest;

describe('bench/real-corpus/manifest.json', () => {
  it('is valid: every entry has repo, a 40-hex commit, a licence and records with a kind', () => {
    expect(validateManifest(manifest)).toEqual([]);
    for (const r of manifest.repositories) {
      expect(r.repo, 'repo').toMatch(/^[^/\s]+\/[^/\s]+$/);
      expect(r.commit, r.repo).toMatch(/^[0-9a-f]{40}$/);
      expect(r.licence, r.repo).not.toBe('');
      expect(r.records.length, r.repo).toBeGreaterThan(0);
      for (const rec of r.records) expect(['adr', 'design-doc'], `${r.repo} ${rec.path}`).toContain(rec.kind);
    }
  });

  it('meets the brief: 12+ repositories, 450+ records, ADRs at least 40 %, no repository above a fifth', () => {
    const all = manifest.repositories.flatMap((r) => r.records);
    const adrs = all.filter((r) => r.kind === 'adr').length;
    expect(manifest.repositories.length).toBeGreaterThanOrEqual(12);
    expect(all.length).toBeGreaterThanOrEqual(450);
    expect(adrs / all.length).toBeGreaterThanOrEqual(0.4);
    for (const r of manifest.repositories) expect(r.records.length / all.length, r.repo).toBeLessThanOrEqual(0.2);
  });

  it('says how a subset was chosen wherever records were left out', () => {
    for (const r of manifest.repositories.filter((x) => x.subset)) {
      expect(r.subset?.how, r.repo).toMatch(/\w+ \w+/);
      expect(r.subset?.scope, r.repo).toBeDefined();
    }
  });
});

describe('validateManifest', () => {
  const good: ManifestRepo = { repo: 'o/r', commit: 'a'.repeat(40), licence: 'MIT', records: [{ path: 'docs/adr/0001-x.md', kind: 'adr' }] };
  const problemsOf = (repo: unknown) => validateManifest({ version: 1, repositories: [repo] });

  it('accepts a minimal entry', () => {
    expect(problemsOf(good)).toEqual([]);
  });

  it.each([
    ['a short commit', { ...good, commit: 'abc123' }, /"commit" must be a 40-hex/],
    ['no licence', { ...good, licence: '' }, /"licence"/],
    ['no records', { ...good, records: [] }, /"records" must be a non-empty list/],
    ['a record without kind', { ...good, records: [{ path: 'a.md' }] }, /"kind" must be "adr" or "design-doc"/],
    ['a kind of its own', { ...good, records: [{ path: 'a.md', kind: 'rfc' }] }, /"kind" must be/],
    ['a path listed twice', { ...good, records: [good.records[0], good.records[0]] }, /listed twice/],
    ['a path that climbs out', { ...good, records: [{ path: '../x.md', kind: 'adr' }] }, /no \.\./],
    ['a record that is not Markdown', { ...good, records: [{ path: 'doc/adr/0001', kind: 'adr' }] }, /not a Markdown file/],
    ['a broken scope', { ...good, subset: { how: 'every 2nd', scope: '(' } }, /not a valid regular expression/],
    ['a subset without how', { ...good, subset: { how: '' } }, /"subset.how"/],
  ])('names the entry and the key for %s', (_label, entry, message) => {
    const problems = problemsOf(entry);
    expect(problems.join('\n')).toMatch(message);
    expect(problems[0]).toMatch(/^repositories\[0\] \(o\/r\)/);
  });

  it('rejects a repository listed twice and a manifest without repositories', () => {
    expect(validateManifest({ version: 1, repositories: [good, good] }).join('\n')).toMatch(/appears twice/);
    expect(validateManifest({})).toEqual(['manifest: expected an object with a "repositories" array']);
  });
});

describe('extraction', () => {
  it('takes Markdown and the layout files a scan reads, nothing else', () => {
    expect(['a/README.md', 'x.markdown', '.adr-dir', 'keps/sig-x/1-y/kep.yaml', '.log4brains.yml'].every(isCorpusFile)).toBe(true);
    expect(['main.go', 'kep.yml', 'docs/img.png', 'docs/decisions/0009-fhirpath-module'].some(isCorpusFile)).toBe(false);
  });

  it('inside the subset scope keeps only records, their folders and companion folders', () => {
    const keep = extractionFilter({
      repo: 'o/r',
      commit: 'a'.repeat(40),
      licence: 'MIT',
      subset: { how: 'two of four', scope: '^text/|^keps/' },
      records: [
        { path: 'text/0001-a.md', kind: 'design-doc' },
        { path: 'keps/sig-a/12-b/README.md', kind: 'design-doc' },
      ],
    });
    expect(keep('text/0001-a.md')).toBe(true);
    expect(keep('text/0001-a/appendix.md')).toBe(true);
    expect(keep('keps/sig-a/12-b/kep.yaml')).toBe(true);
    expect(keep('keps/sig-a/12-b/notes/extra.md')).toBe(true);
    expect(keep('text/0002-c.md')).toBe(false);
    expect(keep('keps/sig-a/13-c/README.md')).toBe(false);
    expect(keep('README.md')).toBe(true);
  });
});

describe('seeded sample', () => {
  const items = Array.from({ length: 50 }, (_, i) => i);

  it('is stable: the same items and seed give the same draw, in the same order', () => {
    expect(seededSample(items, 10, 7)).toEqual(seededSample(items, 10, 7));
    // Pinned so a change to the generator (which would reshuffle every audit sample) is noticed.
    expect(seededSample(items, 5, 20261201)).toEqual(seededSample([...items], 5, 20261201));
    expect(seededSample(['a', 'b', 'c', 'd', 'e', 'f'], 3, 1)).toEqual(['d', 'b', 'e']);
  });

  it('changes with the seed, draws without replacement and leaves the input alone', () => {
    const copy = items.slice();
    const a = seededSample(items, 20, 1);
    expect(a).not.toEqual(seededSample(items, 20, 2));
    expect(new Set(a).size).toBe(20);
    expect(items).toEqual(copy);
    expect(seededSample(items, 500, 1).slice().sort((x, y) => x - y)).toEqual(items);
    expect(seededSample([], 5, 1)).toEqual([]);
  });
});

describe('aggregation', () => {
  it('median of odd, even, unsorted and empty lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([0, 0, 9])).toBe(0);
    expect(median([])).toBe(0);
  });

  const entry: ManifestRepo = {
    repo: 'o/r',
    commit: 'b'.repeat(40),
    licence: 'MIT',
    records: [
      { path: 'docs/adr/0001-a.md', kind: 'adr' },
      { path: 'docs/adr/0002-b.md', kind: 'adr' },
      { path: 'docs/adr/0003-c.md', kind: 'adr' },
      { path: 'rfcs/0001-d.md', kind: 'design-doc' },
    ],
  };
  const finding = (ruleId: string, file: string, line = 1) => ({ ruleId, severity: 'warning', message: `${ruleId} here`, file, line });
  const match = matchRepo(entry, {
    coverage: [
      { path: 'docs/adr/0001-a.md', kind: 'adr' },
      { path: 'docs/adr/0002-b.md', kind: 'adr' },
      { path: 'rfcs/0001-d.md', kind: 'adr' },
      { path: 'docs/adr/README.md', kind: 'adr' },
    ],
    findings: [
      finding('adr-date', 'docs/adr/0001-a.md'),
      finding('adr-status', 'docs/adr/0001-a.md', 3),
      finding('adr-date', 'docs/adr/0002-b.md'),
      finding('design-pillars', 'rfcs/0001-d.md'),
      finding('adr-date', 'docs/adr/README.md'),
      finding('adr-date', 'docs/adr', 0),
    ],
  });

  it('matches a scan against the manifest: found, missing, extra, kind mismatches', () => {
    expect(match.records).toBe(4);
    expect(match.found).toEqual(['docs/adr/0001-a.md', 'docs/adr/0002-b.md', 'rfcs/0001-d.md']);
    expect(match.missing).toEqual(['docs/adr/0003-c.md']);
    expect(match.extra).toEqual(['docs/adr/README.md']);
    expect(match.kindMismatches).toEqual([{ path: 'rfcs/0001-d.md', manifest: 'design-doc', scan: 'adr' }]);
    expect(match.findings.map((f) => f.record)).toEqual([null, 'adr', 'adr', 'adr', null, 'design-doc']);
  });

  it('counts findings per rule and the records they hit, overall and per kind', () => {
    expect(perRule(match.findings)).toEqual([
      { rule: 'adr-date', all: { findings: 4, records: 2 }, adr: { findings: 2, records: 2 }, designDoc: { findings: 0, records: 0 }, offRecord: 2 },
      { rule: 'adr-status', all: { findings: 1, records: 1 }, adr: { findings: 1, records: 1 }, designDoc: { findings: 0, records: 0 }, offRecord: 0 },
      { rule: 'design-pillars', all: { findings: 1, records: 1 }, adr: { findings: 0, records: 0 }, designDoc: { findings: 1, records: 1 }, offRecord: 0 },
    ]);
  });

  it('gives median and max findings per reviewed record of a kind, records without findings included', () => {
    const reviewed = ['o/r\0docs/adr/0001-a.md', 'o/r\0docs/adr/0002-b.md', 'o/r\0docs/adr/0004-none.md'];
    expect(perRecord(match.findings, reviewed, 'adr')).toEqual({ records: 3, findings: 3, median: 1, max: 2, maxAt: 'o/r:docs/adr/0001-a.md', zero: 1 });
    expect(perRecord(match.findings, ['o/r\0rfcs/0001-d.md'], 'design-doc')).toMatchObject({ records: 1, median: 1, max: 1 });
    expect(perRecord([], [], 'adr')).toEqual({ records: 0, findings: 0, median: 0, max: 0, maxAt: null, zero: 0 });
  });
});

describe('sample rendering', () => {
  const text = ['---', 'title: x', '---', '# Use X', '', '## Status', 'Accepted', '```md', '## not a heading', '```', '## Decision', 'We use ``` in text.'].join('\n');

  it('outlines the headings outside front matter and code', () => {
    expect(headingOutline(text)).toEqual([
      { line: 4, text: '# Use X' },
      { line: 6, text: '## Status' },
      { line: 11, text: '## Decision' },
    ]);
  });

  it('shows each finding with its id, place, lines around it and outline, in fences the text cannot close', () => {
    const f: RepoFinding & { id: string } = { id: 'S001', repo: 'o/r', ruleId: 'adr-status', severity: 'warning', message: 'Bad status', file: 'docs/adr/0001-a.md', line: 12, record: 'adr' };
    const md = renderSample([f, { ...f, id: 'S002', file: 'docs/adr', line: undefined, record: null }], (_repo, path) => (path.endsWith('.md') ? text : null), {
      seed: 1,
      size: 2,
      population: 9,
      today: '2026-12-01',
    });
    expect(md).toContain('## S001 · adr-status (warning)');
    expect(md).toContain('`docs/adr/0001-a.md:12` (manifest record, adr)');
    expect(md).toContain('> 12 | We use ``` in text.');
    expect(md).toContain('\n````text\n');
    expect(md).toContain('   11  ## Decision');
    expect(md).toContain('## S002');
    expect(md).toContain('NOT a manifest record');
    expect(md).toContain('folder-level or repository-level finding');
  });
});

describe('audit files', () => {
  const finding: RepoFinding & { id: string } = { id: 'S001', repo: 'o/r', ruleId: 'adr-date', severity: 'warning', message: 'Missing decision date', file: 'docs/adr/0001-a.md', line: 3, record: 'adr' };

  it('reads back the findings of a rendered sample, and a --rules sample says how to regenerate it', () => {
    const md = renderSample([finding, { ...finding, id: 'S002', ruleId: 'adr-status', file: 'docs/adr', line: undefined, record: null }], () => null, {
      seed: 7,
      size: 2,
      population: 2,
      today: '2026-12-01',
      rules: ['adr-date', 'adr-status'],
    });
    expect(md).toContain('--seed 7 --rules adr-date,adr-status');
    expect(parseSample(md)).toEqual([
      { id: 'S001', rule: 'adr-date', repo: 'o/r', where: 'docs/adr/0001-a.md:3', message: 'Missing decision date' },
      { id: 'S002', rule: 'adr-status', repo: 'o/r', where: 'docs/adr', message: 'Missing decision date' },
    ]);
  });

  it('reads verdict rows, ignores other tables, and tallies them per rule with a total', () => {
    const md = [
      '| id | rule | record | verdict | reason |',
      '|---|---|---|---|---|',
      '| S001 | adr-date | r 0001-a.md:3 | true | No date anywhere. |',
      '| S002 | adr-date | r 0002-b.md:1 | False | The date is in the table \\| row 4. |',
      '| M003 | adr-options | r 0003-c.md:1 | debatable (shared by the folder) | One option and a rejected idea. |',
      '',
      '| rule | true | false |',
      '| adr-date | 1 | 1 |',
    ].join('\n');
    const verdicts = parseVerdicts(md);
    expect(verdicts.map((v) => [v.id, v.rule, v.verdict])).toEqual([
      ['S001', 'adr-date', 'true'],
      ['S002', 'adr-date', 'false'],
      ['M003', 'adr-options', 'debatable'],
    ]);
    expect(tallyVerdicts(verdicts)).toEqual([
      { rule: 'adr-date', true: 1, false: 1, debatable: 0 },
      { rule: 'adr-options', true: 0, false: 0, debatable: 1 },
      { rule: 'total', true: 1, false: 1, debatable: 1 },
    ]);
  });

  it('keys a finding by rule, repository, place and message, so a verdict carries to the same finding in another sample', () => {
    const a = { rule: 'adr-date', repo: 'o/r', where: 'x.md:3', message: 'm' };
    expect(findingKey(a)).toBe(findingKey({ ...a }));
    expect(findingKey(a)).not.toBe(findingKey({ ...a, where: 'x.md:4' }));
    expect(findingKey(a)).not.toBe(findingKey({ ...a, rule: 'adr-status' }));
  });

  it('knows which findings of a sample a scan still says, matching the identity the rendered sample reads back', () => {
    const multiLine = { ...finding, id: 'S002', message: 'Two lines\nof `message`', file: 'docs/`odd`.md', line: 7 };
    const folder = { ...finding, id: 'S003', ruleId: 'adr-status', file: 'docs/adr', line: undefined, record: null };
    const md = renderSample([finding, multiLine, folder], () => null, { seed: 1, size: 3, population: 3, today: '2026-12-01' });
    const said = scanKeys([{ repo: 'o/r', findings: [finding, multiLine, folder] }]);
    expect(parseSample(md).map((f) => said.has(findingKey(f)))).toEqual([true, true, true]);
    const after = scanKeys([{ repo: 'o/r', findings: [multiLine] }, { repo: 'o/other', findings: [finding] }]);
    expect(parseSample(md).map((f) => after.has(findingKey(f)))).toEqual([false, true, false]);
  });
});
