/**
 * The decision log as a graph: one node per ADR (number, short title, status
 * class, folder), an edge for each supersede, amend and "relates to" link
 * that resolves to another record, and the links that resolve to nothing.
 * Large logs stay readable: chains of superseded records fold into the record
 * that replaced them, and past `maxNodes` the least connected, closed and
 * oldest records are left out and counted. Pure: the renderers
 * (graph-mermaid.ts, graph-dot.ts) and every surface draw from this model.
 */
import type { DocLink, IndexEntry, RelatedLink } from '../document/model.js';
import { collectionFolder, isExternal } from '../rule-helpers/adr-folder.js';
import { isAmbiguousNumberLink, recordLookup, resolveInView, type RecordView } from '../rule-helpers/record-lookup.js';
import { statusKey } from '../rule-helpers/status-lifecycle.js';
import { cut, recordLabel, recordTitleText } from '../render/record-label.js';

/** Status classes the pictures colour by. */
export type GraphStatus = 'accepted' | 'proposed' | 'superseded' | 'deprecated' | 'rejected' | 'unknown';

/** Edge kinds: the newer record points at the one it supersedes or amends; "relates to" has no direction. */
export type GraphRelation = 'supersedes' | 'amends' | 'relates-to';

export interface GraphNode {
  /** `n1`, `n2`…: stable for one log, and safe in every picture language (never user text). */
  id: string;
  path: string;
  /** The folder whose records share a numbering (a subgraph in the pictures). */
  folder: string;
  number?: number;
  /** `ADR-0012`, or the file name of an unnumbered record. */
  label: string;
  /** Title without its number, one line, at most 60 characters; the file name when the record has none. */
  title: string;
  status: GraphStatus;
  /** Superseded records folded into this one (a collapsed chain), by label. */
  folded: string[];
}

export interface GraphEdge {
  from: string;
  to: string;
  relation: GraphRelation;
}

/** A link that names no record of the log: drawn to a marked target. */
export interface BrokenEdge {
  from: string;
  /** The relation as the linking record writes it. */
  relation: DocLink['relation'] | 'relates-to';
  /** The target as written. */
  target: string;
  /** Line of the link in the linking record. */
  line: number;
}

export interface DecisionGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  broken: BrokenEdge[];
  /** Records in the log (drawn, folded or left out). */
  total: number;
  /** Records folded into their successor. */
  folded: number;
  /** Records left out past the node cap, by status class. */
  omitted: { count: number; byStatus: { status: GraphStatus; count: number }[] };
}

export interface GraphOptions {
  /** At most this many nodes (default 150); the rest are counted. */
  maxNodes?: number;
  /** Fold superseded chains into the record that replaced them (default: true, false with `focus`). */
  collapseSuperseded?: boolean;
  /**
   * Draw only these records and their neighbours (a pull request's records):
   * the records they supersede are what the picture is for, so by default
   * nothing is folded, and focus records never are.
   */
  focus?: readonly string[];
}

/** The node cap of the pictures: past it a Mermaid graph is no longer read, only scrolled. */
export const DEFAULT_MAX_NODES = 150;
const TITLE_LIMIT = 60;

const STATUS_CLASS: Record<string, GraphStatus> = {
  accepted: 'accepted',
  approved: 'accepted',
  implemented: 'accepted',
  amended: 'accepted',
  proposed: 'proposed',
  draft: 'proposed',
  pending: 'proposed',
  'in-review': 'proposed',
  'on-hold': 'proposed',
  superseded: 'superseded',
  deprecated: 'deprecated',
  rejected: 'rejected',
  declined: 'rejected',
  withdrawn: 'rejected',
  reverted: 'rejected',
};

/** The status class of a record's normalised status word. */
export function statusClass(status: string | null | undefined): GraphStatus {
  if (status == null) return 'unknown';
  const key = statusKey(status);
  return Object.hasOwn(STATUS_CLASS, key) ? STATUS_CLASS[key]! : 'unknown';
}

interface RawLink {
  relation: GraphRelation;
  /** True when the link is written on the older record ("Superseded by"): the edge runs the other way. */
  back: boolean;
  link: Pick<DocLink, 'target' | 'number' | 'line'> | RelatedLink;
}

function linksOf(e: IndexEntry): RawLink[] {
  return [
    ...e.supersedes.map((link) => ({ relation: 'supersedes' as const, back: false, link })),
    ...e.supersededBy.map((link) => ({ relation: 'supersedes' as const, back: true, link })),
    ...(e.amends ?? []).map((link) => ({ relation: 'amends' as const, back: false, link })),
    ...(e.amendedBy ?? []).map((link) => ({ relation: 'amends' as const, back: true, link })),
    ...(e.relatesTo ?? []).map((link) => ({ relation: 'relates-to' as const, back: false, link })),
  ];
}

/** Build the graph of the ADRs in `index` (design docs and repeated paths are ignored). */
export function buildDecisionGraph(index: readonly IndexEntry[], options: GraphOptions = {}): DecisionGraph {
  const lookup = recordLookup(index as IndexEntry[]);
  const entries = [...lookup.adrs].sort(compareEntries);
  const idOf = new Map<string, string>();
  const nodes = new Map<string, GraphNode>();
  entries.forEach((e, i) => {
    const id = `n${i + 1}`;
    idOf.set(e.path, id);
    nodes.set(id, {
      id,
      path: e.path,
      folder: collectionFolder(e.path),
      ...(e.number !== undefined ? { number: e.number } : {}),
      // As the health table and the reminders name it: the title's number first, then the file's.
      label: recordLabel(e.path, e.number),
      title: cut(recordTitleText(e.path, e.title, e.number), TITLE_LIMIT),
      status: statusClass(e.status),
      folded: [],
    });
  });

  let edges: GraphEdge[] = [];
  const broken: BrokenEdge[] = [];
  for (const e of entries) {
    const view: RecordView = { lookup, self: e };
    const self = idOf.get(e.path)!;
    for (const { relation, back, link } of linksOf(e)) {
      // A web link cannot be followed; a number several records of the folder share cannot say which it means.
      if (isExternal(link.target) || isAmbiguousNumberLink(link, e.path, view)) continue;
      const found = resolveInView(link, e.path, view);
      if (!found) {
        broken.push({ from: self, relation: writtenRelation(relation, back), target: link.target, line: link.line });
        continue;
      }
      const other = idOf.get(found.path)!;
      if (other === self) continue;
      edges.push(back ? { from: other, to: self, relation } : { from: self, to: other, relation });
    }
  }
  edges = dedupeEdges(edges);
  // A record another one supersedes is superseded, whatever its own status line still says.
  for (const edge of edges) {
    const target = nodes.get(edge.to)!;
    if (edge.relation === 'supersedes' && (target.status === 'unknown' || target.status === 'accepted')) target.status = 'superseded';
  }

  const focus = options.focus ? new Set(options.focus.map((p) => idOf.get(p)).filter((id): id is string => id !== undefined)) : undefined;
  let folded = 0;
  if (options.collapseSuperseded ?? !focus) {
    const result = foldChains(nodes, edges, broken, focus);
    edges = result.edges;
    folded = result.folded;
  }
  let kept = [...nodes.values()];
  if (focus) kept = neighbourhood(kept, edges, broken, focus);
  const total = entries.length;
  const capped = cap(kept, edges, broken, options.maxNodes ?? DEFAULT_MAX_NODES, focus);
  const keptIds = new Set(capped.map((n) => n.id));
  return {
    nodes: capped,
    edges: edges.filter((e) => keptIds.has(e.from) && keptIds.has(e.to)),
    broken: broken.filter((b) => keptIds.has(b.from)),
    total,
    folded,
    omitted: omittedOf(kept.filter((n) => !keptIds.has(n.id))),
  };
}

function writtenRelation(relation: GraphRelation, back: boolean): BrokenEdge['relation'] {
  if (!back) return relation;
  return relation === 'supersedes' ? 'superseded-by' : 'amended-by';
}

/** The drawn records by the folder that numbers them, folders in the nodes' order: a subgraph or cluster each. */
export function nodesByFolder(graph: DecisionGraph): { folder: string; title: string; nodes: GraphNode[] }[] {
  const folders = new Map<string, GraphNode[]>();
  for (const node of graph.nodes) folders.set(node.folder, [...(folders.get(node.folder) ?? []), node]);
  return [...folders].map(([folder, nodes]) => ({ folder, title: folder === '.' ? '(repository root)' : folder, nodes }));
}

function compareEntries(a: IndexEntry, b: IndexEntry): number {
  const fa = collectionFolder(a.path);
  const fb = collectionFolder(b.path);
  if (fa !== fb) return fa < fb ? -1 : 1;
  const na = a.fileNumber ?? a.number ?? Infinity;
  const nb = b.fileNumber ?? b.number ?? Infinity;
  if (na !== nb) return na < nb ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * One edge per pair and relation; a "relates to" link is dropped where the two
 * records already supersede or amend one another, and is drawn once whichever
 * side wrote it.
 */
function dedupeEdges(edges: GraphEdge[]): GraphEdge[] {
  const strong = new Set<string>();
  const seen = new Set<string>();
  const out: GraphEdge[] = [];
  for (const e of edges) if (e.relation !== 'relates-to') strong.add(pairKey(e.from, e.to));
  for (const e of edges) {
    const key = e.relation === 'relates-to' ? `r:${pairKey(e.from, e.to)}` : `${e.relation}:${e.from}>${e.to}`;
    if (seen.has(key) || (e.relation === 'relates-to' && strong.has(pairKey(e.from, e.to)))) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * Fold each superseded record that only takes part in supersede links, and
 * has exactly one successor, into that successor (following the chain to the
 * first record that stands). Its edges move to the successor; loops vanish.
 */
function foldChains(
  nodes: Map<string, GraphNode>,
  edges: GraphEdge[],
  broken: BrokenEdge[],
  focus: ReadonlySet<string> | undefined,
): { edges: GraphEdge[]; folded: number } {
  const successors = new Map<string, string[]>();
  const other = new Set<string>();
  for (const e of edges) {
    if (e.relation === 'supersedes') successors.set(e.to, [...(successors.get(e.to) ?? []), e.from]);
    else {
      other.add(e.from);
      other.add(e.to);
    }
  }
  for (const b of broken) other.add(b.from);
  const parent = new Map<string, string>();
  for (const [id, list] of successors) {
    if (list.length !== 1 || other.has(id) || focus?.has(id)) continue;
    if (nodes.get(id)!.status !== 'superseded') continue;
    parent.set(id, list[0]!);
  }
  const root = (id: string): string => {
    const seen = new Set<string>([id]);
    let at = id;
    for (let next = parent.get(at); next !== undefined; next = parent.get(at)) {
      // A loop of records superseding one another: nothing is folded into a loop.
      if (seen.has(next)) return id;
      seen.add(next);
      at = next;
    }
    return at;
  };
  let folded = 0;
  const roots = new Map<string, string>();
  for (const id of parent.keys()) {
    const r = root(id);
    if (r === id) continue;
    roots.set(id, r);
  }
  // Oldest first in each successor's list: the node order is the log's numbering.
  for (const node of nodes.values()) {
    const r = roots.get(node.id);
    if (r === undefined) continue;
    nodes.get(r)!.folded.push(node.label);
    nodes.delete(node.id);
    folded += 1;
  }
  const moved = edges
    .map((e) => ({ ...e, from: roots.get(e.from) ?? e.from, to: roots.get(e.to) ?? e.to }))
    .filter((e) => e.from !== e.to);
  return { edges: dedupeEdges(moved), folded };
}

/** The focus records and every record one link away from them. */
function neighbourhood(nodes: GraphNode[], edges: GraphEdge[], broken: BrokenEdge[], focus: ReadonlySet<string>): GraphNode[] {
  const near = new Set(focus);
  for (const e of edges) {
    if (focus.has(e.from)) near.add(e.to);
    if (focus.has(e.to)) near.add(e.from);
  }
  // A focus record with no link at all is no picture; one with only broken links still is.
  const linked = new Set([...edges.flatMap((e) => [e.from, e.to]), ...broken.map((b) => b.from)]);
  return nodes.filter((n) => near.has(n.id) && linked.has(n.id));
}

const CLOSED_CLASSES: ReadonlySet<GraphStatus> = new Set(['superseded', 'deprecated', 'rejected']);

/** The `max` nodes to draw: focus records, then linked ones, then those that stand, then the newest. */
function cap(nodes: GraphNode[], edges: GraphEdge[], broken: BrokenEdge[], max: number, focus: ReadonlySet<string> | undefined): GraphNode[] {
  if (nodes.length <= max) return nodes;
  const degree = new Map<string, number>();
  for (const e of edges) for (const id of [e.from, e.to]) degree.set(id, (degree.get(id) ?? 0) + 1);
  for (const b of broken) degree.set(b.from, (degree.get(b.from) ?? 0) + 1);
  const order = nodes.map((n, position) => ({ n, position }));
  order.sort(
    (a, b) =>
      Number(focus?.has(b.n.id) ?? false) - Number(focus?.has(a.n.id) ?? false) ||
      Number((degree.get(b.n.id) ?? 0) > 0) - Number((degree.get(a.n.id) ?? 0) > 0) ||
      Number(CLOSED_CLASSES.has(a.n.status)) - Number(CLOSED_CLASSES.has(b.n.status)) ||
      b.position - a.position,
  );
  const keep = new Set(order.slice(0, max).map((o) => o.n.id));
  return nodes.filter((n) => keep.has(n.id));
}

function omittedOf(nodes: GraphNode[]): DecisionGraph['omitted'] {
  const counts = new Map<GraphStatus, number>();
  for (const n of nodes) counts.set(n.status, (counts.get(n.status) ?? 0) + 1);
  return {
    count: nodes.length,
    byStatus: [...counts].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count || (a.status < b.status ? -1 : 1)),
  };
}
