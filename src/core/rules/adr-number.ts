/**
 * adr-number: an ADR's title number agrees with its file number, and no other
 * record in the same folder has its number. Gaps in the numbering happen
 * (abandoned drafts, renumbered branches) and are not findings; duplicates,
 * usually two branches that took the same next number, are.
 */
import { posix } from 'node:path';
import { toIndexEntry } from '../document/model.js';
import { collectionFolder, isDateNumber, recordNumber } from './adr-folder.js';
import { titleLine } from './adr-sections.js';
import { defineRule } from './define-rule.js';
import { recordLookup } from './record-lookup.js';

/** Digits of the number in the record's file (or folder) name, for zero padding. */
function numberWidth(path: string): number {
  const base = posix.basename(path);
  const name = /^(?:readme|index)\./i.test(base) ? posix.basename(posix.dirname(path)) : base;
  const m = /\d+/.exec(name);
  return m ? m[0].length : 1;
}

export default defineRule(
  {
    id: 'adr-number',
    description: 'An ADR number matches its file name and is unique in its folder.',
    help: 'Links and supersede chains name records by number: keep the title number equal to the file number, and give each record its own number (two branches often take the same next number; renumber one before merging).',
    appliesTo: ['adr'],
    defaultSeverity: 'error',
    scope: 'repository',
  },
  ({ doc, index }, report) => {
    const self = toIndexEntry(doc);
    const fileNumber = doc.fileNumber;
    const titleNumber = doc.titleNumber;
    const place = titleNumber
      ? { line: titleNumber.line, column: titleNumber.column }
      : { line: titleLine(doc), column: doc.title?.column ?? 1 };
    if (titleNumber && fileNumber !== undefined && !isDateNumber(fileNumber) && titleNumber.value !== fileNumber) {
      report(
        `Title number ${titleNumber.value} does not match file number ${fileNumber}: make them equal (rename the file or fix the title)`,
        place,
      );
    }
    const number = recordNumber(self);
    if (number === undefined) return;
    const folder = collectionFolder(doc.path);
    // From the per-review index (by number, then folder), so a large folder stays linear.
    const lookup = recordLookup(index);
    const duplicates = (lookup.byNumber.get(number) ?? []).filter((e) => e.path !== doc.path && lookup.folderOf.get(e) === folder);
    if (duplicates.length === 0) return;
    const siblings = (lookup.byFolder.get(folder) ?? []).filter((e) => e.path !== doc.path);
    // Free means neither a file nor a title uses it.
    const used = [self, ...siblings].flatMap((e) => [e.fileNumber, e.number]).filter((n) => n !== undefined && !isDateNumber(n));
    const max = Math.max(number, ...(used as number[]));
    const next = fileNumber !== undefined ? String(max + 1).padStart(numberWidth(doc.path), '0') : String(max + 1);
    const others = duplicates.map((e) => `\`${e.path}\``).join(', ');
    report(
      `Duplicate ADR number ${number}, also used by ${others}: renumber one of them to ${next} (the next free number)`,
      place,
    );
  },
);
