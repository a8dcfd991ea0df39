/**
 * Participants: who decided. Front matter `deciders` / `decision-makers` /
 * `participants` / `authors` (a string or a list), field lines
 * (`Deciders: a, b`) or the items of a participants section.
 */
import type { List } from 'mdast';
import type { Located } from './model.js';
import type { FieldLine } from './field-lines.js';
import type { FrontMatter } from './front-matter.js';
import { frontMatterKeyLine, scalarText } from './front-matter.js';
import { stripInlineMarkdown } from './markdown-inline.js';
import { plainText } from './plain-text.js';
import type { Block, SectionSpan } from './sections.js';
import { isGuidanceOnly } from './sections.js';

/** Front matter keys that name the people who decided. */
export const PARTICIPANT_KEYS = ['deciders', 'decision-makers', 'decision_makers', 'decisionMakers', 'participants', 'authors', 'author'];

/** Everyone named as decider or participant, deduplicated, in the order written. */
export function readParticipants(
  fm: FrontMatter,
  fields: FieldLine[],
  blocks: Block[],
  spans: SectionSpan[],
): Located<string>[] {
  const seen = new Set<string>();
  const out: Located<string>[] = [];
  const add = (name: string, line: number, column: number): void => {
    const value = stripInlineMarkdown(name).replace(/^[-*+]\s+/, '').replace(/[.;]$/, '').trim();
    if (value === '' || isGuidanceOnly(value) || /^(?:n\/a|none|-)$/i.test(value)) return;
    const id = value.toLowerCase();
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ value, line, column });
  };

  if (fm.data) {
    for (const key of Object.keys(fm.data)) {
      if (!PARTICIPANT_KEYS.some((k) => k.toLowerCase() === key.toLowerCase())) continue;
      const line = frontMatterKeyLine(fm, [key]);
      for (const [i, name] of namesOf(fm.data[key]).entries()) {
        // List items usually sit one per line under the key.
        const itemLine = Array.isArray(fm.data[key]) ? lineOfItem(fm, line, name) ?? line + i + 1 : line;
        add(name, itemLine, 1);
      }
    }
  }
  for (const f of fields) {
    if (f.field !== 'participants' || isGuidanceOnly(stripInlineMarkdown(f.value))) continue;
    for (const name of splitNames(f.value)) add(name, f.line, f.column);
  }
  for (const span of spans) {
    if (span.section.key !== 'participants') continue;
    for (let b = span.start + 1; b < span.end; b += 1) {
      const block = blocks[b]!;
      if (block.node.type === 'list') {
        for (const item of (block.node as List).children) {
          const first = item.children[0];
          const text = first ? plainText(first).split('\n')[0]! : '';
          add(text, item.position?.start.line ?? block.line, item.position?.start.column ?? block.column);
        }
      } else if (block.node.type === 'paragraph') {
        for (const name of splitNames(block.text)) add(name, block.line, block.column);
      }
    }
  }
  return out;
}

function namesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => namesOf(v));
  if (value && typeof value === 'object') {
    // `- name: Alice` entries
    const name = (value as Record<string, unknown>)['name'];
    return typeof name === 'string' ? [name] : [];
  }
  const text = scalarText(value);
  return text ? splitNames(text) : [];
}

/** Split "a, b and c" / "a; b" into names. */
function splitNames(text: string): string[] {
  return text
    // Parts are trimmed, so the separators need no `\s*` around them (which rescanned space runs).
    .split(/,|;|\band\b|&/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function lineOfItem(fm: FrontMatter, keyLine: number, name: string): number | undefined {
  const fence = fm.line ?? 1;
  for (let i = keyLine - fence - 1; i < fm.lines.length; i += 1) {
    if (fm.lines[i]!.includes(name)) return fence + 1 + i;
  }
  return undefined;
}
