import { describe, expect, it } from 'vitest';
import { parseDecisionDoc } from '../../../src/core/document/parse.js';
import { buildCueIndex, docLines, firstHits } from '../../../src/core/rule-helpers/cue-search.js';
import { sampleChecklists } from '../document/sample-checklists.js';

// Blank lines between blocks, a wrapped paragraph, a table and a code block:
// plain text loses the blank lines and the table's delimiter row, so counting
// text lines from the heading lands on the wrong source line.
const md = [
  '# Design: thumbnails', // 1
  '', // 2
  '## Operations', // 3
  '', // 4
  'Thumbnails are generated on upload and the', // 5
  'worker is stateless.', // 6
  '', // 7
  '| Metric | Target |', // 8
  '|---|---|', // 9
  '| p99 | 800 ms |', // 10
  '', // 11
  '```sh', // 12
  'kubectl rollout restart deploy/thumbs', // 13
  '```', // 14
  '', // 15
  'We keep a runbook for the queue.', // 16
  '', // 17
  '- Alerts page the on-call engineer.', // 18
  '', // 19
  '### Costs', // 20
  '', // 21
  'A cost estimate of $90/month.', // 22
  '',
].join('\n');

describe('cue search lines', () => {
  const { doc } = parseDecisionDoc(md, 'docs/design/thumbnails.md', 'design-doc', sampleChecklists);

  it('points each document line at its source line', () => {
    const byText = new Map(docLines(doc).map((l) => [l.text, l.line]));
    expect(byText.get('worker is stateless.')).toBe(6);
    expect(byText.get('p99 | 800 ms')).toBe(10);
    expect(byText.get('kubectl rollout restart deploy/thumbs')).toBe(13);
    expect(byText.get('We keep a runbook for the queue.')).toBe(16);
    expect(byText.get('Alerts page the on-call engineer.')).toBe(18);
    expect(byText.get('A cost estimate of $90/month.')).toBe(22);
  });

  it('reports a cue on the line where it was written', () => {
    const index = buildCueIndex([
      { owner: 'ops', cues: ['runbook', 'on-call'] },
      { owner: 'cost', cues: ['cost estimate'] },
    ]);
    const hits = firstHits(doc, index);
    expect(hits.get('ops')).toMatchObject({ cue: 'runbook', line: 16 });
    expect(hits.get('cost')).toMatchObject({ line: 22 });
  });
});
