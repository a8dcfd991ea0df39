// Every rule's messages (meta.messages, ESLint-style): ids in kebab-case, each one written by the
// rule's module, and findings carry the id of the message they were written from.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reviewDocument } from '../../../src/core/review/review.js';
import { formatMessage } from '../../../src/core/rule-helpers/define-rule.js';
import { allRules } from '../../../src/core/rule-set/preset.js';
import { reviewOptions } from '../../helpers/review-options.js';

const SRC = fileURLToPath(new URL('../../../src/core/', import.meta.url));
const sourceOf = (path: string) => readFileSync(`${SRC}${path}`, 'utf8');

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
