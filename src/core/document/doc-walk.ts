/**
 * One walk over the whole tree collecting what the extractors need
 * (paragraphs, text and HTML nodes, lines inside code), so no extractor
 * walks the tree again.
 */
import type { Html, Nodes, Paragraph, Text } from 'mdast';
import type { Block } from './sections.js';
import { plainText } from './plain-text.js';

/** A paragraph anywhere in the tree, with the top-level block that holds it. */
export interface ParagraphRef {
  node: Paragraph;
  block: number;
  text: string;
  line: number;
  column: number;
}

/** Nodes found by one walk, each tagged with its top-level block index. */
export interface DocWalk {
  paragraphs: ParagraphRef[];
  texts: { node: Text; block: number }[];
  htmls: { node: Html; block: number }[];
  /** 1 for lines inside code blocks, HTML blocks or front matter (indexed by 1-based line). */
  codeLines: Uint8Array;
}

/** Walk every block once, depth-first, collecting paragraphs, text and HTML nodes and code lines. */
export function walkDocument(blocks: Block[], lineCount: number, frontMatterEnd: number): DocWalk {
  const walk: DocWalk = { paragraphs: [], texts: [], htmls: [], codeLines: new Uint8Array(lineCount + 2) };
  for (let line = 1; line <= frontMatterEnd && line <= lineCount; line += 1) walk.codeLines[line] = 1;
  // An explicit stack: deeply nested lists or quotes must not overflow the call stack.
  const stack: { node: Nodes; block: number }[] = [];
  for (let b = blocks.length - 1; b >= 0; b -= 1) stack.push({ node: blocks[b]!.node, block: b });
  while (stack.length > 0) {
    const { node, block } = stack.pop()!;
    switch (node.type) {
      case 'paragraph':
        walk.paragraphs.push({
          node,
          block,
          text: plainText(node),
          line: node.position?.start.line ?? 1,
          column: node.position?.start.column ?? 1,
        });
        break;
      case 'text':
        walk.texts.push({ node, block });
        continue;
      case 'html':
        walk.htmls.push({ node, block });
        if (isBlockHtml(node)) markLines(walk.codeLines, node);
        continue;
      case 'code':
        markLines(walk.codeLines, node);
        continue;
      default:
        break;
    }
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i]!, block });
    }
  }
  return walk;
}

function isBlockHtml(node: Html): boolean {
  // Inline HTML starts mid-line; block HTML owns whole lines.
  return node.position !== undefined && node.position.start.line !== node.position.end.line;
}

function markLines(mask: Uint8Array, node: Nodes): void {
  const start = node.position?.start.line;
  const end = node.position?.end.line;
  if (start === undefined || end === undefined) return;
  for (let line = start; line <= end && line < mask.length; line += 1) mask[line] = 1;
}

/** Line and column of an offset inside a text node's value (values keep their newlines). */
export function placeInText(node: { position?: { start: { line: number; column: number } } }, value: string, index: number): { line: number; column: number } {
  const start = node.position?.start ?? { line: 1, column: 1 };
  let line = start.line;
  let lastBreak = -1;
  for (let i = value.indexOf('\n'); i !== -1 && i < index; i = value.indexOf('\n', i + 1)) {
    line += 1;
    lastBreak = i;
  }
  // Continuation lines lose their indentation in mdast values, so the column is approximate there.
  return { line, column: lastBreak === -1 ? start.column + index : index - lastBreak };
}
