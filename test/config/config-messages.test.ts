// What a bad `.github/design-review.yml` is told: allowed values, the nearest known key, what to write.
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfigText } from '../../src/config/load.js';
import { describeIssue } from '../../src/config/issue-message.js';
import { configSchema } from '../../src/config/schema.js';
import { knownKeysAt } from '../../src/config/schema-keys.js';
import { validateConfig } from '../../src/config/validate.js';
import { planInvalidConfig } from '../../src/core/publish/plan-publication.js';
import { KNOWN_RULES } from '../../src/core/rule-set/preset.js';

const RULE_IDS = Object.keys(KNOWN_RULES);
import { loadBuiltinTemplates } from '../../src/io/read-templates.js';
import { configErrorOf } from '../helpers/config-error.js';

const FILE = '.github/design-review.yml';

const configError = (text: string) => configErrorOf(text, FILE);

describe('a bad severity', () => {
  it('names the allowed severities and what to write, at the key and line', () => {
    const e = configError('statuses: [accepted]\nrules:\n  adr-options: fatal\n');
    expect(e.message).toBe(
      `${FILE}:3: \`rules.adr-options\`: "fatal" is not a severity: write \`adr-options: error\` (a rule takes \`off\`, \`warn\` or \`error\`, or \`[severity, {options}]\`)`,
    );
    expect(e.key).toBe('rules.adr-options');
    expect(e.line).toBe(3);
    expect(e.message).not.toContain('Invalid input');
  });

  it.each([
    ['warning', 'adr-options: warn'],
    ['eror', 'adr-options: error'],
    ['2', 'adr-options: error'],
    ['0', 'adr-options: off'],
    ['false', 'adr-options: off'],
    ['on', 'adr-options: warn'],
  ])('reads %s, the way another linter writes it, as `%s`', (written, meant) => {
    expect(configError(`rules:\n  adr-options: ${written}\n`).message).toContain(`write \`${meant}\``);
  });

  it('offers an example when nothing is near', () => {
    expect(configError('rules:\n  adr-options: loud\n').message).toContain('"loud" is not a severity: write e.g. `adr-options: warn` (a rule takes `off`, `warn` or `error`');
  });

  it('tells which item of [severity, {options}] is wrong', () => {
    expect(configError('rules:\n  adr-options: [fatal, {}]\n').message).toBe(
      `${FILE}:2: \`rules.adr-options\`: the first item of \`[severity, {options}]\` must be \`off\`, \`warn\` or \`error\`, got "fatal"; write \`adr-options: [error, {}]\``,
    );
    expect(configError('rules:\n  adr-options: [warn, 3]\n').message).toContain(
      'the second item of `[severity, {options}]` must be a mapping of options, got 3; write e.g. `adr-options: [warn, {}]`',
    );
    expect(configError('rules:\n  adr-options: [warn]\n').message).toContain('`[severity, {options}]` takes two items, got ["warn"]; for a severity alone write e.g. `adr-options: warn`');
  });

  it('still accepts every documented form', () => {
    const config = parseConfigText('rules:\n  adr-options: off\n  adr-date: warn\n  adr-status: [error, {}]\n', FILE, KNOWN_RULES);
    expect(config.rules).toEqual({ 'adr-options': 'off', 'adr-date': 'warn', 'adr-status': ['error', {}] });
  });
});

describe('another bad enum value', () => {
  it('lists the allowed values and suggests the nearest', () => {
    expect(configError('checks:\n  onWarning: fail\n').message).toBe(
      `${FILE}:2: \`checks.onWarning\`: expected \`success\`, \`neutral\` or \`failure\`, got "fail" — did you mean \`failure\`?`,
    );
  });

  it('lists the allowed values and gives an example when none is near', () => {
    expect(configError('commands:\n  permission: owner\n').message).toBe(
      `${FILE}:2: \`commands.permission\`: expected \`write\`, \`maintain\` or \`admin\`, got "owner"; write e.g. \`permission: write\``,
    );
  });
});

describe('an unknown key', () => {
  it('at the top level: did you mean the nearest key', () => {
    const e = configError('statuses: [accepted]\nreveiw:\n  drafts: false\n');
    expect(e.message).toBe(`${FILE}:2: \`reveiw\`: unknown key \`reveiw\` — did you mean \`review\`?`);
    expect(e.key).toBe('reveiw');
    expect(e.line).toBe(2);
  });

  it('nested: names the mapping it is in and the nearest key there', () => {
    expect(configError('review:\n  drafts: true\n  maxFile: 10\n').message).toBe(
      `${FILE}:3: \`review.maxFile\`: unknown key \`maxFile\` in \`review\` — did you mean \`maxFiles\`?`,
    );
    expect(configError('paths:\n  adr: [x/**]\n  desing: [y/**]\n').message).toContain('unknown key `desing` in `paths` — did you mean `designDoc`?');
    expect(configError('reminders:\n  Labels: [x]\n').message).toContain('did you mean `labels`?');
  });

  it('without a suggestion when no key is near: the keys that belong there instead', () => {
    const e = configError('cache: true\n');
    expect(e.message).toBe(
      `${FILE}:1: \`cache\`: unknown key \`cache\`: remove it, or use one of \`_extends\`, \`paths\`, \`statuses\`, \`rules\`, \`checklists\`, \`revisit\`, \`templates\`, \`review\`, \`reminders\`, \`checks\`, \`commands\` (the configuration reference is in the README)`,
    );
    expect(configError('checks:\n  zzz: 1\n').message).toContain('unknown key `zzz` in `checks`: remove it, or use one of `onError`, `onWarning`, `onClean`');
  });

  it('several at once: each with its own suggestion', () => {
    expect(configError('review:\n  Drafts: true\n  foo: 1\n').message).toBe(
      `${FILE}:2: \`review.Drafts\`: unknown keys \`Drafts\` (did you mean \`drafts\`?), \`foo\` in \`review\`: remove them, or use one of \`drafts\`, \`maxFileBytes\`, \`maxFiles\`, \`folderConventions\` (the configuration reference is in the README)`,
    );
  });
});

describe('a rule id typo', () => {
  it('suggests the nearest of RULE_IDS', () => {
    const e = configError('rules:\n  adr-optoins: warn\n');
    expect(e.message).toBe(`${FILE}:2: \`rules.adr-optoins\`: unknown rule id — did you mean \`adr-options\`?`);
    expect(e.line).toBe(2);
    expect(configError('rules:\n  adr-revisit-trigger: off\n').message).toContain('did you mean `adr-revisit-triggers`?');
    expect(configError('rules:\n  design-pilars: warn\n').message).toContain('did you mean `design-pillars`?');
  });

  it('lists the known rules when none is near', () => {
    const message = configError('rules:\n  no-such-check: warn\n').message;
    expect(message).toContain('unknown rule id; known rules: adr-consequences, adr-context');
    for (const id of RULE_IDS) expect(message).toContain(id);
  });

  it('a rule id in capitals: the id rule, then the rule meant', () => {
    expect(configError('rules:\n  Adr-Options: warn\n').message).toBe(
      `${FILE}:2: \`rules.Adr-Options\`: rule ids are lower-case kebab-case (got "Adr-Options") — did you mean \`adr-options\`?`,
    );
  });
});

describe('other problems, in a YAML author\'s words', () => {
  it.each([
    ['review: 3\n', '`review`: expected a mapping (`key: value` lines), got 3'],
    ['statuses: accepted\n', '`statuses`: expected a list (`[a, b]`, or one `- item` per line), got "accepted"'],
    ['review:\n  drafts: sometimes\n', '`review.drafts`: expected `true` or `false`, got "sometimes"'],
    ['statuses: []\n', '`statuses`: expected a list of at least 1 item, got []'],
    ['review:\n  maxFiles: 0\n', '`review.maxFiles`: expected a number greater than 0, got 0'],
    ['review:\n  maxFiles: 9999\n', '`review.maxFiles`: expected a number of at most 5000, got 9999'],
    ['templates:\n  extra:\n    Team_ADR: x.hbs\n', '`templates.extra.Team_ADR`: template names are lower-case kebab-case, e.g. `rfc` or `team-adr` (got "Team_ADR")'],
  ])('%j', (text, expected) => {
    const message = configError(text).message;
    expect(message).toContain(expected);
    expect(message).not.toMatch(/Invalid input|Too small|Too big|Invalid option/);
  });
});

describe('without source lines (the App reads the config through Probot)', () => {
  it('names the file and key, no line', () => {
    const e = (() => {
      try {
        validateConfig({ reveiw: {} }, FILE, KNOWN_RULES);
      } catch (error) {
        return error as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(e.message).toBe(`${FILE}: \`reveiw\`: unknown key \`reveiw\` — did you mean \`review\`?`);
    expect(e.line).toBeUndefined();
  });
});

describe('describeIssue, from zod issues', () => {
  const issues = (data: unknown) => configSchema.safeParse(data).error?.issues ?? [];

  it('turns invalid_union, unrecognized_keys, invalid_value and invalid_key into key paths and advice', () => {
    const [union] = issues({ rules: { 'adr-date': 'fatal' } });
    expect(union?.code).toBe('invalid_union');
    expect(describeIssue(union!, { rules: { 'adr-date': 'fatal' } }, RULE_IDS)).toEqual({
      keyPath: ['rules', 'adr-date'],
      detail: '"fatal" is not a severity: write `adr-date: error` (a rule takes `off`, `warn` or `error`, or `[severity, {options}]`)',
    });
    const [unknown] = issues({ checks: { onErorr: 'failure' } });
    expect(unknown?.code).toBe('unrecognized_keys');
    expect(describeIssue(unknown!, {}, RULE_IDS)).toEqual({ keyPath: ['checks', 'onErorr'], detail: 'unknown key `onErorr` in `checks` — did you mean `onError`?' });
    const [value] = issues({ commands: { permission: 'admn' } });
    expect(value?.code).toBe('invalid_value');
    expect(describeIssue(value!, { commands: { permission: 'admn' } }, RULE_IDS).detail).toBe('expected `write`, `maintain` or `admin`, got "admn" — did you mean `admin`?');
    const [key] = issues({ rules: { ADR_DATE: 'warn' } });
    expect(key?.code).toBe('invalid_key');
    expect(describeIssue(key!, { rules: { ADR_DATE: 'warn' } }, RULE_IDS)).toEqual({
      keyPath: ['rules', 'ADR_DATE'],
      detail: 'rule ids are lower-case kebab-case (got "ADR_DATE") — did you mean `adr-date`?',
    });
  });
});

describe('knownKeysAt', () => {
  it('reads the keys from the schema, through defaults', () => {
    expect(knownKeysAt([])).toContain('review');
    expect(knownKeysAt(['review'])).toEqual(['drafts', 'maxFileBytes', 'maxFiles', 'folderConventions']);
    expect(knownKeysAt(['rules'])).toBeUndefined();
    expect(knownKeysAt(['nope'])).toBeUndefined();
  });
});

describe('in the App: the invalid-configuration check run', () => {
  beforeAll(() => {
    loadBuiltinTemplates();
  });

  it('shows the message as Markdown with the keys as code, the file, line and key', () => {
    const e = configError('reveiw:\n  drafts: false\n');
    const plan = planInvalidConfig({ message: e.message, file: e.file, key: e.key!, line: e.line! });
    expect(plan.conclusion).toBe('action_required');
    expect(plan.checkRun.title).toBe('Invalid configuration: reveiw');
    expect(plan.checkRun.summary).toContain('(line 1)');
    expect(plan.checkRun.summary).toContain('unknown key `reveiw` — did you mean `review`?');
    const severity = configError('rules:\n  adr-options: fatal\n');
    const summary = planInvalidConfig({ message: severity.message, file: severity.file, key: severity.key!, line: severity.line! }).checkRun.summary;
    expect(summary).toContain('write `adr-options: error` (a rule takes `off`, `warn` or `error`, or `[severity, {options}]`)');
  });
});
