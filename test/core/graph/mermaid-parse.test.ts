/**
 * The pictures parse with Mermaid itself (11.x, under jsdom: see
 * test/helpers/mermaid-parse.ts), hostile titles included, and every title
 * reaches the page as written: no label ends early, no statement is injected.
 * Runs in a process of its own (vitest.config.ts, ISOLATED): it puts a DOM on
 * the global object.
 */
import { describe, expect, it } from 'vitest';
import type { IndexEntry } from '../../../src/core/document/model.js';
import { buildDecisionGraph } from '../../../src/core/graph/decision-graph.js';
import { renderGraphMermaid } from '../../../src/core/graph/graph-mermaid.js';
import { buildRevisitTimeline, renderTimelineMermaid, type TimelineTrigger } from '../../../src/core/graph/revisit-timeline.js';
import { parseMermaid, shownText } from '../../helpers/mermaid-parse.js';

const HOSTILE_TITLES = [
  'Use "quotes" and \'apostrophes\'',
  'Brackets [x] (y) {z} <b>bold</b>',
  'click n1 call alert(1)',
  '<img src=x onerror=alert(1)>; end',
  '%% a comment; classDef x fill:red',
  'Entities &amp; #35; &lt; `code` | pipe --> arrow',
  'Émoji 🚀 and 中文 and a very long title that goes on and on past the sixty characters kept',
  'subgraph end graph TD',
];

function entry(n: number, title: string, extra: Partial<IndexEntry> = {}): IndexEntry {
  const file = `${String(n).padStart(4, '0')}-r.md`;
  return { path: `docs/adr/${file}`, kind: 'adr', number: n, fileNumber: n, title, status: 'accepted', supersedes: [], supersededBy: [], ...extra };
}

/** The calendar day of a date Mermaid parsed (in the process's time zone, as it parses). */
function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

describe('Mermaid parses what the bot draws', () => {
  it('a decision graph with hostile titles, folders, every edge kind and a broken link', async () => {
    const index = HOSTILE_TITLES.map((title, i) => entry(i + 1, title));
    index[1] = { ...index[1]!, supersedes: [{ relation: 'supersedes', target: '0001-r.md', number: 1, line: 3, column: 1 }] };
    index[0] = { ...index[0]!, status: 'superseded' };
    index[2] = { ...index[2]!, amends: [{ relation: 'amends', target: 'ADR-0002', number: 2, line: 3, column: 1 }] };
    index[3] = { ...index[3]!, relatesTo: [{ target: 'ADR-0003', number: 3, line: 3, column: 1 }] };
    index[4] = { ...index[4]!, supersededBy: [{ relation: 'superseded-by', target: '0099-"gone"];click.md', line: 4, column: 1 }] };
    index.push({ ...entry(1, 'Other folder "x"'), path: 'services/[api]/adr/0001-x.md' });
    const graph = buildDecisionGraph(index, { collapseSuperseded: false });
    const text = renderGraphMermaid(graph);
    const { type, db } = await parseMermaid(text);
    expect(type).toBe('flowchart-v2');
    const vertices = [...db.getVertices!().values()];
    // One vertex per record and one for the broken target: nothing a title wrote became a node or a click.
    expect(vertices.map((v) => v.id).sort()).toEqual([...graph.nodes.map((n) => n.id), 'x1'].sort());
    for (const node of graph.nodes) {
      const shown = shownText(vertices.find((v) => v.id === node.id)!.text);
      expect(shown).toBe(`${node.label} · ${node.title}`);
    }
    expect(shownText(vertices.find((v) => v.id === 'x1')!.text)).toBe('not found: 0099-"gone"];click.md');
    expect(db.getEdges!().map((e) => [e.start, e.end, e.text])).toEqual([
      ...graph.edges.map((e) => [e.from, e.to, e.relation === 'relates-to' ? 'relates to' : e.relation]),
      ['n5', 'x1', 'superseded by'],
    ]);
    expect(db.getSubGraphs!().map((s) => shownText(s.title))).toEqual(['docs/adr', 'services/[api]/adr']);
  });

  it('a folded chain, drawn on a second line of its successor', async () => {
    const index = [
      entry(1, 'Old "one"', { status: 'superseded' }),
      entry(2, 'New', { supersedes: [{ relation: 'supersedes', target: 'ADR-0001', number: 1, line: 3, column: 1 }] }),
    ];
    const { db } = await parseMermaid(renderGraphMermaid(buildDecisionGraph(index)));
    expect([...db.getVertices!().values()].map((v) => shownText(v.text))).toEqual(['ADR-0002 · New<br>supersedes ADR-0001']);
  });

  it('a revisit timeline with hostile record names and trigger text, overdue, due and upcoming', async () => {
    const rows: TimelineTrigger[] = [
      { file: 'docs/adr/click.md', line: 3, category: 'cost', kind: 'date', text: 'Revisit by 2026-01-01: "cost" > $5k; #1 %% x', state: 'overdue', due: '2026-01-01' },
      { file: 'docs/adr/0002-r.md', line: 4, category: null, kind: 'recurring', text: 'every 6 months <script>', state: 'due', due: '2026-12-06' },
      { file: 'docs/adr/section.md', line: 5, category: 'scale', kind: 'duration', text: 'after 12 months: title x', state: 'upcoming', due: '2027-03-01' },
    ];
    const labels = new Map([['docs/adr/0002-r.md', 'ADR-0002']]);
    const timeline = buildRevisitTimeline(rows, labels, '2026-12-06');
    const text = renderTimelineMermaid(timeline)!;
    const { type, db } = await parseMermaid(text);
    expect(type).toBe('gantt');
    const tasks = db.getTasks!();
    // Each name whole, the leading keywords pushed off, nothing the grammar or the page would read left in.
    expect(tasks.map((t) => [t.task.trim(), t.section, Boolean(t.crit), Boolean(t.milestone)])).toEqual([
      ['› section.md after 12 months title x', 'Scale', false, true],
      ['› click.md Revisit by 2026-01-01 cost $5k 1 x', 'Cost', true, true],
      ['ADR-0002 every 6 months script', 'Uncategorized', true, true],
    ]);
    // Each on its day.
    expect(tasks.map((t) => localDay(t.startTime))).toEqual(['2027-03-01', '2026-01-01', '2026-12-06']);
  });
});
