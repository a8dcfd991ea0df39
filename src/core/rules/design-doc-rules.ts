import { checklistCustom } from './checklist-custom.js';
import type { ReviewRule } from './define-rule.js';
import { designCrossCutting } from './design-cross-cutting.js';
import { designFailureModes } from './design-failure-modes.js';
import { designFiveQuestions } from './design-five-questions.js';
import { designPillars } from './design-pillars.js';
import { designRollout } from './design-rollout.js';
import { designTradeOffs } from './design-trade-offs.js';

/** The design-doc checks (and the user-checklist check, which also runs on ADRs), in report order. */
export const designDocRules: ReviewRule[] = [
  designPillars,
  designFiveQuestions,
  designFailureModes,
  designRollout,
  designCrossCutting,
  designTradeOffs,
  checklistCustom,
];
