// Every rule's messages (meta.messages, ESLint-style): ids in kebab-case, each one written by the
// rule's module, and findings carry the id of the message they were written from.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reviewDocument } from '../../../src/core/review/review.js';
import { formatMessage } from '../../../src/core/rule-helpers/define-rule.js';
import { allRules } from '../../../src/core/rule-set/preset.js';
import { reviewOptions } from '../../helpers/review-options.js';

const SRC = fileURLToPath(new URL('../../../src/core/', import.meta.url));
const sourceOf = (path: string) => readFileSync(`${SRC}${path}`, 'utf8');
const FIXTURES = fileURLToPath(new URL('../../fixtures/docs/', import.meta.url));

/** `rule/messageId` of every finding the rule fixtures expect (test/fixtures/docs/<rule>/…expected.json). */
function fixtureMessageIds(): Set<string> {
  const ids = new Set<string>();
  const walk = (dir: string, rule: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path, rule);
      else if (entry.endsWith('expected.json')) for (const e of JSON.parse(readFileSync(path, 'utf8')) as { messageId: string }[]) ids.add(`${rule}/${e.messageId}`);
    }
  };
  for (const rule of readdirSync(FIXTURES)) if (statSync(join(FIXTURES, rule)).isDirectory()) walk(join(FIXTURES, rule), rule);
  return ids;
}

/** Messages with no rule fixture, and why. */
const WITHOUT_FIXTURE: Record<string, string> = {
  'adr-options/too-few': 'only with a `minimum` option: test/core/rules/rule-options.test.ts',
  'adr-options/one-option-of-minimum': 'only with a `minimum` option: test/core/rules/rule-options.test.ts',
  // The parser reads an empty or missing status under a Status heading as a placeholder status, so
  // no document seen so far reaches these two; listed so that one that does gets its fixture.
  'adr-status/empty-section': 'not reached: an empty Status section is read as a placeholder',
  'adr-status/empty-status': 'not reached: an empty status is read as a placeholder',
};

describe('rule messages', () => {
  it.each(allRules.map((r) => [r.meta.id, r.meta] as const))('%s declares its messages, and its module writes each of them', (id, meta) => {
    const ids = Object.keys(meta.messages);
    expect(ids.length).toBeGreaterThan(0);
    for (const messageId of ids) expect(messageId).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
    // A required-section rule's two messages are written by the shared helper.
    const own = sourceOf(`rules/${id}.ts`);
    const source = own + (own.includes('checkRequiredSection') ? sourceOf('rule-helpers/required-section.ts') : '');
    for (const messageId of ids) expect(source, `${id}: "${messageId}" is declared but never reported`).toMatch(new RegExp(`'${messageId}'|\\b${messageId}:`));
  });

  it('has a failing fixture for every message, each exception with its reason', () => {
    const covered = fixtureMessageIds();
    const missing = allRules.flatMap((r) => Object.keys(r.meta.messages).map((id) => `${r.meta.id}/${id}`)).filter((key) => !covered.has(key) && !(key in WITHOUT_FIXTURE));
    expect(missing).toEqual([]);
    // An exception that gained a fixture is taken off the list.
    expect(Object.keys(WITHOUT_FIXTURE).filter((key) => covered.has(key))).toEqual([]);
  });

  it('fills the placeholders, and refuses an unknown id or a missing value (a bug in the rule)', () => {
    const meta = { id: 'adr-x', messages: { gap: 'Missing `{{heading}}` section{{more}}' } };
    expect(formatMessage(meta, 'gap', { heading: '## Context', more: '' })).toBe('Missing `## Context` section');
    expect(() => formatMessage(meta, 'nope')).toThrow('adr-x: no message "nope" in meta.messages');
    expect(() => formatMessage(meta, 'gap', { heading: 'x' })).toThrow('adr-x: message "gap" needs a value for {{more}}');
  });

  it('gives each finding of a rule the id of its message', () => {
    const text = '# 4. Use Kafka\n\n## Status\n\nMaybe\n\n## Context\n\nOrders are polled.\n';
    const { findings } = reviewDocument({ path: 'docs/adr/0004-use-kafka.md', content: text, kind: 'adr' }, reviewOptions());
    const byRule = Object.fromEntries(findings.map((f) => [f.ruleId, f.messageId]));
    expect(byRule).toMatchObject({ 'adr-status': 'unexpected', 'adr-decision': 'missing-section', 'adr-options': 'missing-section', 'adr-date': 'missing-date' });
    for (const f of findings) expect(allRules.find((r) => r.meta.id === f.ruleId)!.meta.messages[f.messageId!], `${f.ruleId} ${f.messageId}`).toBeDefined();
  });
});
