import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/core/output/json.js';
import type { SarifLog } from '../../src/core/output/sarif.js';
import { allRules } from '../../src/core/rule-set/preset.js';
import { makeRepo, removeRepo, removeUnprivilegedCopy, runCli, runCliInProcess, runCliUnprivileged } from './cli-harness.js';
import { ADR_WITH_FINDINGS, BAD_FRONT_MATTER_ADR, BINARY, CLEAN_ADR, DESIGN_DOC, INVALID_UTF8 } from './fixtures.js';

const TODAY = ['--today', '2026-11-21'];
/** A finding row: `  line:column  severity  message  rule-id`. */
const ROW = /^ {2}\d+:\d+ +(error|warning) {2}.+ {2}[a-z0-9-]+$/;

describe('design-review check', () => {
  let repo: string;

  beforeAll(async () => {
    repo = await makeRepo({
      'docs/adr/0001-use-postgresql.md': CLEAN_ADR,
      'docs/adr/0002-use-kafka.md': ADR_WITH_FINDINGS,
      'docs/adr/0003-broken-front-matter.md': BAD_FRONT_MATTER_ADR,
      'docs/adr/0004-invalid-utf8.md': INVALID_UTF8,
      'docs/adr/0005-diagram.md': BINARY,
      'docs/adr/README.md': '# Decisions\n\nThe index of our ADRs.\n',
      'docs/adr/template.md': '# NNNN. Title\n\n## Status\n\n## Context\n',
      'docs/design/search.md': DESIGN_DOC,
      'notes/idea.md': '# An idea\n\n## Problem\n\nSearch is slow.\n',
      'notes/README.md': '# Notes\n',
      'README.md': '# The project\n',
    });
  });
  afterAll(async () => {
    await removeRepo(repo);
  });

  it('exits 0 with no problems for a clean ADR', async () => {
    const result = await runCli(['check', 'docs/adr/0001-use-postgresql.md', ...TODAY], repo);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('✔ no problems in 1 file reviewed\n');
    expect(result.code).toBe(0);
  });

  it('prints a block per file with aligned finding rows and a summary', async () => {
    const result = await runCliInProcess(['check', 'docs/adr/0002-use-kafka.md', ...TODAY], repo);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('docs/adr/0002-use-kafka.md');
    const rows = lines.slice(1).filter((l) => /^ {2}\d+:\d+/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(ROW);
    expect(result.stdout).toMatch(/adr-status/);
    expect(result.stdout).toMatch(/\n {2}\d+ errors?, \d+ warnings?\n/);
    expect(result.stdout).toMatch(/\n✖ \d+ problems? \(\d+ errors?, \d+ warnings?\) in 1 file; 1 file reviewed\n$/);
    const hasError = rows.some((r) => /^ {2}\S+ +error /.test(r));
    expect(result.code).toBe(hasError ? 1 : 0);
  });

  it('reviews the repository by default: decisions only, no README, template or stray notes', async () => {
    const result = await runCliInProcess(['check', '--format', 'json', ...TODAY], repo);
    const report = JSON.parse(result.stdout) as JsonReport;
    const files = new Set([...report.findings.map((f) => f.file), ...report.coverage.map((c) => c.path)]);
    expect(files).toContain('docs/adr/0002-use-kafka.md');
    expect(files).toContain('docs/design/search.md');
    for (const excluded of ['docs/adr/README.md', 'docs/adr/template.md', 'notes/idea.md', 'README.md']) {
      expect(files).not.toContain(excluded);
    }
    expect(report.coverage.find((c) => c.path === 'docs/design/search.md')?.kind).toBe('design-doc');
    expect(result.code).toBe(1);
  });

  it('is the default command: `design-review <path>` checks it', async () => {
    const result = await runCliInProcess(['docs/adr/0001-use-postgresql.md', ...TODAY], repo);
    expect(result.stdout).toBe('✔ no problems in 1 file reviewed\n');
    expect(result.code).toBe(0);
  });

  it('reviews files of an explicitly named folder outside the globs, but not its README', async () => {
    const result = await runCliInProcess(['check', 'notes', '--format', 'json', ...TODAY], repo);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.coverage.map((c) => c.path)).toEqual(['notes/idea.md']);
    expect(report.findings.every((f) => f.file === 'notes/idea.md')).toBe(true);
  });

  it('skips an explicitly named README or template with a note', async () => {
    const result = await runCliInProcess(['check', 'docs/adr/README.md', 'docs/adr/template.md', '--format', 'json', ...TODAY], repo);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings).toEqual([]);
    expect(report.skipped.map((s) => s.path)).toEqual(['docs/adr/README.md', 'docs/adr/template.md']);
    expect(report.skipped[0]!.reason).toMatch(/README|template/);
    expect(result.code).toBe(0);
  });

  it('reports binary and invalid UTF-8 files without stopping, and exits 1', async () => {
    const result = await runCliInProcess(
      ['check', 'docs/adr/0001-use-postgresql.md', 'docs/adr/0004-invalid-utf8.md', 'docs/adr/0005-diagram.md', ...TODAY],
      repo,
    );
    expect(result.stdout).toMatch(/docs\/adr\/0004-invalid-utf8\.md\n {2}1:1 {2}error {2}.*UTF-8.* {2}document-skipped\n/);
    expect(result.stdout).toMatch(/docs\/adr\/0005-diagram\.md\n {2}1:1 {2}error {2}.*binary.* {2}document-skipped\n/);
    expect(result.stdout).toMatch(/\nskipped\n {2}docs\/adr\/0004-invalid-utf8\.md {2}.+\n {2}docs\/adr\/0005-diagram\.md {2}.+\n/);
    expect(result.stdout).toMatch(/3 files? reviewed|1 file reviewed, 2 skipped/);
    expect(result.code).toBe(1);
  });

  it('refuses a file over review.maxFileBytes with a warning naming its size, without failing', async () => {
    const sized = await makeRepo({
      '.github/design-review.yml': 'review:\n  maxFileBytes: 1000\n',
      'docs/adr/0001-use-postgresql.md': CLEAN_ADR,
    });
    try {
      const result = await runCliInProcess(['check', '--format', 'json', ...TODAY], sized);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'document-skipped', severity: 'warning', file: 'docs/adr/0001-use-postgresql.md' })]);
      expect(report.skipped[0]?.reason).toMatch(/^is \d+ kB, over the 1 kB limit \(review\.maxFileBytes\)/);
      expect(result.code).toBe(0);
    } finally {
      await removeRepo(sized);
    }
  });

  it('reports invalid front matter as a finding', async () => {
    const result = await runCliInProcess(['check', 'docs/adr/0003-broken-front-matter.md', '--format', 'json', ...TODAY], repo);
    const report = JSON.parse(result.stdout) as JsonReport;
    const finding = report.findings.find((f) => /front matter/i.test(f.message));
    expect(finding).toMatchObject({ file: 'docs/adr/0003-broken-front-matter.md' });
    expect(finding?.line).toBeGreaterThanOrEqual(1);
  });

  it('reports a missing path as an error row naming it, still reviews the rest, and exits 1', async () => {
    const result = await runCliInProcess(['check', 'docs/adr/0001-use-postgresql.md', 'docs/adr/0099-missing.md', ...TODAY], repo);
    expect(result.stdout).toContain('docs/adr/0099-missing.md\n  0:0  error  Cannot read docs/adr/0099-missing.md: no such file or folder  read-error\n');
    expect(result.stdout).toMatch(/1 file reviewed\n$/);
    expect(result.code).toBe(1);
  });

  it('reports a path under a file (ENOTDIR) as unreadable', async () => {
    const result = await runCliInProcess(['check', 'docs/adr/0001-use-postgresql.md/child.md', '--format', 'json', ...TODAY], repo);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings).toEqual([
      expect.objectContaining({ ruleId: 'read-error', severity: 'error', file: 'docs/adr/0001-use-postgresql.md/child.md' }),
    ]);
    expect(result.code).toBe(1);
  });

  it('reports a file without read permission and reviews the others', async () => {
    const { chmod } = await import('node:fs/promises');
    const locked = await makeRepo({ 'docs/adr/0001-a.md': CLEAN_ADR, 'docs/adr/0002-locked.md': CLEAN_ADR });
    try {
      for (const dir of [locked, join(locked, 'docs'), join(locked, 'docs/adr'), join(locked, '.git')]) await chmod(dir, 0o755);
      await chmod(join(locked, 'docs/adr/0001-a.md'), 0o644);
      await chmod(join(locked, 'docs/adr/0002-locked.md'), 0o000);
      // As root (CI) the CLI runs as `nobody`, from a copy of the package nobody can reach.
      const result = await runCliUnprivileged(['check', ...TODAY], locked);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('Cannot read docs/adr/0002-locked.md: permission denied');
      expect(result.stdout).toMatch(/1 file reviewed\n$/);
      expect(result.code).toBe(1);
    } finally {
      await chmod(join(locked, 'docs/adr/0002-locked.md'), 0o644);
      await removeRepo(locked);
      await removeUnprivilegedCopy();
    }
  });

  it('expands globs relative to the working directory and reports a glob that matches nothing', async () => {
    const result = await runCliInProcess(['check', 'docs/adr/000[12]-*.md', 'nothing/**/*.md', '--format', 'json', ...TODAY], repo);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(new Set(report.coverage.map((c) => c.path))).toEqual(new Set(['docs/adr/0001-use-postgresql.md', 'docs/adr/0002-use-kafka.md']));
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'read-error', file: 'nothing/**/*.md', message: 'No Markdown files match the pattern nothing/**/*.md' }),
    );
    expect(result.code).toBe(1);
  });

  it('reports paths relative to the repository root when run from a subfolder', async () => {
    const result = await runCliInProcess(['check', 'adr/0002-use-kafka.md', '--format', 'json', ...TODAY], join(repo, 'docs'));
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.coverage.map((c) => c.path)).toEqual(['docs/adr/0002-use-kafka.md']);
    expect(new Set(report.findings.map((f) => f.file))).toEqual(new Set(['docs/adr/0002-use-kafka.md']));
  });

  it('judges a named ADR against the other ADRs of its folder (duplicate numbers)', async () => {
    const dup = await makeRepo({
      'docs/adr/0001-use-postgresql.md': CLEAN_ADR,
      'docs/adr/0002-first.md': CLEAN_ADR.replace('# 1.', '# 2.'),
      'docs/adr/0002-second.md': CLEAN_ADR.replace('# 1.', '# 2.'),
    });
    try {
      const result = await runCliInProcess(['check', 'docs/adr/0002-first.md', '--format', 'json', ...TODAY], dup);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.coverage.map((c) => c.path)).toEqual(['docs/adr/0002-first.md']);
      expect(report.findings).toContainEqual(
        expect.objectContaining({ ruleId: 'adr-number', file: 'docs/adr/0002-first.md', message: expect.stringContaining('docs/adr/0002-second.md') }),
      );
    } finally {
      await removeRepo(dup);
    }
  });

  it('writes stable, sorted JSON', async () => {
    const args = ['check', '--format', 'json', ...TODAY];
    const [a, b] = await Promise.all([runCliInProcess(args, repo), runCliInProcess(args, repo)]);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout) as JsonReport;
    expect(Object.keys(report)).toEqual(['version', 'findings', 'conventions', 'coverage', 'skipped']);
    expect(report.version).toMatch(/^\d+\.\d+\.\d+/);
    const keys = report.findings.map((f) => `${f.file}\u0000${String(f.line ?? 0).padStart(6, '0')}`);
    expect(keys).toEqual([...keys].sort());
    for (const f of report.findings) {
      expect(f).toEqual(expect.objectContaining({ ruleId: expect.any(String), severity: expect.stringMatching(/^(error|warning)$/), message: expect.any(String), file: expect.any(String) }));
    }
    expect(report.skipped.map((s) => s.path)).toEqual(['docs/adr/0004-invalid-utf8.md', 'docs/adr/0005-diagram.md']);
    const exit = report.findings.some((f) => f.severity === 'error') ? 1 : 0;
    expect(a.code).toBe(exit);
  });

  it('writes SARIF 2.1.0 that GitHub code scanning accepts', async () => {
    const result = await runCliInProcess(['check', '--format', 'sarif', ...TODAY], repo);
    const log = JSON.parse(result.stdout) as SarifLog;
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    const driver = run.tool.driver;
    expect(driver.name).toBe('design-review');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.length).toBeGreaterThan(5);
    for (const rule of driver.rules) {
      expect(rule.id).toMatch(/^[a-z0-9-]+$/);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text.length).toBeGreaterThan(0);
      expect(['none', 'note', 'warning', 'error']).toContain(rule.defaultConfiguration.level);
    }
    expect(new Set(driver.rules.map((r) => r.id)).size).toBe(driver.rules.length);
    expect(run.results.length).toBeGreaterThan(0);
    for (const r of run.results) {
      expect(driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(['error', 'warning']).toContain(r.level);
      expect(r.message.text.length).toBeGreaterThan(0);
      const loc = r.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uri).not.toMatch(/^\/|^[a-z]+:|\\/i);
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(Number.isInteger(loc.region.startLine) && loc.region.startLine >= 1).toBe(true);
      expect(Object.values(r.partialFingerprints)[0]).toMatch(/^[0-9a-f]+$/);
    }
    expect(result.code).toBe(1);
  });

  it('colours only when asked and allowed', async () => {
    const args = ['check', 'docs/adr/0002-use-kafka.md', ...TODAY];
    const piped = await runCliInProcess(args, repo);
    const forced = await runCliInProcess(args, repo, { FORCE_COLOR: '1' });
    const refused = await runCliInProcess([...args, '--no-color'], repo, { FORCE_COLOR: '1' });
    const noColor = await runCliInProcess(args, repo, { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(piped.stdout).not.toContain('\u001b[');
    expect(forced.stdout).toContain('\u001b[');
    expect(refused.stdout).toBe(piped.stdout);
    expect(noColor.stdout).toBe(piped.stdout);
  });

  it('reviews large runs in worker threads and this thread with the same results as in-process, each in its file', async () => {
    const files: Record<string, string> = {};
    // Records that differ in size (the pool takes the largest first, not in path
    // order) and in findings (every other one has a misspelt status), so a
    // result given to another file shows.
    for (let i = 1; i <= 45; i++) {
      const context = `We need a queue. ${'Producers outpace the consumers at peak. '.repeat(i)}`;
      const record = ADR_WITH_FINDINGS.replace('# 2.', `# ${i}.`).replace('We need a queue.', context);
      files[`docs/adr/${String(i).padStart(4, '0')}-use-kafka.md`] = i % 2 === 0 ? record.replace('Acepted', 'Accepted') : record;
    }
    // Cross-record conventions would differ between one file and 45: compare each record's own findings.
    files['.github/design-review.yml'] = 'review:\n  folderConventions: false\n';
    const big = await makeRepo(files);
    try {
      const all = await runCli(['check', '--format', 'json', ...TODAY], big);
      expect(all.stderr).toBe('');
      const report = JSON.parse(all.stdout) as JsonReport;
      expect(report.coverage).toHaveLength(45);
      const repositoryRules = new Set(allRules.filter((r) => r.meta.scope === 'repository').map((r) => r.meta.id));
      const own = (findings: JsonReport['findings'], file: string) => findings.filter((f) => f.file === file && !repositoryRules.has(f.ruleId));
      for (const i of [7, 30, 44, 45]) {
        const file = `docs/adr/${String(i).padStart(4, '0')}-use-kafka.md`;
        const single = JSON.parse((await runCli(['check', file, '--format', 'json', ...TODAY], big)).stdout) as JsonReport;
        expect(own(report.findings, file)).toEqual(own(single.findings, file));
        expect(report.coverage.find((c) => c.path === file)).toEqual(single.coverage[0]);
      }
      expect(own(report.findings, 'docs/adr/0007-use-kafka.md').some((f) => f.ruleId === 'adr-status')).toBe(true);
      expect(own(report.findings, 'docs/adr/0030-use-kafka.md').some((f) => f.ruleId === 'adr-status')).toBe(false);
    } finally {
      await removeRepo(big);
    }
  });
});

describe('design-review check: a scan that finds no record', () => {
  let repo: string;
  beforeAll(async () => {
    // Records kept where no default glob looks: the scan must say so, not pass.
    repo = await makeRepo({
      'architecture/records/use-postgresql.md': CLEAN_ADR,
      'docs/notes.md': '# Notes\n\nMeeting notes.\n',
      'README.md': '# The project\n',
    });
  });
  afterAll(async () => {
    await removeRepo(repo);
  });

  it('says on stderr what it looked for and which settings point elsewhere, instead of "no problems"', async () => {
    const result = await runCliInProcess(['check', ...TODAY], repo);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('no problems');
    expect(result.stdout).toContain('⚠ No ADR or design doc found: nothing was reviewed.');
    const stderr = result.stderr.split('\n');
    expect(stderr[0]).toBe(
      'design-review: No ADR or design doc found: nothing was reviewed. Set paths.adr or paths.designDoc in .github/design-review.yml to the folders that hold your records, or name them: design-review check <folder>.',
    );
    expect(stderr).toContain('Looked for:');
    expect(result.stderr).toMatch(/ {2}ADRs in .*docs\/adr\/\*\*.*docs\/decisions\/\*\*/);
    expect(result.stderr).toMatch(/ {2}design docs in .*rfcs\/\*\*/);
    expect(result.stderr).toContain('front matter says type: adr');
  });

  it('puts the notice in the JSON report and a SARIF tool notification', async () => {
    const json = await runCliInProcess(['check', '--format', 'json', ...TODAY], repo);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.findings).toEqual([]);
    expect(report.noRecords?.settings).toEqual(['paths.adr', 'paths.designDoc']);
    expect(report.noRecords?.configPath).toBe('.github/design-review.yml');
    expect(report.noRecords?.lookedFor.adr).toContain('docs/adr/**');
    expect(report.noRecords?.lookedFor.designDoc.length).toBeGreaterThan(0);
    expect(json.stderr).toContain('No ADR or design doc found');

    const sarif = JSON.parse((await runCliInProcess(['check', '--format', 'sarif', ...TODAY], repo)).stdout) as SarifLog;
    const notes = sarif.runs[0]!.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(notes.map((n) => n.level)).toContain('warning');
    expect(notes.some((n) => n.message.text.startsWith('No ADR or design doc found'))).toBe(true);
  });

  it('reviews the records once paths.adr points at them, and says nothing more', async () => {
    const configured = await makeRepo({
      'architecture/records/0001-use-postgresql.md': CLEAN_ADR,
      '.github/design-review.yml': "paths:\n  adr: ['architecture/records/**']\n",
    });
    try {
      const result = await runCliInProcess(['check', '--format', 'json', ...TODAY], configured);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.noRecords).toBeUndefined();
      expect(result.stderr).toBe('');
    } finally {
      await removeRepo(configured);
    }
  });
});

describe('design-review check: usage and config errors', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await makeRepo({
      'docs/adr/0001-use-postgresql.md': CLEAN_ADR,
      'bad/design-review.yml': 'paths:\n  adr: [unclosed\n',
      'unknown-key.yml': 'rulez:\n  adr-status: off\n',
    });
  });
  afterAll(async () => {
    await removeRepo(repo);
  });

  it('exits 2 with one line naming a malformed config file, no stack trace', async () => {
    const result = await runCliInProcess(['check', '--config', 'bad/design-review.yml', ...TODAY], repo);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^design-review: .*bad\/design-review\.yml/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 naming an unknown config key', async () => {
    const result = await runCliInProcess(['check', '--config', 'unknown-key.yml', ...TODAY], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown-key\.yml.*rulez/);
  });

  it('finds .github/design-review.yml at the repository root', async () => {
    const configured = await makeRepo({
      '.github/design-review.yml': 'review:\n  maxFileBytes: nope\n',
      'docs/adr/0001-use-postgresql.md': CLEAN_ADR,
    });
    try {
      const result = await runCliInProcess(['check', ...TODAY], join(configured, 'docs'));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/design-review\.yml.*maxFileBytes/);
    } finally {
      await removeRepo(configured);
    }
  });

  it('exits 2 for a --config file that does not exist', async () => {
    const result = await runCliInProcess(['check', '--config', 'nope.yml', ...TODAY], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^design-review: .*nope\.yml/);
  });

  it.each([
    [['check', '--format', 'xml'], /--format.*xml/],
    [['check', '--today', '2026-02-30'], /--today.*YYYY-MM-DD/],
    [['check', '--today', 'tomorrow'], /--today/],
    [['check', '--bogus'], /unknown option '--bogus'/],
    [['frobnicate', '--now'], /unknown command 'frobnicate'/],
    [['chekc'], /unknown command 'chekc'; expected one of check, new, triggers/],
  ])('exits 2 on usage error %j', async (args, message) => {
    const result = await runCliInProcess(args, repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints help and version, exit 0', async () => {
    const help = await runCliInProcess(['--help'], repo);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: design-review/);
    expect(help.stdout).toMatch(/check/);
    expect(help.stdout).toMatch(/new/);
    expect(help.stdout).toMatch(/triggers/);
    const checkHelp = await runCliInProcess(['check', '--help'], repo);
    expect(checkHelp.stdout).toMatch(/--format <format>/);
    const version = await runCli(['--version'], repo);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
