import type { TriggerCategoryDef } from '../checklists/types.js';
import { addDuration, parseDuration, toIso } from '../document/dates.js';
import type { TriggerCategory } from '../document/model.js';

/**
 * The data behind a new ADR (and the trade-off analysis and design-doc
 * templates): the caller's input, validated, plus what is computed from it
 * (calendar due date, revisit-trigger prompts, decision-matrix criteria).
 * Pure: the caller passes the date, nothing here reads the clock.
 */

/** The eight revisit-trigger categories in the order the templates offer them (domain.md section 6). */
export const TRIGGER_CATEGORY_ORDER: readonly TriggerCategory[] = [
  'scale',
  'team',
  'cost',
  'compliance',
  'performance',
  'technology',
  'calendar',
  'organizational',
];

/** One revisit-trigger prompt: a category, an example condition, and what gets revisited. */
export interface TriggerPrompt {
  id: TriggerCategory;
  name: string;
  /** An example condition from the checklist data, shown as guidance. */
  example: string;
  revisits: string;
  /** The calendar category is rendered as a real trigger with the due date, not as guidance. */
  calendar: boolean;
}

/** One weighted criterion of the trade-off decision matrix. */
export interface MatrixCriterionRow {
  name: string;
  /** Percent; the rows add up to 100. */
  weight: number;
}

/** What the ADR, trade-off analysis and design-doc templates render. */
export interface AdrTemplateData {
  title: string;
  number: number;
  /** Four-digit number as in the file name (`0007`). */
  numberPadded: string;
  /** Decision date, ISO. */
  date: string;
  /** Status word, lower case (`proposed`). */
  status: string;
  /** Status as displayed (`Proposed`). */
  statusLabel: string;
  context?: string;
  deciders: string[];
  options: string[];
  consequences: string[];
  issueUrl?: string;
  /** Link text for the issue (`#12` for a GitHub issue or pull request URL). */
  issueLabel?: string;
  /** The calendar trigger offered by default (`6 months`). */
  defaultCalendar: string;
  /** `date` + `defaultCalendar`, ISO. */
  due: string;
  triggers: TriggerPrompt[];
  criteria: MatrixCriterionRow[];
}

/** Input of `buildAdrData`: what the user (CLI flags, `/adr new` comment) and the config provide. */
export interface AdrInput {
  title: string;
  number: number;
  /** Decision date, ISO `YYYY-MM-DD` (the injected clock's today for a new ADR). */
  date: string;
  status?: string;
  context?: string;
  deciders?: string[];
  options?: string[];
  consequences?: string[];
  issueUrl?: string;
  /** `revisit.defaultCalendar` from the config, e.g. `6 months`. */
  defaultCalendar: string;
  /** `checklists.triggerCategories`. */
  categories: TriggerCategoryDef[];
}

/** Criteria of the trade-off template's decision matrix (domain.md section 5); weights add up to 100. */
export const DEFAULT_CRITERIA: readonly MatrixCriterionRow[] = [
  { name: 'Performance', weight: 20 },
  { name: 'Cost', weight: 20 },
  { name: 'Team expertise', weight: 15 },
  { name: 'Time to implement', weight: 15 },
  { name: 'Maintainability', weight: 15 },
  { name: 'Risk', weight: 15 },
];

/** Used when a checklist lacks a category; the built-in checklist has all eight. */
const FALLBACK_PROMPTS: Record<TriggerCategory, { name: string; example: string; revisits: string }> = {
  scale: { name: 'Scale', example: 'Peak traffic passes ten times the current baseline.', revisits: 'compute, database, caching, regions' },
  team: { name: 'Team', example: 'The team grows past 15 engineers.', revisits: 'service boundaries, build versus buy' },
  cost: { name: 'Cost', example: 'Monthly spend on the component exceeds $50,000.', revisits: 'sizing, managed versus self-hosted' },
  compliance: { name: 'Compliance', example: 'The system enters PCI-DSS or HIPAA scope.', revisits: 'storage location, encryption, access model' },
  performance: { name: 'Performance', example: 'p99 latency stays above the SLA for three weeks.', revisits: 'caching, indexing, sizing' },
  technology: { name: 'Technology', example: 'A dependency reaches end of life.', revisits: 'engine, runtime, integrations' },
  calendar: { name: 'Calendar', example: 'Every 6 months.', revisits: 'the whole decision' },
  organizational: { name: 'Organizational', example: 'A reorganisation moves ownership of the component.', revisits: 'ownership, infrastructure strategy' },
};

const MAX_TITLE_LENGTH = 300;

/** Validate the input and compute the template data of a new ADR; throws a RangeError naming the bad field. */
export function buildAdrData(input: AdrInput): AdrTemplateData {
  const title = input.title.replace(/\s+/g, ' ').trim();
  if (title === '') throw new RangeError('buildAdrData: the title is empty; give the decision a short title such as "Use PostgreSQL"');
  if (title.length > MAX_TITLE_LENGTH) {
    throw new RangeError(`buildAdrData: the title has ${title.length} characters; keep it under ${MAX_TITLE_LENGTH}`);
  }
  if (!Number.isSafeInteger(input.number) || input.number < 1) {
    throw new RangeError(`buildAdrData: expected a positive integer ADR number, got ${String(input.number)}`);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.date);
  if (!m || !toIso(+m[1]!, +m[2]!, +m[3]!)) {
    throw new RangeError(`buildAdrData: expected the date as YYYY-MM-DD, got "${input.date}"`);
  }
  const duration = parseDuration(input.defaultCalendar);
  if (!duration) {
    throw new RangeError(`buildAdrData: expected defaultCalendar as a duration such as "6 months", got "${input.defaultCalendar}"`);
  }
  const status = (input.status ?? 'proposed').trim().toLowerCase() || 'proposed';
  const issueUrl = input.issueUrl?.trim() || undefined;
  return {
    title,
    number: input.number,
    numberPadded: String(input.number).padStart(4, '0'),
    date: input.date,
    status,
    statusLabel: status.charAt(0).toUpperCase() + status.slice(1),
    context: input.context?.trim() || undefined,
    deciders: cleanList(input.deciders),
    options: cleanList(input.options),
    consequences: cleanList(input.consequences),
    issueUrl,
    issueLabel: issueUrl ? issueLabel(issueUrl) : undefined,
    defaultCalendar: input.defaultCalendar.trim(),
    due: addDuration(input.date, duration),
    triggers: triggerPrompts(input.categories),
    criteria: DEFAULT_CRITERIA.map((c) => ({ ...c })),
  };
}

/** The eight categories in template order, each with the checklist's first example. */
export function triggerPrompts(categories: readonly TriggerCategoryDef[]): TriggerPrompt[] {
  return TRIGGER_CATEGORY_ORDER.map((id) => {
    const def = categories.find((c) => c.id === id);
    const fallback = FALLBACK_PROMPTS[id];
    return {
      id,
      name: def?.name ?? fallback.name,
      example: def?.examples[0] ?? fallback.example,
      revisits: def?.revisits ?? fallback.revisits,
      calendar: id === 'calendar',
    };
  });
}

function cleanList(items: readonly string[] | undefined): string[] {
  return (items ?? []).map((s) => s.trim()).filter((s) => s !== '');
}

/** `#12` for a GitHub issue or pull request URL, otherwise the URL itself. */
function issueLabel(url: string): string {
  const m = /\/(?:issues|pull|discussions)\/(\d+)\/?(?:[#?].*)?$/.exec(url);
  return m ? `#${m[1]}` : url;
}
