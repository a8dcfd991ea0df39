import { describe, expect, it } from 'vitest';
import type { IndexEntry } from '../../../src/core/document/model.js';
import { buildDecisionGraph, statusClass } from '../../../src/core/graph/decision-graph.js';
import { entries, nygard } from './graph-docs.js';

const log = () => [
  nygard('docs/adr/0001-record.md', '1. Record architecture decisions', 'Accepted'),
  nygard('docs/adr/0002-use-mysql.md', '2. Use MySQL', 'Superseded by [ADR-0003](0003-use-postgres.md)'),
  nygard('docs/adr/0003-use-postgres.md', '3. Use PostgreSQL', 'Accepted\n\nSupersedes [ADR-0002](0002-use-mysql.md)\n\nRelates to [ADR-0001](0001-record.md)'),
  nygard('docs/adr/0004-tune-pool.md', '4. Tune the pool', 'Accepted\n\nAmends ADR-0003'),
];

/** Edges as `ADR-a relation ADR-b`, so a test reads like the log. */
function edgeTexts(graph: ReturnType<typeof buildDecisionGraph>): string[] {
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  return graph.edges.map((e) => `${label.get(e.from)} ${e.relation} ${label.get(e.to)}`);
}

describe('decision graph', () => {
  it('draws one node per ADR with its label, short title and status class, and one edge per link', () => {
    const graph = buildDecisionGraph(entries(...log()), { collapseSuperseded: false });
    expect(graph.nodes.map((n) => [n.id, n.label, n.title, n.status, n.folder])).toEqual([
      ['n1', 'ADR-0001', 'Record architecture decisions', 'accepted', 'docs/adr'],
      ['n2', 'ADR-0002', 'Use MySQL', 'superseded', 'docs/adr'],
      ['n3', 'ADR-0003', 'Use PostgreSQL', 'accepted', 'docs/adr'],
      ['n4', 'ADR-0004', 'Tune the pool', 'accepted', 'docs/adr'],
    ]);
    // "Supersedes" on 3 and "Superseded by" on 2 are one edge, from the newer record.
    expect(edgeTexts(graph)).toEqual(['ADR-0003 supersedes ADR-0002', 'ADR-0003 relates-to ADR-0001', 'ADR-0004 amends ADR-0003']);
    expect(graph.broken).toEqual([]);
    expect(graph.total).toBe(4);
  });

  it('maps status words to the five classes, unknown otherwise', () => {
    expect(['Accepted', 'implemented', 'Draft', 'in review', 'superseded', 'deprecated', 'declined', 'withdrawn', null, 'weird'].map(statusClass)).toEqual([
      'accepted',
      'accepted',
      'proposed',
      'proposed',
      'superseded',
      'deprecated',
      'rejected',
      'rejected',
      'unknown',
      'unknown',
    ]);
  });

  it('marks a record another one supersedes as superseded, whatever its status line still says', () => {
    const docs = [
      nygard('docs/adr/0001-a.md', '1. A', 'Accepted'),
      nygard('docs/adr/0002-b.md', '2. B', 'Accepted\n\nSupersedes ADR-0001'),
    ];
    const graph = buildDecisionGraph(entries(...docs), { collapseSuperseded: false });
    expect(graph.nodes.map((n) => n.status)).toEqual(['superseded', 'accepted']);
  });

  it('draws links to records that do not exist as broken, and leaves web links and ambiguous numbers alone', () => {
    const docs = [
      nygard('docs/adr/0001-a.md', '1. A', 'Accepted\n\nSupersedes [ADR-0009](0009-gone.md)\n\nSee also [ADR-0011](https://example.com/0011-x.md)'),
      nygard('docs/adr/0002-b.md', '2. B', 'Accepted\n\nAmends ADR-0005'),
      nygard('docs/adr/0005-c.md', '5. C', 'Accepted'),
      nygard('docs/adr/0005-d.md', '5. D', 'Accepted'),
    ];
    const graph = buildDecisionGraph(entries(...docs));
    expect(graph.broken).toEqual([{ from: 'n1', relation: 'supersedes', target: '0009-gone.md', line: 9 }]);
    expect(graph.edges).toEqual([]);
  });

  it('draws a "relates to" link once whichever side writes it, and not beside a supersede or amend link', () => {
    const docs = [
      nygard('docs/adr/0001-a.md', '1. A', 'Accepted\n\nRelates to ADR-0002'),
      nygard('docs/adr/0002-b.md', '2. B', 'Accepted\n\nRelates to ADR-0001\n\nAmends ADR-0003'),
      nygard('docs/adr/0003-c.md', '3. C', 'Accepted\n\nSee also ADR-0002'),
    ];
    expect(edgeTexts(buildDecisionGraph(entries(...docs)))).toEqual(['ADR-0001 relates-to ADR-0002', 'ADR-0002 amends ADR-0003']);
  });

  it('folds a chain of superseded records into the record that stands, keeping the chain in its node', () => {
    const docs = [
      nygard('docs/adr/0001-a.md', '1. Use files', 'Superseded by ADR-0002'),
      nygard('docs/adr/0002-b.md', '2. Use MySQL', 'Superseded by ADR-0003\n\nSupersedes ADR-0001'),
      nygard('docs/adr/0003-c.md', '3. Use PostgreSQL', 'Accepted\n\nSupersedes ADR-0002'),
      nygard('docs/adr/0004-d.md', '4. Tune', 'Accepted\n\nAmends ADR-0003'),
    ];
    const graph = buildDecisionGraph(entries(...docs));
    expect(graph.nodes.map((n) => [n.label, n.folded])).toEqual([
      ['ADR-0003', ['ADR-0001', 'ADR-0002']],
      ['ADR-0004', []],
    ]);
    expect(edgeTexts(graph)).toEqual(['ADR-0004 amends ADR-0003']);
    expect(graph.folded).toBe(2);
  });

  it('keeps a superseded record that other links still point at, or that two records supersede', () => {
    const docs = [
      nygard('docs/adr/0001-a.md', '1. A', 'Superseded by ADR-0002'),
      nygard('docs/adr/0002-b.md', '2. B', 'Accepted\n\nSupersedes ADR-0001'),
      nygard('docs/adr/0003-c.md', '3. C', 'Accepted\n\nRelates to ADR-0001'),
      nygard('docs/adr/0004-d.md', '4. D', 'Superseded'),
      nygard('docs/adr/0005-e.md', '5. E', 'Accepted\n\nSupersedes ADR-0004'),
      nygard('docs/adr/0006-f.md', '6. F', 'Accepted\n\nSupersedes ADR-0004'),
    ];
    const graph = buildDecisionGraph(entries(...docs));
    expect(graph.folded).toBe(0);
    expect(graph.nodes).toHaveLength(6);
  });

  it('folds nothing into a loop of records superseding one another', () => {
    const docs = [
      nygard('docs/adr/0001-a.md', '1. A', 'Superseded by ADR-0002\n\nSupersedes ADR-0002'),
      nygard('docs/adr/0002-b.md', '2. B', 'Superseded by ADR-0001\n\nSupersedes ADR-0001'),
    ];
    const graph = buildDecisionGraph(entries(...docs));
    expect(graph.nodes.map((n) => n.label)).toEqual(['ADR-0001', 'ADR-0002']);
  });

  it('caps the node count, keeping linked and standing records and the newest, and counts the rest by status', () => {
    const index: IndexEntry[] = [];
    for (let n = 1; n <= 300; n += 1) {
      index.push({
        path: `docs/adr/${String(n).padStart(4, '0')}-r.md`,
        kind: 'adr',
        number: n,
        fileNumber: n,
        title: `${n}. Record ${n}`,
        status: n % 3 === 0 ? 'deprecated' : 'accepted',
        supersedes: [],
        supersededBy: [],
        ...(n === 2 ? { relatesTo: [{ target: 'ADR-0001', number: 1, line: 3, column: 1 }] } : {}),
      });
    }
    const graph = buildDecisionGraph(index);
    expect(graph.nodes).toHaveLength(150);
    const kept = new Set(graph.nodes.map((n) => n.number));
    // The two linked records stay whatever their age; then the newest standing records.
    expect(kept.has(1) && kept.has(2)).toBe(true);
    expect(kept.has(300)).toBe(false);
    expect(kept.has(299)).toBe(true);
    expect(graph.nodes.every((n) => n.status === 'accepted')).toBe(true);
    expect(graph.omitted).toEqual({ count: 150, byStatus: [{ status: 'deprecated', count: 100 }, { status: 'accepted', count: 50 }] });
    expect(graph.edges).toHaveLength(1);
  });

  it('draws only the focus records and their neighbours, never folding a focus record', () => {
    const docs = [...log(), nygard('docs/adr/0005-other.md', '5. Other', 'Accepted')];
    const graph = buildDecisionGraph(entries(...docs), { focus: ['docs/adr/0002-use-mysql.md'] });
    expect(graph.nodes.map((n) => n.label)).toEqual(['ADR-0002', 'ADR-0003']);
    expect(edgeTexts(graph)).toEqual(['ADR-0003 supersedes ADR-0002']);
    expect(buildDecisionGraph(entries(...docs), { focus: ['docs/adr/0005-other.md'] }).nodes).toEqual([]);
  });

  it('groups records by the folder that numbers them, a folder record by its parent', () => {
    const docs = [
      nygard('docs/adr/0001-a.md', '1. A', 'Accepted'),
      nygard('services/api/adr/0001-b.md', '1. B', 'Accepted'),
      nygard('rfcs/2023-05-02-slug/README.md', 'Slug', 'Accepted'),
    ];
    expect(buildDecisionGraph(entries(...docs)).nodes.map((n) => [n.label, n.folder])).toEqual([
      ['ADR-0001', 'docs/adr'],
      ['README.md', 'rfcs'],
      ['ADR-0001', 'services/api/adr'],
    ]);
  });

  it('ignores design docs and takes the last entry of a repeated path', () => {
    const index = entries(nygard('docs/adr/0001-a.md', '1. A', 'Proposed'), nygard('docs/adr/0001-a.md', '1. A', 'Accepted'));
    index.push({ ...index[0]!, path: 'docs/design/x.md', kind: 'design-doc' });
    const graph = buildDecisionGraph(index);
    expect(graph.nodes.map((n) => [n.path, n.status])).toEqual([['docs/adr/0001-a.md', 'accepted']]);
  });
});
