import type { DocKind } from '../document/model.js';
import type { DecisionRigor, TriggerCategoryDef } from '../document/parse-vocabulary.js';

export type { DecisionRigor, TriggerCategoryDef };

/**
 * The checklists after loading and validation (`load-checklists.ts`): plain
 * data, structured-cloneable so worker threads receive it as is.
 * Cues are lower-case phrases matched on word boundaries against section text.
 */

/** One Well-Architected pillar (checklists/well-architected.yml). */
export interface Pillar {
  id: string;
  name: string;
  question: string;
  practices: string[];
  /** Phrases whose presence is evidence the doc addresses the pillar. */
  cues: string[];
  /** Broad words of the pillar ("cost", "retry"): the doc thought of it, but that is not evidence it is addressed. */
  mentions?: string[];
}

/** One of the five questions behind any decision (checklists/trade-offs.yml). */
export interface FiveQuestion {
  id: 'problem' | 'constraints' | 'options' | 'trade-offs' | 'recommendation';
  text: string;
  /** Section keys whose non-empty presence answers the question. */
  sections: string[];
  /** Heading phrases: a non-empty section whose heading contains one (as whole words) answers the question. */
  headings?: string[];
  cues: string[];
}

/** A common mistake a reviewer flags, with the phrases that show it. */
export interface Mistake {
  id: string;
  text: string;
  phrases: string[];
}

/** A cross-cutting concern for design docs (checklists/cross-cutting.yml). */
export interface Concern {
  id: string;
  name: string;
  /** Heading phrases: a non-empty section whose heading contains one (as whole words) is about the concern. */
  headings?: string[];
  cues: string[];
}

/** A user checklist: items checked against documents of the given kinds. */
export interface CustomChecklist {
  id: string;
  name: string;
  file: string;
  appliesTo: DocKind[];
  items: { id: string; text: string; cues: string[]; severity: 'error' | 'warning' }[];
}

/** AWS Well-Architected risk levels (WA Tool question risk). */
export type LensRisk = 'HIGH' | 'MEDIUM' | 'NONE' | 'NOT_APPLICABLE' | 'UNANSWERED';

/** An AWS Well-Architected custom lens (schemaVersion 2021-11-01), reduced to what the review uses. */
export interface Lens {
  id: string;
  name: string;
  file: string;
  pillars: {
    id: string;
    name: string;
    questions: {
      id: string;
      title: string;
      choices: { id: string; title: string; cues: string[]; none: boolean }[];
      /** Conditions in lens syntax (`choice_a && !choice_b`, `default`) and their risk. */
      riskRules: { condition: string; risk: 'HIGH_RISK' | 'MEDIUM_RISK' | 'NO_RISK' }[];
    }[];
  }[];
}

/** Everything the checks read from `checklists/` and the user's extra files. */
export interface Checklists {
  pillars: Pillar[];
  questions: FiveQuestion[];
  rigor: DecisionRigor;
  mistakes: Mistake[];
  triggerCategories: TriggerCategoryDef[];
  /** What makes a trigger concrete, shown in messages. */
  concreteHint: string;
  vaguePhrases: string[];
  concerns: Concern[];
  custom: CustomChecklist[];
  lenses: Lens[];
}
