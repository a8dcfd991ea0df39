import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, removeRepo, runCli, runCliInProcess } from './cli-harness.js';

const repos: string[] = [];
async function repo(files: Record<string, string>): Promise<string> {
  const dir = await makeRepo(files);
  repos.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(repos.splice(0).map(removeRepo));
});

describe('design-review new', () => {
  it('creates doc/adr/0001-<slug>.md from the ADR template in an empty repository', async () => {
    const dir = await repo({});
    const result = await runCli(['new', 'Use PostgreSQL for orders', '--today', '2026-01-10'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('doc/adr/0001-use-postgresql-for-orders.md\n');
    const text = await readFile(join(dir, 'doc/adr/0001-use-postgresql-for-orders.md'), 'utf8');
    expect(text).toMatch(/^# 1\. Use PostgreSQL for orders/);
    expect(text).toContain('2026-01-10');
    expect(text).toMatch(/Proposed/);
  });

  it('numbers after the highest existing ADR, gaps left alone (0001, 0003 -> 0004)', async () => {
    const dir = await repo({ 'docs/decisions/0001-a.md': '# 1. A\n', 'docs/decisions/0003-c.md': '# 3. C\n', 'docs/decisions/README.md': '# Index\n' });
    const result = await runCliInProcess(['new', 'Adopt', 'event', 'sourcing', '--today', '2026-01-10'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('docs/decisions/0004-adopt-event-sourcing.md\n');
    expect((await readdir(join(dir, 'docs/decisions'))).sort()).toEqual(['0001-a.md', '0003-c.md', '0004-adopt-event-sourcing.md', 'README.md']);
  });

  it('uses the folder named in .adr-dir, and --dir over everything', async () => {
    const dir = await repo({ '.adr-dir': 'architecture/adr\n', 'architecture/adr/0009-x.md': '# 9. X\n', 'doc/adr/0001-y.md': '# 1. Y\n' });
    const fromAdrDir = await runCliInProcess(['new', 'Pick a CDN', '--today', '2026-01-10'], dir);
    expect(fromAdrDir.stdout).toBe('architecture/adr/0010-pick-a-cdn.md\n');
    const fromFlag = await runCliInProcess(['new', 'Pick a CDN', '--dir', 'doc/adr', '--today', '2026-01-10'], dir);
    expect(fromFlag.stdout).toBe('doc/adr/0002-pick-a-cdn.md\n');
  });

  it('turns hostile titles into safe slugs inside the ADR folder', async () => {
    const dir = await repo({ 'doc/adr/0001-a.md': '# 1. A\n' });
    const traversal = await runCliInProcess(['new', '../../etc/passwd', '--today', '2026-01-10'], dir);
    expect(traversal.code).toBe(0);
    expect(traversal.stdout).toBe('doc/adr/0002-etc-passwd.md\n');
    const template = await runCliInProcess(['new', '{{constructor}}', '--today', '2026-01-10'], dir);
    expect(template.code).toBe(0);
    expect(template.stdout).toBe('doc/adr/0003-constructor.md\n');
    const text = await readFile(join(dir, 'doc/adr/0003-constructor.md'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# 3\. .*constructor/);
    expect(text).not.toMatch(/function|\[native code\]/);
    const symbols = await runCliInProcess(['new', '***', '--today', '2026-01-10'], dir);
    expect(symbols.stdout).toBe('doc/adr/0004-untitled.md\n');
  });

  it('renders the trade-off analysis template and honours --status and --date', async () => {
    const dir = await repo({});
    const result = await runCliInProcess(
      ['new', 'Choose a queue', '--template', 'trade-off-analysis', '--status', 'Accepted', '--date', '2025-12-01', '--today', '2026-01-10'],
      dir,
    );
    expect(result.code).toBe(0);
    const text = await readFile(join(dir, result.stdout.trim()), 'utf8');
    expect(text).toContain('2025-12-01');
    expect(text).toMatch(/Accepted/);
    expect(text).toMatch(/Performance/);
  });

  it('renders a repository template named in templates.extra', async () => {
    const dir = await repo({
      '.github/design-review.yml': 'templates:\n  extra:\n    short: .github/templates/short.hbs\n',
      '.github/templates/short.hbs': '# {{number}}. {{mdLine title}}\n\nStatus: {{statusLabel}}\n',
    });
    const result = await runCliInProcess(['new', 'Short one', '--template', 'short', '--today', '2026-01-10'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readFile(join(dir, result.stdout.trim()), 'utf8')).toBe('# 1. Short one\n\nStatus: Proposed\n');
  });

  it.each([
    [['new', '   '], /title is empty/],
    [['new'], /missing required argument 'title'/],
    [['new', 'X', '--template', 'nope'], /unknown template "nope"/],
    [['new', 'X', '--status', 'maybe'], /--status "maybe" is not a known status/],
    [['new', 'X', '--date', '2026-13-01'], /--date/],
  ])('exits 2 on %j', async (args, message) => {
    const dir = await repo({});
    const result = await runCliInProcess(args, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(await readdir(dir)).toEqual(['.git']);
  });

  it('refuses a template path outside the repository (exit 2)', async () => {
    const dir = await repo({ '.github/design-review.yml': 'templates:\n  extra:\n    evil: ../../etc/passwd\n' });
    const result = await runCliInProcess(['new', 'X', '--template', 'evil'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/outside the repository/);
  });
});
