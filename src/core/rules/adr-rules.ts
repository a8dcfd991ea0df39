/**
 * The document-scope checks of an ADR, in documentation order (the order of
 * the README's rule list). `front-matter-yaml` applies to design docs too.
 */
import adrConsequences from './adr-consequences.js';
import adrContext from './adr-context.js';
import adrDate from './adr-date.js';
import adrDecision from './adr-decision.js';
import adrMatrixWeights from './adr-matrix-weights.js';
import adrOptions from './adr-options.js';
import adrPlaceholders from './adr-placeholders.js';
import adrRevisitTriggers from './adr-revisit-triggers.js';
import adrStatus from './adr-status.js';
import adrTitle from './adr-title.js';
import adrTradeOffs from './adr-trade-offs.js';
import adrType1Rigor from './adr-type-1-rigor.js';
import type { ReviewRule } from './define-rule.js';
import frontMatterYaml from './front-matter-yaml.js';

/** Document-scope checks of ADRs (and `front-matter-yaml`, which checks every kind). */
export const adrRules: ReviewRule[] = [
  frontMatterYaml,
  adrTitle,
  adrStatus,
  adrDate,
  adrContext,
  adrDecision,
  adrOptions,
  adrConsequences,
  adrTradeOffs,
  adrRevisitTriggers,
  adrType1Rigor,
  adrMatrixWeights,
  adrPlaceholders,
];
