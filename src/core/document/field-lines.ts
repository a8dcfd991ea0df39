/**
 * Field lines: metadata written as `Status: Accepted`, `* Date: 2020-01-01`,
 * `- **Deciders**: a, b`, `## Status: Accepted` or a `| Status | Accepted |`
 * table row. Read from the source lines (raw markdown kept) outside code.
 */

/** The fields the parser reads from field lines. */
export type FieldName = 'status' | 'date' | 'participants' | 'superseded-by' | 'supersedes' | 'revisit';

/** One field line: which field, its raw value and where the line starts. */
export interface FieldLine {
  field: FieldName;
  /** The key as written ("Last updated"). */
  key: string;
  /** Value as written (inline markdown kept). */
  value: string;
  line: number;
  column: number;
}

const KEYS: [RegExp, FieldName][] = [
  [/^(?:status|statut|current status|decision status)$/i, 'status'],
  [/^(?:date|last updated|updated|decision date|date of decision|decided on|decided|created|created on|date created)$/i, 'date'],
  [/^(?:deciders|decision[- ]makers|participants|authors?|décideurs|decided by|owners?)$/i, 'participants'],
  [/^(?:superseded[- ]by|replaced[- ]by|remplacée? par|amended[- ]by)$/i, 'superseded-by'],
  [/^(?:supersedes|replaces|remplace|amends)$/i, 'supersedes'],
  [/^(?:review date|revisit|revisit by|revisit date|revisit on|review by|next review)$/i, 'revisit'],
];

const KEY_TEXT =
  '(status|statut|current status|decision status|date|last updated|updated|decision date|date of decision|decided on|decided|created|created on|date created|deciders|decision[- ]makers|participants|authors?|décideurs|decided by|owners?|superseded[- ]by|replaced[- ]by|remplacée? par|amended[- ]by|supersedes|replaces|remplace|amends|review date|revisit|revisit by|revisit date|revisit on|review by|next review)';

// `- **Status**: Proposed`, `**Status:** Proposed`, `## Status: Accepted`, `> Status: x`
const FIELD_LINE = new RegExp(
  `^\\s{0,3}(?:>\\s*)*(?:#{1,6}\\s+)?(?:[-*+]\\s+|\\d+[.)]\\s+)?(?:\\*\\*|__|\\*|_)?${KEY_TEXT}(?:\\*\\*|__|\\*|_)?\\s*:(?:\\*\\*|__|\\*|_)?\\s*(.*?)\\s*\\\\?$`,
  'i',
);
// `| Status | Accepted |`
const FIELD_ROW = new RegExp(`^\\s*\\|\\s*(?:\\*\\*|__)?${KEY_TEXT}(?:\\*\\*|__)?\\s*:?\\s*\\|\\s*([^|]*?)\\s*(?:\\|.*)?$`, 'i');

/** Every field line of the source outside code blocks (`skip[line]` set), in document order. */
export function scanFieldLines(lines: string[], skip: Uint8Array): FieldLine[] {
  const found: FieldLine[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const lineNo = i + 1;
    if (skip[lineNo]) continue;
    const text = lines[i]!;
    // Cheap filter first: most lines of a long doc have neither ':' nor '|' near the start.
    if (text.length > 400) continue;
    const m = FIELD_LINE.exec(text) ?? FIELD_ROW.exec(text);
    if (!m) continue;
    const key = m[1]!;
    const value = m[2]!.trim();
    if (value === '') continue;
    const field = KEYS.find(([re]) => re.test(key))?.[1];
    if (!field) continue;
    found.push({ field, key, value, line: lineNo, column: text.search(/\S/) + 1 });
  }
  return found;
}

/** The first field line of a field, when any. */
export function firstField(fields: FieldLine[], field: FieldName): FieldLine | undefined {
  return fields.find((f) => f.field === field);
}
