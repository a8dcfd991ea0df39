import { describe, expect, it } from 'vitest';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { sampleChecklists } from './sample-checklists.js';

const people = (md: string) =>
  parseDecisionDoc(md, 'docs/adr/0001-x.md', 'adr', sampleChecklists).doc.participants.map((p) => [p.value, p.line]);

describe('participants', () => {
  it('reads a front matter list, one item per line', () => {
    expect(people('---\ndecision-makers:\n  - Priya Shah\n  - Marco Rossi\nconsulted: [Lena]\n---\n# X\n')).toEqual([
      ['Priya Shah', 3],
      ['Marco Rossi', 4],
    ]);
  });

  it('reads a comma-separated string and field lines, deduplicated', () => {
    expect(people('---\nauthors: "@alice, @bob"\n---\n# X\n\n* Deciders: [@alice](https://github.com/alice), Carol and Dan\n')).toEqual([
      ['@alice', 2],
      ['@bob', 2],
      ['Carol', 6],
      ['Dan', 6],
    ]);
  });

  it('reads the items of a participants section', () => {
    expect(people('# X\n\n## Participants\n\n- Priya (eng lead)\n- Marco (SRE)\n')).toEqual([
      ['Priya (eng lead)', 5],
      ['Marco (SRE)', 6],
    ]);
  });

  it('skips template guidance', () => {
    expect(people('# X\n\n* Deciders: [list everyone involved in the decision]\n')).toEqual([]);
    expect(people('---\ndecision-makers: {list everyone involved in the decision}\n---\n# X\n')).toEqual([]);
  });
});
