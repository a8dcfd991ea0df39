/**
 * Status: read from front matter, a `## Status` section or a `Status:` field
 * line, then normalised to one lifecycle word (domain.md section 8: real
 * statuses read `**Accepted**`, `Accepted (PR #2897)`, `2020-03-25 accepted`,
 * `Superseded by [ADR-0020](...)` or the template's unfilled guidance).
 */
import type { Status, StatusWord } from './model.js';
import { parseDateText } from './dates.js';
import { stripInlineMarkdown } from './markdown-inline.js';

/** Status words (English and French MADR) and the lifecycle word each means. */
const STATUS_WORDS: [RegExp, StatusWord][] = [
  // "Merged" (the record's pull request was merged) and "agreed" mean accepted in real logs.
  [word('accepted', 'accept[ée]e?s?', 'adopt[ée]e?s?', 'agreed', 'merged', 'merg[ée]e?s?'), 'accepted'],
  // Its own word: a vocabulary may list `approved` (nats' template does) without `accepted`.
  [word('approved', 'approuv[ée]e?s?'), 'approved'],
  [word('proposed', 'propos[ée]e?s?', 'proposal'), 'proposed'],
  [word('rejected', 'rejet[ée]e?s?', 'refus[ée]e?s?', 'refused'), 'rejected'],
  [word('declined'), 'declined'],
  [word('deprecated', 'd[ée]pr[ée]ci[ée]e?s?', 'obsol[eè]te'), 'deprecated'],
  [word('superseded', 'superceded', 'remplac[ée]e?s?', 'replaced'), 'superseded'],
  [word('draft', 'brouillon'), 'draft'],
  [word('implemented', 'impl[ée]ment[ée]e?s?'), 'implemented'],
  [word('pending', 'en attente'), 'pending'],
  [word('in[- ]review', 'under review', 'en revue'), 'in-review'],
  [word('on[- ]hold'), 'on-hold'],
  [word('withdrawn', 'retir[ée]e?s?', 'abandoned', 'cancell?ed'), 'withdrawn'],
  [word('reverted'), 'reverted'],
  [word('amended', 'amend[ée]e?s?'), 'amended'],
];

/**
 * The lifecycle words of decisions that no longer stand: no revisit triggers
 * are asked of them (the rules) and none is reminded (the reminders).
 */
export const CLOSED_STATUSES: ReadonlySet<string> = new Set<StatusWord>(['rejected', 'declined', 'superseded', 'deprecated', 'withdrawn', 'reverted']);

/** A case-insensitive regex for whole words; Unicode-aware so "accepté" ends a word. */
function word(...alternatives: string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/** Normalised reading of a status text. */
export interface StatusReading {
  normalized: string | null;
  placeholder: boolean;
  date?: string;
  /**
   * True when a lifecycle word starts the text (within its first few words):
   * the text reads as a status, not as prose that happens to sit under a
   * `## Status` heading ("The `Status` interface gets a new property").
   */
  known?: boolean;
}

/** How far into a status text its lifecycle word may start (`**2020-03-25** — Accepted`). */
const KNOWN_WITHIN = 40;

/** Normalise a status as written to its first lifecycle word, flagging the template's unfilled guidance. */
export function normalizeStatus(raw: string): StatusReading {
  const text = stripInlineMarkdown(raw);
  if (isStatusPlaceholder(raw, text)) return { normalized: null, placeholder: true };
  let best: { index: number; word: StatusWord } | undefined;
  for (const [re, word] of STATUS_WORDS) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { index: m.index, word };
  }
  const date = parseDateText(text)?.iso;
  const reading: StatusReading = { normalized: null, placeholder: false };
  if (date) reading.date = date;
  if (best) {
    reading.normalized = best.word;
    if (best.index <= KNOWN_WITHIN) reading.known = true;
  } else {
    // Unknown words are kept (first word) so the rule can say which word it did not expect.
    const first = /[\p{L}][\p{L}\p{N}-]*/u.exec(text);
    reading.normalized = first ? first[0].toLowerCase() : null;
  }
  return reading;
}

function isStatusPlaceholder(raw: string, text: string): boolean {
  if (text === '') return true;
  // `text` is trimmed; `\s*[.:]?\s*$` here backtracked quadratically on a run of spaces.
  if (/^(?:TODO|TBD|TBA|FIXME|N\/A|status)(?:\s*[.:])?$/i.test(text.trim())) return true;
  // "{status}", "<status>", "{{ status }}"
  if (/^\s*(?:\{[^}]*\}|<[^>]*>|\{\{[^}]*\}\})\s*$/.test(raw.trim())) return true;
  // MADR 2: "[proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)]"
  if (isBracketedChoice(raw.trim())) return true;
  // MADR 3: "What is the status, such as proposed, accepted, rejected, deprecated, superseded, etc.?"
  if (/\bsuch as\b|\bone of\b|\be\.g\.|\betc\b|\?\s*$/i.test(text) && countStatusWords(text) >= 2) return true;
  // A list of alternatives is guidance, not a status: "proposed | accepted | rejected".
  if (/\|/.test(text) && countStatusWords(text) >= 2) return true;
  return countStatusWords(text) >= 4;
}

/**
 * True for `[a | b]` on one line: what `/^\s*\[.*\|.*\]\s*$/` tested on trimmed
 * text, without its quadratic backtracking over `[` followed by 200,000 `|`.
 */
function isBracketedChoice(text: string): boolean {
  if (text.length < 3 || !text.startsWith('[') || !text.endsWith(']')) return false;
  const inner = text.slice(1, -1);
  return inner.includes('|') && !/[\n\r\u2028\u2029]/.test(inner);
}

function countStatusWords(text: string): number {
  let n = 0;
  for (const [re] of STATUS_WORDS) if (re.test(text)) n += 1;
  return n;
}

/** A status built from text as written, at a place, from a source. */
export function statusFrom(
  raw: string,
  line: number,
  column: number,
  source: Status['source'],
): Status {
  const reading = normalizeStatus(raw);
  const status: Status = {
    raw: raw.trim(),
    normalized: reading.normalized,
    placeholder: reading.placeholder,
    source,
    line,
    column,
  };
  if (reading.date) status.date = reading.date;
  return status;
}

/**
 * The status of a template whose value is guidance, not a status: front
 * matter YAML read as a map (`status: {proposed | accepted | …}`). `raw` is the
 * text as written; nothing is normalised.
 */
export function placeholderStatus(raw: string, line: number, column: number, source: Status['source']): Status {
  return { raw: raw.trim(), normalized: null, placeholder: true, source, line, column };
}
