// A bad `.github/design-review.yml` as the CLI tells it: one line on stderr, exit 2, naming the file,
// the line, the allowed values or the key meant.
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandIo } from '../../src/cli/check-command.js';
import { main } from '../../src/cli/main.js';
import { makeRepo, removeRepo, runCli } from './cli-harness.js';
import { CLEAN_ADR } from './fixtures.js';

const CONFIG = '.github/design-review.yml';

describe('config errors on the command line', () => {
  let repo: string | undefined;
  afterEach(async () => {
    process.exitCode = 0;
    if (repo) await removeRepo(repo);
    repo = undefined;
  });

  it('a bad severity: the binary exits 2 with one line naming the file, line, key, the severities and what to write', async () => {
    repo = await makeRepo({ [CONFIG]: 'statuses: [accepted]\nrules:\n  adr-options: fatal\n', 'docs/adr/0001-use-postgresql.md': CLEAN_ADR });
    const run = await runCli(['check'], repo);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `design-review: ${CONFIG}:3: \`rules.adr-options\`: "fatal" is not a severity: write \`adr-options: error\` (a rule takes \`off\`, \`warn\` or \`error\`, or \`[severity, {options}]\`)\n`,
    );
  });

  it.each([
    ['reveiw:\n  drafts: false\n', `${CONFIG}:1: \`reveiw\`: unknown key \`reveiw\` — did you mean \`review\`?`],
    ['rules:\n  adr-optoins: warn\n', `${CONFIG}:2: \`rules.adr-optoins\`: unknown rule id — did you mean \`adr-options\`?`],
    ['checks:\n  onWarning: fail\n', `${CONFIG}:2: \`checks.onWarning\`: expected \`success\`, \`neutral\` or \`failure\`, got "fail" — did you mean \`failure\`?`],
  ])('%j in check, triggers and new, and through --config', async (text, expected) => {
    repo = await makeRepo({ [CONFIG]: text, 'other.yml': text, 'docs/adr/0001-use-postgresql.md': CLEAN_ADR });
    for (const args of [['check'], ['triggers'], ['new', 'Use Redis']]) {
      const err: string[] = [];
      const io = { cwd: repo, stdout: { write: () => true, isTTY: false }, stderr: { write: (s: string) => err.push(s), isTTY: false } } as unknown as CommandIo;
      expect(await main(['node', 'design-review', ...args], io)).toBe(2);
      expect(err.join('')).toBe(`design-review: ${expected}\n`);
    }
    const err: string[] = [];
    const io = { cwd: repo, stdout: { write: () => true, isTTY: false }, stderr: { write: (s: string) => err.push(s), isTTY: false } } as unknown as CommandIo;
    expect(await main(['node', 'design-review', 'check', '--config', 'other.yml'], io)).toBe(2);
    expect(err.join('')).toBe(`design-review: ${expected.replace(CONFIG, 'other.yml')}\n`);
  });
});
