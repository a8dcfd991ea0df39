/**
 * The document-scope checks of an ADR, in documentation order (the order of
 * the README's rule list). `front-matter-yaml` applies to design docs too.
 */
import { adrConsequences } from '../rules/adr-consequences.js';
import { adrContext } from '../rules/adr-context.js';
import { adrDate } from '../rules/adr-date.js';
import { adrDecision } from '../rules/adr-decision.js';
import { adrMatrixWeights } from '../rules/adr-matrix-weights.js';
import { adrOptions } from '../rules/adr-options.js';
import { adrPlaceholders } from '../rules/adr-placeholders.js';
import { adrRevisitTriggers } from '../rules/adr-revisit-triggers.js';
import { adrStatus } from '../rules/adr-status.js';
import { adrTitle } from '../rules/adr-title.js';
import { adrTradeOffs } from '../rules/adr-trade-offs.js';
import { adrType1Rigor } from '../rules/adr-type-1-rigor.js';
import type { ReviewRule } from '../rule-helpers/define-rule.js';
import { frontMatterYaml } from '../rules/front-matter-yaml.js';

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
