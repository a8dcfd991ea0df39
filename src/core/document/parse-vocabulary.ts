import type { TriggerCategory } from './model.js';

/**
 * What the parser reads with, from the checklists (src/core/checklists): the cues that tell a
 * Type 1 from a Type 2 decision, the trigger categories and their cues, the vague phrases.
 * Declared here, where it is read, so the document model depends on no checklist code; the
 * loaded `Checklists` has these fields and is passed as is.
 */

/** Rigor expected of Type 1 and Type 2 decisions, and the cues that classify them. */
export interface DecisionRigor {
  type1Cues: string[];
  type2Cues: string[];
  type1Requires: string[];
}

/** One revisit-trigger category (checklists/revisit-triggers.yml). */
export interface TriggerCategoryDef {
  id: TriggerCategory;
  name: string;
  cues: string[];
  /** Words in a record's own text that point to this category, for drafting its triggers. */
  recordCues?: string[];
  examples: string[];
  revisits: string;
}

/** The part of the checklists the parser reads. */
export interface ParseVocabulary {
  rigor: DecisionRigor;
  triggerCategories: TriggerCategoryDef[];
  vaguePhrases: string[];
}
