import type { Config } from '../../config/schema.js';
import { CLUSTER_SIZE } from './repository-layout.js';

/**
 * What the classifier looks for, in words a user can act on: the globs of
 * the config, the folders the repository declares, and the layouts found
 * from the listing. Said when a scan finds no record, so the user can tell
 * where the review looked and point it elsewhere.
 */

/** Where records were looked for. */
export interface RecordSearch {
  /** `paths.adr` globs, then the folders `.adr-dir` / `.log4brains.yml` declare (as globs). */
  adr: string[];
  /** `paths.designDoc` globs. */
  designDoc: string[];
  /** The layouts found from the repository listing and front matter, one sentence each. */
  layouts: string[];
}

/** The layouts every scan recognises besides the globs. */
export const LISTING_LAYOUTS = [
  `${CLUSTER_SIZE} or more ADR-named files (0001-slug.md, adr-001-slug.md, ADR-1.md) together at the repository root or in a folder named architecture`,
  `${CLUSTER_SIZE} or more proposals named A12-slug.md (capital letters, a number) at the repository root`,
  `NNNN-slug.md files in text/ (${CLUSTER_SIZE} or more), or in the folders of a repository with a 0000-template.md`,
  'any Markdown file whose front matter says type: adr or type: design-doc',
];

/** Describe the search a classifier with this config and these declared folders makes. */
export function describeRecordSearch(config: Config, adrDirs: readonly string[]): RecordSearch {
  return {
    adr: [...config.paths.adr, ...adrDirs.map((d) => `${d}/**`)],
    designDoc: [...config.paths.designDoc],
    layouts: [...LISTING_LAYOUTS],
  };
}
