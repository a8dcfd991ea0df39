/**
 * Supersede and amend links: "Superseded by [ADR-0020](0020-x.md)",
 * "Supersedes ADR 3", "Replaces ADR-2", "Amends [ADR-7](0007-x.md)", "Amended
 * by ADR-9", in the status, a metadata line or bullet, and front matter
 * `superseded-by:` / `supersedes:` / `replaces:` / `amends:` / `amended-by:`.
 * The number comes from the target file name, else its text.
 */
import type { DocLink } from './model.js';
import type { FrontMatter } from './front-matter.js';
import { frontMatterKeyLine } from './front-matter.js';
import { numberFromFileName, numberInTitle } from './title.js';

const PHRASE =
  /(?<![\p{L}])(superseded[\s-]+by|superceded[\s-]+by|replaced[\s-]+by|remplac[ée]e?s?\s+par|amended[\s-]+by|supersedes|supercedes|replaces|remplace|amends)(?![\p{L}])(?:\s*(?:\*\*|__|\*|_))?\s*:?(?:\s*(?:\*\*|__))?\s*/giu;
// One target: a markdown link, a reference link, "ADR-0020" / "RFC 12", a bare number, or a .md path.
// The lookahead `(?=[^)]*\))` fails a link with no `)` at once: without it, `[x](` and 200,000
// letters backtracked quadratically through `([^)\s>]*)>?[^)]*`. With a `)` ahead the greedy
// first try always succeeds, so the lookahead changes no match.
const TARGET =
  /^(?:\[([^\]]*)\]\((?=[^)]*\))\s*<?([^)\s>]*)>?[^)]*\)|\[([^\]]+)\](?:\[[^\]]*\])?|((?:ADR|RFC)[-_ ]?#?\d{1,6})(?!\d)|#?(\d{1,6})(?![\d-])|([\w./-]+\.md)\b)/i;
const SEPARATOR = /^\s*(?:,|&|\/|\band\b|\bet\b)\s*/i;
/**
 * How much text after a phrase holds its targets (UTF-16 units): a few links
 * fit easily. Bounding it keeps a line of 100,000 "supersedes [" linear, where
 * each phrase would otherwise scan the rest of the line for a `]`.
 */
const TARGETS_WINDOW = 1000;

/** The links of a record by relation: supersede links both ways, and amend links both ways. */
export interface RecordLinks {
  supersedes: DocLink[];
  supersededBy: DocLink[];
  amends: DocLink[];
  amendedBy: DocLink[];
}

/** The relation a link phrase states ("Superseded by", "Amends", "Replaces"…). */
function relationOf(phrase: string): DocLink['relation'] {
  const amend = phrase.startsWith('amend');
  const back = /by|par/.test(phrase);
  if (amend) return back ? 'amended-by' : 'amends';
  return back ? 'superseded-by' : 'supersedes';
}

/** The list of `links` that holds links of `relation`. */
export function listFor(links: RecordLinks, relation: DocLink['relation']): DocLink[] {
  if (relation === 'supersedes') return links.supersedes;
  if (relation === 'superseded-by') return links.supersededBy;
  return relation === 'amends' ? links.amends : links.amendedBy;
}

/** Supersede and amend links of both directions found in source lines outside code (`skip[line]` set). */
export function scanLinks(lines: string[], skip: Uint8Array): RecordLinks {
  const found: RecordLinks = { supersedes: [], supersededBy: [], amends: [], amendedBy: [] };
  for (let i = 0; i < lines.length; i += 1) {
    if (skip[i + 1]) continue;
    const text = lines[i]!;
    // Cheap filter: most lines say neither.
    if (!/supers|superc|replac|remplac|amend/i.test(text)) continue;
    PHRASE.lastIndex = 0;
    for (let m = PHRASE.exec(text); m; m = PHRASE.exec(text)) {
      const phrase = m[1]!.toLowerCase();
      const relation = relationOf(phrase);
      // "replaced by a queue", "amends the retry policy": prose; only an ADR-like target makes a link.
      const weak = /replac|remplace$|amend/.test(phrase);
      let rest = text.slice(m.index + m[0].length, m.index + m[0].length + TARGETS_WINDOW);
      let column = m.index + m[0].length + 1;
      for (;;) {
        const t = TARGET.exec(rest);
        if (!t) break;
        const link = linkFrom(relation, t, i + 1, column);
        // "replaced by a queue" is prose; only an ADR-like target makes it a link.
        if (link && (!weak || link.number !== undefined)) listFor(found, relation).push(link);
        rest = rest.slice(t[0].length);
        column += t[0].length;
        const sep = SEPARATOR.exec(rest);
        if (!sep) break;
        rest = rest.slice(sep[0].length);
        column += sep[0].length;
      }
    }
  }
  return {
    supersedes: dedupe(found.supersedes),
    supersededBy: dedupe(found.supersededBy),
    amends: dedupe(found.amends),
    amendedBy: dedupe(found.amendedBy),
  };
}

function linkFrom(relation: DocLink['relation'], t: RegExpExecArray, line: number, column: number): DocLink | undefined {
  const [, linkText, url, refText, adrId, bare, mdPath] = t;
  let target: string;
  let number: number | undefined;
  if (url !== undefined) {
    target = url === '' ? linkText ?? '' : url;
    number = numberOfTarget(url) ?? numberOfText(linkText ?? '');
  } else if (refText !== undefined) {
    target = refText;
    number = numberOfText(refText);
  } else if (adrId !== undefined) {
    target = adrId;
    number = numberOfText(adrId);
  } else if (bare !== undefined) {
    target = t[0].trim();
    number = Number(bare);
  } else {
    target = mdPath ?? '';
    number = numberOfTarget(target);
  }
  if (target === '') return undefined;
  const link: DocLink = { relation, target, line, column };
  if (number !== undefined) link.number = number;
  return link;
}

/** A link target read at the start of a text: what `scanLinks` reads after a phrase. */
export interface TargetAt {
  target: string;
  number?: number;
  /** UTF-16 length of the target as written. */
  length: number;
  /** True for a bare number (`3`, `#12`): a link only after a supersede phrase, a count anywhere else. */
  bare: boolean;
}

/** The link target written at the start of `text` (a markdown link, `ADR-12`, a number or a `.md` path), if any. */
export function targetAt(text: string): TargetAt | undefined {
  const t = TARGET.exec(text);
  if (!t) return undefined;
  const link = linkFrom('supersedes', t, 1, 1);
  if (!link) return undefined;
  return { target: link.target, ...(link.number !== undefined ? { number: link.number } : {}), length: t[0].length, bare: t[5] !== undefined };
}

/** The ADR number a link target (file path or URL) names, from its file or folder name. */
export function numberOfTarget(target: string): number | undefined {
  const path = withoutQueryOrFragment(target);
  if (!/\.(?:md|markdown|mdx)$|\/$/i.test(path) && !/^\d/.test(path)) return undefined;
  return numberFromFileName(path.replace(/\/$/, ''));
}

/**
 * A link target without its `?query` or `#fragment`: exactly what
 * `.replace(/[?#].*$/, '')` gave (cut at the first `?` or `#` with no line
 * break after it), without its quadratic rescans of `????…` before a break.
 */
export function withoutQueryOrFragment(target: string): string {
  const lastBreak = Math.max(...['\n', '\r', '\u2028', '\u2029'].map((c) => target.lastIndexOf(c)));
  const cut = target.slice(lastBreak + 1).search(/[?#]/);
  return cut === -1 ? target : target.slice(0, lastBreak + 1 + cut);
}

/** The ADR number named by a link text ("ADR-0020", "2. Foo", "0020", "#12"). */
export function numberOfText(text: string): number | undefined {
  const bare = /^\s*#?0*(\d{1,6})\s*$/.exec(text);
  if (bare) return Number(bare[1]);
  return numberInTitle(text);
}

const FRONT_MATTER_RELATIONS: Record<string, DocLink['relation']> = {
  supersedes: 'supersedes',
  replaces: 'supersedes',
  'superseded-by': 'superseded-by',
  supersededby: 'superseded-by',
  'replaced-by': 'superseded-by',
  amends: 'amends',
  'amended-by': 'amended-by',
  amendedby: 'amended-by',
};

/** Links from front matter `supersedes:` / `superseded-by:` / `replaces:` / `amends:` / `amended-by:` (a string or a list). */
export function frontMatterLinks(fm: FrontMatter): RecordLinks {
  const found: RecordLinks = { supersedes: [], supersededBy: [], amends: [], amendedBy: [] };
  if (!fm.data) return found;
  for (const key of Object.keys(fm.data)) {
    const norm = key.toLowerCase().replace(/[_\s]/g, '-');
    const relation = Object.hasOwn(FRONT_MATTER_RELATIONS, norm) ? FRONT_MATTER_RELATIONS[norm] : undefined;
    if (!relation) continue;
    const line = frontMatterKeyLine(fm, [key]);
    const values = Array.isArray(fm.data[key]) ? (fm.data[key] as unknown[]) : [fm.data[key]];
    for (const value of values) {
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const text = String(value).trim();
      if (text === '') continue;
      const t = TARGET.exec(text);
      const link = t ? linkFrom(relation, t, line, 1) : undefined;
      listFor(found, relation).push(link ?? { relation, target: text, line, column: 1 });
    }
  }
  return found;
}

/** Drop repeated links to the same target (a status line and a body line often both name it). */
export function dedupe(links: DocLink[]): DocLink[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const id = `${l.relation}:${l.number ?? l.target.toLowerCase()}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
