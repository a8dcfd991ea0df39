/**
 * The one markdown processor of the review. Built and frozen once at module
 * load so every document (and every worker) reuses the same parser.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { remarkGfmSyntax } from './gfm-syntax.js';
import { parseInPieces } from './parse-in-pieces.js';
import { pieceStarts } from './piece-starts.js';

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfmSyntax)
  .freeze();

/**
 * Parse markdown (with YAML/TOML front matter, and GFM as gfm-syntax.ts reads
 * it: tables, footnotes, strikethrough, task items) into an mdast
 * Root with positions. A long document is parsed in pieces cut before its
 * top-level headings when every cut is proved to give the same tree
 * (parse-in-pieces.ts): about a fifth less parsing CPU over the bench's
 * generated and real corpora (bench/parse-pieces.js).
 */
export function parseMarkdown(source: string): Root {
  const starts = pieceStarts(source);
  return (starts.length > 0 ? parseInPieces(source, starts, parseWhole) : undefined) ?? parseWhole(source);
}

/** Parse the document in one piece. */
export function parseWhole(source: string): Root {
  return processor.runSync(processor.parse(source)) as Root;
}
