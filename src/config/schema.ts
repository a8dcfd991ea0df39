import { z } from 'zod';

/**
 * The one schema for `.github/design-review.yml`, shared by the App, the CLI
 * and the Action. Unknown keys are errors (a typo should not silently do
 * nothing); every key has a default so an empty file is valid.
 */

/**
 * Default globs that hold ADRs (adr-tools, MADR, log4brains, common layouts).
 * Every Markdown file in them is a record except templates, indexes and
 * chapters (src/core/document/record-names.ts); ADRs kept at the repository
 * root or in an `architecture` folder are found from the repository listing
 * (src/core/document/repository-layout.ts), not by a glob.
 */
export const DEFAULT_ADR_GLOBS = [
  'adr/**',
  'adrs/**',
  'doc/adr/**',
  'doc/adrs/**',
  'docs/adr/**',
  'docs/adrs/**',
  'decisions/**',
  'doc/decisions/**',
  'docs/decisions/**',
  'architecture-decisions/**',
  'docs/architecture-decisions/**',
  'architecture/decisions/**',
  'doc/architecture/decisions/**',
  'docs/architecture/decisions/**',
  'decision-records/**',
  'decision_records/**',
  'docs/decision-records/**',
  'docs/decision_records/**',
];

/**
 * Default globs that hold design docs, RFCs and proposals. KEPs are one folder
 * per proposal (`keps/<sig>/NNNN-slug/README.md`), so only those READMEs count
 * there. An RFC repository's `text/` folder is found from the listing.
 */
export const DEFAULT_DESIGN_DOC_GLOBS = [
  'rfcs/**',
  'rfc/**',
  'proposals/**',
  'proposal/**',
  'design/**',
  'designs/**',
  'enhancements/**',
  'keps/**/README.md',
  'docs/rfcs/**',
  'docs/proposals/**',
  'docs/design/**',
  'docs/designs/**',
  'docs/**/rfc/**',
  'docs/**/architecture/**',
];

/**
 * Files that live beside decisions but are never reviewed. Templates
 * (`adr-template.md`, `0000-modele-adr.md`), indexes (README, index,
 * SUMMARY), CHANGELOG / LICENSE / CONTRIBUTING files and chapters of a
 * per-decision folder are recognised by name in src/core/document/record-names.ts,
 * more precisely than globs can (`0007-x/index.md` is a record,
 * `adr-014-project-templates.md` too); these globs add whole folders.
 */
export const DEFAULT_EXCLUDE_GLOBS = ['**/templates/**', '**/_templates/**', '**/.adr-dir'];

/** Default status vocabulary: Nygard's lifecycle plus MADR's and common variants. */
export const DEFAULT_STATUSES = [
  'proposed',
  'accepted',
  'approved',
  'rejected',
  'declined',
  'deprecated',
  'superseded',
  'draft',
  'implemented',
  'pending',
  'in-review',
  'on-hold',
  'withdrawn',
  'reverted',
  'amended',
];

/** The severities a `rules` entry may set, as remark-lint spells them. */
export const SEVERITIES = ['off', 'warn', 'error'] as const;

const severityLabel = z.enum(SEVERITIES);

/** A rule setting: a severity, or `[severity, options]` as in remark-lint. */
export const ruleSetting = z.union([severityLabel, z.tuple([severityLabel, z.record(z.string(), z.unknown())])]);

const durationText = z
  .string()
  .regex(/^\s*\d{1,3}\s*(day|week|month|year)s?\s*$/i, 'expected a duration such as "6 months" or "1 year"');

const checkConclusion = z.enum(['success', 'neutral', 'failure']);

/** A GitHub label name: GitHub caps names at 50 characters; commas would split it in the search the sweep runs. */
const labelName = z
  .string()
  .min(1)
  .max(50)
  .regex(/^[^,\s](?:[^,]*[^,\s])?$/, 'a label name has no commas and no leading or trailing spaces');

const globList = z.array(z.string().min(1).max(500)).max(200);

export const configSchema = z.strictObject({
  /** Probot resolves `_extends` before the App sees the config; the CLI ignores it. */
  _extends: z.string().optional(),
  paths: z
    .strictObject({
      adr: globList.default(DEFAULT_ADR_GLOBS),
      designDoc: globList.default(DEFAULT_DESIGN_DOC_GLOBS),
      exclude: globList.default(DEFAULT_EXCLUDE_GLOBS),
      /** Design docs reviewed as designs for a running system, whatever their text says (front matter `design-kind:` wins). */
      systemDesign: globList.default([]),
      /** Design docs reviewed as changes to a language, library, API, file format or process (front matter `design-kind:` wins). */
      changeProposal: globList.default([]),
    })
    .prefault({}),
  /** Accepted status words (lower case); anything else is reported by `adr-status`. */
  statuses: z.array(z.string().min(1).max(40)).min(1).max(100).default(DEFAULT_STATUSES),
  /** Severity overrides by rule id, e.g. `adr-revisit-triggers: off`. */
  rules: z.record(z.string().regex(/^[a-z0-9-]+$/, 'rule ids are lower-case kebab-case'), ruleSetting).default({}),
  /** Extra checklist files (YAML, or AWS Well-Architected custom lens JSON), relative to the repository root. */
  checklists: z.array(z.string().min(1).max(500)).max(50).default([]),
  revisit: z
    .strictObject({
      /** Calendar trigger offered in generated ADRs. */
      defaultCalendar: durationText.default('6 months'),
      /** Reminder for Type 1 decisions that have no calendar trigger, counted from acceptance. */
      type1Default: durationText.default('12 months'),
    })
    .prefault({}),
  templates: z
    .strictObject({
      /** Template used by `new` when none is named. */
      default: z.string().min(1).max(100).default('adr'),
      /** Extra named templates: name -> path of a .hbs file in the repository. */
      extra: z.record(z.string().regex(/^[a-z0-9-]+$/, 'template names are lower-case kebab-case, e.g. `rfc` or `team-adr`'), z.string().min(1).max(500)).default({}),
    })
    .prefault({}),
  review: z
    .strictObject({
      /** Review draft pull requests too. */
      drafts: z.boolean().default(true),
      /**
       * Documents larger than this are skipped with a notice (bytes). 1 MiB: the largest real
       * design doc seen is about 150 KB, and review time grows with size.
       */
      maxFileBytes: z.number().int().positive().max(50_000_000).default(1_048_576),
      /** At most this many documents per review; the rest are listed as skipped. */
      maxFiles: z.number().int().positive().max(5000).default(300),
      /** A gap most records of a folder share (80 % of 5 or more: no date, status, options…): one finding for the folder (CLI), a note in the pull request summary (App, Action). */
      folderConventions: z.boolean().default(true),
    })
    .prefault({}),
  /** (App) Scheduled revisit reminders: one issue per ADR and due occurrence. */
  reminders: z
    .strictObject({
      /** Open reminder issues for ADRs whose revisit date has come. */
      enabled: z.boolean().default(true),
      /** Labels put on reminder issues; a reminder is recognised by its hidden marker plus one of these. */
      labels: z.array(labelName).min(1).max(10).default(['adr-revisit']),
      /** Keep one "Decision health" issue listing every ADR, edited in place. */
      healthIssue: z.boolean().default(false),
      /** Assign the file's CODEOWNERS when the ADR names no decider by GitHub handle. */
      assignFromCodeowners: z.boolean().default(true),
    })
    .prefault({}),
  /** Conclusion of the "Design review" check run by the worst finding (a required check passes on success and neutral). */
  checks: z
    .strictObject({
      /** When any finding is an error. */
      onError: checkConclusion.default('failure'),
      /** When the worst finding is a warning. */
      onWarning: checkConclusion.default('neutral'),
      /** When there are no findings. */
      onClean: checkConclusion.default('success'),
    })
    .prefault({}),
  /** (App) The `/adr` commands in issues and pull requests. */
  commands: z
    .strictObject({
      /** Answer `/adr` commands at all. */
      enabled: z.boolean().default(true),
      /** Least repository permission a commenter needs to run them. */
      permission: z.enum(['write', 'maintain', 'admin']).default('write'),
      /** Open the ADR pull request as a draft. */
      draft: z.boolean().default(true),
    })
    .prefault({}),
});

/** The config as written (input) and after defaults (output). */
export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type RuleSetting = z.output<typeof ruleSetting>;
