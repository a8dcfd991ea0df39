import type { Html, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { MarkerNode } from '../review-model.js';

const LINT_COMMENT = /^<!--\s*lint\b/;

/** Collect `<!-- lint ... -->` comments and the node after each, so repository checks can honour them later. */
export function collectMarkers(tree: Root): MarkerNode[] {
  const markers: MarkerNode[] = [];
  visit(tree, 'html', (node: Html, index, parent) => {
    if (!LINT_COMMENT.test(node.value) || !node.position) return;
    const next = index === undefined ? undefined : parent?.children[index + 1]?.position;
    markers.push({
      value: node.value,
      start: { ...node.position.start },
      end: { ...node.position.end },
      next: next ? { start: { ...next.start }, end: { ...next.end } } : undefined,
    });
  });
  return markers;
}

/**
 * A tree holding only the lint comments and the nodes after them, enough for
 * unified's message control to apply disable/enable/ignore after the real tree
 * is gone (repository checks run once every document is parsed, maybe in
 * another thread). The root has a start offset and no end offset so message
 * control sees no gaps between the nodes.
 */
export function markerTree(markers: MarkerNode[]): Root {
  const children: RootContent[] = [];
  for (const m of markers) {
    children.push({ type: 'html', value: m.value, position: { start: m.start, end: m.end } });
    if (m.next) {
      const start = { ...m.next.start, offset: m.end.offset ?? 0 };
      const end = { ...m.next.end, offset: m.end.offset ?? 0 };
      children.push({ type: 'paragraph', children: [], position: { start, end } });
    }
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1 } } };
}

/** A stand-in source with at least `lines` lines of `width` columns, so points map to offsets. */
export function blankSource(lines: number, width: number): string {
  return `${' '.repeat(Math.max(1, width))}\n`.repeat(Math.max(1, lines));
}
