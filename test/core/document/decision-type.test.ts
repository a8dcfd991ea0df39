import { describe, expect, it } from 'vitest';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { sampleChecklists } from './sample-checklists.js';

const typeOf = (md: string) => parseDecisionDoc(md, 'docs/adr/0001-x.md', 'adr', sampleChecklists).doc.decisionType;

describe('decisionType', () => {
  it.each([
    ['This is a Type 1 decision.', 'type-1'],
    ['Moving the event schema is a one-way door.', 'type-1'],
    ['The tenancy model is effectively irreversible.', 'type-1'],
    ['Type 2: we can swap the formatter any time.', 'type-2'],
    ['A two-way door; evaluate after 30 days.', 'type-2'],
    ['The change is easily reversible.', 'type-2'],
    // checklist cues
    ['We are choosing the primary database for billing.', 'type-1'],
    ['Pick a CI tool for the monorepo.', 'type-2'],
  ])('%s → %s', (sentence, value) => {
    expect(typeOf(`# Decide\n\n## Context\n\n${sentence}\n`)).toEqual({ value, line: 5, column: 1 });
  });

  it('ignores template guidance and negations', () => {
    expect(typeOf('# X\n\n## Context\n\nWhat and why now; Type 1 or 2?\n')).toBeUndefined();
    expect(typeOf('# X\n\nThis is not a one-way door and not irreversible.\n')).toBeUndefined();
    expect(typeOf('# X\n\nUse HTTP/2 and the type 10 record.\n')).toBeUndefined();
  });

  it('ignores code blocks and takes the first statement', () => {
    const doc = '# X\n\n```\ntype 1\n```\n\nNot reversible? It is a two-way door.\n\nLater: irreversible.\n';
    expect(typeOf(doc)).toEqual({ value: 'type-2', line: 7, column: 1 });
  });
});
