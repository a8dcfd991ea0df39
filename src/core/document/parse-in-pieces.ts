/**
 * Parse a long document piece by piece (cut before top-level headings,
 * piece-starts.ts) and stitch the trees into the one a whole parse gives.
 *
 * Why it is the same tree: block parsing reads lines forward, so a piece that
 * starts where the whole parse is at the top level parses its lines as the
 * whole parse does, up to its end, where it closes what is open. Each cut is
 * proved before it is used. Every cut follows a blank line, which closes a
 * paragraph, table, heading or rule as surely as the end of the piece does;
 * any other last block (fenced code or HTML that may still be open, a list or
 * quote whose last item may hold either) is parsed again with the heading
 * after the cut, from the block's first line, and the cut holds when that
 * gives the same two nodes. Front matter (the only construct that looks ahead
 * without bound) must close in the first piece; definitions, which resolve
 * across the document, come from piece-definitions.ts. Whatever does not hold
 * returns undefined, and the caller parses the document whole.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { definedIdentifiers, definitionPreamble, sameIdentifiers, type Preamble } from './piece-definitions.js';
import { BLANK_LINE, FRONT_MATTER_FENCE } from './piece-starts.js';

type Parse = (source: string) => Root;

/** Blocks the blank line before every cut closes: their cut needs no second parse. */
const CLOSED_BY_BLANK_LINE = new Set(['paragraph', 'heading', 'table', 'thematicBreak']);

/** Where a parsed text's first character sits in the document. */
interface Origin {
  line: number;
  offset: number;
}

/**
 * The whole document's tree, parsed in pieces starting at `starts` (line
 * starts after 0), or undefined when a cut or a definition does not hold.
 */
export function parseInPieces(source: string, starts: readonly number[], parse: Parse): Root | undefined {
  const preamble = definitionPreamble(source);
  // Every piece reads the preamble: thousands of definitions would make that more than the document.
  if (preamble && preamble.text.length * (starts.length + 1) > source.length) return undefined;
  const bounds = [0, ...starts, source.length];
  const pieces: RootContent[][] = [];
  const defined = new Set<string>();
  let line = 1;
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const text = source.slice(bounds[i], bounds[i + 1]);
    // The first piece may open with front matter, so its definitions follow it; the others' come first.
    const children = parsePiece(text, { line, offset: bounds[i]! }, preamble, i === 0 ? 'after' : 'before', parse);
    if (!children) return undefined;
    if (i === 0 && FRONT_MATTER_FENCE.test(source) && !['yaml', 'toml'].includes(children[0]?.type ?? '')) return undefined;
    definedIdentifiers(children, defined);
    pieces.push(children);
    line += lineEndings(text);
  }
  if (!sameIdentifiers(defined, preamble ? definedIdentifiers(parse(preamble.text).children) : new Set())) return undefined;
  for (let i = 0; i + 1 < pieces.length; i += 1) {
    if (!cutHolds(source, bounds[i + 1]!, pieces[i]!, pieces[i + 1]!, preamble, parse)) return undefined;
  }
  return {
    type: 'root',
    children: pieces.flat(),
    position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(source, line) },
  };
}

/**
 * A piece's top-level nodes in document positions, the preamble's definitions
 * dropped; undefined when the preamble did not parse as its own definitions
 * apart from the piece (an unclosed fence at the end of the first piece would
 * swallow it).
 */
function parsePiece(text: string, origin: Origin, preamble: Preamble | undefined, place: 'before' | 'after', parse: Parse): RootContent[] | undefined {
  if (!preamble) return move(parse(text), origin).children;
  if (place === 'before') {
    const tree = move(parse(preamble.text + text), { line: origin.line - preamble.lines, offset: origin.offset - preamble.text.length });
    const own = tree.children.slice(preamble.count);
    return tree.children.slice(0, preamble.count).every((node) => isPreambleNode(node, origin.offset, 'before')) &&
      own.every((node) => (node.position?.start.offset ?? -1) >= origin.offset)
      ? own
      : undefined;
  }
  const tree = move(parse(`${text}\n\n${preamble.text}`), origin);
  const end = origin.offset + text.length;
  const own = tree.children.slice(0, tree.children.length - preamble.count);
  return tree.children.slice(own.length).every((node) => isPreambleNode(node, end, 'after')) &&
    own.every((node) => (node.position?.end.offset ?? Infinity) <= end)
    ? own
    : undefined;
}

/** A preamble definition, wholly before (or after) the piece's text at `offset`. */
function isPreambleNode(node: RootContent, offset: number, place: 'before' | 'after'): boolean {
  if (node.type !== 'definition' && node.type !== 'footnoteDefinition') return false;
  return place === 'before' ? (node.position?.end.offset ?? Infinity) <= offset : (node.position?.start.offset ?? -1) >= offset;
}

/**
 * The cut at `cut`, before `next`, holds when `next` starts there with a
 * heading and either a blank line just before the cut closed the last block
 * of `piece`, or that block and the heading, parsed together from the
 * block's first line, are the same two nodes.
 */
function cutHolds(source: string, cut: number, piece: RootContent[], next: RootContent[], preamble: Preamble | undefined, parse: Parse): boolean {
  const heading = next[0];
  if (heading?.type !== 'heading' || heading.position?.start.offset !== cut) return false;
  const block = piece[piece.length - 1];
  if (!block || (CLOSED_BY_BLANK_LINE.has(block.type) && followsBlankLine(source, cut))) return true;
  const start = block.position?.start;
  const headingEnd = heading.position?.end.offset;
  if (start?.offset === undefined || headingEnd === undefined) return false;
  const windowStart = start.offset - (start.column - 1);
  const lineEnd = source.indexOf('\n', headingEnd);
  const text = source.slice(windowStart, lineEnd === -1 ? source.length : lineEnd + 1);
  const window = move(parse(preamble ? `${text}\n\n${preamble.text}` : text), { line: start.line, offset: windowStart });
  return (
    window.children.length === 2 + (preamble?.count ?? 0) &&
    isDeepStrictEqual(window.children[0], block) &&
    isDeepStrictEqual(window.children[1], heading)
  );
}

/** Whether the line before the line starting at `cut` is blank. */
function followsBlankLine(source: string, cut: number): boolean {
  if (cut < 2 || source[cut - 1] !== '\n') return false;
  const lineStart = source.lastIndexOf('\n', cut - 2) + 1;
  return BLANK_LINE.test(source.slice(lineStart, cut - 1));
}

/** Line endings as micromark counts them: CRLF, CR and LF are one each. */
function lineEndings(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count += 1;
  }
  return count;
}

/** The point after the document's last character, on line `lastLine`. */
function endOf(source: string, lastLine: number): Point {
  const lastBreak = Math.max(source.lastIndexOf('\n'), source.lastIndexOf('\r'));
  return { line: lastLine, column: source.length - lastBreak, offset: source.length };
}

/** The tree with every position moved from line 1, offset 0 to `origin`, in place. */
function move(tree: Root, origin: Origin): Root {
  if (origin.line !== 1 || origin.offset !== 0) for (const child of tree.children) moveNode(child, origin);
  return tree;
}

function moveNode(node: RootContent, origin: Origin): void {
  // New point objects: a point two nodes share must not move twice.
  if (node.position) node.position = movedPosition(node.position, origin);
  if ('children' in node) for (const child of node.children) moveNode(child, origin);
}

function movedPosition(position: Position, origin: Origin): Position {
  const { start, end } = position;
  return {
    start: { line: start.line + origin.line - 1, column: start.column, offset: (start.offset ?? 0) + origin.offset },
    end: { line: end.line + origin.line - 1, column: end.column, offset: (end.offset ?? 0) + origin.offset },
  };
}
