import type { DocKind, TriggerKind } from './document/model.js';
import type { LensRisk } from './checklists/types.js';

/** Whether a document addresses a Well-Architected pillar. */
export interface PillarCoverage {
  id: string;
  name: string;
  /** `mentioned`: only a broad word of the pillar ("cost", "retry") appears; not addressed, not missing either. */
  state: 'addressed' | 'mentioned' | 'not-applicable' | 'missing';
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

/** What a design doc designs, and why the review thinks so (design-kind.ts). */
export interface DesignCoverage {
  /** `system`: a running system, reviewed against the pillars; `change`: a change to a language, library, API, format or process. */
  kind: 'system' | 'change';
  source: 'front-matter' | 'config' | 'signals';
  reason: string;
}

/** Per-document coverage report: what the review found, not only what is missing. */
export interface DocCoverage {
  path: string;
  kind: DocKind;
  /** Design docs only. A change has no pillars: they are questions for running systems. */
  design?: DesignCoverage;
  pillars: PillarCoverage[];
  questions: QuestionCoverage[];
  triggers: { total: number; byKind: Record<TriggerKind, number>; due: number };
  lenses: LensCoverage[];
}
