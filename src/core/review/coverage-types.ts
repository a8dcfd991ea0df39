import type { DocKind, TriggerKind } from '../document/model.js';
import type { LensRisk } from '../checklists/types.js';

/** Whether a document addresses a Well-Architected pillar. */
export interface PillarCoverage {
  id: string;
  name: string;
  state: 'addressed' | 'not-applicable' | 'missing';
  /** Line of the evidence, or of the "not applicable" statement. */
  line?: number;
  /** The cue phrase found, or the reason given for "not applicable". */
  evidence?: string;
}

/** Whether a document answers one of the five questions. */
export interface QuestionCoverage {
  id: string;
  text: string;
  answered: boolean;
  line?: number;
}

/** Risk per question of an AWS Well-Architected custom lens. */
export interface LensCoverage {
  lens: string;
  questions: { pillar: string; id: string; title: string; risk: LensRisk; line?: number }[];
}

/** Per-document coverage report: what the review found, not only what is missing. */
export interface DocCoverage {
  path: string;
  kind: DocKind;
  pillars: PillarCoverage[];
  questions: QuestionCoverage[];
  triggers: { total: number; byKind: Record<TriggerKind, number>; due: number };
  lenses: LensCoverage[];
}
