/**
 * The decision graph as a Mermaid flowchart, which GitHub draws in issues,
 * comments and Markdown files. Node ids are generated (`n1`), every piece of
 * user text is a quoted, escaped label, and status is a class.
 */
import { nodesByFolder, type DecisionGraph, type GraphNode, type GraphRelation, type GraphStatus } from './decision-graph.js';
import { mermaidLabel } from './mermaid-text.js';

/** Fill and stroke per status class: GitHub's light palette, readable in its dark theme too. */
const CLASS_STYLES: Record<GraphStatus | 'broken', string> = {
  accepted: 'fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
  proposed: 'fill:#ddf4ff,stroke:#0969da,color:#1f2328',
  superseded: 'fill:#f6f8fa,stroke:#818b98,color:#59636e,stroke-dasharray:4 3',
  deprecated: 'fill:#fff8c5,stroke:#9a6700,color:#1f2328',
  rejected: 'fill:#ffebe9,stroke:#cf222e,color:#1f2328',
  unknown: 'fill:#ffffff,stroke:#818b98,color:#1f2328',
  broken: 'fill:#ffebe9,stroke:#cf222e,color:#cf222e,stroke-dasharray:2 2',
};

const ARROWS: Record<GraphRelation, string> = {
  supersedes: '-->|supersedes|',
  amends: '-.->|amends|',
  'relates-to': '-.-|relates to|',
};

/** Folded records named in a node, at most this many (the rest counted). */
const FOLDED_NAMED = 3;

export interface MermaidGraphOptions {
  /** Left to right (default) or top down. */
  direction?: 'LR' | 'TD';
}

/** Mermaid flowchart text of the graph (no code fence), ending with a newline. */
export function renderGraphMermaid(graph: DecisionGraph, options: MermaidGraphOptions = {}): string {
  const lines = [`flowchart ${options.direction ?? 'LR'}`];
  const folders = nodesByFolder(graph);
  const grouped = folders.length > 1;
  folders.forEach(({ title, nodes }, i) => {
    if (grouped) lines.push(`  subgraph g${i + 1}["${mermaidLabel(title)}"]`);
    for (const node of nodes) lines.push(`${grouped ? '    ' : '  '}${node.id}["${nodeLabel(node)}"]:::${node.status}`);
    if (grouped) lines.push('  end');
  });
  for (const edge of graph.edges) lines.push(`  ${edge.from} ${ARROWS[edge.relation]} ${edge.to}`);
  graph.broken.forEach((b, i) => {
    lines.push(`  x${i + 1}["${mermaidLabel(`not found: ${b.target}`)}"]:::broken`);
    lines.push(`  ${b.from} --x|${b.relation.replace('-', ' ')}| x${i + 1}`);
  });
  const used = new Set<GraphStatus | 'broken'>(graph.nodes.map((n) => n.status));
  if (graph.broken.length > 0) used.add('broken');
  for (const cls of Object.keys(CLASS_STYLES) as (GraphStatus | 'broken')[]) {
    if (used.has(cls)) lines.push(`  classDef ${cls} ${CLASS_STYLES[cls]}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `ADR-0012 · Use PostgreSQL`, with the records folded into it on a second line. */
function nodeLabel(node: GraphNode): string {
  const head = mermaidLabel(node.title === node.label ? node.label : `${node.label} · ${node.title}`);
  if (node.folded.length === 0) return head;
  const named = node.folded.slice(-FOLDED_NAMED).join(', ');
  const more = node.folded.length > FOLDED_NAMED ? ` and ${node.folded.length - FOLDED_NAMED} earlier` : '';
  return `${head}<br/>${mermaidLabel(`supersedes ${named}${more}`)}`;
}

/** One sentence on what the picture leaves out, or undefined when it shows every record. */
export function graphNote(graph: DecisionGraph): string | undefined {
  const parts: string[] = [];
  if (graph.folded > 0) parts.push(`${graph.folded} superseded record${graph.folded === 1 ? ' is' : 's are'} folded into the record that replaced ${graph.folded === 1 ? 'it' : 'them'}`);
  if (graph.omitted.count > 0) {
    const byStatus = graph.omitted.byStatus.map((s) => `${s.count} ${s.status}`).join(', ');
    parts.push(`${graph.omitted.count} record${graph.omitted.count === 1 ? ' is' : 's are'} not drawn, to keep the picture readable (${byStatus})`);
  }
  return parts.length > 0 ? `${parts.join('; ')}.` : undefined;
}
