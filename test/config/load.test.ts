import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfigText } from '../../src/config/load.js';
import { DEFAULT_STATUSES } from '../../src/config/schema.js';
import { validateConfig } from '../../src/config/validate.js';
import { KNOWN_RULES } from '../../src/core/rule-set/preset.js';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfigText', () => {
  it('fills every default for an empty file', () => {
    const config = parseConfigText('', '.github/design-review.yml', KNOWN_RULES);
    expect(config.statuses).toEqual(DEFAULT_STATUSES);
    expect(config.paths.adr).toContain('docs/decisions/**');
    expect(config.revisit.defaultCalendar).toBe('6 months');
    expect(config.review.drafts).toBe(true);
  });

  it('accepts overrides and rule settings', () => {
    const config = parseConfigText(
      'statuses: [proposed, accepted]\nrules:\n  adr-status: error\n  adr-revisit-triggers: [warn, {}]\nrevisit:\n  defaultCalendar: 1 year\n',
      'cfg.yml',
      KNOWN_RULES,
    );
    expect(config.statuses).toEqual(['proposed', 'accepted']);
    expect(config.rules['adr-status']).toBe('error');
    expect(config.revisit.defaultCalendar).toBe('1 year');
  });

  it('names the file, line and key of an unknown key', () => {
    const e = configError(() => parseConfigText('paths:\n  adr: [x/**]\n  desing: [y/**]\n', '.github/design-review.yml', KNOWN_RULES));
    expect(e.message).toContain('.github/design-review.yml:3');
    expect(e.message).toContain('paths.desing');
    expect(e.key).toBe('paths.desing');
    expect(e.line).toBe(3);
  });

  it('names the key, line and bad value of a wrong type', () => {
    const e = configError(() => parseConfigText('review:\n  drafts: sometimes\n', 'cfg.yml', KNOWN_RULES));
    expect(e.message).toMatch(/^cfg\.yml:2: `review\.drafts`: .*"sometimes"/);
  });

  it('rejects an unknown severity and an unknown rule id', () => {
    expect(configError(() => parseConfigText('rules:\n  adr-status: loud\n', 'c.yml', KNOWN_RULES)).message).toContain('rules.adr-status');
    const unknown = configError(() => parseConfigText('rules:\n  adr-stauts: warn\n', 'c.yml', KNOWN_RULES));
    expect(unknown.message).toContain('c.yml:2');
    expect(unknown.message).toContain('unknown rule id');
  });

  it('reports YAML syntax errors with a line', () => {
    const e = configError(() => parseConfigText('paths:\n  adr: [unclosed\nstatuses: x\n', 'c.yml', KNOWN_RULES));
    expect(e.message).toMatch(/^c\.yml:\d+: invalid YAML/);
  });

  it('rejects a config that is not a mapping', () => {
    expect(configError(() => parseConfigText('- a\n- b\n', 'c.yml', KNOWN_RULES)).message).toContain('must be a YAML mapping');
  });

  it('rejects a bad duration with the key', () => {
    expect(configError(() => parseConfigText('revisit:\n  defaultCalendar: soon\n', 'c.yml', KNOWN_RULES)).message).toContain('revisit.defaultCalendar');
  });

  it('validates objects without source lines (the App path)', () => {
    const e = configError(() => validateConfig({ statuses: [] }, '.github/design-review.yml', KNOWN_RULES));
    expect(e.message).toContain('`statuses`');
    expect(validateConfig({ _extends: '.github' }, 'x', KNOWN_RULES)._extends).toBe('.github');
  });
});

describe('loadConfig', () => {
  it('finds .github/design-review.yml at the repository root from a subfolder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dr-config-'));
    await mkdir(join(root, '.git'));
    await mkdir(join(root, '.github'));
    await mkdir(join(root, 'docs', 'adr'), { recursive: true });
    await writeFile(join(root, '.github', 'design-review.yml'), 'statuses: [accepted]\n');
    const loaded = await loadConfig({ cwd: join(root, 'docs', 'adr'), rules: KNOWN_RULES });
    expect(loaded.root).toBe(root);
    expect(loaded.config.statuses).toEqual(['accepted']);
  });

  it('uses defaults when there is no config, and fails clearly on a missing --config', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dr-config-'));
    expect((await loadConfig({ cwd: root, rules: KNOWN_RULES })).config.statuses).toEqual(DEFAULT_STATUSES);
    await expect(loadConfig({ cwd: root, configPath: 'nope.yml', rules: KNOWN_RULES })).rejects.toThrow(/nope\.yml: cannot read the config/);
  });
});
