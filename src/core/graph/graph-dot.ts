/**
 * The decision graph in Graphviz DOT, for teams that render their docs with
 * Graphviz: the same nodes, edges and status classes as the Mermaid picture,
 * one cluster per ADR folder.
 */
import { nodesByFolder, type DecisionGraph, type GraphNode, type GraphRelation, type GraphStatus } from './decision-graph.js';
import { dotText } from './mermaid-text.js';

const FILLS: Record<GraphStatus, string> = {
  accepted: '#dafbe1',
  proposed: '#ddf4ff',
  superseded: '#f6f8fa',
  deprecated: '#fff8c5',
  rejected: '#ffebe9',
  unknown: '#ffffff',
};

const EDGE_STYLES: Record<GraphRelation, string> = {
  supersedes: 'label="supersedes"',
  amends: 'label="amends", style=dashed',
  'relates-to': 'label="relates to", style=dotted, dir=none',
};

/** DOT text of the graph, ending with a newline. */
export function renderGraphDot(graph: DecisionGraph): string {
  const lines = [
    'digraph decisions {',
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  const folders = nodesByFolder(graph);
  const grouped = folders.length > 1;
  folders.forEach(({ title, nodes }, i) => {
    const indent = grouped ? '    ' : '  ';
    if (grouped) lines.push(`  subgraph cluster_${i + 1} {`, `    label="${dotText(title)}";`);
    for (const node of nodes) lines.push(`${indent}${node.id} [label="${nodeLabel(node)}", fillcolor="${FILLS[node.status]}"${node.status === 'superseded' ? ', fontcolor="#59636e"' : ''}];`);
    if (grouped) lines.push('  }');
  });
  for (const edge of graph.edges) lines.push(`  ${edge.from} -> ${edge.to} [${EDGE_STYLES[edge.relation]}];`);
  graph.broken.forEach((b, i) => {
    lines.push(`  x${i + 1} [label="${dotText(`not found: ${b.target}`)}", shape=note, color="#cf222e", fontcolor="#cf222e", fillcolor="#ffebe9"];`);
    lines.push(`  ${b.from} -> x${i + 1} [label="${b.relation.replace('-', ' ')}", color="#cf222e", arrowhead=tee];`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** `ADR-0012\nUse PostgreSQL (accepted)`, with the folded records on a third line. */
function nodeLabel(node: GraphNode): string {
  const parts = [dotText(node.label)];
  if (node.title !== node.label) parts.push(dotText(node.title));
  if (node.folded.length > 0) parts.push(dotText(`supersedes ${node.folded.join(', ')}`));
  return `${parts.join('\\n')}\\n(${node.status})`;
}
