/**
 * Definitions for a document parsed in pieces. A link reference (`[text][x]`)
 * or footnote call (`[^1]`) is one only when the document defines its label
 * (`[x]: url`, `[^1]: text`), anywhere: a piece that does not hold the
 * definition would read the reference as plain text. So every piece is parsed
 * after a preamble that defines every label the document's lines define, and
 * the preamble's nodes are dropped. Which labels a document defines is known
 * only after the parse: parse-in-pieces.ts compares the pieces' own
 * definitions with the preamble's and parses the document whole when they
 * differ (a label that spans lines, a definition-like line in a code block).
 * Only the labels matter: reference nodes carry the label, not the URL.
 */
import type { Nodes } from 'mdast';
import { withoutHtmlComments } from './html-comments.js';

/** `[label]:` at a line's start, after quote and list markers. */
const DEFINITION_LINE = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*[ \t]*\[((?:[^[\]\\\r\n]|\\.){1,999})\]:/gm;

/** Text that defines labels, put before a piece: `count` definitions, each followed by a blank line. */
export interface Preamble {
  text: string;
  count: number;
  /** Lines the preamble takes, its blank line included. */
  lines: number;
}

/** The preamble defining every label the document's lines seem to define; undefined when none does. */
export function definitionPreamble(source: string): Preamble | undefined {
  if (!source.includes(']:')) return undefined;
  const labels = new Set<string>();
  // Templates keep example definitions in HTML comments, which define nothing.
  const text = source.includes('<!--') ? withoutHtmlComments(source) : source;
  for (const match of text.matchAll(DEFINITION_LINE)) labels.add(match[1]!);
  if (labels.size === 0) return undefined;
  // A footnote definition needs content (`x`: `#` would be a heading), and a blank line after it, or the next line continues it.
  const lines = [...labels].map((label) => (label.startsWith('^') ? `[${label}]: x` : `[${label}]: #`));
  return { text: `${lines.join('\n\n')}\n\n`, count: lines.length, lines: 2 * lines.length };
}

/** The identifiers a tree defines, footnotes marked with `^`, in any order. */
export function definedIdentifiers(nodes: readonly Nodes[], into: Set<string> = new Set()): Set<string> {
  for (const node of nodes) {
    if (node.type === 'definition') into.add(node.identifier);
    else if (node.type === 'footnoteDefinition') into.add(`^${node.identifier}`);
    if ('children' in node) definedIdentifiers(node.children, into);
  }
  return into;
}

/** Whether two sets hold the same identifiers. */
export function sameIdentifiers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}
