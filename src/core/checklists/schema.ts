import { z } from 'zod';
import type { DocKind, SectionKey, TriggerCategory } from '../document/model.js';

/**
 * Zod schemas of the four built-in checklist files (`checklists/*.yml`) and of
 * user checklists. Objects are strict: an unknown key is almost always a typo,
 * and a typo in a checklist should fail loudly rather than silently check less.
 * Cues are trimmed and lower-cased here, once, so matchers never have to.
 */

// Records typed by the union force this list to stay exhaustive when model.ts changes.
const SECTION_KEY_SET: Record<SectionKey, true> = {
  status: true,
  date: true,
  participants: true,
  context: true,
  drivers: true,
  constraints: true,
  options: true,
  decision: true,
  rationale: true,
  consequences: true,
  'positive-consequences': true,
  'negative-consequences': true,
  'pros-cons': true,
  'trade-offs': true,
  revisit: true,
  'decision-record': true,
  risks: true,
  rollout: true,
  'failure-modes': true,
  'more-information': true,
  'alternatives-rejected': true,
  'well-architected': true,
};
const TRIGGER_CATEGORY_SET: Record<TriggerCategory, true> = {
  scale: true,
  team: true,
  cost: true,
  compliance: true,
  performance: true,
  technology: true,
  calendar: true,
  organizational: true,
};

/** Every normalised section key of `model.ts`, for validating `sections:` lists. */
export const SECTION_KEYS = Object.keys(SECTION_KEY_SET) as [SectionKey, ...SectionKey[]];
/** The eight revisit-trigger categories, in the order of domain.md. */
export const TRIGGER_CATEGORIES = Object.keys(TRIGGER_CATEGORY_SET) as [TriggerCategory, ...TriggerCategory[]];
/** The six Well-Architected pillar ids the built-in checklist must define. */
export const PILLAR_IDS = [
  'operational-excellence',
  'security',
  'reliability',
  'performance-efficiency',
  'cost-optimization',
  'sustainability',
] as const;
/** The five questions behind any decision, in order. */
export const QUESTION_IDS = ['problem', 'constraints', 'options', 'trade-offs', 'recommendation'] as const;
const DOC_KINDS = ['adr', 'design-doc'] as const satisfies readonly DocKind[];

// Cues are matched on word boundaries, so they must begin and end with a word character.
const CUE_SHAPE = /^[\p{L}\p{N}](?:.*[\p{L}\p{N}])?$/u;

/** One cue phrase: trimmed, lower-cased, non-empty, bounded. */
export const cueSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: 'cue must not be empty', abort: true })
  .max(120, 'cue is too long (at most 120 characters)')
  .regex(CUE_SHAPE, 'cue must start and end with a letter or digit (cues match on word boundaries)');

/** A non-empty list of cues. */
export const cueListSchema = z.array(cueSchema).min(1, 'at least one cue is required').max(500);

const text = z.string().trim().min(1, { error: 'text must not be empty', abort: true }).max(1000);
const textList = z.array(text).min(1, 'at least one entry is required').max(100);
const kebabId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case, e.g. "data-retention"');

/** Flag repeated ids in a list (path points at the second one) and, optionally, ids that must be present. */
function idsCheck<T extends { id: string }>(required: readonly string[] = []) {
  return (list: T[], ctx: z.core.$RefinementCtx<T[]>): void => {
    const seen = new Map<string, number>();
    list.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'id'],
          input: item.id,
          message: `duplicate id "${item.id}" (already used at index ${first})`,
        });
      } else seen.set(item.id, index);
    });
    const missing = required.filter((id) => !seen.has(id));
    if (missing.length > 0) {
      ctx.addIssue({ code: 'custom', input: list, message: `missing required ids: ${missing.join(', ')}` });
    }
  };
}

const pillarSchema = z.strictObject({
  id: z.enum(PILLAR_IDS),
  name: text,
  question: text,
  practices: textList,
  cues: cueListSchema,
  /** Broad words of the pillar: a document using one has thought of it, without addressing it. */
  mentions: z.array(cueSchema).max(500).default([]),
});

/** checklists/well-architected.yml */
export const wellArchitectedFileSchema = z.strictObject({
  pillars: z.array(pillarSchema).superRefine(idsCheck(PILLAR_IDS)),
});

/** Heading phrases: a non-empty section whose heading contains one (as whole words) answers the question or concern. */
const headingListSchema = z.array(cueSchema).max(200).default([]);

const questionSchema = z.strictObject({
  id: z.enum(QUESTION_IDS),
  text,
  sections: z.array(z.enum(SECTION_KEYS)).min(1, 'at least one section key is required'),
  headings: headingListSchema,
  cues: cueListSchema,
});

const mistakeSchema = z.strictObject({
  id: kebabId,
  text,
  phrases: cueListSchema,
});

/** checklists/trade-offs.yml */
export const tradeOffsFileSchema = z.strictObject({
  questions: z.array(questionSchema).superRefine(idsCheck(QUESTION_IDS)),
  rigor: z.strictObject({
    type1Cues: cueListSchema,
    type2Cues: cueListSchema,
    type1Requires: textList,
  }),
  mistakes: z.array(mistakeSchema).min(1).superRefine(idsCheck()),
});

const triggerCategorySchema = z.strictObject({
  id: z.enum(TRIGGER_CATEGORIES),
  name: text,
  cues: cueListSchema,
  /** Words in a record's own text that point to this category (`backfill` drafts a trigger of it). */
  recordCues: cueListSchema.optional(),
  examples: textList,
  revisits: text,
});

/** checklists/revisit-triggers.yml */
export const revisitTriggersFileSchema = z.strictObject({
  concreteHint: text,
  categories: z.array(triggerCategorySchema).superRefine(idsCheck(TRIGGER_CATEGORIES)),
  vaguePhrases: cueListSchema,
});

const concernSchema = z.strictObject({
  id: kebabId,
  name: text,
  headings: headingListSchema,
  cues: cueListSchema,
});

/** checklists/cross-cutting.yml */
export const crossCuttingFileSchema = z.strictObject({
  concerns: z.array(concernSchema).min(1).superRefine(idsCheck()),
});

const userItemSchema = z.strictObject({
  id: kebabId,
  text,
  cues: cueListSchema,
  severity: z.enum(['error', 'warning']).default('warning'),
});

/** A user checklist (any other `.yml`/`.yaml` file named in the config's `checklists:`). */
export const userChecklistSchema = z.strictObject({
  id: kebabId,
  name: text,
  appliesTo: z.array(z.enum(DOC_KINDS)).min(1, 'name at least one document kind: adr, design-doc'),
  items: z.array(userItemSchema).min(1, 'a checklist needs at least one item').max(500).superRefine(idsCheck()),
});

export type WellArchitectedFile = z.output<typeof wellArchitectedFileSchema>;
export type TradeOffsFile = z.output<typeof tradeOffsFileSchema>;
export type RevisitTriggersFile = z.output<typeof revisitTriggersFileSchema>;
export type CrossCuttingFile = z.output<typeof crossCuttingFileSchema>;
export type UserChecklistFile = z.output<typeof userChecklistSchema>;
