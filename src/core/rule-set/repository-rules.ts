/**
 * The repository-scope checks: they run after every document is parsed and
 * read the index of the repository's ADRs (numbers, supersede links).
 */
import { adrNumber } from '../rules/adr-number.js';
import { adrSupersedeLinks } from '../rules/adr-supersede-links.js';
import type { ReviewRule } from '../rule-helpers/define-rule.js';

/** Checks across the ADRs of a repository. */
export const repositoryRules: ReviewRule[] = [adrNumber, adrSupersedeLinks];
