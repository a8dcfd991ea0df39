import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/core/output/json.js';
import type { SarifLog } from '../../src/core/output/sarif.js';
import { makeRepo, removeRepo, runCli, runCliInProcess } from './cli-harness.js';

const TODAY = ['--today', '2026-11-21'];

/** An ADR in our own words with everything the ADR rules ask for, except a decision date. */
function undatedAdr(n: number): string {
  return [
    `# ${n}. Keep reports in store ${n}`,
    '',
    '## Status',
    '',
    'Accepted',
    '',
    '## Context',
    '',
    'Monthly reports are generated once and downloaded a few times.',
    '',
    '## Considered Options',
    '',
    '- Generate them on every download',
    '- Store the generated files',
    '',
    '## Decision',
    '',
    'We store the generated files, because generating one takes minutes.',
    '',
    '## Consequences',
    '',
    '- Good, because a download is instant.',
    '- Bad, because storage grows by about 1 GB a year.',
    '',
    '## Revisit Triggers',
    '',
    '- Revisit when storage passes 50 GB.',
    '',
  ].join('\n');
}

/** `count` undated ADRs in `dir`. */
function undated(dir: string, count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${dir}/${String(i + 1).padStart(4, '0')}-reports-${i + 1}.md`, undatedAdr(i + 1)]));
}

const DECISIONS = Object.keys(undated('docs/decisions', 6));
const FOLDED = "6 of 6 ADRs in docs/decisions have no decision date, which looks like the folder's convention";

describe('design-review check: one finding per folder convention', () => {
  let repo: string;

  beforeAll(async () => {
    // docs/decisions: 6 of 6 without a date (a convention); docs/adr: 3 records only (judged record by record).
    repo = await makeRepo({ ...undated('docs/decisions', 6), ...undated('docs/adr', 3) });
  });
  afterAll(async () => {
    await removeRepo(repo);
  });

  it('prints the folder once in text, with the setting that silences it, and keeps small folders per record', async () => {
    const result = await runCli(['check', ...TODAY], repo);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    const header = lines.indexOf('docs/decisions/');
    expect(header).toBeGreaterThanOrEqual(0);
    expect(lines[header + 1]).toBe(
      `  0:0  warning  ${FOLDED}: set \`rules: { adr-date: off }\` in .github/design-review.yml to stop checking for it, or add one to each record  adr-date`,
    );
    expect(result.stdout.match(/Missing decision date/g)).toHaveLength(3);
    for (const file of DECISIONS) expect(lines).not.toContain(file);
    expect(lines.at(-2)).toBe('✖ 4 problems (0 errors, 4 warnings) in 3 files and 1 folder; 9 files reviewed');
    expect(result.code).toBe(0);
  });

  it('lists the convention and its records in JSON, and its one finding among the findings', async () => {
    const result = await runCliInProcess(['check', '--format', 'json', ...TODAY], repo);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.conventions).toEqual([
      { ruleId: 'adr-date', severity: 'warning', folder: 'docs/decisions', kind: 'adr', count: 6, total: 6, files: DECISIONS },
    ]);
    const dates = report.findings.filter((f) => f.ruleId === 'adr-date');
    expect(dates.map((f) => f.file)).toEqual(['docs/adr/0001-reports-1.md', 'docs/adr/0002-reports-2.md', 'docs/adr/0003-reports-3.md', 'docs/decisions']);
    expect(dates[3]!.message.startsWith(FOLDED)).toBe(true);
    expect(dates[3]!.line).toBeUndefined();
  });

  it('writes one SARIF result at the first record of the folder, valid for code scanning', async () => {
    const result = await runCliInProcess(['check', '--format', 'sarif', ...TODAY], repo);
    const log = JSON.parse(result.stdout) as SarifLog;
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    const dates = run.results.filter((r) => r.ruleId === 'adr-date');
    expect(dates).toHaveLength(4);
    const folder = dates.find((r) => r.properties !== undefined)!;
    expect(folder.message.text).toContain(FOLDED);
    expect(folder.message.text).toContain(`\nRecords: ${DECISIONS.map((p) => p.slice('docs/decisions/'.length)).join(', ')}`);
    expect(folder.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: DECISIONS[0], uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
    expect(folder.properties).toEqual({ folder: 'docs/decisions', count: 6, total: 6, files: DECISIONS });
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
      const uri = r.locations[0]!.physicalLocation.artifactLocation.uri;
      // Every result points at a file that exists in the repository, never at a folder.
      expect(uri).toMatch(/\.md$/);
      expect(r.locations[0]!.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      expect(Object.values(r.partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(new Set(run.results.map((r) => Object.values(r.partialFingerprints)[0])).size).toBe(run.results.length);
  });

  it('says the counts are of the records reviewed when named files leave some of the folder out', async () => {
    const some = await runCliInProcess(['check', ...DECISIONS.slice(0, 5), '--format', 'json', ...TODAY], repo);
    expect((JSON.parse(some.stdout) as JsonReport).findings.map((f) => f.message)).toEqual([
      "5 of the 5 ADRs reviewed in docs/decisions have no decision date, which looks like the folder's convention: set `rules: { adr-date: off }` in .github/design-review.yml to stop checking for it, or add one to each record",
    ]);
    const whole = await runCliInProcess(['check', 'docs/decisions', '--format', 'json', ...TODAY], repo);
    expect((JSON.parse(whole.stdout) as JsonReport).findings.map((f) => f.message.slice(0, FOLDED.length))).toEqual([FOLDED]);
  });

  it('keeps the config severity (exit 1 on error) and reports per record with review.folderConventions: false', async () => {
    const strict = await makeRepo({ ...undated('docs/decisions', 6), '.github/design-review.yml': 'rules:\n  adr-date: error\n' });
    const perRecord = await makeRepo({ ...undated('docs/decisions', 6), '.github/design-review.yml': 'review:\n  folderConventions: false\n' });
    try {
      const asError = await runCliInProcess(['check', '--format', 'json', ...TODAY], strict);
      const report = JSON.parse(asError.stdout) as JsonReport;
      expect(report.findings.map((f) => [f.file, f.severity])).toEqual([['docs/decisions', 'error']]);
      expect(asError.code).toBe(1);

      const off = await runCliInProcess(['check', '--format', 'json', ...TODAY], perRecord);
      const unfolded = JSON.parse(off.stdout) as JsonReport;
      expect(unfolded.conventions).toEqual([]);
      expect(unfolded.findings.map((f) => f.file)).toEqual(DECISIONS);
      expect(unfolded.findings.every((f) => f.message.startsWith('Missing decision date'))).toBe(true);
    } finally {
      await removeRepo(strict);
      await removeRepo(perRecord);
    }
  });
});
