import { describe, expect, it } from 'vitest';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { sampleChecklists } from './sample-checklists.js';

const tradeOffs = (md: string) =>
  parseDecisionDoc(md, 'docs/adr/0001-x.md', 'adr', sampleChecklists).doc.tradeOffs.map((t) => [t.value, t.line]);

describe('tradeOffs', () => {
  it('reads paragraphs of a Trade-offs section', () => {
    expect(tradeOffs('# X\n\n## Trade-offs\n\nHigher write latency (about 5 ms) for strong consistency.\n\n## Risks\n\nNone.\n')).toEqual([
      ['Higher write latency (about 5 ms) for strong consistency.', 5],
    ]);
  });

  it('finds trade-off sentences anywhere, one per sentence, with their line', () => {
    expect(
      tradeOffs(`# X

## Decision

We use a single region. We give up regional failover in exchange for half the cost.
Caching is eventual, at the cost of stale reads for up to 60 s.

Trade-off: more moving parts.
`),
    ).toEqual([
      ['We give up regional failover in exchange for half the cost.', 5],
      ['Caching is eventual, at the cost of stale reads for up to 60 s.', 6],
      ['Trade-off: more moving parts.', 8],
    ]);
  });

  it('finds nothing in a doc that claims no trade-offs', () => {
    expect(tradeOffs('# X\n\n## Consequences\n\nThere are no downsides.\n')).toEqual([]);
  });
});
