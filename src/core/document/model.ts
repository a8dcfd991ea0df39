/**
 * The typed model of one decision document (ADR or design doc), built from the
 * remark tree by `parse.ts`. Every element keeps the 1-based line and column
 * where it was written so checks can point at it.
 */

/** What a file is, for the review. */
export type DocKind = 'adr' | 'design-doc';

/** A place in the source: 1-based line and column. */
export interface Place {
  line: number;
  column: number;
}

/** A value and where it was written. */
export interface Located<T> extends Place {
  value: T;
}

/**
 * Normalised section names. Real ADRs rename sections freely; `headings.ts`
 * maps synonyms (Nygard, MADR 2-4, the trade-off template, French MADR) here.
 */
export type SectionKey =
  | 'status'
  | 'date'
  | 'participants'
  | 'context'
  | 'drivers'
  | 'constraints'
  | 'options'
  | 'decision'
  | 'rationale'
  | 'consequences'
  | 'positive-consequences'
  | 'negative-consequences'
  | 'pros-cons'
  | 'trade-offs'
  | 'revisit'
  | 'decision-record'
  | 'risks'
  | 'rollout'
  | 'failure-modes'
  | 'more-information'
  | 'alternatives-rejected'
  | 'well-architected';

/** One heading and the content under it, up to the next heading of the same or lower depth. */
export interface Section extends Place {
  /** Heading text as written (plain text, no markup). */
  heading: string;
  /** Normalised key, or null when the heading is not one the review knows. */
  key: SectionKey | null;
  depth: number;
  /** Last line of the section's content (inclusive). */
  endLine: number;
  /** Plain text of the content under the heading (sub-sections included), without the heading. */
  text: string;
  /** True when the content is only template guidance, a comment, TODO/TBD or empty. */
  empty: boolean;
  /**
   * Source line of each line of `text` (`text.split('\n')[i]` was written on
   * `textLines[i]`), so cue matches point at the right line. The parser always
   * fills it; hand-built sections may leave it out, and readers then estimate.
   */
  textLines?: number[];
}

/** Status lifecycle words after normalisation (domain.md section 1 and 8). */
export type StatusWord =
  | 'proposed'
  | 'accepted'
  | 'approved'
  | 'rejected'
  | 'declined'
  | 'deprecated'
  | 'superseded'
  | 'draft'
  | 'implemented'
  | 'pending'
  | 'in-review'
  | 'on-hold'
  | 'withdrawn'
  | 'reverted'
  | 'amended';

export interface Status extends Place {
  /** Text as written, e.g. `**Accepted** (PR #2897)`. */
  raw: string;
  /** Lower-case first status word found, e.g. `accepted`; null when none could be read. */
  normalized: string | null;
  /** True when the status is the template's unfilled guidance sentence or a placeholder. */
  placeholder: boolean;
  /** ISO date written with the status (`2020-03-25 accepted`), when any. */
  date?: string;
  /** Where the status came from. */
  source: 'front-matter' | 'section' | 'field';
}

/** A date as written and, when unambiguous, as ISO `YYYY-MM-DD`. */
export interface DateField extends Place {
  raw: string;
  /** ISO date; absent when the text could not be read or is ambiguous. */
  iso?: string;
  /** True for `04/09/2020`-style dates that read differently in the US and elsewhere. */
  ambiguous: boolean;
  /**
   * The ISO days an ambiguous date can mean (`27/06/24`: 2024-06-27 or
   * 2027-06-24). Parsing has no clock: `decisionDay` picks the one reading
   * not after the review's day, when only one is.
   */
  readings?: string[];
  source: 'front-matter' | 'field' | 'file-name';
}

/** One option considered, as a list item or sub-heading under the options section. */
export interface OptionConsidered extends Place {
  name: string;
}

/** One criterion row (or column) of a decision matrix. */
export interface MatrixCriterion extends Place {
  name: string;
  /** Weight as a number (percent or fraction as written); absent when unreadable. */
  weight?: number;
}

/** A weighted decision-matrix table (trade-off template, section 5). */
export interface DecisionMatrix extends Place {
  endLine: number;
  criteria: MatrixCriterion[];
  /** Sum of readable weights. */
  weightTotal: number;
  /** 'percent' when weights were written as percentages or sum near 100, 'fraction' near 1. */
  weightScale: 'percent' | 'fraction' | 'unknown';
  /** Option names (score columns). */
  options: string[];
}

export interface DocLink extends Place {
  /** An amendment changes part of a record that still stands; a supersession replaces it. */
  relation: 'supersedes' | 'superseded-by' | 'amends' | 'amended-by';
  /** Link target as written (`0020-x.md`, `ADR-0020`). */
  target: string;
  /** ADR number the link names, when one can be read. */
  number?: number;
}

/** A "Relates to" / "See also" link to another record: drawn in the decision graph, judged by no check. */
export interface RelatedLink extends Place {
  /** Link target as written (`0003-x.md`, `ADR-3`). */
  target: string;
  /** ADR number the link names, when one can be read. */
  number?: number;
}

/** The eight revisit-trigger categories of domain.md section 6. */
export type TriggerCategory =
  | 'scale'
  | 'team'
  | 'cost'
  | 'compliance'
  | 'performance'
  | 'technology'
  | 'calendar'
  | 'organizational';

export type TriggerKind = 'date' | 'duration' | 'recurring' | 'threshold' | 'vague';

/** One revisit trigger: a concrete, checkable condition written in the ADR. */
export interface RevisitTrigger extends Place {
  category: TriggerCategory | null;
  text: string;
  kind: TriggerKind;
  /**
   * Next due date (ISO) for date / duration / recurring triggers, computed from
   * the decision date; absent when the trigger has no calendar part or the
   * decision date is unknown.
   */
  due?: string;
  /** For `recurring`, the period in months. */
  everyMonths?: number;
  /**
   * For `vague`, the known vague phrase found ("when we grow", one of the
   * checklist's `vaguePhrases`); absent when the parser could not read the
   * trigger at all (it may be concrete in words the parser does not know).
   */
  vaguePhrase?: string;
  /** Where the vague phrase is written, so a finding points at it rather than at the trigger's start. */
  vagueAt?: Place;
  /** A revisit date that is no calendar day (`2027-02-30`, `2026-13-45`), as written and where: it can never fire. */
  impossibleDate?: Located<string>;
  /** A Prometheus query named in front matter (`revisit: - when: '...'`). */
  query?: string;
  source: 'section' | 'inline' | 'front-matter';
}

/** One-way door (Type 1) or two-way door (Type 2), domain.md section 4. */
export type DecisionType = 'type-1' | 'type-2';

/** A problem found while parsing (bad front matter, ambiguous date); reported as a finding. */
export interface ParseProblem extends Place {
  ruleId: string;
  message: string;
}

/** The typed model of one decision document. */
export interface DecisionDoc {
  /** Path relative to the repository root (POSIX separators). */
  path: string;
  kind: DocKind;
  /** Total number of lines in the source. */
  lineCount: number;
  /** Parsed YAML front matter, or null when absent or invalid. */
  frontMatter: Record<string, unknown> | null;
  /** First line of the front matter block, when present. */
  frontMatterLine?: number;
  title?: Located<string>;
  /** Number written in the title (`# 12. Use X`, `# ADR-0012: Use X`). */
  titleNumber?: Located<number>;
  /** Number read from the file or folder name (`0012-use-x.md`). */
  fileNumber?: number;
  status?: Status;
  /** Decision date (front matter `date:`, a `Date:` field, or the file name). */
  date?: DateField;
  /** Deciders / participants / decision-makers, as written. */
  participants: Located<string>[];
  sections: Section[];
  options: OptionConsidered[];
  /**
   * Sentences that say other options were weighed, when options are written
   * as prose ("We considered A, B and C", "The other option would be …",
   * "There was a proposal to …, but …"), and headings over alternatives
   * ("Existing solutions: …", "Contrast with …").
   */
  optionsInProse?: Located<string>[];
  matrices: DecisionMatrix[];
  /** Statements of trade-offs accepted ("we give up X in exchange for Y"). */
  tradeOffs: Located<string>[];
  triggers: RevisitTrigger[];
  supersedes: DocLink[];
  supersededBy: DocLink[];
  /** Records this one amends ("Amends ADR-7"), and records that amend it. */
  amends?: DocLink[];
  amendedBy?: DocLink[];
  /** Records this one names as related ("Relates to ADR-3", "See also …"), for the decision graph. */
  relatesTo?: RelatedLink[];
  decisionType?: Located<DecisionType>;
  /** Language of the headings: fewer checks run on unknown languages. */
  language: 'en' | 'fr' | 'unknown';
  /** Template leftovers (`[Date]`, `{date}`, `<!-- optional -->`, TODO/TBD). */
  placeholders: Located<string>[];
  problems: ParseProblem[];
}

/** What the cross-document checks need to know of each ADR in a folder. */
export interface IndexEntry {
  path: string;
  kind: DocKind;
  number?: number;
  fileNumber?: number;
  title?: string;
  status?: string | null;
  supersedes: DocLink[];
  supersededBy: DocLink[];
  amends?: DocLink[];
  amendedBy?: DocLink[];
  relatesTo?: RelatedLink[];
  /**
   * True when the entry comes from a file listing only (the App reads the base
   * branch's tree, not every ADR's text): number and path are known, links and
   * status are not, so checks must not judge its missing links.
   */
  listingOnly?: boolean;
}

/** Find the section with a key (first one). */
export function findSection(doc: DecisionDoc, key: SectionKey): Section | undefined {
  return doc.sections.find((s) => s.key === key);
}

/** Summarise a document for the repository index. */
export function toIndexEntry(doc: DecisionDoc): IndexEntry {
  return {
    path: doc.path,
    kind: doc.kind,
    number: doc.titleNumber?.value ?? doc.fileNumber,
    fileNumber: doc.fileNumber,
    title: doc.title?.value,
    status: doc.status?.normalized ?? null,
    supersedes: doc.supersedes,
    supersededBy: doc.supersededBy,
    ...(doc.amends && doc.amends.length > 0 ? { amends: doc.amends } : {}),
    ...(doc.amendedBy && doc.amendedBy.length > 0 ? { amendedBy: doc.amendedBy } : {}),
    ...(doc.relatesTo && doc.relatesTo.length > 0 ? { relatesTo: doc.relatesTo } : {}),
  };
}
