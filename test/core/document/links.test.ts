import { describe, expect, it } from 'vitest';
import { numberOfTarget, numberOfText } from '../../../src/core/document/links.js';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { sampleChecklists } from './sample-checklists.js';

const parse = (md: string) => parseDecisionDoc(md, 'docs/adr/0009-x.md', 'adr', sampleChecklists).doc;

describe('supersede links', () => {
  it('reads field lines, several targets and numbers from texts', () => {
    const doc = parse(`# 9. Use Valkey

* Status: accepted
* Supersedes: [ADR-0005](0005-use-redis.md), [ADR-0006](https://github.com/org/repo/blob/main/docs/adr/0006-x.md)

Superseded by ADR-0012.
`);
    expect(doc.supersedes.map((l) => [l.target, l.number, l.line])).toEqual([
      ['0005-use-redis.md', 5, 4],
      ['https://github.com/org/repo/blob/main/docs/adr/0006-x.md', 6, 4],
    ]);
    expect(doc.supersededBy).toEqual([{ relation: 'superseded-by', target: 'ADR-0012', number: 12, line: 6, column: 15 }]);
  });

  it('reads "replaced by" only when it names an ADR', () => {
    expect(parse('# X\n\nReplaced by [Use Valkey](0012-use-valkey.md).\n').supersededBy.map((l) => l.number)).toEqual([12]);
    expect(parse('# X\n\nThe cron job is replaced by a queue.\n').supersededBy).toEqual([]);
  });

  it('reads front matter supersedes lists', () => {
    const doc = parse('---\nsupersedes:\n  - ADR-0003\n  - 0004-old.md\n---\n# X\n');
    expect(doc.supersedes.map((l) => [l.target, l.number, l.line])).toEqual([
      ['ADR-0003', 3, 2],
      ['0004-old.md', 4, 2],
    ]);
  });
});

describe('link numbers', () => {
  it('reads numbers from targets and texts', () => {
    expect(numberOfTarget('../adr/0020-x.md#decision')).toBe(20);
    expect(numberOfTarget('https://example.com/wiki')).toBeUndefined();
    expect(numberOfText('2. Foo')).toBe(2);
    expect(numberOfText('ADR 111')).toBe(111);
    expect(numberOfText('#7')).toBe(7);
    expect(numberOfText('the old design')).toBeUndefined();
  });
});
