import type { RecordSearch } from '../document/record-search.js';

/**
 * The notice for a repository scan that found no ADR or design doc. "✔ no
 * problems in 0 files reviewed" read as a pass when nothing had been looked
 * at; this says what was looked for and which settings point the review
 * elsewhere. Every output carries it: stderr as text, the JSON report as
 * `noRecords`, SARIF as a tool notification.
 */

/** The config keys that tell the review where records live. */
export const RECORD_PATH_SETTINGS = ['paths.adr', 'paths.designDoc'] as const;

/** What the outputs say when a repository scan found no record. */
export interface NoRecordsNotice {
  /** One line: what happened and what to do. */
  message: string;
  lookedFor: RecordSearch;
  /** The settings that point the review elsewhere. */
  settings: readonly string[];
  /** The config file those settings go in. */
  configPath: string;
}

/** The notice for a scan of `configPath`'s repository that found no record. */
export function noRecordsNotice(lookedFor: RecordSearch, configPath: string): NoRecordsNotice {
  return {
    message: `No ADR or design doc found: nothing was reviewed. Set paths.adr or paths.designDoc in ${configPath} to the folders that hold your records, or name them: design-review check <folder>.`,
    lookedFor,
    settings: [...RECORD_PATH_SETTINGS],
    configPath,
  };
}

/** The notice as lines for stderr, ending with a newline. */
export function noRecordsText(notice: NoRecordsNotice): string {
  const lines = [
    `design-review: ${notice.message}`,
    'Looked for:',
    `  ADRs in ${notice.lookedFor.adr.join(', ')}`,
    `  design docs in ${notice.lookedFor.designDoc.join(', ')}`,
    ...notice.lookedFor.layouts.map((l) => `  ${l}`),
    `For example, in ${notice.configPath}:`,
    '  paths:',
    "    adr: ['architecture/records/**']",
    "    designDoc: ['specs/**']",
  ];
  return `${lines.join('\n')}\n`;
}
