// Rule options: `rules: { id: [severity, options] }` reaches the rule through its zod schema
// (meta.options); a bad option is a config error naming the rule, the key and the line; a rule
// without options refuses them.
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/load.js';
import { validateConfig } from '../../../src/config/validate.js';
import { reviewDocument } from '../../../src/core/review/review.js';
import { allRules, KNOWN_RULES } from '../../../src/core/rule-set/preset.js';
import { builtinChecklists, TODAY } from '../../helpers/review-options.js';
import { configErrorOf } from '../../helpers/config-error.js';

const FILE = '.github/design-review.yml';

function findingsOf(ruleId: string, text: string, rules: Record<string, unknown> = {}) {
  const config = validateConfig({ rules }, FILE, KNOWN_RULES);
  const result = reviewDocument({ path: 'docs/adr/0004-use-kafka.md', content: text, kind: 'adr' }, { config, checklists: builtinChecklists(), today: TODAY });
  return result.findings.filter((f) => f.ruleId === ruleId);
}

const configError = (text: string) => configErrorOf(text, FILE);

const adr = (options: string[]) =>
  `# 4. Use Kafka for order events\n\nDate: 2026-11-01\n\n## Status\n\nAccepted\n\n## Context\n\nOrders are sent to three services that each poll the database.\n\n## Considered Options\n\n${options.map((o) => `- ${o}`).join('\n')}\n\n## Decision\n\nWe publish order events to Kafka.\n\n## Consequences\n\nThe services read events instead of polling; we run a Kafka cluster.\n`;

describe('adr-options: minimum', () => {
  const two = adr(['Kafka', 'Keep polling the database']);
  const three = adr(['Kafka', 'RabbitMQ', 'Keep polling the database']);

  it('defaults to two options', () => {
    expect(findingsOf('adr-options', two)).toEqual([]);
    expect(findingsOf('adr-options', adr(['Kafka']))).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Only one option considered \(`Kafka`\): add at least one real alternative/) })]);
  });

  it('asks for more when the config says so, at the first option', () => {
    const rules = { 'adr-options': ['warn', { minimum: 3 }] };
    const [finding, ...others] = findingsOf('adr-options', two, rules);
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ severity: 'warning', line: 15 });
    expect(finding!.message).toBe('two options considered (`Kafka`, `Keep polling the database`): list at least three (rules.adr-options minimum; “do nothing” counts) and why the others lost');
    expect(findingsOf('adr-options', three, rules)).toEqual([]);
    expect(findingsOf('adr-options', adr(['Kafka']), rules)[0]!.message).toMatch(/add at least two real alternatives/);
  });

  it('accepts one option when the minimum is one', () => {
    expect(findingsOf('adr-options', adr(['Kafka']), { 'adr-options': ['warn', { minimum: 1 }] })).toEqual([]);
  });
});

describe('adr-placeholders: maxFindings', () => {
  const raw = `# 4. Use Kafka\n\n## Status\n\nAccepted\n\n## Context\n\nTODO one\n\nTODO two\n\nTODO three\n\nTODO four\n`;

  it('summarises the lines over the limit in the last finding', () => {
    expect(findingsOf('adr-placeholders', raw)).toHaveLength(4);
    const capped = findingsOf('adr-placeholders', raw, { 'adr-placeholders': ['warn', { maxFindings: 2 }] });
    expect(capped.map((f) => f.line)).toEqual([9, 11]);
    expect(capped[1]!.message).toMatch(/\(and 2 more lines with placeholders\)$/);
  });
});

describe('rule options in the config', () => {
  it('fills in the defaults of the options given', () => {
    const config = validateConfig({ rules: { 'adr-options': ['error', {}], 'adr-placeholders': 'warn' } }, FILE, KNOWN_RULES);
    expect(config.rules['adr-options']).toEqual(['error', { minimum: 2 }]);
    expect(config.rules['adr-placeholders']).toBe('warn');
  });

  it('refuses a bad value, naming the rule, the option and its line', () => {
    const error = configError('rules:\n  adr-options:\n    - warn\n    - minimum: 0\n');
    expect(error).toMatchObject({ file: FILE, key: 'rules.adr-options.minimum', line: 4 });
    expect(error.message).toMatch(/^\.github\/design-review\.yml:4: `rules\.adr-options`: option `minimum`: .*1/);
    expect(configError('rules:\n  adr-options: [warn, { minimum: "three" }]\n').message).toMatch(/^\.github\/design-review\.yml:2: `rules\.adr-options`: option `minimum`: .*number/);
  });

  it('refuses an unknown option with the nearest name and the options the rule takes', () => {
    const error = configError('rules:\n  adr-options: [warn, { minimun: 3 }]\n');
    expect(error.message).toBe(".github/design-review.yml:2: `rules.adr-options`: unknown option `minimun` — did you mean `minimum`?; adr-options takes `minimum`");
  });

  it('refuses options for a rule that takes none, and accepts an empty object there', () => {
    const error = configError('rules:\n  adr-status: [error, { strict: true }]\n');
    expect(error.message).toBe('.github/design-review.yml:2: `rules.adr-status`: adr-status takes no options; write `adr-status: error`');
    expect(parseConfigText('rules:\n  adr-status: [error, {}]\n', FILE, KNOWN_RULES).rules['adr-status']).toEqual(['error', {}]);
  });

  it('lists exactly the rules whose meta declares options', () => {
    const withOptions = allRules.filter((r) => r.meta.options !== undefined).map((r) => r.meta.id);
    expect(withOptions.sort()).toEqual(['adr-options', 'adr-placeholders']);
    expect(Object.keys(KNOWN_RULES)).toEqual(allRules.map((r) => r.meta.id));
  });
});
