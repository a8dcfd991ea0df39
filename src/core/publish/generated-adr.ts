import type { TriggerCategoryDef } from '../checklists/types.js';
import { findSection, type DecisionDoc, type Section } from '../document/model.js';
import { buildAdrData } from '../new-adr/adr-data.js';
import { escapeMarkdownBlock } from '../render/escape-markdown.js';
import { renderTemplate } from '../render/templates.js';
import type { Review } from '../review-model.js';
import type { ChangedFile } from './types.js';

/**
 * The ADR the summary offers when a design doc in the PR makes a decision and
 * the PR records no ADR for it: the `adr` template, prefilled from the doc.
 * The caller loads the built-in templates first (`loadBuiltinTemplates()` in
 * src/io); the core never reads files.
 */

/** Options of `draftAdrFromDesignDoc`. */
export interface DraftAdrOptions {
  /** The ADR number: next free in the repository. */
  number: number;
  /** Decision date of the draft, ISO (the injected clock's today). */
  today: string;
  /** `revisit.defaultCalendar` of the config. */
  defaultCalendar: string;
  /** `checklists.triggerCategories`: the revisit-trigger prompts drafted per category. */
  categories: TriggerCategoryDef[];
}

/** Change statuses by which a pull request adds a file. */
const ADDING: ReadonlySet<ChangedFile['status']> = new Set(['added', 'copied']);

/** Paragraphs and list items of a section's text, list markers removed. */
function items(section: Section | undefined): string[] {
  if (!section || section.empty) return [];
  return section.text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter((line) => line !== '');
}

/** The doc's consequences: the consequences section, else its positive and negative sections. */
function consequencesOf(doc: DecisionDoc): string[] {
  const all = items(findSection(doc, 'consequences'));
  if (all.length > 0) return all;
  return [
    ...items(findSection(doc, 'positive-consequences')).map((t) => `Good, because ${t}`),
    ...items(findSection(doc, 'negative-consequences')).map((t) => `Bad, because ${t}`),
  ];
}

/** A title for the ADR: the doc's, else its file name in words. */
function titleOf(doc: DecisionDoc): string {
  const written = doc.title?.value.trim();
  if (written) return written;
  const base = doc.path.split('/').pop()!.replace(/\.[^.]+$/, '');
  return base.replace(/[-_]+/g, ' ').trim() || 'Untitled decision';
}

/**
 * Put the doc's decision under `## Decision`. The adr template has no field
 * for it (a new ADR starts with a prompt there), so the prompt paragraph is
 * replaced; if a custom template lacks the heading, the draft keeps its prompt.
 */
function withDecision(adr: string, decision: string): string {
  const text = escapeMarkdownBlock(decision);
  if (text === '') return adr;
  // The prompt runs to the next `## ` heading or to the trailing whitespace of the draft: found with
  // indexOf, as `/(\n## Decision\n\n)[\s\S]*?(?=\n\n## |\s*$)/` did with a quadratic scan of long space runs.
  const heading = '\n## Decision\n\n';
  const start = adr.indexOf(heading);
  if (start === -1) return adr;
  const from = start + heading.length;
  const next = adr.indexOf('\n\n## ', from);
  const end = Math.min(next === -1 ? adr.length : next, Math.max(from, adr.trimEnd().length));
  return `${adr.slice(0, from)}${text}${adr.slice(end)}`;
}

/** Render an ADR draft (Markdown) from a design doc that decides something: title, context, options, decision, consequences. */
export function draftAdrFromDesignDoc(doc: DecisionDoc, opts: DraftAdrOptions): string {
  const context = findSection(doc, 'context');
  const data = buildAdrData({
    title: titleOf(doc),
    number: opts.number,
    date: opts.today,
    status: 'proposed',
    context: context && !context.empty ? context.text : undefined,
    options: doc.options.map((o) => o.name),
    consequences: consequencesOf(doc),
    defaultCalendar: opts.defaultCalendar,
    categories: opts.categories,
  });
  const decision = findSection(doc, 'decision');
  const adr = renderTemplate('adr', data);
  return decision && !decision.empty ? withDecision(adr, decision.text) : adr;
}

/** Design docs the PR adds or changes that make a decision, when the PR adds no ADR: each deserves a drafted ADR. */
export function needsGeneratedAdr(review: Review, changed: readonly ChangedFile[]): DecisionDoc[] {
  const kept = new Set(changed.filter((f) => f.status !== 'removed').map((f) => f.path));
  const added = new Set(changed.filter((f) => ADDING.has(f.status)).map((f) => f.path));
  if (review.documents.some((d) => d.kind === 'adr' && added.has(d.path))) return [];
  return review.documents.filter((d) => {
    if (d.kind !== 'design-doc' || !kept.has(d.path)) return false;
    const decision = findSection(d, 'decision');
    return decision !== undefined && !decision.empty && decision.text.trim() !== '';
  });
}
