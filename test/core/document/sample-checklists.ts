import type { Checklists } from '../../../src/core/checklists/types.js';

/** A small checklist literal for parser tests (the real one is loaded from checklists/*.yml). */
export const sampleChecklists: Checklists = {
  pillars: [],
  questions: [],
  rigor: {
    type1Cues: ['primary database', 'public api contract'],
    type2Cues: ['formatter', 'ci tool'],
    type1Requires: [],
  },
  mistakes: [],
  triggerCategories: [
    { id: 'scale', name: 'Scale', cues: ['traffic', 'tps', 'users'], examples: [], revisits: 'compute model' },
    { id: 'cost', name: 'Cost', cues: ['spend', 'cost', '$'], examples: [], revisits: 'sizing' },
    { id: 'calendar', name: 'Calendar', cues: ['every', 'months'], examples: [], revisits: 'everything' },
  ],
  concreteHint: 'a threshold with a unit, a date or a duration',
  vaguePhrases: ['when we grow', 'revisit later', 'if needed', 'as appropriate'],
  concerns: [],
  custom: [],
  lenses: [],
};
