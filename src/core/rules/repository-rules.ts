/**
 * The repository-scope checks: they run after every document is parsed and
 * read the index of the repository's ADRs (numbers, supersede links).
 */
import adrNumber from './adr-number.js';
import adrSupersedeLinks from './adr-supersede-links.js';
import type { ReviewRule } from './define-rule.js';

/** Checks across the ADRs of a repository. */
export const repositoryRules: ReviewRule[] = [adrNumber, adrSupersedeLinks];
