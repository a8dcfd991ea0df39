/**
 * Title and numbers: the first depth-1 heading (or front matter `title`), the
 * number written in it (`# 12. Use X`, `# ADR-0012: Use X`) and the number in
 * the file or folder name (`0012-use-x.md`, `adr-012-x.md`, `0012-x/README.md`).
 */
import type { Located } from './model.js';
import type { Block } from './sections.js';

/** The first top-level depth-1 heading as the title. */
export function titleFromBlocks(blocks: Block[]): Located<string> | undefined {
  for (const block of blocks) {
    if (block.node.type === 'heading' && block.node.depth === 1) {
      const value = block.text.replace(/\s+/g, ' ').trim();
      if (value !== '') return { value, line: block.line, column: block.column };
    }
  }
  return undefined;
}

/** The ADR number written at the start of a title, when any. */
export function numberInTitle(title: string): number | undefined {
  // With a prefix (ADR-0012, ADR 12, RFC #12) any separator will do.
  // Each optional separator takes the spaces before it, so no two `\s*` meet: `\s*[-_#:]?\s*#?\s*`
  // backtracked cubically on a long run of spaces.
  const prefixed = /^\s*(?:ADR|RFC|DR|AD|Decision)\s*(?:[-_#:]\s*)?(?:#\s*)?(\d{1,6})(?!\d)(?![-/.]\d)/i.exec(title);
  if (prefixed) return Number(prefixed[1]);
  // Bare numbers need punctuation ("12. Use X", "12 - Use X") or leading zeros ("0012 Use X"),
  // so "2023 roadmap" or "2023-05-02 notes" do not count.
  const punct = /^\s*(\d{1,6})\s*(?:[.:)]|\s[-–—])\s*(?=\D)/.exec(title);
  if (punct) return Number(punct[1]);
  const padded = /^\s*(0\d{1,5})\s+\S/.exec(title);
  if (padded) return Number(padded[1]);
  return undefined;
}

/** The ADR number in a file or folder name (`0012-slug.md`, `ABC-012-slug.md`, `0012-slug/README.md`); not dates. */
export function numberFromFileName(path: string): number | undefined {
  const parts = path.replace(/\\/g, '/').split('/').filter((p) => p !== '');
  let name = parts[parts.length - 1] ?? '';
  // One folder per decision: the folder carries the number.
  if (/^(?:readme|index)\.(?:md|markdown|mdx)$/i.test(name) && parts.length > 1) name = parts[parts.length - 2]!;
  // 20200925-slug and 2023-05-02-slug are dates, not numbers.
  if (/^(?:19|20)\d{2}-?[01]\d-?[0-3]\d(?:[-_.]|$)/.test(name)) return undefined;
  const m = /^(?:[A-Za-z]{1,10}[-_]?)?(\d{1,6})(?=[-_.]|$)/.exec(name);
  return m ? Number(m[1]) : undefined;
}
