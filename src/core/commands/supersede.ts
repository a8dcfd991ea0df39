import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../document/parse-markdown.js';

/**
 * The text edits of `/adr supersede`: the old record's status becomes
 * "Superseded by [ADR-N](…)" and the new record gains "Supersedes [ADR-M](…)".
 * Pure text transforms that touch only the status (front matter `status:`, a
 * `## Status` section, or a `Status:` field line, in that order, as the
 * review reads them), so the rest of the record stays byte for byte.
 */

/** A link to another record: `ADR-0007` and a path relative to the record that holds the link. */
export interface RecordLink {
  number: number;
  target: string;
}

/** The edited text, or why the edit could not be made. */
export type TextEdit = { ok: true; text: string } | { ok: false; reason: string };

const STATUS_HEADING = /^(status|statut|state)$/i;
// `(?![ \t])` keeps the blanks before the value whole: without it a long run of them before a
// line separator backtracked one at a time, rescanning the rest of the line each time.
const STATUS_FIELD = /^(\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:status|statut)(?:\*\*|__)?\s*:(?:\*\*|__)?[ \t]*)(?![ \t])(.*)$/i;
const FRONT_MATTER_STATUS = /^(status|statut)\s*:(.*)$/i;
/** A `superseded-by:` key (any spelling the review reads): MADR templates often carry it empty. */
const FRONT_MATTER_SUPERSEDED_BY = /^(superseded[-_ ]?by)\s*:/i;

/** `[ADR-0007](0007-use-x.md)`: the label holds no user text, so it needs no escaping. */
export function linkMarkdown(link: RecordLink): string {
  return `[ADR-${String(link.number).padStart(4, '0')}](${encodeURI(link.target)})`;
}

interface Layout {
  lines: string[];
  /** The text's line break (its first one; `\n` when it has none): joins the edited lines, so a CRLF file stays CRLF. */
  eol: string;
  frontMatter?: { start: number; end: number };
  headings: { line: number; depth: number; text: string }[];
  /** 0-based lines that hold paragraph text (where field lines live). */
  paragraphLines: Set<number>;
}

function layout(text: string): Layout {
  const source = text.replace(/\r\n?/g, '\n');
  const root: Root = parseMarkdown(source);
  const out: Layout = { lines: source.split('\n'), eol: /\r\n|\r|\n/.exec(text)?.[0] ?? '\n', headings: [], paragraphLines: new Set() };
  const walk = (node: Nodes): void => {
    const pos = node.position;
    if (node.type === 'yaml' && pos) out.frontMatter = { start: pos.start.line - 1, end: pos.end.line - 1 };
    if (node.type === 'heading' && pos) out.headings.push({ line: pos.start.line - 1, depth: node.depth, text: toString(node).trim() });
    if (node.type === 'paragraph' && pos) for (let l = pos.start.line - 1; l < pos.end.line; l += 1) out.paragraphLines.add(l);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(root);
  return out;
}

/** The status section's body lines: from after its heading to the next heading of the same or a higher level. */
function statusSection(l: Layout): { heading: number; start: number; end: number } | undefined {
  const at = l.headings.findIndex((h) => h.depth >= 2 && STATUS_HEADING.test(h.text.replace(/[*_:]/g, '').trim()));
  if (at === -1) return undefined;
  const heading = l.headings[at]!;
  const next = l.headings.slice(at + 1).find((h) => h.depth <= heading.depth);
  return { heading: heading.line, start: heading.line + 1, end: next === undefined ? l.lines.length : next.line };
}

function frontMatterStatus(l: Layout): number | undefined {
  if (!l.frontMatter) return undefined;
  for (let i = l.frontMatter.start + 1; i < l.frontMatter.end; i += 1) if (FRONT_MATTER_STATUS.test(l.lines[i]!)) return i;
  return undefined;
}

function fieldLine(l: Layout): number | undefined {
  for (const i of [...l.paragraphLines].sort((a, b) => a - b)) if (STATUS_FIELD.test(l.lines[i]!)) return i;
  return undefined;
}

/** Set the old record's status to "Superseded by" the new one; not-ok when it has no status or is superseded already. */
export function markSuperseded(text: string, successor: RecordLink): TextEdit {
  const l = layout(text);
  const status = `Superseded by ${linkMarkdown(successor)}`;
  const fm = frontMatterStatus(l);
  const section = statusSection(l);
  const field = fieldLine(l);
  const current =
    fm !== undefined
      ? FRONT_MATTER_STATUS.exec(l.lines[fm]!)![2]!
      : section !== undefined
        ? l.lines.slice(section.start, section.end).join(' ')
        : field !== undefined
          ? STATUS_FIELD.exec(l.lines[field]!)![2]!
          : undefined;
  if (current === undefined) return { ok: false, reason: 'it has no status to change (no `status:` front matter, `## Status` section or `Status:` line)' };
  if (/supersede|supercede/i.test(current)) return { ok: false, reason: 'it is superseded already' };
  const lines = [...l.lines];
  if (fm !== undefined) {
    // MADR writes the link in the status; the review reads front matter links from `superseded-by:`, so write both.
    // Quoted: the link's brackets would otherwise start a YAML flow sequence.
    const key = FRONT_MATTER_STATUS.exec(lines[fm]!)![1]!;
    const link = supersededByLine(l);
    if (link === undefined) {
      lines.splice(fm, 1, `${key}: ${yamlString(status)}`, `superseded-by: ${yamlString(successor.target)}`);
    } else {
      // A second `superseded-by:` would be a duplicate key, which makes the front matter invalid YAML:
      // set the one there (with its value's indented continuation lines, if any) instead.
      const linkKey = FRONT_MATTER_SUPERSEDED_BY.exec(lines[link.line]!)![1]!;
      // The status first: the splice may shift the lines after the link.
      lines[fm] = `${key}: ${yamlString(status)}`;
      lines.splice(link.line, link.count, `${linkKey}: ${yamlString(successor.target)}`);
    }
  } else if (section !== undefined) {
    lines.splice(section.start, section.end - section.start, '', status, ...(section.end < l.lines.length ? [''] : []));
  } else {
    lines[field!] = `${STATUS_FIELD.exec(lines[field!]!)![1]}${status}`;
  }
  return { ok: true, text: lines.join(l.eol) };
}

/** The front matter's `superseded-by:` line and how many lines its value spans (a block list or scalar below it). */
function supersededByLine(l: Layout): { line: number; count: number } | undefined {
  if (!l.frontMatter) return undefined;
  for (let i = l.frontMatter.start + 1; i < l.frontMatter.end; i += 1) {
    if (!FRONT_MATTER_SUPERSEDED_BY.test(l.lines[i]!)) continue;
    let end = i + 1;
    while (end < l.frontMatter.end && /^(\s+\S|-(\s|$))/.test(l.lines[end]!)) end += 1;
    return { line: i, count: end - i };
  }
  return undefined;
}

function yamlString(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** Add "Supersedes [ADR-M](…)" to the new record: in its status section, after its status line, or under its title. */
export function addSupersedesLink(text: string, predecessor: RecordLink): string {
  const l = layout(text);
  const line = `Supersedes ${linkMarkdown(predecessor)}`;
  const lines = [...l.lines];
  const section = statusSection(l);
  if (section !== undefined) {
    // After the section's last non-blank line, as its own paragraph.
    let last = section.end - 1;
    while (last > section.heading && lines[last]!.trim() === '') last -= 1;
    lines.splice(last + 1, 0, '', line);
    return lines.join(l.eol);
  }
  const field = fieldLine(l) ?? frontMatterStatus(l);
  if (field !== undefined && (l.frontMatter === undefined || field > l.frontMatter.end)) {
    lines.splice(field + 1, 0, '', line);
    return lines.join(l.eol);
  }
  const title = l.headings.find((h) => h.depth === 1);
  const at = title !== undefined ? title.line + 1 : l.frontMatter !== undefined ? l.frontMatter.end + 1 : 0;
  lines.splice(at, 0, '', line, '');
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n/g, l.eol);
}
