/**
 * "Related" links between records, for the decision graph: "Relates to
 * [ADR-3](0003-x.md)", "See also ADR-7", "Refined by …", "Depends on ADR-2",
 * front matter `related:` / `relates-to:` / `see-also:`, and the links listed
 * under a "Related decisions" / "See also" / "Links" heading. Unlike after a
 * supersede phrase, a bare number is never a target here ("depends on 3
 * services"): only a record file or an ADR-like name is.
 */
import type { RelatedLink, Section } from './model.js';
import type { FrontMatter } from './front-matter.js';
import { frontMatterKeyLine } from './front-matter.js';
import { targetAt, withoutQueryOrFragment, type TargetAt } from './links.js';

const PHRASE =
  /(?<![\p{L}])(relates?[\s-]+to|related(?:[\s-]+(?:to|adrs?|decisions?|records?))?|see[\s-]+also|refined[\s-]+by|refines|depends[\s-]+on|extended[\s-]+by|extends)(?![\p{L}])(?:\s*(?:\*\*|__|\*|_))?\s*:?(?:\s*(?:\*\*|__))?\s*/giu;
const SEPARATOR = /^\s*(?:,|&|\/|\band\b)\s*/i;
/** Headings whose list names related records. */
const RELATED_HEADING = /^(?:related(?:\s+(?:adrs?|decisions?|records?|documents?|links))?|see\s+also|links)\s*:?$/i;
/** How much text after a phrase or `[` holds a target (UTF-16 units): bounded so a hostile line stays linear. */
const TARGET_WINDOW = 1000;
const FRONT_MATTER_KEYS = new Set(['related', 'relates-to', 'related-to', 'see-also', 'related-adrs', 'related-decisions']);

/** A target names a record when it is a record file or an ADR-like name, never a bare number. */
function namesRecord(t: TargetAt): boolean {
  if (t.bare) return false;
  return t.number !== undefined || /\.(?:md|markdown|mdx)$/i.test(withoutQueryOrFragment(t.target));
}

/** Related links in source lines outside code (`skip[line]` set), by phrase and under "Related" headings. */
export function scanRelatedLinks(lines: string[], skip: Uint8Array, sections: readonly Section[]): RelatedLink[] {
  const found: RelatedLink[] = [];
  const listed = new Uint8Array(lines.length + 2);
  for (const s of sections) {
    if (!RELATED_HEADING.test(s.heading.trim())) continue;
    for (let line = s.line + 1; line <= Math.min(s.endLine, lines.length); line += 1) listed[line] = 1;
  }
  for (let i = 0; i < lines.length; i += 1) {
    if (skip[i + 1]) continue;
    const text = lines[i]!;
    if (listed[i + 1]) {
      found.push(...everyTarget(text, i + 1));
      continue;
    }
    if (!/relat|see|refine|depend|extend/i.test(text)) continue;
    PHRASE.lastIndex = 0;
    for (let m = PHRASE.exec(text); m; m = PHRASE.exec(text)) found.push(...targetsAfter(text, m.index + m[0].length, i + 1));
  }
  return dedupeRelated(found);
}

/** The targets written one after another from `start` ("ADR-3, ADR-4 and [ADR-9](…)"). */
function targetsAfter(text: string, start: number, line: number): RelatedLink[] {
  const out: RelatedLink[] = [];
  let rest = text.slice(start, start + TARGET_WINDOW);
  let column = start + 1;
  for (;;) {
    const t = targetAt(rest);
    if (!t || !namesRecord(t)) break;
    out.push(related(t, line, column));
    rest = rest.slice(t.length);
    column += t.length;
    const sep = SEPARATOR.exec(rest);
    if (!sep) break;
    rest = rest.slice(sep[0].length);
    column += sep[0].length;
  }
  return out;
}

/** Every record target on a line of a "Related" list: each markdown link and ADR-like name. */
function everyTarget(text: string, line: number): RelatedLink[] {
  const out: RelatedLink[] = [];
  const starts = /\[|\b(?:ADR|RFC)[-_ ]?#?\d/gi;
  for (let m = starts.exec(text); m; m = starts.exec(text)) {
    const t = targetAt(text.slice(m.index, m.index + TARGET_WINDOW));
    if (!t || !namesRecord(t)) continue;
    out.push(related(t, line, m.index + 1));
    starts.lastIndex = m.index + t.length;
  }
  return out;
}

function related(t: TargetAt, line: number, column: number): RelatedLink {
  return { target: t.target, ...(t.number !== undefined ? { number: t.number } : {}), line, column };
}

/** Links from front matter `related:` / `relates-to:` / `see-also:` (a string or a list). */
export function frontMatterRelatedLinks(fm: FrontMatter): RelatedLink[] {
  const found: RelatedLink[] = [];
  if (!fm.data) return found;
  for (const key of Object.keys(fm.data)) {
    if (!FRONT_MATTER_KEYS.has(key.toLowerCase().replace(/[_\s]/g, '-'))) continue;
    const line = frontMatterKeyLine(fm, [key]);
    const values = Array.isArray(fm.data[key]) ? (fm.data[key] as unknown[]) : [fm.data[key]];
    for (const value of values) {
      if (typeof value !== 'string') continue;
      const t = targetAt(value.trim());
      if (t && namesRecord(t)) found.push(related(t, line, 1));
    }
  }
  return found;
}

/** One link per record named: a list item and a sentence often both name it. */
export function dedupeRelated(links: RelatedLink[]): RelatedLink[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const id = String(l.number ?? l.target.toLowerCase());
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
