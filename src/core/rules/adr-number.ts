/**
 * adr-number: an ADR's title number agrees with its file number, and no other
 * record in the same folder has its number (the record whose path sorts first
 * keeps it; each other one is told to move). Gaps in the numbering happen
 * (abandoned drafts, renumbered branches) and are not findings; duplicates,
 * usually two branches that took the same next number, are. In a pull request
 * (the App) an ADR the change adds is also checked against the numbers other
 * open pull requests add, since both branches look clean until both merge.
 */
import { posix } from 'node:path';
import { toIndexEntry, type IndexEntry } from '../document/model.js';
import { collectionFolder, isDateNumber, recordNumber } from '../rule-helpers/adr-folder.js';
import { titleLine } from '../rule-helpers/adr-sections.js';
import type { AdrNumberClaim } from '../review-model.js';
import { defineRule, type ChangeNumbering } from '../rule-helpers/define-rule.js';
import { recordLookup } from '../rule-helpers/record-lookup.js';
import { compareStrings } from '../compare-strings.js';

/** Digits of the number in the record's file (or folder) name, for zero padding. */
function numberWidth(path: string): number {
  const base = posix.basename(path);
  const name = /^(?:readme|index)\./i.test(base) ? posix.basename(posix.dirname(path)) : base;
  const m = /\d+/.exec(name);
  return m ? m[0].length : 1;
}

/** The open pull requests' claims on `number` in `folder` (a folder numbers on its own). */
function claimsIn(numbering: ChangeNumbering | undefined, number: number, folder: string): readonly AdrNumberClaim[] {
  return (numbering?.claims.get(number) ?? []).filter((c) => collectionFolder(c.path) === folder);
}

/** Every number other open pull requests add in `folder`. */
function claimedNumbersIn(numbering: ChangeNumbering | undefined, folder: string): number[] {
  if (!numbering) return [];
  return [...numbering.claims].filter(([, claims]) => claims.some((c) => collectionFolder(c.path) === folder)).map(([n]) => n);
}

/** Who else has an added ADR's number: records in the folder (this pull request's marked), then other open pull requests. */
function takenBy(duplicates: IndexEntry[], added: ReadonlySet<string>, claims: readonly AdrNumberClaim[]): string {
  const parts: string[] = [];
  const used = duplicates.map((e) => (added.has(e.path) ? `\`${e.path}\` (in this pull request)` : `\`${e.path}\``));
  if (used.length > 0) parts.push(`already used by ${used.join(', ')}`);
  if (claims.length > 0) parts.push(`also added by ${claims.map((c) => `#${c.pull} (\`${c.path}\`)`).join(', ')}`);
  return parts.join(' and ');
}

/**
 * The records of a folder that must move to a number of their own, in path
 * order: every record that shares its number with one whose path sorts first.
 * The k-th is told the k-th free number, so no two are told the same one.
 */
function recordsToMove(entries: readonly IndexEntry[]): string[] {
  const kept = new Set<number>();
  const moving: string[] = [];
  for (const e of [...entries].sort((a, b) => compareStrings(a.path, b.path))) {
    const n = recordNumber(e);
    if (n === undefined) continue;
    if (kept.has(n)) moving.push(e.path);
    else kept.add(n);
  }
  return moving;
}

export const adrNumber = defineRule(
  {
    id: 'adr-number',
    description: 'An ADR number matches its file name and is unique in its folder and among open pull requests.',
    help: 'Links and supersede chains name records by number: keep the title number equal to the file number, and give each record its own number. Two branches often take the same next number; in a pull request, a new ADR whose number another open pull request (or the base branch) already adds is told the next free number: renumber it before merging.',
    appliesTo: ['adr'],
    defaultSeverity: 'error',
    scope: 'repository',
    messages: {
      'title-file-mismatch': 'Title number {{title}} does not match file number {{file}}: make them equal (rename the file or fix the title)',
      'number-taken': 'ADR number {{number}} is {{takenBy}}; the next free number is {{next}}',
      'duplicate-elsewhere': 'Duplicate ADR number {{number}}, also used by {{others}}: renumber one of them to {{free}}',
      'duplicate-here': 'Duplicate ADR number {{number}}: `{{first}}` has it first (by file name){{also}}; renumber this record to {{free}}',
    },
  },
  ({ doc, index, numbering, reviewed }, report) => {
    const self = toIndexEntry(doc);
    const fileNumber = doc.fileNumber;
    const titleNumber = doc.titleNumber;
    const place = titleNumber
      ? { line: titleNumber.line, column: titleNumber.column }
      : { line: titleLine(doc), column: doc.title?.column ?? 1 };
    if (titleNumber && fileNumber !== undefined && !isDateNumber(fileNumber) && titleNumber.value !== fileNumber) {
      report('title-file-mismatch', { title: titleNumber.value, file: fileNumber }, place);
    }
    const number = recordNumber(self);
    if (number === undefined) return;
    const folder = collectionFolder(doc.path);
    const added = numbering?.added.has(doc.path) ?? false;
    // From the per-review index (by number, then folder), so a large folder stays linear.
    const lookup = recordLookup(index);
    let duplicates = (lookup.byNumber.get(number) ?? []).filter((e) => e.path !== doc.path && lookup.folderOf.get(e) === folder);
    // When the change is known, the ADR it adds carries the finding; the existing record it collides with is not nagged.
    if (numbering && !added) duplicates = duplicates.filter((e) => !numbering.added.has(e.path));
    // Other pull requests' numbers matter only to an ADR this change adds: a renamed or edited record keeps its number.
    const claims = added ? claimsIn(numbering, number, folder) : [];
    if (duplicates.length === 0 && claims.length === 0) return;
    const siblings = (lookup.byFolder.get(folder) ?? []).filter((e) => e.path !== doc.path);
    // Free means neither a file nor a title uses it, here or in another open pull request.
    const used = [self, ...siblings].flatMap((e) => [e.fileNumber, e.number]).filter((n) => n !== undefined && !isDateNumber(n));
    const max = Math.max(number, ...(used as number[]), ...claimedNumbersIn(numbering, folder));
    const width = fileNumber !== undefined ? numberWidth(doc.path) : 1;
    const padded = (n: number): string => String(n).padStart(width, '0');
    if (added) {
      report('number-taken', { number: padded(number), takenBy: takenBy(duplicates, numbering!.added, claims), next: padded(max + 1) }, place);
      return;
    }
    // No change to blame (the CLI, or records a pull request only edits): the record whose path sorts first
    // keeps the number and each other one is told to move, to a number of its own across the whole folder,
    // so a group of duplicates is reported once per record that must change, not once per record.
    const group = [doc.path, ...duplicates.map((e) => e.path)].sort(compareStrings);
    const rank = group.indexOf(doc.path);
    const folderRecords = [self, ...siblings.filter((e) => !numbering?.added.has(e.path))];
    // The k-th record of the folder that must move is told the k-th free number; only the first is the next one.
    const freeFor = (path: string): string => {
      const k = recordsToMove(folderRecords).indexOf(path);
      if (k <= 0) return `${padded(max + 1)} (the next free number)`;
      const taken = k === 1 ? padded(max + 1) : `${padded(max + 1)} to ${padded(max + k)}`;
      return `${padded(max + 1 + k)} (free: ${taken} ${k === 1 ? 'goes' : 'go'} to the record${k === 1 ? '' : 's'} before it that must move too)`;
    };
    if (rank === 0) {
      // The records that must move are not reviewed here (`check` on named files judges them against the
      // folder): they cannot carry the finding, so the named record says it, likely the one just written.
      const unreviewed = group.slice(1).filter((p) => reviewed !== undefined && !reviewed.has(p));
      if (unreviewed.length === 0 || unreviewed.length !== group.length - 1) return;
      report('duplicate-elsewhere', { number, others: unreviewed.map((p) => `\`${p}\``).join(', '), free: freeFor(unreviewed[0]!) }, place);
      return;
    }
    const alsoUsing = group.slice(1).filter((p) => p !== doc.path);
    const also = alsoUsing.length > 0 ? `, and ${alsoUsing.map((p) => `\`${p}\``).join(', ')} also ${alsoUsing.length === 1 ? 'has' : 'have'} it` : '';
    report('duplicate-here', { number, first: group[0]!, also, free: freeFor(doc.path) }, place);
  },
);
