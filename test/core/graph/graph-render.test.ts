import { describe, expect, it } from 'vitest';
import { buildDecisionGraph } from '../../../src/core/graph/decision-graph.js';
import { renderGraphDot } from '../../../src/core/graph/graph-dot.js';
import { graphNote, renderGraphMermaid } from '../../../src/core/graph/graph-mermaid.js';
import { dotText, ganttText, mermaidLabel } from '../../../src/core/graph/mermaid-text.js';
import { entries, nygard } from './graph-docs.js';

const log = () =>
  entries(
    nygard('docs/adr/0001-record.md', '1. Record architecture decisions', 'Accepted'),
    nygard('docs/adr/0002-use-mysql.md', '2. Use MySQL', 'Superseded by [ADR-0003](0003-use-postgres.md)'),
    nygard('docs/adr/0003-use-postgres.md', '3. Use "Postgres"', 'Accepted\n\nSupersedes [ADR-0002](0002-use-mysql.md)\n\nRelates to [ADR-0001](0001-record.md)'),
    nygard('docs/adr/0004-tune.md', '4. Tune pool', 'Proposed\n\nAmends ADR-0003\n\nSupersedes [ADR-9](0009-gone.md)'),
  );

describe('graph pictures', () => {
  it('draws the Mermaid flowchart: quoted escaped labels, a class per status, an arrow per relation, broken targets marked', () => {
    expect(renderGraphMermaid(buildDecisionGraph(log()))).toBe(
      [
        'flowchart LR',
        '  n1["ADR-0001 · Record architecture decisions"]:::accepted',
        '  n3["ADR-0003 · Use #34;Postgres#34;<br/>supersedes ADR-0002"]:::accepted',
        '  n4["ADR-0004 · Tune pool"]:::proposed',
        '  n3 -.-|relates to| n1',
        '  n4 -.->|amends| n3',
        '  x1["not found#58; 0009-gone.md"]:::broken',
        '  n4 --x|supersedes| x1',
        '  classDef accepted fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
        '  classDef proposed fill:#ddf4ff,stroke:#0969da,color:#1f2328',
        '  classDef broken fill:#ffebe9,stroke:#cf222e,color:#cf222e,stroke-dasharray:2 2',
        '',
      ].join('\n'),
    );
  });

  it('draws one subgraph per folder when the log has several, and top-down on request', () => {
    const index = [...log(), ...entries(nygard('services/api/adr/0001-x.md', '1. X', 'Accepted'))];
    const text = renderGraphMermaid(buildDecisionGraph(index, { collapseSuperseded: false }), { direction: 'TD' });
    expect(text.split('\n').filter((l) => /^ {2}(subgraph|end)|^flowchart/.test(l))).toEqual([
      'flowchart TD',
      '  subgraph g1["docs/adr"]',
      '  end',
      '  subgraph g2["services/api/adr"]',
      '  end',
    ]);
    expect(text).toContain('    n5["ADR-0001 · X"]:::accepted');
  });

  it('says what the picture leaves out', () => {
    expect(graphNote(buildDecisionGraph(log()))).toBe('1 superseded record is folded into the record that replaced it.');
    expect(graphNote(buildDecisionGraph(log(), { collapseSuperseded: false, maxNodes: 2 }))).toBe(
      '2 records are not drawn, to keep the picture readable (1 accepted, 1 superseded).',
    );
    expect(graphNote(buildDecisionGraph(log(), { collapseSuperseded: false }))).toBeUndefined();
  });

  it('draws the same graph in DOT, clustered by folder', () => {
    expect(renderGraphDot(buildDecisionGraph(log()))).toBe(
      [
        'digraph decisions {',
        '  rankdir=LR;',
        '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
        '  n1 [label="ADR-0001\\nRecord architecture decisions\\n(accepted)", fillcolor="#dafbe1"];',
        '  n3 [label="ADR-0003\\nUse \\"Postgres\\"\\nsupersedes ADR-0002\\n(accepted)", fillcolor="#dafbe1"];',
        '  n4 [label="ADR-0004\\nTune pool\\n(proposed)", fillcolor="#ddf4ff"];',
        '  n3 -> n1 [label="relates to", style=dotted, dir=none];',
        '  n4 -> n3 [label="amends", style=dashed];',
        '  x1 [label="not found: 0009-gone.md", shape=note, color="#cf222e", fontcolor="#cf222e", fillcolor="#ffebe9"];',
        '  n4 -> x1 [label="supersedes", color="#cf222e", arrowhead=tee];',
        '}',
        '',
      ].join('\n'),
    );
    const two = [...log(), ...entries(nygard('services/api/adr/0001-x.md', '1. X', 'Accepted'))];
    expect(renderGraphDot(buildDecisionGraph(two))).toContain('  subgraph cluster_2 {\n    label="services/api/adr";\n    n5 [label="ADR-0001\\nX\\n(accepted)"');
  });

  it('escapes user text for each language', () => {
    expect(mermaidLabel('a "b" [c] <d>; e\n%% f')).toBe('a #34;b#34; #91;c#93; #60;d#62;#59; e #37;#37; f');
    expect(mermaidLabel('Émoji 🚀')).toBe('Émoji #128640;');
    expect(ganttText('click: "x" #1; %% <b>')).toBe('› click x 1 b');
    expect(ganttText('ADR-0001 Title x')).toBe('ADR-0001 Title x');
    expect(dotText('a "b" \\ c\nd')).toBe('a \\"b\\" \\\\ c d');
  });
});
