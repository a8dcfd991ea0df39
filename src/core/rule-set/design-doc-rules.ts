import { checklistCustom } from '../rules/checklist-custom.js';
import type { ReviewRule } from '../rule-helpers/define-rule.js';
import { designCrossCutting } from '../rules/design-cross-cutting.js';
import { designFailureModes } from '../rules/design-failure-modes.js';
import { designFiveQuestions } from '../rules/design-five-questions.js';
import { designPillars } from '../rules/design-pillars.js';
import { designRollout } from '../rules/design-rollout.js';
import { designTradeOffs } from '../rules/design-trade-offs.js';

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
